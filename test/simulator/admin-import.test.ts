/**
 * The app admin's import, account and AVChatRoom-list powers through `sim.admin` (issue 17):
 * importGroup, importGroupMember, deleteAccounts, kick, getAVChatRoomMembers, and what a logged-in
 * user observes of a kick or of their account's deletion.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_START, TYPES, VirtualClock, type Chat, type Simulator } from '../../simulator';
import { refusal, refusedUnchanged, snapshot } from '../helpers';

const NOW = DEFAULT_START / 1000;
/** 2015-11-24, the CreateTime/JoinTime of Tencent's examples: long before the simulator's clock. */
const PAST = 1448357837;

function setup(logins: string[] = [], accounts: string[] = []) {
  const clock = new VirtualClock();
  const sim = createSimulator({ clock });
  const c: Record<string, Chat> = {};
  for (const u of logins) c[u] = sim.login(u);
  return { sim, clock, c, admin: sim.admin, accounts: Promise.all(accounts.map((userID) => sim.admin.importAccount({ userID }))) };
}

async function memberRows(sim: Simulator, groupID: string): Promise<Array<{ userID: string; role: string; joinTime: number }>> {
  return (await sim.admin.getGroupMemberInfo({ groupID })).data.memberList.map((m: { userID: string; role: string; joinTime: number }) => ({ userID: m.userID, role: m.role, joinTime: m.joinTime }));
}

describe('admin.importGroup', () => {
  it('creates a group dated CreateTime, its owner joined then, and notifies nobody', async () => {
    const { sim, c, admin } = setup(['leckie']);
    sim.clearEvents();
    const r = await admin.importGroup({ type: 'Public', name: 'TestGroup', ownerAccount: 'leckie', createTime: PAST, introduction: 'intro', groupCustomField: [{ key: 'k', value: 'v' }] });
    expect(r.data).toMatchObject({ type: 'Public', createTime: PAST });
    const info = (await admin.getGroupInfo(r.data.groupID)).data;
    expect(info).toMatchObject({ groupID: r.data.groupID, ownerID: 'leckie', createTime: PAST, introduction: 'intro', memberNum: 1, groupCustomField: [{ key: 'k', value: 'v' }] });
    expect(await memberRows(sim, r.data.groupID)).toEqual([{ userID: 'leckie', role: 'Owner', joinTime: PAST }]);
    // "without triggering callbacks or delivering notifications": the owner, logged in, heard nothing
    expect(sim.events).toEqual([]);
    // yet the group is theirs, as the SDK reads it
    expect((await c.leckie!.getGroupProfile({ groupID: r.data.groupID })).data.group.createTime).toBe(PAST);
  });
  it('without CreateTime is dated now; without an owner is ownerless; Work is the Private type', async () => {
    const { admin } = setup();
    const r = await admin.importGroup({ type: 'Work', name: 'w' });
    expect(r.data).toEqual({ groupID: r.data.groupID, type: 'Private', createTime: NOW });
    expect((await admin.getGroupInfo(r.data.groupID)).data).toMatchObject({ ownerID: '', memberNum: 0 });
  });
  it('refuses, changing nothing: AVChatRoom 10007, a future CreateTime 10004, a bad Community ID 10015, an unknown owner 10019, a taken ID 10021, a bad type 10004', async () => {
    const { sim, admin, accounts } = setup([], ['leckie']);
    await accounts;
    await admin.importGroup({ type: 'Public', name: 'x', groupID: 'taken', ownerAccount: 'leckie' });
    const e = await refusedUnchanged(sim, () => admin.importGroup({ type: 'AVChatRoom', name: 'live' }), 10007);
    expect(e.message).toContain('AVChatRoom');
    const future = await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', createTime: NOW + 1 }), 10004);
    expect(future.message).toContain('createTime');
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Community', name: 'x', groupID: 'plain' }), 10015);
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', ownerAccount: 'nobody' }), 10019);
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', groupID: 'taken', ownerAccount: 'leckie' }), 10025);
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', groupID: 'taken' }), 10021);
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Team' as never, name: 'x' }), 10004);
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', createTime: -1 }), 10004);
    // create_group's member list is not an import option (members are imported apart), nor is a misspelling
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', memberList: [{ userID: 'leckie' }] } as never), 10004);
    await refusedUnchanged(sim, () => admin.importGroup({ type: 'Public', name: 'x', createtime: PAST } as never), 10004);
  });
});

describe('admin.importGroupMember', () => {
  async function imported(type: 'Public' | 'Work' = 'Public') {
    const s = setup(['tommy'], ['leckie', 'jared', 'peter']);
    await s.accounts;
    const g = (await s.admin.importGroup({ type, name: 'g', ownerAccount: 'leckie', createTime: PAST - 100 })).data.groupID;
    return { ...s, g };
  }
  it('imports with JoinTime and role, silently; Result 1 imported, 2 already a member, 0 failed', async () => {
    const { sim, admin, g } = await imported();
    sim.clearEvents();
    const r = await admin.importGroupMember({
      groupID: g,
      memberList: [
        { userID: 'tommy', role: 'Admin', joinTime: PAST, unreadMsgNum: 5 },
        { userID: 'jared', joinTime: PAST + 20, unreadMsgNum: 2 },
        { userID: 'leckie' },
        { userID: 'ghost' },
        { userID: 'peter', joinTime: PAST - 100 },
      ],
    });
    expect(r.data.memberList.map((m) => [m.userID, m.result])).toEqual([['tommy', 1], ['jared', 1], ['leckie', 2], ['ghost', 0], ['peter', 0]]);
    expect(r.data.memberList[3]!.reason).toContain('not been imported');
    expect(r.data.memberList[4]!.reason).toContain('CreateTime');
    expect(await memberRows(sim, g)).toEqual([
      { userID: 'leckie', role: 'Owner', joinTime: PAST - 100 },
      { userID: 'tommy', role: 'Admin', joinTime: PAST },
      { userID: 'jared', role: 'Member', joinTime: PAST + 20 },
    ]);
    // tommy is logged in and now a member, but an import delivers nothing
    expect(sim.events).toEqual([]);
  });
  it('a JoinTime not before now fails (Result 0); without JoinTime the member joins now', async () => {
    const { sim, admin, g } = await imported();
    const r = await admin.importGroupMember({ groupID: g, memberList: [{ userID: 'jared', joinTime: NOW }, { userID: 'peter' }] });
    expect(r.data.memberList.map((m) => m.result)).toEqual([0, 1]);
    expect((await memberRows(sim, g)).find((m) => m.userID === 'peter')?.joinTime).toBe(NOW);
  });
  it('a full group fails the members beyond its cap; a Work group makes an Admin a Member', async () => {
    const { sim, admin, g } = await imported('Work');
    await admin.modifyGroupBaseInfo({ groupID: g, maxMemberNum: 2 });
    const r = await admin.importGroupMember({ groupID: g, memberList: [{ userID: 'jared', role: 'Admin' }, { userID: 'peter' }] });
    expect(r.data.memberList.map((m) => m.result)).toEqual([1, 0]);
    expect(r.data.memberList[1]!.reason).toContain('full');
    expect((await memberRows(sim, g)).map((m) => m.role)).toEqual(['Owner', 'Member']);
  });
  it('refuses whole, changing nothing: AVChatRoom 10007, unknown group 10010, 301 members 10005, Owner role or an empty list 10004', async () => {
    const { sim, admin, g } = await imported();
    const av = (await admin.createGroup({ type: 'AVChatRoom', name: 'live' })).data.groupID;
    await refusedUnchanged(sim, () => admin.importGroupMember({ groupID: av, memberList: [{ userID: 'jared' }] }), 10007);
    await refusedUnchanged(sim, () => admin.importGroupMember({ groupID: 'nope', memberList: [{ userID: 'jared' }] }), 10010);
    const many = Array.from({ length: 301 }, (_, i) => ({ userID: `u${i}` }));
    await refusedUnchanged(sim, () => admin.importGroupMember({ groupID: g, memberList: many }), 10005);
    await refusedUnchanged(sim, () => admin.importGroupMember({ groupID: g, memberList: [{ userID: 'jared', role: 'Owner' as never }] }), 10004);
    await refusedUnchanged(sim, () => admin.importGroupMember({ groupID: g, memberList: [] }), 10004);
  });
});

describe('admin.deleteAccounts', () => {
  it('the user leaves every group silently; a group they owned stays, ownerless; the account is gone', async () => {
    const { sim, c, admin } = setup(['owner', 'bob']);
    const g = (await c.owner!.createGroup({ type: TYPES.GRP_PUBLIC, name: 'g', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    const lone = (await c.owner!.createGroup({ type: TYPES.GRP_PUBLIC, name: 'lone' })).data.group.groupID;
    sim.clearEvents();
    const r = await admin.deleteAccounts({ userIDList: ['owner', 'ghost'] });
    expect(r.data.resultList).toEqual([{ userID: 'owner', deleted: true }, { userID: 'ghost', deleted: false }]);
    expect((await admin.getGroupInfo(g)).data).toMatchObject({ ownerID: '', memberNum: 1 });
    expect(await memberRows(sim, g)).toEqual([expect.objectContaining({ userID: 'bob', role: 'Member' })]);
    // the group only they were in is repossessed, as when its last member leaves
    await refusal(admin.getGroupInfo(lone), 10010);
    await refusal(admin.getJoinedGroupList({ userID: 'owner' }), 10019);
    // bob heard nothing: the deletion sends no tips
    expect(sim.eventsFor('bob')).toEqual([]);
  });
  it('drops the pending applications of and to the deleted user', async () => {
    const { sim, c, admin } = setup(['owner', 'asker']);
    const g = (await c.owner!.createGroup({ type: TYPES.GRP_PUBLIC, name: 'g', joinOption: 'NeedPermission' })).data.group.groupID;
    await c.asker!.joinGroup({ groupID: g });
    expect((await c.owner!.getGroupApplicationList()).data.applicationList).toHaveLength(1);
    await admin.deleteAccounts({ userIDList: ['asker'] });
    expect(sim.state.applications.size).toBe(0);
  });
  it('refuses more than 100 accounts or none (10004), changing nothing', async () => {
    const { sim, admin } = setup(['a']);
    await refusedUnchanged(sim, () => admin.deleteAccounts({ userIDList: Array.from({ length: 101 }, (_, i) => `u${i}`) }), 10004);
    await refusedUnchanged(sim, () => admin.deleteAccounts({ userIDList: [] }), 10004);
  });
});

describe('what the user observes of a kick or a deletion (SDK side)', () => {
  it('kick: every device hears KICKED_OUT with type REST_API_Kick, is not ready, and later calls fail with 3006', async () => {
    const { sim, admin } = setup();
    const web = sim.login('alice');
    const phone = sim.login('alice', { device: 'phone' });
    const g = (await web.createGroup({ type: TYPES.GRP_PUBLIC, name: 'g' })).data.group.groupID;
    const before = snapshot(sim);
    sim.clearEvents();
    const r = await admin.kick({ userID: 'alice' });
    expect(r.data).toEqual({ userID: 'alice' });
    expect(sim.events.map((e) => [e.device, e.name, e.data])).toEqual([
      ['web', 'kickedOut', { type: 'REST_API_Kick' }],
      ['phone', 'kickedOut', { type: 'REST_API_Kick' }],
    ]);
    expect(TYPES.KICKED_OUT_REST_API).toBe('REST_API_Kick');
    for (const chat of [web, phone]) {
      expect(chat.isReady()).toBe(false);
      const e = await refusal(chat.getGroupList(), 3006);
      expect(e.message).toContain('REST API kick');
    }
    // a kick ends sessions, nothing else: the groups are as they were
    expect(snapshot(sim)).toEqual(before);
    expect(sim.state.sessions.has('alice')).toBe(false);
    // "the user can use a newly generated UserSig state to log in": a new login works
    const again = sim.login('alice');
    expect((await again.getGroupList()).data.groupList.map((x: { groupID: string }) => x.groupID)).toEqual([g]);
  });
  it('kick of a user with no session succeeds and ends nothing; a bad userID is 10004', async () => {
    const { sim, admin } = setup(['bob']);
    expect((await admin.kick({ userID: 'nobody' })).data).toEqual({ userID: 'nobody' });
    expect(sim.events.filter((e) => e.name === 'kickedOut')).toEqual([]);
    await refusedUnchanged(sim, () => admin.kick({ userID: '' }), 10004);
    expect(sim.login('bob').isReady()).toBe(true);
  });
  it('a login on the same device still kicks with multipleAccount and 3003', async () => {
    const { sim } = setup();
    const first = sim.login('carol');
    sim.login('carol');
    await refusal(first.getGroupList(), 3003);
  });
  it('deleteAccounts: the deleted user is kicked out like a REST kick; logging in again starts a new account', async () => {
    const { sim, c, admin } = setup(['dave', 'erin']);
    await c.erin!.createGroup({ type: TYPES.GRP_PUBLIC, name: 'g', memberList: [{ userID: 'dave' }] });
    sim.clearEvents();
    await admin.deleteAccounts({ userIDList: ['dave'] });
    expect(sim.eventsFor('dave').map((e) => [e.name, e.data])).toEqual([['kickedOut', { type: 'REST_API_Kick' }]]);
    await refusal(c.dave!.getGroupList(), 3006);
    const back = sim.login('dave');
    expect((await back.getGroupList()).data.groupList).toEqual([]);
    expect(sim.state.users.get('dave')).toEqual({ userID: 'dave', nick: '', avatar: '', groups: '' });
  });
});

describe('admin.getAVChatRoomMembers', () => {
  it('lists an AVChatRoom\'s members with their join times, in pages whose cursor is nextTimestamp', async () => {
    const clock = new VirtualClock();
    const sim = createSimulator({ clock, limits: { avMemberPage: 2 } });
    const av = (await sim.admin.createGroup({ type: 'AVChatRoom', name: 'live' })).data.groupID;
    for (const u of ['v1', 'v2', 'v3']) {
      await sim.admin.importAccount({ userID: u, nick: `nick ${u}` });
      await sim.login(u).joinGroup({ groupID: av });
      clock.advance(1000);
    }
    const first = (await sim.admin.getAVChatRoomMembers({ groupID: av, timestamp: 0 })).data;
    expect(first).toEqual({ memberList: [{ userID: 'v1', nick: 'nick v1', avatar: '', joinTime: NOW }, { userID: 'v2', nick: 'nick v2', avatar: '', joinTime: NOW + 1 }], nextTimestamp: 2 });
    const second = (await sim.admin.getAVChatRoomMembers({ groupID: av, timestamp: first.nextTimestamp })).data;
    expect(second).toEqual({ memberList: [{ userID: 'v3', nick: 'nick v3', avatar: '', joinTime: NOW + 2 }], nextTimestamp: 0 });
  });
  it('a Community lists its logged-in members; other types are refused (10007); an unknown group 10010', async () => {
    const { sim, c, admin, accounts } = setup(['own'], ['offline']);
    await accounts;
    const community = (await c.own!.createGroup({ type: TYPES.GRP_COMMUNITY, name: 'c', memberList: [{ userID: 'offline' }] })).data.group.groupID;
    expect((await admin.getAVChatRoomMembers({ groupID: community })).data.memberList.map((m) => m.userID)).toEqual(['own']);
    const pub = (await c.own!.createGroup({ type: TYPES.GRP_PUBLIC, name: 'p' })).data.group.groupID;
    await refusedUnchanged(sim, () => admin.getAVChatRoomMembers({ groupID: pub }), 10007);
    await refusedUnchanged(sim, () => admin.getAVChatRoomMembers({ groupID: 'nope' }), 10010);
  });
});
