/**
 * The reference simulator served over the groupspec wire protocol (docs/protocol.md). It is what the
 * wire client is tested against, and a live example for anyone writing a server in another
 * language: when their server and this one answer the same request differently, theirs is wrong
 * or the protocol document is.
 *
 * Built on servers/http (limits, start/stop, bodies, routing); the endpoints are in routes.ts, the
 * batch endpoint in batch.ts, request bodies and the error envelope in bodies.ts.
 */
import { createSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import { simulatorImplementation } from '../../adapters/simulator';
import { DEFAULT_SERVER_LIMITS, Router, answer, cachedResolver, decodeJson, readBody, requireObject, resolveLimits, startHttpServer, type ServerLimits, type Target } from '../http';
import { WireFault, wireErrorBody } from './bodies';
import { batchRoute } from './batch';
import { Ctx, PROTOCOL_VERSION, wireRoutes, type AppEntry, type WireHandler } from './routes';
import { STREAM_PATH, streamHook } from './stream';

export { PROTOCOL_VERSION };
export type { ServerLimits };
/** 4 MiB (servers/http/limits.ts says why not 1). */
export const DEFAULT_MAX_BODY_BYTES = DEFAULT_SERVER_LIMITS.maxBodyBytes;
/** Most events one events response carries by default; a bigger backlog arrives over several requests. */
export const EVENTS_PAGE_MAX = 1000;
/** Most requests one batch (POST /v1/batch) may carry by default; announced in the capabilities. */
export const BATCH_MAX_REQUESTS = 256;

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the protocol has no authentication, so it is not exposed by default. */
  host?: string;
  /** Largest request body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES, 4 MiB); larger ones get 413. Wins over limits.maxBodyBytes. */
  maxBodyBytes?: number;
  /** Timeouts, connection cap and body cap (servers/http/limits.ts; docs/protocol.md §6). */
  limits?: Partial<ServerLimits>;
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
  /**
   * Serve the stream (`GET /v1/stream` upgraded to a WebSocket, docs/protocol.md §4.12) and announce
   * it (default true; needs batches). Off, the server is one written before the stream: clients
   * send their batches over HTTP.
   */
  stream?: boolean;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The limits in force, defaults filled in. */
  readonly limits: Readonly<ServerLimits>;
  /** Connections open now. */
  connections(): number;
  /** Stops accepting connections, lets in-flight requests finish and drops every app. */
  close(): Promise<void>;
}

/** Starts serving; resolves once the port is bound. */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const pageMax = options.eventsPageMax ?? EVENTS_PAGE_MAX;
  if (!Number.isInteger(pageMax) || pageMax < 1) return Promise.reject(new RangeError(`eventsPageMax must be a positive integer, got ${pageMax}`));
  const batchMax = options.batchMaxRequests ?? BATCH_MAX_REQUESTS;
  if (!Number.isInteger(batchMax) || batchMax < 0) return Promise.reject(new RangeError(`batchMaxRequests must be a non-negative integer, got ${batchMax}`));
  let limits: ServerLimits;
  try {
    limits = resolveLimits({ ...options.limits, ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }) });
  } catch (e) {
    return Promise.reject(e);
  }
  const stream = batchMax > 0 && options.stream !== false ? { path: STREAM_PATH, maxMessageBytes: limits.maxBodyBytes } : undefined;
  const apps = new Map<string, AppEntry>();
  const router = new Router<WireHandler>(
    wireRoutes({
      apps,
      // the wire server is the simulator by another road, so it declares exactly what the in-process adapter does
      reference: simulatorImplementation(),
      makeSimulator: options.implementation ?? createSimulator,
      pageMax,
      batchMax,
      stream,
    }),
  );
  /** Which route a request goes to, checked in the order of docs/protocol.md §5; touches no state. */
  const resolve = cachedResolver<WireHandler>((verb, { pathname, segments }) => {
    if (segments[0] !== 'v1') {
      throw new WireFault(404, 'unknown-endpoint', `no endpoint ${pathname}: this server speaks protocol version ${PROTOCOL_VERSION}, under /v${PROTOCOL_VERSION}/`);
    }
    return router.find(verb, segments.slice(1), pathname);
  });
  if (batchMax > 0) router.add(batchRoute(batchMax, resolve));
  // a stream message is a batch's body: it goes to the batch route, as POST /v1/batch does
  const batchTarget = stream === undefined ? undefined : resolve('POST', '/v1/batch');

  return startHttpServer({
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    limits,
    errorBody: wireErrorBody,
    onClose: () => apps.clear(),
    ...(batchTarget === undefined ? {} : { upgrade: streamHook((body) => answer(() => batchTarget.route.handler(new Ctx(batchTarget, body)), wireErrorBody)) }),
    handle: async (req, limits) => {
      let target: Target<WireHandler>;
      try {
        target = resolve(req.method, req.url ?? '/');
      } catch (e) {
        // the body is not wanted, but it must be read for the connection to stay usable
        req.resume();
        throw e;
      }
      // GET and DELETE bodies are read only to keep the connection usable; their content is ignored
      const raw = await readBody(req, limits.maxBodyBytes);
      const body = target.route.verb === 'POST' ? requireObject(decodeJson(req, raw)) : {};
      return target.route.handler(new Ctx(target, body));
    },
  });
}
