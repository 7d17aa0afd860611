/**
 * The wire protocol end to end: the reference server (servers/wire/server.ts) driven through the
 * wire client (adapters/wire/client.ts), checked against the in-process adapter, plus the ways a
 * request can be broken and what the server and the client make of each.
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_START, NOTICE, TYPES } from '../simulator';
import { NotApplicable, type Implementation, type Session } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';
import { wireImplementation } from '../adapters/wire/client';
import { BATCH_MAX_REQUESTS, DEFAULT_MAX_BODY_BYTES, startServer, type RunningServer } from '../servers/wire/server';

let server: RunningServer;
let wire: Implementation;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  wire = await wireImplementation(server.url, { timeoutMs: 5000 });
});

afterAll(async () => {
  await wire?.close?.();
  await server?.close();
});

/** A raw request, for what the client never sends: the server's side of the protocol. */
async function raw(path: string, init: { method?: string; body?: string; contentType?: string } = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    ...(init.body === undefined ? {} : { body: init.body, headers: { 'Content-Type': init.contentType ?? 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), body: JSON.parse(text) as any };
}

/** A server whose every admin command throws a plain TypeError: a failure that is not a coded refusal. */
function brokenAdminServer(): Promise<RunningServer> {
  return startServer({
    implementation: (options) => {
      const sim = createSimulator(options);
      sim.admin.invoke = () => {
        throw new TypeError('boom');
      };
      return sim;
    },
  });
}

function expectProtocolError(r: Awaited<ReturnType<typeof raw>>, status: number, reason: string) {
  expect(r.status).toBe(status);
  expect(r.contentType).toBe('application/json; charset=utf-8');
  expect(r.body).toMatchObject({ ok: false, error: { code: 'protocol', reason, message: expect.any(String) } });
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

type Message = { type: string; payload: { operationType?: number } };
const messagesIn = (events: Array<{ name: string; data: unknown }>) =>
  events.filter((e) => e.name === 'onMessageReceived').flatMap((e) => e.data as Message[]);

describe('capabilities and apps', () => {
  it('declares what the in-process simulator declares', () => {
    const local = simulatorImplementation();
    expect(wire.name).toBe(local.name);
    expect(wire.contractVersion).toBe(local.contractVersion);
    expect(wire.capabilities).toEqual(local.capabilities);
  });

  it('keeps apps apart: groups, and clocks', async () => {
    const [a, b] = [await wire.createApp(), await wire.createApp()];
    const alice = await a.login('alice');
    const created = await alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name: 'only in A' });
    const groupID = created.data.group.groupID as string;

    expect((await a.admin.call('getGroupInfo', { groupID })).data).toMatchObject({ groupID });
    await expect(b.admin.call('getGroupInfo', { groupID })).rejects.toMatchObject({ code: 10010 });

    await a.advanceClock!(60_000);
    expect(await a.now!()).toBe(DEFAULT_START + 60_000);
    expect(await b.now!()).toBe(DEFAULT_START);
    await a.close();
    await b.close();
  });

  it('passes limit overrides through, and refuses one it cannot honour as not applicable', async () => {
    const small = await wire.createApp({ limits: { memberCap: { Private: 2 } } });
    const alice = await small.login('alice');
    await small.login('bob');
    await small.login('carol');
    await expect(alice.call('createGroup', { type: TYPES.GRP_WORK, name: 'W', memberList: [{ userID: 'bob' }, { userID: 'carol' }] })).rejects.toMatchObject({ code: 10014 });
    await small.close();

    const e = await rejection(wire.createApp({ limits: { memberCapp: 3 } }));
    expect(e).toBeInstanceOf(NotApplicable);
    expect(e.message).toContain('memberCapp');
    // a __proto__ key is refused like any unknown one, not dropped in silence (docs/reliability.md)
    const proto = await rejection(wire.createApp({ limits: { memberCap: JSON.parse('{"__proto__": 3}') as Record<string, number> } }));
    expect(proto.message).toContain('memberCap.__proto__');
  });
});

describe('a join request, approved, over the wire', () => {
  it('delivers the approval notice and shows two members to the admin', async () => {
    const app = await wire.createApp();
    const alice = await app.login('alice', { device: 'phone' });
    const bob = await app.login('bob');
    expect([alice.userID, alice.device, bob.device]).toEqual(['alice', 'phone', 'web']);

    const { data } = await alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name: 'Readers' });
    const groupID = data.group.groupID as string;
    const joined = await bob.call('joinGroup', { groupID, applyMessage: 'hi' });
    expect(joined).toMatchObject({ code: 0, data: { status: TYPES.JOIN_STATUS_WAIT_APPROVAL } });

    const { data: pending } = await alice.call('getGroupApplicationList');
    expect(pending.applicationList).toHaveLength(1);
    expect(pending.applicationList[0]).toMatchObject({ groupID, applicant: 'bob' });
    expect(messagesIn(await alice.events()).some((m) => m.type === TYPES.MSG_GRP_SYS_NOTICE && m.payload.operationType === NOTICE.JOIN_REQUEST)).toBe(true);

    await alice.call('handleGroupApplication', { handleAction: 'Agree', application: pending.applicationList[0] });
    const notices = messagesIn(await bob.events()).filter((m) => m.type === TYPES.MSG_GRP_SYS_NOTICE);
    expect(notices.map((m) => m.payload.operationType)).toContain(NOTICE.APPLICATION_APPROVED);

    const info = await app.admin.call('getGroupInfo', { groupID });
    expect(info.data).toMatchObject({ groupID, memberNum: 2 });

    await bob.logout();
    await expect(bob.call('getGroupList')).rejects.toMatchObject({ code: 2024 });
    await app.close();
  });

  it('fetches a long event backlog over several pages', async () => {
    const paged = await startServer({ port: 0, eventsPageMax: 2 });
    try {
      const impl = await wireImplementation(paged.url);
      const app = await impl.createApp();
      const alice = await app.login('alice');
      for (let i = 0; i < 3; i++) await alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name: `G${i}` });
      const first = await alice.events();
      expect(first.length).toBeGreaterThan(4);
      await alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name: 'G3' });
      const second = await alice.events();
      expect(second.slice(0, first.length)).toEqual(first);
      expect(second.length).toBeGreaterThan(first.length);
      await impl.close?.();
    } finally {
      await paged.close();
    }
  });
});

describe('refusals', () => {
  it('arrive with the code, message and data of the in-process call', async () => {
    const outcome = async (impl: Implementation) => {
      const app = await impl.createApp();
      const alice = await app.login('alice');
      await app.login('bob');
      const { data } = await alice.call('createGroup', { type: TYPES.GRP_WORK, name: 'W', memberList: [{ userID: 'bob' }] });
      const e = await rejection(alice.call('dismissGroup', data.group.groupID));
      await app.close();
      return e;
    };
    const [local, remote] = [await outcome(simulatorImplementation()), await outcome(wire)];
    expect(remote).toBeInstanceOf(Error);
    expect(remote.code).toBe(10007);
    expect({ name: remote.name, code: remote.code, message: remote.message, data: remote.data }).toEqual({ name: local.name, code: local.code, message: local.message, data: local.data });
    expect(Object.keys(remote).sort()).toEqual(Object.keys(local).sort());
  });

  it('refuses a login the simulator refuses, with its code', async () => {
    const app = await wire.createApp();
    await expect(app.login('')).rejects.toMatchObject({ code: 10004 });
    await app.close();
  });

  it('will not send an argument JSON would change, and says it is not applicable', async () => {
    const app = await wire.createApp();
    const alice = await app.login('alice');
    const e = await rejection(alice.call('setGroupMemberMuteTime', { groupID: 'x', userID: 'bob', muteTime: Number.NaN }));
    expect(e).toBeInstanceOf(NotApplicable);
    expect(e.message).toContain('arg.muteTime is NaN');
    await app.close();
  });
});

describe('protocol errors', () => {
  let app: Awaited<ReturnType<Implementation['createApp']>>;
  let alice: Session;
  beforeAll(async () => {
    app = await wire.createApp();
    alice = await app.login('alice');
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a malformed JSON body with 400 and the envelope', async () => {
    expectProtocolError(await raw('/v1/apps', { body: '{"seed": 1,' }), 400, 'malformed-json');
  });

  it('answers a body that is not JSON-typed with 415, and a wrong shape with 400', async () => {
    expectProtocolError(await raw('/v1/apps', { body: '{}', contentType: 'text/plain' }), 415, 'unsupported-media-type');
    expectProtocolError(await raw('/v1/apps', { body: '[1]' }), 400, 'invalid-request');
    expectProtocolError(await raw('/v1/apps', { body: '{"sede": 1}' }), 400, 'invalid-request');
  });

  it('answers an unknown method as a protocol error, which the client reports without a numeric code', async () => {
    const appID = (await raw('/v1/apps', { body: '{}' })).body.appID as string;
    const sessionID = (await raw(`/v1/apps/${appID}/sessions`, { body: '{"userID":"zoe"}' })).body.sessionID as string;
    expectProtocolError(await raw(`/v1/apps/${appID}/sessions/${sessionID}/call`, { body: '{"method":"frobnicateGroup","arg":{}}' }), 400, 'unknown-method');
    expectProtocolError(await raw(`/v1/apps/${appID}/admin/call`, { body: '{"method":"toString"}' }), 400, 'unknown-method');
    await raw(`/v1/apps/${appID}`, { method: 'DELETE' });

    const e = await rejection(alice.call('frobnicateGroup', {}));
    expect(e).toBeInstanceOf(Error);
    expect(typeof e.code).not.toBe('number');
    expect(e.message).toMatch(/400.*unknown-method.*frobnicateGroup/);

    const admin = await rejection(app.admin.call('dropDatabase', {}));
    expect(typeof admin.code).not.toBe('number');
    expect(admin.message).toContain('dropDatabase');
  });

  it('carries the suite\'s largest request, so the implementation can refuse it itself', async () => {
    // the bad-input scenario that sends 350 000 × 群 (1 050 000 bytes) in a notification
    const { data } = await alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name: 'P' });
    const e = await rejection(alice.call('updateGroupProfile', { groupID: data.group.groupID, notification: '群'.repeat(350_000) }));
    expect(e.code).toBe(10004);
    expect(e.message).toContain('notification');
  });

  it('answers a body over the limit with 413', async () => {
    const huge = JSON.stringify({ method: 'createGroup', arg: { type: 'Public', name: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) } });
    expectProtocolError(await raw('/v1/apps/app-1/admin/call', { body: huge }), 413, 'body-too-large');
  });

  it('answers unknown apps, sessions, endpoints and verbs with 404 and 405', async () => {
    expectProtocolError(await raw('/v1/apps/app-999999/admin/call', { body: '{"method":"getGroupInfo","arg":{"groupID":"x"}}' }), 404, 'unknown-app');
    expectProtocolError(await raw('/v1/apps/app-999999/clock'), 404, 'unknown-app');
    expectProtocolError(await raw('/v1/capabilities/extra'), 404, 'unknown-endpoint');
    expectProtocolError(await raw('/v2/capabilities'), 404, 'unknown-endpoint');
    expectProtocolError(await raw('/v1/apps', { method: 'GET' }), 405, 'method-not-allowed');
    const closed = await wire.createApp();
    await closed.close();
    const e = await rejection(closed.login('alice'));
    expect(typeof e.code).not.toBe('number');
    expect(e.message).toContain('unknown-app');
  });

  it('answers a bad events cursor with 400', async () => {
    const appID = (await raw('/v1/apps', { body: '{}' })).body.appID as string;
    const sessionID = (await raw(`/v1/apps/${appID}/sessions`, { body: '{"userID":"zoe"}' })).body.sessionID as string;
    expectProtocolError(await raw(`/v1/apps/${appID}/sessions/nobody/events`), 404, 'unknown-session');
    expectProtocolError(await raw(`/v1/apps/${appID}/sessions/${sessionID}/events?after=-1`), 400, 'invalid-request');
    expectProtocolError(await raw(`/v1/apps/${appID}/sessions/${sessionID}/events?after=5`), 400, 'invalid-request');
    expect((await raw(`/v1/apps/${appID}/sessions/${sessionID}/events?after=0`)).body).toEqual({ ok: true, events: [], next: 0, more: false });
    expect((await raw(`/v1/apps/${appID}`, { method: 'DELETE' })).body).toEqual({ ok: true });
  });

  it('survives all of the above', async () => {
    const r = await alice.call('createGroup', { type: TYPES.GRP_MEETING, name: 'still here' });
    expect(r.code).toBe(0);
  });

  it('answers a non-coded failure inside the implementation with 500 and the envelope', async () => {
    const broken = await brokenAdminServer();
    try {
      const impl = await wireImplementation(broken.url);
      const brokenApp = await impl.createApp();
      const e = await rejection(brokenApp.admin.call('getGroupInfo', { groupID: 'x' }));
      expect(typeof e.code).not.toBe('number');
      expect(e.status).toBe(500);
      expect(e.message).toContain('TypeError: boom');
      // the app is still usable: only that call failed
      expect((await (await brokenApp.login('alice')).call('getGroupList')).code).toBe(0);
      await impl.close?.();
    } finally {
      await broken.close();
    }
  });
});

/** Forwards every request to `target` and records its verb and path: what the client sends, as the server sees it. */
async function recordingProxy(target: string) {
  const seen: string[] = [];
  const proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const forward = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    seen,
    close: () => {
      proxy.closeAllConnections();
      return new Promise((r) => proxy.close(r));
    },
  };
}

describe('batches', () => {
  /** A raw batch against the shared server. */
  const batch = (requests: unknown[]) => raw('/v1/batch', { body: JSON.stringify({ requests }) });
  async function freshApp() {
    const appID = (await raw('/v1/apps', { body: '{}' })).body.appID as string;
    const sessionID = (await raw(`/v1/apps/${appID}/sessions`, { body: '{"userID":"alice"}' })).body.sessionID as string;
    return { appID, app: `/v1/apps/${appID}`, session: `/v1/apps/${appID}/sessions/${sessionID}` };
  }

  it('are announced in the capabilities, and not by a server that serves none', async () => {
    expect((await raw("/v1/capabilities")).body.batch).toEqual({ maxRequests: BATCH_MAX_REQUESTS, references: true, postEvents: true });
    const old = await startServer({ batchMaxRequests: 0 });
    try {
      const r = await fetch(`${old.url}/v1/capabilities`);
      expect(((await r.json()) as Record<string, unknown>).batch).toBeUndefined();
      const b = await fetch(`${old.url}/v1/batch`, { method: 'POST', body: '{"requests":[]}', headers: { 'Content-Type': 'application/json' } });
      expect(b.status).toBe(404);
    } finally {
      await old.close();
    }
  });

  it('run in order, each answered exactly as it would be alone, and a failed one does not stop the rest', async () => {
    const { appID, app, session } = await freshApp();
    const requests = [
      { method: 'POST', path: `${session}/call`, body: { method: 'createGroup', arg: { type: 'Public', name: 'P', groupID: 'batched' } } },
      { method: 'POST', path: `${app}/admin/call`, body: { method: 'getGroupInfo', arg: { groupID: 'batched' } } },
      { method: 'POST', path: `${session}/call`, body: { method: 'dismissGroup', arg: 'no-such-group' } },
      { method: 'POST', path: `${session}/call`, body: { method: 'frobnicateGroup' } },
      { method: 'POST', path: `${app}/sessions/nobody/call`, body: { method: 'getGroupList' } },
      { method: 'GET', path: '/v1/nowhere' },
      { method: 'GET', path: `${app}/admin/call` },
      { method: 'POST', path: `${session}/call`, body: [1] },
      { method: 'GET', path: `${session}/events?after=0` },
      { method: 'POST', path: `${app}/clock/advance`, body: { ms: 1000 } },
      { method: 'GET', path: `${app}/clock` },
    ];
    const r = await batch(requests);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    const answers = r.body.responses as Array<{ status: number; body: any }>;
    expect(answers).toHaveLength(requests.length);
    // each entry is what the same request alone gets from a fresh app in the same state
    const alone = await freshApp();
    const same = (p: string) => p.replace(app, alone.app);
    for (const [i, q] of requests.entries()) {
      const single = await raw(same(q.path), { method: q.method, ...(q.body === undefined ? {} : { body: JSON.stringify(q.body) }) });
      expect(answers[i], `request ${i}`).toEqual({ status: single.status, body: JSON.parse(JSON.stringify(single.body).replace(new RegExp(`\\b${alone.appID}\\b`, 'g'), appID)) });
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 400, 404, 404, 405, 400, 200, 200, 200]);
    expect(answers[1]!.body.result.data).toMatchObject({ groupID: 'batched', memberNum: 1 });
    expect(answers[2]!.body).toMatchObject({ ok: false, error: { code: 10010 } });
    expect(answers.slice(3, 8).map((a) => a.body.error.reason)).toEqual(['unknown-method', 'unknown-session', 'unknown-endpoint', 'method-not-allowed', 'invalid-request']);
    expect(answers[8]!.body.events.length).toBeGreaterThan(0);
    expect(answers[10]!.body.now).toBe(DEFAULT_START + 1000);
  });

  it('refuse a bad envelope, a nested batch and too many requests whole, running none of them', async () => {
    const { app, session } = await freshApp();
    const create = { method: 'POST', path: `${session}/call`, body: { method: 'createGroup', arg: { type: 'Public', name: 'P', groupID: 'never' } } };
    expectProtocolError(await raw('/v1/batch', { body: '{"requests": {}}' }), 400, 'invalid-request');
    expectProtocolError(await raw('/v1/batch', { body: '{"requests": [], "atomic": true}' }), 400, 'invalid-request');
    expectProtocolError(await batch([create, { method: 'PATCH', path: `${app}/clock` }]), 400, 'invalid-request');
    expectProtocolError(await batch([create, { method: 'GET', path: 'v1/capabilities' }]), 400, 'invalid-request');
    const nested = await batch([create, { method: 'POST', path: '/v1/batch', body: { requests: [] } }]);
    expectProtocolError(nested, 400, 'invalid-request');
    expect(nested.body.error.message).toContain('a batch cannot contain a batch');
    const tooMany = await batch([create, ...Array.from({ length: BATCH_MAX_REQUESTS }, () => ({ method: 'GET', path: '/v1/capabilities' }))]);
    expectProtocolError(tooMany, 413, 'batch-too-large');
    expect(tooMany.body.error.message).toContain(String(BATCH_MAX_REQUESTS));
    expect((await raw(`${app}/admin/call`, { body: '{"method":"getGroupInfo","arg":{"groupID":"never"}}' })).body).toMatchObject({ ok: false, error: { code: 10010 } });
    expect((await batch([])).body).toEqual({ ok: true, responses: [] });
  });

  it('answer a failure inside the implementation in its entry, and run the rest', async () => {
    const broken = await brokenAdminServer();
    try {
      const post = (p: string, body: unknown) => fetch(`${broken.url}${p}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then((r) => r.json() as Promise<any>);
      const { appID } = await post('/v1/apps', {});
      const { sessionID } = await post(`/v1/apps/${appID}/sessions`, { userID: 'alice' });
      const r = await post('/v1/batch', {
        requests: [
          { method: 'POST', path: `/v1/apps/${appID}/admin/call`, body: { method: 'getGroupInfo', arg: { groupID: 'x' } } },
          { method: 'POST', path: `/v1/apps/${appID}/sessions/${sessionID}/call`, body: { method: 'getGroupList' } },
        ],
      });
      expect(r.responses[0]).toEqual({ status: 500, body: { ok: false, error: { code: 'internal', reason: 'internal', message: expect.stringContaining('TypeError: boom') } } });
      expect(r.responses[1]).toMatchObject({ status: 200, body: { ok: true, result: { code: 0 } } });
    } finally {
      await broken.close();
    }
  });

  it('carry what the client issues in one turn of the event loop, with the answers and errors of single calls', async () => {
    const proxy = await recordingProxy(server.url);
    try {
      // the proxy forwards HTTP exchanges only: these batches go over HTTP (the stream: test/wire/stream.test.ts)
      const impl = await wireImplementation(proxy.url, { stream: false });
      const app = await impl.createApp();
      const alice = await app.login('alice');
      const bob = await app.login('bob');
      const groupID = (await alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name: 'P' })).data.group.groupID as string;
      await bob.call('joinGroup', { groupID, applyMessage: 'hi' });
      proxy.seen.length = 0;
      const reads = () => [
        alice.call('getGroupList'),
        alice.call('getGroupApplicationList'),
        app.admin.call('getGroupInfo', { groupID }),
        rejection(alice.call('dismissGroup', 'no-such-group')),
        rejection(alice.call('frobnicateGroup', {})),
        alice.events(),
        bob.events(),
      ];
      const together = await Promise.all(reads());
      expect(proxy.seen).toEqual(['POST /v1/batch']);
      // one by one, the same answers
      const oneByOne: unknown[] = [];
      for (const read of reads()) oneByOne.push(await read);
      expect(together).toEqual(oneByOne);
      expect((together[3] as { code: number }).code).toBe(10010);
      const unknown = together[4] as { code?: unknown; message: string };
      expect(typeof unknown.code).not.toBe('number');
      expect(unknown.message).toMatch(/400.*unknown-method.*frobnicateGroup/);
      // a call whose body is too big to share a batch (over a million characters) travels alone
      proxy.seen.length = 0;
      const [, big] = await Promise.all([alice.call('getGroupList'), rejection(alice.call('updateGroupProfile', { groupID, notification: 'x'.repeat(1_100_000) }))]);
      expect(big.code).toBe(10004);
      expect(proxy.seen).toEqual([expect.stringMatching(/\/sessions\/s-1\/call$/), expect.stringMatching(/\/sessions\/s-1\/call$/)]);
      await impl.close?.();
    } finally {
      await proxy.close();
    }
  });

  it('split at the size the server announces, in order', async () => {
    const small = await startServer({ batchMaxRequests: 3 });
    const proxy = await recordingProxy(small.url);
    try {
      // the proxy forwards HTTP exchanges only: these batches go over HTTP (the stream: test/wire/stream.test.ts)
      const impl = await wireImplementation(proxy.url, { stream: false });
      const app = await impl.createApp();
      const alice = await app.login('alice');
      proxy.seen.length = 0;
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      await Promise.all(names.map((name) => alice.call('createGroup', { type: TYPES.GRP_PUBLIC, name })));
      expect(proxy.seen).toEqual(['POST /v1/batch', 'POST /v1/batch', expect.stringMatching(/\/call$/)]);
      const list = (await alice.call('getGroupList')).data.groupList as Array<{ name: string }>;
      expect(list.map((g) => g.name).sort()).toEqual(names);
      // created in the order issued: each group-list update adds the next name
      const order: string[] = [];
      for (const e of await alice.events()) {
        if (e.name !== 'onGroupListUpdated') continue;
        for (const g of e.data as Array<{ name: string }>) if (!order.includes(g.name)) order.push(g.name);
      }
      expect(order).toEqual(names);
      await impl.close?.();
    } finally {
      await proxy.close();
      await small.close();
    }
  });

  it('are not sent to a server that announces none, nor when the client is told not to', async () => {
    const old = await startServer({ batchMaxRequests: 0 });
    for (const [target, options] of [[old, {}], [server, { batch: false }]] as const) {
      const proxy = await recordingProxy(target.url);
      try {
        const impl = await wireImplementation(proxy.url, options);
        const app = await impl.createApp();
        const alice = await app.login('alice');
        proxy.seen.length = 0;
        const [list, pending] = await Promise.all([alice.call('getGroupList'), alice.call('getGroupApplicationList')]);
        expect([list.code, pending.code]).toEqual([0, 0]);
        expect(proxy.seen).toHaveLength(2);
        expect(proxy.seen.every((s) => s.endsWith('/call'))).toBe(true);
        await impl.close?.();
      } finally {
        await proxy.close();
      }
    }
    await old.close();
  });
});

describe('unreachable and silent servers', () => {
  it('rejects with TimeoutError within the deadline when the server never answers', async () => {
    // answers the capabilities, then swallows every other request, so both the connect and the call path time out
    const silent = http.createServer((req, res) => {
      if (req.url === '/v1/capabilities') {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ ok: true, name: 'silent', contractVersion: 1, capabilities: { groupTypes: ['Work'], operations: [], adminOperations: [], clock: false, events: false, limitOverrides: false } }));
      }
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const impl = await wireImplementation(url, { timeoutMs: 150 });
      expect(impl.name).toBe('silent');
      const started = Date.now();
      const e = await rejection(impl.createApp());
      const elapsed = Date.now() - started;
      expect(e.name).toBe('TimeoutError');
      expect(e.message).toContain(`${url}/v1/apps`);
      expect(typeof e.code).not.toBe('number');
      expect(elapsed).toBeGreaterThanOrEqual(140);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it('fails every call of a batch that is never answered with its own TimeoutError, within the deadline', async () => {
    // a server that announces batches, makes apps and sessions (alone or in a batch: the client
    // makes the next app ahead, with the login), and swallows every batch that carries a call
    const made = (url: string | undefined): unknown =>
      url === '/v1/apps' ? { ok: true, appID: 'a' } : url === '/v1/apps/a/sessions' ? { ok: true, sessionID: 's', userID: 'alice', device: 'web' } : undefined;
    const silent = http.createServer((req, res) => {
      const answer = (body: unknown) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      };
      let text = '';
      req.on('data', (d: Buffer) => (text += d.toString()));
      req.on('end', () => {
        if (req.url === '/v1/capabilities') answer({ ok: true, name: 'silent', contractVersion: 1, batch: { maxRequests: 8 }, capabilities: { groupTypes: ['Work'], operations: ['getGroupList'], adminOperations: [], clock: false, events: false, limitOverrides: false } });
        else if (req.url === '/v1/batch') {
          const { requests } = JSON.parse(text) as { requests: Array<{ path: string }> };
          if (requests.every((r) => made(r.path) !== undefined)) answer({ ok: true, responses: requests.map((r) => ({ status: 200, body: made(r.path) })) });
        } else if (made(req.url) !== undefined) answer(made(req.url));
      });
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const impl = await wireImplementation(url, { timeoutMs: 150 });
      const app = await impl.createApp();
      const alice = await app.login('alice');
      const started = Date.now();
      const [a, b] = await Promise.all([rejection(alice.call('getGroupList')), rejection(app.admin.call('getGroupInfo', { groupID: 'x' }))]);
      const elapsed = Date.now() - started;
      for (const e of [a, b]) {
        expect(e.name).toBe('TimeoutError');
        expect(typeof e.code).not.toBe('number');
        expect(e.message).toContain('batch of 2');
      }
      expect(a.message).toContain(`${url}/v1/apps/a/sessions/s/call`);
      expect(b.message).toContain(`${url}/v1/apps/a/admin/call`);
      expect(elapsed).toBeGreaterThanOrEqual(140);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it('rejects naming the URL when nothing listens there', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((r) => probe.close(r));
    const e = await rejection(wireImplementation(url));
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toContain(url);
    expect(e.message).toContain('ECONNREFUSED');
    expect(typeof e.code).not.toBe('number');
  });
});

describe('the serve entry', () => {
  it('prints where it listens, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['-r', './runner/register-ts.js', 'servers/wire/main.ts', '--port', '0'], {
      cwd: path.resolve(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /^groupspec serve: listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m !== null) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`wire-main exited with ${code} before listening: ${out}`)));
      });
      const res = await fetch(`${line}/v1/capabilities`);
      expect(((await res.json()) as { contractVersion: number }).contractVersion).toBe(1);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 20_000);
});

describe('differential: the same script in process and over the wire', () => {
  type Vars = Record<string, any>;
  interface Step {
    who: string;
    method: string;
    arg?: (v: Vars) => unknown;
    /** Remember the result's data under this name for later arguments. */
    save?: string;
  }
  const ADMIN = '@admin';
  const g = (name: string) => (v: Vars) => v[name].group.groupID as string;
  const script: Step[] = [
    { who: 'alice', method: 'createGroup', arg: () => ({ type: TYPES.GRP_WORK, name: 'W', memberList: [{ userID: 'bob' }] }), save: 'W' },
    { who: 'alice', method: 'createGroup', arg: () => ({ type: TYPES.GRP_PUBLIC, name: 'P' }), save: 'P' },
    { who: 'alice', method: 'createGroup', arg: () => ({ type: TYPES.GRP_MEETING, name: 'M' }), save: 'M' },
    { who: 'alice', method: 'createGroup', arg: () => ({ type: TYPES.GRP_AVCHATROOM, name: 'AV' }), save: 'AV' },
    { who: 'alice', method: 'createGroup', arg: () => ({ type: TYPES.GRP_COMMUNITY, name: 'C' }), save: 'C' },
    { who: 'bob', method: 'joinGroup', arg: (v) => ({ groupID: g('P')(v), applyMessage: 'let me in' }) },
    { who: 'alice', method: 'getGroupApplicationList', save: 'apps' },
    { who: 'alice', method: 'handleGroupApplication', arg: (v) => ({ handleAction: 'Agree', application: v.apps.applicationList[0] }) },
    { who: 'carol', method: 'joinGroup', arg: (v) => ({ groupID: g('M')(v) }) },
    { who: 'bob', method: 'joinGroup', arg: (v) => ({ groupID: g('AV')(v) }) },
    { who: 'carol', method: 'joinGroup', arg: (v) => ({ groupID: g('C')(v) }) },
    { who: 'alice', method: 'setGroupMemberRole', arg: (v) => ({ groupID: g('P')(v), userID: 'bob', role: TYPES.GRP_MBR_ROLE_ADMIN }) },
    { who: 'bob', method: 'dismissGroup', arg: g('W') },
    { who: 'bob', method: 'quitGroup', arg: g('W') },
    { who: 'alice', method: 'quitGroup', arg: g('P') },
    { who: 'alice', method: 'changeGroupOwner', arg: (v) => ({ groupID: g('M')(v), newOwnerID: 'carol' }) },
    { who: 'carol', method: 'setGroupMemberRole', arg: (v) => ({ groupID: g('M')(v), userID: 'alice', role: TYPES.GRP_MBR_ROLE_ADMIN }) },
    { who: 'bob', method: 'quitGroup', arg: g('P') },
    { who: ADMIN, method: 'getGroupInfo', arg: (v) => ({ groupID: g('P')(v) }) },
    { who: ADMIN, method: 'getGroupMemberInfo', arg: (v) => ({ groupID: g('M')(v) }) },
  ];

  async function play(impl: Implementation) {
    const app = await impl.createApp({ seed: 7 });
    const sessions: Record<string, Session> = {
      'alice/web': await app.login('alice'),
      'alice/phone': await app.login('alice', { device: 'phone' }),
      'bob/web': await app.login('bob'),
      'carol/web': await app.login('carol'),
    };
    const vars: Vars = {};
    const outcomes: unknown[] = [];
    for (const step of script) {
      const arg = step.arg?.(vars);
      try {
        const r = step.who === ADMIN ? await app.admin.call(step.method, arg) : await sessions[`${step.who}/web`]!.call(step.method, arg);
        if (step.save !== undefined) vars[step.save] = r.data;
        outcomes.push({ ok: true, code: r.code, data: r.data });
      } catch (e) {
        const err = e as { code?: unknown; message: string; data?: unknown };
        // only coded refusals are outcomes; anything else is a broken run and must fail the test
        if (typeof err.code !== 'number') throw e;
        outcomes.push({ ok: false, code: err.code, message: err.message, data: err.data });
      }
    }
    const events: Record<string, unknown[]> = {};
    for (const [key, s] of Object.entries(sessions)) events[key] = await s.events();
    await app.close();
    return { outcomes, events };
  }

  /** What JSON can carry of a value: the wire's fidelity, by definition. */
  const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

  it('gives identical outcomes and identical events per session', async () => {
    const local = await play(simulatorImplementation());
    const remote = await play(wire);

    // the script must exercise both sides of the contract, or it proves little
    const refused = local.outcomes.filter((o) => !(o as { ok: boolean }).ok).map((o) => (o as { code: number }).code);
    expect(refused).toEqual([10007, 10009]);

    expect(remote.outcomes).toStrictEqual(json(local.outcomes));
    for (const key of Object.keys(local.events)) {
      const names = (evs: unknown[]) => evs.map((e) => (e as { name: string }).name);
      expect(names(remote.events[key]!), key).toEqual(names(local.events[key]!));
      expect(remote.events[key], key).toStrictEqual(json(local.events[key]));
    }
    expect(local.events['bob/web']!.length).toBeGreaterThan(3);
  });
});
