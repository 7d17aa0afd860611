/**
 * The wire client's transport: answers judged by the protocol's envelopes, write-behind, and what
 * is issued in one turn of the event loop sent as one batch (POST /v1/batch) to a server that
 * announces batches. One HTTP exchange is exchange.ts.
 */
import type { z } from 'zod';
import { NotApplicable, type CallResult } from '../contract';
import { UnresolvedReference, hasRefs, resolveRefs } from '../contract/refs';
import { notJson } from './not-json';
import { BatchAnswer, CallAnswer, EventsAnswer, WireError, WireTimeoutError, preview, quickBatchAnswer, refusal } from './protocol';
import { exchange } from './exchange';
import { AnswerRef, Sources, encodeBody } from './references';
import { Awaited, type Queued, type Reply, type Verb } from './queued';
import { checked, judge } from './judge';
import type { StreamCarrier } from './stream';

/** What a write-behind request's sender learns when it has been answered. */
export interface Outcome<T> {
  answered(answer: T): void;
  failed(e: unknown): void;
}



/**
 * Most characters of request bodies one batch carries: even if every character took 3 bytes of
 * UTF-8, the batch stays well under the 4 MiB every server accepts (docs/protocol.md §6). A body
 * bigger than this travels alone.
 */
const BATCH_CHARS = 1024 * 1024;

/**
 * Longest a write-behind request waits for a request to travel with before it goes alone. Between
 * one scenario's close and the next one's first request the suite takes a few ms on a quiet
 * machine, but 50 ms was often exceeded under load (measured: most closes then went alone). While
 * it waits, the suite sends nothing else, so nothing it does can be ordered differently.
 */
const WRITE_BEHIND_MS = 1000;

export class Transport {
  /** Requests issued since the last flush, in the order they were issued. */
  private queue: Queued[] = [];
  /** Most requests per batch, as the server announced; below 2, every request travels alone. */
  batchMax = 0;
  /** Whether a flush of the queue is on its way (write-behind requests alone do not ask for one). */
  private flushing = false;
  /** Sends write-behind requests that found no company within WRITE_BEHIND_MS. */
  private laterTimer: NodeJS.Timeout | undefined;
  /** The first write-behind request that failed, not yet reported: the next request reports it. */
  private failure: Error | undefined;
  /** Exchanges go out one after another, so the server runs requests in the order they were issued. */
  private chain: Promise<void> = Promise.resolve();
  /** The server takes batch references (capabilities.batch.references). */
  references = false;
  /** And events reads as a POST whose `after` may be a reference (capabilities.batch.postEvents). */
  postEvents = false;
  /** Which request each call's promise stands for, so a later call's Ref can name it. */
  private readonly sources = new Sources();
  /**
   * The stream the queue's exchanges go over (docs/protocol.md §4.12), when the server announces
   * one and it is wanted; otherwise each is an HTTP exchange.
   */
  stream: StreamCarrier | undefined;
  /** The request request() queued last (read by call() and events() right after, in the same turn). */
  private lastQueued: Queued | undefined;

  constructor(
    readonly base: string,
    private readonly timeoutMs: number,
  ) {}

  /** Sends one request; resolves with the parsed body of a 2xx answer, rejects with WireError or WireTimeoutError. */
  send(verb: Verb, path: string, body?: unknown): Promise<unknown> {
    return this.request(verb, path, body, false, (answer) => answer);
  }

  /**
   * Sends one request and hands the body of its 2xx answer to `then`, in one step after the
   * answer (a chain of async functions here cost several promise turns per request).
   */
  private request<R>(verb: Verb, path: string, body: unknown, refers: boolean, then: (answer: unknown, what: string) => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      // a body JSON cannot carry (a cycle, a BigInt) throws here, which rejects the promise
      const payload = body === undefined || refers ? undefined : JSON.stringify(body);
      const q = new Awaited(verb, path, this.base, payload, body, refers, then, this, resolve, reject);
      if (this.batchMax < 2) {
        // a request on its own is judged and settled as a batch's are
        this.carry(verb, path, payload).then((reply) => q.resolve(reply), (e: unknown) => q.reject(e));
        return;
      }
      // everything issued before the event loop turns goes out together, in issue order; the flush
      // that gets the answer settles the promise (Awaited)
      this.lastQueued = q;
      this.queue.push(this.lastQueued);
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.schedule());
      }
    });
  }

  /**
   * Write-behind (docs/protocol.md §4.11, "What the wire client does"): a request whose answer
   * carries nothing the caller uses (a logout, closing an app) resolves at once and travels with
   * the next request, in the same batch and in issue order, so the server still runs it before
   * whatever the suite does next. Nothing reaches the server in another order than the one in
   * which it was issued. If it fails, the next request rejects with that failure (the error names the request
   * that failed), and close() reports a failure no later request has. A server without batches
   * gets it at once, awaited, as before. WRITE_BEHIND_MS bounds how long it may wait for company.
   */
  async sendLater<T extends z.ZodType>(schema: T, verb: Verb, path: string, body?: unknown, on: Partial<Outcome<z.infer<T>>> = {}): Promise<void> {
    if (this.batchMax < 2) {
      // not `on.answered?.(await …)`: an optional call skips its arguments when there is no callee
      const answer = await this.expect(schema, verb, path, body);
      on.answered?.(answer);
      return;
    }
    const what = `${verb} ${this.base}${path}`;
    // a caller that handles the failure itself has it; otherwise the next request reports it
    const fail = (e: unknown) => {
      if (on.failed !== undefined) on.failed(e);
      else this.failure ??= new WireError(`${what}, sent ahead of later requests, failed: ${e instanceof Error ? e.message : String(e)}`, (e as WireError).status, (e as WireError).reason, { cause: e });
    };
    // in the one queue, in issue order: it goes with whatever is issued next, never ahead of it
    this.queue.push({
      verb,
      path,
      what,
      payload: body === undefined ? undefined : JSON.stringify(body),
      body,
      refers: false,
      resolve: (reply) => {
        let answer: z.infer<T>;
        try {
          answer = checked(schema, what, judge(what, reply));
        } catch (e) {
          fail(e);
          return;
        }
        on.answered?.(answer);
      },
      reject: fail,
    });
    if (!this.flushing) this.laterTimer ??= setTimeout(() => this.sendBehindNow(), WRITE_BEHIND_MS).unref();
  }

  /** Sends the write-behind requests now instead of with the next request (someone waits for one's answer). */
  sendBehindNow(): void {
    if (this.queue.length === 0 || this.flushing) return;
    this.flushing = true;
    this.schedule();
  }

  /** Sends whatever is still waiting and reports a write-behind failure that no request has reported. */
  async settle(): Promise<void> {
    this.sendBehindNow();
    await this.chain;
    this.stream?.close();
    this.reportFailure(`closing the connection to ${this.base}`);
  }

  /** The exchange failed as a whole: a write-behind request that went with it failed for the same reason. */
  forgetFailure(): void {
    this.failure = undefined;
  }

  reportFailure(what: string): void {
    const failure = this.failure;
    if (failure === undefined) return;
    this.failure = undefined;
    throw new WireError(`${what} was not judged: ${failure.message}`, (failure as WireError).status, (failure as WireError).reason, { cause: failure });
  }

  /** Queues the next flush behind the exchange in flight. */
  private schedule(): void {
    this.chain = this.chain.then(() => this.flush());
  }

  /**
   * One exchange: a batch (POST /v1/batch) as a message of the stream when there is one and the
   * batch fits in a message, anything else as an HTTP exchange. `what` names a lone request sent
   * as a batch of one in the errors of the message as a whole.
   */
  private carry(verb: Verb, path: string, payload: string | undefined, what?: string): Promise<Reply> {
    const stream = this.stream;
    if (stream !== undefined && path === '/v1/batch' && payload !== undefined && stream.fits(payload)) return stream.send(payload, what ?? `POST ${this.base}/v1/batch`);
    return this.alone(verb, path, payload);
  }

  /** One request on its own as an HTTP exchange: the wire format of protocol version 1 before batches. */
  private async alone(verb: Verb, path: string, payload: string | undefined): Promise<Reply> {
    const url = `${this.base}${path}`;
    const what = `${verb} ${url}`;
    const { status, text } = await exchange(url, what, verb, payload, this.timeoutMs);
    try {
      return { status, body: JSON.parse(text), text };
    } catch {
      throw new WireError(`${what} answered ${status} with a body that is not JSON: ${preview(text)}`, status);
    }
  }

  /**
   * Sends what the queue holds: in chunks of at most `batchMax` requests and BATCH_CHARS of bodies,
   * one chunk after another, so the server runs them in the order they were issued. A chunk of one
   * is sent alone. A body with references is encoded as its chunk is made: a reference to a request
   * of the same chunk travels as a reference; one to a request answered before is its value.
   */
  private async flush(): Promise<void> {
    clearTimeout(this.laterTimer);
    this.laterTimer = undefined;
    this.flushing = false;
    const queue = this.queue;
    this.queue = [];
    for (let i = 0; i < queue.length; ) {
      const chunk: Queued[] = [];
      const texts: Array<string | undefined> = [];
      let chars = 0;
      let references = false;
      for (; i < queue.length && chunk.length < this.batchMax; i++) {
        const q = queue[i]!;
        let text = q.payload;
        if (q.refers) {
          let encoded: { text: string; references: boolean };
          try {
            encoded = encodeBody(q.body, chunk, this.sources);
          } catch (e) {
            // what it refers to failed or names nothing: it is not sent, and says why
            q.failed = e;
            q.reject(e);
            continue;
          }
          text = encoded.text;
          references ||= encoded.references;
        }
        if (chunk.length > 0 && chars + (text?.length ?? 0) > BATCH_CHARS) break;
        chars += text?.length ?? 0;
        q.chunk = chunk;
        q.k = chunk.length;
        chunk.push(q);
        texts.push(text);
      }
      if (chunk.length === 0) continue;
      if (chunk.length === 1 && !references) {
        const [q] = chunk as [Queued];
        await this.one(q, texts[0]).then(
          (r) => this.answered(q, r),
          (e: unknown) => this.failedWith(q, e),
        );
      } else {
        // a literal "$ref" key of another body must not be read as a reference: those bodies are escaped
        if (references) chunk.forEach((q, k) => !q.refers && texts[k] !== undefined && /"\$(ref|literal)"/.test(texts[k]) && (texts[k] = encodeBody(q.body, [], this.sources).text));
        await this.batch(chunk, texts, references);
      }
    }
  }

  /**
   * A request that goes on its own: over HTTP, or over the stream as a message of one request,
   * whose entry is exactly what it would be answered alone (§4.11); a failure of the message as a
   * whole is reported as that of an exchange of its own.
   */
  private one(q: Queued, text: string | undefined): Promise<Reply> {
    const stream = this.stream;
    const body = stream === undefined ? undefined : `{"requests":[${item(q, text)}]}`;
    if (body === undefined || !stream!.fits(body)) return this.carry(q.verb, q.path, text);
    return this.carry('POST', '/v1/batch', body, q.what).then((r) => {
      if (r.status === 200 && quickBatchAnswer(r.body) && (r.body as z.infer<typeof BatchAnswer>).responses.length === 1) return (r.body as z.infer<typeof BatchAnswer>).responses[0]!;
      const what = `${q.what} (sent over the stream)`;
      judge(what, r);
      throw new WireError(`${what} answered 200 without one response for its one request: ${preview(JSON.stringify(r.body))}`, 200);
    });
  }

  private answered(q: Queued, reply: Reply): void {
    q.reply = reply;
    q.resolve(reply);
  }

  private failedWith(q: Queued, e: unknown): void {
    q.failed = e;
    q.reject(e);
  }

  /**
   * One POST /v1/batch. Each request gets its own answer, judged exactly as if it had come alone;
   * if the batch as a whole fails (no answer in time, a broken connection, a protocol error), every
   * request in it fails with an error of the same kind that names the request.
   */
  private async batch(chunk: Queued[], texts: Array<string | undefined>, references: boolean): Promise<void> {
    const items = chunk.map((q, k) => item(q, texts[k]));
    let answers: Array<{ status: number; body: unknown }>;
    try {
      const what = `POST ${this.base}/v1/batch`;
      const body = judge(what, await this.carry('POST', '/v1/batch', `{${references ? '"references":true,' : ''}"requests":[${items.join(',')}]}`));
      const answer = quickBatchAnswer(body) ? { success: true as const, data: body as z.infer<typeof BatchAnswer>, error: undefined } : BatchAnswer.safeParse(body);
      if (!answer.success || answer.data.responses.length !== chunk.length) {
        throw new WireError(`${what} answered 200 without one response per request (${chunk.length} sent): ${preview(JSON.stringify(answer.data ?? answer.error.issues[0]))}`, 200);
      }
      answers = answer.data.responses;
    } catch (e) {
      const where = `sent in a batch of ${chunk.length}`;
      inTurn(chunk, (q) =>
        this.failedWith(
          q,
          e instanceof WireTimeoutError
            ? new WireTimeoutError(`${q.what} did not answer within ${this.timeoutMs} ms (${where})`)
            : new WireError(`${q.what} (${where}) failed: ${e instanceof Error ? e.message : String(e)}`, (e as WireError).status, (e as WireError).reason, { cause: e }),
        ),
      );
      return;
    }
    for (let k = 0; k < chunk.length; k++) chunk[k]!.reply = answers[k];
    inTurn(chunk, (q) => q.resolve(q.reply!));
  }

  /** Sends and checks the answer's shape: a 200 that is not the protocol's is as broken as a 500. */
  expect<T extends z.ZodType>(schema: T, verb: Verb, path: string, body?: unknown, refers = false): Promise<z.infer<T>> {
    return this.request(verb, path, body, refers, (answer, what) => checked(schema, what, answer));
  }

  /**
   * One page of a session's events (docs/protocol.md §4.6) after a position, or after where an
   * earlier read (the promise this returned for it) ends: that read's `next`, by reference
   * (only when `postEvents`).
   */
  events(session: string, after: number | Promise<unknown>): Promise<z.infer<typeof EventsAnswer>> {
    this.lastQueued = undefined;
    const read =
      typeof after === 'number'
        ? this.expect(EventsAnswer, 'GET', `${session}/events?after=${after}`)
        : this.expect(EventsAnswer, 'POST', `${session}/events`, { after: new AnswerRef(after, '/next') }, true);
    // a later read may name this one's `next`
    if (this.postEvents && this.lastQueued !== undefined) this.sources.set(read, this.lastQueued);
    return read;
  }

  /**
   * An SDK or admin call: a refusal becomes the same Error the simulator throws. `arg` may hold
   * Refs to earlier calls' answers (Implementation.references): the call then goes in the same
   * batch as what it refers to, or with the value once that has been answered; if that cannot be
   * had, it is not made and rejects with UnresolvedReference.
   */
  call(path: string, method: string, arg: unknown): Promise<CallResult> {
    const refers = arg !== undefined && hasRefs(arg);
    if (arg !== undefined) {
      const bad = notJson(arg, 'arg');
      if (bad !== undefined) return Promise.reject(new NotApplicable(`${method} with an argument JSON cannot carry (${bad})`));
    }
    // a server without references (or batches): the references are resolved first, by waiting
    if (refers && (!this.references || this.batchMax < 2)) return resolveRefs(arg).then((resolved) => this.call(path, method, resolved));
    this.lastQueued = undefined;
    const sent = this.request('POST', path, arg === undefined ? { method } : { method, arg }, refers, (body, what): CallResult => {
      const answer = checked(CallAnswer, what, body);
      if (!answer.ok) throw refusal(answer.error);
      return { code: 0, data: answer.result.data };
    });
    const queued = this.lastQueued;
    const result = refers
      ? sent.catch((e: unknown) => {
          // the server would not run it: what it referred to failed, or names nothing (424)
          if (e instanceof WireError && e.reason === 'unresolved-reference') throw new UnresolvedReference(e.message, { cause: e });
          throw e;
        })
      : sent;
    // only a server that takes references gets a Ref naming this call (without, refs are resolved first)
    if (queued !== undefined && this.references) this.sources.set(result, queued);
    return result;
  }
}

/** A request as an entry of a batch's `requests`. */
function item(q: Queued, text: string | undefined): string {
  return `{"method":"${q.verb}","path":${JSON.stringify(q.path)}${text === undefined ? '' : `,"body":${text}`}}`;
}

/**
 * Settles a batch's requests: its write-behind requests first, then the awaited ones, each group
 * in issue order. When awaited requests settled a promise step after the batch (before Awaited),
 * every write-behind failure of the batch was known by then; so it still is: the first awaited
 * request reports it, and an exchange that failed as a whole forgets it (Failures).
 */
function inTurn(chunk: readonly Queued[], settle: (q: Queued) => void): void {
  // a settle that throws (a write-behind's callback) leaves no other request of the batch unsettled
  let thrown: { e: unknown } | undefined;
  for (const awaited of [false, true]) {
    for (const q of chunk) {
      if (q instanceof Awaited !== awaited) continue;
      try {
        settle(q);
      } catch (e) {
        thrown ??= { e };
      }
    }
  }
  if (thrown !== undefined) throw thrown.e;
}
