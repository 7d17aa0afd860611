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
import type { z } from 'zod';
import {
  CONTRACT_VERSION, NotApplicable,
  type AdminSurface, type App, type AppOptions, type CallResult, type Capabilities, type DeliveredEvent, type Implementation, type Session,
} from '../contract';
import { AppAnswer, CapabilitiesAnswer, Done, type EventsAnswer, NowAnswer, SessionAnswer, WireError, WireTimeoutError, explain, refusal, seg } from './protocol';
import { dropIdleSockets } from './exchange';
import { StreamCarrier } from './stream';
import { Transport } from './transport';

export { WireError, WireTimeoutError } from './protocol';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface WireOptions {
  /** Deadline for each HTTP request, response body included (default 10 000 ms). */
  timeoutMs?: number;
  /**
   * Send requests issued in the same turn of the event loop as one batch (POST /v1/batch), when
   * the server announces batches (default true). Off, every request travels alone.
   */
  batch?: boolean;
  /**
   * Let a call's argument name an earlier call's answer (`refTo`), resolved by the server in the
   * same batch, when the server announces `batch.references` (default true). Off, the client
   * waits for the earlier answer itself.
   */
  references?: boolean;
  /**
   * An events read issued while the session's previous one is unanswered starts where that one
   * ends, by reference, when the server announces `batch.postEvents` (default true, needs
   * `references`). Off, it asks again from the last answered position.
   */
  postEvents?: boolean;
  /**
   * Carry the batches over the server's stream (one WebSocket, docs/protocol.md §4.12), when it
   * announces one (default true, needs `batch`). Off, each batch is an HTTP exchange.
   */
  stream?: boolean;
}

type EventsPage = z.infer<typeof EventsAnswer>;

/** An events read of a session: its first page, where it starts (a position, or where an earlier read ends), and that page once in the log. */
interface EventsRead {
  readonly page: Promise<EventsPage>;
  readonly from: number | EventsRead;
  taken?: Promise<EventsPage>;
}

class WireSession implements Session {
  /** Every event delivered so far that a read has brought, by its position in the log. */
  private readonly log: DeliveredEvent[] = [];
  /** The last read issued, while its first page is unanswered: a read issued meanwhile starts where it ends. */
  private unanswered: EventsRead | undefined;

  constructor(
    private readonly t: Transport,
    private readonly path: string,
    readonly userID: string,
    readonly device: string,
  ) {}

  call(method: string, arg?: unknown): Promise<CallResult> {
    return this.t.call(`${this.path}/call`, method, arg);
  }

  /**
   * Delivered events never change, so only what arrived since the last answered read is asked for.
   * The read is issued now, even while an earlier one is in flight (Implementation.inOrder: issued
   * between two calls, it must see the log as it is between them), and it resolves with the log as
   * the server had it when it ran the read. While an earlier read is unanswered, a server that takes
   * events reads as a POST (batch.postEvents) is asked from where that read ends (its `next`, by
   * reference), so no event crosses the wire twice; any other is asked from the last answered
   * position, and events an earlier read has already added are skipped.
   */
  events(): Promise<DeliveredEvent[]> {
    const prior = this.t.postEvents ? this.unanswered : undefined;
    let read: EventsRead;
    if (prior === undefined) {
      // the usual read: two promise steps, not the async functions' five (issue 21, round six)
      const from = this.log.length;
      const page = this.t.events(this.path, from);
      read = { page, from };
      read.taken = page.then(
        (first) => {
          this.answered(read);
          this.add(from, first);
          return first;
        },
        (e: unknown) => {
          this.answered(read);
          throw e;
        },
      );
    } else {
      read = { page: this.t.events(this.path, prior.page), from: prior };
      read.taken = this.take(read, prior);
    }
    this.unanswered = read;
    return read.taken.then((first) => (first.more === true && first.events.length > 0 ? this.rest(first) : this.log.slice(0, first.next)));
  }

  private answered(read: EventsRead): void {
    if (this.unanswered === read) this.unanswered = undefined;
  }

  /** A read's first page, added to the log once the events of the read it starts after are there. */
  private async take(read: EventsRead, prior: EventsRead): Promise<EventsPage> {
    try {
      const page = await read.page;
      this.add((await prior.taken!).next, page);
      return page;
    } finally {
      this.answered(read);
    }
  }

  /** The log up to the read's end: a page cut short (`more`) is completed by further reads, which may see later events too. */
  private async rest(first: EventsPage): Promise<DeliveredEvent[]> {
    let page = first;
    while (page.more === true && page.events.length > 0) {
      const after = page.next;
      page = await this.t.events(this.path, after);
      this.add(after, page);
    }
    return this.log.slice(0, page.next);
  }

  private add(after: number, page: EventsPage): void {
    if (page.next !== after + page.events.length) {
      throw new WireError(`the events read of ${this.t.base}${this.path} after ${after} answered next=${page.next} with ${page.events.length} events; the protocol requires next = after + events.length`, 200);
    }
    for (let i = this.log.length - after; i < page.events.length; i++) this.log.push({ name: page.events[i]!.name, data: page.events[i]!.data });
  }

  /** Write-behind: it goes out in front of the next request (Transport.sendLater). */
  logout(): Promise<void> {
    return this.t.sendLater(Done, 'POST', `${this.path}/logout`);
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
      // write-behind (Transport.sendLater): advanceClock resolves with nothing, and a bad `ms` is the suite's bug
      this.advanceClock = (ms) => t.sendLater(NowAnswer, 'POST', `${path}/clock/advance`, { ms });
      this.now = async () => (await t.expect(NowAnswer, 'GET', `${path}/clock`)).now;
    }
  }

  async login(userID: string, options: { device?: string; unlimitedAVChatRoom?: boolean } = {}): Promise<Session> {
    const answer = await this.t.expect(SessionAnswer, 'POST', `${this.path}/sessions`, { userID, ...options });
    if (!answer.ok) throw refusal(answer.error);
    return new WireSession(this.t, `${this.path}/sessions/${seg(answer.sessionID)}`, answer.userID, answer.device);
  }

  close(): Promise<void> {
    // write-behind (Transport.sendLater); a failed close is not remembered, so the implementation's close() can try again
    this.closed ??= this.t.sendLater(Done, 'DELETE', this.path).then(
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
 * Apps made ahead: when the suite creates an app, the next one, with the same options, is created
 * write-behind (it travels with the scenario's next request), so the next scenario's createApp
 * costs no round trip of its own. Apps share nothing (docs/protocol.md §7.1) and an app's clock
 * stands still until advanced, so an app made ahead is indistinguishable from one made on demand.
 * A spare whose options do not match is closed; one that could not be made is forgotten, and the
 * app is then created on demand, which reports whatever the server has to say.
 */
class Spares {
  private spare: { key: string; appID: Promise<string | undefined>; answered: boolean } | undefined;

  constructor(private readonly t: Transport) {}

  /** The spare app's ID, if one with these options was made; another spare is closed. */
  async take(options: AppOptions): Promise<string | undefined> {
    const spare = this.spare;
    if (spare === undefined) return undefined;
    this.spare = undefined;
    if (spare.key !== JSON.stringify(options)) {
      void this.close(spare.appID);
      return undefined;
    }
    // its request usually went out with the last scenario's requests; only if it still waits is the
    // queue sent now (else the last scenario's close, queued, would go alone instead of with the login)
    if (!spare.answered) this.t.sendBehindNow();
    const appID = await spare.appID;
    if (appID !== undefined) this.prepare(options);
    return appID;
  }

  /** Makes the next app ahead, with these options, write-behind (only to a server that batches). */
  prepare(options: AppOptions): void {
    if (this.t.batchMax < 2) return;
    let settle: (appID: string | undefined) => void = () => undefined;
    const spare = { key: JSON.stringify(options), appID: new Promise<string | undefined>((resolve) => (settle = resolve)), answered: false };
    const done = (appID: string | undefined) => {
      spare.answered = true;
      settle(appID);
    };
    void this.t.sendLater(AppAnswer, 'POST', '/v1/apps', options, { answered: (a) => done(a.appID), failed: () => done(undefined) });
    this.spare = spare;
  }

  /** Closes the spare, if any (the implementation is closing). */
  async drop(): Promise<void> {
    const spare = this.spare;
    this.spare = undefined;
    if (spare === undefined) return;
    this.t.sendBehindNow();
    await this.close(spare.appID);
  }

  private async close(appID: Promise<string | undefined>): Promise<void> {
    const id = await appID;
    if (id !== undefined) await this.t.sendLater(Done, 'DELETE', `/v1/apps/${seg(id)}`);
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
  if (options.batch !== false) {
    t.batchMax = caps.batch?.maxRequests ?? 0;
    t.references = t.batchMax >= 2 && caps.batch?.references === true && options.references !== false;
    t.postEvents = t.references && caps.batch?.postEvents === true && options.postEvents !== false;
    if (t.batchMax >= 2 && caps.stream !== undefined && options.stream !== false) {
      t.stream = new StreamCarrier(`${base.replace(/^http/, 'ws')}${caps.stream.path}`, caps.stream.maxMessageBytes, timeoutMs);
      // the stream takes the place of the capabilities' keep-alive connection, not a second one beside it
      dropIdleSockets(base);
    }
  }
  const capabilities: Capabilities = caps.capabilities;
  const open = new Set<WireApp>();
  const spares = new Spares(t);
  const appAt = (appID: string): WireApp => {
    const app: WireApp = new WireApp(t, `/v1/apps/${seg(appID)}`, capabilities.clock, () => open.delete(app));
    open.add(app);
    return app;
  };
  return {
    name: caps.name,
    contractVersion: caps.contractVersion,
    capabilities,
    // what one turn of the event loop issues goes out as one batch, run in order; exchanges follow one another
    inOrder: t.batchMax >= 2,
    // a call may name an earlier call's answer; the server resolves it within the batch (docs/protocol.md §4.11)
    references: t.references,
    async createApp(appOptions: AppOptions = {}): Promise<App> {
      const ready = await spares.take(appOptions);
      if (ready !== undefined) return appAt(ready);
      let answer: z.infer<typeof AppAnswer>;
      try {
        answer = await t.expect(AppAnswer, 'POST', '/v1/apps', appOptions);
      } catch (e) {
        // a server that cannot honour a requested limit says so; the scenario is then not applicable, not failed
        if (e instanceof WireError && e.reason === 'unsupported-limit') throw new NotApplicable(e.message);
        throw e;
      }
      spares.prepare(appOptions);
      return appAt(answer.appID);
    },
    /** Closes the apps the suite left open, so a long-lived server does not keep their state. */
    async close(): Promise<void> {
      await spares.drop();
      const results = await Promise.allSettled([...open].map((a) => a.close()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
      // what is still written behind goes out now, and a failure no request has reported is reported here
      await t.settle();
    },
  };
}
