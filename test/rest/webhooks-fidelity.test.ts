/**
 * The webhooks as Tencent documents them, with a real HTTP receiver (servers/rest/webhooks.ts cites
 * the pages): a partial invitation veto (RefusedMembers_Account), the app backend's own refusal
 * code in [10100, 10200], the after-callbacks of `Silence: 1` changes, and "before" callbacks that
 * fire only for an operation the service would carry out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withReceiver, type Answer } from './receiver';

let t: Awaited<ReturnType<typeof withReceiver>>;
afterEach(async () => t.close());

const INVITE = 'Group.CallbackBeforeInviteJoinGroup';
const refuse = (...ids: string[]): Answer => (b) => (b.CallbackCommand === INVITE ? { json: { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, RefusedMembers_Account: ids } } : {});

async function accounts(...ids: string[]) {
  for (const UserID of ids) await t.h.post('im_open_login_svc/account_import', { UserID });
}
/** The members, read back over REST as a backend would. */
async function membersOf(GroupId: string): Promise<string[]> {
  const r = await t.h.post('group_open_http_svc/get_group_member_info', { GroupId });
  return (r.MemberList as Array<{ Member_Account: string }>).map((m) => m.Member_Account).sort();
}

describe('RefusedMembers_Account: the refused invitees are not added, the others are', () => {
  it('a user invitation on the SDK side reports the refused ones as failures', async () => {
    t = await withReceiver(refuse('peter'));
    const leckie = t.h.sim.login('leckie');
    t.h.sim.login('bob');
    t.h.sim.login('peter');
    const { data } = await leckie.createGroup({ type: 'Public', name: 'g', inviteOption: 'FreeAccess' } as never);
    const groupID = (data as { group: { groupID: string } }).group.groupID;
    const r = await leckie.addGroupMember({ groupID, userIDList: ['bob', 'peter'] });
    expect(r.data).toMatchObject({ successUserIDList: ['bob'], failureUserIDList: ['peter'] });
    expect(await membersOf(groupID)).toEqual(['bob', 'leckie']);
    await t.settle();
    const joined = t.rx.got.find((g) => g.body.CallbackCommand === 'Group.CallbackAfterNewMemberJoin' && g.body.JoinType === 'Invited');
    expect(joined!.body.NewMemberList).toEqual([{ Member_Account: 'bob' }]);
  });
  it('a REST add_group_member answers Result 0 for a refused member, in the order asked', async () => {
    t = await withReceiver(refuse('bob'));
    await accounts('leckie', 'bob', 'peter');
    const { GroupId } = await t.h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'g' });
    const r = await t.h.post('group_open_http_svc/add_group_member', { GroupId, MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }] });
    expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, MemberList: [{ Member_Account: 'bob', Result: 0 }, { Member_Account: 'peter', Result: 1 }] });
    expect(await membersOf(GroupId)).toEqual(['leckie', 'peter']);
    const invite = t.rx.got.find((g) => g.body.CallbackCommand === INVITE)!;
    expect(invite.query.OptPlatform).toBe('RESTAPI');
    expect(invite.body).toMatchObject({ Operator_Account: 'administrator', DestinationMembers: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }] });
  });
  it('every invitee refused: the invitation fails with 10016 and nobody is added', async () => {
    t = await withReceiver(refuse('bob', 'peter'));
    await accounts('leckie', 'bob', 'peter');
    const { GroupId } = await t.h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'g' });
    const r = await t.h.post('group_open_http_svc/add_group_member', { GroupId, MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }] });
    expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10016 });
    expect(await membersOf(GroupId)).toEqual(['leckie']);
  });
});

describe("the app backend's own code in [10100, 10200] reaches the caller with its ErrorInfo", () => {
  it('on the SDK side and over REST, changing nothing', async () => {
    t = await withReceiver((b) => (b.CallbackCommand === 'Group.CallbackBeforeCreateGroup' ? { json: { ActionStatus: 'OK', ErrorInfo: 'group quota of your plan reached', ErrorCode: 10123 } } : {}));
    await accounts('leckie');
    const sdk = t.h.sim.login('leckie');
    await expect(sdk.createGroup({ type: 'Public', name: 'g' } as never)).rejects.toMatchObject({ code: 10123, message: 'group quota of your plan reached' });
    const r = await t.h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'g' });
    expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10123, ErrorInfo: 'group quota of your plan reached' });
    expect(t.h.sim.state.groups.size).toBe(0);
  });
});

describe('Silence: 1 notifies no member, but the after-callbacks fire', () => {
  it('a silent add fires CallbackAfterNewMemberJoin and a silent delete CallbackAfterMemberExit', async () => {
    t = await withReceiver();
    await accounts('leckie', 'bob', 'peter');
    const { GroupId } = await t.h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'g' });
    const bob = t.h.sim.login('bob');
    await t.h.post('group_open_http_svc/add_group_member', { GroupId, Silence: 1, MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }] });
    await t.h.post('group_open_http_svc/delete_group_member', { GroupId, Silence: 1, MemberToDel_Account: ['peter', 'nobody'] });
    await t.settle();
    // silent indeed: bob's device got no group tip
    expect(t.h.sim.eventsFor('bob').filter((e) => e.name === 'onMessageReceived')).toEqual([]);
    expect(bob.userID).toBe('bob');
    const now = t.h.sim.clock.now();
    const bodies = t.rx.got.map((g) => g.body).filter((b) => b.CallbackCommand === 'Group.CallbackAfterNewMemberJoin' || b.CallbackCommand === 'Group.CallbackAfterMemberExit');
    expect(bodies).toEqual([
      { CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId, Type: 'Public', JoinType: 'Invited', Operator_Account: 'administrator', NewMemberList: [{ Member_Account: 'bob' }, { Member_Account: 'peter' }], EventTime: now },
      { CallbackCommand: 'Group.CallbackAfterMemberExit', GroupId, Type: 'Public', ExitType: 'Kicked', Operator_Account: 'administrator', ExitMemberList: [{ Member_Account: 'peter' }], EventTime: now },
    ]);
  });
});

describe('"before" callbacks fire only for an operation the service would carry out', () => {
  it("an invitation the service refuses anyway sends no callback and fails with the service's own code", async () => {
    t = await withReceiver();
    const leckie = t.h.sim.login('leckie');
    const peter = t.h.sim.login('peter');
    t.h.sim.login('bob');
    const { data } = await leckie.createGroup({ type: 'Public', name: 'g', inviteOption: 'FreeAccess' } as never);
    const groupID = (data as { group: { groupID: string } }).group.groupID;
    // peter is not a member: the simulator refuses him whatever the app backend would say
    const err = await peter.addGroupMember({ groupID, userIDList: ['bob'] }).catch((e: { code: number }) => e);
    expect(err).toMatchObject({ code: expect.any(Number) });
    expect((err as { code: number }).code).not.toBe(10016);
    // a REST create for an owner who does not exist is refused before any callback too
    const r = await t.h.post('group_open_http_svc/create_group', { Owner_Account: 'ghost', Type: 'Public', Name: 'g2' });
    expect(r.ActionStatus).toBe('FAIL');
    await t.settle();
    expect(t.commands()).toEqual(['Group.CallbackBeforeCreateGroup', 'Group.CallbackAfterCreateGroup']);
  });
});
