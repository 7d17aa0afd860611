/**
 * The wire client over the stream (docs/protocol.md §4.12): used when announced and wanted, with
 * exactly the results, refusals and errors of HTTP; not tried against a server without it; a
 * message too big for it goes over HTTP; and a stream that breaks, closes cleanly unanswered,
 * never answers or is refused fails (or re-sends) its calls as an HTTP exchange would.
 */
import * as http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Implementation } from '../../adapters/contract';
import { wireImplementation } from '../../adapters/wire/client';
import { startServer, type RunningServer } from '../../servers/wire/server';
import { fakeAnswer, fakeStreamServer } from './stream-raw';

/** What each server saw: HTTP requests and upgrades, by its port. */
const seen = new Map<string, string[]>();
const realEmit = http.Server.prototype.emit;
beforeAll(() => {
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' || event === 'upgrade') {
      const req = args[0] as http.IncomingMessage;
      const port = String((this.address() as { port: number }).port);
      seen.set(port, [...(seen.get(port) ?? []), `${event === 'upgrade' ? 'UPGRADE ' : ''}${req.method} ${req.url}`]);
    }
    return Reflect.apply(realEmit, this, [event, ...args]) as boolean;
  } as typeof realEmit;
});
afterAll(() => {
  http.Server.prototype.emit = realEmit;
});
const seenBy = (url: string) => seen.get(new URL(url).port) ?? [];

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('resolved');
    },
    (e: Error & { code?: unknown; data?: unknown; status?: unknown; reason?: unknown }) => ({ name: e.name, code: e.code, message: e.message, data: e.data, status: e.status, reason: e.reason }),
  );

/** A scenario with lone calls, batches, refusals, a protocol error, events and write-behind; everything it observed. */
async function scenario(impl: Implementation): Promise<unknown[]> {
  const app = await impl.createApp();
  const alice = await app.login('alice');
  const bob = await app.login('bob');
  const created = await alice.call('createGroup', { type: 'Public', name: 'G' });
  const groupID = (created.data as { group: { groupID: string } }).group.groupID;
  const together = await Promise.all([
    alice.call('getGroupList'),
    bob.call('joinGroup', { groupID, applyMessage: 'hi' }),
    rejection(alice.call('dismissGroup', 'no-such-group')),
    rejection(alice.call('frobnicateGroup', {})),
    alice.events(),
    bob.events(),
    app.admin.call('getGroupInfo', { groupID }),
  ]);
  const lone = await rejection(alice.call('dismissGroup', 'nope'));
  await bob.logout();
  const loggedOut = await rejection(bob.call('getGroupList'));
  await app.close();
  await impl.close?.();
  return [created, together, lone, loggedOut];
}

describe('the wire client', () => {
  let a: RunningServer;
  let b: RunningServer;
  let old: RunningServer;
  beforeAll(async () => {
    [a, b, old] = await Promise.all([startServer({ port: 0 }), startServer({ port: 0 }), startServer({ port: 0, stream: false })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), old?.close()]);
  });

  it('sends everything after the capabilities over the stream, with the results and errors of HTTP; {stream: false} and a server without it use HTTP', async () => {
    const overStream = await scenario(await wireImplementation(a.url));
    const overHttp = await scenario(await wireImplementation(b.url, { stream: false }));
    const withoutIt = await scenario(await wireImplementation(old.url));
    // the same observations, the ports (in error messages) aside
    const portless = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/127\.0\.0\.1:\d+/g, 'HOST')) as unknown;
    expect(portless(overStream)).toEqual(portless(overHttp));
    expect(portless(withoutIt)).toEqual(portless(overHttp));
    expect(JSON.stringify(overStream)).toMatch(/10010/);
    expect(JSON.stringify(overStream)).toMatch(/unknown-method/);
    expect(seenBy(a.url)).toEqual(['GET /v1/capabilities', 'UPGRADE GET /v1/stream']);
    expect(seenBy(b.url)).toContain('POST /v1/batch');
    expect(seenBy(b.url).some((s) => s.includes('stream'))).toBe(false);
    expect(seenBy(old.url)).toContain('POST /v1/batch');
    expect(seenBy(old.url).some((s) => s.includes('stream'))).toBe(false);
  });

  it('sends a request too big for a message over HTTP, where it gets 413 as before; the stream goes on', async () => {
    const small = await startServer({ port: 0, maxBodyBytes: 4096 });
    try {
      const impl = await wireImplementation(small.url);
      const app = await impl.createApp();
      const alice = await app.login('alice');
      const big = await rejection(alice.call('createGroup', { type: 'Public', name: 'x'.repeat(5000) }));
      expect(big).toMatchObject({ name: 'WireError', code: undefined, status: 413, reason: 'body-too-large' });
      expect((await alice.call('getGroupList')).code).toBe(0);
      await impl.close?.();
      expect(seenBy(small.url).filter((s) => !s.startsWith('GET /v1/capabilities'))).toEqual(['UPGRADE GET /v1/stream', expect.stringMatching(/^POST \/v1\/apps\/app-\d+\/sessions\/s-1\/call$/)]);
    } finally {
      await small.close();
    }
  });
});

describe('a stream that', () => {
  it('breaks with calls in flight fails each as a broken connection (never a refusal), naming it', async () => {
    const fake = await fakeStreamServer((ws, m) => (m.requests.some((r) => r.path.endsWith('/call')) ? ws.terminate() : ws.send(fakeAnswer(m))));
    try {
      const impl = await wireImplementation(fake.url);
      const alice = await (await impl.createApp()).login('alice');
      const [one, two] = await Promise.all([rejection(alice.call('getGroupList')), rejection(alice.call('createGroup', { type: 'Public', name: 'g' }))]);
      for (const e of [one, two]) {
        expect(e).toMatchObject({ name: 'WireError', code: undefined });
        expect(e.message).toMatch(/\/sessions\/s\/call \(sent in a batch of 2\) failed: .*the stream closed before the answer \(1006/);
      }
      // a lone call, on a new connection
      expect((await rejection(alice.call('getGroupList'))).message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/v1\/apps\/a\/sessions\/s\/call failed: the stream closed before the answer/);
    } finally {
      await fake.close();
    }
  });

  it('the server closes cleanly (1000) unanswered is opened again and the message sent again, once', async () => {
    // the calls' messages, as they arrive: the 1st, 3rd and 4th are not answered, the stream closed cleanly
    let calls = 0;
    const fake = await fakeStreamServer((ws, m) => (m.requests.some((r) => r.path.endsWith('/call')) && [1, 3, 4].includes(++calls) ? ws.close(1000, 'idle') : ws.send(fakeAnswer(m))));
    try {
      const impl = await wireImplementation(fake.url);
      const alice = await (await impl.createApp()).login('alice');
      // connection 1 made the app and the login and closes at the call, which connection 2 answers
      expect(await alice.call('getGroupList')).toEqual({ code: 0, data: { method: 'getGroupList' } });
      expect([calls, fake.connections()]).toEqual([2, 2]);
      // connection 2 and then 3 close at the next call: sent again once only, then it fails
      expect((await rejection(alice.call('getGroupList'))).message).toMatch(/failed: the stream closed before the answer \(1000 idle\)/);
      expect([calls, fake.connections()]).toEqual([4, 3]);
    } finally {
      await fake.close();
    }
  });

  it('never answers fails the call with TimeoutError at the deadline and drops the connection', async () => {
    let closed = false;
    const fake = await fakeStreamServer((ws, m) => {
      ws.on('close', () => (closed = true));
      if (!m.requests.some((r) => r.path.endsWith('/call'))) ws.send(fakeAnswer(m));
    });
    try {
      const impl = await wireImplementation(fake.url, { timeoutMs: 1500 });
      const alice = await (await impl.createApp()).login('alice');
      const e = await rejection(alice.call('getGroupList'));
      expect(e.name).toBe('TimeoutError');
      expect(e.message).toMatch(/\/call did not answer within 1500 ms/);
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('is refused (503 at the upgrade) fails the call with that answer', async () => {
    const capped = await startServer({ port: 0, limits: { maxConnections: 2 } });
    try {
      // each client's capabilities connection is closed once the stream is chosen: a client holds one connection, not two
      await (await wireImplementation(capped.url)).createApp();
      const impl = await wireImplementation(capped.url);
      // the server has seen both capabilities connections close: only the first client's stream is open
      for (let i = 0; i < 100 && capped.connections() > 1; i++) await new Promise((r) => setTimeout(r, 20));
      expect(capped.connections()).toBe(1);
      const held = new http.Agent({ keepAlive: true });
      const status = await new Promise<number | undefined>((done) => http.get(`${capped.url}/v1/capabilities`, { agent: held }, (res) => res.resume().on('end', () => done(res.statusCode))));
      expect(status).toBe(200);
      // the third connection is the second client's stream
      const e = await rejection(impl.createApp());
      held.destroy();
      expect(e).toMatchObject({ name: 'WireError', status: 503, reason: 'too-many-connections' });
      expect(e.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/v1\/apps failed: GET ws:\/\/.*\/v1\/stream answered 503 \(protocol, too-many-connections\)/);
    } finally {
      await capped.close();
    }
  });
});
