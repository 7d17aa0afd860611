/**
 * Races, with fast-check's scheduler deciding the order in which concurrent calls start: two admins
 * deciding one application, joins racing for the last seat, a user entering two AVChatRooms at once.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { App, CallResult, Implementation } from '../adapters/contract';
import type { PropertyRunConfig } from './config';
import type { FailingCalls } from './failing-calls';

type Settled = { ok: true; data: any } | { ok: false; code: number | undefined };
async function settle(p: Promise<CallResult>): Promise<Settled> {
  try {
    return { ok: true, data: (await p).data };
  } catch (e) {
    return { ok: false, code: (e as { code?: number }).code };
  }
}

async function withApp<T>(impl: Implementation, limits: Record<string, unknown> | undefined, failing: FailingCalls | undefined, body: (app: App) => Promise<T>): Promise<T> {
  const app = await impl.createApp(limits === undefined ? {} : { limits });
  try {
    return failing === undefined ? await body(app) : await failing.watch(app, () => body(app));
  } finally {
    await app.close();
  }
}

export async function decideOnce(impl: () => Implementation, cfg: PropertyRunConfig): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.boolean(), fc.boolean(), (s, bobAgrees, carolAgrees) =>
      withApp(impl(), undefined, cfg.failing, async (app) => {
        const [alice, bob, carol, dave] = [await app.login('alice'), await app.login('bob'), await app.login('carol'), await app.login('dave')];
        const groupID = (await alice.call('createGroup', { name: 'P', type: 'Public', memberList: [{ userID: 'bob', role: 'Admin' }, { userID: 'carol', role: 'Admin' }] })).data.group.groupID;
        await dave.call('joinGroup', { groupID });
        const [application] = (await bob.call('getGroupApplicationList')).data.applicationList;
        const decide = (who: typeof bob, agree: boolean) => s.schedule(Promise.resolve(who.userID)).then(() => settle(who.call('handleGroupApplication', { handleAction: agree ? 'Agree' : 'Reject', application })));
        const both = Promise.all([decide(bob, bobAgrees), decide(carol, carolAgrees)]);
        await s.waitAll();
        const [b, c] = await both;
        assert.equal([b, c].filter((r) => r.ok).length, 1, 'exactly one decision wins');
        const loser = [b, c].find((r) => !r.ok)!;
        assert.equal(loser.ok ? undefined : loser.code, 10024, 'the other decision gets 10024');
        const winnerAgreed = b.ok ? bobAgrees : carolAgrees;
        const role = (await app.admin.call('getRoleInGroup', { groupID, userIDList: ['dave'] })).data.userIdList[0].role;
        assert.equal(role, winnerAgreed ? 'Member' : 'NotMember', 'the state is the winner\'s');
      }),
    ),
    { numRuns: cfg.numRuns, seed: cfg.seed },
  );
}

export async function lastSeat(impl: () => Implementation, cfg: PropertyRunConfig): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 5 }), (s, racers) =>
      withApp(impl(), { memberCap: { ChatRoom: 3 } }, cfg.failing, async (app) => {
        const owner = await app.login('owner');
        const groupID = (await owner.call('createGroup', { name: 'M', type: 'ChatRoom' })).data.group.groupID;
        await (await app.login('early')).call('joinGroup', { groupID });
        const sessions = await Promise.all(Array.from({ length: racers }, (_, i) => app.login(`u${i}`)));
        const all = Promise.all(sessions.map((u) => s.schedule(Promise.resolve(u.userID)).then(() => settle(u.call('joinGroup', { groupID })))));
        await s.waitAll();
        const results = await all;
        assert.equal(results.filter((r) => r.ok).length, 1, 'exactly one racer joins');
        for (const r of results) if (!r.ok) assert.equal(r.code, 10014, 'the others find the group full');
        assert.equal((await app.admin.call('getGroupInfo', { groupID })).data.memberNum, 3, 'the cap holds');
      }),
    ),
    { numRuns: cfg.numRuns, seed: cfg.seed },
  );
}

export async function oneAVChatRoom(impl: () => Implementation, cfg: PropertyRunConfig): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), (s) =>
      withApp(impl(), undefined, cfg.failing, async (app) => {
        const host = await app.login('host');
        const viewer = await app.login('viewer');
        const a = (await host.call('createGroup', { name: 'A', type: 'AVChatRoom' })).data.group.groupID;
        const b = (await host.call('createGroup', { name: 'B', type: 'AVChatRoom' })).data.group.groupID;
        const both = Promise.all([a, b].map((groupID) => s.schedule(Promise.resolve(groupID)).then(() => settle(viewer.call('joinGroup', { groupID })))));
        await s.waitAll();
        assert.ok((await both).every((r) => r.ok), 'both joins succeed');
        const inRoom = async (groupID: string) => ((await host.call('getGroupMemberList', { groupID })).data.memberList as Array<{ userID: string }>).some((m) => m.userID === 'viewer');
        assert.equal([await inRoom(a), await inRoom(b)].filter(Boolean).length, 1, 'the viewer ends in exactly one room');
      }),
    ),
    { numRuns: cfg.numRuns, seed: cfg.seed },
  );
}
