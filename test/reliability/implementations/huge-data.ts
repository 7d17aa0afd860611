/** Answers getGroupProfile with a 20 MB group name: the verdict is failed, the reports stay small. */
import { withCalls } from './wrap';

const HUGE = 'x'.repeat(20 * 1024 * 1024);
export const createImplementation = () =>
  withCalls('faulty: huge data', async (next, method, arg) => {
    const r = await next(method, arg);
    return method === 'getGroupProfile' ? { code: 0, data: { ...r.data, group: { ...r.data.group, name: HUGE } } } : r;
  });
