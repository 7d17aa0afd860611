import { describe, expect, it } from 'vitest';
import { METHODS } from '../../simulator/sdk/chat';
import { refusal, snapshot, world } from '../helpers';

/** For every SDK method, inputs of the wrong shape: each must give 10004 and change nothing. */
const BAD_INPUTS: unknown[] = [null, 42, 'text', [], { groupID: 7 }, { groupID: '' }, { groupID: 'g', bogus: true }, { groupID: ['g'] }, { __proto__: { groupID: 'g' } }];
const POSITIONAL = new Set(['quitGroup', 'dismissGroup', 'searchGroupByID', 'getGroupOnlineMemberCount']);

describe('bad input', () => {
  it.each([...METHODS].filter((m) => m !== 'getGroupApplicationList' && m !== 'getGroupList'))('%s refuses malformed options with 10004, naming the field', async (method) => {
    const { sim, chats } = world(['alice']);
    await chats.alice!.createGroup({ name: 'G', type: 'Public' });
    const before = snapshot(sim);
    for (const input of BAD_INPUTS) {
      if (POSITIONAL.has(method) && typeof input === 'string') continue; // a string is a valid group ID there
      const e = await refusal(chats.alice!.invoke(method, input), 10004);
      expect(e.message).toMatch(/Invalid parameter \(.+\)/);
    }
    expect(snapshot(sim)).toEqual(before);
  });

  it('names the offending nested field', async () => {
    const { chats } = world(['alice']);
    const e = await refusal(chats.alice!.createGroup({ name: 'G', memberList: [{ userID: 'bob' }, { userID: 5 }] } as never), 10004);
    expect(e.message).toContain('memberList[1].userID');
    expect(e.data).toEqual({ field: 'memberList[1].userID' });
  });

  it('refuses unknown options rather than ignoring a typo', async () => {
    const { chats } = world(['alice']);
    const e = await refusal(chats.alice!.createGroup({ name: 'G', joinOptions: 'FreeAccess' } as never), 10004);
    expect(e.message).toContain("unknown option 'joinOptions'");
  });

  it('refuses getGroupApplicationList arguments and an unknown method', async () => {
    const { chats } = world(['alice']);
    await refusal(chats.alice!.invoke('getGroupApplicationList', { x: 1 }), 10004);
    await refusal(chats.alice!.invoke('sendMessage', {}), 10004);
    await refusal(chats.alice!.invoke('constructor', {}), 10004);
    await refusal(chats.alice!.invoke('__proto__', {}), 10004);
  });

  it('refuses huge strings by their documented limits, not by crashing', async () => {
    const { chats } = world(['alice']);
    await refusal(chats.alice!.createGroup({ name: 'x'.repeat(1_000_000) }), 10004);
  });
});
