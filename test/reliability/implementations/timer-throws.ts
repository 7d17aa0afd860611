/** Answers correctly, but its first call starts a timer that throws (an uncaught exception). */
import { withCalls } from './wrap';

let armed = false;
export const createImplementation = () =>
  withCalls('faulty: a timer throws', (next, method, arg) => {
    if (!armed) {
      armed = true;
      setTimeout(() => {
        throw new Error('boom from a timer');
      }, 20);
    }
    return next(method, arg);
  });
