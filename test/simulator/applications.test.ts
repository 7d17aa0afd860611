/**
 * Join applications and invitations awaiting approval: joinGroup on a NeedPermission group,
 * getGroupApplicationList, handleGroupApplication (by `application` and by `message`).
 */
import { describe, expect, it } from 'vitest';
import { type Chat, type Simulator, type SimulatorOptions, type VirtualClock } from '../../simulator';
import { received, refusal, refusedUnchanged, world } from '../helpers';

// ---- local helpers ----

function setup<T extends string>(names: T[], options?: SimulatorOptions) {
  const w = world(names, options);
  return { sim: w.sim, c: w.chats as Record<T, Chat>, clock: w.sim.clock as VirtualClock };
}

async function memberIDs(chat: Chat, groupID: string): Promise<string[]> {
  const r = await chat.getGroupMemberList({ groupID, count: 100 });
  return r.data.memberList.map((m: { userID: string }) => m.userID);
}

async function applications(chat: Chat) {
  return (await chat.getGroupApplicationList()).data.applicationList as Array<Record<string, unknown> & { messageKey: string; groupID: string; applicationType: 0 | 2 }>;
}

const sorted = (xs: string[]) => [...xs].sort();

interface NoticePayload {
  operationType: number;
  operatorID: string;
  groupProfile: { groupID: string; name: string };
  handleMessage: string;
  messageKey: string;
  authentication: string;
}

/** System notice payloads a device received since the log was last cleared. */
function notices(sim: Simulator, userID: string, device = 'web'): NoticePayload[] {
  return sim
    .eventsFor(userID, device)
    .filter((e) => e.name === 'onMessageReceived')
    .flatMap((e) => e.data as Array<{ type: string; payload: NoticePayload }>)
    .filter((m) => m.type === 'TIMGroupSystemNoticeElem')
    .map((m) => m.payload);
}

/**
 * A Public group with the default joinOption NeedPermission: owner A and admin M on two devices
 * each ('phone', 'laptop'), ordinary member C and would-be member B on 'web'.
 */
async function publicGroup(options?: SimulatorOptions, extra: Record<string, unknown> = {}) {
  const { sim, c, clock } = setup(['B', 'C', 'D'], options);
  const aPhone = sim.login('A', { device: 'phone' });
  const aLaptop = sim.login('A', { device: 'laptop' });
  const mPhone = sim.login('M', { device: 'phone' });
  const mLaptop = sim.login('M', { device: 'laptop' });
  const r = await aPhone.createGroup({ type: 'Public', name: 'club', memberList: [{ userID: 'M', role: 'Admin' }, { userID: 'C' }], ...extra });
  const g = r.data.group.groupID as string;
  expect(r.data.group.joinOption).toBe('NeedPermission');
  return { sim, clock, g, A: aPhone, aLaptop, M: mPhone, mLaptop, B: c.B, C: c.C, D: c.D };
}

// ---- tests ----

describe('joinGroup on a NeedPermission group', () => {
  it('waits for approval and tells the owner and every admin on every device (notice 1)', async () => {
    const { sim, g, A, B } = await publicGroup();
    sim.clearEvents();
    const r = await B.joinGroup({ groupID: g, applyMessage: 'let me in' });
    expect(r).toEqual({ code: 0, data: { status: 'WaitAdminApproval' } });
    for (const u of ['A', 'M']) {
      for (const d of ['phone', 'laptop']) {
        expect(received(sim, u, d)).toEqual(['notice:1']);
        expect(notices(sim, u, d)[0]).toMatchObject({ operationType: 1, operatorID: 'B', groupProfile: { groupID: g, name: 'club' }, handleMessage: 'let me in' });
        expect(notices(sim, u, d)[0]!.messageKey).not.toBe('');
      }
    }
    expect(received(sim, 'C')).toEqual([]);
    expect(received(sim, 'B')).toEqual([]);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C']);
    expect((await B.getGroupList()).data.groupList).toEqual([]);
  });

  it('applying again refreshes the one pending application', async () => {
    const { g, A, B } = await publicGroup();
    await B.joinGroup({ groupID: g, applyMessage: 'first' });
    await B.joinGroup({ groupID: g, applyMessage: 'second' });
    const list = await applications(A);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ userID: 'B', note: 'second' });
  });
});

describe('getGroupApplicationList', () => {
  it('lists pending applications to the owner and admins with the SDK\'s fields, and only pending ones', async () => {
    const { sim, g, A, M, C, B, D } = await publicGroup();
    await sim.admin.importAccount({ userID: 'B', nick: 'Bee' });
    await B.joinGroup({ groupID: g, applyMessage: 'let me in' });
    sim.clearEvents();
    await D.joinGroup({ groupID: g });
    const noticeKey = notices(sim, 'A', 'phone')[0]!.messageKey;
    const r = await A.getGroupApplicationList();
    expect(r.code).toBe(0);
    const list = r.data.applicationList as Awaited<ReturnType<typeof applications>>;
    expect(list).toHaveLength(2);
    expect(Object.keys(list[0]!).sort()).toEqual(['applicant', 'applicantNick', 'applicationType', 'authentication', 'groupID', 'groupName', 'messageKey', 'note', 'userID']);
    expect(list[0]).toMatchObject({ applicant: 'B', applicantNick: 'Bee', groupName: 'club', groupID: g, applicationType: 0, userID: 'B', note: 'let me in' });
    expect(list[1]).toMatchObject({ applicant: 'D', userID: 'D', note: '', messageKey: noticeKey });
    expect(await applications(M)).toEqual(list);
    expect(await applications(C)).toEqual([]);
    expect(await applications(B)).toEqual([]);

    await A.handleGroupApplication({ handleAction: 'Agree', application: list[0]! });
    const after = await applications(M);
    expect(after.map((a) => a.userID)).toEqual(['D']);
  });

  it('shows at most 50 pending applications, oldest first; applying is never refused for list size', async () => {
    const names = Array.from({ length: 51 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const { c, clock } = setup(['A', ...names]);
    const owner = c.A!;
    const g = (await owner.createGroup({ type: 'Public', name: 'busy' })).data.group.groupID as string;
    for (const u of names) {
      clock.advance(1000);
      expect((await c[u]!.joinGroup({ groupID: g })).data.status).toBe('WaitAdminApproval');
    }
    const list = await applications(owner);
    expect(list.map((a) => a.userID)).toEqual(names.slice(0, 50));
    await owner.handleGroupApplication({ handleAction: 'Reject', application: list[0]! });
    expect((await applications(owner)).map((a) => a.userID)).toEqual(names.slice(1));
  });

  it('honours a smaller pendingListSize across the groups a user manages', async () => {
    const { c, clock } = setup(['A', 'B', 'C', 'D'], { limits: { pendingListSize: 2 } });
    const g1 = (await c.A.createGroup({ type: 'Public', name: 'one' })).data.group.groupID as string;
    const g2 = (await c.A.createGroup({ type: 'Public', name: 'two' })).data.group.groupID as string;
    await c.B.joinGroup({ groupID: g1 });
    clock.advance(1000);
    await c.C.joinGroup({ groupID: g2 });
    clock.advance(1000);
    await c.D.joinGroup({ groupID: g1 });
    const list = await applications(c.A);
    expect(list.map((a) => [a.groupID, a.userID])).toEqual([[g1, 'B'], [g2, 'C']]);
  });
});

describe('handleGroupApplication', () => {
  it('Agree via `application`: the applicant joins, gets notice 2 and a list update; members get tip 1', async () => {
    const { sim, g, A, B } = await publicGroup();
    await B.joinGroup({ groupID: g, applyMessage: 'let me in' });
    const [app] = await applications(A);
    sim.clearEvents();
    const r = await A.handleGroupApplication({ handleAction: 'Agree', handleMessage: 'welcome', application: app! });
    expect(r.code).toBe(0);
    expect(r.data.group).toMatchObject({ groupID: g, memberCount: 4 });
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C', 'B']);
    expect(sorted(received(sim, 'B'))).toEqual(sorted(['tip:1', 'onGroupListUpdated', 'notice:2']));
    expect(notices(sim, 'B')[0]).toMatchObject({ operationType: 2, operatorID: 'A', handleMessage: 'welcome', groupProfile: { groupID: g } });
    for (const [u, d] of [['A', 'phone'], ['A', 'laptop'], ['M', 'phone'], ['M', 'laptop'], ['C', 'web']] as const) expect(received(sim, u, d)).toEqual(['tip:1']);
    const listUpdate = sim.eventsFor('B').find((e) => e.name === 'onGroupListUpdated')!.data as Array<{ groupID: string }>;
    expect(listUpdate.map((x) => x.groupID)).toEqual([g]);
    expect((await B.getGroupList()).data.groupList.map((x: { groupID: string }) => x.groupID)).toEqual([g]);
    expect(await applications(A)).toEqual([]);
  });

  it('Agree via the notice `message` received in MESSAGE_RECEIVED', async () => {
    const { sim, g, A, mLaptop, B } = await publicGroup();
    const got: Array<{ type: string }> = [];
    mLaptop.on('onMessageReceived', (e) => got.push(...(e.data as Array<{ type: string }>)));
    await B.joinGroup({ groupID: g });
    const message = got.find((m) => m.type === 'TIMGroupSystemNoticeElem');
    expect(message).toBeDefined();
    sim.clearEvents();
    const r = await mLaptop.handleGroupApplication({ handleAction: 'Agree', message: message as never });
    expect(r.code).toBe(0);
    expect(r.data.group.groupID).toBe(g);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C', 'B']);
    expect(sorted(received(sim, 'B'))).toEqual(sorted(['tip:1', 'onGroupListUpdated', 'notice:2']));
    expect(notices(sim, 'B')[0]).toMatchObject({ operationType: 2, operatorID: 'M' });
    expect(await applications(A)).toEqual([]);
  });

  it('Reject: notice 3 with the handle message to the applicant, nobody joins, nothing to members', async () => {
    const { sim, g, A, M, B } = await publicGroup();
    await B.joinGroup({ groupID: g });
    const [app] = await applications(M);
    sim.clearEvents();
    const r = await M.handleGroupApplication({ handleAction: 'Reject', handleMessage: 'sorry', application: app! });
    expect(r.code).toBe(0);
    expect(r.data.group.groupID).toBe(g);
    expect(received(sim, 'B')).toEqual(['notice:3']);
    expect(notices(sim, 'B')[0]).toMatchObject({ operationType: 3, operatorID: 'M', handleMessage: 'sorry' });
    for (const [u, d] of [['A', 'phone'], ['M', 'laptop'], ['C', 'web']] as const) expect(received(sim, u, d)).toEqual([]);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C']);
    expect(await applications(A)).toEqual([]);
  });

  it('a second decision fails with 10024 and changes nothing', async () => {
    const { sim, g, A, M, mLaptop, B, D } = await publicGroup();
    await B.joinGroup({ groupID: g });
    await D.joinGroup({ groupID: g });
    const [appB, appD] = await applications(M);
    await A.handleGroupApplication({ handleAction: 'Agree', application: appB! });
    await refusedUnchanged(sim, () => M.handleGroupApplication({ handleAction: 'Agree', application: appB! }), 10024);
    await refusedUnchanged(sim, () => mLaptop.handleGroupApplication({ handleAction: 'Reject', application: appB! }), 10024);
    await M.handleGroupApplication({ handleAction: 'Reject', application: appD! });
    await refusedUnchanged(sim, () => A.handleGroupApplication({ handleAction: 'Agree', application: appD! }), 10024);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C', 'B']);
  });

  it('an ordinary member cannot handle (10007)', async () => {
    const { sim, g, A, C, B } = await publicGroup();
    await B.joinGroup({ groupID: g });
    const [app] = await applications(A);
    await refusedUnchanged(sim, () => C.handleGroupApplication({ handleAction: 'Agree', application: app! }), 10007);
    await refusedUnchanged(sim, () => B.handleGroupApplication({ handleAction: 'Agree', application: app! }), 10007);
    expect(await applications(A)).toHaveLength(1);
  });

  it('type 2: a member\'s invitation awaiting approval; Agree adds the invitee (notice 7), Reject does not', async () => {
    const { sim, g, A, M, C, B } = await publicGroup(undefined, { inviteOption: 'NeedPermission' });
    await C.addGroupMember({ groupID: g, userIDList: ['B', 'D'] });
    const list = await applications(A);
    expect(list.map((a) => [a.applicationType, a.applicant, a.userID])).toEqual([[2, 'C', 'B'], [2, 'C', 'D']]);
    expect(await applications(M)).toEqual(list);
    sim.clearEvents();
    const r = await M.handleGroupApplication({ handleAction: 'Agree', application: list[0]! });
    expect(r.code).toBe(0);
    expect(r.data.group).toMatchObject({ groupID: g, memberCount: 4 });
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C', 'B']);
    expect(sorted(received(sim, 'B'))).toEqual(sorted(['notice:7', 'tip:1', 'onGroupListUpdated']));
    expect(received(sim, 'C')).toEqual(['tip:1']);
    expect((await B.getGroupList()).data.groupList.map((x: { groupID: string }) => x.groupID)).toEqual([g]);

    sim.clearEvents();
    await A.handleGroupApplication({ handleAction: 'Reject', application: list[1]! });
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C', 'B']);
    expect(received(sim, 'D')).toEqual([]);
    expect(await applications(A)).toEqual([]);
  });

  it('an application becomes moot (10024) once the applicant joins another way', async () => {
    const { sim, g, A, B } = await publicGroup();
    await B.joinGroup({ groupID: g });
    const [app] = await applications(A);
    const added = await sim.admin.addGroupMember({ groupID: g, userIDList: ['B'] });
    expect(added.data.memberList).toEqual([{ userID: 'B', result: 1 }]);
    expect(await applications(A)).toEqual([]);
    await refusedUnchanged(sim, () => A.handleGroupApplication({ handleAction: 'Agree', application: app! }), 10024);
    await refusedUnchanged(sim, () => A.handleGroupApplication({ handleAction: 'Reject', application: app! }), 10024);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C', 'B']);
  });

  it('a type-2 invitation becomes moot when the owner adds the invitee directly', async () => {
    const { sim, g, A, C } = await publicGroup(undefined, { inviteOption: 'NeedPermission' });
    await C.addGroupMember({ groupID: g, userIDList: ['D'] });
    const [app] = await applications(A);
    expect((await A.addGroupMember({ groupID: g, userIDList: ['D'] })).data.successUserIDList).toEqual(['D']);
    expect(await applications(A)).toEqual([]);
    await refusedUnchanged(sim, () => A.handleGroupApplication({ handleAction: 'Agree', application: app! }), 10024);
  });

  it('Agree into a full group fails with 10014 and the application stays pending', async () => {
    const { sim, g, A, B } = await publicGroup(undefined, { maxMemberNum: 3 });
    expect((await B.joinGroup({ groupID: g })).data.status).toBe('WaitAdminApproval');
    const [app] = await applications(A);
    await refusedUnchanged(sim, () => A.handleGroupApplication({ handleAction: 'Agree', application: app! }), 10014);
    expect(await applications(A)).toEqual([app]);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'C']);
    // room again: the same application can still be agreed
    await A.deleteGroupMember({ groupID: g, userIDList: ['C'] });
    const r = await A.handleGroupApplication({ handleAction: 'Agree', application: app! });
    expect(r.code).toBe(0);
    expect(await memberIDs(A, g)).toEqual(['A', 'M', 'B']);
  });
});

describe('a refused approval', () => {
  it('leaves the pending applications in the order they were listed (equal times included)', async () => {
    const { A, B, D } = await publicGroup({ limits: { memberCap: { Public: 3 } } });
    expect((await B.joinGroup({ groupID: (await A.getGroupList()).data.groupList[0]!.groupID })).data.status).toBe('WaitAdminApproval');
    expect((await D.joinGroup({ groupID: (await A.getGroupList()).data.groupList[0]!.groupID })).data.status).toBe('WaitAdminApproval');
    const before = await applications(A);
    expect(before.map((a) => a.applicant)).toEqual(['B', 'D']);
    // the group is full (A, M, C): approving B is refused, and B's application stays where it was
    await refusal(A.handleGroupApplication({ handleAction: 'Agree', application: before[0] }), 10014);
    expect(await applications(A)).toEqual(before);
  });
});
