/**
 * The Implementation contract over the groupspec wire protocol (docs/protocol.md): how the suite
 * drives a server written in any language.
 *
 * What the suite needs most from this file is honest classification. A coded refusal is a
 * conformance outcome, so it rejects exactly as the simulator's ChatError does. Everything else
 * (an unreachable server, a 4xx/5xx, a body that is not the protocol's) means the server is broken,
 * so it rejects with an Error that has no numeric `code`: the suite then counts the call as crashed
 * instead of mistaking it for a refusal.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { z } from 'zod';
import { ChatError } from '../../simulator/core/errors';
import {
  CONTRACT_VERSION, GROUP_TYPE_NAMES, NotApplicable,
  type AdminSurface, type App, type AppOptions, type CallResult, type Capabilities, type DeliveredEvent, type Implementation, type Session,
} from '../contract';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface WireOptions {
  /** Deadline for each HTTP request, response body included (default 10 000 ms). */
  timeoutMs?: number;
  /**
   * Send requests issued in the same turn of the event loop as one batch (POST /v1/batch), when
   * the server announces batches (default true). Off, every request travels alone.
   */
  batch?: boolean;
}

/** The server broke the protocol, answered with a protocol error, or could not be reached. */
export class WireError extends Error {
  constructor(
    message: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** The envelope's `error.reason`, when the server sent one. */
    readonly reason?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WireError';
  }
}

/** A request outlived its deadline. Named like the DOM's TimeoutError so callers can test `name` alone. */
export class WireTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

// ---- response shapes: checked, because a server in another language may get them wrong ----

const CodedError = z.object({ code: z.number().int(), message: z.string(), data: z.record(z.string(), z.unknown()).optional() });
const Refused = z.object({ ok: z.literal(false), error: CodedError });
const CallAnswer = z.union([z.object({ ok: z.literal(true), result: z.object({ code: z.literal(0), data: z.unknown() }) }), Refused]);
/** A server written before batches existed announces none; the client then sends every request alone. */
const BatchCapability = z.object({ maxRequests: z.number().int().positive() }).optional();
const BatchAnswer = z.object({ ok: z.literal(true), responses: z.array(z.object({ status: z.number().int(), body: z.unknown() })) });
const CapabilitiesAnswer = z.object({
  ok: z.literal(true),
  name: z.string(),
  contractVersion: z.number().int(),
  capabilities: z.object({
    groupTypes: z.array(z.enum(GROUP_TYPE_NAMES)),
    operations: z.array(z.string()),
    adminOperations: z.array(z.string()),
    clock: z.boolean(),
    events: z.boolean(),
    limitOverrides: z.boolean(),
  }),
  batch: BatchCapability,
});
const AppAnswer = z.object({ ok: z.literal(true), appID: z.string().min(1) });
const SessionAnswer = z.union([z.object({ ok: z.literal(true), sessionID: z.string().min(1), userID: z.string(), device: z.string() }), Refused]);
const Done = z.object({ ok: z.literal(true) });
const NowAnswer = z.object({ ok: z.literal(true), now: z.number() });
const EventsAnswer = z.object({
  ok: z.literal(true),
  events: z.array(z.object({ seq: z.number().int().optional(), name: z.string(), data: z.unknown() })),
  next: z.number().int().nonnegative(),
  more: z.boolean().optional(),
});
const ErrorEnvelope = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), reason: z.string().optional(), message: z.string() }) });

/** IDs go into paths; an ID the server made up with a slash in it must not change the endpoint. */
const seg = (id: string) => encodeURIComponent(id);

/**
 * JSON silently turns NaN into null, drops undefined array items and flattens a Date or a class
 * instance; the server would then judge a different argument than the suite meant. Such an argument
 * cannot cross the wire, so it is refused before sending. Returns where the first offender sits.
 */
function notJson(value: unknown, path: string, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value}`;
    case 'object': {
      if (value === null) return undefined;
      if (seen.has(value)) return `${path} is a cycle`;
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return `${path} is not a plain array`;
        seen.add(value);
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) return `${path}[${i}] is undefined`;
          const bad = notJson(value[i], `${path}[${i}]`, seen);
          if (bad !== undefined) return bad;
        }
        seen.delete(value);
        return undefined;
      }
      if (proto !== Object.prototype && proto !== null) return `${path} is a ${proto?.constructor?.name ?? 'non-plain'} object`;
      seen.add(value);
      for (const [k, v] of Object.entries(value)) {
        // an undefined property means "absent", which is exactly what omitting it says
        if (v === undefined) continue;
        const bad = notJson(v, `${path}.${k}`, seen);
        if (bad !== undefined) return bad;
      }
      seen.delete(value);
      return undefined;
    }
    default:
      return `${path} is a ${typeof value}`;
  }
}

/** Redirects are followed as fetch follows them (which this transport replaced): at most 20. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** As fetch's Response.text(): UTF-8, a leading BOM dropped, bad bytes replaced. */
const decoder = new TextDecoder('utf-8');

/**
 * Node's http client with keep-alive, not fetch: on Node 20 a fetch costs about three times the CPU
 * of the same request through node:http (undici's web streams; docs/performance.md), and the
 * suite makes two or three requests per fuzzed command even with batches. Idle sockets do not keep
 * the process alive (the agent unrefs them) and, as with fetch, are dropped after 4 s idle or a
 * second before the keep-alive timeout the server announces, whichever is sooner, so a request is
 * not sent on a socket the server is closing. (The agent's timeout only ever closes idle sockets; a
 * request in flight is bounded by the deadline alone.)
 */
const IDLE_SOCKET_MS = 4000;
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
} as const;

type Verb = 'GET' | 'POST' | 'DELETE';

/** What a request was answered: its status and its body, parsed (and as text, when it came alone). */
interface Reply {
  status: number;
  body: unknown;
  text?: string;
}

/** A request waiting for the next flush of the queue. */
interface Queued {
  verb: Verb;
  path: string;
  what: string;
  payload: string | undefined;
  resolve(reply: Reply): void;
  reject(e: unknown): void;
}

/**
 * Most characters of request bodies one batch carries: even if every character took 3 bytes of
 * UTF-8, the batch stays well under the 4 MiB every server accepts (docs/protocol.md §6). A body
 * bigger than this travels alone.
 */
const BATCH_CHARS = 1024 * 1024;

class Transport {
  /** Requests issued since the last flush, in the order they were issued. */
  private queue: Queued[] = [];
  /** Most requests per batch, as the server announced; below 2, every request travels alone. */
  batchMax = 0;

  constructor(
    readonly base: string,
    private readonly timeoutMs: number,
  ) {}

  /** Sends one request; resolves with the parsed body of a 2xx answer, rejects with WireError or WireTimeoutError. */
  async send(verb: Verb, path: string, body?: unknown): Promise<unknown> {
    const what = `${verb} ${this.base}${path}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const reply = await (this.batchMax < 2
      ? this.alone(verb, path, payload)
      : new Promise<Reply>((resolve, reject) => {
          // everything issued before the event loop turns goes out together, in issue order
          if (this.queue.push({ verb, path, what, payload, resolve, reject }) === 1) setImmediate(() => void this.flush());
        }));
    return judge(what, reply);
  }

  /** One request on its own: the wire format of protocol version 1 before batches. */
  private async alone(verb: Verb, path: string, payload: string | undefined): Promise<Reply> {
    const url = `${this.base}${path}`;
    const what = `${verb} ${url}`;
    const { status, text } = await this.exchange(url, what, verb, payload === undefined ? undefined : Buffer.from(payload, 'utf8'));
    try {
      return { status, body: JSON.parse(text), text };
    } catch {
      throw new WireError(`${what} answered ${status} with a body that is not JSON: ${preview(text)}`, status);
    }
  }

  /**
   * Sends what the queue holds: in chunks of at most `batchMax` requests and BATCH_CHARS of bodies,
   * one chunk after another, so the server runs them in the order they were issued. A chunk of one
   * is sent alone.
   */
  private async flush(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    for (let i = 0; i < queue.length; ) {
      let j = i + 1;
      let chars = queue[i]!.payload?.length ?? 0;
      while (j < queue.length && j - i < this.batchMax && chars + (queue[j]!.payload?.length ?? 0) <= BATCH_CHARS) chars += queue[j++]!.payload?.length ?? 0;
      const chunk = queue.slice(i, j);
      i = j;
      if (chunk.length === 1) {
        const [q] = chunk as [Queued];
        await this.alone(q.verb, q.path, q.payload).then(q.resolve, q.reject);
      } else {
        await this.batch(chunk);
      }
    }
  }

  /**
   * One POST /v1/batch. Each request gets its own answer, judged exactly as if it had come alone;
   * if the batch as a whole fails (no answer in time, a broken connection, a protocol error), every
   * request in it fails with an error of the same kind that names the request.
   */
  private async batch(chunk: Queued[]): Promise<void> {
    const items = chunk.map((q) => `{"method":"${q.verb}","path":${JSON.stringify(q.path)}${q.payload === undefined ? '' : `,"body":${q.payload}`}}`);
    let answers: Array<{ status: number; body: unknown }>;
    try {
      const what = `POST ${this.base}/v1/batch`;
      const answer = BatchAnswer.safeParse(judge(what, await this.alone('POST', '/v1/batch', `{"requests":[${items.join(',')}]}`)));
      if (!answer.success || answer.data.responses.length !== chunk.length) {
        throw new WireError(`${what} answered 200 without one response per request (${chunk.length} sent): ${preview(JSON.stringify(answer.data ?? answer.error.issues[0]))}`, 200);
      }
      answers = answer.data.responses;
    } catch (e) {
      const where = `sent in a batch of ${chunk.length}`;
      for (const q of chunk) {
        q.reject(
          e instanceof WireTimeoutError
            ? new WireTimeoutError(`${q.what} did not answer within ${this.timeoutMs} ms (${where})`)
            : new WireError(`${q.what} (${where}) failed: ${e instanceof Error ? e.message : String(e)}`, (e as WireError).status, (e as WireError).reason, { cause: e }),
        );
      }
      return;
    }
    chunk.forEach((q, k) => q.resolve(answers[k]!));
  }

  /**
   * One HTTP exchange, redirects included, within the deadline: the status and the body as text.
   * Rejects with WireTimeoutError past the deadline, and otherwise with a WireError that says
   * whether the server could not be reached or the connection broke while its answer was read.
   */
  private exchange(url: string, what: string, verb: string, payload: Buffer | undefined): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let current: http.ClientRequest | undefined;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        f();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new WireTimeoutError(`${what} did not answer within ${this.timeoutMs} ms`)));
        current?.destroy();
      }, this.timeoutMs);
      const unreachable = (e: unknown) => settle(() => reject(new WireError(`${what} failed: cannot reach the server (${explain(e)})`, undefined, undefined, { cause: e })));

      const go = (target: URL, method: string, data: Buffer | undefined, hops: number, resent = false) => {
        const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
        const headers: http.OutgoingHttpHeaders = data === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(data.length) };
        let answered = false;
        let req: http.ClientRequest;
        try {
          req = (protocol === 'https:' ? https : http).request(target, { method, headers, agent: AGENTS[protocol] });
        } catch (e) {
          unreachable(e);
          return;
        }
        current = req;
        req.on('response', (res) => {
          answered = true;
          const status = res.statusCode ?? 0;
          const location = res.headers.location;
          if (REDIRECT_STATUSES.has(status) && location !== undefined) {
            // the redirect's own body is of no interest, nor is a failure while it drains
            res.on('error', () => undefined);
            res.resume();
            if (hops >= MAX_REDIRECTS) {
              unreachable(new Error('redirect count exceeded'));
              return;
            }
            let next: URL;
            try {
              next = new URL(location, target);
            } catch (e) {
              unreachable(e);
              return;
            }
            // as fetch: 303 turns anything but GET into a GET; 301 and 302 turn a POST into a GET
            const toGet = (status === 303 && method !== 'GET') || ((status === 301 || status === 302) && method === 'POST');
            go(next, toGet ? 'GET' : method, toGet ? undefined : data, hops + 1);
            return;
          }
          const chunks: Buffer[] = [];
          const broke = (e: unknown) =>
            settle(() => reject(new WireError(`${what}: the connection broke while reading the ${status} answer (${explain(e)})`, status, undefined, { cause: e })));
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => settle(() => resolve({ status, text: decoder.decode(Buffer.concat(chunks)) })));
          res.on('error', broke);
          res.on('close', () => {
            if (!res.complete) broke(new Error('aborted'));
          });
        });
        req.on('error', (e) => {
          if (answered) return;
          // The server closed an idle keep-alive socket just as this request went out on it (a
          // loaded client's idle timer fires late): the server never read it, so it goes out once
          // more on a fresh socket, as Node's docs advise for reusedSocket.
          if (req.reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET' && !resent) go(target, method, data, hops, true);
          else unreachable(e);
        });
        req.end(data);
      };

      let first: URL;
      try {
        first = new URL(url);
      } catch (e) {
        unreachable(e);
        return;
      }
      go(first, verb, payload, 0);
    });
  }

  /** Sends and checks the answer's shape: a 200 that is not the protocol's is as broken as a 500. */
  async expect<T extends z.ZodType>(schema: T, verb: Verb, path: string, body?: unknown): Promise<z.infer<T>> {
    const answer = await this.send(verb, path, body);
    const r = schema.safeParse(answer);
    if (r.success) return r.data;
    const issue = r.error.issues[0];
    throw new WireError(`${verb} ${this.base}${path} answered 200 with a body the protocol does not allow (${issue?.path.map(String).join('.') || 'body'}: ${issue?.message}): ${preview(JSON.stringify(answer))}`, 200);
  }

  /** An SDK or admin call: a refusal becomes the same Error the simulator throws. */
  async call(path: string, method: string, arg: unknown): Promise<CallResult> {
    if (arg !== undefined) {
      const bad = notJson(arg, 'arg', new Set());
      if (bad !== undefined) throw new NotApplicable(`${method} with an argument JSON cannot carry (${bad})`);
    }
    const answer = await this.expect(CallAnswer, 'POST', path, arg === undefined ? { method } : { method, arg });
    if (!answer.ok) throw refusal(answer.error);
    return { code: 0, data: answer.result.data };
  }
}

/** A reply's verdict: the body of a 2xx, or the WireError its status and envelope make it. */
function judge(what: string, { status, body, text }: Reply): unknown {
  if (status >= 200 && status <= 299) return body;
  const env = ErrorEnvelope.safeParse(body);
  if (!env.success) throw new WireError(`${what} answered ${status} without the protocol's error envelope: ${preview(text ?? JSON.stringify(body))}`, status);
  const { code, reason, message } = env.data.error;
  throw new WireError(`${what} answered ${status} (${code}${reason === undefined ? '' : `, ${reason}`}): ${message}`, status, reason);
}

function refusal(e: z.infer<typeof CodedError>): ChatError {
  return new ChatError(e.code, e.message, e.data ?? {});
}

function explain(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // undici reports "fetch failed" and hides the useful part (ECONNREFUSED …) in the cause
  const cause = e.cause instanceof Error ? `: ${(e.cause as NodeJS.ErrnoException).code ?? e.cause.message}` : '';
  return `${e.message}${cause}`;
}

function preview(text: string): string {
  return text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}…` : JSON.stringify(text);
}

class WireSession implements Session {
  private readonly log: DeliveredEvent[] = [];
  /** Delivered events never change, so only what arrived since the last fetch is asked for. */
  private fetching: Promise<void> = Promise.resolve();

  constructor(
    private readonly t: Transport,
    private readonly path: string,
    readonly userID: string,
    readonly device: string,
  ) {}

  call(method: string, arg?: unknown): Promise<CallResult> {
    return this.t.call(`${this.path}/call`, method, arg);
  }

  events(): Promise<DeliveredEvent[]> {
    // chained so that two overlapping calls cannot both append the same page
    const run = this.fetching.then(() => this.fetchNew());
    this.fetching = run.catch(() => undefined);
    return run.then(() => [...this.log]);
  }

  private async fetchNew(): Promise<void> {
    for (;;) {
      const after = this.log.length;
      const page = await this.t.expect(EventsAnswer, 'GET', `${this.path}/events?after=${after}`);
      if (page.next !== after + page.events.length) {
        throw new WireError(`GET ${this.t.base}${this.path}/events?after=${after} answered next=${page.next} with ${page.events.length} events; the protocol requires next = after + events.length`, 200);
      }
      for (const e of page.events) this.log.push({ name: e.name, data: e.data });
      if (page.more !== true || page.events.length === 0) return;
    }
  }

  async logout(): Promise<void> {
    await this.t.expect(Done, 'POST', `${this.path}/logout`);
  }
}

class WireApp implements App {
  readonly admin: AdminSurface;
  advanceClock?: (ms: number) => Promise<void>;
  now?: () => Promise<number>;
  private closed: Promise<void> | undefined;

  constructor(
    private readonly t: Transport,
    private readonly path: string,
    clock: boolean,
    private readonly onClose: () => void,
  ) {
    this.admin = { call: (method: string, arg?: unknown) => t.call(`${path}/admin/call`, method, arg) };
    // the contract marks both optional; without the clock capability the suite must see them absent
    if (clock) {
      this.advanceClock = async (ms) => {
        await t.expect(NowAnswer, 'POST', `${path}/clock/advance`, { ms });
      };
      this.now = async () => (await t.expect(NowAnswer, 'GET', `${path}/clock`)).now;
    }
  }

  async login(userID: string, options: { device?: string; unlimitedAVChatRoom?: boolean } = {}): Promise<Session> {
    const answer = await this.t.expect(SessionAnswer, 'POST', `${this.path}/sessions`, { userID, ...options });
    if (!answer.ok) throw refusal(answer.error);
    return new WireSession(this.t, `${this.path}/sessions/${seg(answer.sessionID)}`, answer.userID, answer.device);
  }

  close(): Promise<void> {
    // a failed close is not remembered, so the implementation's close() can try again
    this.closed ??= this.t.expect(Done, 'DELETE', this.path).then(
      () => this.onClose(),
      (e: unknown) => {
        this.closed = undefined;
        throw e;
      },
    );
    return this.closed;
  }
}

/**
 * Connects to a server speaking the wire protocol. Resolves once the server has answered its
 * capabilities and speaks this suite's contract version; rejects, naming the URL, otherwise.
 */
export async function wireImplementation(baseURL: string, options: WireOptions = {}): Promise<Implementation> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number of ms, got ${timeoutMs}`);
  let base: string;
  try {
    const u = new URL(baseURL);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported scheme ${u.protocol}`);
    base = u.href.replace(/\/+$/, '');
  } catch (e) {
    throw new Error(`groupspec wire: ${JSON.stringify(baseURL)} is not an http(s) URL (${explain(e)})`);
  }
  const t = new Transport(base, timeoutMs);
  let caps: z.infer<typeof CapabilitiesAnswer>;
  try {
    caps = await t.expect(CapabilitiesAnswer, 'GET', '/v1/capabilities');
  } catch (e) {
    if (e instanceof WireTimeoutError) throw e;
    throw new WireError(`groupspec wire: no usable server at ${base}: ${e instanceof Error ? e.message : String(e)}`, (e as WireError).status, (e as WireError).reason, { cause: e });
  }
  if (caps.contractVersion !== CONTRACT_VERSION) {
    throw new WireError(`groupspec wire: the server at ${base} (${caps.name}) speaks contract version ${caps.contractVersion}; this suite speaks ${CONTRACT_VERSION}`);
  }
  if (options.batch !== false) t.batchMax = caps.batch?.maxRequests ?? 0;
  const capabilities: Capabilities = caps.capabilities;
  const open = new Set<WireApp>();
  return {
    name: caps.name,
    contractVersion: caps.contractVersion,
    capabilities,
    async createApp(appOptions: AppOptions = {}): Promise<App> {
      let answer: z.infer<typeof AppAnswer>;
      try {
        answer = await t.expect(AppAnswer, 'POST', '/v1/apps', appOptions);
      } catch (e) {
        // a server that cannot honour a requested limit says so; the scenario is then not applicable, not failed
        if (e instanceof WireError && e.reason === 'unsupported-limit') throw new NotApplicable(e.message);
        throw e;
      }
      const app: WireApp = new WireApp(t, `/v1/apps/${seg(answer.appID)}`, capabilities.clock, () => open.delete(app));
      open.add(app);
      return app;
    },
    /** Closes the apps the suite left open, so a long-lived server does not keep their state. */
    async close(): Promise<void> {
      const results = await Promise.allSettled([...open].map((a) => a.close()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    },
  };
}
