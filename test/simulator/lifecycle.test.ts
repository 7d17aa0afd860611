import { assert, describe, expect, it } from 'vitest';
import { createSimulator, TYPES, VirtualClock } from '../../simulator';
import { received, refusal, snapshot, world } from '../helpers';

const ALL_TYPES = [TYPES.GRP_WORK, TYPES.GRP_PUBLIC, TYPES.GRP_MEETING, TYPES.GRP_AVCHATROOM, TYPES.GRP_COMMUNITY];

describe('createGroup', () => {
  it.each(ALL_TYPES)('creates a %s group owned by the caller', async (type) => {
    const { chats } = world(['alice']);
    const r = await chats.alice!.createGroup({ name: 'G', type });
    expect(r.code).toBe(0);
    expect(r.data.group).toMatchObject({ type, name: 'G', ownerID: 'alice', memberCount: 1, selfInfo: { role: 'Owner', userID: 'alice' } });
    expect(r.data.overLimitUserIDList).toEqual([]);
    expect(r.data.group.groupID).toMatch(type === 'Community' ? /^@TGS#_/ : /^@TGS#[^_]/);
    const p = await chats.alice!.getGroupProfile({ groupID: r.data.group.groupID });
    expect(p.data.group.groupID).toBe(r.data.group.groupID);
  });

  it('defaults to a Work group with the fixed join and invite options', async () => {
    const { chats } = world(['alice']);
    const { data } = await chats.alice!.createGroup({ name: 'G', joinOption: 'FreeAccess' });
    expect(data.group).toMatchObject({ type: 'Private', joinOption: 'DisableApply', inviteOption: 'FreeAccess', maxMemberCount: 200 });
  });

  it.each([
    [TYPES.GRP_PUBLIC, 2000, 'NeedPermission', 'DisableInvite'],
    [TYPES.GRP_MEETING, 10000, 'FreeAccess', 'DisableInvite'],
    [TYPES.GRP_AVCHATROOM, 0, 'FreeAccess', 'DisableInvite'],
    [TYPES.GRP_COMMUNITY, 100000, 'FreeAccess', 'FreeAccess'],
  ])('%s defaults: cap %d, join %s, invite %s', async (type, cap, join, invite) => {
    const { chats } = world(['alice']);
    const { data } = await chats.alice!.createGroup({ name: 'G', type });
    expect(data.group).toMatchObject({ maxMemberCount: cap, joinOption: join, inviteOption: invite });
  });

  it('honours joinOption for Public and Community only', async () => {
    const { chats } = world(['alice']);
    const pub = await chats.alice!.createGroup({ name: 'P', type: 'Public', joinOption: 'FreeAccess' });
    const meet = await chats.alice!.createGroup({ name: 'M', type: 'ChatRoom', joinOption: 'DisableApply' });
    const com = await chats.alice!.createGroup({ name: 'C', type: 'Community', joinOption: 'NeedPermission' });
    expect([pub.data.group.joinOption, meet.data.group.joinOption, com.data.group.joinOption]).toEqual(['FreeAccess', 'FreeAccess', 'NeedPermission']);
  });

  it('adds memberList users, tells them (notice 7, list update) and the creator (notice 6)', async () => {
    const { sim, chats } = world(['alice', 'bob', 'carol']);
    const { data } = await chats.alice!.createGroup({ name: 'G', type: 'Public', memberList: [{ userID: 'bob', role: 'Admin' }, { userID: 'carol' }] });
    expect(data.group.memberCount).toBe(3);
    const members = await chats.alice!.getGroupMemberList({ groupID: data.group.groupID });
    expect(members.data.memberList.map((m) => [m.userID, m.role])).toEqual([['alice', 'Owner'], ['bob', 'Admin'], ['carol', 'Member']]);
    expect(received(sim, 'alice')).toEqual(['sdkStateReady', 'notice:6', 'onGroupListUpdated']);
    expect(received(sim, 'bob')).toEqual(['sdkStateReady', 'notice:7', 'onGroupListUpdated', 'custom']);
  });

  it('turns an Admin at creation of a Work group into a Member', async () => {
    const { chats } = world(['alice', 'bob']);
    const { data } = await chats.alice!.createGroup({ name: 'W', memberList: [{ userID: 'bob', role: 'Admin' }] });
    const m = await chats.alice!.getGroupMemberProfile({ groupID: data.group.groupID, userIDList: ['bob'] });
    expect(m.data.memberList[0]!.role).toBe('Member');
  });

  it('drops memberList for an AVChatRoom', async () => {
    const { chats } = world(['alice', 'bob']);
    const { data } = await chats.alice!.createGroup({ name: 'AV', type: 'AVChatRoom', memberList: [{ userID: 'bob' }] });
    expect(data.group.memberCount).toBe(1);
  });

  it('lists users over their group quota in overLimitUserIDList and leaves them out', async () => {
    const { chats } = world(['alice', 'bob', 'carol'], { limits: { userGroupQuota: 1 } });
    await chats.bob!.createGroup({ name: 'B' });
    const { data } = await chats.alice!.createGroup({ name: 'G', memberList: [{ userID: 'bob' }, { userID: 'carol' }] });
    expect(data.overLimitUserIDList).toEqual(['bob']);
    expect(data.group.memberCount).toBe(2);
  });

  it('refuses a creator at the quota with 10037', async () => {
    const { sim, chats } = world(['alice'], { limits: { userGroupQuota: 1 } });
    await chats.alice!.createGroup({ name: 'A' });
    const before = snapshot(sim);
    await refusal(chats.alice!.createGroup({ name: 'B' }), 10037);
    expect(snapshot(sim)).toEqual(before);
  });

  it.each([
    ['unknown type', { name: 'G', type: 'Secret' }, 2600],
    ['numeric type', { name: 'G', type: 3 }, 2600],
    ['Community without the @TGS#_ prefix', { name: 'G', type: 'Community', groupID: 'c1' }, 2602],
    ['@TGS#_ prefix on a Public group', { name: 'G', type: 'Public', groupID: '@TGS#_x' }, 2602],
    ['@TGS# prefix on a custom ID', { name: 'G', type: 'Public', groupID: '@TGS#x' }, 10015],
    ['non-ASCII custom ID', { name: 'G', type: 'Public', groupID: 'grüppe' }, 10015],
    ['custom ID of 49 bytes', { name: 'G', type: 'Public', groupID: 'x'.repeat(49) }, 10015],
    ['name of 31 bytes', { name: 'n'.repeat(31) }, 10004],
    ['name of 11 CJK characters (33 bytes)', { name: '群'.repeat(11) }, 10004],
    ['introduction of 241 bytes', { name: 'G', introduction: 'i'.repeat(241) }, 10004],
    ['notification of 301 bytes', { name: 'G', notification: 'n'.repeat(301) }, 10004],
    ['avatar of 101 bytes', { name: 'G', avatar: 'a'.repeat(101) }, 10004],
    ['maxMemberNum above the type cap', { name: 'G', maxMemberNum: 201 }, 10004],
    ['memberList of 501', { name: 'G', type: 'Community', memberList: Array.from({ length: 501 }, (_, i) => ({ userID: `u${i}` })) }, 10005],
    ['an unknown member', { name: 'G', memberList: [{ userID: 'ghost' }] }, 10019],
    ['an Owner in memberList', { name: 'G', memberList: [{ userID: 'alice', role: 'Owner' }] }, 10004],
  ])('refuses %s', async (_what, options, code) => {
    const { sim, chats } = world(['alice']);
    const before = snapshot(sim);
    const e = await refusal(chats.alice!.createGroup(options as never), code);
    expect(e.message.length).toBeGreaterThan(10);
    expect(snapshot(sim)).toEqual(before);
  });

  it('accepts fields at their byte limits, CJK counted as 3 bytes', async () => {
    const { chats } = world(['alice']);
    const r = await chats.alice!.createGroup({ name: '群'.repeat(10), introduction: 'i'.repeat(240), notification: 'n'.repeat(300), avatar: 'a'.repeat(100), groupID: 'x'.repeat(48) });
    expect(r.data.group.name).toBe('群'.repeat(10));
  });

  it('refuses a reused custom ID: 10025 to its owner, 10021 to anyone else', async () => {
    const { chats } = world(['alice', 'bob']);
    await chats.alice!.createGroup({ name: 'G', type: 'Public', groupID: 'team' });
    await refusal(chats.alice!.createGroup({ name: 'G', type: 'Public', groupID: 'team' }), 10025);
    await refusal(chats.bob!.createGroup({ name: 'G', type: 'Public', groupID: 'team' }), 10021);
  });

  it('refuses members beyond the cap with 10014', async () => {
    const { chats } = world(['alice', 'bob', 'carol'], { limits: { memberCap: { Private: 2 } } });
    await refusal(chats.alice!.createGroup({ name: 'G', memberList: [{ userID: 'bob' }, { userID: 'carol' }] }), 10014);
  });
});

describe('identity and time', () => {
  it('gives the same group IDs for the same seed and calls, and others for another seed', async () => {
    const ids = async (seed: number) => {
      const sim = createSimulator({ seed });
      const a = sim.login('alice');
      return [(await a.createGroup({ name: 'A' })).data.group.groupID, (await a.createGroup({ name: 'B', type: 'Community' })).data.group.groupID];
    };
    expect(await ids(7)).toEqual(await ids(7));
    expect(await ids(7)).not.toEqual(await ids(8));
    expect((await ids(7))[1]).toMatch(/^@TGS#_/);
  });

  it('takes createTime and joinTime from the injected clock', async () => {
    const clock = new VirtualClock(Date.UTC(2030, 0, 1));
    const sim = createSimulator({ clock });
    const a = sim.login('alice');
    const m = await a.createGroup({ name: 'M', type: 'ChatRoom' });
    expect(m.data.group.createTime).toBe(Date.UTC(2030, 0, 1) / 1000);
    clock.advance(5000);
    const b = sim.login('bob');
    await b.joinGroup({ groupID: m.data.group.groupID });
    const p = await a.getGroupMemberProfile({ groupID: m.data.group.groupID, userIDList: ['bob'] });
    expect(p.data.memberList[0]!.joinTime).toBe(Date.UTC(2030, 0, 1) / 1000 + 5);
  });

  it('refuses a clock that goes back', () => {
    const clock = new VirtualClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('limits net creations per UTC day and resets the next day (10006)', async () => {
    const { sim, chats } = world(['alice'], { limits: { dailyNetCreations: 2 } });
    const a = chats.alice!;
    const g1 = (await a.createGroup({ name: '1', type: 'Public' })).data.group.groupID;
    await a.createGroup({ name: '2', type: 'Public' });
    await refusal(a.createGroup({ name: '3', type: 'Public' }), 10006);
    await a.dismissGroup(g1); // a dismissal gives one back: the quota is net
    await a.createGroup({ name: '3', type: 'Public' });
    await refusal(a.createGroup({ name: '4', type: 'Public' }), 10006);
    (sim.clock as VirtualClock).advance(86_400_000);
    await a.createGroup({ name: '4', type: 'Public' });
  });
});

describe('joinGroup', () => {
  async function setup(type: string, extra: Record<string, unknown> = {}) {
    const w = world(['alice', 'bob']);
    const { data } = await w.chats.alice!.createGroup({ name: 'G', type, ...extra });
    w.sim.clearEvents();
    return { ...w, groupID: data.group.groupID as string };
  }

  it.each([TYPES.GRP_MEETING, TYPES.GRP_AVCHATROOM, TYPES.GRP_COMMUNITY])('joins a %s group freely', async (type) => {
    const { sim, chats, groupID } = await setup(type);
    const r = await chats.bob!.joinGroup({ groupID });
    assert(r.data.status === 'JoinedSuccess', `joined: ${r.data.status}`);
    expect(r.data.group.groupID).toBe(groupID);
    expect(r.data.group.memberCount).toBe(2);
    expect(received(sim, 'alice')).toEqual(['tip:1']);
    expect(received(sim, 'bob')).toEqual(type === 'AVChatRoom' ? ['tip:1'] : ['tip:1', 'onGroupListUpdated']);
  });

  it('refuses a join request to a Work group (10007) and changes nothing', async () => {
    const { sim, chats, groupID } = await setup(TYPES.GRP_WORK);
    const before = snapshot(sim);
    await refusal(chats.bob!.joinGroup({ groupID }), 10007);
    expect(snapshot(sim)).toEqual(before);
    expect(sim.events).toEqual([]);
  });

  it('puts a Public join in wait for approval by default', async () => {
    const { chats, groupID } = await setup(TYPES.GRP_PUBLIC);
    expect((await chats.bob!.joinGroup({ groupID, applyMessage: 'let me in' })).data).toEqual({ status: 'WaitAdminApproval' });
    expect((await chats.alice!.getGroupProfile({ groupID })).data.group.memberCount).toBe(1);
  });

  it('refuses a DisableApply group (10007)', async () => {
    const { chats, groupID } = await setup(TYPES.GRP_PUBLIC, { joinOption: 'DisableApply' });
    await refusal(chats.bob!.joinGroup({ groupID }), 10007);
  });

  it('answers AlreadyInGroup to a member', async () => {
    const { chats, groupID } = await setup(TYPES.GRP_MEETING);
    expect((await chats.alice!.joinGroup({ groupID })).data).toEqual({ status: 'AlreadyInGroup' });
  });

  it('refuses an unknown group (10010) and a full one (10014)', async () => {
    const w = world(['alice', 'bob', 'carol'], { limits: { memberCap: { ChatRoom: 2 } } });
    await refusal(w.chats.bob!.joinGroup({ groupID: 'nope' }), 10010);
    const g = (await w.chats.alice!.createGroup({ name: 'M', type: 'ChatRoom' })).data.group.groupID;
    await w.chats.bob!.joinGroup({ groupID: g });
    await refusal(w.chats.carol!.joinGroup({ groupID: g }), 10014);
  });

  it('moves a user from one AVChatRoom to the next', async () => {
    const { sim, chats } = world(['alice', 'bob']);
    const a = (await chats.alice!.createGroup({ name: 'A', type: 'AVChatRoom' })).data.group.groupID;
    const b = (await chats.alice!.createGroup({ name: 'B', type: 'AVChatRoom' })).data.group.groupID;
    await chats.bob!.joinGroup({ groupID: a });
    sim.clearEvents();
    await chats.bob!.joinGroup({ groupID: b });
    expect(received(sim, 'alice')).toEqual(['tip:2', 'tip:1']);
    const admin = sim.admin;
    expect((await admin.getGroupInfo(a)).data.memberNum).toBe(1);
    expect((await admin.getGroupInfo(b)).data.memberNum).toBe(2);
  });

  it('lets an unlimitedAVChatRoom login stay in several AVChatRooms', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    const bob = sim.login('bob', { unlimitedAVChatRoom: true });
    const a = (await alice.createGroup({ name: 'A', type: 'AVChatRoom' })).data.group.groupID;
    const b = (await alice.createGroup({ name: 'B', type: 'AVChatRoom' })).data.group.groupID;
    await bob.joinGroup({ groupID: a });
    await bob.joinGroup({ groupID: b });
    expect((await sim.admin.getGroupInfo(a)).data.memberNum).toBe(2);
    expect((await sim.admin.getGroupInfo(b)).data.memberNum).toBe(2);
  });
});

describe('quitGroup', () => {
  it('lets a member quit: notice 8 to them, tip 2 to the others', async () => {
    const { sim, chats } = world(['alice', 'bob']);
    const g = (await chats.alice!.createGroup({ name: 'G', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    sim.clearEvents();
    expect((await chats.bob!.quitGroup(g)).data).toEqual({ groupID: g });
    expect(received(sim, 'bob')).toEqual(['notice:8', 'onGroupListUpdated']);
    expect(received(sim, 'alice')).toEqual(['tip:2']);
    expect((await chats.bob!.getGroupList()).data.groupList).toEqual([]);
  });

  it('lets the owner quit a Work group, leaving it ownerless', async () => {
    const { chats } = world(['alice', 'bob']);
    const g = (await chats.alice!.createGroup({ name: 'G', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    await chats.alice!.quitGroup(g);
    expect((await chats.bob!.getGroupProfile({ groupID: g })).data.group.ownerID).toBe('');
  });

  it.each([TYPES.GRP_PUBLIC, TYPES.GRP_MEETING, TYPES.GRP_AVCHATROOM, TYPES.GRP_COMMUNITY])('refuses the owner of a %s group (10009)', async (type) => {
    const { sim, chats } = world(['alice']);
    const g = (await chats.alice!.createGroup({ name: 'G', type })).data.group.groupID;
    const before = snapshot(sim);
    await refusal(chats.alice!.quitGroup(g), 10009);
    expect(snapshot(sim)).toEqual(before);
  });

  it('refuses a non-member (2623), also for an unknown group', async () => {
    const { chats } = world(['alice', 'bob']);
    const g = (await chats.alice!.createGroup({ name: 'G', type: 'Public' })).data.group.groupID;
    await refusal(chats.bob!.quitGroup(g), 2623);
    await refusal(chats.bob!.quitGroup('nope'), 2623);
  });

  it('recycles a group whose last member quits', async () => {
    const { chats } = world(['alice']);
    const g = (await chats.alice!.createGroup({ name: 'G' })).data.group.groupID;
    await chats.alice!.quitGroup(g);
    await refusal(chats.alice!.getGroupProfile({ groupID: g }), 10010);
  });
});

describe('dismissGroup', () => {
  it('refuses a Work group even to its owner (10007)', async () => {
    const { chats } = world(['alice']);
    const g = (await chats.alice!.createGroup({ name: 'W' })).data.group.groupID;
    await refusal(chats.alice!.dismissGroup(g), 10007);
  });

  it.each([TYPES.GRP_PUBLIC, TYPES.GRP_MEETING, TYPES.GRP_AVCHATROOM, TYPES.GRP_COMMUNITY])('lets only the owner dismiss a %s group; every member hears notice 5', async (type) => {
    const { sim, chats } = world(['alice', 'bob']);
    const g = (await chats.alice!.createGroup({ name: 'G', type })).data.group.groupID;
    await chats.bob!.joinGroup({ groupID: g });
    if (type === 'Public') await sim.admin.addGroupMember({ groupID: g, userIDList: ['bob'] });
    await refusal(chats.bob!.dismissGroup(g), 10007);
    sim.clearEvents();
    expect((await chats.alice!.dismissGroup(g)).data).toEqual({ groupID: g });
    expect(received(sim, 'bob')[0]).toBe('notice:5');
    expect(received(sim, 'alice')[0]).toBe('notice:5');
    await refusal(chats.alice!.getGroupProfile({ groupID: g }), 10010);
    await refusal(chats.alice!.dismissGroup(g), 10010);
  });
});

describe('changeGroupOwner', () => {
  it('hands the group over: old owner Member, new owner Owner, ownerID updated', async () => {
    const { chats } = world(['alice', 'bob']);
    const g = (await chats.alice!.createGroup({ name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    const r = await chats.alice!.changeGroupOwner({ groupID: g, newOwnerID: 'bob' });
    expect(r.data.group.ownerID).toBe('bob');
    expect(r.data.group.selfInfo.role).toBe('Member');
    const bobView = await chats.bob!.getGroupProfile({ groupID: g });
    expect(bobView.data.group.selfInfo.role).toBe('Owner');
  });

  it('refuses an AVChatRoom (2620), oneself (2621), a non-owner (10007), a non-member (10004)', async () => {
    const { sim, chats } = world(['alice', 'bob', 'carol']);
    const av = (await chats.alice!.createGroup({ name: 'AV', type: 'AVChatRoom' })).data.group.groupID;
    const g = (await chats.alice!.createGroup({ name: 'G', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    const before = snapshot(sim);
    await refusal(chats.alice!.changeGroupOwner({ groupID: av, newOwnerID: 'bob' }), 2620);
    await refusal(chats.alice!.changeGroupOwner({ groupID: g, newOwnerID: 'alice' }), 2621);
    await refusal(chats.bob!.changeGroupOwner({ groupID: g, newOwnerID: 'carol' }), 10007);
    await refusal(chats.alice!.changeGroupOwner({ groupID: g, newOwnerID: 'carol' }), 10004);
    await refusal(chats.alice!.changeGroupOwner({ groupID: 'nope', newOwnerID: 'bob' }), 10010);
    expect(snapshot(sim)).toEqual(before);
  });
});

describe('profile and search', () => {
  it('shows a non-member the public fields of a Public group, nothing of a Work group', async () => {
    const { chats } = world(['alice', 'bob']);
    const p = (await chats.alice!.createGroup({ name: 'P', type: 'Public', notification: 'members only' })).data.group.groupID;
    const w = (await chats.alice!.createGroup({ name: 'W' })).data.group.groupID;
    const seen = (await chats.bob!.getGroupProfile({ groupID: p })).data.group;
    expect(seen).toMatchObject({ name: 'P', notification: '', selfInfo: {} });
    await refusal(chats.bob!.getGroupProfile({ groupID: w }), 10007);
    expect((await chats.bob!.searchGroupByID(p)).data.group.groupID).toBe(p);
    await refusal(chats.bob!.searchGroupByID(w), 10007);
    await refusal(chats.bob!.searchGroupByID('nope'), 10010);
  });

  it('lets any Work member edit the basic fields, and nothing else', async () => {
    const { sim, chats } = world(['alice', 'bob']);
    const g = (await chats.alice!.createGroup({ name: 'W', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    sim.clearEvents();
    const r = await chats.bob!.updateGroupProfile({ groupID: g, name: 'W2', introduction: 'i', notification: 'n', avatar: 'a' });
    expect(r.data.group).toMatchObject({ name: 'W2', introduction: 'i', notification: 'n', avatar: 'a' });
    expect(received(sim, 'alice')).toEqual(['tip:6', 'onGroupListUpdated']);
    await refusal(chats.bob!.updateGroupProfile({ groupID: g, maxMemberNum: 50 }), 10007);
    await refusal(chats.alice!.updateGroupProfile({ groupID: g, muteAllMembers: true }), 10007);
  });

  it.each([
    [TYPES.GRP_PUBLIC, true],
    [TYPES.GRP_MEETING, true],
    [TYPES.GRP_COMMUNITY, true],
    [TYPES.GRP_AVCHATROOM, false],
  ])('in a %s group an admin may edit the profile: %s; a member may not', async (type, adminMay) => {
    const { sim, chats } = world(['alice', 'bob', 'carol']);
    const g = (await chats.alice!.createGroup({ name: 'G', type })).data.group.groupID;
    await sim.admin.addGroupMember({ groupID: g, userIDList: ['bob', 'carol'] }).catch(async () => {
      await chats.bob!.joinGroup({ groupID: g });
      await chats.carol!.joinGroup({ groupID: g });
    });
    if (type !== 'AVChatRoom') await chats.alice!.setGroupMemberRole({ groupID: g, userID: 'bob', role: 'Admin' });
    const asAdmin = chats.bob!.updateGroupProfile({ groupID: g, name: 'by bob' });
    if (adminMay) expect((await asAdmin).data.group.name).toBe('by bob');
    else await refusal(asAdmin, 10007);
    await refusal(chats.carol!.updateGroupProfile({ groupID: g, name: 'by carol' }), 10007);
    expect((await chats.alice!.updateGroupProfile({ groupID: g, name: 'by alice' })).data.group.name).toBe('by alice');
  });

  it('drops joinOption changes for types that fix it, applies them to Public', async () => {
    const { chats } = world(['alice']);
    const m = (await chats.alice!.createGroup({ name: 'M', type: 'ChatRoom' })).data.group.groupID;
    const p = (await chats.alice!.createGroup({ name: 'P', type: 'Public' })).data.group.groupID;
    expect((await chats.alice!.updateGroupProfile({ groupID: m, joinOption: 'DisableApply' })).data.group.joinOption).toBe('FreeAccess');
    expect((await chats.alice!.updateGroupProfile({ groupID: p, joinOption: 'DisableApply' })).data.group.joinOption).toBe('DisableApply');
  });

  it('getGroupList lists joined groups but not AVChatRooms', async () => {
    const { chats } = world(['alice']);
    const w = (await chats.alice!.createGroup({ name: 'W' })).data.group.groupID;
    await chats.alice!.createGroup({ name: 'AV', type: 'AVChatRoom' });
    const r = await chats.alice!.getGroupList();
    expect(r.data.groupList.map((g: { groupID: string }) => g.groupID)).toEqual([w]);
    expect(r.data.isSyncCompleted).toBe(true);
  });
});

describe('createSimulator options', () => {
  it.each([
    [{ seed: 1.5 }, 'seed'],
    [{ limits: { memberCap: { Private: -1 } } }, 'limits.memberCap.Private'],
    [{ limits: { userGroupQuota: '3' } }, 'limits.userGroupQuota'],
    [{ limits: { nope: 1 } }, "unknown option 'nope'"],
    [{ clock: { now: 5 } }, 'clock'],
    [{ adminUserID: '' }, 'adminUserID'],
    [{ extra: true }, "unknown option 'extra'"],
  ])('refuses %j with 10004 naming the field', (options, field) => {
    expect(() => createSimulator(options as never)).toThrow(expect.objectContaining({ code: 10004, message: expect.stringContaining(field) }));
  });

  it('accepts a custom clock and partial limits', async () => {
    let t = Date.UTC(2031, 5, 1);
    const sim = createSimulator({ clock: { now: () => t }, limits: { memberCap: { Private: 2 } } });
    const a = sim.login('alice');
    const g = await a.createGroup({ name: 'G' });
    expect(g.data.group.maxMemberCount).toBe(2);
    t += 1000;
    expect(sim.clock.now()).toBe(Date.UTC(2031, 5, 1) + 1000);
  });
});
