/**
 * The Then steps' reads issued ahead over the wire (steps/reads-ahead.ts): an action and the reads
 * of the Then steps right after it share one exchange, each step still gets (and checks) its own
 * answer, a refusal fails the step that reads it and not the action, and an answer read ahead is
 * never used once anything else was called or a step outside those Then steps ran.
 */
import { describe, expect, it, vi } from 'vitest';

// the steps register with cucumber as they load; here their reads are used as plain functions
vi.mock('@cucumber/cucumber', () => import('./cucumber-stub.js'));
import type { PickleStep } from '@cucumber/messages';
import type { Implementation } from '../../adapters/contract';
import { withDeadlines } from '../../adapters/contract/deadline';
import { wireImplementation } from '../../adapters/wire/client';
import '../../steps/outcomes.steps';
import { ReadsAhead } from '../../steps/reads-ahead';
import { groupInfo, roleIn } from '../../steps/reads';
import { ADMIN, GroupWorld } from '../../steps/world';
import { adminAnswers, countedServer } from './exchanges';
import { WORLD_OPTIONS } from './cucumber-stub';

const { server, counted } = countedServer();

const step = (type: 'Context' | 'Action' | 'Outcome', text: string) => ({ id: text, astNodeIds: [], text, type }) as unknown as PickleStep;
/** Steps 0 and 1 set up (done by hand below), 2 is the action, 3 to 5 the Then steps that read, 6 a Given after them. */
const STEPS = [
  step('Context', 'alice and bob are logged in'),
  step('Context', 'alice has created a Public group "g"'),
  step('Action', 'the app admin adds bob to "g"'),
  step('Outcome', 'the role of bob in "g" is Member'),
  step('Outcome', '"g" has 2 members'),
  step('Outcome', 'alice receives nothing'),
  step('Context', 'bob has quit "g"'),
];

async function world(wrap: (impl: Implementation) => Implementation = (i) => i): Promise<{ w: GroupWorld; impl: Implementation; groupID: string }> {
  const impl = wrap(withDeadlines(await wireImplementation(server().url), 5000));
  const w = new GroupWorld(WORLD_OPTIONS);
  w.impl = impl;
  w.comparesStates = false;
  w.ahead = ReadsAhead.of(STEPS);
  w.stepStarted();
  await w.loginAll(['alice', 'bob']);
  w.stepStarted();
  w.registerGroup('g', 'Public', await w.must('alice', 'createGroup', { type: 'Public', name: 'g' }));
  return { w, impl, groupID: w.groupID('g') };
}

/** The action: step 2. */
async function act(w: GroupWorld, groupID: string, method = 'addGroupMember'): Promise<void> {
  w.stepStarted();
  await w.call(ADMIN, method, method === 'addGroupMember' ? { groupID, userIDList: ['bob'] } : { groupID });
}

describe('reads issued ahead over the wire', () => {
  it('plans, for an action, the reads of the Then steps right after it', () => {
    expect(ReadsAhead.of(STEPS)).toBeDefined();
    expect(ReadsAhead.of([step('Action', 'the app admin adds bob to "g"'), step('Outcome', 'it succeeds')])).toBeUndefined();
  });

  it('sends the action and the reads of the Then steps after it in one exchange; each step gets its own answer', async () => {
    const { w, impl, groupID } = await world();
    const { value, exchanges } = await counted(async () => {
      await act(w, groupID);
      w.stepStarted();
      const role = await roleIn(w, 'bob', 'g');
      w.stepStarted();
      const info = await w.must(ADMIN, 'getGroupInfo', { groupID });
      w.stepStarted();
      const events = await w.eventsSinceAction(w.devicesOf('alice')[0]!);
      return { role: role.userIdList[0].role, members: info.memberNum, events: events.length };
    });
    expect(exchanges).toBe(1);
    expect(w.last?.ok).toBe(true);
    // the answers are the ones a read made now gives
    const fresh = { role: (await roleIn(w, 'bob', 'g')).userIdList[0].role, members: (await w.must(ADMIN, 'getGroupInfo', { groupID })).memberNum };
    expect(value).toMatchObject({ ...fresh, role: 'Member', members: 2 });
    expect(value.events).toBeGreaterThan(0);
    await impl.close?.();
  });

  it('fails the step that reads a refusal, not the action', async () => {
    const { w, impl, groupID } = await world();
    await act(w, groupID, 'destroyGroup');
    expect(w.last?.ok).toBe(true);
    w.stepStarted();
    const role = await w.attempt(ADMIN, 'getRoleInGroup', { groupID, userIDList: ['bob'] });
    expect(role).toMatchObject({ ok: false, code: 10010 });
    w.stepStarted();
    await expect(w.must(ADMIN, 'getGroupInfo', { groupID })).rejects.toThrow(/setup call getGroupInfo by @admin failed with 10010/);
    expect(w.incident).toBeUndefined();
    await impl.close?.();
  });

  it('uses no answer read ahead once something else was called', async () => {
    const { w, impl, groupID } = await world();
    await act(w, groupID);
    w.stepStarted();
    await roleIn(w, 'bob', 'g');
    // not read ahead: it changes the state, and what was read ahead is dropped
    await w.must(ADMIN, 'deleteGroupMember', { groupID, userIDList: ['bob'] });
    w.stepStarted();
    const { value, exchanges } = await counted(() => groupInfo(w, 'g'));
    expect(exchanges).toBe(1);
    expect(value).toMatchObject({ ok: true, data: { memberNum: 1 } });
    await impl.close?.();
  });

  it('uses no answer read ahead in a step after the Then steps it was read for', async () => {
    const { w, impl, groupID } = await world();
    await act(w, groupID);
    w.stepStarted();
    w.stepStarted();
    w.stepStarted();
    w.stepStarted();
    const { exchanges } = await counted(() => groupInfo(w, 'g'));
    expect(exchanges).toBe(1);
    await impl.close?.();
  });

  it.each([
    ['a login', (w: GroupWorld) => w.login('carol')],
    ['a logout', (w: GroupWorld) => w.logout(w.devicesOf('bob'))],
    ['a clock advance', (w: GroupWorld) => w.advanceClock(60)],
  ])('uses no answer read ahead after %s (a state change made by no call)', async (_what, change) => {
    const { w, impl, groupID } = await world();
    expect(impl.capabilities.clock).toBe(true);
    await act(w, groupID);
    w.stepStarted();
    await change(w);
    const { exchanges } = await counted(() => roleIn(w, 'bob', 'g'));
    expect(exchanges).toBe(1);
    await impl.close?.();
  });

  it('gives an answer read ahead only to the step that declared it (a "never" step that waits reads afresh)', async () => {
    const { w, impl, groupID } = await world();
    // step 3 reads bob's events without having declared it (as a "never" check does after its wait)
    w.ahead = ReadsAhead.of([...STEPS.slice(0, 3), step('Outcome', 'it succeeds'), step('Outcome', 'bob\'s group list is not updated')]);
    await act(w, groupID);
    const bob = w.devicesOf('bob')[0]!;
    w.stepStarted();
    expect((await counted(() => w.eventsSinceAction(bob))).exchanges).toBe(1);
    w.stepStarted();
    expect((await counted(() => w.eventsSinceAction(bob))).exchanges).toBe(0);
    await impl.close?.();
  });

  it('reports a malformed answer read ahead only when a step uses it', async () => {
    // an implementation whose getGroupInfo answers are malformed (a contract breach: a crash)
    const malformed = adminAnswers('getGroupInfo', () => Promise.resolve(null));
    const unused = await world(malformed);
    await act(unused.w, unused.groupID);
    // the Then steps the answers were read for never run (an earlier one failed): step 6 drops them
    for (let i = 0; i < 4; i++) unused.w.stepStarted();
    await unused.w.eventsSinceAction(unused.w.devicesOf('alice')[0]!);
    expect(unused.w.incident).toBeUndefined();
    await unused.impl.close?.();

    const used = await world(malformed);
    await act(used.w, used.groupID);
    used.w.stepStarted();
    used.w.stepStarted();
    const { value, exchanges } = await counted(() => used.w.attempt(ADMIN, 'getGroupInfo', { groupID: used.groupID }));
    expect(exchanges).toBe(0);
    expect(value.ok).toBe(false);
    expect(used.w.incident).toMatchObject({ kind: 'crashed' });
    await used.impl.close?.();
  });

  it('reads a group the action creates by reference, in the action\'s exchange; a refused creation leaves no group', async () => {
    const { w, impl } = await world();
    const create = (alias: string, name: string) => w.creates(alias, 'Public', false, (issued) => w.call('alice', 'createGroup', { type: 'Public', name }, issued));
    w.ahead = ReadsAhead.of([...STEPS.slice(0, 2), step('Action', 'alice creates a Public group "h"'), step('Outcome', '"h" has 1 member')]);
    const { value, exchanges } = await counted(async () => {
      w.stepStarted();
      await create('h', 'h');
      w.stepStarted();
      return groupInfo(w, 'h');
    });
    expect(exchanges).toBe(1);
    expect(value).toMatchObject({ ok: true, data: { groupID: w.groupID('h'), name: 'h' } });
    await create('bad', 'x'.repeat(200));
    expect(w.last?.ok).toBe(false);
    expect(w.namedGroups().map(([alias]) => alias)).not.toContain('bad');
    expect(w.groupTypes.has('bad')).toBe(false);
    await impl.close?.();
  });
});
