/**
 * The tencent-cloud adapter's import, account-deletion, kick and AVChatRoom-list requests and
 * mappers (adapters/tencent-cloud/rest-import.ts) against Tencent's documented examples
 * (test/fidelity/fixtures/rest-examples-import.ts), without a network.
 */
import { describe, expect, it } from 'vitest';
import { build, IMPORT_PATHS, IMPORT_RUNNERS, importBuild, importMap, type RestRequest } from '../../adapters/tencent-cloud/rest';
import * as doc from './fixtures/rest-examples-import';
import * as older from './fixtures/rest-examples';

describe('request builders give the documented requests', () => {
  it('import_group: the all-fields example, from the admin options', () => {
    const req = importBuild.importGroup({
      type: 'Public', name: 'TestGroup', ownerAccount: 'leckie', groupID: 'MyFirstGroup', introduction: 'This is group Introduction',
      notification: 'This is group Notification', avatar: 'http://this.is.face.url', maxMemberNum: 500, joinOption: 'FreeAccess',
      groupCustomField: [{ key: 'GroupTestData1', value: 'xxxxx' }], createTime: 1448357837,
    });
    expect(req).toEqual({ service: 'group_open_http_svc', command: 'import_group', body: doc.importGroup.allFields });
    expect(importBuild.importGroup({ type: 'Work', name: 'TestGroup', ownerAccount: 'leckie', createTime: 1448357837 }).body).toEqual({ ...doc.importGroup.basic, Type: 'Private' });
  });
  it('import_group_member, kick, get_members, account_delete: the documented requests', () => {
    const members = [{ userID: 'tommy', role: 'Admin', joinTime: 1448357837, unreadMsgNum: 5 }, { userID: 'jared', joinTime: 1448357857, unreadMsgNum: 2 }];
    expect(importBuild.importGroupMember({ groupID: '@TGS#2J4SZEAEL', memberList: members }).body).toEqual(doc.importGroupMember.request);
    expect(importBuild.kick({ userID: 'test' })).toEqual({ service: 'im_open_login_svc', command: 'kick', body: doc.kick.request });
    expect(importBuild.getAVChatRoomMembers({ groupID: '@TGS#a6I4ZUUGO' })).toEqual({ service: 'group_open_avchatroom_http_svc', command: 'get_members', body: doc.getAVChatRoomMembers.request });
    expect(build.deleteAccounts(['UserID_1', 'UserID_2']).body).toEqual(older.deleteAccounts.request);
  });
  it('IMPORT_PATHS names the command each runner sends', () => {
    const sample = { groupID: 'g', userID: 'u', memberList: [], type: 'Public', name: 'n' };
    const path = (r: RestRequest) => `${r.service}/${r.command}`;
    expect(IMPORT_PATHS).toEqual({
      importGroup: path(importBuild.importGroup(sample)),
      importGroupMember: path(importBuild.importGroupMember(sample)),
      deleteAccounts: path(build.deleteAccounts(['u'])),
      kick: path(importBuild.kick(sample)),
      getAVChatRoomMembers: path(importBuild.getAVChatRoomMembers(sample)),
    });
  });
});

describe('mappers give exactly the simulator admin\'s data', () => {
  it('import_group_member, account_delete and get_members responses', () => {
    expect(importMap.importGroupMember(doc.importGroupMember.response)).toEqual({ memberList: [{ userID: 'tommy', result: 1 }, { userID: 'jared', result: 1 }] });
    expect(importMap.deleteAccounts(older.deleteAccounts.response)).toEqual({ resultList: [{ userID: 'UserID_1', deleted: true }, { userID: 'UserID_2', deleted: false }] });
    expect(importMap.getAVChatRoomMembers(doc.getAVChatRoomMembers.response)).toEqual({
      memberList: [{ userID: 'teacher2', nick: 'Teacher t02', avatar: 'http://www.example.com/teacher2.jpg', joinTime: 1657773110 }],
      nextTimestamp: 0,
    });
  });
  it('importGroup reads the group back for its type and CreateTime; kick answers the user alone', async () => {
    const sent: RestRequest[] = [];
    const send = async (req: RestRequest) => {
      sent.push(req);
      if (req.command === 'import_group') return doc.importGroup.response;
      return { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, GroupInfo: [{ GroupId: '@TGS#2J4SZEAEL', ErrorCode: 0, Type: 'Public', CreateTime: 1448357837 }] };
    };
    expect(await IMPORT_RUNNERS.importGroup(send, { type: 'Public', name: 'TestGroup', createTime: 1448357837 })).toEqual({ groupID: '@TGS#2J4SZEAEL', type: 'Public', createTime: 1448357837 });
    expect(sent.map((r) => r.command)).toEqual(['import_group', 'get_group_info']);
    expect(await IMPORT_RUNNERS.kick(async () => doc.kick.response, { userID: 'test' })).toEqual({ userID: 'test' });
  });
});
