/** Answers every call with data that refers to itself (not JSON: no SDK can return it). */
import { withCalls } from './wrap';

export const createImplementation = () =>
  withCalls('faulty: cyclic data', async (next, method, arg) => {
    const r = await next(method, arg);
    const data = { ...r.data };
    data.self = data;
    return { code: 0, data };
  });
