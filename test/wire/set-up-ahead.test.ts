/**
 * The World's set-up issued ahead (GroupWorld.createAhead, Givens with steps/dsl.ts's AHEAD) over the wire:
 * a group's createGroup and the set-up that names it share one exchange, and when the createGroup
 * fails, the next set-up step fails with the createGroup's own message, the calls that referred to
 * it are not made, and nothing is left pending.
 */
import { describe, expect, it, vi } from 'vitest';

// the steps register with cucumber as they load; here they are used as plain functions
vi.mock('@cucumber/cucumber', () => import('./cucumber-stub.js'));
import type { Implementation } from '../../adapters/contract';
import { withDeadlines } from '../../adapters/contract/deadline';
import { traced } from '../../adapters/contract/trace';
import { wireImplementation } from '../../adapters/wire/client';
import { enrol } from '../../steps/setup.steps';
import { ADMIN, GroupWorld } from '../../steps/world';
import { countedServer } from './exchanges';
import { WORLD_OPTIONS } from './cucumber-stub';

const { server, counted } = countedServer();

async function world(): Promise<{ w: GroupWorld; impl: Implementation }> {
  const impl = withDeadlines(traced(await wireImplementation(server().url)), 5000);
  const w = new GroupWorld(WORLD_OPTIONS);
  w.impl = impl;
  await w.loginAll(['alice']);
  return { w, impl };
}

describe('set-up issued ahead over the wire', () => {
  it('puts a createGroup and the set-up that names the group in one exchange', async () => {
    const { w, impl } = await world();
    expect(impl.references).toBe(true);
    const { exchanges } = await counted(async () => {
      await w.createAhead('alice', 'g', 'Public', { type: 'Public', name: 'g' });
      expect(w.hasPending()).toBe(true);
      expect(() => w.groupID('g')).toThrow(/still being created/);
      await enrol(w, ['bob', 'carol'], 'g');
    });
    expect(exchanges).toBe(1);
    expect(w.hasPending()).toBe(false);
    const info = await w.must(ADMIN, 'getGroupInfo', { groupID: w.groupID('g') });
    expect(info.memberNum).toBe(3);
    await impl.close?.();
  });

  it('fails the next set-up step with the createGroup\'s own refusal, and makes none of the calls that named the group', async () => {
    const { w, impl } = await world();
    // a group name over 100 bytes is refused (10004 class of errors): the createGroup fails
    await w.createAhead('alice', 'g', 'Public', { type: 'Public', name: 'x'.repeat(200) });
    const failure = await enrol(w, ['bob'], 'g').then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(failure).toMatch(/^setup call createGroup by alice failed with \d+: /);
    expect(w.hasPending()).toBe(false);
    expect(w.incident).toBeUndefined();
    // bob's account was imported (it does not name the group), but he was added to nothing
    const joined = await w.must(ADMIN, 'getJoinedGroupList', { userID: 'bob' });
    expect(joined.groupIdList ?? joined.groupList ?? []).toEqual([]);
    await impl.close?.();
  });
});
