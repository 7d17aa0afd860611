/**
 * The app admin's REST powers through `sim.admin`: create_group, destroy_group, change_group_owner,
 * add/delete_group_member, modify_group_base_info, modify_group_member_info, forbid_send_msg,
 * import_account, send_group_system_notification, get_role_in_group, get_joined_group_list.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_START, type Chat, type GroupType, type Simulator, type SimulatorOptions } from '../../simulator';
import { ADMIN_COMMANDS } from '../../simulator/core';
import { imported, received, refusal, refusedUnchanged, snapshot, world } from '../helpers';

// ---- local helpers ----

function setup<T extends string>(names: T[], options?: SimulatorOptions) {
  const w = world(names, options);
  return { sim: w.sim, c: w.chats as Record<T, Chat>, admin: w.sim.admin };
}

async function memberIDs(chat: Chat, groupID: string): Promise<string[]> {
  const r = await chat.getGroupMemberList({ groupID, count: 100 });
  return r.data.memberList.map((m: { userID: string }) => m.userID);
}

async function member(chat: Chat, groupID: string, userID: string) {
  return (await chat.getGroupMemberProfile({ groupID, userIDList: [userID] })).data.memberList[0]!;
}

function noticePayloads(sim: Simulator, userID: string): Array<{ operationType: number; operatorID: string; userDefinedField: string; groupProfile: { groupID: string } }> {
  return sim
    .eventsFor(userID)
    .filter((e) => e.name === 'onMessageReceived')
    .flatMap((e) => e.data as Array<{ type: string; payload: never }>)
    .filter((m) => m.type === 'TIMGroupSystemNoticeElem')
    .map((m) => m.payload);
}

// ---- create_group ----

describe('admin.createGroup', () => {
  it('without ownerAccount creates an ownerless group; members join as members and get notice 7', async () => {
    const { sim, c, admin } = setup(['B', 'C']);
    sim.clearEvents();
    const r = await admin.createGroup({ type: 'Public', name: 'ownerless', memberList: [{ userID: 'B' }, { userID: 'C', role: 'Admin' }] });
    expect(r.code).toBe(0);
    expect(r.data.type).toBe('Public');
    const g = r.data.groupID;
    expect(g.startsWith('@TGS#')).toBe(true);
    const info = await admin.getGroupInfo(g);
    expect(info.data).toMatchObject({ groupID: g, ownerID: '', memberNum: 2, joinOption: 'NeedPermission' });
    const profile = await c.B.getGroupProfile({ groupID: g });
    expect(profile.data.group.ownerID).toBe('');
    expect((await c.B.getGroupMemberList({ groupID: g })).data.memberList.map((m) => [m.userID, m.role])).toEqual([
      ['B', 'Member'],
      ['C', 'Admin'],
    ]);
    for (const u of ['B', 'C']) expect(received(sim, u)).toEqual(['notice:7', 'onGroupListUpdated']);
    expect((await admin.getRoleInGroup({ groupID: g, userIDList: ['B', 'C'] })).data.userIdList).toEqual([
      { userID: 'B', role: 'Member' },
      { userID: 'C', role: 'Admin' },
    ]);
  });

  it('with ownerAccount makes that user the owner (notice 6) and accepts the REST names Work and Meeting', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    sim.clearEvents();
    const work = await admin.createGroup({ type: 'Work', name: 'w', ownerAccount: 'A', memberList: [{ userID: 'B' }] });
    expect(work.data.type).toBe('Private');
    expect(received(sim, 'A')).toEqual(['notice:6', 'onGroupListUpdated']);
    expect(received(sim, 'B')).toEqual(['notice:7', 'onGroupListUpdated']);
    const profile = await c.B.getGroupProfile({ groupID: work.data.groupID });
    expect(profile.data.group).toMatchObject({ ownerID: 'A', type: 'Private', memberCount: 2 });
    const meeting = await admin.createGroup({ type: 'Meeting', name: 'm', ownerAccount: 'A' });
    expect(meeting.data.type).toBe('ChatRoom');
  });

  it('takes up to 100 members; 101 is refused with 10005', async () => {
    const { sim, admin } = setup(['A']);
    const ids = await imported(sim, 'u', 101);
    await refusedUnchanged(sim, () => admin.createGroup({ type: 'Community', name: 'big', memberList: ids.map((userID) => ({ userID })) }), 10005);
    const r = await admin.createGroup({ type: 'Community', name: 'big', ownerAccount: 'A', memberList: ids.slice(0, 100).map((userID) => ({ userID })) });
    expect(r.code).toBe(0);
    expect((await admin.getGroupInfo(r.data.groupID)).data.memberNum).toBe(101);
  });

  it('refuses an AVChatRoom with members (10007) but creates an empty one', async () => {
    const { sim, admin } = setup(['A', 'B']);
    await refusedUnchanged(sim, () => admin.createGroup({ type: 'AVChatRoom', name: 'live', ownerAccount: 'A', memberList: [{ userID: 'B' }] }), 10007);
    const r = await admin.createGroup({ type: 'AVChatRoom', name: 'live', ownerAccount: 'A' });
    expect(r.data.type).toBe('AVChatRoom');
    expect((await admin.getGroupInfo(r.data.groupID)).data).toMatchObject({ ownerID: 'A', memberNum: 1 });
  });

  it('10019 for a member account that does not exist', async () => {
    const { sim, admin } = setup(['A']);
    await refusedUnchanged(sim, () => admin.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'ghost' }] }), 10019);
  });
});

// ---- destroy_group ----

describe('admin.destroyGroup', () => {
  it('dismisses a Work group, which no SDK user can; every member gets notice 5', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const g = (await c.A.createGroup({ type: 'Private', name: 'w', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    await refusal(c.A.dismissGroup(g), 10007);
    sim.clearEvents();
    const r = await admin.destroyGroup(g);
    expect(r).toEqual({ code: 0, data: { groupID: g } });
    for (const u of ['A', 'B']) {
      expect(received(sim, u)).toEqual(['notice:5', 'onGroupListUpdated']);
      expect(noticePayloads(sim, u)[0]).toMatchObject({ operationType: 5, operatorID: 'administrator', groupProfile: { groupID: g } });
      expect((await c[u as 'A' | 'B'].getGroupList()).data.groupList).toEqual([]);
    }
    await refusal(c.A.getGroupProfile({ groupID: g }), 10010);
    await refusal(admin.getGroupInfo(g), 10010);
  });

  it('10010 for an unknown group', async () => {
    const { sim, admin } = setup([]);
    await refusedUnchanged(sim, () => admin.destroyGroup('no-such-group'), 10010);
  });

  it('the reads refuse an unknown group as every other command does (their refusal is returned, not thrown, in the core)', async () => {
    const { sim, admin } = setup([]);
    const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: { code: number; message: string; data: unknown }) => ({ code: e.code, message: e.message, data: e.data }));
    const thrown = await rejection(admin.destroyGroup('no-such-group'));
    expect(thrown).toEqual({ code: 10010, message: expect.stringContaining('(groupID: no-such-group)'), data: { field: 'groupID' } });
    for (const read of [() => admin.getGroupInfo('no-such-group'), () => admin.getGroupMemberInfo({ groupID: 'no-such-group' })]) {
      expect(await rejection(read())).toEqual(thrown);
      await refusedUnchanged(sim, read, 10010);
    }
  });
});

// ---- change_group_owner ----

describe('admin.changeGroupOwner', () => {
  it('gives an ownerless group an owner', async () => {
    const { sim, c, admin } = setup(['B', 'C']);
    const g = (await admin.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }, { userID: 'C' }] })).data.groupID;
    sim.clearEvents();
    const r = await admin.changeGroupOwner({ groupID: g, newOwnerID: 'B' });
    expect(r.code).toBe(0);
    expect(r.data).toEqual({ groupID: g, ownerID: 'B' });
    expect((await c.C.getGroupProfile({ groupID: g })).data.group.ownerID).toBe('B');
    expect((await member(c.C, g, 'B')).role).toBe('Owner');
    for (const u of ['B', 'C']) expect(received(sim, u)).toEqual(['tip:6', 'onGroupListUpdated']);
  });

  it('transfers an owned group: the old owner becomes a member', async () => {
    const { c, admin } = setup(['A', 'B']);
    const g = (await c.A.createGroup({ type: 'Community', name: 'c', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    await admin.changeGroupOwner({ groupID: g, newOwnerID: 'B' });
    expect((await admin.getRoleInGroup({ groupID: g, userIDList: ['A', 'B'] })).data.userIdList).toEqual([
      { userID: 'A', role: 'Member' },
      { userID: 'B', role: 'Owner' },
    ]);
  });

  it('10007 for an AVChatRoom; 10004 when the new owner is not a member', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'X']);
    const av = (await c.A.createGroup({ type: 'AVChatRoom', name: 'live' })).data.group.groupID as string;
    await c.B.joinGroup({ groupID: av });
    await refusedUnchanged(sim, () => admin.changeGroupOwner({ groupID: av, newOwnerID: 'B' }), 10007);
    const g = (await admin.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }] })).data.groupID;
    await refusedUnchanged(sim, () => admin.changeGroupOwner({ groupID: g, newOwnerID: 'X' }), 10004);
  });
});

// ---- add_group_member ----

describe('admin.addGroupMember', () => {
  it('reports result 1 for added and 2 for existing members; adds into Public groups closed to SDK invites', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'C']);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.addGroupMember({ groupID: g, userIDList: ['B', 'C'] });
    expect(r.code).toBe(0);
    expect(r.data.memberList).toEqual([
      { userID: 'B', result: 2 },
      { userID: 'C', result: 1 },
    ]);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B', 'C']);
    expect(received(sim, 'C')).toEqual(['notice:7', 'tip:1', 'onGroupListUpdated']);
    expect(received(sim, 'A')).toEqual(['tip:1']);
  });

  it('10019 for an unknown account; importAccount makes a user exist without logging in', async () => {
    const { sim, c, admin } = setup(['A']);
    const g = (await c.A.createGroup({ type: 'Private', name: 'w' })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.addGroupMember({ groupID: g, userIDList: ['E'] }), 10019);
    const imp = await admin.importAccount({ userID: 'E', nick: 'Eve' });
    expect(imp).toEqual({ code: 0, data: { userID: 'E' } });
    const r = await admin.addGroupMember({ groupID: g, userIDList: ['E'] });
    expect(r.data.memberList).toEqual([{ userID: 'E', result: 1 }]);
    expect(await member(c.A, g, 'E')).toMatchObject({ userID: 'E', nick: 'Eve', role: 'Member' });
    expect((await c.A.getGroupOnlineMemberCount(g)).data.memberCount).toBe(1);
  });

  it('takes up to 300 users per call; 301 is refused with 10005', async () => {
    const { sim, c, admin } = setup(['A']);
    const g = (await c.A.createGroup({ type: 'Community', name: 'c' })).data.group.groupID as string;
    const ids = await imported(sim, 'u', 301);
    await refusedUnchanged(sim, () => admin.addGroupMember({ groupID: g, userIDList: ids }), 10005);
    const r = await admin.addGroupMember({ groupID: g, userIDList: ids.slice(0, 300) });
    expect(r.data.memberList.every((m: { result: number }) => m.result === 1)).toBe(true);
    expect((await admin.getGroupInfo(g)).data.memberNum).toBe(301);
  });

  it('silence: true adds without delivering anything', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const g = (await c.A.createGroup({ type: 'Private', name: 'w' })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.addGroupMember({ groupID: g, userIDList: ['B'], silence: true });
    expect(r.data.memberList).toEqual([{ userID: 'B', result: 1 }]);
    expect(sim.events).toEqual([]);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B']);
  });

  it('10007 for an AVChatRoom; 10014 beyond the cap', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'C'], { limits: { memberCap: { Private: 2 } } });
    const av = (await c.A.createGroup({ type: 'AVChatRoom', name: 'live' })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.addGroupMember({ groupID: av, userIDList: ['B'] }), 10007);
    const g = (await c.A.createGroup({ type: 'Private', name: 'w' })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.addGroupMember({ groupID: g, userIDList: ['B', 'C'] }), 10014);
  });
});

// ---- delete_group_member ----

describe('admin.deleteGroupMember', () => {
  it('removes members (notice 4, tip 3) and succeeds for users who are not members', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'C']);
    const g = (await c.A.createGroup({ type: 'Private', name: 'w', memberList: [{ userID: 'B' }, { userID: 'C' }] })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.deleteGroupMember({ groupID: g, userIDList: ['B', 'nobody'], reason: 'cleanup' });
    expect(r).toEqual({ code: 0, data: { groupID: g } });
    expect(await memberIDs(c.A, g)).toEqual(['A', 'C']);
    expect(received(sim, 'B')).toEqual(['notice:4', 'onGroupListUpdated']);
    expect(received(sim, 'C')).toEqual(['tip:3']);

    const before = snapshot(sim);
    sim.clearEvents();
    const none = await admin.deleteGroupMember({ groupID: g, userIDList: ['B'] });
    expect(none.code).toBe(0);
    expect(snapshot(sim)).toEqual(before);
    expect(sim.events).toEqual([]);
  });

  it('takes up to 100 users per call; 101 is refused with 10005', async () => {
    const { sim, c, admin } = setup(['A']);
    const ids = await imported(sim, 'u', 101);
    const g = (await c.A.createGroup({ type: 'Community', name: 'c', memberList: ids.map((userID) => ({ userID })) })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.deleteGroupMember({ groupID: g, userIDList: ids }), 10005);
    await admin.deleteGroupMember({ groupID: g, userIDList: ids.slice(0, 100) });
    expect(await memberIDs(c.A, g)).toEqual(['A', ids[100]]);
  });

  it('10004 for an AVChatRoom; 10007 for the owner', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const av = (await c.A.createGroup({ type: 'AVChatRoom', name: 'live' })).data.group.groupID as string;
    await c.B.joinGroup({ groupID: av });
    await refusedUnchanged(sim, () => admin.deleteGroupMember({ groupID: av, userIDList: ['B'] }), 10004);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.deleteGroupMember({ groupID: g, userIDList: ['B', 'A'] }), 10007);
  });
});

// ---- modify_group_base_info ----

describe('admin.modifyGroupBaseInfo', () => {
  it('changes the profile of any group, tip 6 and a list update to members', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const g = (await c.A.createGroup({ type: 'ChatRoom', name: 'before', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.modifyGroupBaseInfo({ groupID: g, name: 'after', notification: 'hello', muteAllMembers: true });
    expect(r).toEqual({ code: 0, data: { groupID: g } });
    const profile = (await c.B.getGroupProfile({ groupID: g })).data.group;
    expect(profile).toMatchObject({ name: 'after', notification: 'hello', muteAllMembers: true, infoSequence: 2 });
    for (const u of ['A', 'B']) expect(received(sim, u)).toEqual(['tip:6', 'onGroupListUpdated']);
    const tip = sim.eventsFor('B')[0]!.data as Array<{ payload: { operatorID: string; newGroupProfile: unknown } }>;
    expect(tip[0]!.payload).toMatchObject({ operatorID: 'administrator', newGroupProfile: { name: 'after', notification: 'hello', muteAllMembers: true } });
  });

  it('10004 for a name over 30 bytes', async () => {
    const { sim, c, admin } = setup(['A']);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p' })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.modifyGroupBaseInfo({ groupID: g, name: '群'.repeat(11) }), 10004);
  });
});

// ---- modify_group_member_info ----

describe('admin.modifyGroupMemberInfo', () => {
  it('sets role, name card, custom field and mute of a member', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.modifyGroupMemberInfo({ groupID: g, userID: 'B', role: 'Admin', nameCard: 'Bee', memberCustomField: [{ key: 'k', value: 'v' }], muteTime: 60 });
    expect(r.code).toBe(0);
    const expected = { userID: 'B', role: 'Admin', nameCard: 'Bee', memberCustomField: [{ key: 'k', value: 'v' }], muteUntil: Math.floor(DEFAULT_START / 1000) + 60 };
    expect(r.data.member).toMatchObject(expected);
    expect(await member(c.A, g, 'B')).toMatchObject(expected);
    expect(received(sim, 'B')).toEqual(expect.arrayContaining(['tip:4', 'notice:9', 'onGroupListUpdated', 'tip:7']));
  });

  it('cannot change the owner\'s role (10007) and cannot mute in a Work group (10007)', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.modifyGroupMemberInfo({ groupID: g, userID: 'A', role: 'Member' }), 10007);
    const w = (await c.A.createGroup({ type: 'Private', name: 'w', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.modifyGroupMemberInfo({ groupID: w, userID: 'B', muteTime: 60 }), 10007);
    // a refused part refuses the whole call: the name card is not set either
    await refusedUnchanged(sim, () => admin.modifyGroupMemberInfo({ groupID: w, userID: 'B', nameCard: 'x', muteTime: 60 }), 10007);
    await refusedUnchanged(sim, () => admin.modifyGroupMemberInfo({ groupID: g, userID: 'nobody', nameCard: 'x' }), 10004);
  });
});

// ---- forbid_send_msg ----

describe('admin.forbidSendMsg', () => {
  it('mutes members in a batch, skips non-members, and 0 unmutes', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'C']);
    const g = (await c.A.createGroup({ type: 'Community', name: 'c', memberList: [{ userID: 'B' }, { userID: 'C' }] })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.forbidSendMsg({ groupID: g, userIDList: ['B', 'C', 'nobody'], muteTime: 120 });
    expect(r.code).toBe(0);
    expect(r.data.userIDList).toEqual(['B', 'C']);
    const until = Math.floor(DEFAULT_START / 1000) + 120;
    for (const u of ['B', 'C']) expect((await member(c.A, g, u)).muteUntil).toBe(until);
    expect(received(sim, 'A')).toEqual(['tip:7', 'tip:7']);
    await admin.forbidSendMsg({ groupID: g, userIDList: ['B'], muteTime: 0 });
    expect((await member(c.A, g, 'B')).muteUntil).toBe(0);
    expect((await member(c.A, g, 'C')).muteUntil).toBe(until);
  });

  it('10007 in a Work group', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const w = (await c.A.createGroup({ type: 'Private', name: 'w', memberList: [{ userID: 'B' }] })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.forbidSendMsg({ groupID: w, userIDList: ['B'], muteTime: 60 }), 10007);
  });
});

// ---- send_group_system_notification ----

describe('admin.sendGroupSystemNotification', () => {
  it('delivers notice 255 with userDefinedField to every member by default, or to the named members', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'C', 'X']);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B' }, { userID: 'C' }] })).data.group.groupID as string;
    sim.clearEvents();
    const r = await admin.sendGroupSystemNotification({ groupID: g, content: 'maintenance at noon' });
    expect(r).toEqual({ code: 0, data: { groupID: g } });
    for (const u of ['A', 'B', 'C']) {
      expect(received(sim, u)).toEqual(['notice:255']);
      expect(noticePayloads(sim, u)[0]).toMatchObject({ operationType: 255, userDefinedField: 'maintenance at noon', groupProfile: { groupID: g } });
    }
    expect(received(sim, 'X')).toEqual([]);
    sim.clearEvents();
    await admin.sendGroupSystemNotification({ groupID: g, content: 'just you', toMembers: ['B', 'X'] });
    expect(received(sim, 'B')).toEqual(['notice:255']);
    for (const u of ['A', 'C', 'X']) expect(received(sim, u)).toEqual([]);
  });
});

// ---- get_role_in_group / get_joined_group_list ----

describe('admin.getRoleInGroup and getJoinedGroupList', () => {
  it('reports Owner, Admin, Member and NotMember; 10007 in an AVChatRoom', async () => {
    const { sim, c, admin } = setup(['A', 'B', 'C']);
    const g = (await c.A.createGroup({ type: 'Public', name: 'p', memberList: [{ userID: 'B', role: 'Admin' }] })).data.group.groupID as string;
    const r = await admin.getRoleInGroup({ groupID: g, userIDList: ['A', 'B', 'C', 'ghost'] });
    expect(r.code).toBe(0);
    expect(r.data.userIdList).toEqual([
      { userID: 'A', role: 'Owner' },
      { userID: 'B', role: 'Admin' },
      { userID: 'C', role: 'NotMember' },
      { userID: 'ghost', role: 'NotMember' },
    ]);
    const av = (await c.A.createGroup({ type: 'AVChatRoom', name: 'live' })).data.group.groupID as string;
    await refusedUnchanged(sim, () => admin.getRoleInGroup({ groupID: av, userIDList: ['A'] }), 10007);
  });

  it('lists a user\'s groups; AVChatRooms only withHugeGroups', async () => {
    const { sim, c, admin } = setup(['A', 'B']);
    const types: GroupType[] = ['Private', 'Public', 'Community'];
    const ids: string[] = [];
    for (const type of types) ids.push((await c.A.createGroup({ type, name: type, memberList: [{ userID: 'B' }] })).data.group.groupID as string);
    const av = (await c.A.createGroup({ type: 'AVChatRoom', name: 'live' })).data.group.groupID as string;
    await c.B.joinGroup({ groupID: av });
    const r = await admin.getJoinedGroupList({ userID: 'B' });
    expect(r.code).toBe(0);
    expect(r.data).toEqual({ groupIdList: ids.map((groupID, i) => ({ groupID, type: types[i] })), totalCount: 3 });
    const all = await admin.getJoinedGroupList({ userID: 'B', withHugeGroups: true });
    expect(all.data.totalCount).toBe(4);
    expect(all.data.groupIdList).toContainEqual({ groupID: av, type: 'AVChatRoom' });
    await admin.importAccount({ userID: 'lonely' });
    expect((await admin.getJoinedGroupList({ userID: 'lonely' })).data).toEqual({ groupIdList: [], totalCount: 0 });
    await refusedUnchanged(sim, () => admin.getJoinedGroupList({ userID: 'ghost' }), 10019);
  });
});

describe('admin.invoke (what adapters and the wire call)', () => {
  it('runs every REST power through the typed method an app calls', async () => {
    const { sim, admin } = setup(['alice']);
    for (const name of Object.keys(ADMIN_COMMANDS)) expect(typeof (admin as unknown as Record<string, unknown>)[name], name).toBe('function');
    const seen: string[] = [];
    for (const name of ['createGroup', 'getGroupInfo', 'destroyGroup'] as const) {
      const typed = admin[name].bind(admin) as (a: unknown) => Promise<unknown>;
      (admin as unknown as Record<string, unknown>)[name] = (a: unknown) => (seen.push(`${name}(${JSON.stringify(a)})`), typed(a));
    }
    await admin.invoke('createGroup', { type: 'Public', name: 'g', groupID: 'g1', ownerAccount: 'alice' });
    const info = await admin.invoke('getGroupInfo', { groupID: 'g1' });
    expect((info.data as { groupID: string }).groupID).toBe('g1');
    await admin.invoke('destroyGroup', { groupID: 'g1' });
    expect(seen).toEqual(['createGroup({"type":"Public","name":"g","groupID":"g1","ownerAccount":"alice"})', 'getGroupInfo("g1")', 'destroyGroup("g1")']);
    expect(sim.state.groups.has('g1')).toBe(false);
  });

  it('validates a group-ID argument with more than the group ID instead of reshaping it', async () => {
    const { admin } = setup(['alice']);
    await admin.createGroup({ type: 'Public', name: 'g', groupID: 'g1', ownerAccount: 'alice' });
    await refusal(admin.invoke('destroyGroup', { groupID: 'g1', extra: 1 }), 10004);
    await refusal(admin.invoke('getGroupInfo', { groupID: 5 }), 10004);
    expect((await admin.getGroupInfo('g1')).code).toBe(0);
  });
});
