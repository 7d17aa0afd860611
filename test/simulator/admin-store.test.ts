/**
 * The app admin's group attribute, counter and AVChatRoom ban commands (core/admin-store.ts)
 * through `sim.admin`, observed by users logged in on the same simulator: what a member sees after
 * the admin's write is what it sees after a member's own write.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, EVENT, VirtualClock, type Chat, type Simulator } from '../../simulator';
import { ADMIN_COMMANDS } from '../../simulator/core';
import { received, refusal, refusedUnchanged } from '../helpers';

function setup(users: string[]) {
  const clock = new VirtualClock();
  const sim = createSimulator({ clock });
  const c: Record<string, Chat> = {};
  for (const u of users) c[u] = sim.login(u);
  return { sim, clock, c, admin: sim.admin };
}

function eventsNamed(sim: Simulator, userID: string, name: string): unknown[] {
  return sim.eventsFor(userID).filter((e) => e.name === name).map((e) => e.data);
}

async function publicGroup(sim: Simulator, owner: string, members: string[]): Promise<string> {
  return (await sim.admin.createGroup({ type: 'Public', name: 'g', ownerAccount: owner, memberList: members.map((userID) => ({ userID })) })).data.groupID;
}

/** An AVChatRoom owned by `owner` with `viewers` inside (each entered with joinGroup). */
async function room(sim: Simulator, c: Record<string, Chat>, owner: string, viewers: string[]): Promise<string> {
  const groupID = (await sim.admin.createGroup({ type: 'AVChatRoom', name: 'live', ownerAccount: owner })).data.groupID;
  for (const u of [owner, ...viewers]) expect((await c[u]!.joinGroup({ groupID })).data.status).toBe('JoinedSuccess');
  return groupID;
}

describe('the admin commands are registered', () => {
  it('every store command is an app-admin command with a typed AppAdmin method', () => {
    const names = ['modifyGroupAttr', 'setGroupAttr', 'deleteGroupAttr', 'clearGroupAttr', 'getGroupAttr', 'updateGroupCounter', 'deleteGroupCounter', 'getGroupCounter', 'banGroupMember', 'unbanGroupMember', 'getGroupBanMember'];
    const sim = createSimulator();
    for (const n of names) {
      expect(Object.keys(ADMIN_COMMANDS)).toContain(n);
      expect(typeof (sim.admin as unknown as Record<string, unknown>)[n]).toBe('function');
    }
  });
});

describe('group attributes written by the app admin', () => {
  it('modify_group_attr merges; members get GROUP_ATTRIBUTES_UPDATED as for a member\'s setGroupAttributes', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const groupID = await publicGroup(sim, 'A', ['B']);
    await c.A!.initGroupAttributes({ groupID, groupAttributes: { topic: 'x', keep: 'k' } });
    sim.clearEvents();
    const r = await admin.modifyGroupAttr({ groupID, groupAttributes: { topic: 'y', seat: '1' } });
    expect(r.data.groupAttributes).toEqual({ topic: 'y', keep: 'k', seat: '1' });
    for (const u of ['A', 'B']) {
      expect(eventsNamed(sim, u, EVENT.GROUP_ATTRIBUTES_UPDATED)).toEqual([{ groupID, groupAttributes: { topic: 'y', keep: 'k', seat: '1' }, updatedKeyList: ['topic', 'seat'], deletedKeyList: [] }]);
    }
    expect((await c.B!.getGroupAttributes({ groupID, keyList: [] })).data.groupAttributes).toEqual({ topic: 'y', keep: 'k', seat: '1' });
  });
  it('set_group_attr replaces every attribute; the dropped keys are in deletedKeyList', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const groupID = await publicGroup(sim, 'A', ['B']);
    await c.A!.initGroupAttributes({ groupID, groupAttributes: { old: '1', same: 's' } });
    sim.clearEvents();
    await admin.setGroupAttr({ groupID, groupAttributes: { same: 's', fresh: '2' } });
    expect(eventsNamed(sim, 'B', EVENT.GROUP_ATTRIBUTES_UPDATED)).toEqual([{ groupID, groupAttributes: { same: 's', fresh: '2' }, updatedKeyList: ['fresh'], deletedKeyList: ['old'] }]);
    expect((await admin.getGroupAttr({ groupID })).data.groupAttributes).toEqual({ same: 's', fresh: '2' });
  });
  it('delete_group_attr removes the keys named; a missing key is 10050 and an empty list 10004, changing nothing', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const groupID = await publicGroup(sim, 'A', ['B']);
    await c.A!.initGroupAttributes({ groupID, groupAttributes: { a: '1', b: '2' } });
    await refusedUnchanged(sim, () => admin.deleteGroupAttr({ groupID, keyList: ['a', 'nope'] }), 10050);
    await refusedUnchanged(sim, () => admin.deleteGroupAttr({ groupID, keyList: [] }), 10004);
    await admin.deleteGroupAttr({ groupID, keyList: ['a'] });
    expect(eventsNamed(sim, 'B', EVENT.GROUP_ATTRIBUTES_UPDATED)).toEqual([{ groupID, groupAttributes: { b: '2' }, updatedKeyList: [], deletedKeyList: ['a'] }]);
  });
  it('clear_group_attr removes everything and tells the members; clearing nothing tells nobody', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const groupID = await publicGroup(sim, 'A', ['B']);
    await c.A!.initGroupAttributes({ groupID, groupAttributes: { a: '1', b: '2' } });
    sim.clearEvents();
    await admin.clearGroupAttr({ groupID });
    expect(eventsNamed(sim, 'B', EVENT.GROUP_ATTRIBUTES_UPDATED)).toEqual([{ groupID, groupAttributes: {}, updatedKeyList: [], deletedKeyList: ['a', 'b'] }]);
    sim.clearEvents();
    await admin.clearGroupAttr({ groupID });
    expect(sim.events).toEqual([]);
  });
  it('the SDK side\'s limits hold for the admin (32-byte key, 4,000-byte value, 16 keys), and an unknown group is 10010', async () => {
    const { sim, admin } = setup(['A']);
    const groupID = await publicGroup(sim, 'A', []);
    await refusedUnchanged(sim, () => admin.modifyGroupAttr({ groupID, groupAttributes: { ['k'.repeat(33)]: 'v' } }), 10045);
    await refusedUnchanged(sim, () => admin.setGroupAttr({ groupID, groupAttributes: { k: 'v'.repeat(4001) } }), 10046);
    const seventeen = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    await refusedUnchanged(sim, () => admin.setGroupAttr({ groupID, groupAttributes: seventeen }), 10047);
    await refusedUnchanged(sim, () => admin.modifyGroupAttr({ groupID, groupAttributes: {} }), 10004);
    await refusedUnchanged(sim, () => admin.modifyGroupAttr({ groupID: '@TGS#nope', groupAttributes: { a: '1' } }), 10010);
    // clear_group_attr's page lists Community as "No" (A69); set_group_attr's lists it as "Yes"
    const community = (await admin.createGroup({ type: 'Community', name: 'c', ownerAccount: 'A' })).data.groupID;
    await admin.setGroupAttr({ groupID: community, groupAttributes: { a: '1' } });
    await refusedUnchanged(sim, () => admin.clearGroupAttr({ groupID: community }), 10007);
  });
  it('the admin writes an AVChatRoom\'s attributes without being in it; the viewers inside are told', async () => {
    const { sim, c, admin } = setup(['O', 'V']);
    const groupID = await room(sim, c, 'O', ['V']);
    sim.clearEvents();
    await admin.modifyGroupAttr({ groupID, groupAttributes: { stage: 'on' } });
    expect(eventsNamed(sim, 'V', EVENT.GROUP_ATTRIBUTES_UPDATED)).toHaveLength(1);
  });
});

describe('group counters written by the app admin', () => {
  it('update_group_counter sets, increases and decreases; members get GROUP_COUNTER_UPDATED per changed key', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const groupID = await publicGroup(sim, 'A', ['B']);
    expect((await admin.updateGroupCounter({ groupID, counters: { like: 5, unlike: 1 }, mode: 'Set' })).data.counters).toEqual({ like: 5, unlike: 1 });
    expect(eventsNamed(sim, 'B', EVENT.GROUP_COUNTER_UPDATED)).toEqual([{ groupID, key: 'like', value: 5 }, { groupID, key: 'unlike', value: 1 }]);
    sim.clearEvents();
    expect((await admin.updateGroupCounter({ groupID, counters: { like: 3, fresh: 2 }, mode: 'Increase' })).data.counters).toEqual({ like: 8, fresh: 2 });
    expect((await admin.updateGroupCounter({ groupID, counters: { unlike: 4 }, mode: 'Decrease' })).data.counters).toEqual({ unlike: -3 });
    expect(eventsNamed(sim, 'A', EVENT.GROUP_COUNTER_UPDATED)).toEqual([{ groupID, key: 'like', value: 8 }, { groupID, key: 'fresh', value: 2 }, { groupID, key: 'unlike', value: -3 }]);
    // without a mode, Set
    await admin.updateGroupCounter({ groupID, counters: { like: 1 } });
    expect((await c.B!.getGroupCounters({ groupID })).data.counters).toEqual({ like: 1, unlike: -3, fresh: 2 });
  });
  it('bad input changes nothing: an unknown mode, no counters, a 21st counter, a community', async () => {
    const { sim, admin } = setup(['A']);
    const groupID = await publicGroup(sim, 'A', []);
    await refusedUnchanged(sim, () => admin.updateGroupCounter({ groupID, counters: { a: 1 }, mode: 'Multiply' as never }), 10004);
    await refusedUnchanged(sim, () => admin.updateGroupCounter({ groupID, counters: {} }), 10004);
    await refusedUnchanged(sim, () => admin.updateGroupCounter({ groupID, counters: { a: 1.5 } }), 10004);
    const twentyOne = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]));
    await refusedUnchanged(sim, () => admin.updateGroupCounter({ groupID, counters: twentyOne }), 10063);
    const community = (await admin.createGroup({ type: 'Community', name: 'c', ownerAccount: 'A' })).data.groupID;
    await refusedUnchanged(sim, () => admin.updateGroupCounter({ groupID: community, counters: { a: 1 } }), 10007);
    await refusedUnchanged(sim, () => admin.getGroupCounter({ groupID: community }), 10007);
  });
  it('delete_group_counter removes the keys named, or all; members read them gone (the Web SDK has no deletion event)', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const groupID = await publicGroup(sim, 'A', ['B']);
    await admin.updateGroupCounter({ groupID, counters: { a: 1, b: 2, c: 3 } });
    sim.clearEvents();
    expect((await admin.deleteGroupCounter({ groupID, keyList: ['a', 'missing'] })).data.keyList).toEqual(['a']);
    expect(sim.events).toEqual([]);
    expect((await c.B!.getGroupCounters({ groupID })).data.counters).toEqual({ b: 2, c: 3 });
    await admin.deleteGroupCounter({ groupID });
    expect((await admin.getGroupCounter({ groupID })).data.counters).toEqual({});
    // a deleted counter counts from 0 again
    expect((await c.B!.increaseGroupCounter({ groupID, key: 'b', value: 1 })).data.counters).toEqual({ b: 1 });
  });
});

describe('AVChatRoom bans by the app admin', () => {
  it('a banned viewer leaves the room, gets notice 4 with the description, and cannot re-enter until the ban ends', async () => {
    const { sim, clock, c, admin } = setup(['O', 'V', 'W']);
    const groupID = await room(sim, c, 'O', ['V', 'W']);
    sim.clearEvents();
    await admin.banGroupMember({ groupID, userIDList: ['V'], duration: 60, description: 'spam' });
    expect(sim.state.groups.get(groupID)!.members.has('V')).toBe(false);
    expect(received(sim, 'V')).toContain('notice:4');
    expect(received(sim, 'W')).toContain('tip:10');
    const banned = (await admin.getGroupBanMember({ groupID })).data;
    expect(banned).toEqual({ bannedList: [{ userID: 'V', bannedUntil: Math.floor(clock.now() / 1000) + 60 }], nextOffset: 0 });
    await refusal(c.V!.joinGroup({ groupID }), 10007);
    clock.advance(59_000);
    await refusal(c.V!.joinGroup({ groupID }), 10007);
    clock.advance(1_000);
    expect((await c.V!.joinGroup({ groupID })).data.status).toBe('JoinedSuccess');
    expect((await admin.getGroupBanMember({ groupID })).data.bannedList).toEqual([]);
  });
  it('unban_group_member lets a banned user straight back in and tells the room with tip 11', async () => {
    const { sim, c, admin } = setup(['O', 'V', 'W']);
    const groupID = await room(sim, c, 'O', ['V', 'W']);
    await admin.banGroupMember({ groupID, userIDList: ['V'], duration: 3600 });
    await refusal(c.V!.joinGroup({ groupID }), 10007);
    sim.clearEvents();
    expect((await admin.unbanGroupMember({ groupID, userIDList: ['V', 'W'] })).data.userIDList).toEqual(['V']);
    expect(received(sim, 'W')).toEqual(['tip:11']);
    expect((await c.V!.joinGroup({ groupID })).data.status).toBe('JoinedSuccess');
  });
  it('a user outside the room can be banned before entering; an owner\'s ban from deleteGroupMember is the same ban', async () => {
    const { sim, c, admin } = setup(['O', 'V', 'X']);
    const groupID = await room(sim, c, 'O', ['V']);
    await admin.banGroupMember({ groupID, userIDList: ['X'], duration: 30 });
    await refusal(c.X!.joinGroup({ groupID }), 10007);
    await c.O!.deleteGroupMember({ groupID, userIDList: ['V'], duration: 30 });
    expect((await admin.getGroupBanMember({ groupID })).data.bannedList.map((b) => b.userID)).toEqual(['X', 'V']);
    await admin.unbanGroupMember({ groupID, userIDList: ['V'] });
    expect((await c.V!.joinGroup({ groupID })).data.status).toBe('JoinedSuccess');
  });
  it('bad input is refused with its code and changes nothing', async () => {
    const { sim, c, admin } = setup(['O', 'V']);
    const groupID = await room(sim, c, 'O', ['V']);
    const pub = await publicGroup(sim, 'O', ['V']);
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID: pub, userIDList: ['V'], duration: 60 }), 10007);
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID, userIDList: ['V'], duration: 0 }), 10004);
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID, userIDList: ['V'], duration: 4294967296 }), 10004);
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID, userIDList: ['V'], duration: 60, description: 'x'.repeat(1001) }), 10004);
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID, userIDList: ['O'], duration: 60 }), 10007);
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID, userIDList: ['V', 'ghost'], duration: 60 }), 10019);
    const many = Array.from({ length: 21 }, (_, i) => `u${i}`);
    for (const userID of many) await admin.importAccount({ userID });
    await refusedUnchanged(sim, () => admin.banGroupMember({ groupID, userIDList: many, duration: 60 }), 10005);
    await refusedUnchanged(sim, () => admin.unbanGroupMember({ groupID, userIDList: many }), 10005);
    await refusedUnchanged(sim, () => admin.unbanGroupMember({ groupID: pub, userIDList: ['V'] }), 10007);
    await refusedUnchanged(sim, () => admin.getGroupBanMember({ groupID, limit: 101 }), 10004);
  });
  it('get_group_ban_member pages by limit and offset; nextOffset is 0 on the last page', async () => {
    const { sim, c, admin } = setup(['O']);
    const groupID = await room(sim, c, 'O', []);
    const ids = ['b1', 'b2', 'b3'];
    for (const userID of ids) await admin.importAccount({ userID });
    await admin.banGroupMember({ groupID, userIDList: ids, duration: 10 });
    const first = (await admin.getGroupBanMember({ groupID, limit: 2, offset: 0 })).data;
    expect([first.bannedList.map((b) => b.userID), first.nextOffset]).toEqual([['b1', 'b2'], 2]);
    const last = (await admin.getGroupBanMember({ groupID, limit: 2, offset: 2 })).data;
    expect([last.bannedList.map((b) => b.userID), last.nextOffset]).toEqual([['b3'], 0]);
  });
});
