/** The wire protocol's endpoints (docs/protocol.md §4), over the apps and sessions one server holds. */
import { isCodedError, VirtualClock, type Chat, type Simulator, type SimulatorOptions } from '../../simulator';
import { ADMIN_COMMANDS } from '../../simulator/core';
import { METHODS } from '../../simulator/sdk/chat';
import { CONTRACT_VERSION, type Implementation } from '../../adapters/contract';
import { RECORDED, stackless } from '../../adapters/simulator';
import { RawJson, type Params, type Route, type Target } from '../http';
import { AdvanceBody, AFTER, AppBody, EventsBody, CallBody, EmptyBody, SessionBody, WireFault, parseBody, parseLimits } from './bodies';

/** The protocol's version is the contract's: a change that breaks adapters breaks servers too. */
export const PROTOCOL_VERSION = CONTRACT_VERSION;

export interface RecordedEvent {
  seq: number;
  name: string;
  data: unknown;
}

export interface SessionEntry {
  readonly chat: Chat;
  readonly log: RecordedEvent[];
  /**
   * log[i] as JSON text, made when an events read first answers it: a client reads an event more
   * than once (a pipelined read asks from the last answered position), and the text cannot go
   * stale, since the log's data is its own copy that nothing changes (Chat.emit).
   */
  readonly texts: string[];
}

export interface AppEntry {
  readonly sim: Simulator;
  readonly sessions: Map<string, SessionEntry>;
  nextSession: number;
}

/** A request as an endpoint reads it: its path's params, its body and its query (parsed when read: most endpoints take none). */
export class Ctx {
  constructor(
    private readonly target: Target<WireHandler>,
    readonly body: unknown,
  ) {}
  get params(): Params {
    return this.target.params;
  }
  get query(): URLSearchParams {
    return this.target.query;
  }
}
export type WireHandler = (ctx: Ctx) => unknown;
export type WireRoute = Route<WireHandler>;

/** What the endpoints share: one server's apps and its settings. */
export interface WireState {
  readonly apps: Map<string, AppEntry>;
  /** The implementation the server declares (the in-process adapter's name and capabilities). */
  readonly reference: Pick<Implementation, 'name' | 'capabilities'>;
  readonly makeSimulator: (options: SimulatorOptions) => Simulator;
  readonly pageMax: number;
  readonly batchMax: number;
  /** The stream, when served (docs/protocol.md §4.12): announced in the capabilities. */
  readonly stream?: { readonly path: string; readonly maxMessageBytes: number } | undefined;
}

/** A refusal is an outcome the suite judges, so it travels as 200; anything uncoded is the server failing. */
function coded(e: unknown): Record<string, unknown> {
  if (isCodedError(e)) return { ok: false, error: { code: e.code, message: e.message, data: (e as { data?: unknown }).data ?? {} } };
  throw e;
}

/**
 * A success's answer, as the text JSON.stringify({ok: true, result: {code: 0, data}}) gives, with no
 * object built around the data. Data JSON leaves out (undefined) or cannot encode (a cycle, a BigInt)
 * goes as that object, for the base to encode as it does any value (or answer 500).
 */
export function succeeded(r: { code: 0; data: unknown }): RawJson | Record<string, unknown> {
  let data: string | undefined;
  try {
    data = JSON.stringify(r.data);
  } catch {
    data = undefined;
  }
  return data === undefined ? { ok: true, result: { code: 0, data: r.data } } : new RawJson(`{"ok":true,"result":{"code":0,"data":${data}}}`);
}

/**
 * A call's outcome as the protocol answers it; one promise step, not an async function's (a
 * measurable share per call). Run without capturing stack traces, as the in-process adapter runs
 * it: a refusal travels as its code, message and data, never its stack, and V8's stack capture for
 * each refusal's ChatError was 2.5 % of a pipelined fuzz run's CPU (client and server).
 */
function settle(run: () => Promise<{ code: 0; data: unknown }>): Promise<RawJson | Record<string, unknown>> | Record<string, unknown> {
  let pending: Promise<{ code: 0; data: unknown }>;
  try {
    pending = stackless(run);
  } catch (e) {
    return coded(e);
  }
  return Promise.resolve(pending).then(succeeded, coded);
}

export function wireRoutes(state: WireState): WireRoute[] {
  const { apps, reference, makeSimulator, pageMax, batchMax, stream } = state;
  // IDs are never reused, so a stale ID after DELETE is a clean 404 rather than someone else's app
  let nextApp = 0;

  const appOf = (ctx: Ctx): AppEntry => {
    const app = apps.get(ctx.params.app!);
    if (app === undefined) throw new WireFault(404, 'unknown-app', `unknown app ${JSON.stringify(ctx.params.app)} (never created, or closed)`);
    return app;
  };
  const sessionOf = (ctx: Ctx): SessionEntry => {
    const session = appOf(ctx).sessions.get(ctx.params.session!);
    if (session === undefined) throw new WireFault(404, 'unknown-session', `unknown session ${JSON.stringify(ctx.params.session)} in app ${JSON.stringify(ctx.params.app)}`);
    return session;
  };
  /** The events after the first `after`, at most a page (§4.6); `where` names the field in a 400. */
  const eventsPage = ({ log, texts }: SessionEntry, after: number, where: string): RawJson => {
    if (after > log.length) throw new WireFault(400, 'invalid-request', `${where}: ${after} is past the ${log.length} events delivered so far`);
    const next = Math.min(log.length, after + pageMax);
    const events: string[] = [];
    for (let i = after; i < next; i++) events.push((texts[i] ??= JSON.stringify(log[i])));
    // the text JSON.stringify({ok, events, next, more}) gives, with each event's text made once
    const more = next < log.length;
    // `next` named by a later read's reference (batch.postEvents) is read from `top`, not by parsing the page
    return new RawJson(`{"ok":true,"events":[${events.join(',')}],"next":${next},"more":${more}}`, 200, undefined, { ok: true, next, more });
  };

  return [
    {
      verb: 'GET',
      path: ['capabilities'],
      handler: () => ({
        ok: true,
        name: reference.name,
        contractVersion: CONTRACT_VERSION,
        protocolVersion: PROTOCOL_VERSION,
        capabilities: reference.capabilities,
        // a protocol feature, not a contract capability: announced only when served, so old servers read as "no batches"
        ...(batchMax > 0 ? { batch: { maxRequests: batchMax, references: true, postEvents: true } } : {}),
        ...(stream === undefined ? {} : { stream: { path: stream.path, maxMessageBytes: stream.maxMessageBytes } }),
      }),
    },
    ...(stream === undefined
      ? []
      : [
          {
            // the stream's path without an Upgrade (servers/wire/stream.ts takes the upgrades)
            verb: 'GET',
            path: ['stream'],
            handler: () => {
              throw new WireFault(426, 'upgrade-required', `GET ${stream.path} opens the stream: send it with Upgrade: websocket (docs/protocol.md §4.12)`, { Upgrade: 'websocket' });
            },
          },
        ]),
    {
      verb: 'POST',
      path: ['apps'],
      handler: ({ body }) => {
        const o = parseBody(AppBody, body);
        const limits = parseLimits(o.limits);
        const sim = makeSimulator({ clock: new VirtualClock(), seed: o.seed ?? 1, ...(limits === undefined ? {} : { limits }), ...(o.customFields === undefined ? {} : { customFields: o.customFields }) });
        const appID = `app-${++nextApp}`;
        apps.set(appID, { sim, sessions: new Map(), nextSession: 0 });
        return { ok: true, appID };
      },
    },
    {
      verb: 'DELETE',
      path: ['apps', ':app'],
      handler: (ctx) => {
        appOf(ctx);
        apps.delete(ctx.params.app!);
        return { ok: true };
      },
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'sessions'],
      handler: (ctx) => {
        const app = appOf(ctx);
        const { userID, ...loginOptions } = parseBody(SessionBody, ctx.body);
        let chat: Chat;
        try {
          chat = app.sim.login(userID, loginOptions);
        } catch (e) {
          // the simulator refuses a bad user ID or device with a coded error, as it would in process
          return coded(e);
        }
        const log: RecordedEvent[] = [];
        // the simulator's own data for each event, as the in-process adapter records it: no handler's
        // copy built for the log alone (every group list, every tip), and nothing changes that data
        chat.tap(RECORDED, (name, data) => log.push({ seq: log.length + 1, name, data }));
        const sessionID = `s-${++app.nextSession}`;
        app.sessions.set(sessionID, { chat, log, texts: [] });
        return { ok: true, sessionID, userID: chat.userID, device: chat.device };
      },
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'sessions', ':session', 'call'],
      handler: (ctx) => {
        const { chat } = sessionOf(ctx);
        const o = parseBody(CallBody, ctx.body);
        if (!METHODS.has(o.method)) throw new WireFault(400, 'unknown-method', `unknown SDK method ${JSON.stringify(o.method)} (see capabilities.operations)`);
        return settle(() => chat.invoke(o.method, o.arg));
      },
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'sessions', ':session', 'logout'],
      handler: async (ctx) => {
        const { chat } = sessionOf(ctx);
        parseBody(EmptyBody, ctx.body);
        await chat.logout();
        return { ok: true };
      },
    },
    {
      verb: 'GET',
      path: ['apps', ':app', 'sessions', ':session', 'events'],
      handler: (ctx) => {
        const session = sessionOf(ctx);
        const raw = ctx.query.get('after') ?? '0';
        if (!AFTER.test(raw)) throw new WireFault(400, 'invalid-request', `invalid query: after: must be a non-negative decimal integer, got ${JSON.stringify(raw)}`);
        return eventsPage(session, Number(raw), 'invalid query: after');
      },
    },
    {
      // the same read with `after` in the body, so that in a batch it can name an earlier read's `next` (§4.6)
      verb: 'POST',
      path: ['apps', ':app', 'sessions', ':session', 'events'],
      handler: (ctx) => {
        const session = sessionOf(ctx);
        return eventsPage(session, parseBody(EventsBody, ctx.body).after, 'invalid request body: after');
      },
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'admin', 'call'],
      handler: (ctx) => {
        const { sim } = appOf(ctx);
        const o = parseBody(CallBody, ctx.body);
        if (!Object.prototype.hasOwnProperty.call(ADMIN_COMMANDS, o.method)) {
          throw new WireFault(400, 'unknown-method', `unknown admin command ${JSON.stringify(o.method)} (see capabilities.adminOperations)`);
        }
        return settle(() => sim.admin.invoke(o.method, o.arg));
      },
    },
    {
      verb: 'GET',
      path: ['apps', ':app', 'clock'],
      handler: (ctx) => ({ ok: true, now: appOf(ctx).sim.clock.now() }),
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'clock', 'advance'],
      handler: (ctx) => {
        const { sim } = appOf(ctx);
        const o = parseBody(AdvanceBody, ctx.body);
        if (!(sim.clock instanceof VirtualClock)) throw new Error('the implementation replaced the app clock with one that cannot be advanced');
        return { ok: true, now: sim.clock.advance(o.ms) };
      },
    },
  ];
}
