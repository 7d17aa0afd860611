/**
 * Time: a mute lasts exactly until muteUntil, and the daily creation quota starts afresh each day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentImplementation } from '../steps/implementation';

const rules = ['members.mute-ends-at-mute-until', 'limits.daily-net-creation-quota'];
void rules;

describe('time', () => {
  it('a member is muted while muteUntil is in the future, and not after', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 200_000 }), async (muteTime, wait) => {
        const app = await currentImplementation().createApp();
        if (app.advanceClock === undefined || app.now === undefined) return;
        const owner = await app.login('owner');
        await app.login('bob');
        const groupID = (await owner.call('createGroup', { name: 'M', type: 'ChatRoom', memberList: [{ userID: 'bob' }] })).data.group.groupID;
        await owner.call('setGroupMemberMuteTime', { groupID, userID: 'bob', muteTime });
        await app.advanceClock(wait * 1000);
        const [bob] = (await owner.call('getGroupMemberProfile', { groupID, userIDList: ['bob'] })).data.memberList;
        const now = Math.floor((await app.now()) / 1000);
        expect(bob.muteUntil > now).toBe(wait < muteTime);
        await app.close();
      }),
      { numRuns: 60 },
    );
  });

  it('the daily net creation quota resets when the UTC day changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 * 86_400 }), async (quota, wait) => {
        const app = await currentImplementation().createApp({ limits: { dailyNetCreations: quota } });
        if (app.advanceClock === undefined || app.now === undefined) return;
        const alice = await app.login('alice');
        for (let i = 0; i < quota; i++) await alice.call('createGroup', { name: `g${i}`, type: 'Public' });
        const start = await app.now();
        await app.advanceClock(wait * 1000);
        const sameDay = Math.floor(start / 86_400_000) === Math.floor((await app.now()) / 86_400_000);
        const r = await alice.call('createGroup', { name: 'next', type: 'Public' }).then(
          () => 'ok',
          (e: { code: number }) => e.code,
        );
        expect(r).toBe(sameDay ? 10006 : 'ok');
        await app.close();
      }),
      { numRuns: 60 },
    );
  });
});
