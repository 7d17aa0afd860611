/** Ends the process with exit code 3 on its first call. */
import { withCalls } from './wrap';

export const createImplementation = () => withCalls('faulty: process.exit(3)', () => process.exit(3));
