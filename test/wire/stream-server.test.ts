/**
 * The reference server's stream (docs/protocol.md §4.12) at its edges: announced or not, messages
 * it cannot read (answered with `"id": null`, then the stream closes and nothing after is run),
 * one over the body limit, upgrades it does not take, the connection cap, idle streams and closing
 * the server; and `ws` loaded only when a stream is opened.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers/wire/server';
import { connect, readAnswer } from '../servers/raw-http';
import { openStream } from './stream-raw';

const ROOT = join(__dirname, '..', '..');
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

const capabilities = async (url: string) => (await (await fetch(`${url}/v1/capabilities`)).json()) as Record<string, unknown>;
/** The number of the app the server would make next (apps are numbered in order). */
const nextApp = async (url: string) => Number(((await (await fetch(`${url}/v1/apps`, { method: 'POST' })).json()) as { appID: string }).appID.slice('app-'.length)) + 1;
/** What an upgrade the server does not take is answered: status and JSON body. */
function refusedUpgrade(url: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
    ws.on('open', () => reject(new Error('the upgrade was taken')));
    ws.on('error', () => undefined);
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
  });
}

describe('the stream, announced', () => {
  it('in the capabilities with its path and the body limit as its message limit; not by a server without it', async () => {
    expect((await capabilities(server.url)).stream).toEqual({ path: '/v1/stream', maxMessageBytes: 4 * 1024 * 1024 });
    const small = await startServer({ port: 0, maxBodyBytes: 5000 });
    const without = await startServer({ port: 0, stream: false });
    const noBatches = await startServer({ port: 0, batchMaxRequests: 0 });
    try {
      expect((await capabilities(small.url)).stream).toEqual({ path: '/v1/stream', maxMessageBytes: 5000 });
      expect((await capabilities(without.url)).stream).toBeUndefined();
      expect((await capabilities(without.url)).batch).toBeDefined();
      expect((await capabilities(noBatches.url)).stream).toBeUndefined();
      // without the stream its path is no endpoint; with it, a GET without an Upgrade is told to upgrade
      expect((await fetch(`${without.url}/v1/stream`)).status).toBe(404);
      const plain = await fetch(`${server.url}/v1/stream`);
      expect(plain.status).toBe(426);
      expect(plain.headers.get('upgrade')).toBe('websocket');
      expect(((await plain.json()) as { error: { reason: string } }).error.reason).toBe('upgrade-required');
    } finally {
      await Promise.all([small.close(), without.close(), noBatches.close()]);
    }
  });
});

describe('groupspec serve', () => {
  it('announces the stream, and with --no-stream does not', async () => {
    for (const [flags, announced] of [[[], true], [['--no-stream'], false]] as const) {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'serve', '--port', '0', ...flags], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        const url = await new Promise<string>((resolve) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /listening on (http:\/\/\S+)/.exec(out);
            if (m !== null) resolve(m[1]!);
          });
        });
        expect((await capabilities(url)).stream !== undefined).toBe(announced);
      } finally {
        child.kill('SIGTERM');
      }
    }
  }, 30_000);
});

describe('a message the server cannot read', () => {
  const cases: Array<[string, unknown, number, number, string]> = [
    ['not JSON', '{"id": 1, "requests": [', 400, 1007, 'malformed-json'],
    ['not an object', '[1, 2]', 400, 1008, 'invalid-request'],
    ['without an id', { requests: [] }, 400, 1008, 'invalid-request'],
    ['with a negative id', { id: -1, requests: [] }, 400, 1008, 'invalid-request'],
    ['with an id of 129 characters', { id: 'x'.repeat(129), requests: [] }, 400, 1008, 'invalid-request'],
    ['a binary frame', Buffer.from('{"id":1,"requests":[]}'), 415, 1003, 'unsupported-media-type'],
  ];
  it.each(cases)('%s: answered with id null and its error, then the stream closes and no later message is run', async (_name, message, status, code, reason) => {
    const before = await nextApp(server.url);
    const s = await openStream(server.url);
    s.send({ id: 1, requests: [{ method: 'POST', path: '/v1/apps' }] });
    s.send(message);
    s.send({ id: 3, requests: [{ method: 'POST', path: '/v1/apps' }] });
    expect((await s.next()).body.responses[0].body.appID).toBe(`app-${before}`);
    const refused = await s.next();
    expect(refused).toMatchObject({ id: null, status, body: { ok: false, error: { code: 'protocol', reason } } });
    expect((await s.closed).code).toBe(code);
    // the message after it was not run: the next app is the one after the first message's
    expect(await nextApp(server.url)).toBe(before + 2);
  });

  it('over the body limit: the stream closes (1009) unanswered; a message within it is answered', async () => {
    const small = await startServer({ port: 0, maxBodyBytes: 2000 });
    try {
      const s = await openStream(small.url);
      s.send({ id: 'fits', requests: [{ method: 'POST', path: '/v1/apps', body: { seed: 1 } }] });
      expect(await s.next()).toMatchObject({ id: 'fits', status: 200 });
      s.send({ id: 2, requests: [{ method: 'POST', path: '/v1/apps', body: { pad: 'x'.repeat(2000) } }] });
      expect((await s.closed).code).toBe(1009);
      await expect(s.next(500)).rejects.toThrow(/closed/);
    } finally {
      await small.close();
    }
  });

  it('a whole-batch refusal keeps the stream open, as it keeps an HTTP connection', async () => {
    const s = await openStream(server.url);
    s.send({ id: 1, requests: 'x' });
    s.send({ id: 2, requests: [] });
    expect(await s.next()).toMatchObject({ id: 1, status: 400, body: { error: { reason: 'invalid-request' } } });
    expect(await s.next()).toEqual({ id: 2, status: 200, body: { ok: true, responses: [] } });
    s.ws.close();
  });
});

describe('upgrades and connections', () => {
  it('an upgrade to another path, or not to websocket, is answered in JSON and not taken', async () => {
    const other = await refusedUpgrade(`${server.url}/v1/capabilities`);
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/only GET \/v1\/stream takes an Upgrade/);
    for (const [head, status] of [
      ['GET /v1/stream HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n', 400],
      ['POST /v1/stream HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n', 405],
      ['GET /v1/stream HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n', 400],
      ['GET /v1/../stream HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n', 400],
    ] as const) {
      const socket = await connect(server.url);
      socket.write(head);
      const answer = await readAnswer(socket, 5000);
      socket.destroy();
      expect([answer.status, answer.headers['content-type'], answer.json.ok, answer.closed]).toEqual([status, 'application/json; charset=utf-8', false, true]);
    }
  });

  it('past --max-connections a stream is refused with 503 too-many-connections', async () => {
    const capped = await startServer({ port: 0, limits: { maxConnections: 1 } });
    try {
      const first = await openStream(capped.url);
      const refused = await refusedUpgrade(`${capped.url}/v1/stream`);
      expect(refused.status).toBe(503);
      expect(refused.body.error.reason).toBe('too-many-connections');
      first.ws.close();
    } finally {
      await capped.close();
    }
  });

  it('an idle stream is closed with 1000 "idle"; closing the server closes its streams with 1001', async () => {
    const quick = await startServer({ port: 0, limits: { idleTimeoutMs: 1000 } });
    const s = await openStream(quick.url);
    s.send({ id: 1, requests: [] });
    await s.next();
    expect(await s.closed).toEqual({ code: 1000, reason: 'idle' });
    const open = await openStream(quick.url);
    await quick.close();
    expect((await open.closed).code).toBe(1001);
  });
});

describe('ws is loaded', () => {
  it('by neither groupspec nor groupspec/chat nor the wire client or server until a stream is opened', () => {
    const script = `
      const loaded = () => Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]ws[\\\\/]/.test(k));
      require('./simulator'); require('./simulator/sdk/drop-in'); require('./adapters/wire/client');
      const { startServer } = require('./servers/wire/server');
      const before = loaded();
      startServer({ port: 0 }).then(async (s) => {
        const idle = loaded();
        const impl = await require('./adapters/wire/client').wireImplementation(s.url);
        const app = await impl.createApp();
        await impl.close();
        await s.close();
        process.stdout.write(JSON.stringify([before, idle, loaded()]));
      });`;
    const out = execFileSync(process.execPath, ['-r', join(ROOT, 'runner', 'register-ts.js'), '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([false, false, true]);
  }, 30_000);
});
