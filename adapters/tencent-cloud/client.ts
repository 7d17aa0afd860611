/**
 * HTTP transport for the REST API, and UserSig generation (tls-sig-api-v2). Loaded lazily by the
 * live adapter; the unit tests drive rest.ts through a fake `send` instead.
 */
import { randomInt } from 'node:crypto';
import type { TencentConfig } from './config';
import { checkEnvelope, restUrl, TencentRestError, type RestRequest, type RestResponse, type Send } from './rest';

interface TlsSigApi {
  genUserSig(userID: string, expire: number): string;
}
type TlsSigModule = { Api: new (sdkAppID: number, secretKey: string) => TlsSigApi };

/** `new TLSSigAPIv2.Api(SDKAppID, secretKey).genUserSig(userID, expire)`, the package's documented use. */
export function userSigFactory(config: Pick<TencentConfig, 'sdkAppID' | 'secretKey' | 'userSigExpireSeconds'>): (userID: string) => string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const TLSSigAPIv2 = require('tls-sig-api-v2') as TlsSigModule;
  const api = new TLSSigAPIv2.Api(config.sdkAppID, config.secretKey);
  return (userID) => api.genUserSig(userID, config.userSigExpireSeconds);
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface RestClientOptions {
  config: TencentConfig;
  /** Signs the admin account; defaults to tls-sig-api-v2 with the configured secret key. */
  userSig?: (userID: string) => string;
  fetch?: FetchLike;
}

/**
 * At most this many requests in flight; more wait their turn. A burst (the suite creates 200 groups
 * at once) then reuses a few keep-alive sockets instead of opening 200, which the live service's
 * frequency limits and an emulator sharing this process's event loop both take better.
 */
export const MAX_IN_FLIGHT = 16;

/** Runs `task`s with at most `limit` of them pending at once, in the order they came. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Builds the `send` function rest.ts's commands use: one POST per request, envelope checked. */
export function restSender(options: RestClientOptions): Send {
  const turn = limiter(MAX_IN_FLIGHT);
  const { config } = options;
  const sign = options.userSig ?? userSigFactory(config);
  const doFetch: FetchLike = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  let adminSig: { sig: string; at: number } | undefined;
  const sig = () => {
    // regenerate well before expiry: a long run must not fail on an expired signature
    if (adminSig === undefined || Date.now() - adminSig.at > (config.userSigExpireSeconds * 1000) / 2) adminSig = { sig: sign(config.adminUserID), at: Date.now() };
    return adminSig.sig;
  };
  return (req: RestRequest): Promise<RestResponse> => turn(async () => {
    const url = restUrl(req, { domain: config.restDomain, baseUrl: config.restBaseUrl, sdkAppID: config.sdkAppID, identifier: config.adminUserID, userSig: sig(), random: randomInt(0, 4294967296) });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.restTimeoutMs);
    let status: number;
    let text: string;
    const post = () => doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req.body), signal: controller.signal });
    try {
      let res;
      try {
        res = await post();
      } catch (e) {
        // a kept-alive socket the server closed as the request went out: nothing was answered, so
        // the request is sent once more on a fresh one (as the wire client does, adapters/wire)
        if (controller.signal.aborted || !droppedSocket(e)) throw e;
        res = await post();
      }
      status = res.status;
      text = await res.text();
    } catch (e) {
      const why = controller.signal.aborted ? `no answer within ${config.restTimeoutMs} ms` : describe(e);
      throw new TencentRestError(`${req.service}/${req.command}: ${why}`);
    } finally {
      clearTimeout(timer);
    }
    if (status !== 200) throw new TencentRestError(`${req.service}/${req.command}: HTTP ${status}`, status);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TencentRestError(`${req.service}/${req.command}: the response is not JSON: ${text.slice(0, 120)}`, status);
    }
    return checkEnvelope(req.command, body);
  });
}

/** Socket-level failures before any answer: fetch's "fetch failed" with the socket's code as its cause. */
const DROPPED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

function causeCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export function droppedSocket(e: unknown): boolean {
  const code = causeCode(e);
  return code !== undefined && DROPPED.has(code);
}

/** fetch's message with its cause's code, which says what failed ("fetch failed" alone does not). */
function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = causeCode(e);
  return code === undefined ? message : `${message} (${code})`;
}
