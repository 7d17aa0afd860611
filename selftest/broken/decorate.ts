/**
 * Broken implementations: the reference simulator with exactly one documented rule violated,
 * made by decorating the Implementation contract (a call answered differently, a read that lies,
 * an event dropped). They prove the suite can fail: each names the rule ID it breaks, and the
 * suite must fail that rule.
 */
import type { AdminSurface, App, AppOptions, CallResult, DeliveredEvent, Implementation, Session } from '../../adapters/contract';

export interface BreakContext {
  /** The app's untouched admin surface, for effects a break adds behind the scenes. */
  admin: AdminSurface;
  /** Sessions of this app by user, untouched, in login order. */
  sessions: Map<string, Session[]>;
  /** Free state for the break, per app. */
  memo: Map<string, unknown>;
  /** The options the app was asked for, before the break's createApp changed them. */
  options: AppOptions;
  /** The app's clock in ms, where the implementation tells it. */
  now: (() => Promise<number>) | undefined;
  /** Sessions that have logged out (undecorated, as in `sessions`). */
  loggedOut: Set<Session>;
}

export type Next = (arg?: unknown) => Promise<CallResult>;

export interface Interceptor {
  createApp?(options: AppOptions): AppOptions;
  login?(userID: string, options: { device?: string; unlimitedAVChatRoom?: boolean }): { device?: string; unlimitedAVChatRoom?: boolean };
  /** Around every SDK call; `next` performs the real call (with a changed argument if given). */
  call?(ctx: BreakContext, session: Session, method: string, arg: unknown, next: Next): Promise<CallResult>;
  /** Around every admin call. */
  admin?(ctx: BreakContext, method: string, arg: unknown, next: Next): Promise<CallResult>;
  /** Filters what a session is shown as delivered. */
  events?(ctx: BreakContext, session: Session, events: DeliveredEvent[]): DeliveredEvent[];
}

export interface Break {
  /** A stable slug for the break, used on the command line. */
  id: string;
  /** The rule ID it violates: the suite must fail this rule. */
  rule: string;
  description: string;
  interceptor: Interceptor;
}

export function breakImplementation(base: Implementation, brk: Break): Implementation {
  const i = brk.interceptor;
  return {
    name: `${base.name}, broken: ${brk.id}`,
    contractVersion: base.contractVersion,
    capabilities: base.capabilities,
    async createApp(options = {}) {
      const app = await base.createApp(i.createApp?.(options) ?? options);
      const now = app.now === undefined ? undefined : () => app.now!();
      const ctx: BreakContext = { admin: app.admin, sessions: new Map(), memo: new Map(), options, now, loggedOut: new Set() };
      const admin: AdminSurface = {
        call: (method, arg) => (i.admin === undefined ? app.admin.call(method, arg) : i.admin(ctx, method, arg, (a = arg) => app.admin.call(method, a))),
      };
      const decorated: App = {
        admin,
        async login(userID, opts = {}) {
          const s = await app.login(userID, i.login?.(userID, opts) ?? opts);
          ctx.sessions.set(userID, [...(ctx.sessions.get(userID) ?? []), s]);
          return {
            userID: s.userID,
            device: s.device,
            call: (method, arg) => (i.call === undefined ? s.call(method, arg) : i.call(ctx, s, method, arg, (a = arg) => s.call(method, a))),
            events: async () => (i.events === undefined ? s.events() : i.events(ctx, s, await s.events())),
            logout: async () => {
              ctx.loggedOut.add(s);
              await s.logout();
            },
          };
        },
        close: () => app.close(),
        ...(app.advanceClock === undefined ? {} : { advanceClock: (ms: number) => app.advanceClock!(ms) }),
        ...(app.now === undefined ? {} : { now: () => app.now!() }),
      };
      return decorated;
    },
  };
}

/** A refusal shaped like the SDK's, for breaks that refuse what should succeed. */
export function refusal(code: number, message: string): Error & { code: number; data: object } {
  return Object.assign(new Error(message), { code, data: {} });
}

export async function attempt(p: Promise<CallResult>): Promise<CallResult | { code: number; message: string; failed: true }> {
  try {
    return await p;
  } catch (e) {
    return { code: (e as { code: number }).code, message: (e as Error).message, failed: true };
  }
}
