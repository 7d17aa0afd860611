/**
 * The simulator with every call (a session's and the app admin's) passed through `call`: how each
 * faulty implementation of the reliability suite misbehaves. `who` is the user, or '@admin'.
 */
import type { CallResult, Implementation } from '../../../adapters/contract';
import { simulatorImplementation } from '../../../adapters/simulator';

export type Call = (method: string, arg?: unknown) => Promise<CallResult>;

export function withCalls(name: string, call: (next: Call, method: string, arg: unknown, who: string) => Promise<CallResult>): Implementation {
  const base = simulatorImplementation();
  return {
    ...base,
    name,
    async createApp(options) {
      const app = await base.createApp(options);
      return {
        ...app,
        close: () => app.close(),
        admin: { call: (method, arg) => call((m, a) => app.admin.call(m, a), method, arg, '@admin') },
        login: async (userID, o) => {
          const s = await app.login(userID, o);
          return { userID: s.userID, device: s.device, events: () => s.events(), logout: () => s.logout(), call: (method, arg) => call((m, a) => s.call(m, a), method, arg, userID) };
        },
      };
    },
  };
}

/** Every refusal (a coded rejection of the simulator) replaced by a rejection with `value`. */
export function rejectingWith(name: string, value: () => unknown): Implementation {
  return withCalls(name, (next, method, arg) => next(method, arg).catch(() => Promise.reject(value())));
}
