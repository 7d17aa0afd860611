/**
 * The World's set-up issued ahead (GroupWorld.createAhead, Givens with steps/dsl.ts's AHEAD) over the wire:
 * a group's createGroup and the set-up that names it share one exchange, and when the createGroup
 * fails, the next step that settles fails with the createGroup's own message, the calls that referred to
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
import { ADMIN, GroupWorld, Skip } from '../../steps/world';
import { countedServer } from './exchanges';
import { WORLD_OPTIONS, definitionWrapper } from './cucumber-stub';
// registers the step wrapper (with the stub: definitionWrapper)
import '../../steps/dsl';

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
      // enrolling is set-up issued ahead too: the next step that settles awaits it
      expect(w.hasPending()).toBe(true);
      await w.settle();
    });
    expect(exchanges).toBe(1);
    expect(w.hasPending()).toBe(false);
    const info = await w.must(ADMIN, 'getGroupInfo', { groupID: w.groupID('g') });
    expect(info.memberNum).toBe(3);
    await impl.close?.();
  });

  it('fails the next step that settles with the createGroup\'s own refusal, and makes none of the calls that named the group', async () => {
    const { w, impl } = await world();
    // a group name over 100 bytes is refused (10004 class of errors): the createGroup fails
    await w.createAhead('alice', 'g', 'Public', { type: 'Public', name: 'x'.repeat(200) });
    await enrol(w, ['bob'], 'g');
    const failure = await w.settle().then(
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

  it('sends an action in the exchange of the set-up issued ahead, and fails it with the set-up\'s failure first', async () => {
    const { w, impl } = await world();
    const { exchanges } = await counted(async () => {
      await w.createAhead('alice', 'g', 'Public', { type: 'Public', name: 'g' });
      await enrol(w, ['bob'], 'g');
      // a When that takes AHEAD: the group is named by reference, and call() awaits the set-up
      await w.call(ADMIN, 'modifyGroupBaseInfo', { groupID: w.groupArg('g'), name: 'h' });
    });
    expect(exchanges).toBe(1);
    expect(w.last?.ok).toBe(true);
    expect(w.hasPending()).toBe(false);
    expect((await w.must(ADMIN, 'getGroupInfo', { groupID: w.groupID('g') })).name).toBe('h');
    // the picture before the action holds the group created ahead
    expect(Object.keys((w.before as { picture: object }).picture)).toEqual(['g']);

    await w.createAhead('alice', 'bad', 'Public', { type: 'Public', name: 'x'.repeat(200) });
    await enrol(w, ['bob'], 'bad');
    await expect(w.call(ADMIN, 'modifyGroupBaseInfo', { groupID: w.groupArg('bad'), name: 'h' })).rejects.toThrow(/^setup call createGroup by alice failed with \d+: /);
    expect(w.hasPending()).toBe(false);
    await impl.close?.();
  });
});

describe('a step that takes set-up issued ahead and is not applicable', () => {
  it('fails with the set-up\'s failure, not a skip that would hide it', async () => {
    const { w, impl } = await world();
    const step = definitionWrapper!(() => {
      throw new Skip('clock control');
    }, { ahead: true });
    expect(await step.call(w)).toBe('skipped');
    await w.createAhead('alice', 'bad', 'Public', { type: 'Public', name: 'x'.repeat(200) });
    await expect(Promise.resolve(step.call(w))).rejects.toThrow(/^setup call createGroup by alice failed with \d+: /);
    expect(w.hasPending()).toBe(false);
    await impl.close?.();
  });
});
