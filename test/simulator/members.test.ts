/**
 * Member commands of the Web SDK: addGroupMember, deleteGroupMember, setGroupMemberRole,
 * setGroupMemberMuteTime, setGroupMemberNameCard, setGroupMemberCustomField, getGroupMemberList,
 * getGroupMemberProfile, getGroupOnlineMemberCount.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_START, type Chat, type GroupType, type Simulator, type SimulatorOptions, type VirtualClock } from '../../simulator';
import { imported, received, refusedUnchanged, snapshot, world } from '../helpers';

// ---- local helpers ----

function setup<T extends string>(names: T[], options?: SimulatorOptions) {
  const w = world(names, options);
  return { sim: w.sim, c: w.chats as Record<T, Chat>, clock: w.sim.clock as VirtualClock };
}

async function createGroup(owner: Chat, type: GroupType, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await owner.createGroup({ type, name: `${type} group`, ...extra });
  return r.data.group.groupID as string;
}

/** Every member's userID, in list order, read through getGroupMemberList. */
async function memberIDs(chat: Chat, groupID: string): Promise<string[]> {
  const ids: string[] = [];
  let offset: number | string = 0;
  for (;;) {
    const r = await chat.getGroupMemberList({ groupID, count: 100, offset });
    ids.push(...r.data.memberList.map((m: { userID: string }) => m.userID));
    offset = r.data.offset;
    if (offset === 0 || offset === '') return ids;
  }
}

async function member(chat: Chat, groupID: string, userID: string) {
  const r = await chat.getGroupMemberProfile({ groupID, userIDList: [userID] });
  return r.data.memberList[0]!;
}

const MANAGED: GroupType[] = ['Public', 'ChatRoom', 'Community'];

// ---- addGroupMember ----

describe('addGroupMember', () => {
  it('Work: any member adds; success shape with group; invitees get notice 7 and a list update, members tip 1', async () => {
    const { sim, c } = setup(['A', 'B', 'C', 'D']);
    const g = await createGroup(c.A, 'Private', { memberList: [{ userID: 'B' }] });
    sim.clearEvents();
    const r = await c.B.addGroupMember({ groupID: g, userIDList: ['C', 'A', 'D'] });
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({ successUserIDList: ['C', 'D'], failureUserIDList: [], existedUserIDList: ['A'], overLimitUserIDList: [] });
    expect(r.data.group!.groupID).toBe(g);
    expect(r.data.group!.memberCount).toBe(4);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B', 'C', 'D']);
    for (const u of ['C', 'D']) expect(received(sim, u)).toEqual(['notice:7', 'tip:1', 'onGroupListUpdated']);
    for (const u of ['A', 'B']) expect(received(sim, u)).toEqual(['tip:1']);
    const notice = sim.eventsFor('C').find((e) => e.name === 'onMessageReceived')!.data as Array<{ payload: { operatorID: string; groupProfile: { groupID: string } } }>;
    expect(notice[0]!.payload).toMatchObject({ operatorID: 'B', groupProfile: { groupID: g } });
    const list = await c.C.getGroupList();
    expect(list.data.groupList.map((x: { groupID: string }) => x.groupID)).toEqual([g]);
  });

  it('gives no group when nobody was added (existing members only)', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Private', { memberList: [{ userID: 'B' }] });
    const before = snapshot(sim);
    sim.clearEvents();
    const r = await c.B.addGroupMember({ groupID: g, userIDList: ['A', 'B'] });
    expect(r.code).toBe(0);
    expect(r.data).toEqual({ successUserIDList: [], failureUserIDList: [], existedUserIDList: ['A', 'B'], overLimitUserIDList: [] });
    expect(snapshot(sim)).toEqual(before);
    expect(sim.events).toEqual([]);
  });

  it('AVChatRoom: 2661, even for the owner', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await refusedUnchanged(sim, () => c.A.addGroupMember({ groupID: g, userIDList: ['B'] }), 2661);
  });

  it.each(['Public', 'ChatRoom'] as GroupType[])('%s: default inviteOption DisableInvite refuses owner, admin and member with 10007', async (type) => {
    const { sim, c } = setup(['A', 'B', 'C', 'D']);
    const g = await createGroup(c.A, type, { memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'C' }] });
    const profile = await c.A.getGroupProfile({ groupID: g });
    expect(profile.data.group.inviteOption).toBe('DisableInvite');
    for (const who of [c.A, c.B, c.C]) await refusedUnchanged(sim, () => who.addGroupMember({ groupID: g, userIDList: ['D'] }), 10007);
  });

  it.each(['Public', 'ChatRoom'] as GroupType[])('%s with inviteOption FreeAccess: an ordinary member adds directly', async (type) => {
    const { sim, c } = setup(['A', 'C', 'D']);
    const g = await createGroup(c.A, type, { inviteOption: 'FreeAccess', memberList: [{ userID: 'C' }] });
    sim.clearEvents();
    const r = await c.C.addGroupMember({ groupID: g, userIDList: ['D'] });
    expect(r.code).toBe(0);
    expect(r.data.successUserIDList).toEqual(['D']);
    expect(r.data.group!.groupID).toBe(g);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'C', 'D']);
    expect(received(sim, 'D')).toEqual(['notice:7', 'tip:1', 'onGroupListUpdated']);
  });

  it('Public with inviteOption NeedPermission: owner and admin add directly', async () => {
    const { sim, c } = setup(['A', 'B', 'D', 'E']);
    const g = await createGroup(c.A, 'Public', { inviteOption: 'NeedPermission', memberList: [{ userID: 'B', role: 'Admin' }] });
    sim.clearEvents();
    const r1 = await c.A.addGroupMember({ groupID: g, userIDList: ['D'] });
    const r2 = await c.B.addGroupMember({ groupID: g, userIDList: ['E'] });
    expect(r1.data.successUserIDList).toEqual(['D']);
    expect(r2.data.successUserIDList).toEqual(['E']);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B', 'D', 'E']);
    expect(received(sim, 'E')).toEqual(['notice:7', 'tip:1', 'onGroupListUpdated']);
    expect((await c.A.getGroupApplicationList()).data.applicationList).toEqual([]);
  });

  it('Public with inviteOption NeedPermission: a member\'s invitee becomes a pending type-2 application, not a member', async () => {
    const { sim, c } = setup(['A', 'C', 'D']);
    const g = await createGroup(c.A, 'Public', { inviteOption: 'NeedPermission', memberList: [{ userID: 'C' }] });
    sim.clearEvents();
    const r = await c.C.addGroupMember({ groupID: g, userIDList: ['D'] });
    expect(r.code).toBe(0);
    expect(r.data).toEqual({ successUserIDList: [], failureUserIDList: [], existedUserIDList: [], overLimitUserIDList: [] });
    expect(await memberIDs(c.A, g)).toEqual(['A', 'C']);
    const apps = (await c.A.getGroupApplicationList()).data.applicationList;
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ groupID: g, applicationType: 2, applicant: 'C', userID: 'D' });
    expect(received(sim, 'D')).toEqual([]);
  });

  it('Community: any member adds (default inviteOption FreeAccess)', async () => {
    const { sim, c } = setup(['A', 'C', 'D']);
    const g = await createGroup(c.A, 'Community', { memberList: [{ userID: 'C' }] });
    sim.clearEvents();
    const r = await c.C.addGroupMember({ groupID: g, userIDList: ['D'] });
    expect(r.data.successUserIDList).toEqual(['D']);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'C', 'D']);
    expect(received(sim, 'D')).toEqual(['notice:7', 'tip:1', 'onGroupListUpdated']);
  });

  it('a non-member cannot add (10007); an unknown group gives 10010', async () => {
    const { sim, c } = setup(['A', 'X', 'D']);
    const g = await createGroup(c.A, 'Private');
    await refusedUnchanged(sim, () => c.X.addGroupMember({ groupID: g, userIDList: ['D'] }), 10007);
    await refusedUnchanged(sim, () => c.A.addGroupMember({ groupID: 'no-such-group', userIDList: ['D'] }), 10010);
  });

  it('10019 for an account that does not exist; the known users in the same call are not added either', async () => {
    const { sim, c } = setup(['A', 'D']);
    const g = await createGroup(c.A, 'Private');
    await refusedUnchanged(sim, () => c.A.addGroupMember({ groupID: g, userIDList: ['D', 'ghost'] }), 10019);
    expect(await memberIDs(c.A, g)).toEqual(['A']);
  });

  it('10005 for more than 500 users in one call; exactly 500 succeed', async () => {
    const { sim, c } = setup(['A']);
    const g = await createGroup(c.A, 'Community');
    const ids = await imported(sim, 'u', 500);
    await refusedUnchanged(sim, () => c.A.addGroupMember({ groupID: g, userIDList: [...ids, 'extra'] }), 10005);
    const r = await c.A.addGroupMember({ groupID: g, userIDList: ids });
    expect(r.data.successUserIDList).toHaveLength(500);
    expect(r.data.group!.memberCount).toBe(501);
    expect((await c.A.getGroupProfile({ groupID: g })).data.group.memberCount).toBe(501);
  });

  it('10014 when the additions would pass the member cap; existing members do not count', async () => {
    const { sim, c } = setup(['A', 'B', 'C', 'D'], { limits: { memberCap: { Private: 3 } } });
    const g = await createGroup(c.A, 'Private', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.A.addGroupMember({ groupID: g, userIDList: ['C', 'D'] }), 10014);
    const r = await c.A.addGroupMember({ groupID: g, userIDList: ['C'] });
    expect(r.data.successUserIDList).toEqual(['C']);
    await refusedUnchanged(sim, () => c.B.addGroupMember({ groupID: g, userIDList: ['D'] }), 10014);
    const again = await c.A.addGroupMember({ groupID: g, userIDList: ['B', 'C'] });
    expect(again.data).toEqual({ successUserIDList: [], failureUserIDList: [], existedUserIDList: ['B', 'C'], overLimitUserIDList: [] });
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B', 'C']);
  });

  it('a user at the per-user group quota is reported in overLimitUserIDList and not added', async () => {
    const { sim, c } = setup(['A', 'B', 'C', 'D'], { limits: { userGroupQuota: 1 } });
    await createGroup(c.A, 'Private', { memberList: [{ userID: 'C' }] });
    const g2 = await createGroup(c.B, 'Private');
    sim.clearEvents();
    const r = await c.B.addGroupMember({ groupID: g2, userIDList: ['C', 'D'] });
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({ successUserIDList: ['D'], failureUserIDList: [], existedUserIDList: [], overLimitUserIDList: ['C'] });
    expect(r.data.group!.groupID).toBe(g2);
    expect(await memberIDs(c.B, g2)).toEqual(['B', 'D']);
    expect(received(sim, 'C')).toEqual([]);
  });
});

// ---- deleteGroupMember ----

describe('deleteGroupMember', () => {
  it('2603 when the group is not in the caller\'s group list (unjoined or unknown)', async () => {
    const { sim, c } = setup(['A', 'B', 'X']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.X.deleteGroupMember({ groupID: g, userIDList: ['B'] }), 2603);
    await refusedUnchanged(sim, () => c.A.deleteGroupMember({ groupID: 'no-such-group', userIDList: ['B'] }), 2603);
  });

  it.each(MANAGED)('%s: the owner removes an admin and a member; result {group, userIDList}; notices 4, tips 3', async (type) => {
    const { sim, c } = setup(['A', 'B', 'C', 'D']);
    const g = await createGroup(c.A, type, { memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'C' }, { userID: 'D' }] });
    sim.clearEvents();
    const r = await c.A.deleteGroupMember({ groupID: g, userIDList: ['B', 'C', 'ghost'], reason: 'bye' });
    expect(r.code).toBe(0);
    expect(r.data.userIDList).toEqual(['B', 'C']);
    expect(r.data.group.groupID).toBe(g);
    expect(r.data.group.memberCount).toBe(2);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'D']);
    for (const u of ['B', 'C']) expect(received(sim, u)).toEqual(['notice:4', 'onGroupListUpdated']);
    for (const u of ['A', 'D']) expect(received(sim, u)).toEqual(['tip:3']);
    expect((await c.B.getGroupList()).data.groupList).toEqual([]);
  });

  it.each(MANAGED)('%s: an admin removes an ordinary member but not an admin nor the owner; a member removes nobody', async (type) => {
    const { sim, c } = setup(['A', 'B', 'B2', 'C', 'D']);
    const g = await createGroup(c.A, type, {
      memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'B2', role: 'Admin' }, { userID: 'C' }, { userID: 'D' }],
    });
    await refusedUnchanged(sim, () => c.B.deleteGroupMember({ groupID: g, userIDList: ['B2'] }), 10007);
    await refusedUnchanged(sim, () => c.B.deleteGroupMember({ groupID: g, userIDList: ['A'] }), 10007);
    // one forbidden target refuses the whole call
    await refusedUnchanged(sim, () => c.B.deleteGroupMember({ groupID: g, userIDList: ['C', 'B2'] }), 10007);
    await refusedUnchanged(sim, () => c.C.deleteGroupMember({ groupID: g, userIDList: ['D'] }), 10007);
    await refusedUnchanged(sim, () => c.A.deleteGroupMember({ groupID: g, userIDList: ['A'] }), 10007);
    sim.clearEvents();
    const r = await c.B.deleteGroupMember({ groupID: g, userIDList: ['C'] });
    expect(r.code).toBe(0);
    expect(r.data.userIDList).toEqual(['C']);
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B', 'B2', 'D']);
    expect(received(sim, 'C')).toEqual(['notice:4', 'onGroupListUpdated']);
    expect(received(sim, 'D')).toEqual(['tip:3']);
  });

  it('Work: only the owner removes', async () => {
    const { sim, c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'Private', { memberList: [{ userID: 'B' }, { userID: 'C' }] });
    await refusedUnchanged(sim, () => c.B.deleteGroupMember({ groupID: g, userIDList: ['C'] }), 10007);
    await refusedUnchanged(sim, () => c.B.deleteGroupMember({ groupID: g, userIDList: ['A'] }), 10007);
    sim.clearEvents();
    const r = await c.A.deleteGroupMember({ groupID: g, userIDList: ['C'] });
    expect(r.data).toMatchObject({ userIDList: ['C'], group: { groupID: g, memberCount: 2 } });
    expect(await memberIDs(c.A, g)).toEqual(['A', 'B']);
    expect(received(sim, 'C')).toEqual(['notice:4', 'onGroupListUpdated']);
    expect(received(sim, 'B')).toEqual(['tip:3']);
  });

  it('AVChatRoom: 2686 without a duration or with 0, and only the owner may remove', async () => {
    const { sim, c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await c.B.joinGroup({ groupID: g });
    await c.C.joinGroup({ groupID: g });
    await refusedUnchanged(sim, () => c.A.deleteGroupMember({ groupID: g, userIDList: ['B'] }), 2686);
    await refusedUnchanged(sim, () => c.A.deleteGroupMember({ groupID: g, userIDList: ['B'], duration: 0 }), 2686);
    await refusedUnchanged(sim, () => c.C.deleteGroupMember({ groupID: g, userIDList: ['B'], duration: 60 }), 10007);
  });

  it('AVChatRoom: removal by the owner is a ban; rejoining is refused with 10007 until the duration has passed', async () => {
    const { sim, c, clock } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await c.B.joinGroup({ groupID: g });
    await c.C.joinGroup({ groupID: g });
    sim.clearEvents();
    const r = await c.A.deleteGroupMember({ groupID: g, userIDList: ['B'], duration: 60 });
    expect(r.code).toBe(0);
    expect(r.data.userIDList).toEqual(['B']);
    expect(r.data.group.memberCount).toBe(2);
    expect(received(sim, 'B')).toEqual(['notice:4']);
    expect(received(sim, 'C')).toEqual(['tip:10']);
    expect((await c.A.getGroupMemberList({ groupID: g })).data.memberList.map((m: { userID: string }) => m.userID)).toEqual(['A', 'C']);
    await refusedUnchanged(sim, () => c.B.joinGroup({ groupID: g }), 10007);
    clock.advance(59_000);
    await refusedUnchanged(sim, () => c.B.joinGroup({ groupID: g }), 10007);
    clock.advance(2_000);
    const back = await c.B.joinGroup({ groupID: g });
    expect(back.data.status).toBe('JoinedSuccess');
    expect((await c.A.getGroupProfile({ groupID: g })).data.group.memberCount).toBe(3);
  });
});

// ---- setGroupMemberRole ----

describe('setGroupMemberRole', () => {
  it('2681 when the caller is not the owner (admin or member)', async () => {
    const { sim, c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'C' }] });
    await refusedUnchanged(sim, () => c.B.setGroupMemberRole({ groupID: g, userID: 'C', role: 'Admin' }), 2681);
    await refusedUnchanged(sim, () => c.C.setGroupMemberRole({ groupID: g, userID: 'B', role: 'Member' }), 2681);
  });

  it('2683 for a role other than Admin or Member; Custom is refused outside Community', async () => {
    const { sim, c } = setup(['A', 'B']);
    for (const type of ['Public', 'ChatRoom'] as GroupType[]) {
      const g = await createGroup(c.A, type, { memberList: [{ userID: 'B' }] });
      for (const role of ['Owner', 'Custom', 'boss']) await refusedUnchanged(sim, () => c.A.setGroupMemberRole({ groupID: g, userID: 'B', role }), 2683);
    }
  });

  it('Community allows Custom', async () => {
    const { sim, c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'Community', { memberList: [{ userID: 'B' }, { userID: 'C' }] });
    await refusedUnchanged(sim, () => c.A.setGroupMemberRole({ groupID: g, userID: 'B', role: 'Owner' }), 2683);
    sim.clearEvents();
    const r = await c.A.setGroupMemberRole({ groupID: g, userID: 'B', role: 'Custom' });
    expect(r.code).toBe(0);
    expect(r.data.member).toMatchObject({ userID: 'B', role: 'Custom' });
    expect(r.data.group.groupID).toBe(g);
    expect((await member(c.A, g, 'B')).role).toBe('Custom');
    const customs = await c.A.getGroupMemberList({ groupID: g, role: 'Custom' });
    expect(customs.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(['B']);
    expect(received(sim, 'B')).toContain('onGroupListUpdated');
  });

  it('2684 when setting one\'s own role', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.A.setGroupMemberRole({ groupID: g, userID: 'A', role: 'Member' }), 2684);
  });

  it.each(['Private', 'AVChatRoom'] as GroupType[])('%s has no admins: 10007 even for the owner', async (type) => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, type, type === 'Private' ? { memberList: [{ userID: 'B' }] } : {});
    if (type === 'AVChatRoom') await c.B.joinGroup({ groupID: g });
    await refusedUnchanged(sim, () => c.A.setGroupMemberRole({ groupID: g, userID: 'B', role: 'Admin' }), 10007);
  });

  it('10004 when the target is not a member', async () => {
    const { sim, c } = setup(['A', 'B', 'X']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.A.setGroupMemberRole({ groupID: g, userID: 'X', role: 'Admin' }), 10004);
  });

  it.each(MANAGED)('%s: setting an admin gives tip 4 and notice 9; cancelling gives tip 5 and notice 10', async (type) => {
    const { sim, c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, type, { memberList: [{ userID: 'B' }, { userID: 'C' }] });
    sim.clearEvents();
    const r = await c.A.setGroupMemberRole({ groupID: g, userID: 'B', role: 'Admin' });
    expect(r.code).toBe(0);
    expect(r.data.member).toMatchObject({ userID: 'B', role: 'Admin' });
    expect(r.data.group.groupID).toBe(g);
    expect((await member(c.C, g, 'B')).role).toBe('Admin');
    expect(received(sim, 'B')).toEqual(['tip:4', 'notice:9', 'onGroupListUpdated']);
    for (const u of ['A', 'C']) expect(received(sim, u)).toEqual(['tip:4']);
    const groupList = await c.B.getGroupList();
    expect(groupList.data.groupList[0]!.selfInfo.role).toBe('Admin');

    sim.clearEvents();
    const back = await c.A.setGroupMemberRole({ groupID: g, userID: 'B', role: 'Member' });
    expect(back.data.member.role).toBe('Member');
    expect((await member(c.C, g, 'B')).role).toBe('Member');
    expect(received(sim, 'B')).toEqual(['tip:5', 'notice:10', 'onGroupListUpdated']);
    for (const u of ['A', 'C']) expect(received(sim, u)).toEqual(['tip:5']);
  });
});

// ---- setGroupMemberMuteTime ----

describe('setGroupMemberMuteTime', () => {
  it('2685 when muting oneself, even the owner', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.A.setGroupMemberMuteTime({ groupID: g, userID: 'A', muteTime: 60 }), 2685);
    await refusedUnchanged(sim, () => c.B.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 60 }), 2685);
  });

  it('10007 in a Work group', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Private', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.A.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 60 }), 10007);
  });

  it.each(MANAGED)('%s: the owner mutes an admin and a member; muteUntil = floor(now/1000) + muteTime; tip 7', async (type) => {
    const { sim, c, clock } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, type, { memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'C' }] });
    clock.advance(1_500);
    const nowSeconds = Math.floor((DEFAULT_START + 1_500) / 1000);
    sim.clearEvents();
    const r = await c.A.setGroupMemberMuteTime({ groupID: g, userID: 'C', muteTime: 600 });
    expect(r.code).toBe(0);
    expect(r.data.member).toMatchObject({ userID: 'C', muteUntil: nowSeconds + 600 });
    expect(r.data.group.groupID).toBe(g);
    expect((await member(c.B, g, 'C')).muteUntil).toBe(nowSeconds + 600);
    for (const u of ['A', 'B', 'C']) expect(received(sim, u)).toEqual(['tip:7']);
    const r2 = await c.A.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 30 });
    expect(r2.data.member.muteUntil).toBe(nowSeconds + 30);
    expect((await member(c.C, g, 'B')).muteUntil).toBe(nowSeconds + 30);
  });

  it.each(MANAGED)('%s: an admin mutes ordinary members only; a member mutes nobody', async (type) => {
    const { sim, c } = setup(['A', 'B', 'B2', 'C', 'D']);
    const g = await createGroup(c.A, type, {
      memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'B2', role: 'Admin' }, { userID: 'C' }, { userID: 'D' }],
    });
    await refusedUnchanged(sim, () => c.B.setGroupMemberMuteTime({ groupID: g, userID: 'B2', muteTime: 60 }), 10007);
    await refusedUnchanged(sim, () => c.B.setGroupMemberMuteTime({ groupID: g, userID: 'A', muteTime: 60 }), 10007);
    await refusedUnchanged(sim, () => c.C.setGroupMemberMuteTime({ groupID: g, userID: 'D', muteTime: 60 }), 10007);
    const r = await c.B.setGroupMemberMuteTime({ groupID: g, userID: 'C', muteTime: 60 });
    expect(r.code).toBe(0);
    expect((await member(c.A, g, 'C')).muteUntil).toBe(Math.floor(DEFAULT_START / 1000) + 60);
  });

  it('AVChatRoom: only the owner mutes', async () => {
    const { sim, c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await c.B.joinGroup({ groupID: g });
    await c.C.joinGroup({ groupID: g });
    await refusedUnchanged(sim, () => c.B.setGroupMemberMuteTime({ groupID: g, userID: 'C', muteTime: 60 }), 10007);
    sim.clearEvents();
    const r = await c.A.setGroupMemberMuteTime({ groupID: g, userID: 'C', muteTime: 60 });
    expect(r.code).toBe(0);
    expect(r.data.member).toMatchObject({ userID: 'C', muteUntil: Math.floor(DEFAULT_START / 1000) + 60 });
    expect(received(sim, 'B')).toEqual(['tip:7']);
  });

  it('10004 when the target is not a member; 10007 when the caller is not', async () => {
    const { sim, c } = setup(['A', 'B', 'X']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => c.A.setGroupMemberMuteTime({ groupID: g, userID: 'X', muteTime: 60 }), 10004);
    await refusedUnchanged(sim, () => c.X.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 60 }), 10007);
  });

  it('muteTime 0 unmutes', async () => {
    const { c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await c.A.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 60 });
    expect((await member(c.A, g, 'B')).muteUntil).toBeGreaterThan(0);
    const r = await c.A.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 0 });
    expect(r.code).toBe(0);
    expect(r.data.member.muteUntil).toBe(0);
    expect((await member(c.A, g, 'B')).muteUntil).toBe(0);
  });

  it('a mute survives quitting and rejoining', async () => {
    const { c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Public', { joinOption: 'FreeAccess' });
    await c.B.joinGroup({ groupID: g });
    await c.A.setGroupMemberMuteTime({ groupID: g, userID: 'B', muteTime: 3600 });
    const until = Math.floor(DEFAULT_START / 1000) + 3600;
    await c.B.quitGroup(g);
    expect(await memberIDs(c.A, g)).toEqual(['A']);
    const rejoin = await c.B.joinGroup({ groupID: g });
    expect(rejoin.data.status).toBe('JoinedSuccess');
    expect((await member(c.A, g, 'B')).muteUntil).toBe(until);
  });
});

// ---- setGroupMemberNameCard / setGroupMemberCustomField ----

type ProfileSetter = (chat: Chat, groupID: string, userID: string | undefined, value: string) => Promise<unknown>;
const SETTERS: Array<[string, ProfileSetter, (m: { nameCard: string; memberCustomField: Array<{ key: string; value: string }> }) => string]> = [
  [
    'setGroupMemberNameCard',
    (chat, groupID, userID, value) => chat.setGroupMemberNameCard({ groupID, nameCard: value, ...(userID === undefined ? {} : { userID }) }),
    (m) => m.nameCard,
  ],
  [
    'setGroupMemberCustomField',
    (chat, groupID, userID, value) => chat.setGroupMemberCustomField({ groupID, memberCustomField: [{ key: 'k', value }], ...(userID === undefined ? {} : { userID }) }),
    (m) => m.memberCustomField.find((f) => f.key === 'k')?.value ?? '',
  ],
];

describe.each(SETTERS)('%s', (_name, set, read) => {
  it('owner sets anyone; admin sets itself and ordinary members; a member only itself (10007 otherwise)', async () => {
    const { sim, c } = setup(['A', 'B', 'B2', 'C', 'D']);
    const g = await createGroup(c.A, 'Public', {
      memberList: [{ userID: 'B', role: 'Admin' }, { userID: 'B2', role: 'Admin' }, { userID: 'C' }, { userID: 'D' }],
    });
    for (const [who, target] of [[c.A, 'B'], [c.A, 'C'], [c.B, 'B'], [c.B, 'C'], [c.C, 'C']] as Array<[Chat, string]>) {
      sim.clearEvents();
      const r = (await set(who, g, target, `by-${who.userID}`)) as { code: number; data: { member: { userID: string } } };
      expect(r.code).toBe(0);
      expect(r.data.member.userID).toBe(target);
      expect(read(await member(c.D, g, target))).toBe(`by-${who.userID}`);
      expect(received(sim, target)).toEqual(['onGroupListUpdated']);
    }
    for (const [who, target] of [[c.B, 'A'], [c.B, 'B2'], [c.C, 'D'], [c.C, 'B'], [c.C, 'A']] as Array<[Chat, string]>) {
      await refusedUnchanged(sim, () => set(who, g, target, 'nope'), 10007);
    }
  });

  it('10004 when the target is not a member; 10007 when the caller is not', async () => {
    const { sim, c } = setup(['A', 'B', 'X']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await refusedUnchanged(sim, () => set(c.A, g, 'X', 'x'), 10004);
    await refusedUnchanged(sim, () => set(c.X, g, 'B', 'x'), 10007);
    await refusedUnchanged(sim, () => set(c.X, g, undefined, 'x'), 10007);
  });

  it('userID defaults to the caller', async () => {
    const { c } = setup(['A', 'C']);
    const g = await createGroup(c.A, 'Private', { memberList: [{ userID: 'C' }] });
    const r = (await set(c.C, g, undefined, 'mine')) as { data: { member: { userID: string } } };
    expect(r.data.member.userID).toBe('C');
    expect(read(await member(c.A, g, 'C'))).toBe('mine');
    expect(read(await member(c.A, g, 'A'))).toBe('');
  });

  it('2687 in an AVChatRoom', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await c.B.joinGroup({ groupID: g });
    await refusedUnchanged(sim, () => set(c.A, g, 'B', 'x'), 2687);
    await refusedUnchanged(sim, () => set(c.B, g, undefined, 'x'), 2687);
  });
});

describe('setGroupMemberNameCard byte limit', () => {
  it('accepts 50 UTF-8 bytes and refuses 51 with 10004; a CJK character counts 3 bytes', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    const fifty = `${'群'.repeat(16)}ab`; // 48 + 2 bytes
    const fiftyOne = '群'.repeat(17); // 17 characters, 51 bytes
    expect(Buffer.byteLength(fifty)).toBe(50);
    expect(Buffer.byteLength(fiftyOne)).toBe(51);
    await refusedUnchanged(sim, () => c.B.setGroupMemberNameCard({ groupID: g, nameCard: fiftyOne }), 10004);
    await refusedUnchanged(sim, () => c.A.setGroupMemberNameCard({ groupID: g, userID: 'B', nameCard: `${'x'.repeat(50)}y` }), 10004);
    const r = await c.B.setGroupMemberNameCard({ groupID: g, nameCard: fifty });
    expect(r.data.member.nameCard).toBe(fifty);
    expect((await member(c.A, g, 'B')).nameCard).toBe(fifty);
    const own = await c.B.getGroupList();
    expect(own.data.groupList[0]!.selfInfo.nameCard).toBe(fifty);
  });
});

// ---- getGroupMemberList ----

describe('getGroupMemberList', () => {
  async function bigGroup(size: number) {
    const { sim, c } = setup(['A', 'B']);
    const others = await imported(sim, 'm', size - 2);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B', role: 'Admin' }, ...others.map((userID) => ({ userID }))] });
    return { sim, c, g, all: ['A', 'B', ...others] };
  }

  it('gives 15 by default, in join order, with the next offset; member fields are complete', async () => {
    const { c, g, all } = await bigGroup(40);
    const r = await c.B.getGroupMemberList({ groupID: g });
    expect(r.code).toBe(0);
    expect(r.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(all.slice(0, 15));
    expect(r.data.offset).toBe(15);
    expect(Object.keys(r.data.memberList[0]!).sort()).toEqual(['avatar', 'joinTime', 'memberCustomField', 'muteUntil', 'nameCard', 'nick', 'role', 'userID']);
    expect(r.data.memberList[0]).toMatchObject({ userID: 'A', role: 'Owner', joinTime: Math.floor(DEFAULT_START / 1000), nameCard: '', muteUntil: 0 });
  });

  it('caps count at 100 and pages by offset to the end, where offset is 0', async () => {
    const { c, g, all } = await bigGroup(130);
    const first = await c.A.getGroupMemberList({ groupID: g, count: 150 });
    expect(first.data.memberList).toHaveLength(100);
    expect(first.data.offset).toBe(100);
    const second = await c.A.getGroupMemberList({ groupID: g, count: 150, offset: first.data.offset });
    expect(second.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(all.slice(100));
    expect(second.data.offset).toBe(0);
    const seen: string[] = [];
    let offset = 0;
    do {
      const page = await c.A.getGroupMemberList({ groupID: g, count: 50, offset });
      seen.push(...page.data.memberList.map((m: { userID: string }) => m.userID));
      offset = Number(page.data.offset);
    } while (offset !== 0);
    expect(seen).toEqual(all);
  });

  it('filters by role', async () => {
    const { c, g, all } = await bigGroup(20);
    const ids = async (role: 'Owner' | 'Admin' | 'Member') =>
      (await c.A.getGroupMemberList({ groupID: g, role, count: 100 })).data.memberList.map((m) => {
        expect(m.role).toBe(role);
        return m.userID;
      });
    expect(await ids('Owner')).toEqual(['A']);
    expect(await ids('Admin')).toEqual(['B']);
    expect(await ids('Member')).toEqual(all.slice(2));
    const paged = await c.A.getGroupMemberList({ groupID: g, role: 'Member', count: 10 });
    expect(paged.data.offset).toBe(10);
    const rest = await c.A.getGroupMemberList({ groupID: g, role: 'Member', count: 10, offset: 10 });
    expect(rest.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(all.slice(12));
    expect(rest.data.offset).toBe(0);
  });

  it('Community: a string cursor, "" at the end', async () => {
    const { sim, c } = setup(['A']);
    const others = await imported(sim, 'm', 19);
    const g = await createGroup(c.A, 'Community', { memberList: others.map((userID) => ({ userID })) });
    const first = await c.A.getGroupMemberList({ groupID: g });
    expect(first.data.memberList).toHaveLength(15);
    expect(typeof first.data.offset).toBe('string');
    expect(first.data.offset).not.toBe('');
    const second = await c.A.getGroupMemberList({ groupID: g, offset: first.data.offset });
    expect(second.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(others.slice(14));
    expect(second.data.offset).toBe('');
  });

  it('AVChatRoom: the most recent members only, with userID, nick, avatar and joinTime; count is ignored', async () => {
    const names = ['A', 'B', 'C', 'D', 'E'] as const;
    const { c, clock } = setup([...names], { limits: { avRecentMembers: 3, avMemberPage: 2 } });
    const g = await createGroup(c.A, 'AVChatRoom');
    for (const u of ['B', 'C', 'D', 'E'] as const) {
      clock.advance(1000);
      await c[u].joinGroup({ groupID: g });
    }
    // recent members 3 (C, D, E), pages of 2; the order within the recent window is not documented
    const first = await c.B.getGroupMemberList({ groupID: g, count: 1 });
    expect(first.code).toBe(0);
    expect(first.data.memberList).toHaveLength(2);
    expect(first.data.offset).toBe(2);
    for (const m of first.data.memberList) expect(Object.keys(m).sort()).toEqual(['avatar', 'joinTime', 'nick', 'userID']);
    const second = await c.B.getGroupMemberList({ groupID: g, offset: 2 });
    expect(second.data.memberList).toHaveLength(1);
    expect(second.data.offset).toBe(0);
    const seen = [...first.data.memberList, ...second.data.memberList] as Array<{ userID: string; joinTime: number }>;
    expect(seen.map((m) => m.userID).sort()).toEqual(['C', 'D', 'E']);
    const start = Math.floor(DEFAULT_START / 1000);
    expect(Object.fromEntries(seen.map((m) => [m.userID, m.joinTime]))).toEqual({ C: start + 2, D: start + 3, E: start + 4 });
  });

  it('an unjoined or unknown group gives an empty page, not an error', async () => {
    const { c } = setup(['A', 'X']);
    const g = await createGroup(c.A, 'Public');
    expect((await c.X.getGroupMemberList({ groupID: g })).data).toEqual({ memberList: [], offset: 0 });
    expect((await c.X.getGroupMemberList({ groupID: 'no-such-group' })).data).toEqual({ memberList: [], offset: 0 });
  });
});

// ---- getGroupMemberProfile ----

describe('getGroupMemberProfile', () => {
  it('queries only the first 50 users and skips non-members', async () => {
    const { sim, c } = setup(['A']);
    const others = await imported(sim, 'm', 60);
    const g = await createGroup(c.A, 'Public', { memberList: others.map((userID) => ({ userID })) });
    const asked = [...others.slice(0, 10), 'ghost', ...others.slice(10)];
    const r = await c.A.getGroupMemberProfile({ groupID: g, userIDList: asked });
    expect(r.code).toBe(0);
    expect(r.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(asked.slice(0, 50).filter((u) => u !== 'ghost'));
    expect(r.data.memberList[0]).toMatchObject({ userID: others[0], role: 'Member', nameCard: '', muteUntil: 0, memberCustomField: [] });
  });

  it('filters member custom fields', async () => {
    const { c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }] });
    await c.B.setGroupMemberCustomField({ groupID: g, memberCustomField: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    const r = await c.A.getGroupMemberProfile({ groupID: g, userIDList: ['B'], memberCustomFieldFilter: ['b'] });
    expect(r.data.memberList[0]!.memberCustomField).toEqual([{ key: 'b', value: '2' }]);
  });

  it('2687 in an AVChatRoom', async () => {
    const { sim, c } = setup(['A', 'B']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await c.B.joinGroup({ groupID: g });
    await refusedUnchanged(sim, () => c.B.getGroupMemberProfile({ groupID: g, userIDList: ['A'] }), 2687);
  });
});

// ---- getGroupOnlineMemberCount ----

describe('getGroupOnlineMemberCount', () => {
  it('counts members with at least one logged-in device; logging out reduces it; 0 for an unjoined group', async () => {
    const { sim, c } = setup(['A', 'B', 'X']);
    await sim.admin.importAccount({ userID: 'C' });
    const dPhone = sim.login('D', { device: 'phone' });
    const dLaptop = sim.login('D', { device: 'laptop' });
    const g = await createGroup(c.A, 'Public', { memberList: [{ userID: 'B' }, { userID: 'C' }, { userID: 'D' }] });
    const count = async (chat: Chat) => (await chat.getGroupOnlineMemberCount(g)).data.memberCount;
    expect(await count(c.A)).toBe(3);
    expect(await count(c.X)).toBe(0);
    expect((await c.A.getGroupOnlineMemberCount('no-such-group')).data).toEqual({ memberCount: 0 });
    await c.B.logout();
    expect(await count(c.A)).toBe(2);
    await dPhone.logout();
    expect(await count(c.A)).toBe(2);
    await dLaptop.logout();
    expect(await count(c.A)).toBe(1);
    sim.login('C');
    expect(await count(c.A)).toBe(2);
  });

  it('counts in an AVChatRoom too', async () => {
    const { c } = setup(['A', 'B', 'C']);
    const g = await createGroup(c.A, 'AVChatRoom');
    await c.B.joinGroup({ groupID: g });
    const r = await c.B.getGroupOnlineMemberCount(g);
    expect(r).toEqual({ code: 0, data: { memberCount: 2 } });
  });
});
