/**
 * Correct, but every call takes 200 ms: under the 500 ms call deadline the suite runs it with, so it
 * must pass, however many calls a step makes (a step of 61 calls takes 12 s).
 */
import { withCalls } from './wrap';

export const createImplementation = () => withCalls('faulty: 200 ms a call', (next, method, arg) => new Promise((r) => setTimeout(r, 200)).then(() => next(method, arg)));
