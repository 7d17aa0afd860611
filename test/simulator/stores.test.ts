/**
 * The two small key-value stores on a group: group attributes (init/set/delete/get) and group
 * counters (set/increase/decrease/get), with their limits and change events.
 */
import { describe, expect, it } from 'vitest';
import { type Chat, type GroupType, type Simulator, type SimulatorOptions } from '../../simulator';
import { received, refusedUnchanged, world } from '../helpers';

// ---- local helpers ----

function setup<T extends string>(names: T[], options?: SimulatorOptions) {
  const w = world(names, options);
  return { sim: w.sim, c: w.chats as Record<T, Chat> };
}

/**
 * Owner A ('web'), member B on two devices ('phone', 'laptop'), non-member X ('web').
 */
async function group(type: GroupType = 'Public', extra: Record<string, unknown> = {}) {
  const { sim, c } = setup(['A', 'X']);
  const bPhone = sim.login('B', { device: 'phone' });
  const bLaptop = sim.login('B', { device: 'laptop' });
  const r = await c.A.createGroup({ type, name: 'kv', ...(type === 'AVChatRoom' ? {} : { memberList: [{ userID: 'B' }] }), ...extra });
  const g = r.data.group.groupID as string;
  if (type === 'AVChatRoom') await bPhone.joinGroup({ groupID: g });
  sim.clearEvents();
  return { sim, g, A: c.A, B: bPhone, bLaptop, X: c.X };
}

const DEVICES: Array<[string, string]> = [['A', 'web'], ['B', 'phone'], ['B', 'laptop']];

function eventData(sim: Simulator, userID: string, device: string, name: string): unknown[] {
  return sim.eventsFor(userID, device).filter((e) => e.name === name).map((e) => e.data);
}

async function attributes(chat: Chat, groupID: string) {
  return (await chat.getGroupAttributes({ groupID, keyList: [] })).data.groupAttributes as Record<string, string>;
}

async function counters(chat: Chat, groupID: string) {
  return (await chat.getGroupCounters({ groupID })).data.counters as Record<string, number>;
}

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

// ---- group attributes ----

describe('group attributes', () => {
  it('set upserts; every member device gets GROUP_ATTRIBUTES_UPDATED {groupID, groupAttributes, updatedKeyList, deletedKeyList}', async () => {
    const { sim, g, A, B } = await group();
    const r = await B.setGroupAttributes({ groupID: g, groupAttributes: { a: '1', b: '2' } });
    expect(r).toEqual({ code: 0, data: { groupAttributes: { a: '1', b: '2' } } });
    for (const [u, d] of DEVICES) {
      expect(received(sim, u, d)).toEqual(['groupAttributesUpdated']);
      expect(eventData(sim, u, d, 'groupAttributesUpdated')).toEqual([{ groupID: g, groupAttributes: { a: '1', b: '2' }, updatedKeyList: ['a', 'b'], deletedKeyList: [] }]);
    }
    expect(received(sim, 'X')).toEqual([]);

    sim.clearEvents();
    const r2 = await A.setGroupAttributes({ groupID: g, groupAttributes: { b: '20', c: '3', a: '1' } });
    expect(r2.data.groupAttributes).toEqual({ a: '1', b: '20', c: '3' });
    expect(await attributes(B, g)).toEqual({ a: '1', b: '20', c: '3' });
    expect(eventData(sim, 'B', 'laptop', 'groupAttributesUpdated')).toEqual([
      { groupID: g, groupAttributes: { a: '1', b: '20', c: '3' }, updatedKeyList: ['b', 'c'], deletedKeyList: [] },
    ]);
  });

  it('init replaces everything', async () => {
    const { sim, g, A, B } = await group();
    await A.setGroupAttributes({ groupID: g, groupAttributes: { a: '1', b: '2' } });
    sim.clearEvents();
    const r = await B.initGroupAttributes({ groupID: g, groupAttributes: { b: '2', c: '3' } });
    expect(r).toEqual({ code: 0, data: { groupAttributes: { b: '2', c: '3' } } });
    expect(await attributes(A, g)).toEqual({ b: '2', c: '3' });
    for (const [u, d] of DEVICES) {
      expect(eventData(sim, u, d, 'groupAttributesUpdated')).toEqual([{ groupID: g, groupAttributes: { b: '2', c: '3' }, updatedKeyList: ['c'], deletedKeyList: ['a'] }]);
    }
  });

  it('delete removes the named keys; an empty keyList removes all', async () => {
    const { sim, g, A, B } = await group();
    await A.setGroupAttributes({ groupID: g, groupAttributes: { a: '1', b: '2', c: '3' } });
    sim.clearEvents();
    const r = await B.deleteGroupAttributes({ groupID: g, keyList: ['b'] });
    expect(r).toEqual({ code: 0, data: { keyList: ['b'] } });
    expect(await attributes(A, g)).toEqual({ a: '1', c: '3' });
    expect(eventData(sim, 'A', 'web', 'groupAttributesUpdated')).toEqual([{ groupID: g, groupAttributes: { a: '1', c: '3' }, updatedKeyList: [], deletedKeyList: ['b'] }]);

    sim.clearEvents();
    const all = await A.deleteGroupAttributes({ groupID: g, keyList: [] });
    expect(all.data.keyList.sort()).toEqual(['a', 'c']);
    expect(await attributes(B, g)).toEqual({});
    for (const [u, d] of DEVICES) {
      const [data] = eventData(sim, u, d, 'groupAttributesUpdated') as Array<{ deletedKeyList: string[]; groupAttributes: object }>;
      expect(data!.groupAttributes).toEqual({});
      expect([...data!.deletedKeyList].sort()).toEqual(['a', 'c']);
    }
  });

  it('10050 when deleting a key that does not exist; nothing is deleted', async () => {
    const { sim, g, A } = await group();
    await A.setGroupAttributes({ groupID: g, groupAttributes: { a: '1' } });
    await refusedUnchanged(sim, () => A.deleteGroupAttributes({ groupID: g, keyList: ['missing'] }), 10050);
    await refusedUnchanged(sim, () => A.deleteGroupAttributes({ groupID: g, keyList: ['a', 'missing'] }), 10050);
    expect(await attributes(A, g)).toEqual({ a: '1' });
  });

  it('get with an empty keyList gives all; named keys give those that exist', async () => {
    const { g, A, B } = await group();
    await A.setGroupAttributes({ groupID: g, groupAttributes: { a: '1', b: '2', c: '3' } });
    expect(await B.getGroupAttributes({ groupID: g, keyList: [] })).toEqual({ code: 0, data: { groupAttributes: { a: '1', b: '2', c: '3' } } });
    expect((await B.getGroupAttributes({ groupID: g, keyList: ['c', 'a', 'zz'] })).data.groupAttributes).toEqual({ a: '1', c: '3' });
  });

  it('10045: a key of 32 bytes is accepted, 33 refused (CJK counts 3 bytes)', async () => {
    const { sim, g, A } = await group();
    await refusedUnchanged(sim, () => A.setGroupAttributes({ groupID: g, groupAttributes: { ['k'.repeat(33)]: 'v' } }), 10045);
    await refusedUnchanged(sim, () => A.initGroupAttributes({ groupID: g, groupAttributes: { ['群'.repeat(11)]: 'v' } }), 10045);
    const r = await A.setGroupAttributes({ groupID: g, groupAttributes: { ['k'.repeat(32)]: 'v', ['群'.repeat(10)]: 'w' } });
    expect(r.code).toBe(0);
    expect(Object.keys(await attributes(A, g))).toHaveLength(2);
  });

  it('10046: a value of 4000 bytes is accepted, 4001 refused', async () => {
    const { sim, g, A } = await group();
    await refusedUnchanged(sim, () => A.setGroupAttributes({ groupID: g, groupAttributes: { a: 'v'.repeat(4001) } }), 10046);
    await refusedUnchanged(sim, () => A.setGroupAttributes({ groupID: g, groupAttributes: { a: `${'群'.repeat(1333)}ab` } }), 10046);
    await A.setGroupAttributes({ groupID: g, groupAttributes: { a: 'v'.repeat(4000) } });
    expect((await attributes(A, g)).a).toHaveLength(4000);
  });

  it('10047: 16 keys are accepted, a 17th refused', async () => {
    const { sim, g, A } = await group();
    await refusedUnchanged(sim, () => A.initGroupAttributes({ groupID: g, groupAttributes: Object.fromEntries(keys(17).map((k) => [k, 'v'])) }), 10047);
    await A.initGroupAttributes({ groupID: g, groupAttributes: Object.fromEntries(keys(16).map((k) => [k, 'v'])) });
    expect(Object.keys(await attributes(A, g))).toHaveLength(16);
    await refusedUnchanged(sim, () => A.setGroupAttributes({ groupID: g, groupAttributes: { extra: 'v' } }), 10047);
    // replacing an existing key at the limit is fine
    await A.setGroupAttributes({ groupID: g, groupAttributes: { k00: 'w' } });
    expect((await attributes(A, g)).k00).toBe('w');
  });

  it('10048: 16000 bytes in total (keys and values) are accepted, 16001 refused', async () => {
    const { sim, g, A } = await group();
    // four keys of 2 bytes with values of 3998 bytes: exactly 16000 bytes
    const full = Object.fromEntries(keys(4).map((k) => [k.slice(1), 'v'.repeat(3998)]));
    await refusedUnchanged(sim, () => A.initGroupAttributes({ groupID: g, groupAttributes: { ...full, x: '' } }), 10048);
    await A.initGroupAttributes({ groupID: g, groupAttributes: full });
    expect(Object.keys(await attributes(A, g))).toHaveLength(4);
    await refusedUnchanged(sim, () => A.setGroupAttributes({ groupID: g, groupAttributes: { '00': 'v'.repeat(3999) } }), 10048);
  });

  it('10007 for a non-member (read and write)', async () => {
    const { sim, g, A, X } = await group();
    await A.setGroupAttributes({ groupID: g, groupAttributes: { a: '1' } });
    await refusedUnchanged(sim, () => X.initGroupAttributes({ groupID: g, groupAttributes: { a: '2' } }), 10007);
    await refusedUnchanged(sim, () => X.setGroupAttributes({ groupID: g, groupAttributes: { a: '2' } }), 10007);
    await refusedUnchanged(sim, () => X.deleteGroupAttributes({ groupID: g, keyList: [] }), 10007);
    await refusedUnchanged(sim, () => X.getGroupAttributes({ groupID: g, keyList: [] }), 10007);
  });

  it.each(['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community'] as GroupType[])('works in %s for members', async (type) => {
    const { sim, g, A, B } = await group(type);
    await B.setGroupAttributes({ groupID: g, groupAttributes: { t: type } });
    expect(await attributes(A, g)).toEqual({ t: type });
    expect(received(sim, 'A')).toEqual(['groupAttributesUpdated']);
  });

  it('AVChatRoom needs joinGroup first', async () => {
    const { sim, g, X } = await group('AVChatRoom');
    await refusedUnchanged(sim, () => X.setGroupAttributes({ groupID: g, groupAttributes: { a: '1' } }), 10007);
    await X.joinGroup({ groupID: g });
    expect((await X.setGroupAttributes({ groupID: g, groupAttributes: { a: '1' } })).code).toBe(0);
  });
});

// ---- group counters ----

describe('group counters', () => {
  it('set writes values and announces each changed key {groupID, key, value} to every member device', async () => {
    const { sim, g, A, B } = await group();
    const r = await A.setGroupCounters({ groupID: g, counters: { a: 1, b: -2 } });
    expect(r).toEqual({ code: 0, data: { counters: { a: 1, b: -2 } } });
    expect(await counters(B, g)).toEqual({ a: 1, b: -2 });
    for (const [u, d] of DEVICES) {
      expect(received(sim, u, d)).toEqual(['onGroupCounterUpdated', 'onGroupCounterUpdated']);
      expect(eventData(sim, u, d, 'onGroupCounterUpdated')).toEqual([
        { groupID: g, key: 'a', value: 1 },
        { groupID: g, key: 'b', value: -2 },
      ]);
    }
    expect(received(sim, 'X')).toEqual([]);
    sim.clearEvents();
    await B.setGroupCounters({ groupID: g, counters: { a: 1, b: 5 } });
    expect(eventData(sim, 'A', 'web', 'onGroupCounterUpdated')).toEqual([{ groupID: g, key: 'b', value: 5 }]);
  });

  it('increase and decrease compute from the current value; a missing key starts at 0', async () => {
    const { sim, g, A, B } = await group();
    const up = await A.increaseGroupCounter({ groupID: g, key: 'likes', value: 5 });
    expect(up).toEqual({ code: 0, data: { counters: { likes: 5 } } });
    for (const [u, d] of DEVICES) expect(eventData(sim, u, d, 'onGroupCounterUpdated')).toEqual([{ groupID: g, key: 'likes', value: 5 }]);
    await B.increaseGroupCounter({ groupID: g, key: 'likes', value: 2 });
    sim.clearEvents();
    const down = await B.decreaseGroupCounter({ groupID: g, key: 'likes', value: 10 });
    expect(down.data.counters).toEqual({ likes: -3 });
    expect(eventData(sim, 'B', 'laptop', 'onGroupCounterUpdated')).toEqual([{ groupID: g, key: 'likes', value: -3 }]);
    const fresh = await A.decreaseGroupCounter({ groupID: g, key: 'debt', value: 4 });
    expect(fresh.data.counters).toEqual({ debt: -4 });
    expect(await counters(A, g)).toEqual({ likes: -3, debt: -4 });
  });

  it('get with no or an empty keyList gives all; named keys give those that exist', async () => {
    const { g, A, B } = await group();
    await A.setGroupCounters({ groupID: g, counters: { a: 1, b: 2 } });
    expect((await B.getGroupCounters({ groupID: g })).data.counters).toEqual({ a: 1, b: 2 });
    expect((await B.getGroupCounters({ groupID: g, keyList: [] })).data.counters).toEqual({ a: 1, b: 2 });
    expect((await B.getGroupCounters({ groupID: g, keyList: ['b', 'zz'] })).data.counters).toEqual({ b: 2 });
  });

  it('10063 beyond 20 keys; existing keys still change at the limit; a refused batch writes nothing', async () => {
    const { sim, g, A } = await group();
    await A.setGroupCounters({ groupID: g, counters: Object.fromEntries(keys(19).map((k) => [k, 1])) });
    await refusedUnchanged(sim, () => A.setGroupCounters({ groupID: g, counters: { k00: 7, n1: 1, n2: 1 } }), 10063);
    expect(Object.keys(await counters(A, g))).toHaveLength(19);
    expect((await counters(A, g)).k00).toBe(1);
    await A.setGroupCounters({ groupID: g, counters: { n1: 1 } });
    expect(Object.keys(await counters(A, g))).toHaveLength(20);
    await refusedUnchanged(sim, () => A.setGroupCounters({ groupID: g, counters: { n2: 1 } }), 10063);
    await refusedUnchanged(sim, () => A.increaseGroupCounter({ groupID: g, key: 'n2', value: 1 }), 10063);
    await refusedUnchanged(sim, () => A.decreaseGroupCounter({ groupID: g, key: 'n2', value: 1 }), 10063);
    expect((await A.increaseGroupCounter({ groupID: g, key: 'k05', value: 1 })).data.counters).toEqual({ k05: 2 });
  });

  it('10007 in a topic-enabled Community, for every counter call', async () => {
    const { sim, g, A } = await group('Community', { isSupportTopic: true });
    await refusedUnchanged(sim, () => A.setGroupCounters({ groupID: g, counters: { a: 1 } }), 10007);
    await refusedUnchanged(sim, () => A.increaseGroupCounter({ groupID: g, key: 'a', value: 1 }), 10007);
    await refusedUnchanged(sim, () => A.decreaseGroupCounter({ groupID: g, key: 'a', value: 1 }), 10007);
    await refusedUnchanged(sim, () => A.getGroupCounters({ groupID: g }), 10007);
  });

  it('a Community without topics has counters', async () => {
    const { g, A, B } = await group('Community');
    await A.increaseGroupCounter({ groupID: g, key: 'a', value: 1 });
    expect(await counters(B, g)).toEqual({ a: 1 });
  });

  it('10007 for a non-member', async () => {
    const { sim, g, A, X } = await group();
    await A.setGroupCounters({ groupID: g, counters: { a: 1 } });
    await refusedUnchanged(sim, () => X.setGroupCounters({ groupID: g, counters: { a: 2 } }), 10007);
    await refusedUnchanged(sim, () => X.increaseGroupCounter({ groupID: g, key: 'a', value: 1 }), 10007);
    await refusedUnchanged(sim, () => X.getGroupCounters({ groupID: g }), 10007);
  });
});
