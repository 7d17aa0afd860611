/**
 * Deadlines on calls to an implementation: a hanging implementation gives a TimeoutError and the
 * run goes on. `bounded` bounds one call (the World uses it for every step's call); `withDeadlines`
 * wraps a whole implementation (the runner uses it for properties, which call the contract directly).
 */
import type { App, Implementation, Session } from './contract';

export function timeoutError(what: string, ms: number): Error {
  return Object.assign(new Error(`${what} did not answer within ${ms} ms`), { name: 'TimeoutError' });
}

export function bounded<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeoutError(what, ms)), ms)))]).finally(() => clearTimeout(timer));
}

export function withDeadlines(impl: Implementation, ms: number): Implementation {
  const session = (s: Session): Session => ({
    userID: s.userID,
    device: s.device,
    call: (method, arg) => bounded(method, ms, s.call(method, arg)),
    events: () => bounded('events', ms, s.events()),
    logout: () => bounded('logout', ms, s.logout()),
  });
  return {
    name: impl.name,
    contractVersion: impl.contractVersion,
    capabilities: impl.capabilities,
    async createApp(options) {
      const app = await bounded('createApp', ms, impl.createApp(options));
      const wrapped: App = {
        admin: { call: (method, arg) => bounded(method, ms, app.admin.call(method, arg)) },
        login: async (userID, o) => session(await bounded(`login ${userID}`, ms, app.login(userID, o))),
        close: () => bounded('close', ms, app.close()),
        ...(app.advanceClock === undefined ? {} : { advanceClock: (t: number) => bounded('advanceClock', ms, app.advanceClock!(t)) }),
        ...(app.now === undefined ? {} : { now: () => bounded('now', ms, app.now!()) }),
      };
      return wrapped;
    },
    ...(impl.close === undefined ? {} : { close: () => bounded('close', ms, impl.close!()) }),
  };
}
