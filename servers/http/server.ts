/**
 * Start and stop a JSON-over-HTTP server with the limits of limits.ts. node:http only: the
 * protocols are small, and a framework would hide exactly the edge cases (oversized bodies, bad
 * JSON, wrong verbs, malformed HTTP) that servers here promise to answer in JSON.
 *
 * The base owns the socket-level answers (bad paths, timeouts, too many connections, malformed
 * HTTP) and encodes every answer; a server supplies `handle` (its routing and endpoints) and
 * `errorBody` (its error envelope).
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { HttpFault, internalFault, type ErrorBody } from './fault';
import { resolveLimits, type ServerLimits } from './limits';
import { checkTarget } from './routing';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** A response body already encoded as JSON text, with its status (200 unless said) and extra headers. */
export class RawJson {
  constructor(
    readonly text: string,
    readonly status = 200,
    readonly headers: Readonly<Record<string, string>> = NO_HEADERS,
    /**
     * Some top-level fields of the text, with the values JSON.parse would give them (scalars):
     * what a batch reference to one of them reads without parsing the text (servers/wire/references.ts).
     */
    readonly top?: Readonly<Record<string, string | number | boolean | null>>,
  ) {}
}

/** An answer, encoded: what goes on the wire (or into one entry of a batch). */
export interface Reply {
  status: number;
  text: string;
  headers: Readonly<Record<string, string>>;
  /** RawJson.top, when the answer had one. */
  top?: Readonly<Record<string, string | number | boolean | null>>;
}

/** A fault as its error body; anything else thrown, a 500 (internalFault). */
export function faultReply(e: unknown, errorBody: ErrorBody): Reply {
  const fault = e instanceof HttpFault ? e : internalFault(e);
  return { status: fault.status, text: JSON.stringify(errorBody(fault)), headers: fault.headers };
}

/**
 * A handler's value, encoded: a value is 200 JSON, a RawJson goes as it is; so is a result JSON
 * cannot carry (a cycle, a BigInt) a 500, since that is the implementation's fault, not the client's.
 */
export function encode(out: unknown, errorBody: ErrorBody): Reply {
  // a RawJson has a Reply's fields: it goes as it is
  if (out instanceof RawJson) return out;
  try {
    return { status: 200, text: JSON.stringify(out), headers: NO_HEADERS };
  } catch (e) {
    return { status: 500, text: JSON.stringify(errorBody(internalFault(e, 'the result cannot be encoded as JSON'))), headers: NO_HEADERS };
  }
}

/**
 * Runs a handler and encodes its answer (encode above); a fault becomes its error body, anything
 * else thrown a 500. A handler that answers at once is answered at once, not a tick later (most of
 * a batch's requests): a promise only when the handler's value is one.
 */
export function answer(run: () => unknown, errorBody: ErrorBody): Reply | Promise<Reply> {
  let out: unknown;
  try {
    out = run();
  } catch (e) {
    return faultReply(e, errorBody);
  }
  if (typeof (out as { then?: unknown } | null | undefined)?.then === 'function') {
    // a thenable, as await would take it
    return Promise.resolve(out).then(
      (v: unknown) => encode(v, errorBody),
      (e: unknown) => faultReply(e, errorBody),
    );
  }
  return encode(out, errorBody);
}

export interface HttpServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the servers have no authentication, so they are not exposed by default. */
  host?: string;
  /** Defaults in DEFAULT_SERVER_LIMITS. */
  limits?: Partial<ServerLimits>;
  /** The server's error envelope, for its own faults and the base's. */
  errorBody: ErrorBody;
  /**
   * Answers a request whose target has passed checkTarget: returns the JSON value (or RawJson) or
   * throws an HttpFault. It must read the body (readBody) or resume() it, even when it refuses the
   * request, for the connection to stay usable.
   */
  handle: (req: http.IncomingMessage, limits: Readonly<ServerLimits>) => unknown;
  /** Called once the server has closed (drop state here). */
  onClose?: () => void;
  /**
   * Takes HTTP upgrades (the wire protocol's stream, docs/protocol.md §4.12). Without it, node hands
   * an upgrade request to `handle` as an ordinary request.
   */
  upgrade?: UpgradeHook;
}

/** What a server that takes upgrades supplies; the base vets the target and the connection cap first. */
export interface UpgradeHook {
  /**
   * An upgrade request whose target has passed checkTarget, on a connection within the cap. It
   * owns the socket from here: it upgrades it or answers it (answerRaw).
   */
  handle(req: http.IncomingMessage, socket: Duplex, head: Buffer, limits: Readonly<ServerLimits>): void;
  /** The server is closing: what is in flight may finish within graceMs, then every upgraded connection closes. */
  close(graceMs: number): void;
}

export interface RunningHttpServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly limits: Readonly<ServerLimits>;
  /** Connections open now (tests and the soak read it). */
  connections(): number;
  /** Stops accepting connections, lets in-flight requests finish (closeGraceMs) and calls onClose. */
  close(): Promise<void>;
}

/** How long a connection answered by clientError may linger for the client to read the answer. */
const LINGER_MS = 1000;

/**
 * Answers on a bare socket (no ServerResponse: a malformed request, or an upgrade not taken) and
 * closes it once the answer is written.
 */
export function answerRaw(socket: Duplex, { status, text, headers }: Reply): void {
  let head = `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nCache-Control: no-store\r\nConnection: close\r\n`;
  for (const name in headers) if (name.toLowerCase() !== 'connection') head += `${name}: ${headers[name]}\r\n`;
  socket.end(`${head}\r\n${text}`);
  // end() closes only our side: a client that keeps trickling bytes must not keep the socket
  (socket as Socket).setTimeout?.(LINGER_MS, () => socket.destroy());
}

/** Node's reasons for giving up on a connection's request, as the statuses and reasons a client reads. */
function clientFault(err: NodeJS.ErrnoException, limits: ServerLimits): HttpFault {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpFault(408, 'request-timeout', `request not received in time (headers within ${limits.headersTimeoutMs} ms, whole request within ${limits.requestTimeoutMs} ms)`);
    case 'HPE_HEADER_OVERFLOW':
      return new HttpFault(431, 'headers-too-large', `malformed HTTP request: ${err.message}`);
    default:
      return new HttpFault(400, 'bad-http', `malformed HTTP request: ${err.message}`);
  }
}

/** Starts serving; resolves once the port is bound. */
export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  let limits: ServerLimits;
  try {
    limits = resolveLimits(options.limits);
  } catch (e) {
    return Promise.reject(e);
  }
  const host = options.host ?? '127.0.0.1';
  const { errorBody } = options;
  let closing = false;
  let open = 0;
  /** Connections accepted past maxConnections: their requests get 503. */
  const excess = new WeakSet<Socket>();

  const server = http.createServer(
    {
      // node checks headersTimeout and requestTimeout only this often (30 s by default), so it bounds their precision
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    (req, res) => {
      const excessive = excess.has(req.socket);
      Promise.resolve(answer(() => {
        try {
          checkTarget(req.url ?? '/');
          if (excessive) throw new HttpFault(503, 'too-many-connections', `more than ${limits.maxConnections} connections are open; retry later`, { Connection: 'close', 'Retry-After': '1' });
        } catch (e) {
          // the body is not wanted, but it must be read for the connection to stay usable
          req.resume();
          throw e;
        }
        return options.handle(req, limits);
      }, errorBody)).then(
        ({ status, text, headers }) => {
          if (res.headersSent || !req.socket.writable) {
            res.destroy();
            return;
          }
          // a flat list, and no Date (the protocols do not use it): the least work for node per answer
          // (the text encoded once into a Buffer, for its length and the write, measured no cheaper:
          // docs/performance.md, round six, the wire server)
          const head = ['Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(text)), 'Cache-Control', 'no-store'];
          if ((closing || excessive) && headers.Connection === undefined) head.push('Connection', 'close');
          for (const name in headers) head.push(name, headers[name]!);
          res.sendDate = false;
          res.writeHead(status, head);
          res.end(text);
        },
        () => res.destroy(),
      );
    },
  );
  server.timeout = limits.idleTimeoutMs;
  // node destroys a timed-out socket even with a request in flight; a slow handler still answers (the
  // client's deadline bounds it). A request is in flight while its response is bound to the socket
  // (node binds the next pipelined one as the previous finishes), so no count per request is kept.
  server.on('timeout', (socket: Socket) => {
    if ((socket as Socket & { _httpMessage?: http.ServerResponse | null })._httpMessage == null) socket.destroy();
  });
  // past twice the cap node drops connections without parsing them: a flood must not cost a parser each
  server.maxConnections = limits.maxConnections * 2;
  server.on('connection', (socket: Socket) => {
    if (++open > limits.maxConnections) excess.add(socket);
    socket.once('close', () => open--);
  });

  // node's own answer to unparsable HTTP or a timed-out request is a bare status; ours is JSON
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const pending = (socket as Socket & { _httpMessage?: http.ServerResponse })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent === true) {
      socket.destroy();
      return;
    }
    answerRaw(socket, faultReply(clientFault(err, limits), errorBody));
  });

  const { upgrade } = options;
  if (upgrade !== undefined) {
    server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      // a socket error after the upgrade is the hook's to handle; before, it only ends the socket
      socket.on('error', () => socket.destroy());
      if (closing) {
        socket.destroy();
        return;
      }
      try {
        checkTarget(req.url ?? '/');
        if (excess.has(req.socket)) throw new HttpFault(503, 'too-many-connections', `more than ${limits.maxConnections} connections are open; retry later`, { 'Retry-After': '1' });
      } catch (e) {
        answerRaw(socket, faultReply(e, errorBody));
        return;
      }
      upgrade.handle(req, socket, head, limits);
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      let closed: Promise<void> | undefined;
      resolve({
        url,
        limits,
        connections: () => open,
        close() {
          closed ??= new Promise<void>((done, fail) => {
            closing = true;
            // upgraded connections are not node's to close: the hook closes them
            upgrade?.close(limits.closeGraceMs);
            const force = setTimeout(() => server.closeAllConnections(), limits.closeGraceMs);
            force.unref();
            server.close((err) => {
              clearTimeout(force);
              options.onClose?.();
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
