/**
 * Tencent's documented REST request/response examples (test/fidelity/fixtures/rest-examples.ts,
 * each with its source page) as conformance tests of the emulator: each documented request goes
 * over HTTP after its documented preconditions are set up, and the answer has the documented
 * response's fields, types and codes.
 *
 * Values the service generates may differ: group IDs the service assigns (`@TGS#…`: the example's
 * ID is replaced by the ID of the group the preconditions created), times (CreateTime, JoinTime,
 * LastInfoTime, MuteUntil: the simulator's virtual clock), Appid (the emulator's SDKAppID),
 * sequence numbers (NextMsgSeq, MsgSeq) and ErrorInfo texts. Fields the emulator adds beyond an
 * example are named per test (all of them are fields of Tencent's REST model).
 */
import { describe, expect, it } from 'vitest';
import * as doc from '../fidelity/fixtures/rest-examples';
import { shapeDifferences, type Harness, harnessPerTest, importAccounts } from './helpers';

let h!: Harness;
harnessPerTest((started) => (h = started));

const G = 'group_open_http_svc';
const accounts = (...ids: string[]) => importAccounts(h, ...ids);
/** A Public group owned by `owner` with `members`, created over REST; its generated ID. */
async function group(owner: string, members: string[], type = 'Public'): Promise<string> {
  await accounts(owner, ...members);
  const r = await h.post(`${G}/create_group`, { Owner_Account: owner, Type: type, Name: 'TestGroup', MemberList: members.map((Member_Account) => ({ Member_Account })) });
  expect(r.ErrorCode).toBe(0);
  return r.GroupId as string;
}
const withID = <T extends Record<string, unknown>>(request: T, GroupId: string): T => ({ ...request, GroupId });
const INFO_EXTRA = ['InfoSeq', 'InviteJoinOption', 'SupportTopic', 'NameCard'];

describe('create_group (1047/34895)', () => {
  it('the basic, basic-info and member-list requests answer OK with a generated GroupId', async () => {
    await accounts('leckie', 'bob', 'peter');
    for (const request of [doc.createGroup.basic, doc.createGroup.basicInfo, doc.createGroup.memberList]) {
      const r = await h.post(`${G}/create_group`, request);
      expect(shapeDifferences(r, doc.createGroup.response)).toEqual([]);
      expect(r).toMatchObject(doc.overview.okEnvelope);
      expect(r.GroupId).toMatch(/^@TGS#/);
    }
  });
  it('a custom GroupId is answered as given; used again, 10021 in the documented failure envelope', async () => {
    await accounts('leckie', 'peter');
    expect(await h.post(`${G}/create_group`, doc.createGroup.customID)).toEqual(doc.createGroup.responseCustomID);
    const again = await h.post(`${G}/create_group`, { ...doc.createGroup.customID, Owner_Account: 'peter' });
    expect(shapeDifferences(again, doc.failure.groupIDTaken)).toEqual([]);
    expect(again).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: doc.failure.groupIDTaken.ErrorCode });
  });
  it('a Community with topics answers with its @TGS#_ ID, HugeGroupFlag and Type', async () => {
    const r = await h.post(`${G}/create_group`, doc.createGroup.topics);
    expect(shapeDifferences(r, doc.createGroup.responseCommunity)).toEqual([]);
    expect(r).toMatchObject({ ...doc.overview.okEnvelope, HugeGroupFlag: 0, Type: 'Community' });
    expect(r.GroupId).toMatch(/^@TGS#_@TGS#/);
  });
});

describe('the envelope-only commands answer the documented envelope, and the change is visible', () => {
  it('destroy_group (1047/34896)', async () => {
    const id = await group('leckie', []);
    expect(await h.post(`${G}/destroy_group`, withID(doc.destroyGroup.request, id))).toEqual(doc.destroyGroup.response);
    expect((await h.post(`${G}/get_group_info`, { GroupIdList: [id] })).GroupInfo[0].ErrorCode).toBe(10010);
  });
  it('change_group_owner (34966)', async () => {
    const id = await group('leckie', ['peter']);
    expect(await h.post(`${G}/change_group_owner`, withID(doc.changeGroupOwner.request, id))).toEqual(doc.changeGroupOwner.response);
    expect((await h.post(`${G}/get_group_info`, { GroupIdList: [id] })).GroupInfo[0].Owner_Account).toBe('peter');
  });
  it('delete_group_member (1047/34949): basic, silent and with a reason', async () => {
    for (const request of [doc.deleteGroupMember.basic, doc.deleteGroupMember.silent, doc.deleteGroupMember.reason]) {
      const id = await group('leckie', ['tommy', 'jared']);
      expect(await h.post(`${G}/delete_group_member`, withID(request, id))).toEqual(doc.deleteGroupMember.response);
      expect((await h.post(`${G}/get_group_member_info`, { GroupId: id })).MemberNum).toBe(1);
    }
  });
  it('modify_group_base_info (1047/34962): profile fields and custom data', async () => {
    const id = await group('leckie', []);
    expect(await h.post(`${G}/modify_group_base_info`, withID(doc.modifyGroupBaseInfo.basic, id))).toEqual(doc.modifyGroupBaseInfo.response);
    expect(await h.post(`${G}/modify_group_base_info`, withID(doc.modifyGroupBaseInfo.customData, id))).toEqual(doc.modifyGroupBaseInfo.response);
    const info = (await h.post(`${G}/get_group_info`, { GroupIdList: [id] })).GroupInfo[0];
    expect(info).toMatchObject({ Name: 'NewName', Introduction: 'NewIntroduction', Notification: 'NewNotification', FaceUrl: 'http://this.is.new.face.url', MaxMemberNum: 500, ApplyJoinOption: 'NeedPermission', MuteAllMember: 'On' });
    expect(info.AppDefinedData).toEqual([{ Key: 'GroupTestData1', Value: 'NewData' }]);
  });
  it('modify_group_member_info (1047/34900): role, name card, custom data, mute', async () => {
    const id = await group('leckie', ['bob']);
    for (const request of [doc.modifyGroupMemberInfo.setAdmin, doc.modifyGroupMemberInfo.nameCard, doc.modifyGroupMemberInfo.customFields, doc.modifyGroupMemberInfo.mute]) {
      expect(await h.post(`${G}/modify_group_member_info`, withID(request, id))).toEqual(doc.modifyGroupMemberInfo.response);
    }
    const bob = (await h.post(`${G}/get_group_member_info`, { GroupId: id })).MemberList.find((m: { Member_Account: string }) => m.Member_Account === 'bob');
    expect(bob).toMatchObject({ Role: 'Admin', NameCard: 'bob', MuteUntil: Math.floor(h.sim.clock.now() / 1000) + 86400 });
    expect(bob.AppMemberDefinedData).toEqual(doc.modifyGroupMemberInfo.customFields.AppMemberDefinedData);
  });
  it('forbid_send_msg (34951): mute, then unmute', async () => {
    const id = await group('leckie', ['peter']);
    expect(await h.post(`${G}/forbid_send_msg`, withID(doc.forbidSendMsg.mute, id))).toEqual(doc.overview.okEnvelope);
    expect((await h.post(`${G}/get_group_muted_account`, { GroupId: id })).ShuttedUinList.map((m: { Member_Account: string }) => m.Member_Account).sort()).toEqual(['leckie', 'peter']);
    expect(await h.post(`${G}/forbid_send_msg`, withID(doc.forbidSendMsg.unmute, id))).toEqual(doc.overview.okEnvelope);
    expect((await h.post(`${G}/get_group_muted_account`, { GroupId: id })).ShuttedUinList).toEqual([]);
  });
  it('send_group_system_notification (34958) reaches the members logged in through the SDK shape', async () => {
    const id = await group('leckie', ['peter']);
    h.sim.login('peter');
    expect(await h.post(`${G}/send_group_system_notification`, withID(doc.sendGroupSystemNotification.toAll, id))).toEqual(doc.overview.okEnvelope);
    expect(JSON.stringify(h.sim.eventsFor('peter').map((e) => e.data))).toContain('Hello World');
  });
  it('account_import (34953)', async () => {
    expect(await h.post('im_open_login_svc/account_import', doc.importAccount.request)).toEqual(doc.importAccount.response);
    expect((await h.post('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'test' }] })).ResultItem[0].AccountStatus).toBe('Imported');
  });
});

describe('the commands that answer data', () => {
  it('add_group_member (1047/34921): basic and silent, Result 1 per added member', async () => {
    for (const request of [doc.addGroupMember.basic, doc.addGroupMember.silent]) {
      const id = await group('leckie', []);
      await accounts('tommy', 'jared');
      expect(await h.post(`${G}/add_group_member`, withID(request, id))).toEqual(doc.addGroupMember.response);
    }
  });
  it('get_role_in_group (1047/34963): Owner, Member, NotMember', async () => {
    const id = await group('leckie', ['peter']);
    await accounts('wesley');
    expect(await h.post(`${G}/get_role_in_group`, withID(doc.getRoleInGroup.request, id))).toEqual(doc.getRoleInGroup.response);
  });
  it('get_joined_group_list (1047/34925): the filtered example lists a Private and a ChatRoom group with SelfInfo', async () => {
    await accounts('leckie', 'owner');
    for (const Type of ['Private', 'ChatRoom']) {
      expect((await h.post(`${G}/create_group`, { Owner_Account: 'owner', Type, Name: 'TestGroup', MemberList: [{ Member_Account: 'leckie' }] })).ErrorCode).toBe(0);
    }
    const r = await h.post(`${G}/get_joined_group_list`, doc.getJoinedGroupList.withFilters);
    expect(shapeDifferences(r, doc.getJoinedGroupList.response)).toEqual([]);
    expect(r.TotalCount).toBe(2);
    expect(r.GroupIdList.map((g: { Type: string; SelfInfo: { Role: string } }) => [g.Type, g.SelfInfo.Role])).toEqual([['Private', 'Member'], ['ChatRoom', 'Member']]);
    const basic = await h.post(`${G}/get_joined_group_list`, doc.getJoinedGroupList.basic);
    expect(basic.GroupIdList.map((g: Record<string, unknown>) => Object.keys(g))).toEqual([['GroupId'], ['GroupId']]);
  });
  it('get_group_info (1047/34961): the documented fields and types for each group, members included', async () => {
    const a = await group('leckie', ['peter']);
    const b = await group('bob', []);
    await h.post(`${G}/modify_group_base_info`, { GroupId: a, AppDefinedData: [{ Key: 'GroupTestData1', Value: 'xxxx' }] });
    await h.post(`${G}/modify_group_member_info`, { GroupId: a, Member_Account: 'leckie', AppMemberDefinedData: [{ Key: 'MemberDefined1', Value: 'v' }] });
    const r = await h.post(`${G}/get_group_info`, { GroupIdList: [a, b] });
    expect(r.GroupInfo.map((g: { GroupId: string }) => g.GroupId)).toEqual([a, b]);
    expect(shapeDifferences({ ...r, GroupInfo: [r.GroupInfo[0]] }, doc.getGroupInfo.response, INFO_EXTRA)).toEqual([]);
    expect(r.GroupInfo[0]).toMatchObject({ ErrorCode: 0, Type: 'Public', Owner_Account: 'leckie', MemberNum: 2 });
  });
  it('get_group_info: an unknown group answers OK at the top and 10010 in its entry', async () => {
    const r = await h.post(`${G}/get_group_info`, { GroupIdList: [doc.failure.groupInfoNotFound.GroupInfo[0]!.GroupId] });
    expect(shapeDifferences(r, doc.failure.groupInfoNotFound)).toEqual([]);
    expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, GroupInfo: [{ ErrorCode: 10010 }] });
  });
  it('get_group_member_info (1047/34948): Limit/Offset pages; a Community pages by Next', async () => {
    const id = await group('bob', ['peter']);
    await h.post(`${G}/modify_group_member_info`, { GroupId: id, Member_Account: 'bob', AppMemberDefinedData: [{ Key: 'MemberDefined1', Value: 'v' }] });
    await h.post(`${G}/modify_group_member_info`, { GroupId: id, Member_Account: 'peter', AppMemberDefinedData: [{ Key: 'MemberDefined1', Value: 'v' }] });
    const r = await h.post(`${G}/get_group_member_info`, withID(doc.getGroupMemberInfo.paged, id));
    const { Next: _cursor, ...paged } = doc.getGroupMemberInfo.response;
    expect(shapeDifferences(r, paged, ['NameCard'])).toEqual([]);
    expect(r.MemberList.map((m: { Role: string }) => m.Role)).toEqual(['Owner', 'Member']);
    const c = await h.post(`${G}/create_group`, { Owner_Account: 'bob', Type: 'Community', Name: 'c', MemberList: [{ Member_Account: 'peter' }] });
    const first = await h.post(`${G}/get_group_member_info`, { GroupId: c.GroupId, Limit: 1, Next: '' });
    expect(first).toMatchObject({ MemberNum: 2, MemberList: [{ Member_Account: 'bob' }] });
    expect(typeof first.Next).toBe('string');
    const second = await h.post(`${G}/get_group_member_info`, { GroupId: c.GroupId, Limit: 1, Next: first.Next });
    expect(second).toMatchObject({ MemberList: [{ Member_Account: 'peter' }], Next: '' });
  });
});

describe('refusals in the documented envelope', () => {
  it('send_group_msg, documented but not emulated: 60002 with ErrorInfo naming the command', async () => {
    const r = await h.post(`${G}/send_group_msg`, { GroupId: '@TGS#2C5SZEAEF', Random: 1, MsgBody: [] });
    expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(r.ErrorInfo).toContain('send_group_msg');
  });
  it('a request without a usersig: 60004, as the signature example', async () => {
    const r = await h.post(`${G}/get_appid_group_list`, {}, { usersig: null });
    expect(shapeDifferences(r, doc.failure.badSignature)).toEqual([]);
    expect(r.ErrorCode).toBe(doc.failure.badSignature.ErrorCode);
  });
});
