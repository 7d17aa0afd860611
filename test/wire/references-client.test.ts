/**
 * The wire client's batch references (Implementation.references, adapters/contract/refs.ts): a call
 * that names an earlier call's answer travels in the same exchange, also through the deadline and
 * trace wrappers the runner adds; when what it names cannot be had, it is not made and rejects with
 * UnresolvedReference, and nothing else changes. resolveRefs gives an adapter without references the
 * same values by waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, Implementation, Session } from '../../adapters/contract';
import { UnresolvedReference, refTo, resolveRefs } from '../../adapters/contract/refs';
import { wireImplementation } from '../../adapters/wire/client';
import { traced } from '../../adapters/contract/trace';
import { withDeadlines } from '../../adapters/contract/deadline';
import { simulatorImplementation } from '../../adapters/simulator';
import { startServer } from '../../servers/wire/server';
import { countedServer } from './exchanges';

const { server: running, counted } = countedServer();

describe('batch references through the wire client', () => {
  let wire: Implementation;
  let app: App;
  let alice: Session;
  beforeAll(async () => {
    // as the runner wraps it
    wire = withDeadlines(traced(await wireImplementation(running().url)), 5000);
    app = await wire.createApp();
    alice = await app.login('alice');
  });
  afterAll(async () => {
    await wire.close?.();
  });

  it('are declared, through the wrappers, and off with references: false or a server without batches', async () => {
    expect(wire.references).toBe(true);
    const off = await wireImplementation(running().url, { references: false });
    expect(off.references).toBe(false);
    await off.close?.();
    const old = await startServer({ batchMaxRequests: 0 });
    try {
      const unbatched = await wireImplementation(old.url);
      expect(unbatched.references).toBe(false);
      await unbatched.close?.();
    } finally {
      await old.close();
    }
  });

  it('send a createGroup and the calls that name its group in one exchange', async () => {
    const { value, exchanges: n } = await counted(async () => {
      const created = alice.call('createGroup', { type: 'Public', name: 'g' });
      const groupID = refTo(created, '/data/group/groupID');
      const imported = app.admin.call('importAccount', { userID: 'bob' });
      const added = app.admin.call('addGroupMember', { groupID, userIDList: ['bob'] });
      const info = app.admin.call('getRoleInGroup', { groupID, userIDList: ['bob'] });
      return Promise.all([created, imported, added, info]);
    });
    expect(n).toBe(1);
    const [created, , added, info] = value;
    expect(added.data.memberList).toEqual([{ userID: 'bob', result: 1 }]);
    expect(info.data.userIdList).toEqual([{ userID: 'bob', role: 'Member' }]);
    expect((await app.admin.call('getGroupInfo', { groupID: created.data.group.groupID })).data.memberNum).toBe(2);
  });

  it('send the value itself when the call named was answered in an earlier exchange', async () => {
    const created = alice.call('createGroup', { type: 'Public', name: 'h' });
    await created;
    const { value, exchanges: n } = await counted(() => app.admin.call('getGroupInfo', { groupID: refTo(created, '/data/group/groupID') }));
    expect(n).toBe(1);
    expect(value.data.name).toBe('h');
  });

  it('reject a call whose reference names a refused call or nothing, without making it, and go on', async () => {
    const refused = alice.call('dismissGroup', 'no-such-group');
    const after = alice.call('createGroup', { type: 'Public', name: refTo(refused, '/data/groupID') });
    const created = alice.call('createGroup', { type: 'Public', name: 'kept' });
    const missing = alice.call('createGroup', { type: 'Public', name: refTo(created, '/data/group/nope') });
    const [r0, r1, r2, r3] = await Promise.allSettled([refused, after, created, missing]);
    expect(r0.status === 'rejected' && (r0.reason as { code: number }).code).toBe(10010);
    expect(r1.status === 'rejected' && r1.reason).toBeInstanceOf(UnresolvedReference);
    expect(r1.status === 'rejected' && (r1.reason as Error).message).toMatch(/unresolved-reference.*request 1 was not run: it refers to request 0, which did not succeed/);
    expect(r1.status === 'rejected' && (r1.reason as { code?: unknown }).code).toBeUndefined();
    expect(r2.status).toBe('fulfilled');
    expect(r3.status === 'rejected' && (r3.reason as Error).message).toMatch(/has no field "nope"/);
    // in a later exchange the client resolves it, with the same verdict
    const later = await alice.call('getGroupProfile', { groupID: refTo(refused, '/data/groupID') }).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(UnresolvedReference);
    const list = await alice.call('getGroupList');
    expect(list.data.groupList.map((g: { name: string }) => g.name).sort()).toEqual(['g', 'h', 'kept']);
  });

  it('send an argument that merely looks like a reference as written', async () => {
    const created = alice.call('createGroup', { type: 'Public', name: 'lit' });
    const id = refTo(created, '/data/group/groupID');
    const looks = { $ref: { request: 0, pointer: '/result' } };
    const update = alice.call('updateGroupProfile', { groupID: id, introduction: looks });
    const r = await update.catch((e: unknown) => e as { code?: number; message: string });
    // the SDK refuses an object as an introduction: it reached the server as that object, not as a value of request 0
    expect((r as { code?: number }).code).toBeTypeOf('number');
    expect((r as { message: string }).message).toMatch(/introduction/);
    // and so does one of another call that goes in a batch with references (unescaped, the server would refuse the whole batch)
    const known = (await created).data.group.groupID as string;
    const { value: [plain, viaRef], exchanges: n } = await counted(() => {
      const another = alice.call('createGroup', { type: 'Public', name: 'another' });
      return Promise.all([
        alice.call('updateGroupProfile', { groupID: known, introduction: { $ref: 'x' } }).catch((e: { code?: number; message: string }) => e),
        app.admin.call('getGroupInfo', { groupID: refTo(another, '/data/group/groupID') }),
      ]);
    });
    expect(n).toBe(1);
    expect((plain as { code?: number }).code).toBeTypeOf('number');
    expect((plain as { message: string }).message).toMatch(/introduction/);
    expect((viaRef as { data: { name: string } }).data.name).toBe('another');
  });
});

describe('resolveRefs, for an implementation without references', () => {
  it('gives the values by waiting, and UnresolvedReference for a failed call', async () => {
    const impl = simulatorImplementation();
    expect(impl.references).toBeUndefined();
    const app = await impl.createApp();
    const alice = await app.login('alice');
    const created = alice.call('createGroup', { type: 'Public', name: 'g' });
    const arg = await resolveRefs({ groupID: refTo(created, '/data/group/groupID'), list: [refTo(created, '/data/group/name')] });
    expect(arg).toEqual({ groupID: (await created).data.group.groupID, list: ['g'] });
    const refused = alice.call('dismissGroup', 'nope');
    await expect(resolveRefs({ g: refTo(refused, '/data') })).rejects.toBeInstanceOf(UnresolvedReference);
    await app.close();
  });
});
