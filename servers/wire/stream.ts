/**
 * The wire protocol's stream (docs/protocol.md §4.12): `GET /v1/stream` upgraded to a WebSocket,
 * each text message a batch (§4.11) with an `id`, each answer `{"id", "status", "body"}` with
 * exactly what POST /v1/batch would have answered. Messages are run in arrival order, one after
 * another, as batches are. `ws` is loaded on the first upgrade only: a server that is never asked
 * for a stream (and `require('groupspec')`) does not load it.
 */
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { HttpFault, answerRaw, faultReply, type Reply, type ServerLimits, type UpgradeHook } from '../http';
import { WireFault, wireErrorBody } from './bodies';

export const STREAM_PATH = '/v1/stream';

/** What the capabilities announce (§4.1, `stream`). */
export interface StreamCapability {
  path: string;
  maxMessageBytes: number;
}

/** A message id: a non-negative safe integer, or a string of 1 to 128 characters. */
const goodId = (id: unknown): boolean => (typeof id === 'number' ? Number.isSafeInteger(id) && id >= 0 : typeof id === 'string' && id.length >= 1 && id.length <= 128);

/** Messages received and not yet run past which the connection stops reading (TCP pushes back); it reads again below RESUME_AT. */
const PAUSE_AT = 32;
const RESUME_AT = 8;
/** Answers written and not yet sent past which no further message is run until the socket drains. */
const UNSENT_BYTES = 4 * 1024 * 1024;

/** WebSocket close codes (RFC 6455 §7.4.1) the stream uses. */
export const CLOSE = { normal: 1000, goingAway: 1001, unsupportedData: 1003, invalidPayload: 1007, policy: 1008 } as const;

/**
 * The stream's upgrade hook. `run` serves one batch body (the message without its id) and
 * encodes the answer, exactly as POST /v1/batch does.
 */
export function streamHook(run: (body: Record<string, unknown>) => Reply | Promise<Reply>): UpgradeHook {
  let wss: WebSocketServer | undefined;
  const open = new Set<Stream>();
  return {
    handle(req: http.IncomingMessage, socket: Duplex, head: Buffer, limits: Readonly<ServerLimits>): void {
      const refused = vet(req);
      if (refused !== undefined) {
        answerRaw(socket, faultReply(refused, wireErrorBody));
        return;
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      wss ??= new (require('ws') as typeof import('ws')).WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes, perMessageDeflate: false, clientTracking: false });
      wss.handleUpgrade(req, socket, head, (ws) => {
        const stream = new Stream(ws, run, limits.idleTimeoutMs, () => open.delete(stream));
        open.add(stream);
      });
    },
    close(graceMs: number): void {
      for (const s of open) s.shutdown(graceMs);
    },
  };
}

/** Why an upgrade request is not a stream's opening, if it is not (answered in JSON, not by ws's plain text). */
function vet(req: http.IncomingMessage): HttpFault | undefined {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path !== STREAM_PATH) return new WireFault(400, 'invalid-request', `only GET ${STREAM_PATH} takes an Upgrade; send ${path} without one`);
  if (req.method !== 'GET') return new WireFault(405, 'method-not-allowed', `${req.method} ${STREAM_PATH} is not allowed (GET with Upgrade: websocket)`, { Allow: 'GET' });
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return new WireFault(400, 'invalid-request', `${STREAM_PATH} upgrades to websocket only, not ${JSON.stringify(req.headers.upgrade)}`);
  const key = req.headers['sec-websocket-key'];
  const version = req.headers['sec-websocket-version'];
  if (typeof key !== 'string' || !/^[+/0-9A-Za-z]{22}==$/.test(key.trim()) || (version !== '13' && version !== '8')) {
    return new WireFault(400, 'invalid-request', `not a WebSocket opening handshake (RFC 6455: Sec-WebSocket-Key and Sec-WebSocket-Version 13)`);
  }
  return undefined;
}

/** One stream: its messages run in arrival order, one after another. */
class Stream {
  private readonly queue: Array<{ data: Buffer; binary: boolean }> = [];
  private running = false;
  /** Once set, no further message is run: the stream is closing (idle, shutdown, or a message it could not read). */
  private closing = false;
  private idle: NodeJS.Timeout | undefined;
  /** A message arrived since the stream was last idle (the idle timer, refreshed rather than cleared, reads it). */
  private busy = false;
  /** Waiting for the answers written to drain before the next message is run. */
  private draining = false;
  /** An answer has been written out: the loop goes on if it was waiting for that. */
  private readonly sent = (): void => {
    if (this.draining && this.ws.bufferedAmount <= UNSENT_BYTES) {
      this.draining = false;
      this.resume();
    }
  };

  constructor(
    private readonly ws: WebSocket,
    private readonly run: (body: Record<string, unknown>) => Reply | Promise<Reply>,
    private readonly idleMs: number,
    onClose: () => void,
  ) {
    // ws closes the connection itself on a protocol error (bad UTF-8, a message over maxPayload): nothing to answer
    ws.on('error', () => undefined);
    ws.on('close', () => {
      this.closing = true;
      this.queue.length = 0;
      clearTimeout(this.idle);
      onClose();
    });
    ws.on('message', (data: Buffer, binary: boolean) => {
      if (this.closing) return;
      this.busy = true;
      this.queue.push({ data, binary });
      if (this.queue.length >= PAUSE_AT) ws.pause();
      if (!this.running) this.next();
    });
    this.waitIdle();
  }

  /** Runs the queued messages in order; a message answered by a promise resumes the loop when it settles. */
  private next(): void {
    while (!this.closing && this.queue.length > 0) {
      if (this.ws.bufferedAmount > UNSENT_BYTES) {
        // the client is not reading its answers: nothing more is run until they are written (sent)
        this.running = true;
        this.draining = true;
        return;
      }
      const { data, binary } = this.queue.shift()!;
      if (this.ws.isPaused && this.queue.length < RESUME_AT) this.ws.resume();
      const served = this.serve(data, binary);
      if (served instanceof Promise) {
        this.running = true;
        served.then(
          () => this.resume(),
          () => this.ws.terminate(),
        );
        return;
      }
    }
    if (!this.closing) {
      this.busy = false;
      this.waitIdle();
    }
  }

  private resume(): void {
    this.running = false;
    if (this.closing) this.ws.close(CLOSE.goingAway, 'server closing');
    else this.next();
  }

  /** One message: its answer sent, or a promise of that. A message that cannot be read is answered with `"id": null`, and the stream closes. */
  private serve(data: Buffer, binary: boolean): void | Promise<void> {
    if (binary) return this.refuse(new HttpFault(415, 'unsupported-media-type', 'stream messages are text frames of JSON (UTF-8); got a binary frame'), CLOSE.unsupportedData);
    let message: unknown;
    try {
      message = JSON.parse(data.toString('utf8'));
    } catch (e) {
      return this.refuse(new HttpFault(400, 'malformed-json', `stream message is not valid JSON: ${e instanceof Error ? e.message : String(e)}`), CLOSE.invalidPayload);
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return this.refuse(new WireFault(400, 'invalid-request', 'invalid stream message: must be a JSON object with an id'), CLOSE.policy);
    }
    const { id, ...body } = message as Record<string, unknown>;
    if (!goodId(id)) return this.refuse(new WireFault(400, 'invalid-request', `invalid stream message: id: must be a non-negative integer or a string of 1 to 128 characters, got ${JSON.stringify(id) ?? 'none'}`), CLOSE.policy);
    const idText = JSON.stringify(id);
    const reply = this.run(body);
    if (reply instanceof Promise) return reply.then((r) => this.answer(idText, r));
    this.answer(idText, reply);
  }

  private answer(idText: string, { status, text }: Reply): void {
    this.ws.send(`{"id":${idText},"status":${status},"body":${text}}`, this.sent);
  }

  private refuse(fault: HttpFault, code: number): void {
    this.closing = true;
    this.queue.length = 0;
    this.answer('null', faultReply(fault, wireErrorBody));
    this.ws.close(code, String(fault.reason));
  }

  /** (Re)starts the idle clock: one timer per stream, refreshed, not one made per message. */
  private waitIdle(): void {
    if (this.idle !== undefined) {
      this.idle.refresh();
      return;
    }
    this.idle = setTimeout(() => {
      // a message arrived or is running since the clock started: it starts again when the stream is idle
      if (this.running || this.queue.length > 0 || this.busy) return;
      // nothing in flight: no message the client sent after this is run, so it may send those again
      this.closing = true;
      this.queue.length = 0;
      this.ws.close(CLOSE.normal, 'idle');
    }, this.idleMs);
    this.idle.unref();
  }

  /** The server is closing: the message being run is answered, later ones are not run; past the grace, the connection is cut. */
  shutdown(graceMs: number): void {
    clearTimeout(this.idle);
    this.closing = true;
    this.queue.length = 0;
    if (!this.running) this.ws.close(CLOSE.goingAway, 'server closing');
    setTimeout(() => this.ws.terminate(), graceMs).unref();
  }
}
