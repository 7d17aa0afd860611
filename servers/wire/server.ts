/**
 * The reference simulator served over the groupspec wire protocol (docs/protocol.md). It is what the
 * wire client is tested against, and a live example for anyone writing a server in another
 * language: when their server and this one answer the same request differently, theirs is wrong
 * or the protocol document is.
 *
 * node:http only: the protocol is small, and a framework would hide exactly the edge cases
 * (oversized bodies, bad JSON, wrong verbs) that the document promises to answer in JSON.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createSimulator, DEFAULT_LIMITS, isCodedError, VirtualClock, type Chat, type LimitOverrides, type Simulator, type SimulatorOptions } from '../../simulator';
import { GROUP_TYPES } from '../../simulator/core/constants';
import { ADMIN_COMMANDS } from '../../simulator/core';
import { METHODS } from '../../simulator/sdk/chat';
import { CONTRACT_VERSION } from '../../adapters/contract';
import { RECORDED_EVENTS, simulatorImplementation } from '../../adapters/simulator';

/** The protocol's version is the contract's: a change that breaks adapters breaks servers too. */
export const PROTOCOL_VERSION = CONTRACT_VERSION;
/**
 * 4 MiB, not 1: the suite's own oversize-input scenarios send strings of about 1 MB (350 000 × 群 is
 * 1 050 000 bytes) to check that the implementation refuses them with 10004, so the protocol must
 * carry them; a 413 there would turn a conformance check into a crash.
 */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Most events one events response carries by default; a bigger backlog arrives over several requests. */
export const EVENTS_PAGE_MAX = 1000;
/**
 * Past this many bytes an oversized body is no longer drained but cut off. Draining is what lets
 * a well-behaved client read the 413 (closing mid-upload makes it see a reset instead), but it
 * must not let a runaway client keep the server reading forever.
 */
const DRAIN_ALLOWANCE_BYTES = 16 * 1024 * 1024;
/** In-flight requests get this long to finish once close() is called. */
const CLOSE_GRACE_MS = 2000;
/** Most routes the server remembers (by verb and path) before it forgets them all. */
const ROUTE_CACHE_SIZE = 4096;
/** Most requests one batch (POST /v1/batch) may carry by default; announced in the capabilities. */
export const BATCH_MAX_REQUESTS = 256;

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the protocol has no authentication, so it is not exposed by default. */
  host?: string;
  /** Largest request body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES, 4 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /**
   * Makes the simulator behind each app; default createSimulator. It receives the app's clock,
   * seed and limits and must honour them: the clock endpoints advance and read `sim.clock`.
   */
  implementation?: (options: SimulatorOptions) => Simulator;
  /** Most events per events response (default EVENTS_PAGE_MAX); small values exercise clients' paging. */
  eventsPageMax?: number;
  /**
   * Most requests per batch (default BATCH_MAX_REQUESTS); 0 serves no batch endpoint and announces
   * none, as a server written before batches existed (clients then send every request alone).
   */
  batchMaxRequests?: number;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish and drops every app. */
  close(): Promise<void>;
}

// ---- errors ----

type Reason =
  | 'unknown-endpoint'
  | 'method-not-allowed'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'malformed-json'
  | 'invalid-request'
  | 'unsupported-limit'
  | 'unknown-app'
  | 'unknown-session'
  | 'unknown-method'
  | 'bad-http'
  | 'headers-too-large'
  | 'batch-too-large'
  | 'internal';

/** A request the server will not execute: answered with the protocol error envelope. */
class ProtocolFault extends Error {
  constructor(
    readonly status: number,
    readonly reason: Reason,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function envelope(code: 'protocol' | 'internal', reason: Reason, message: string) {
  return { ok: false, error: { code, reason, message } };
}

// ---- request bodies ----

const count = z.number().int().nonnegative();
const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS).filter((k) => k !== 'memberCap');
const MemberCapSchema = z.record(z.string(), count);
const SessionBody = z.strictObject({
  userID: z.string(),
  device: z.string().optional(),
  unlimitedAVChatRoom: z.boolean().optional(),
});
const CallBody = z.strictObject({ method: z.string().min(1), arg: z.unknown().optional() });
const AdvanceBody = z.strictObject({ ms: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });
const AppBody = z.strictObject({
  limits: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  customFields: z.strictObject({ group: z.array(z.string()).optional(), member: z.array(z.string()).optional() }).optional(),
});
/** The logout body: nothing (built once, not per request). */
const EmptyBody = z.strictObject({});
const BatchItem = z.strictObject({
  method: z.enum(['GET', 'POST', 'DELETE']),
  path: z.string().startsWith('/'),
  body: z.unknown().optional(),
});
const BatchBody = z.strictObject({ requests: z.array(BatchItem) });
const AfterQuery = z.string().regex(/^(0|[1-9][0-9]{0,15})$/, 'must be a non-negative decimal integer');

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
  throw new ProtocolFault(400, 'invalid-request', `invalid request body: ${where}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Limit names are checked here, not left to the simulator: it would silently ignore a misspelt
 * name, and a limit rule would then pass or fail against the default cap for the wrong reason.
 */
function parseLimits(raw: Record<string, unknown> | undefined): LimitOverrides | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'memberCap') {
      const caps = MemberCapSchema.safeParse(value);
      if (!caps.success) throw new ProtocolFault(400, 'invalid-request', 'invalid request body: limits.memberCap: must map group types to non-negative integers');
      for (const type of Object.keys(caps.data)) {
        if (!(GROUP_TYPES as readonly string[]).includes(type)) {
          throw new ProtocolFault(400, 'unsupported-limit', `limit memberCap.${type} is not supported (group types: ${GROUP_TYPES.join(', ')})`);
        }
      }
      out.memberCap = caps.data;
    } else if (LIMIT_NAMES.includes(name)) {
      if (!count.safeParse(value).success) throw new ProtocolFault(400, 'invalid-request', `invalid request body: limits.${name}: must be a non-negative integer`);
      out[name] = value;
    } else {
      throw new ProtocolFault(400, 'unsupported-limit', `limit ${name} is not supported`);
    }
  }
  return out as LimitOverrides;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Empty means `{}`: endpoints whose fields are all optional need not send a body at all. */
function decodeBody(req: http.IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const [mediaType, ...params] = (req.headers['content-type'] ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (mediaType !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
    throw new ProtocolFault(415, 'unsupported-media-type', `request bodies must be Content-Type: application/json (UTF-8), got ${JSON.stringify(req.headers['content-type'] ?? '')}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(raw));
  } catch (e) {
    throw new ProtocolFault(400, 'malformed-json', `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return requireObject(value);
}

/** Every request body is a JSON object, whether it came alone or inside a batch. */
function requireObject(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolFault(400, 'invalid-request', 'invalid request body: body: must be a JSON object');
  }
  return value;
}

/** Resolves with the whole body, or rejects with 413 only once the upload has ended (see DRAIN_ALLOWANCE_BYTES). */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new ProtocolFault(413, 'body-too-large', `request body exceeds ${maxBytes} bytes`, { Connection: 'close' });
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > maxBytes + DRAIN_ALLOWANCE_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
      }
    });
    req.on('end', () => (size > maxBytes ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

// ---- apps and sessions ----

interface RecordedEvent {
  seq: number;
  name: string;
  data: unknown;
}

interface SessionEntry {
  readonly chat: Chat;
  readonly log: RecordedEvent[];
}

interface AppEntry {
  readonly sim: Simulator;
  readonly sessions: Map<string, SessionEntry>;
  nextSession: number;
}

// ---- routing ----

interface Ctx {
  readonly params: { app?: string; session?: string };
  readonly body: unknown;
  readonly query: URLSearchParams;
}
type Handler = (ctx: Ctx) => Promise<Record<string, unknown> | Encoded> | Record<string, unknown> | Encoded;
interface Route {
  readonly verb: 'GET' | 'POST' | 'DELETE';
  /** Path segments after /v1; ':app' and ':session' capture IDs. */
  readonly path: readonly string[];
  readonly handler: Handler;
}

/** Where a request goes: its route, the IDs in its path and its query. */
interface Target {
  readonly route: Route;
  readonly params: Ctx['params'];
  readonly query: URLSearchParams;
}

/** A request's answer, encoded: what goes on the wire alone, or as one entry of a batch's answer. */
interface Answer {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** A response body already encoded as JSON text (a batch's, whose entries are encoded one by one). */
class Encoded {
  constructor(readonly text: string) {}
}

function matchPath(pattern: readonly string[], segments: readonly string[]): Ctx['params'] | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: { app?: string; session?: string } = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (p === ':app') params.app = s;
    else if (p === ':session') params.session = s;
    else if (p !== s) return undefined;
  }
  return params;
}

/** Starts serving; resolves once the port is bound. */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) return Promise.reject(new RangeError(`maxBodyBytes must be a positive integer, got ${maxBodyBytes}`));
  const pageMax = options.eventsPageMax ?? EVENTS_PAGE_MAX;
  if (!Number.isInteger(pageMax) || pageMax < 1) return Promise.reject(new RangeError(`eventsPageMax must be a positive integer, got ${pageMax}`));
  const batchMax = options.batchMaxRequests ?? BATCH_MAX_REQUESTS;
  if (!Number.isInteger(batchMax) || batchMax < 0) return Promise.reject(new RangeError(`batchMaxRequests must be a non-negative integer, got ${batchMax}`));
  const makeSimulator = options.implementation ?? createSimulator;
  // the wire server is the simulator by another road, so it declares exactly what the in-process adapter does
  const reference = simulatorImplementation();
  const apps = new Map<string, AppEntry>();
  // IDs are never reused, so a stale ID after DELETE is a clean 404 rather than someone else's app
  let nextApp = 0;
  let closing = false;

  const appOf = (ctx: Ctx): AppEntry => {
    const app = apps.get(ctx.params.app!);
    if (app === undefined) throw new ProtocolFault(404, 'unknown-app', `unknown app ${JSON.stringify(ctx.params.app)} (never created, or closed)`);
    return app;
  };
  const sessionOf = (ctx: Ctx): SessionEntry => {
    const session = appOf(ctx).sessions.get(ctx.params.session!);
    if (session === undefined) throw new ProtocolFault(404, 'unknown-session', `unknown session ${JSON.stringify(ctx.params.session)} in app ${JSON.stringify(ctx.params.app)}`);
    return session;
  };

  /** A refusal is an outcome the suite judges, so it travels as 200; anything uncoded is the server failing. */
  const settle = async (run: () => Promise<{ code: 0; data: unknown }>): Promise<Record<string, unknown>> => {
    try {
      const r = await run();
      return { ok: true, result: { code: 0, data: r.data } };
    } catch (e) {
      if (isCodedError(e)) return { ok: false, error: { code: e.code, message: e.message, data: (e as { data?: unknown }).data ?? {} } };
      throw e;
    }
  };

  const routes: Route[] = [
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
        ...(batchMax > 0 ? { batch: { maxRequests: batchMax } } : {}),
      }),
    },
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
        const o = parseBody(SessionBody, ctx.body);
        const { userID, ...loginOptions } = o;
        let chat: Chat;
        try {
          chat = app.sim.login(userID, loginOptions);
        } catch (e) {
          // the simulator refuses a bad user ID or device with a coded error, as it would in process
          if (isCodedError(e)) return { ok: false, error: { code: e.code, message: e.message, data: (e as { data?: unknown }).data ?? {} } };
          throw e;
        }
        const log: RecordedEvent[] = [];
        for (const name of RECORDED_EVENTS) chat.on(name, (e) => log.push({ seq: log.length + 1, name: e.name, data: e.data }));
        const sessionID = `s-${++app.nextSession}`;
        app.sessions.set(sessionID, { chat, log });
        return { ok: true, sessionID, userID: chat.userID, device: chat.device };
      },
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'sessions', ':session', 'call'],
      handler: (ctx) => {
        const { chat } = sessionOf(ctx);
        const o = parseBody(CallBody, ctx.body);
        if (!METHODS.has(o.method)) throw new ProtocolFault(400, 'unknown-method', `unknown SDK method ${JSON.stringify(o.method)} (see capabilities.operations)`);
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
        const { log } = sessionOf(ctx);
        const raw = ctx.query.get('after') ?? '0';
        const parsed = AfterQuery.safeParse(raw);
        if (!parsed.success) throw new ProtocolFault(400, 'invalid-request', `invalid query: after: must be a non-negative decimal integer, got ${JSON.stringify(raw)}`);
        const after = Number(raw);
        if (after > log.length) throw new ProtocolFault(400, 'invalid-request', `invalid query: after: ${after} is past the ${log.length} events delivered so far`);
        const events = log.slice(after, after + pageMax);
        return { ok: true, events, next: after + events.length, more: after + events.length < log.length };
      },
    },
    {
      verb: 'POST',
      path: ['apps', ':app', 'admin', 'call'],
      handler: (ctx) => {
        const { sim } = appOf(ctx);
        const o = parseBody(CallBody, ctx.body);
        if (!Object.prototype.hasOwnProperty.call(ADMIN_COMMANDS, o.method)) {
          throw new ProtocolFault(400, 'unknown-method', `unknown admin command ${JSON.stringify(o.method)} (see capabilities.adminOperations)`);
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

  /**
   * Which route a request goes to, checked in the order of docs/protocol.md §5: the endpoint, then
   * the HTTP method. Touches no state, so a batch can route all its requests before it runs one.
   */
  const route = (verb: string | undefined, target: string): Target => {
    const url = new URL(target, 'http://groupspec.invalid');
    let segments: string[];
    try {
      segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    } catch {
      throw new ProtocolFault(400, 'invalid-request', `invalid percent-encoding in path ${url.pathname}`);
    }
    if (segments[0] !== 'v1') {
      throw new ProtocolFault(404, 'unknown-endpoint', `no endpoint ${url.pathname}: this server speaks protocol version ${PROTOCOL_VERSION}, under /v${PROTOCOL_VERSION}/`);
    }
    const rest = segments.slice(1);
    const candidates = routes.map((r) => ({ route: r, params: matchPath(r.path, rest) })).filter((m) => m.params !== undefined);
    if (candidates.length === 0) throw new ProtocolFault(404, 'unknown-endpoint', `no endpoint ${url.pathname}`);
    const match = candidates.find((m) => m.route.verb === verb);
    if (match === undefined) {
      const allow = candidates.map((m) => m.route.verb).join(', ');
      throw new ProtocolFault(405, 'method-not-allowed', `${verb ?? '?'} is not allowed on ${url.pathname} (allowed: ${allow})`, { Allow: allow });
    }
    return { route: match.route, params: match.params!, query: url.searchParams };
  };
  /**
   * Routes already found, by verb and path (the query aside): a fuzzed command's picture sends the
   * same few dozen paths again and again, and parsing each as a URL was a measurable share of a
   * batch's cost. A target with a fragment is not cached; the cache is dropped when it fills.
   */
  const routed = new Map<string, Target>();
  const resolve = (verb: string | undefined, target: string): Target => {
    if (target.includes('#')) return route(verb, target);
    const q = target.indexOf('?');
    const key = `${verb} ${q < 0 ? target : target.slice(0, q)}`;
    let found = routed.get(key);
    if (found === undefined) {
      found = route(verb, target);
      if (routed.size >= ROUTE_CACHE_SIZE) routed.clear();
      routed.set(key, found);
    }
    return { route: found.route, params: found.params, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
  };

  /**
   * Runs one request, alone or inside a batch, and encodes its answer: a protocol fault becomes its
   * envelope, anything else uncoded a 500, and a result that JSON cannot carry (a cycle, a BigInt)
   * a 500 too, since that is the implementation's fault, not the client's.
   */
  const execute = async (run: () => Promise<unknown>): Promise<Answer> => {
    let status = 200;
    let out: unknown;
    let headers: Record<string, string> = {};
    try {
      out = await run();
    } catch (e) {
      if (e instanceof ProtocolFault) {
        [status, out, headers] = [e.status, envelope('protocol', e.reason, e.message), e.headers];
      } else {
        [status, out] = [500, envelope('internal', 'internal', `the implementation failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)];
      }
    }
    if (out instanceof Encoded) return { status, text: out.text, headers };
    try {
      return { status, text: JSON.stringify(out), headers };
    } catch (e) {
      return { status: 500, text: JSON.stringify(envelope('internal', 'internal', `the result cannot be encoded as JSON: ${e instanceof Error ? e.message : String(e)}`)), headers: {} };
    }
  };

  /**
   * POST /v1/batch (docs/protocol.md §4.11). The envelope is checked whole before anything runs;
   * then each request runs to its end before the next starts, exactly as it would alone, and a
   * failed one does not stop the rest.
   */
  async function runBatch({ body }: Ctx): Promise<Encoded> {
    const { requests } = parseBody(BatchBody, body);
    if (requests.length > batchMax) throw new ProtocolFault(413, 'batch-too-large', `a batch carries at most ${batchMax} requests (capabilities.batch.maxRequests), got ${requests.length}`);
    const targets = requests.map((r, i) => {
      let target: Target;
      try {
        target = resolve(r.method, r.path);
      } catch (e) {
        // a request that goes nowhere is answered in its place; the others still run
        return e as ProtocolFault;
      }
      if (target.route.handler === runBatch) throw new ProtocolFault(400, 'invalid-request', `invalid request body: requests.${i}.path: a batch cannot contain a batch`);
      return target;
    });
    const parts: string[] = [];
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i]!;
      const target = targets[i]!;
      const { status, text } = await execute(async () => {
        if (target instanceof ProtocolFault) throw target;
        return target.route.handler({ params: target.params, body: r.method === 'POST' && r.body !== undefined ? requireObject(r.body) : {}, query: target.query });
      });
      parts.push(`{"status":${status},"body":${text}}`);
    }
    return new Encoded(`{"ok":true,"responses":[${parts.join(',')}]}`);
  }
  if (batchMax > 0) routes.push({ verb: 'POST', path: ['batch'], handler: runBatch });

  const handle = async (req: http.IncomingMessage): Promise<unknown> => {
    let target: Target;
    try {
      target = resolve(req.method, req.url ?? '/');
    } catch (e) {
      // the body is not wanted, but it must be read for the connection to stay usable
      req.resume();
      throw e;
    }
    // GET and DELETE bodies are read only to keep the connection usable; their content is ignored
    const raw = await readBody(req, maxBodyBytes);
    const body = target.route.verb === 'POST' ? decodeBody(req, raw) : {};
    return target.route.handler({ params: target.params, body, query: target.query });
  };

  const server = http.createServer((req, res) => {
    execute(() => handle(req)).then(
      ({ status, text, headers }) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(text)),
          'Cache-Control': 'no-store',
          ...(closing ? { Connection: 'close' } : {}),
          ...headers,
        });
        res.end(text);
      },
      () => res.destroy(),
    );
  });

  // node's own answer to unparsable HTTP is a bare 400 with no body; the protocol promises JSON everywhere
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, text] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers-too-large', 'Request Header Fields Too Large'] as const : [400, 'bad-http', 'Bad Request'] as const;
    const body = JSON.stringify(envelope('protocol', reason, `malformed HTTP request: ${err.message}`));
    socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      let closed: Promise<void> | undefined;
      resolve({
        url,
        close() {
          closed ??= new Promise<void>((done, fail) => {
            closing = true;
            const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
            force.unref();
            server.close((err) => {
              clearTimeout(force);
              apps.clear();
              if (err === undefined) done();
              else fail(err);
            });
            // keep-alive sockets with no request in flight would otherwise hold close() open
            server.closeIdleConnections();
          });
          return closed;
        },
      });
    });
  });
}
