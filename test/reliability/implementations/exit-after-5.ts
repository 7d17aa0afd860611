/** Answers five calls correctly, then ends the process with exit code 0 (a CI gate must not go green). */
import { withCalls } from './wrap';

let calls = 0;
export const createImplementation = () => withCalls('faulty: process.exit(0) after 5 calls', (next, method, arg) => (++calls > 5 ? process.exit(0) : next(method, arg)));
