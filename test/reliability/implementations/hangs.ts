/** Its calls never answer. */
import { withCalls } from './wrap';

export const createImplementation = () => withCalls('faulty: hangs forever', () => new Promise(() => {}));
