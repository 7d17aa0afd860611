/**
 * The permission grid's admin over the wire (steps/setup.steps.ts, actorIs): the admin's login, join
 * and promotion reach the implementation in that order, so the promotion of an AVChatRoom "admin" is
 * refused for what it asks (an admin) and not because adam is not in the group yet; and a refusal
 * for any other reason fails the set-up.
 */
import { describe, expect, it, vi } from 'vitest';

// the steps register with cucumber as they load; here they are used as plain functions
vi.mock('@cucumber/cucumber', () => import('./cucumber-stub.js'));
import type { Implementation } from '../../adapters/contract';
import { withDeadlines } from '../../adapters/contract/deadline';
import { traced } from '../../adapters/contract/trace';
import { wireImplementation } from '../../adapters/wire/client';
import { actorIs } from '../../steps/setup.steps';
import { GroupWorld } from '../../steps/world';
import { adminAnswers, countedServer } from './exchanges';
import { WORLD_OPTIONS } from './cucumber-stub';

const { server } = countedServer();

async function world(wrap: (impl: Implementation) => Implementation = (i) => i): Promise<{ w: GroupWorld; impl: Implementation }> {
  const impl = wrap(withDeadlines(traced(await wireImplementation(server().url)), 5000));
  const w = new GroupWorld(WORLD_OPTIONS);
  w.impl = impl;
  await w.loginAll(['alice']);
  w.registerGroup('G', 'AVChatRoom', await w.must('alice', 'createGroup', { type: 'AVChatRoom', name: 'G' }));
  return { w, impl };
}

describe('the permission grid\'s admin of an AVChatRoom over the wire', () => {
  it('logs adam in, then joins, then asks for the promotion, which is refused with 10007', async () => {
    const { w, impl } = await world();
    await actorIs(w, 'admin', 'G');
    await w.settle();
    const calls = (await w.trace())!.calls.filter((c) => c.actor.startsWith('adam/') || c.method === 'modifyGroupMemberInfo');
    expect(calls.map((c) => `${c.actor} ${c.method}`)).toEqual(['adam/web login', 'adam/web joinGroup', 'app admin modifyGroupMemberInfo']);
    expect(calls[1]).toMatchObject({ outcome: 'ok' });
    expect(calls[2]).toMatchObject({ outcome: 'error', code: 10007 });
    await impl.close?.();
  });

  it('fails the set-up when the promotion is refused for another reason than "no admins"', async () => {
    // an implementation that refuses the promotion as if adam were not a member (10004)
    const refusing = adminAnswers('modifyGroupMemberInfo', () => Promise.reject(Object.assign(new Error('adam is not a member'), { code: 10004 })));
    const { w, impl } = await world(refusing);
    await expect(actorIs(w, 'admin', 'G').then(() => w.settle())).rejects.toThrow(/refused with 10004 .*not 10007/);
    await impl.close?.();
  });
});
