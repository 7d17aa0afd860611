/**
 * The group webhooks, received by a real HTTP server: the documented query and bodies, their
 * order, vetoes by "before" callbacks, and the default when the receiver fails or is slow. SDK-side
 * (sim.login) and REST-side operations fire them alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, SDKAPPID, type Harness } from './helpers';
import { receiver } from './receiver';

let rx: Awaited<ReturnType<typeof receiver>>;
let h: Harness;
async function start(answer?: Parameters<typeof receiver>[0], timeoutMs?: number) {
  rx = await receiver(answer);
  h = await startHarness({ callbackUrl: rx.url, ...(timeoutMs === undefined ? {} : { callbackTimeoutMs: timeoutMs }) });
}
afterEach(async () => {
  await h.close();
  await rx.close();
});
const commands = () => rx.got.map((r) => r.body.CallbackCommand);
const settle = () => h.emu.webhooks!.idle();

describe('webhooks with their documented query and bodies', () => {
  it('a REST create, member changes, profile change, owner change and destroy, in order', async () => {
    await start();
    for (const UserID of ['leckie', 'bob', 'peter']) await h.post('im_open_login_svc/account_import', { UserID });
    const { GroupId } = await h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'TestGroup', MemberList: [{ Member_Account: 'bob' }] });
    await h.post('group_open_http_svc/add_group_member', { GroupId, MemberList: [{ Member_Account: 'peter' }] });
    await h.post('group_open_http_svc/delete_group_member', { GroupId, MemberToDel_Account: ['peter'] });
    await h.post('group_open_http_svc/modify_group_base_info', { GroupId, Name: 'Renamed', Notification: 'hello' });
    await h.post('group_open_http_svc/change_group_owner', { GroupId, NewOwner_Account: 'bob' });
    await h.post('group_open_http_svc/destroy_group', { GroupId });
    await settle();
    expect(commands()).toEqual([
      // REST add_group_member fires the invitation's before-callback too: "The app admin adds a user to a group through the RESTful API" (1047/34371)
      'Group.CallbackBeforeCreateGroup', 'Group.CallbackAfterCreateGroup', 'Group.CallbackBeforeInviteJoinGroup', 'Group.CallbackAfterNewMemberJoin', 'Group.CallbackAfterMemberExit',
      'Group.CallbackAfterGroupInfoChanged', 'Group.CallbackAfterChangeGroupOwner', 'Group.CallbackAfterGroupDestroyed',
    ]);
    for (const r of rx.got) expect(r.query).toEqual({ SdkAppid: String(SDKAPPID), CallbackCommand: r.body.CallbackCommand, contenttype: 'json', ClientIP: '127.0.0.1', OptPlatform: 'RESTAPI' });
    const [before, created, invite, joined, exited, info, owner, destroyed] = rx.got.map((r) => r.body);
    const now = h.sim.clock.now();
    expect(before).toEqual({ CallbackCommand: 'Group.CallbackBeforeCreateGroup', Operator_Account: 'administrator', Owner_Account: 'leckie', Type: 'Public', Name: 'TestGroup', CreateGroupNum: 0, MemberList: [{ Member_Account: 'bob' }], EventTime: now });
    expect(created).toEqual({ CallbackCommand: 'Group.CallbackAfterCreateGroup', GroupId, Type: 'Public', Operator_Account: 'administrator', Owner_Account: 'leckie', Name: 'TestGroup', MemberList: [{ Member_Account: 'leckie' }, { Member_Account: 'bob' }], EventTime: now });
    expect(invite).toEqual({ CallbackCommand: 'Group.CallbackBeforeInviteJoinGroup', GroupId, Type: 'Public', Operator_Account: 'administrator', DestinationMembers: [{ Member_Account: 'peter' }], EventTime: now });
    expect(joined).toEqual({ CallbackCommand: 'Group.CallbackAfterNewMemberJoin', GroupId, Type: 'Public', JoinType: 'Invited', Operator_Account: 'administrator', NewMemberList: [{ Member_Account: 'peter' }], EventTime: now });
    expect(exited).toEqual({ CallbackCommand: 'Group.CallbackAfterMemberExit', GroupId, Type: 'Public', ExitType: 'Kicked', Operator_Account: 'administrator', ExitMemberList: [{ Member_Account: 'peter' }], EventTime: now });
    expect(info).toEqual({ CallbackCommand: 'Group.CallbackAfterGroupInfoChanged', GroupId, Type: 'Public', Operator_Account: 'administrator', Name: 'Renamed', Notification: 'hello', EventTime: now });
    expect(owner).toEqual({ CallbackCommand: 'Group.CallbackAfterChangeGroupOwner', GroupId, Type: 'Public', Operator_Account: 'administrator', NewOwner_Account: 'bob', OldOwner_Account: 'leckie', EventTime: now });
    expect(destroyed).toEqual({ CallbackCommand: 'Group.CallbackAfterGroupDestroyed', GroupId, Type: 'Public', Owner_Account: 'bob', Name: 'Renamed', MemberList: expect.arrayContaining([{ Member_Account: 'bob' }, { Member_Account: 'leckie' }]), EventTime: now });
    expect(destroyed!.MemberList).toHaveLength(2);
  });
  it('SDK-side operations fire them alike: apply to join, invite, quit, with OptPlatform Web', async () => {
    await start();
    const leckie = h.sim.login('leckie');
    const peter = h.sim.login('peter');
    h.sim.login('bob');
    const { data } = await leckie.createGroup({ type: 'Public', name: 'g', joinOption: 'FreeAccess', inviteOption: 'FreeAccess' } as never);
    const groupID = (data as { group: { groupID: string } }).group.groupID;
    await peter.joinGroup({ groupID });
    await leckie.addGroupMember({ groupID, userIDList: ['bob'] });
    await peter.quitGroup(groupID);
    await settle();
    expect(commands()).toEqual([
      'Group.CallbackBeforeCreateGroup', 'Group.CallbackAfterCreateGroup',
      'Group.CallbackBeforeApplyJoinGroup', 'Group.CallbackAfterNewMemberJoin',
      'Group.CallbackBeforeInviteJoinGroup', 'Group.CallbackAfterNewMemberJoin',
      'Group.CallbackAfterMemberExit',
    ]);
    expect(rx.got.every((r) => r.query.OptPlatform === 'Web')).toBe(true);
    expect(rx.got[2]!.body).toEqual({ CallbackCommand: 'Group.CallbackBeforeApplyJoinGroup', GroupId: groupID, Type: 'Public', Requestor_Account: 'peter', EventTime: h.sim.clock.now() });
    expect(rx.got[3]!.body).toMatchObject({ JoinType: 'Apply', NewMemberList: [{ Member_Account: 'peter' }] });
    expect(rx.got[4]!.body).toEqual({ CallbackCommand: 'Group.CallbackBeforeInviteJoinGroup', GroupId: groupID, Type: 'Public', Operator_Account: 'leckie', DestinationMembers: [{ Member_Account: 'bob' }], EventTime: h.sim.clock.now() });
    expect(rx.got[5]!.body).toMatchObject({ JoinType: 'Invited', Operator_Account: 'leckie', NewMemberList: [{ Member_Account: 'bob' }] });
    expect(rx.got[6]!.body).toMatchObject({ ExitType: 'Quit', Operator_Account: 'peter', ExitMemberList: [{ Member_Account: 'peter' }] });
  });
});

describe('"before" callbacks veto as documented', () => {
  it('an answer with ErrorCode 1 refuses the operation with 10016 and changes nothing, on either side', async () => {
    await start((body) => (body.CallbackCommand === 'Group.CallbackBeforeCreateGroup' && body.Name === 'forbidden' ? { json: { ActionStatus: 'OK', ErrorInfo: 'not allowed', ErrorCode: 1 } } : {}));
    await h.post('im_open_login_svc/account_import', { UserID: 'leckie' });
    const r = await h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'forbidden' });
    expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10016 });
    const sdk = h.sim.login('leckie');
    await expect(sdk.createGroup({ type: 'Public', name: 'forbidden' } as never)).rejects.toMatchObject({ code: 10016 });
    expect(h.sim.state.groups.size).toBe(0);
    expect((await h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name: 'allowed' })).ErrorCode).toBe(0);
    await settle();
    expect(commands().filter((c) => c === 'Group.CallbackAfterCreateGroup')).toHaveLength(1);
  });
  it('a receiver that fails (HTTP 500) or answers too late lets the operation proceed', async () => {
    await start((body) => (body.Name === 'slow' ? { delayMs: 400 } : body.Name === 'broken' ? { status: 500 } : {}), 100);
    await h.post('im_open_login_svc/account_import', { UserID: 'leckie' });
    for (const Name of ['slow', 'broken']) expect((await h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Public', Name })).ErrorCode).toBe(0);
    expect(h.emu.webhooks!.sent.filter((s) => s.command === 'Group.CallbackBeforeCreateGroup').map((s) => s.failure)).toEqual(['timeout', 'HTTP 500']);
  });
  it('invalid input fires no callback: it is refused first', async () => {
    await start();
    expect((await h.post('group_open_http_svc/create_group', { Owner_Account: 'leckie', Type: 'Nope', Name: 'x' })).ErrorCode).toBe(10004);
    await settle();
    expect(rx.got).toEqual([]);
  });
});
