/**
 * Hostile input against the servers' shared base (servers/http), through the wire server, over
 * real sockets: paths that try to climb out of their app, headers and bodies that never finish,
 * too many connections, oversized bodies, garbage instead of HTTP. Each is answered with a status
 * and a JSON error (docs/protocol.md §5-6), and the server still answers a good request afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../simulator';
import { startServer, type RunningServer } from '../../servers/wire/server';
import { connect, converse, readAnswer, request, type RawAnswer, type Step } from './raw-http';

/** Tight limits, so that every timeout shows within a second. */
const LIMITS = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200, idleTimeoutMs: 5000, maxBodyBytes: 1024 };

let server: RunningServer;
let apps: [string, string];

const post = async (path: string, body: unknown) => (await converse(server.url, [request('POST', path, JSON.stringify(body), { Connection: 'close' })])).json;

beforeAll(async () => {
  server = await startServer({ limits: LIMITS });
  apps = [(await post('/v1/apps', {})).appID, (await post('/v1/apps', {})).appID];
  // app 1's clock is ahead, so reaching it from app 0's path would show in the answer
  await post(`/v1/apps/${apps[1]}/clock/advance`, { ms: 1000 });
});

afterAll(() => server?.close());

function expectProtocolError(answer: RawAnswer, status: number, reason: string): void {
  expect({ status: answer.status, contentType: answer.headers['content-type'], reason: answer.json?.error?.reason, code: answer.json?.error?.code, ok: answer.json?.ok }).toEqual({
    status,
    contentType: 'application/json; charset=utf-8',
    reason,
    code: 'protocol',
    ok: false,
  });
  expect(answer.json.error.message).toEqual(expect.any(String));
}

async function expectStillServing(url = server.url): Promise<void> {
  const answer = await converse(url, [request('GET', '/v1/capabilities', undefined, { Connection: 'close' })]);
  expect([answer.status, answer.json?.ok]).toEqual([200, true]);
}

/** Repeats a step with a pause before each, for about `ms`. */
function trickle(step: string, every: number, ms: number): Step[] {
  return Array.from({ length: Math.ceil(ms / every) }, () => [{ wait: every }, step]).flat();
}

describe('paths are vetted, never resolved', () => {
  const climbs = (): string[] => [
    `/v1/apps/${apps[0]}/../${apps[1]}/clock`,
    `/v1/apps/${apps[0]}/%2e%2e/${apps[1]}/clock`,
    `/v1/apps/${apps[0]}/.%2E/${apps[1]}/clock`,
    `/v1/apps/${apps[1]}/./clock`,
    '/v1/./capabilities',
  ];

  it('answers a dot segment, plain or percent-encoded, with 400 bad-path', async () => {
    for (const path of climbs()) {
      const answer = await converse(server.url, [request('GET', path)]);
      expectProtocolError(answer, 400, 'bad-path');
      expect(answer.json.error.message).toContain('dot segment');
    }
    await expectStillServing();
  });

  it('answers an encoded slash or a backslash with 400 bad-path', async () => {
    for (const path of [`/v1/apps/${apps[0]}%2Fclock`, `/v1/apps/${apps[0]}%2fclock`, '/v1\\capabilities', `/v1/apps/${apps[0]}%5Cclock`]) {
      expectProtocolError(await converse(server.url, [request('GET', path)]), 400, 'bad-path');
    }
    await expectStillServing();
  });

  it('answers a dot segment inside a batch in its place, and runs the rest', async () => {
    const body = await post('/v1/batch', {
      requests: [
        { method: 'GET', path: `/v1/apps/${apps[0]}/../${apps[1]}/clock` },
        { method: 'GET', path: `/v1/apps/${apps[1]}/clock` },
      ],
    });
    expect(body.responses.map((r: any) => [r.status, r.body.error?.reason ?? r.body.ok])).toEqual([
      [400, 'bad-path'],
      [200, true],
    ]);
  });
});

describe('slow and idle connections are timed out', () => {
  it('answers headers trickled past headersTimeoutMs (slowloris) with 408', async () => {
    const started = Date.now();
    const answer = await converse(server.url, ['GET /v1/capabilities HTTP/1.1\r\nHost: x\r\n', ...trickle('X-Slow: 1\r\n', 50, 3000)]);
    expectProtocolError(answer, 408, 'request-timeout');
    expect(answer.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2500);
    await expectStillServing();
  });

  it('answers a body that never ends with 408 after requestTimeoutMs', async () => {
    const started = Date.now();
    const head = `POST /v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"seed":`;
    const answer = await converse(server.url, [head, ...trickle(' ', 50, 3000)]);
    expectProtocolError(answer, 408, 'request-timeout');
    expect(answer.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2500);
    await expectStillServing();
  });

  it('closes an idle keep-alive connection after keepAliveTimeoutMs', async () => {
    const socket = await connect(server.url);
    try {
      socket.write(request('GET', '/v1/capabilities'));
      const first = await readAnswer(socket, 2000);
      expect([first.status, first.closed]).toEqual([200, false]);
      const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
      const idleSince = Date.now();
      // node gives a keep-alive socket up to a second past keepAliveTimeout before closing it
      const at = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 2500))]);
      expect(at).toBeGreaterThan(0);
      expect(at - idleSince).toBeLessThan(2500);
    } finally {
      socket.destroy();
    }
  });
});

describe('a slow answer is not an idle connection', () => {
  it('answers a request whose handler outlasts idleTimeoutMs, instead of hanging up', async () => {
    const slow = await startServer({
      limits: { idleTimeoutMs: 200 },
      implementation: (options) => {
        const sim = createSimulator(options);
        const invoke = sim.admin.invoke.bind(sim.admin);
        sim.admin.invoke = async (method, arg) => {
          await new Promise((r) => setTimeout(r, 700));
          return invoke(method, arg);
        };
        return sim;
      },
    });
    try {
      const appID = (await converse(slow.url, [request('POST', '/v1/apps', '{}', { Connection: 'close' })])).json.appID;
      const answer = await converse(slow.url, [request('POST', `/v1/apps/${appID}/admin/call`, JSON.stringify({ method: 'destroyGroup', arg: { groupID: 'nowhere' } }))]);
      // a coded refusal, answered after the idle timeout has passed with the request in flight
      expect([answer.status, answer.json?.ok, typeof answer.json?.error?.code]).toEqual([200, false, 'number']);
    } finally {
      await slow.close();
    }
  });
});

describe('bodies and HTTP itself', () => {
  it('answers a body over maxBodyBytes with 413 and closes', async () => {
    const body = JSON.stringify({ seed: 1, pad: 'x'.repeat(2000) });
    const answer = await converse(server.url, [request('POST', '/v1/apps', body)]);
    expectProtocolError(answer, 413, 'body-too-large');
    expect(answer.closed).toBe(true);
    await expectStillServing();
  });

  it('answers bytes that are not HTTP with 400 bad-http', async () => {
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET /v1/capabilities HTTP/9.9\r\n\r\n', 'GET /v1/capabilities HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', '\x00\x01\x02\r\n\r\n']) {
      const answer = await converse(server.url, [garbage]);
      expectProtocolError(answer, 400, 'bad-http');
      expect(answer.closed).toBe(true);
    }
    await expectStillServing();
  });
});

describe('connections past maxConnections', () => {
  it('answers them with 503 too-many-connections and closes them, and serves again once others close', async () => {
    const capped = await startServer({ limits: { maxConnections: 2 } });
    const held = [await connect(capped.url), await connect(capped.url)];
    try {
      // the server counts a connection when it accepts it, which may follow the client's connect
      await new Promise((r) => setTimeout(r, 100));
      const answer = await converse(capped.url, [request('GET', '/v1/capabilities')]);
      expectProtocolError(answer, 503, 'too-many-connections');
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.closed).toBe(true);
      // the held connections themselves are served
      held[0]!.write(request('GET', '/v1/capabilities'));
      expect((await readAnswer(held[0]!, 2000)).status).toBe(200);
      for (const s of held) s.destroy();
      await new Promise((r) => setTimeout(r, 100));
      await expectStillServing(capped.url);
    } finally {
      for (const s of held) s.destroy();
      await capped.close();
    }
  });
});

describe('limits are configurable and checked', () => {
  it('refuses limits out of range before listening', async () => {
    await expect(startServer({ limits: { maxConnections: 0 } })).rejects.toThrow(/maxConnections must be a positive integer/);
    await expect(startServer({ limits: { headersTimeoutMs: 2000, requestTimeoutMs: 1000 } })).rejects.toThrow(/must not exceed requestTimeoutMs/);
  });

  it('reports the limits in force, defaults filled in', () => {
    expect(server.limits).toMatchObject({ ...LIMITS, maxConnections: 256, closeGraceMs: 2000 });
  });
});

describe('groupspec serve takes the limits as flags', () => {
  const ROOT = path.resolve(__dirname, '..', '..');

  it('serves with the limits given', async () => {
    const child = spawn(process.execPath, ['bin/groupspec.js', 'serve', '--port', '0', '--max-body-bytes', '64', '--headers-timeout', '300', '--request-timeout', '600'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m !== null) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${out}`)));
      });
      expectProtocolError(await converse(url, [request('POST', '/v1/apps', JSON.stringify({ pad: 'x'.repeat(100) }))]), 413, 'body-too-large');
      expectProtocolError(await converse(url, ['GET /v1/capabilities HTTP/1.1\r\n', ...trickle('X-Slow: 1\r\n', 50, 3000)]), 408, 'request-timeout');
      await expectStillServing(url);
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);

  it('refuses limits out of range as a usage error (exit 2)', () => {
    const r = spawnSync(process.execPath, ['bin/groupspec.js', 'serve', '--port', '0', '--headers-timeout', '50000', '--request-timeout', '1000'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--headers-timeout \(50000\) must not exceed --request-timeout \(1000\)/);
  }, 20_000);
});
