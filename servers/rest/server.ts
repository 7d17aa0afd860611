/**
 * The REST emulator over HTTP: `POST /v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`
 * answered by router.ts over a given Service (any Simulator, so the backend's REST calls and the
 * users' SDK calls meet on the same groups and clock), plus the emulator's own control endpoints
 * under /groupspec/ (reset, snapshot, restore, clock, request counts; docs/rest-emulator.md).
 *
 * It runs on the shared HTTP base (servers/http/) with the REST envelope as its error body: the
 * base's own refusals (bad path, timeouts, too many connections, malformed HTTP) are answered as
 * `{ActionStatus: 'FAIL', ErrorCode: 60002, ErrorInfo}`.
 */
import type * as http from 'node:http';
import type { Service } from '../../simulator/shell/service';
import { HttpFault, RawJson, readBody, startHttpServer, type ServerLimits } from '../http';
import { failure, REST_ERR } from './codes';
import { handleRest, type HandlerOptions } from './router';
import { StateControl } from './state-control';
import { Webhooks } from './webhooks';

export const DEFAULT_SDKAPPID = 1400000000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS = 4096;

export interface RestEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The app's SDKAppID (default 1400000000). */
  sdkAppID?: number;
  /** When given, every usersig is verified with it (tls-sig-api-v2); without it any usersig passes. */
  secretKey?: string;
  /** App admin accounts (default: the simulator's admin, 'administrator'). */
  admins?: readonly string[];
  /** Largest request body accepted (default 1 MiB); a larger one is refused with 60002. */
  maxBodyBytes?: number;
  /** The shared base's other limits (timeouts, connections); its defaults otherwise. */
  limits?: Partial<Omit<ServerLimits, 'maxBodyBytes'>>;
  /** Wall-clock seconds for UserSig expiry (default Date.now). */
  nowSeconds?: () => number;
  /** Where the group webhooks go; without it none is sent and commands run without hooks. */
  callbackUrl?: string;
  /** How long a "before" webhook may take (default 2000 ms) before the operation proceeds. */
  callbackTimeoutMs?: number;
}

export interface RestEmulator {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Requests answered so far, by `service/command` (the unknown ones under their path). */
  readonly requestCounts: ReadonlyMap<string, number>;
  readonly control: StateControl;
  /** The webhooks, when a callback URL was given: what was sent and answered. */
  readonly webhooks: Webhooks | undefined;
  close(): Promise<void>;
}

function defaultAdmin(service: Service<any>): string {
  const a = (service as { admin?: { adminID?: unknown } }).admin?.adminID;
  return typeof a === 'string' ? a : 'administrator';
}

/** Starts the emulator over `service`; resolves once the port is bound. */
export function startRestEmulator(service: Service<any>, options: RestEmulatorOptions = {}): Promise<RestEmulator> {
  const handler: HandlerOptions = {
    sdkAppID: options.sdkAppID ?? DEFAULT_SDKAPPID,
    secretKey: options.secretKey,
    admins: new Set(options.admins ?? [defaultAdmin(service)]),
    nowSeconds: options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const control = new StateControl(service);
  if (options.callbackUrl !== undefined && !/^https?:\/\//.test(options.callbackUrl)) return Promise.reject(new TypeError(`callbackUrl must be an http(s) URL, got ${JSON.stringify(options.callbackUrl)}`));
  const webhooks = options.callbackUrl === undefined
    ? undefined
    : Webhooks.install(service, { callbackUrl: options.callbackUrl, sdkAppID: handler.sdkAppID, ...(options.callbackTimeoutMs === undefined ? {} : { timeoutMs: options.callbackTimeoutMs }) });
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

  const controlRoute = async (method: string, path: string, body: string): Promise<[number, unknown]> => {
    const route = `${method} ${path}`;
    let input: Record<string, unknown> = {};
    if (body.trim() !== '') {
      try {
        const parsed = JSON.parse(body) as unknown;
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) input = parsed as Record<string, unknown>;
        else return [400, { ok: false, error: 'the body must be a JSON object' }];
      } catch {
        return [400, { ok: false, error: 'the body is not JSON' }];
      }
    }
    switch (route) {
      case 'POST /groupspec/reset':
        control.reset();
        return [200, { ok: true }];
      case 'POST /groupspec/snapshot':
        return [200, { ok: true, snapshot: control.snapshot() }];
      case 'POST /groupspec/restore':
        if (typeof input.snapshot !== 'string') return [400, { ok: false, error: 'restore takes {"snapshot": "<id from /groupspec/snapshot>"}' }];
        return control.restore(input.snapshot) ? [200, { ok: true }] : [404, { ok: false, error: `no snapshot ${JSON.stringify(input.snapshot)}` }];
      case 'POST /groupspec/clock/advance': {
        const clock = service.clock as { advance?: (ms: number) => number; now(): number };
        if (typeof clock.advance !== 'function') return [409, { ok: false, error: 'the service runs on a clock that cannot be moved' }];
        if (typeof input.ms !== 'number' || !Number.isInteger(input.ms) || input.ms < 0) return [400, { ok: false, error: 'advance takes {"ms": <non-negative integer>}' }];
        return [200, { ok: true, now: clock.advance(input.ms) }];
      }
      case 'GET /groupspec/clock':
        return [200, { ok: true, now: service.clock.now() }];
      case 'GET /groupspec/requests':
        return [200, { ok: true, requests: Object.fromEntries(counts) }];
      default:
        return [404, { ok: false, error: `no emulator endpoint ${route}` }];
    }
  };

  const handle = async (req: http.IncomingMessage, limits: Readonly<ServerLimits>): Promise<unknown> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    let raw: Buffer;
    try {
      raw = await readBody(req, limits.maxBodyBytes);
    } catch (e) {
      if (!(e instanceof HttpFault && e.status === 413)) throw e;
      // the service answers every request in its envelope with HTTP 200
      if (url.pathname.startsWith('/groupspec/')) throw e;
      return new RawJson(JSON.stringify(failure(REST_ERR.BAD_REQUEST, `the request body is larger than ${limits.maxBodyBytes} bytes`)), 200, { Connection: 'close' });
    }
    const body = raw.toString('utf8');
    if (url.pathname.startsWith('/groupspec/')) {
      const [status, out] = await controlRoute(method, url.pathname, body);
      return new RawJson(JSON.stringify(out), status);
    }
    const answer = await handleRest(service, handler, { method, path: url.pathname, query: url.searchParams, body });
    count(answer.command ?? url.pathname);
    return new RawJson(JSON.stringify(answer.json), answer.status);
  };

  return startHttpServer({
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    // a backend's test suite may fire thousands of requests at once; the base's default cap (256) is for the wire server
    limits: { maxConnections: DEFAULT_MAX_CONNECTIONS, ...options.limits, maxBodyBytes: handler.maxBodyBytes },
    errorBody: (fault) => failure(REST_ERR.BAD_REQUEST, `${fault.reason}: ${fault.message}`),
    handle,
    onClose: () => {
      if (webhooks !== undefined && service.hooks === webhooks) service.hooks = undefined;
    },
  }).then((running) => ({ url: running.url, requestCounts: counts, control, webhooks, close: () => running.close() }));
}
