/** Answers correctly, then scribbles over the argument object it was given (its own business, not the gate's). */
import { withCalls } from './wrap';

function scribble(arg: unknown): void {
  if (typeof arg !== 'object' || arg === null) return;
  for (const k of Object.keys(arg)) {
    const v = (arg as Record<string, unknown>)[k];
    if (Array.isArray(v)) v.length = 0;
    else (arg as Record<string, unknown>)[k] = typeof v === 'string' ? 'scribbled' : typeof v === 'number' ? -1 : null;
  }
}
export const createImplementation = () =>
  withCalls('faulty: mutates its arguments', async (next, method, arg) => {
    const r = await next(method, arg);
    scribble(arg);
    return r;
  });
