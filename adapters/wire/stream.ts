/**
 * The wire client's stream (docs/protocol.md §4.12): batches carried as WebSocket messages on one
 * connection instead of one HTTP exchange each, to a server that announces `stream`. A message is
 * a batch's body with an `id`; its answer carries the id and what POST /v1/batch would have
 * answered, so the transport judges it exactly as a batch's answer. `ws` is loaded when a stream
 * is first opened, never by `require('groupspec')`.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { isObject } from '../contract/refs';
import { judge } from './judge';
import { WireError, WireTimeoutError, explain, preview } from './protocol';

/** What a message was answered: the status and body POST /v1/batch would have had. */
export interface StreamAnswer {
  status: number;
  body: unknown;
}

interface InFlight {
  readonly id: number;
  readonly text: string;
  readonly what: string;
  readonly resolve: (a: StreamAnswer) => void;
  readonly reject: (e: unknown) => void;
  timer?: NodeJS.Timeout;
  /** Sent again on a new connection once already (the server had closed the last one cleanly before running it). */
  resent: boolean;
}

/** Close codes with which a server says it ran none of the messages it did not answer (§4.12): idle, or shutting down. */
const NOT_RUN = new Set([1000, 1001]);

export class StreamCarrier {
  private ws: WebSocket | undefined;
  /** The connection is open (its handshake answered 101). */
  private ready = false;
  /** Messages sent and not answered, in the order sent (the server answers in that order). */
  private readonly inFlight: InFlight[] = [];
  private nextId = 1;
  /** Why the current connection failed, for the messages it fails. */
  private failure: Error | undefined;

  constructor(
    /** ws:// or wss:// URL of the stream. */
    readonly url: string,
    /** The server's largest message (capabilities.stream.maxMessageBytes). */
    private readonly maxBytes: number,
    private readonly timeoutMs: number,
  ) {}

  /** Whether a batch body this long fits in a message (with its id); one that does not goes over HTTP. */
  fits(body: string): boolean {
    return body.length * 3 + 32 <= this.maxBytes || Buffer.byteLength(body) + 32 <= this.maxBytes;
  }

  /**
   * Sends a batch body (`{"requests": …}` as text) as one message; resolves with its answer, or
   * rejects as an HTTP exchange would: WireTimeoutError past the deadline, WireError when the
   * server cannot be reached, refuses the stream, or the connection closes before the answer.
   * `what` names the exchange in those errors.
   */
  send(body: string, what: string): Promise<StreamAnswer> {
    return new Promise<StreamAnswer>((resolve, reject) => {
      const id = this.nextId++;
      const m: InFlight = { id, text: `{"id":${id},${body.slice(1)}`, what, resolve, reject, resent: false };
      m.timer = setTimeout(() => this.expired(m), this.timeoutMs);
      this.inFlight.push(m);
      if (this.ws === undefined) this.open();
      else if (this.ready) this.ws.send(m.text);
    });
  }

  /** Closes the connection (the implementation is closing); nothing should be in flight. */
  close(): void {
    const ws = this.ws;
    if (ws === undefined) return;
    this.ws = undefined;
    this.fail(ws, (m) => new WireError(`${m.what} failed: the client closed its stream`));
    ws.close(1000);
  }

  private open(): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const WS = require('ws') as typeof import('ws');
    let ws: WebSocket;
    try {
      ws = new WS.WebSocket(this.url, { perMessageDeflate: false, maxPayload: 0 });
    } catch (e) {
      // a URL ws will not take: every message fails as an unreachable server's would
      for (const m of this.inFlight.splice(0)) {
        clearTimeout(m.timer);
        m.reject(new WireError(`${m.what} failed: cannot reach the server (${explain(e)})`, undefined, undefined, { cause: e }));
      }
      return;
    }
    this.ws = ws;
    this.ready = false;
    this.failure = undefined;
    // an idle stream must not keep the process alive (the deadlines of messages in flight do)
    ws.on('upgrade', (res) => (res.socket as Socket).unref());
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.ready = true;
      for (const m of this.inFlight) ws.send(m.text);
    });
    ws.on('message', (data: Buffer, binary: boolean) => this.answered(ws, data, binary));
    ws.on('unexpected-response', (req, res) => {
      // the server answered the handshake with an HTTP answer (503 too-many-connections, …): that is every message's answer
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => undefined);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        try {
          judge(`GET ${this.url}`, { status: res.statusCode ?? 0, body, text });
          this.failure = new WireError(`GET ${this.url} answered ${res.statusCode} instead of opening the stream: ${preview(text)}`, res.statusCode);
        } catch (e) {
          this.failure = e as Error;
        }
        ws.terminate();
      });
      req.on('error', () => undefined);
    });
    ws.on('error', (e: Error) => {
      this.failure ??= e;
    });
    ws.on('close', (code: number, reason: Buffer) => this.closed(ws, code, reason.toString()));
  }

  /** The connection closed: messages in flight are sent again if the server said it ran none of them, and fail otherwise. */
  private closed(ws: WebSocket, code: number, reason: string): void {
    if (this.ws !== ws) return;
    this.ws = undefined;
    const wasReady = this.ready;
    this.ready = false;
    if (wasReady && NOT_RUN.has(code) && this.inFlight.every((m) => !m.resent)) {
      for (const m of this.inFlight) m.resent = true;
      if (this.inFlight.length > 0) this.open();
      return;
    }
    const failure = this.failure;
    this.fail(ws, (m) =>
      !wasReady
        ? failure instanceof WireError
          ? new WireError(`${m.what} failed: ${failure.message}`, failure.status, failure.reason, { cause: failure })
          : new WireError(`${m.what} failed: cannot reach the server (${explain(failure ?? new Error(`stream closed: ${code}`))})`, undefined, undefined, { cause: failure })
        : new WireError(`${m.what} failed: the stream closed before the answer (${code}${reason === '' ? '' : ` ${reason}`}${failure === undefined ? '' : `: ${explain(failure)}`})`, undefined, undefined, { cause: failure }),
    );
  }

  /** Fails every message in flight on `ws` and forgets them. */
  private fail(ws: WebSocket, error: (m: InFlight) => Error): void {
    for (const m of this.inFlight.splice(0)) {
      clearTimeout(m.timer);
      m.reject(error(m));
    }
    if (this.ws === ws) this.ws = undefined;
  }

  private answered(ws: WebSocket, data: Buffer, binary: boolean): void {
    if (this.ws !== ws) return;
    const text = data.toString('utf8');
    let answer: unknown;
    try {
      answer = binary ? undefined : JSON.parse(text);
    } catch {
      answer = undefined;
    }
    const m = this.inFlight[0];
    // answers come in the order the messages were sent; `"id": null` answers one the server could not read (it then closes)
    if (m === undefined || !isObject(answer) || (answer.id !== m.id && answer.id !== null) || !Number.isSafeInteger(answer.status) || !('body' in answer)) {
      const why = m === undefined ? 'with nothing in flight' : `without the protocol's {"id": ${m.id}, "status", "body"}`;
      this.fail(ws, (f) => new WireError(`${f.what} failed: the stream answered ${why}: ${preview(text)}`, 200));
      ws.terminate();
      return;
    }
    this.inFlight.shift();
    clearTimeout(m.timer);
    m.resolve({ status: answer.status as number, body: answer.body });
  }

  /** A message outlived its deadline: it rejects, and the connection is dropped, as an HTTP exchange's would be. */
  private expired(m: InFlight): void {
    const i = this.inFlight.indexOf(m);
    if (i < 0) return;
    this.inFlight.splice(i, 1);
    m.reject(new WireTimeoutError(`${m.what} did not answer within ${this.timeoutMs} ms`));
    const ws = this.ws;
    if (ws === undefined) return;
    this.fail(ws, (f) => new WireError(`${f.what} failed: the stream was dropped when an earlier message outlived its deadline`));
    ws.terminate();
  }
}
