/** Correct, but every call takes 500 ms (under a 1,000 ms call deadline: it must pass). */
import { withCalls } from './wrap';

export const createImplementation = () => withCalls('faulty: 500 ms a call', (next, method, arg) => new Promise((r) => setTimeout(r, 500)).then(() => next(method, arg)));
