/** Kills its own process with SIGKILL on its third call: nothing runs after it, not even an exit handler. */
import { withCalls } from './wrap';

let calls = 0;
export const createImplementation = () =>
  withCalls('faulty: SIGKILL', (next, method, arg) => {
    if (++calls === 3) process.kill(process.pid, 'SIGKILL');
    return next(method, arg);
  });
