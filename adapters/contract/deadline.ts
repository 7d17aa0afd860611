/**
 * Deadlines on calls to an implementation: a hanging implementation gives a TimeoutError and the
 * run goes on. `bounded` bounds one call; `withDeadlines` wraps a whole implementation with it (the
 * runner uses it for properties, which call the contract directly). `Deadlines` gives the same
 * deadline as `bounded` more cheaply to a caller that makes many short calls one after another (the
 * World, for every step's call: some 30 000 calls in a feature run).
 */
import type { App, CallResult, Implementation, Session } from '.';
import { shareTrace } from './trace';
import { sameCall } from './refs';
import { isAnsweredAtOnce } from './at-once';

export function timeoutError(what: string, ms: number): Error {
  return Object.assign(new Error(`${what} did not answer within ${ms} ms`), { name: 'TimeoutError' });
}

export function bounded<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  if (isAnsweredAtOnce(p)) return p;
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeoutError(what, ms)), ms)))]).finally(() => clearTimeout(timer));
}

interface Pending {
  /** Date.now() at which the call times out */
  at: number;
  what: string;
  ms: number;
  reject: (e: Error) => void;
}

/**
 * Deadlines of calls, as `bounded` gives them (the same TimeoutError at the same moment; a call
 * that answers in time settles as it did; a pending call keeps the process alive), on one timer
 * shared by every pending call instead of a timer per call. The timer is armed for the earliest
 * deadline and left in place when a call answers: a later call, due later, needs no new timer, so
 * calls one after another arm about one timer per `ms`, not one each. While nothing is pending the
 * timer is unref'd, so it never keeps the process alive, and when it fires it finds nothing due and
 * is not re-armed.
 */
export class Deadlines {
  private readonly pending = new Set<Pending>();
  private timer: NodeJS.Timeout | undefined;
  /** When the timer fires (Infinity when there is none). */
  private armedAt = Number.POSITIVE_INFINITY;

  bound<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
    if (isAnsweredAtOnce(p)) return p;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { at: Date.now() + ms, what, ms, reject };
      this.pending.add(entry);
      if (entry.at < this.armedAt) this.arm(entry.at);
      else if (this.pending.size === 1) this.timer!.ref();
      p.then(
        (v) => {
          this.settled(entry);
          resolve(v);
        },
        (e: unknown) => {
          this.settled(entry);
          reject(e);
        },
      );
    });
  }

  private settled(entry: Pending): void {
    if (this.pending.delete(entry) && this.pending.size === 0) this.timer?.unref();
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.armedAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - Date.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const entry of this.pending) {
      if (entry.at <= now) {
        this.pending.delete(entry);
        entry.reject(timeoutError(entry.what, entry.ms));
      } else if (entry.at < next) next = entry.at;
    }
    if (next !== Number.POSITIVE_INFINITY) this.arm(next);
  }
}

export function withDeadlines(impl: Implementation, ms: number): Implementation {
  // only an implementation with references is ever sent a Ref, so only its bounded calls need to name the call they bound
  const bound =
    impl.references === true
      ? (method: string, call: Promise<CallResult>) => {
          const b = bounded(method, ms, call);
          // an answer handed back as it is (answeredAtOnce) is already the call itself
          return b === call ? b : sameCall(b, call);
        }
      : (method: string, call: Promise<CallResult>) => bounded(method, ms, call);
  const session = (s: Session): Session => ({
    userID: s.userID,
    device: s.device,
    call: (method, arg) => bound(method, s.call(method, arg)),
    events: () => bounded('events', ms, s.events()),
    logout: () => bounded('logout', ms, s.logout()),
  });
  return {
    name: impl.name,
    contractVersion: impl.contractVersion,
    capabilities: impl.capabilities,
    // the bounds wrap each call as it is issued, so the issue order is the implementation's
    ...(impl.inOrder === undefined ? {} : { inOrder: impl.inOrder }),
    // a Ref to a bounded call names the call it bounds (sameCall)
    ...(impl.references === undefined ? {} : { references: impl.references }),
    async createApp(options) {
      const app = await bounded('createApp', ms, impl.createApp(options));
      const wrapped: App = {
        admin: {
          call: (method, arg) => bound(method, app.admin.call(method, arg)),
        },
        login: async (userID, o) => session(await bounded(`login ${userID}`, ms, app.login(userID, o))),
        close: () => bounded('close', ms, app.close()),
        ...(app.advanceClock === undefined ? {} : { advanceClock: (t: number) => bounded('advanceClock', ms, app.advanceClock!(t)) }),
        ...(app.now === undefined ? {} : { now: () => bounded('now', ms, app.now!()) }),
      };
      shareTrace(wrapped, app);
      return wrapped;
    },
    ...(impl.close === undefined ? {} : { close: () => bounded('close', ms, impl.close!()) }),
  };
}
