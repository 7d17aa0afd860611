/** Time: a mute lasts exactly until muteUntil; the daily creation quota starts afresh each UTC day. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Implementation } from '../adapters/contract';
import { NotApplicable } from '../adapters/contract';
import type { PropertyRunConfig } from './config';

export async function muteExpiry(impl: () => Implementation, cfg: PropertyRunConfig): Promise<void> {
  if (!impl().capabilities.clock) throw new NotApplicable('clock control');
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 200_000 }), async (muteTime, wait) => {
      const app = await impl().createApp();
      const run = async () => {
        const owner = await app.login('owner');
        await app.login('bob');
        const groupID = (await owner.call('createGroup', { name: 'M', type: 'ChatRoom', memberList: [{ userID: 'bob' }] })).data.group.groupID;
        await owner.call('setGroupMemberMuteTime', { groupID, userID: 'bob', muteTime });
        await app.advanceClock!(wait * 1000);
        const [bob] = (await owner.call('getGroupMemberProfile', { groupID, userIDList: ['bob'] })).data.memberList;
        const now = Math.floor((await app.now!()) / 1000);
        assert.equal(bob.muteUntil > now, wait < muteTime, `muted ${muteTime}s, ${wait}s later muteUntil=${bob.muteUntil} now=${now}`);
      };
      try {
        await (cfg.failing === undefined ? run() : cfg.failing.watch(app, run));
      } finally {
        await app.close();
      }
    }),
    { numRuns: cfg.numRuns, seed: cfg.seed },
  );
}

export async function dailyQuotaReset(impl: () => Implementation, cfg: PropertyRunConfig): Promise<void> {
  const caps = impl().capabilities;
  if (!caps.clock || !caps.limitOverrides) throw new NotApplicable('clock control and limit overrides');
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 * 86_400 }), async (quota, wait) => {
      const app = await impl().createApp({ limits: { dailyNetCreations: quota } });
      const run = async () => {
        const alice = await app.login('alice');
        for (let i = 0; i < quota; i++) await alice.call('createGroup', { name: `g${i}`, type: 'Public' });
        const start = await app.now!();
        await app.advanceClock!(wait * 1000);
        const sameDay = Math.floor(start / 86_400_000) === Math.floor((await app.now!()) / 86_400_000);
        const r = await alice.call('createGroup', { name: 'next', type: 'Public' }).then(
          () => 'ok' as const,
          (e: { code: number }) => e.code,
        );
        assert.equal(r, sameDay ? 10006 : 'ok', `quota ${quota}, ${wait}s later`);
      };
      try {
        await (cfg.failing === undefined ? run() : cfg.failing.watch(app, run));
      } finally {
        await app.close();
      }
    }),
    { numRuns: cfg.numRuns, seed: cfg.seed },
  );
}
