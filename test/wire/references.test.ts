/**
 * Batch references (docs/protocol.md §4.11, "References"), over real HTTP against the reference
 * server: a request names a value of an earlier answer in the same batch; a malformed reference
 * refuses the batch whole, an unresolvable one is that request's answer (424), and it is not run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers/wire/server';
import { MAX_REFERENCES } from '../../servers/wire/references';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return { status: res.status, body: await res.json() };
}

const ref = (request: number, pointer: string) => ({ $ref: { request, pointer } });

/** A fresh app with alice logged in; her session's call path. */
async function alice(): Promise<{ app: string; call: string }> {
  const { body: a } = await post('/v1/apps', {});
  const app = `/v1/apps/${a.appID}`;
  const { body: s } = await post(`${app}/sessions`, { userID: 'alice' });
  return { app, call: `${app}/sessions/${s.sessionID}/call` };
}

describe('batch references', () => {
  it('are announced in the capabilities', async () => {
    const res = await fetch(`${server.url}/v1/capabilities`);
    expect(((await res.json()) as any).batch.references).toBe(true);
  });

  it('carry a created group ID into later requests of the same batch, at any depth', async () => {
    const { app, call } = await alice();
    const r = await post('/v1/batch', {
      references: true,
      requests: [
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'g' } } },
        { method: 'POST', path: `${app}/admin/call`, body: { method: 'importAccount', arg: { userID: 'bob' } } },
        { method: 'POST', path: `${app}/admin/call`, body: { method: 'addGroupMember', arg: { groupID: ref(0, '/result/data/group/groupID'), userIDList: ['bob'] } } },
        { method: 'POST', path: `${app}/admin/call`, body: { method: 'getGroupMemberInfo', arg: { groupID: ref(0, '/result/data/group/groupID') } } },
      ],
    });
    expect(r.status).toBe(200);
    const [created, , added, members] = r.body.responses;
    const groupID = created.body.result.data.group.groupID;
    expect(typeof groupID).toBe('string');
    expect(added.body.ok).toBe(true);
    expect(members.body.result.data.memberList.map((m: { userID: string }) => m.userID).sort()).toEqual(['alice', 'bob']);
    // the group really has bob, read back alone
    const alone = await post(`${app}/admin/call`, { method: 'getGroupInfo', arg: { groupID } });
    expect(alone.body.result.data.memberNum).toBe(2);
  });

  it('take an array item or a whole body, and decode ~1 and ~0 in pointers', async () => {
    const { app, call } = await alice();
    const r = await post('/v1/batch', {
      references: true,
      requests: [
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'AVChatRoom', name: 'g' } } },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'p' } } },
        { method: 'POST', path: call, body: { method: 'getGroupList' } },
        { method: 'POST', path: call, body: { method: 'getGroupProfile', arg: { groupID: ref(2, '/result/data/groupList/0/groupID') } } },
        { method: 'POST', path: call, body: { method: 'initGroupAttributes', arg: { groupID: ref(0, '/result/data/group/groupID'), groupAttributes: { 'a/b~c': 'v' } } } },
        { method: 'POST', path: call, body: { method: 'getGroupAttributes', arg: { groupID: ref(0, '/result/data/group/groupID'), keyList: [] } } },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: ref(5, '/result/data/groupAttributes/a~1b~0c') } } },
        { method: 'POST', path: `${app}/admin/call`, body: ref(3, '') },
      ],
    });
    expect(r.status).toBe(200);
    const [, , , profile, init, , named, whole] = r.body.responses;
    expect(profile.body.result.data.group.name).toBe('p');
    expect(init.body.ok).toBe(true);
    expect(named.body.result.data.group.name).toBe('v');
    // the whole answer {ok, result} is not a call body: that request's own invalid-request
    expect(whole.status).toBe(400);
    expect(whole.body.error.message).toMatch(/invalid request body/);
  });

  it('leave a "$literal" value as written, and a batch without references: true takes "$ref" keys as sent', async () => {
    const { call } = await alice();
    const literal = await post('/v1/batch', {
      references: true,
      requests: [{ method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'g', introduction: { $literal: { $ref: 'x' } } } } }],
    });
    // the SDK refuses an introduction that is not a string: the literal object reached it unresolved
    expect(literal.body.responses[0].body.ok).toBe(false);
    expect(literal.body.responses[0].body.error.message).toMatch(/introduction/);
    const plain = await post('/v1/batch', { requests: [{ method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: ref(0, '/x') } } }] });
    expect(plain.status).toBe(200);
    expect(plain.body.responses[0].body.ok).toBe(false);
    expect(plain.body.responses[0].body.error.code).not.toBe('protocol');
  });

  it('refuse the batch whole, before anything runs, when a reference is malformed', async () => {
    const { app, call } = await alice();
    const create = { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'g' } } };
    const cases: Array<[unknown, RegExp]> = [
      [ref(1, '/result'), /requests\.1\.body\.arg\.groupID: "\$ref"\.request 1 is not an earlier request/],
      [ref(5, '/result'), /not an earlier request/],
      [ref(-1, '/result'), /index of an earlier request/],
      [ref(0.5, '/result'), /index of an earlier request/],
      [ref(0, 'result'), /JSON pointer/],
      [ref(0, '/a~2b'), /RFC 6901/],
      [{ $ref: { request: 0, pointer: '/x', extra: 1 } }, /unknown field "extra"/],
      [{ $ref: 'request 0' }, /must be an object/],
    ];
    for (const [groupID, message] of cases) {
      const r = await post('/v1/batch', { references: true, requests: [create, { method: 'POST', path: `${app}/admin/call`, body: { method: 'getGroupInfo', arg: { groupID } } }] });
      expect(r.status, JSON.stringify(groupID)).toBe(400);
      expect(r.body.error.reason).toBe('invalid-request');
      expect(r.body.error.message).toMatch(message);
    }
    // nothing ran: alice created no group
    const list = await post(call, { method: 'getGroupList' });
    expect(list.body.result.data.groupList).toEqual([]);
  });

  it('refuse a batch with more references than the protocol allows (413 batch-too-large)', async () => {
    const { app } = await alice();
    const many = Array.from({ length: MAX_REFERENCES + 1 }, () => ref(0, '/ok'));
    const r = await post('/v1/batch', { references: true, requests: [{ method: 'GET', path: `${app}/clock` }, { method: 'POST', path: `${app}/admin/call`, body: { method: 'getGroupInfo', arg: { groupIDList: many } } }] });
    expect(r.status).toBe(413);
    expect(r.body.error.reason).toBe('batch-too-large');
  });

  it('answer 424 unresolved-reference, without running the request, when the earlier request failed or the pointer names nothing', async () => {
    const { app, call } = await alice();
    const r = await post('/v1/batch', {
      references: true,
      requests: [
        { method: 'POST', path: call, body: { method: 'dismissGroup', arg: 'no-such-group' } },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: ref(0, '/result/data/groupID') } } },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'real' } } },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: ref(2, '/result/data/group/nope') } } },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: ref(2, '/result/data/group/name/0') } } },
        { method: 'POST', path: `${app}/sessions/s-99/call`, body: { method: 'getGroupList' } },
        { method: 'POST', path: call, body: { method: 'getGroupProfile', arg: { groupID: ref(5, '/result') } } },
        { method: 'GET', path: `${app}/clock` },
      ],
    });
    expect(r.status).toBe(200);
    const [refused, afterRefusal, made, missing, notObject, unknownSession, afterProtocolError, clock] = r.body.responses;
    expect(refused.body.error.code).toBe(10010);
    expect(afterRefusal.status).toBe(424);
    expect(afterRefusal.body.error).toMatchObject({ code: 'protocol', reason: 'unresolved-reference' });
    expect(afterRefusal.body.error.message).toMatch(/request 1 was not run: it refers to request 0, which did not succeed: status 200 \(10010/);
    expect(made.body.ok).toBe(true);
    expect(missing.status).toBe(424);
    expect(missing.body.error.message).toMatch(/"\/result\/data\/group\/nope" in the answer of request 2, which names nothing: \/result\/data\/group has no field "nope"/);
    expect(notObject.status).toBe(424);
    expect(notObject.body.error.message).toMatch(/is string, not an object or array/);
    expect(unknownSession.status).toBe(404);
    expect(afterProtocolError.status).toBe(424);
    expect(afterProtocolError.body.error.message).toMatch(/status 404 \(protocol, unknown-session/);
    // the batch went on after each of them
    expect(clock.body.ok).toBe(true);
    // and none of the requests that were not run changed anything: alice owns one group
    const list = await post(call, { method: 'getGroupList' });
    expect(list.body.result.data.groupList.map((g: { name: string }) => g.name)).toEqual(['real']);
  });

  it('let an events read, POSTed with `after` in its body, start where an earlier read of the same batch ended (batch.postEvents)', async () => {
    const caps = (await (await fetch(`${server.url}/v1/capabilities`)).json()) as any;
    expect(caps.batch.postEvents).toBe(true);
    const { call } = await alice();
    const events = call.replace(/call$/, 'events');
    const r = await post('/v1/batch', {
      references: true,
      requests: [
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'g' } } },
        { method: 'GET', path: `${events}?after=0` },
        { method: 'POST', path: call, body: { method: 'createGroup', arg: { type: 'Public', name: 'h' } } },
        { method: 'POST', path: events, body: { after: ref(1, '/next') } },
        { method: 'POST', path: events, body: { after: ref(3, '/next') } },
        // a pointer into a page's events (not one of the top-level fields the server keeps beside the text)
        { method: 'POST', path: events, body: { after: ref(1, '/events/0/seq') } },
      ],
    });
    expect(r.status).toBe(200);
    const [, first, , second, third, fromFirstSeq] = r.body.responses.map((x: { body: any }) => x.body);
    expect(first.events.length).toBeGreaterThan(0);
    // the second read has only what the second createGroup delivered, numbered on from the first's
    expect(second.events.length).toBeGreaterThan(0);
    expect(second.events[0].seq).toBe(first.next + 1);
    expect(second.next).toBe(first.next + second.events.length);
    expect(second.events.some((e: { name: string; data: unknown }) => JSON.stringify(e.data).includes('"h"'))).toBe(true);
    expect(third).toEqual({ ok: true, events: [], next: second.next, more: false });
    expect(fromFirstSeq.events[0].seq).toBe(2);
    expect(fromFirstSeq.next).toBe(second.next);
    // alone, with a plain number, it answers as the GET does; a bad `after` is a 400
    expect((await post(events, { after: 0 })).body.next).toBe(second.next);
    for (const bad of [{ after: -1 }, { after: 1.5 }, { after: '0' }, {}, { after: 0, x: 1 }, { after: second.next + 1 }]) {
      const res = await post(events, bad);
      expect([res.status, res.body.error.reason]).toEqual([400, 'invalid-request']);
    }
  });
});
