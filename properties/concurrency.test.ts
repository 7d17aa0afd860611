/**
 * Races, with fast-check's scheduler deciding the order in which concurrent calls start:
 * two admins deciding one application, joins racing for the last seat, a user entering two
 * AVChatRooms at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { App, CallResult } from '../adapters/contract';
import { currentImplementation } from '../steps/implementation';

const rules = ['applications.first-decision-wins', 'limits.member-cap', 'avchatroom.one-room-at-a-time'];
void rules;

type Settled = { ok: true; data: any } | { ok: false; code: number | undefined };
async function settle(p: Promise<CallResult>): Promise<Settled> {
  try {
    return { ok: true, data: (await p).data };
  } catch (e) {
    return { ok: false, code: (e as { code?: number }).code };
  }
}

async function appWith(limits?: Record<string, unknown>): Promise<App> {
  return currentImplementation().createApp(limits === undefined ? {} : { limits });
}

describe('concurrency', () => {
  it('two admins deciding the same application at once: exactly one wins, the other gets 10024', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.boolean(), fc.boolean(), async (s, bobAgrees, carolAgrees) => {
        const app = await appWith();
        const alice = await app.login('alice');
        const bob = await app.login('bob');
        const carol = await app.login('carol');
        const dave = await app.login('dave');
        const groupID = (await alice.call('createGroup', { name: 'P', type: 'Public', memberList: [{ userID: 'bob', role: 'Admin' }, { userID: 'carol', role: 'Admin' }] })).data.group.groupID;
        await dave.call('joinGroup', { groupID });
        const [application] = (await bob.call('getGroupApplicationList')).data.applicationList;
        const decide = (who: typeof bob, agree: boolean) =>
          s.schedule(Promise.resolve(who.userID)).then(() => settle(who.call('handleGroupApplication', { handleAction: agree ? 'Agree' : 'Reject', application })));
        const both = Promise.all([decide(bob, bobAgrees), decide(carol, carolAgrees)]);
        await s.waitAll();
        const [b, c] = await both;
        const winners = [b, c].filter((r) => r.ok);
        expect(winners.length).toBe(1);
        const loser = [b, c].find((r) => !r.ok)!;
        expect(loser.ok ? undefined : loser.code).toBe(10024);
        const winnerAgreed = b.ok ? bobAgrees : carolAgrees;
        const role = (await app.admin.call('getRoleInGroup', { groupID, userIDList: ['dave'] })).data.userIdList[0].role;
        expect(role).toBe(winnerAgreed ? 'Member' : 'NotMember');
        await app.close();
      }),
      { numRuns: 40 },
    );
  });

  it('joins racing for the last seat: the cap holds and exactly one joins', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 5 }), async (s, racers) => {
        const app = await appWith({ memberCap: { ChatRoom: 3 } });
        const owner = await app.login('owner');
        const groupID = (await owner.call('createGroup', { name: 'M', type: 'ChatRoom' })).data.group.groupID;
        await (await app.login('early')).call('joinGroup', { groupID });
        const sessions = await Promise.all(Array.from({ length: racers }, (_, i) => app.login(`u${i}`)));
        const all = Promise.all(sessions.map((u) => s.schedule(Promise.resolve(u.userID)).then(() => settle(u.call('joinGroup', { groupID })))));
        await s.waitAll();
        const results = await all;
        expect(results.filter((r) => r.ok).length).toBe(1);
        for (const r of results) if (!r.ok) expect(r.code).toBe(10014);
        expect((await app.admin.call('getGroupInfo', { groupID })).data.memberNum).toBe(3);
        await app.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a user entering two AVChatRooms at once ends in exactly one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const app = await appWith();
        const host = await app.login('host');
        const viewer = await app.login('viewer');
        const a = (await host.call('createGroup', { name: 'A', type: 'AVChatRoom' })).data.group.groupID;
        const b = (await host.call('createGroup', { name: 'B', type: 'AVChatRoom' })).data.group.groupID;
        const both = Promise.all([a, b].map((groupID) => s.schedule(Promise.resolve(groupID)).then(() => settle(viewer.call('joinGroup', { groupID })))));
        await s.waitAll();
        const results = await both;
        expect(results.every((r) => r.ok)).toBe(true);
        const inRoom = async (groupID: string) => ((await host.call('getGroupMemberList', { groupID })).data.memberList as Array<{ userID: string }>).some((m) => m.userID === 'viewer');
        expect([await inRoom(a), await inRoom(b)].filter(Boolean).length).toBe(1);
        await app.close();
      }),
      { numRuns: 40 },
    );
  });
});
