/**
 * import_group, import_group_member, account_delete, kick and AVChatRoom get_members over real
 * HTTP (issue 17): Tencent's documented examples as conformance tests (test/fidelity/fixtures/
 * rest-examples-import.ts), bad input in the documented envelope with no state change, and what
 * users logged in through the SDK shape observe of a REST kick or deletion.
 *
 * Values that may differ from the examples: generated group IDs (`@TGS#…`: an example's ID is
 * replaced by the group its preconditions made), JoinTime of get_members (the virtual clock),
 * NextTimestamp when not 0 (a position in the list, not a time) and ErrorInfo texts.
 */
import { describe, expect, it } from 'vitest';
import * as doc from '../fidelity/fixtures/rest-examples-import';
import * as older from '../fidelity/fixtures/rest-examples';
import { shapeDifferences, type Harness, harnessPerTest, importAccounts } from './helpers';
import { snapshot } from '../helpers';

let h!: Harness;
const restart = harnessPerTest((started) => (h = started));

const G = 'group_open_http_svc';
const NOW = Math.floor(Date.UTC(2026, 0, 1) / 1000);
const accounts = (...ids: string[]) => importAccounts(h, ...ids);
/** Sends a request that must fail with `code`, and checks it changed nothing. */
async function refusedUnchanged(command: string, body: unknown, code: number): Promise<string> {
  const before = snapshot(h.sim);
  const r = await h.post(command, body);
  expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  expect(snapshot(h.sim)).toEqual(before);
  return r.ErrorInfo as string;
}

describe('import_group (1047/34967)', () => {
  it('the basic and all-fields requests answer the documented shape; the group reads back with its CreateTime', async () => {
    await accounts('leckie');
    const basic = await h.post(`${G}/import_group`, doc.importGroup.basic);
    expect(shapeDifferences(basic, doc.importGroup.response)).toEqual([]);
    expect(basic.GroupId).toMatch(/^@TGS#/);
    const all = await h.post(`${G}/import_group`, doc.importGroup.allFields);
    expect(all).toEqual({ ...doc.importGroup.response, GroupId: 'MyFirstGroup' });
    const info = (await h.post(`${G}/get_group_info`, { GroupIdList: [basic.GroupId, 'MyFirstGroup'] })).GroupInfo;
    expect(info[0]).toMatchObject({ Owner_Account: 'leckie', CreateTime: 1448357837, MemberNum: 1 });
    expect(info[1]).toMatchObject({ Name: 'TestGroup', Introduction: 'This is group Introduction', MaxMemberNum: 500, ApplyJoinOption: 'FreeAccess', CreateTime: 1448357837, AppDefinedData: [{ Key: 'GroupTestData1', Value: 'xxxxx' }] });
  });
  it('fires no webhook, as documented ("without triggering callbacks"), where create_group does', async () => {
    // a receiver that is not there: a failed callback lets the operation proceed, and is recorded
    await restart({ callbackUrl: 'http://127.0.0.1:9/im-callback' });
    await accounts('leckie');
    expect((await h.post(`${G}/import_group`, doc.importGroup.basic)).ErrorCode).toBe(0);
    await h.emu.webhooks!.idle();
    expect(h.emu.webhooks!.sent).toEqual([]);
    expect((await h.post(`${G}/create_group`, { Owner_Account: 'leckie', Type: 'Public', Name: 'n' })).ErrorCode).toBe(0);
    await h.emu.webhooks!.idle();
    expect(h.emu.webhooks!.sent.map((s) => s.command)).toContain('Group.CallbackAfterCreateGroup');
  });
  it('bad input: AVChatRoom 10007, a future CreateTime 10004, a string CreateTime 10004, an unknown owner 10019, an owner not a string 60015', async () => {
    await accounts('leckie');
    expect(await refusedUnchanged(`${G}/import_group`, { Type: 'AVChatRoom', Name: 'live' }, 10007)).toContain('AVChatRoom');
    expect(await refusedUnchanged(`${G}/import_group`, { ...doc.importGroup.basic, CreateTime: NOW + 60 }, 10004)).toContain('createTime');
    expect(await refusedUnchanged(`${G}/import_group`, { ...doc.importGroup.basic, CreateTime: '1448357837' }, 10004)).toContain('CreateTime');
    await refusedUnchanged(`${G}/import_group`, { ...doc.importGroup.basic, Owner_Account: 'nobody' }, 10019);
    await refusedUnchanged(`${G}/import_group`, { ...doc.importGroup.basic, Owner_Account: 7 }, 60015);
  });
});

describe('import_group_member (1047/34969)', () => {
  async function importedGroup(): Promise<string> {
    await accounts('leckie', 'tommy', 'jared');
    const r = await h.post(`${G}/import_group`, { ...doc.importGroup.basic, CreateTime: 1448357800 });
    expect(r.ErrorCode).toBe(0);
    return r.GroupId as string;
  }
  it('the documented request imports both members with their JoinTime and role (Result 1); again, Result 2', async () => {
    const id = await importedGroup();
    const r = await h.post(`${G}/import_group_member`, { ...doc.importGroupMember.request, GroupId: id });
    expect(r).toEqual(doc.importGroupMember.response);
    const members = (await h.post(`${G}/get_group_member_info`, { GroupId: id })).MemberList;
    expect(members.map((m: Record<string, unknown>) => [m.Member_Account, m.Role, m.JoinTime])).toEqual([
      ['leckie', 'Owner', 1448357800],
      ['tommy', 'Admin', 1448357837],
      ['jared', 'Member', 1448357857],
    ]);
    const again = await h.post(`${G}/import_group_member`, { ...doc.importGroupMember.request, GroupId: id });
    expect(again.MemberList).toEqual([{ Member_Account: 'tommy', Result: 2 }, { Member_Account: 'jared', Result: 2 }]);
  });
  it('a member whose JoinTime is not after the group\'s CreateTime, or who does not exist, gets Result 0', async () => {
    const id = await importedGroup();
    const r = await h.post(`${G}/import_group_member`, { GroupId: id, MemberList: [{ Member_Account: 'tommy', JoinTime: 1448357800 }, { Member_Account: 'ghost' }, { Member_Account: 'jared' }] });
    expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(r.MemberList).toEqual([{ Member_Account: 'tommy', Result: 0 }, { Member_Account: 'ghost', Result: 0 }, { Member_Account: 'jared', Result: 1 }]);
  });
  it('bad input: an AVChatRoom 10007, a missing group 10010, an Owner role or an empty list 10004, 301 members 10005', async () => {
    const id = await importedGroup();
    const av = (await h.post(`${G}/create_group`, { Type: 'AVChatRoom', Name: 'live' })).GroupId;
    await refusedUnchanged(`${G}/import_group_member`, { GroupId: av, MemberList: [{ Member_Account: 'tommy' }] }, 10007);
    await refusedUnchanged(`${G}/import_group_member`, { GroupId: '@TGS#nope', MemberList: [{ Member_Account: 'tommy' }] }, 10010);
    await refusedUnchanged(`${G}/import_group_member`, { GroupId: id, MemberList: [{ Member_Account: 'tommy', Role: 'Owner' }] }, 10004);
    await refusedUnchanged(`${G}/import_group_member`, { GroupId: id, MemberList: [] }, 10004);
    await refusedUnchanged(`${G}/import_group_member`, { GroupId: id, MemberList: Array.from({ length: 301 }, (_, i) => ({ Member_Account: `u${i}` })) }, 10005);
  });
});

describe('account_delete (1047/34955)', () => {
  it('the documented example: UserID_1 deleted (0), UserID_2 not existing (70107, its documented ResultInfo)', async () => {
    await accounts('UserID_1');
    expect(await h.post('im_open_login_svc/account_delete', older.deleteAccounts.request)).toEqual(older.deleteAccounts.response);
    const check = await h.post('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'UserID_1' }] });
    expect(check.ResultItem[0].AccountStatus).toBe('NotImported');
  });
  it('a logged-in user is kicked out (REST_API_Kick) and removed from their groups; the owner-less group stays', async () => {
    await accounts('bob');
    const alice = h.sim.login('alice');
    const { GroupId } = await h.post(`${G}/create_group`, { Owner_Account: 'alice', Type: 'Public', Name: 'g', MemberList: [{ Member_Account: 'bob' }] });
    h.sim.clearEvents();
    expect((await h.post('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'alice' }] })).ResultItem).toEqual([{ ResultCode: 0, ResultInfo: '', UserID: 'alice' }]);
    expect(h.sim.eventsFor('alice').map((e) => [e.name, e.data])).toEqual([['kickedOut', { type: 'REST_API_Kick' }]]);
    await expect(alice.getGroupList()).rejects.toMatchObject({ code: 3006 });
    const info = (await h.post(`${G}/get_group_info`, { GroupIdList: [GroupId] })).GroupInfo[0];
    expect(info).toMatchObject({ Owner_Account: '', MemberNum: 1 });
    expect((await h.post(`${G}/get_joined_group_list`, { Member_Account: 'alice' })).ErrorCode).toBe(10019);
  });
  it('bad input: 101 accounts or none 10004, a UserID not a string 60015', async () => {
    await accounts('a');
    expect(await refusedUnchanged('im_open_login_svc/account_delete', { DeleteItem: Array.from({ length: 101 }, (_, i) => ({ UserID: `u${i}` })) }, 10004)).toContain('DeleteItem');
    await refusedUnchanged('im_open_login_svc/account_delete', { DeleteItem: [] }, 10004);
    await refusedUnchanged('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 1 }] }, 60015);
  });
});

describe('kick (1047/34957)', () => {
  it('the documented example answers the documented envelope; the user\'s devices observe KICKED_OUT REST_API_Kick and later calls fail with 3006', async () => {
    const web = h.sim.login('test');
    const phone = h.sim.login('test', { device: 'phone' });
    h.sim.clearEvents();
    expect(await h.post('im_open_login_svc/kick', doc.kick.request)).toEqual(doc.kick.response);
    expect(h.sim.events.map((e) => [e.device, e.name, e.data])).toEqual([
      ['web', 'kickedOut', { type: 'REST_API_Kick' }],
      ['phone', 'kickedOut', { type: 'REST_API_Kick' }],
    ]);
    for (const chat of [web, phone]) await expect(chat.createGroup({ type: 'Public', name: 'x' })).rejects.toMatchObject({ code: 3006 });
    // logged in again, the user is back
    expect((await h.sim.login('test').getGroupList()).code).toBe(0);
  });
  it('bad input: an empty UserID 10004; a missing one or one not a string 60015 (as every account field)', async () => {
    await refusedUnchanged('im_open_login_svc/kick', { UserID: '' }, 10004);
    await refusedUnchanged('im_open_login_svc/kick', {}, 60015);
    await refusedUnchanged('im_open_login_svc/kick', { UserID: ['test'] }, 60015);
  });
});

describe('get_members (1047/50293)', () => {
  it('the documented request answers the documented shape: members with JoinTime, NickName, Avatar; NextTimestamp 0', async () => {
    const { GroupId } = await h.post(`${G}/create_group`, { Type: 'AVChatRoom', Name: 'live' });
    await h.post('im_open_login_svc/account_import', { UserID: 'teacher2', Nick: 'Teacher t02', FaceUrl: 'http://www.example.com/teacher2.jpg' });
    await h.sim.login('teacher2').joinGroup({ groupID: GroupId });
    const r = await h.post('group_open_avchatroom_http_svc/get_members', { ...doc.getAVChatRoomMembers.request, GroupId });
    expect(shapeDifferences(r, doc.getAVChatRoomMembers.response)).toEqual([]);
    expect(r).toEqual({ ...doc.getAVChatRoomMembers.response, MemberList: [{ ...doc.getAVChatRoomMembers.response.MemberList[0], JoinTime: NOW }] });
  });
  it('bad input: Mark (not modelled) 10004, no Timestamp 10004, a Public group 10007, a missing one 10010', async () => {
    const { GroupId } = await h.post(`${G}/create_group`, { Type: 'AVChatRoom', Name: 'live' });
    expect(await refusedUnchanged('group_open_avchatroom_http_svc/get_members', { ...doc.getAVChatRoomMembers.withMark, GroupId }, 10004)).toContain('Mark');
    await refusedUnchanged('group_open_avchatroom_http_svc/get_members', { GroupId }, 10004);
    await accounts('o');
    const pub = (await h.post(`${G}/create_group`, { Owner_Account: 'o', Type: 'Public', Name: 'p' })).GroupId;
    await refusedUnchanged('group_open_avchatroom_http_svc/get_members', { GroupId: pub, Timestamp: 0 }, 10007);
    await refusedUnchanged('group_open_avchatroom_http_svc/get_members', { GroupId: '@TGS#aNONE', Timestamp: 0 }, 10010);
  });
});
