/**
 * Tests written to kill mutants that survived the features, the properties and the other unit
 * tests (docs/suite-strength.md lists each mutant, by file and line, with the test that kills it).
 * Each asserts documented or observable behaviour, never the simulator's internals, unless the
 * test says why.
 */
import { describe, expect, it, vi } from 'vitest';
import { isCodedError, type Chat, type Simulator, type SimulatorOptions, type VirtualClock } from '../../simulator';
import { MemberTable, type MemberRecord } from '../../simulator/core/member-table';
import { USER_COMMANDS } from '../../simulator/core';
import { groupsOf } from '../../simulator/core/state';
import { refusal, world } from '../helpers';

const member = (userID: string): MemberRecord => ({ userID, groupID: 'g', role: 'Member', joinTime: 0, nameCard: '', muteUntil: 0, memberCustomField: [], slot: -1 });

function setup<T extends string>(names: T[], options?: SimulatorOptions) {
  const w = world(names, options);
  return { sim: w.sim, c: w.chats as Record<T, Chat>, clock: w.sim.clock as VirtualClock };
}

async function pending(chat: Chat) {
  return (await chat.getGroupApplicationList()).data.applicationList;
}

/** The system notices a user's device received, as payloads. */
function notices(sim: Simulator, userID: string, device = 'web'): Array<Record<string, unknown>> {
  return sim
    .eventsFor(userID, device)
    .filter((e) => e.name === 'onMessageReceived')
    .flatMap((e) => e.data as Array<{ type: string; payload: Record<string, unknown> }>)
    .filter((m) => m.type === 'TIMGroupSystemNoticeElem')
    .map((m) => m.payload);
}

describe('refusals name their field and say why (rules.ts)', () => {
  it('an oversize name: field "name", the byte count against the limit', async () => {
    const { c } = setup(['alice']);
    const e = await refusal(c.alice.createGroup({ name: 'n'.repeat(31) }), 10004);
    expect(e.data).toEqual({ field: 'name' });
    expect(e.message).toBe('Invalid parameter (name: 31 bytes > 30 (UTF-8))');
  });

  it('an unknown group: field "groupID", the ID', async () => {
    const { c } = setup(['alice']);
    const e = await refusal(c.alice.getGroupProfile({ groupID: 'nope' }), 10010);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toContain('(groupID: nope)');
  });

  it('a non-member acting in a group: field "groupID", who and what', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = (await c.alice.createGroup({ name: 'G', type: 'Public' })).data.group.groupID as string;
    const e = await refusal(c.bob.addGroupMember({ groupID: g, userIDList: ['alice'] }), 10007);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toContain('(groupID: bob is not a member and cannot invite)');
  });

  it('a target who is not a member: field "userID", who and where', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = (await c.alice.createGroup({ name: 'G', type: 'Public' })).data.group.groupID as string;
    const e = await refusal(c.alice.setGroupMemberNameCard({ groupID: g, userID: 'bob', nameCard: 'x' }), 10004);
    expect(e.data).toEqual({ field: 'userID' });
    expect(e.message).toBe(`Invalid parameter (userID: bob is not a member of ${g})`);
  });

  it('an unknown user: says the user was never imported nor logged in', async () => {
    const { c } = setup(['alice']);
    const e = await refusal(c.alice.createGroup({ name: 'G', memberList: [{ userID: 'ghost' }] }), 10019);
    expect(e.message).toContain('ghost was never imported nor logged in');
  });

  it('a full group: field "groupID", how full and how many were added', async () => {
    const { c } = setup(['alice', 'bob'], { limits: { memberCap: { Public: 1 } } });
    const g = (await c.alice.createGroup({ name: 'G', type: 'Public', joinOption: 'FreeAccess' })).data.group.groupID as string;
    const e = await refusal(c.bob.joinGroup({ groupID: g }), 10014);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toContain(`(groupID: ${g} holds 1 of 1; cannot add 1)`);
  });
});

describe('generated group IDs (rules.ts)', () => {
  it('are @TGS# and "2" or, every third, "a", then nine letters or digits', async () => {
    const { c } = setup(['alice']);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await c.alice.createGroup({ name: `G${i}`, type: 'Public' })).data.group.groupID as string);
    for (const id of ids) expect(id).toMatch(/^@TGS#[2a][A-Z0-9]{9}$/);
    // the letter follows the serial: 'a' when it is a multiple of 3 (the first group here takes serial 1)
    expect(ids.map((id) => id[5])).toEqual(['2', '2', 'a', '2', '2', 'a']);
  });
});

describe('the per-user group quota (rules.ts quotaUse)', () => {
  it('does not count the AVChatRoom a user is in', async () => {
    const { c } = setup(['alice', 'bob'], { limits: { userGroupQuota: 1 } });
    const av = (await c.alice.createGroup({ name: 'AV', type: 'AVChatRoom' })).data.group.groupID as string;
    await c.bob.joinGroup({ groupID: av });
    // bob is in one AVChatRoom, which is not counted: one ordinary group still fits
    const r = await c.bob.createGroup({ name: 'B', type: 'Public' });
    expect(r.code).toBe(0);
  });
});

describe('an empty AVChatRoom (rules.ts recycleIfEmpty)', () => {
  it('is not repossessed when its last viewer leaves', async () => {
    const { sim, c } = setup(['bob']);
    await sim.admin.createGroup({ type: 'AVChatRoom', name: 'Live', groupID: 'live' });
    await c.bob.joinGroup({ groupID: 'live' });
    await c.bob.quitGroup('live');
    expect((await sim.admin.getGroupInfo('live')).code).toBe(0);
    expect((await c.bob.joinGroup({ groupID: 'live' })).data.status).toBe('JoinedSuccess');
  });
});

describe('system notices (rules.ts notice)', () => {
  it('carry empty handleMessage, authentication and messageKey unless the notice sets them', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const g = (await c.alice.createGroup({ name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] })).data.group.groupID as string;
    sim.clearEvents();
    await c.alice.setGroupMemberRole({ groupID: g, userID: 'bob', role: 'Admin' });
    const made = notices(sim, 'bob');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ operationType: 9, handleMessage: '', authentication: '', messageKey: '', userDefinedField: '' });
  });
});

describe('pending applications (rules.ts admit, recycleIfEmpty, destroy)', () => {
  it('approving one applicant leaves the others pending', async () => {
    const { c } = setup(['alice', 'bob', 'carol']);
    const g = (await c.alice.createGroup({ name: 'G', type: 'Public' })).data.group.groupID as string;
    await c.bob.joinGroup({ groupID: g });
    await c.carol.joinGroup({ groupID: g });
    const list = await pending(c.alice);
    await c.alice.handleGroupApplication({ handleAction: 'Agree', application: list.find((a) => a.userID === 'bob') });
    expect((await pending(c.alice)).map((a) => a.userID)).toEqual(['carol']);
  });

  it("joining one group leaves the same user's applications to other groups pending", async () => {
    const { c } = setup(['alice', 'bob']);
    const g1 = await create(c.alice, { type: 'Public' });
    const g2 = await create(c.alice, { type: 'Public' });
    await c.bob.joinGroup({ groupID: g1 });
    await c.bob.joinGroup({ groupID: g2 });
    const first = (await pending(c.alice)).find((a) => a.groupID === g1);
    await c.alice.handleGroupApplication({ handleAction: 'Agree', application: first });
    expect((await pending(c.alice)).map((a) => [a.groupID, a.userID])).toEqual([[g2, 'bob']]);
  });

  it('a dismissed group leaves no application behind for a new group of the same ID', async () => {
    const { c } = setup(['alice', 'bob', 'carol']);
    await c.alice.createGroup({ name: 'G', type: 'Public', groupID: 'club' });
    await c.carol.createGroup({ name: 'H', type: 'Public', groupID: 'other' });
    await c.bob.joinGroup({ groupID: 'club' });
    await c.bob.joinGroup({ groupID: 'other' });
    await c.alice.dismissGroup('club');
    await c.alice.createGroup({ name: 'G2', type: 'Public', groupID: 'club' });
    expect(await pending(c.alice)).toEqual([]);
    // another group's applications are untouched
    expect((await pending(c.carol)).map((a) => [a.groupID, a.userID])).toEqual([['other', 'bob']]);
  });

  it('a group recycled when its last member leaves leaves no application behind', async () => {
    const { sim, c } = setup(['alice', 'bob', 'carol', 'dave']);
    // an ownerless Public group (the app admin's) with one member, and carol's request pending
    await sim.admin.createGroup({ type: 'Public', name: 'G', groupID: 'club', memberList: [{ userID: 'bob', role: 'Admin' }] });
    await c.dave.createGroup({ name: 'H', type: 'Public', groupID: 'other' });
    await c.carol.joinGroup({ groupID: 'club' });
    await c.carol.joinGroup({ groupID: 'other' });
    expect((await pending(c.bob)).map((a) => a.userID)).toEqual(['carol']);
    await c.bob.quitGroup('club');
    // the last member gone, the service repossessed it; a new group may take the ID
    await c.alice.createGroup({ name: 'G2', type: 'Public', groupID: 'club' });
    expect(await pending(c.alice)).toEqual([]);
    expect((await pending(c.dave)).map((a) => [a.groupID, a.userID])).toEqual([['other', 'carol']]);
  });
});

/** Creates a group as `chat` and returns its ID. */
async function create(chat: Chat, options: Record<string, unknown>): Promise<string> {
  return (await chat.createGroup({ name: 'G', ...options })).data.group.groupID as string;
}

/** Names of the tips (tip:N) and notices (notice:N) a device received. */
function kinds(sim: Simulator, userID: string, device = 'web'): string[] {
  return sim.eventsFor(userID, device).flatMap((e) =>
    e.name !== 'onMessageReceived'
      ? [e.name]
      : (e.data as Array<{ type: string; payload: { operationType?: number } }>).map((m) =>
          m.type === 'TIMGroupTipElem' ? `tip:${m.payload.operationType}` : m.type === 'TIMGroupSystemNoticeElem' ? `notice:${m.payload.operationType}` : m.type,
        ),
  );
}

describe('refusals name their field and say why (group-commands.ts, member-commands.ts, store-commands.ts)', () => {
  it('joining a Work group on request', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Private' });
    const e = await refusal(c.bob.joinGroup({ groupID: g }), 10007);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toBe('Insufficient operation permission (groupID: a Work group cannot be joined on request, only through addGroupMember)');
  });

  it('joining a DisableApply group', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public', joinOption: 'DisableApply' });
    const e = await refusal(c.bob.joinGroup({ groupID: g }), 10007);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toBe(`Insufficient operation permission (groupID: ${g} does not accept join requests (DisableApply))`);
  });

  it('joining at the per-user quota', async () => {
    const { c } = setup(['alice', 'bob'], { limits: { userGroupQuota: 1 } });
    await create(c.bob, { type: 'Public' });
    const g = await create(c.alice, { type: 'Public', joinOption: 'FreeAccess' });
    const e = await refusal(c.bob.joinGroup({ groupID: g }), 10037);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toContain('(groupID: bob is at the 1-group quota)');
  });

  it('reading a Work group profile or searching for it as a non-member', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Private' });
    const read = await refusal(c.bob.getGroupProfile({ groupID: g }), 10007);
    expect(read.data).toEqual({ field: 'groupID' });
    expect(read.message).toContain('(groupID: a Work group profile is visible to its members only)');
    const search = await refusal(c.bob.searchGroupByID(g), 10007);
    expect(search.data).toEqual({ field: 'groupID' });
    expect(search.message).toContain('(groupID: Work groups cannot be searched)');
  });

  it('editing a profile as a non-member', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public' });
    const e = await refusal(c.bob.updateGroupProfile({ groupID: g, name: 'x' }), 10007);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toContain(`(groupID: bob is not a member of ${g})`);
  });

  it('adding more users than one call may add', async () => {
    const { c } = setup(['alice']);
    const g = await create(c.alice, { type: 'Private' });
    const e = await refusal(c.alice.addGroupMember({ groupID: g, userIDList: Array.from({ length: 501 }, (_, i) => `u${i}`) }), 10005);
    expect(e.data).toEqual({ field: 'userIDList' });
    expect(e.message).toContain('(userIDList: 501 users > 500)');
  });

  it("changing the owner's role, or making admins where there are none", async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const pub = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    const owner = await refusal(sim.admin.modifyGroupMemberInfo({ groupID: pub, userID: 'alice', role: 'Member' }), 10007);
    expect(owner.data).toEqual({ field: 'userID' });
    expect(owner.message).toContain("(userID: the owner's role cannot be changed; transfer the group instead)");
    const work = await create(c.alice, { type: 'Private', memberList: [{ userID: 'bob' }] });
    const w = await refusal(c.alice.setGroupMemberRole({ groupID: work, userID: 'bob', role: 'Admin' }), 10007);
    expect(w.data).toEqual({ field: 'groupID' });
    expect(w.message).toContain('(groupID: a Work group has no admins)');
    const av = await create(c.alice, { type: 'AVChatRoom' });
    await c.bob.joinGroup({ groupID: av });
    const a = await refusal(c.alice.setGroupMemberRole({ groupID: av, userID: 'bob', role: 'Admin' }), 10007);
    expect(a.message).toContain('(groupID: a AVChatRoom has no admins)');
  });

  it('group attributes over their limits', async () => {
    const { c } = setup(['alice'], { limits: { attributeKeys: 2 } });
    const g = await create(c.alice, { type: 'Public' });
    const key = await refusal(c.alice.initGroupAttributes({ groupID: g, groupAttributes: { ['k'.repeat(33)]: 'v' } }), 10045);
    expect(key.data).toEqual({ field: `groupAttributes.${'k'.repeat(33)}` });
    expect(key.message).toContain('key is 33 bytes > 32');
    const value = await refusal(c.alice.initGroupAttributes({ groupID: g, groupAttributes: { k: 'v'.repeat(4001) } }), 10046);
    expect(value.data).toEqual({ field: 'groupAttributes.k' });
    expect(value.message).toContain('value is 4001 bytes > 4000');
    const many = await refusal(c.alice.initGroupAttributes({ groupID: g, groupAttributes: { a: '1', b: '2', c: '3' } }), 10047);
    expect(many.data).toEqual({ field: 'groupAttributes' });
    expect(many.message).toContain('(groupAttributes: 3 keys > 2)');
  });

  it('group attributes over the total size', async () => {
    const { c } = setup(['alice']);
    const g = await create(c.alice, { type: 'Public' });
    const big = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'v'.repeat(4000)]));
    const e = await refusal(c.alice.initGroupAttributes({ groupID: g, groupAttributes: big }), 10048);
    expect(e.data).toEqual({ field: 'groupAttributes' });
    expect(e.message).toMatch(/\(groupAttributes: \d+ bytes > \d+\)$/);
  });

  it('writing attributes as a non-member says what was refused', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public' });
    const e = await refusal(c.bob.initGroupAttributes({ groupID: g, groupAttributes: { k: 'v' } }), 10007);
    expect(e.message).toContain('cannot write group attributes');
  });

  it('an admin transferring an AVChatRoom', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const av = await create(c.alice, { type: 'AVChatRoom' });
    const e = await refusal(sim.admin.changeGroupOwner({ groupID: av, newOwnerID: 'bob' }), 10007);
    expect(e.data).toEqual({ field: 'groupID' });
    expect(e.message).toContain('(groupID: an AVChatRoom cannot be transferred)');
  });

  it('an admin asking for the groups of an unknown user', async () => {
    const { sim } = setup(['alice']);
    const e = await refusal(sim.admin.getJoinedGroupList({ userID: 'ghost' }), 10019);
    expect(e.data).toEqual({ field: 'userID' });
  });

  it('too many custom group fields (and exactly the limit is fine)', async () => {
    const { sim, c } = setup(['alice']);
    const limit = sim.state.limits.groupCustomFields;
    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `f${i}`, value: 'v' }));
    expect((await c.alice.createGroup({ name: 'ok', type: 'Public', groupCustomField: fields(limit) })).code).toBe(0);
    const e = await refusal(c.alice.createGroup({ name: 'G', type: 'Public', groupCustomField: fields(limit + 1) }), 10004);
    expect(e.data).toEqual({ field: 'groupCustomField' });
    expect(e.message).toContain(`(groupCustomField: more than ${limit} fields)`);
  });
});

describe('errors (errors.ts)', () => {
  it('are Errors named "Error", and carry no field when the refusal names none', async () => {
    const { c } = setup(['alice']);
    const e = await refusal(c.alice.createGroup({ name: 'n'.repeat(31) }), 10004);
    expect(e.name).toBe('Error');
    await c.alice.logout();
    const out = await refusal(c.alice.getGroupList(), 2024);
    expect(Object.keys(out.data)).toEqual([]);
  });

  it('isCodedError accepts exactly objects with a numeric code and a string message', async () => {
    expect(isCodedError({ code: 1, message: 'm' })).toBe(true);
    expect(isCodedError(Object.assign(new Error('m'), { code: 10004 }))).toBe(true);
    for (const bad of [null, undefined, 1, 'x', {}, { code: '1', message: 'm' }, { code: 1 }, { message: 'm' }, { code: 1, message: 2 }]) {
      expect(isCodedError(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('logged-out calls (chat.ts)', () => {
  it('are refused with 2024 and a message naming the call', async () => {
    const { c } = setup(['alice']);
    await c.alice.logout();
    const e = await refusal(c.alice.createGroup({ name: 'G' }), 2024);
    expect(e.message).toBe('The user has not logged in | createGroup | SDK is not ready');
  });

  it('quitGroup answers 2623 with the group ID', async () => {
    const { c } = setup(['alice']);
    await c.alice.logout();
    const e = await refusal(c.alice.quitGroup('G1'), 2623);
    expect(e.message).toBe('The user is not in the group (groupID: G1)');
  });

  it('joinGroup on anything but an AVChatRoom answers 2662, and a bad argument a coded error', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public' });
    await c.bob.logout();
    const e = await refusal(c.bob.joinGroup({ groupID: g }), 2662);
    expect(e.message).toBe('Non-AVChatRoom groups cannot be joined anonymously; log in first (groupID)');
    // bad arguments are answered with a coded error (2662, or 10004 where the SDK validates first), never a TypeError
    for (const arg of [undefined, null, 'x', { groupID: 7 }]) {
      const bad = await c.bob.joinGroup(arg as never).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(isCodedError(bad), String(bad)).toBe(true);
      expect([2662, 10004]).toContain((bad as { code: number }).code);
    }
  });
});

describe('defaults and views (group-commands.ts, views.ts, messages.ts)', () => {
  it('a new group has an empty introduction and notification; a Community invites freely', async () => {
    const { c } = setup(['alice']);
    const g = await create(c.alice, { type: 'Public' });
    const p = (await c.alice.getGroupProfile({ groupID: g })).data.group;
    expect(p.introduction).toBe('');
    expect(p.notification).toBe('');
    expect(p.avatar).toBe('');
    const com = await create(c.alice, { type: 'Community' });
    expect((await c.alice.getGroupProfile({ groupID: com })).data.group.inviteOption).toBe('FreeAccess');
  });

  it('member views show the nick and avatar of an imported account', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    await sim.admin.importAccount({ userID: 'bob', nick: 'Bee', avatar: 'b.png' });
    const g = await create(c.alice, { type: 'AVChatRoom' });
    await c.bob.joinGroup({ groupID: g });
    const list = (await c.alice.getGroupMemberList({ groupID: g, count: 10 })).data.memberList as Array<{ userID: string; nick: string; avatar: string }>;
    expect(list.find((m) => m.userID === 'bob')).toMatchObject({ nick: 'Bee', avatar: 'b.png' });
  });

  it('delivered messages carry the SDK message fields with their resting values', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    sim.clearEvents();
    await c.alice.updateGroupProfile({ groupID: g, name: 'renamed' });
    const msg = sim.eventsFor('bob', 'web').find((e) => e.name === 'onMessageReceived')!.data as Array<Record<string, unknown>>;
    expect(msg[0]).toMatchObject({
      cloudCustomData: '',
      isDeleted: false,
      isModified: false,
      needReadReceipt: false,
      isBroadcastMessage: false,
      isSupportExtension: false,
      revoker: '',
      revokerInfo: { userID: '', nick: '', avatar: '' },
      revokeReason: '',
      hasRiskContent: false,
    });
  });
});

describe('applications (group-commands.ts apply)', () => {
  it('one user applying to two groups files two applications', async () => {
    const { c } = setup(['alice', 'bob']);
    const g1 = await create(c.alice, { type: 'Public' });
    const g2 = await create(c.alice, { type: 'Public' });
    await c.bob.joinGroup({ groupID: g1 });
    await c.bob.joinGroup({ groupID: g2 });
    expect((await pending(c.alice)).map((a) => a.groupID).sort()).toEqual([g1, g2].sort());
  });

  it('a join request and an invitation of the same user are two applications, and only the request notifies the managers', async () => {
    const { sim, c } = setup(['alice', 'bob', 'carol']);
    const g = await create(c.alice, { type: 'Public', inviteOption: 'NeedPermission', memberList: [{ userID: 'carol' }] });
    sim.clearEvents();
    await c.carol.addGroupMember({ groupID: g, userIDList: ['bob'] });
    expect(kinds(sim, 'alice')).not.toContain('notice:1');
    await c.bob.joinGroup({ groupID: g });
    expect(kinds(sim, 'alice')).toContain('notice:1');
    expect((await pending(c.alice)).map((a) => a.applicationType).sort()).toEqual([0, 2]);
  });
});

describe('roles (member-commands.ts setRole)', () => {
  it('setting the role a member already has changes nothing and tells nobody', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob', role: 'Admin' }] });
    sim.clearEvents();
    expect((await c.alice.setGroupMemberRole({ groupID: g, userID: 'bob', role: 'Admin' })).code).toBe(0);
    expect(sim.events).toEqual([]);
  });

  it('making a Community member Custom is no admin change: no tip 5, no notice 10', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Community', memberList: [{ userID: 'bob' }] });
    sim.clearEvents();
    await c.alice.setGroupMemberRole({ groupID: g, userID: 'bob', role: 'Custom' });
    expect(kinds(sim, 'bob')).not.toContain('tip:5');
    expect(kinds(sim, 'bob')).not.toContain('notice:10');
  });
});

describe('removing members (member-commands.ts deleteGroupMember)', () => {
  it('passes the reason on, and an empty one when none is given', async () => {
    const { sim, c } = setup(['alice', 'bob', 'carol']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }, { userID: 'carol' }] });
    sim.clearEvents();
    await c.alice.deleteGroupMember({ groupID: g, userIDList: ['bob'], reason: 'spam' });
    expect(notices(sim, 'bob')[0]).toMatchObject({ operationType: 4, handleMessage: 'spam' });
    sim.clearEvents();
    await c.alice.deleteGroupMember({ groupID: g, userIDList: ['carol'] });
    expect(notices(sim, 'carol')[0]).toMatchObject({ operationType: 4, handleMessage: '' });
  });

  it('a duration outside an AVChatRoom bans nobody: a kick tip (3), not a ban tip (10)', async () => {
    const { sim, c } = setup(['alice', 'bob', 'carol']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }, { userID: 'carol' }] });
    sim.clearEvents();
    await c.alice.deleteGroupMember({ groupID: g, userIDList: ['bob'], duration: 60 });
    expect(kinds(sim, 'carol')).toContain('tip:3');
    expect(kinds(sim, 'carol')).not.toContain('tip:10');
  });
});

describe('member lists (member-commands.ts getGroupMemberList)', () => {
  it('count 0 means the default page, not an empty one', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    const r = await c.alice.getGroupMemberList({ groupID: g, count: 0 });
    expect(r.data.memberList).toHaveLength(2);
  });
});

describe('profile rights (group-commands.ts checkProfileRights)', () => {
  it('an ordinary member of a Work group may send joinOption and inviteOption with the basic fields', async () => {
    const { c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Private', memberList: [{ userID: 'bob' }] });
    expect((await c.bob.updateGroupProfile({ groupID: g, name: 'n', joinOption: 'DisableApply' })).code).toBe(0);
    expect((await c.bob.updateGroupProfile({ groupID: g, name: 'n', inviteOption: 'FreeAccess' })).code).toBe(0);
  });
});

describe('group attributes (store-commands.ts)', () => {
  it('writing the same attributes again tells nobody', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    await c.alice.initGroupAttributes({ groupID: g, groupAttributes: { k: 'v' } });
    sim.clearEvents();
    await c.alice.initGroupAttributes({ groupID: g, groupAttributes: { k: 'v' } });
    expect(sim.events).toEqual([]);
  });
});

describe('the app admin (admin-commands.ts)', () => {
  it('transferring a group to its owner answers the group and owner, and tells nobody', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const g = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    sim.clearEvents();
    const r = await sim.admin.changeGroupOwner({ groupID: g, newOwnerID: 'alice' });
    expect(r.data).toEqual({ groupID: g, ownerID: 'alice' });
    expect(sim.events).toEqual([]);
  });

  it('the joined-group list leaves AVChatRooms out unless withHugeGroups', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    const av = await create(c.alice, { type: 'AVChatRoom' });
    const pub = await create(c.alice, { type: 'Public', memberList: [{ userID: 'bob' }] });
    await c.bob.joinGroup({ groupID: av });
    expect((await sim.admin.getJoinedGroupList({ userID: 'bob' })).data.groupIdList).toEqual([{ groupID: pub, type: 'Public' }]);
    expect((await sim.admin.getJoinedGroupList({ userID: 'bob', withHugeGroups: true })).data.totalCount).toBe(2);
  });

  it('a custom group ID the admin created for an owner is that owner\'s (10025 to them, 10021 to others)', async () => {
    const { sim, c } = setup(['alice', 'bob']);
    await sim.admin.createGroup({ type: 'Public', name: 'G', groupID: 'club', ownerAccount: 'alice' });
    await refusal(c.alice.createGroup({ name: 'G', type: 'Public', groupID: 'club' }), 10025);
    await refusal(c.bob.createGroup({ name: 'G', type: 'Public', groupID: 'club' }), 10021);
  });

  it('accepts the wire type names ChatRoom and Private', async () => {
    const { sim } = setup(['alice']);
    expect((await sim.admin.createGroup({ type: 'ChatRoom', name: 'M' })).data.type).toBe('ChatRoom');
    expect((await sim.admin.createGroup({ type: 'Private', name: 'W', ownerAccount: 'alice' })).data.type).toBe('Private');
  });
});

describe('option shapes (schemas.ts)', () => {
  it('getGroupList takes a groupProfileFilter', async () => {
    const { c } = setup(['alice']);
    expect((await c.alice.getGroupList({ groupProfileFilter: ['introduction'] })).code).toBe(0);
  });

  it('handleGroupApplication needs message or application, and says so', async () => {
    const { c } = setup(['alice']);
    const e = await refusal(c.alice.handleGroupApplication({ handleAction: 'Agree' }), 10004);
    expect(e.data).toEqual({ field: 'application' });
    expect(e.message).toContain('needs `message` or `application`');
  });

  it('increasing or decreasing a counter by 0 is refused as a missing value', async () => {
    const { c } = setup(['alice']);
    const g = await create(c.alice, { type: 'Public' });
    const e = await refusal(c.alice.increaseGroupCounter({ groupID: g, key: 'k', value: 0 }), 10004);
    expect(e.message).toContain('is required (0 counts as missing)');
  });
});

describe('more refusal shapes (errors.ts ChatError.from, group-commands.ts)', () => {
  it('a refusal without a field (the daily creation quota) carries no field at all', async () => {
    const { c } = setup(['alice'], { limits: { dailyNetCreations: 1 } });
    await create(c.alice, { type: 'Public' });
    const e = await refusal(c.alice.createGroup({ name: 'G2', type: 'Public' }), 10006);
    expect(Object.keys(e.data)).toEqual([]);
    expect(e.message).toBe('Operation frequency limit: the daily net group creation quota is used up (net creations today reached 1)');
  });
});

describe('a defect inside the simulator (chat.ts)', () => {
  it('surfaces as a coded 2903 UNCAUGHT_ERROR naming the call, not as a TypeError', async () => {
    const { sim, c } = setup(['alice']);
    vi.spyOn(sim, 'runUser').mockImplementation(() => {
      throw new TypeError('boom');
    });
    const e = await refusal(c.alice.getGroupList(), 2903);
    expect(e.message).toBe('UNCAUGHT_ERROR in getGroupList: boom');
  });
});

describe('a defect inside a command (core/index.ts)', () => {
  it('is rolled back and rethrown as it is, not answered as a refusal', async () => {
    const { sim, c } = setup(['alice']);
    const serial = sim.state.nextSerial;
    const run = USER_COMMANDS.createGroup.run;
    const spy = vi.spyOn(USER_COMMANDS.createGroup, 'run').mockImplementation((tx, ctx, actor, input) => {
      run(tx, ctx, actor, input);
      throw new TypeError('boom');
    });
    try {
      const e = await refusal(c.alice.createGroup({ name: 'G' }), 2903);
      expect(e.message).toBe('UNCAUGHT_ERROR in createGroup: boom');
    } finally {
      spy.mockRestore();
    }
    // the group, its owner's membership and the serial are all undone (an empty membership set may remain)
    expect(sim.state.groups.size).toBe(0);
    expect([...groupsOf(sim.state, 'alice')]).toEqual([]);
    expect(sim.state.nextSerial).toBe(serial);
    expect((await c.alice.getGroupList()).data.groupList).toEqual([]);
  });
});

describe('the member table (member-table.ts)', () => {
  it('finds the member of every rank after growing past its first capacity', () => {
    for (const n of [17, 33, 65, 130]) {
      const t = new MemberTable('g', new Map(Array.from({ length: n }, (_, i) => [`u${i}`, { groups: '' as const }])));
      for (let i = 0; i < n; i++) t.add(member(`u${i}`));
      for (let k = 0; k < n; k++) expect(t.page(k, 1).map((r) => r.userID), `n=${n} k=${k}`).toEqual([`u${k}`]);
      expect(t.page(n, 1)).toEqual([]);
    }
  });
});

describe('message numbering (rules.ts notice)', () => {
  it('a notice with nobody to tell is not sent, so it takes no message number', async () => {
    const { sim, c } = setup(['bob', 'carol']);
    // an ownerless Public group: a join request has no owner or admin to notify
    await sim.admin.createGroup({ type: 'Public', name: 'G', groupID: 'club', memberList: [{ userID: 'bob' }] });
    const seqOfLastTip = () => {
      const last = sim.eventsFor('bob', 'web').filter((e) => e.name === 'onMessageReceived').at(-1)!;
      return (last.data as Array<{ sequence: number }>)[0]!.sequence;
    };
    await sim.admin.modifyGroupBaseInfo({ groupID: 'club', name: 'one' });
    const first = seqOfLastTip();
    expect((await c.carol.joinGroup({ groupID: 'club' })).data.status).toBe('WaitAdminApproval');
    await sim.admin.modifyGroupBaseInfo({ groupID: 'club', name: 'two' });
    expect(seqOfLastTip()).toBe(first + 1);
  });
});
