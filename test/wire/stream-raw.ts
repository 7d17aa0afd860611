/** A bare client of the wire protocol's stream (docs/protocol.md §4.12) and of POST /v1/batch, for test/wire/stream*.test.ts. */
import { WebSocket } from 'ws';

export interface RawStream {
  readonly ws: WebSocket;
  /** Sends a message: a value as JSON, a string as it is, a Buffer as a binary frame. */
  send(message: unknown): void;
  /** The next answer, parsed (rejects if the stream closes first, or nothing comes within `ms`). */
  next(ms?: number): Promise<any>;
  /** Resolves when the stream has closed, with the server's close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

export async function openStream(url: string, path = '/v1/stream'): Promise<RawStream> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { perMessageDeflate: false, maxPayload: 0 });
  const answers: unknown[] = [];
  const waiting: Array<(v: unknown) => void> = [];
  let ended: { code: number; reason: string } | undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      ended = { code, reason: reason.toString() };
      resolve(ended);
      for (const w of waiting.splice(0)) w(ended);
    }),
  );
  ws.on('message', (data: Buffer) => {
    const v: unknown = JSON.parse(data.toString('utf8'));
    const w = waiting.shift();
    if (w === undefined) answers.push(v);
    else w(v);
  });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('the stream did not open')));
  });
  return {
    ws,
    send: (m) => ws.send(Buffer.isBuffer(m) ? m : typeof m === 'string' ? m : JSON.stringify(m), { binary: Buffer.isBuffer(m) }),
    next: (ms = 5000) =>
      new Promise((resolve, reject) => {
        if (answers.length > 0) return resolve(answers.shift());
        if (ended !== undefined) return reject(new Error(`the stream closed (${ended.code} ${ended.reason}) with no answer left`));
        const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
        waiting.push((v) => {
          clearTimeout(timer);
          if (v === ended) reject(new Error(`the stream closed (${ended!.code} ${ended!.reason}) with no answer left`));
          else resolve(v);
        });
      }),
    closed,
  };
}

/** POST /v1/batch with a body as given (text): its status and parsed body. */
export async function postBatch(url: string, body: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, body: await res.json() };
}

/**
 * A stand-in server that announces a stream and serves only over it, each message through
 * `onMessage` (which answers, or does not): for what the reference server never does (drop a
 * connection mid-flight, close it cleanly unanswered, never answer). `answer` gives what the
 * reference would for the protocol's shapes the wire client checks.
 */
export async function fakeStreamServer(onMessage: (ws: WebSocket, message: { id: number; requests: Array<{ method: string; path: string; body?: any }> }, connection: number) => void) {
  const http = await import('node:http');
  const { WebSocketServer } = await import('ws');
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let connections = 0;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    const caps = { groupTypes: ['Public'], operations: ['getGroupList', 'createGroup'], adminOperations: [], clock: false, events: true, limitOverrides: false };
    res.end(JSON.stringify({ ok: true, name: 'fake', contractVersion: 1, protocolVersion: 1, capabilities: caps, batch: { maxRequests: 16, references: true, postEvents: true }, stream: { path: '/v1/stream', maxMessageBytes: 1 << 20 } }));
  });
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      const n = ++connections;
      ws.on('message', (data: Buffer) => onMessage(ws, JSON.parse(data.toString()), n));
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** What the reference would answer a message's requests with, in the shapes the wire client checks. */
export function fakeAnswer(message: { id: number; requests: Array<{ method: string; path: string; body?: any }> }): string {
  const responses = message.requests.map(({ path, body }) => {
    if (path === '/v1/apps') return { status: 200, body: { ok: true, appID: 'a' } };
    if (path.endsWith('/sessions')) return { status: 200, body: { ok: true, sessionID: 's', userID: body.userID, device: 'web' } };
    if (path.endsWith('/call')) return { status: 200, body: { ok: true, result: { code: 0, data: { method: body.method } } } };
    return { status: 200, body: { ok: true } };
  });
  return JSON.stringify({ id: message.id, status: 200, body: { ok: true, responses } });
}
