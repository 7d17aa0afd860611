/** Answers correctly, but its first call leaves a promise rejected with nobody to handle it. */
import { withCalls } from './wrap';

let once = false;
export const createImplementation = () =>
  withCalls('faulty: an unhandled rejection', (next, method, arg) => {
    if (!once) {
      once = true;
      void Promise.reject(new Error('nobody handles this rejection'));
    }
    return next(method, arg);
  });
