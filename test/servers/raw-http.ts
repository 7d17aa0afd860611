/**
 * HTTP over a bare socket, for what no client library sends: dot segments left unresolved,
 * headers trickled byte by byte, a body that never ends, garbage instead of HTTP.
 */
import * as net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any;
  text: string;
  /** The server closed the connection after answering. */
  closed: boolean;
}

/** One step of a conversation: bytes to send, or a pause. */
export type Step = string | Buffer | { wait: number };

export function connect(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Reads one HTTP answer from the socket (Content-Length framed), and whether the server then closed it. */
export function readAnswer(socket: net.Socket, timeoutMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    let answer: RawAnswer | undefined;
    const timer = setTimeout(() => {
      cleanup();
      if (answer !== undefined) resolve(answer);
      else reject(new Error(`no answer within ${timeoutMs} ms (got ${JSON.stringify(buf.toString('latin1').slice(0, 200))})`));
    }, timeoutMs);
    const parse = (): RawAnswer | undefined => {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const [statusLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buf.length < end + 4 + length) return undefined;
      const text = buf.subarray(end + 4, end + 4 + length).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: Number(statusLine!.split(' ')[1]), headers, json, text, closed: false };
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      answer ??= parse();
      // an answer that says it closes is complete only once the server has closed
      if (answer !== undefined && answer.headers.connection !== 'close') finish();
    };
    const onClose = () => {
      if (answer !== undefined) answer.closed = true;
      finish();
    };
    const finish = () => {
      cleanup();
      if (answer !== undefined) resolve(answer);
      else reject(new Error(`connection closed without an answer (got ${JSON.stringify(buf.toString('latin1').slice(0, 200))})`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onClose);
    };
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', onClose);
  });
}

/** Sends the steps on a new connection (stopping early once answered) and reads the answer. */
export async function converse(url: string, steps: Step[], timeoutMs = 5000): Promise<RawAnswer> {
  const socket = await connect(url);
  try {
    const answered = readAnswer(socket, timeoutMs);
    let done = false;
    answered.finally(() => (done = true)).catch(() => undefined);
    for (const step of steps) {
      if (done || socket.destroyed) break;
      if (typeof step === 'object' && !Buffer.isBuffer(step)) await new Promise((r) => setTimeout(r, step.wait));
      else socket.write(step);
    }
    return await answered;
  } finally {
    socket.destroy();
  }
}

/** A complete request as text. */
export function request(method: string, path: string, body?: string, headers: Record<string, string> = {}): string {
  const all = { Host: 'localhost', ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) }), ...headers };
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body ?? ''}`;
}
