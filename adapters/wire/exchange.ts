/**
 * One HTTP exchange of the wire client: node:http with keep-alive, one deadline, redirects followed
 * as fetch follows them, and the keep-alive race retried once.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { WireError, WireTimeoutError, explain } from './protocol';

/** Redirects are followed as fetch follows them (which this transport replaced): at most 20. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** As fetch's Response.text(): UTF-8, a leading BOM dropped, bad bytes replaced. */
const decoder = new TextDecoder('utf-8');

/**
 * The body as text, as `decoder` decodes it: Buffer's own UTF-8 decoding costs about two thirds
 * of TextDecoder's and reads valid UTF-8 the same (test/wire/exchange.test.ts checks both against
 * each other), so only a body with a replacement character in it (bad bytes, or a U+FFFD sent as
 * such) is left to TextDecoder.
 */
export function bodyText(body: Buffer): string {
  const text = body.toString('utf8');
  if (text.includes('\uFFFD')) return decoder.decode(body);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

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

/**
 * Closes the idle keep-alive sockets to `base`'s host (a client that now sends over the stream,
 * docs/protocol.md §4.12, would otherwise hold a second connection to the server, idle, until the
 * keep-alive timeout: one more against the server's --max-connections). Sockets in use are left.
 */
export function dropIdleSockets(base: string): void {
  const { protocol, hostname, port } = new URL(base);
  const agent = protocol === 'https:' ? AGENTS['https:'] : AGENTS['http:'];
  const host = hostname.replace(/^\[|\]$/g, '');
  for (const [name, sockets] of Object.entries(agent.freeSockets)) {
    // the agent's key is host:port:… (its own format); a destroyed socket leaves the list by itself
    if (name.startsWith(`${host}:${port}:`)) for (const socket of [...(sockets ?? [])]) socket.destroy();
  }
}

/**
 * One HTTP exchange, redirects included, within the deadline: the status and the body as text.
 * Rejects with WireTimeoutError past the deadline, and otherwise with a WireError that says
 * whether the server could not be reached or the connection broke while its answer was read.
 */
export function exchange(url: string, what: string, verb: string, payload: string | undefined, timeoutMs: number): Promise<{ status: number; text: string }> {
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
      settle(() => reject(new WireTimeoutError(`${what} did not answer within ${timeoutMs} ms`)));
      current?.destroy();
    }, timeoutMs);
    const unreachable = (e: unknown) => settle(() => reject(new WireError(`${what} failed: cannot reach the server (${explain(e)})`, undefined, undefined, { cause: e })));

    // the body goes as a string: node then writes it with the headers in one write (a Buffer costs a second one)
    const go = (target: URL, method: string, data: string | undefined, hops: number, retried = false) => {
      const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
      const headers: http.OutgoingHttpHeaders = data === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(data)) };
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
        res.on('end', () => settle(() => resolve({ status, text: bodyText(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)) })));
        res.on('error', broke);
        res.on('close', () => {
          if (!res.complete) broke(new Error('aborted'));
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (answered) return;
        // The keep-alive race Node documents: the server closed an idle socket just as this request
        // was written on it, so the server never read it. A client whose event loop was blocked past
        // the server's keep-alive timeout meets it on its next request; one retry on a new socket is
        // safe because nothing was answered and nothing reached the server.
        if (!retried && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) {
          go(target, method, data, hops, true);
          return;
        }
        unreachable(e);
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
