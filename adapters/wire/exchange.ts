/**
 * One HTTP exchange of the wire client: undici's dispatcher with keep-alive, one deadline,
 * redirects followed as fetch follows them, and the keep-alive race retried once.
 */
import { Agent, type Dispatcher } from 'undici';
import { WireError, WireTimeoutError, explain } from './protocol';

/** Redirects are followed as fetch follows them (which this transport replaced): at most 20. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** As fetch's Response.text(): UTF-8, a leading BOM dropped, bad bytes replaced. */
const decoder = new TextDecoder('utf-8');
const JSON_HEADERS = ['content-type', 'application/json'];

/**
 * undici's dispatcher at its lowest level (`dispatch` with a handler: no streams, no Response
 * object), not fetch, which costs about three times the CPU on Node 20 (its web streams), nor
 * node:http, whose client, agent and streams cost about a third more CPU per exchange than this
 * (bench/exchange.ts; docs/performance.md "Round three, a cheaper exchange"). Idle sockets do not
 * keep the process alive (undici unrefs them) and, as with fetch, are dropped after 4 s idle or a
 * second before the keep-alive timeout the server announces, whichever is sooner, so a request is
 * not sent on a socket the server is closing. undici's own connect, header and body timeouts are
 * off (a request is bounded by the deadline alone, as before), but for the connect timeout (10 s):
 * a connection still being made at the deadline is given up by that timeout, where node:http's
 * request destroyed it at once.
 */
const dispatcher = new Agent({
  keepAliveTimeout: 4000,
  keepAliveTimeoutThreshold: 1000,
  headersTimeout: 0,
  bodyTimeout: 0,
});

/** Errors of a connection that was open: the server dropped it without an answer. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Whether a connection that dropped had carried an earlier exchange (undici reports its byte counts). */
function reusedConnection(e: { socket?: { bytesRead?: number } }): boolean {
  return (e.socket?.bytesRead ?? 1) > 0;
}

/** The Location header of a response, from undici's raw header list. */
function locationOf(raw: Buffer[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length === 8 && raw[i]!.toString('latin1').toLowerCase() === 'location') return raw[i + 1]!.toString('latin1');
  }
  return undefined;
}

/**
 * One HTTP exchange, redirects included, within the deadline: the status and the body as text.
 * Rejects with WireTimeoutError past the deadline, and otherwise with a WireError that says
 * whether the server could not be reached or the connection broke while its answer was read.
 */
export function exchange(url: string, what: string, verb: string, payload: string | undefined, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    /** Cuts the request in flight off; undici hands it over once the request is on a socket. */
    let abort: ((e?: Error) => void) | undefined;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new WireTimeoutError(`${what} did not answer within ${timeoutMs} ms`)));
      abort?.();
    }, timeoutMs);
    const unreachable = (e: unknown) => settle(() => reject(new WireError(`${what} failed: cannot reach the server (${explain(e)})`, undefined, undefined, { cause: e })));

    const go = (target: URL, method: string, data: string | undefined, hops: number, retried = false) => {
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        unreachable(new TypeError(`unsupported protocol ${target.protocol}`));
        return;
      }
      let status = 0;
      let redirect: URL | undefined;
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onConnect(cut: (e?: Error) => void) {
          // a request still queued at the deadline is cut off as it reaches a socket, never sent
          if (settled) cut();
          else abort = cut;
        },
        onHeaders(statusCode: number, raw: Buffer[]) {
          status = statusCode;
          if (REDIRECT_STATUSES.has(statusCode)) {
            const location = locationOf(raw);
            if (location !== undefined) {
              try {
                redirect = new URL(location, target);
              } catch (e) {
                unreachable(e);
              }
            }
          }
          return true;
        },
        onData(chunk: Buffer) {
          // the redirect's own body is of no interest
          if (redirect === undefined) chunks.push(chunk);
          return true;
        },
        onComplete() {
          if (settled) return;
          if (redirect === undefined) {
            settle(() => resolve({ status, text: decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)) }));
            return;
          }
          if (hops >= MAX_REDIRECTS) {
            unreachable(new Error('redirect count exceeded'));
            return;
          }
          // as fetch: 303 turns anything but GET into a GET; 301 and 302 turn a POST into a GET
          const toGet = (status === 303 && method !== 'GET') || ((status === 301 || status === 302) && method === 'POST');
          go(redirect, toGet ? 'GET' : method, toGet ? undefined : data, hops + 1);
        },
        onError(e: Error & { code?: string; socket?: { bytesRead?: number } }) {
          if (settled) return;
          if (status !== 0) {
            settle(() => reject(new WireError(`${what}: the connection broke while reading the ${status} answer (${explain(e)})`, status, undefined, { cause: e })));
            return;
          }
          // The keep-alive race: the server closed an idle socket just as this request was written
          // on it, so the server never read it. A client whose event loop was blocked past the
          // server's keep-alive timeout meets it on its next request; one retry on a new socket is
          // safe because nothing was answered and nothing reached the server.
          if (!retried && DROPPED.has(e.code ?? '') && reusedConnection(e)) {
            go(target, method, data, hops, true);
            return;
          }
          unreachable(e);
        },
      } as Dispatcher.DispatchHandler;
      try {
        dispatcher.dispatch(
          {
            origin: target.origin,
            path: target.pathname + target.search,
            method: method as Dispatcher.HttpMethod,
            headers: data === undefined ? null : JSON_HEADERS,
            body: data ?? null,
          } as Dispatcher.DispatchOptions,
          handler,
        );
      } catch (e) {
        unreachable(e);
      }
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
