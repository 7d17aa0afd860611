/**
 * Every refusal rejects with a plain Error, and every group name it returns is, a message full of
 * markup, Markdown, control characters and ANSI escapes: no report may carry them raw.
 */
import { withCalls } from './wrap';

export const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)> `code` | pipe | [link](javascript:alert(3)) ]]> \u001b[31mred\u001b[0m \u0007bell\u0000nul\r\n# heading';
export const createImplementation = () => ({
  ...withCalls(`faulty: ${PAYLOAD}`, async (next, method, arg) => {
    const r = await next(method, arg).catch(() => Promise.reject(new Error(`refused: ${PAYLOAD}`)));
    return r.data?.group?.name === undefined ? r : { code: 0, data: { ...r.data, group: { ...r.data.group, name: PAYLOAD } } };
  }),
});
