/**
 * The live adapter's REST half (adapters/tencent-cloud/rest.ts) against the request and response
 * examples of the public REST documentation (fixtures/rest-examples.ts, each with its source URL),
 * and its data shapes against the simulator's admin. No network: requests go to fakes.
 * Plus the adapter's setup: createImplementation() without configuration throws a SetupError.
 */
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../simulator';
import { ADMIN_COMMANDS } from '../../simulator/core';
import { METHODS } from '../../simulator/sdk/chat';
import { ChatError } from '../../simulator/core/errors';
import { GROUP_TYPE_NAMES, NotApplicable } from '../../adapters/contract';
import { CAPABILITIES, createImplementation, SDK_OPERATIONS, SetupError, TencentRestError } from '../../adapters/tencent-cloud';
import { ENV, readConfig, REQUIRED_VARIABLES, REST_DOMAINS, resolveRegion } from '../../adapters/tencent-cloud/config';
import { restSender, userSigFactory, type FetchLike } from '../../adapters/tencent-cloud/client';
import { IdSpace, MAX_GROUP_ID_BYTES, newPrefix } from '../../adapters/tencent-cloud/ids';
import { build, checkEnvelope, map, restUrl, runAdmin, type RestRequest, type RestResponse, type Send } from '../../adapters/tencent-cloud/rest';
import { PARAMS_VALIDATE_FAILED } from '../../adapters/tencent-cloud/sdk';
import * as doc from './fixtures/rest-examples';

const CONFIGURED = {
  [ENV.SDKAPPID]: '1400000000',
  [ENV.SECRET_KEY]: 'not-a-real-key',
  [ENV.ADMIN]: 'administrator',
  [ENV.REGION]: 'sgp',
};
class FakeWebSocket {}

/** A `send` answering from a table by command, recording every request. */
function fakeSend(answers: Record<string, RestResponse | ((req: RestRequest) => RestResponse)>): Send & { requests: RestRequest[] } {
  const requests: RestRequest[] = [];
  const send = async (req: RestRequest) => {
    requests.push(req);
    const a = answers[req.command];
    if (a === undefined) throw new Error(`unexpected request ${req.command}`);
    return checkEnvelope(req.command, typeof a === 'function' ? a(req) : a);
  };
  return Object.assign(send, { requests });
}
const ok = (fields: Record<string, unknown> = {}): RestResponse => ({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...fields });

/** The structure of a value: object keys (sorted) with their structure, an array's first element, primitive types. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shape(v[0])];
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])]));
  return typeof v;
}

describe('request URL and regions (RESTful API Overview, 1047/34620)', () => {
  it('builds the documented URL form: https, v4/<service>/<command>, sdkappid, identifier, usersig, random, contenttype=json', () => {
    const url = restUrl({ service: 'group_open_http_svc', command: 'create_group' }, { domain: 'xxxxxx', sdkAppID: 88888888, identifier: 'admin', userSig: 'xxx', random: 99999999 });
    expect(url).toBe(doc.overview.sampleUrl);
  });

  it('maps every documented region to its REST domain', () => {
    const expected: Record<string, string> = {
      cn: doc.overview.domains.China,
      sgp: doc.overview.domains.Singapore,
      kr: doc.overview.domains.Seoul,
      ger: doc.overview.domains.Frankfurt,
      ind: doc.overview.domains.Mumbai,
      usa: doc.overview.domains['Silicon Valley'],
      jpn: doc.overview.domains.Tokyo,
      idn: doc.overview.domains.Jakarta,
    };
    expect(REST_DOMAINS).toEqual(expected);
    expect(resolveRegion('Singapore')).toBe('sgp');
    expect(resolveRegion(' SGP ')).toBe('sgp');
    expect(resolveRegion('mars')).toBeUndefined();
  });

  it('user-encoded query values are escaped', () => {
    const url = new URL(restUrl({ service: 'im_open_login_svc', command: 'account_import' }, { domain: 'console.tim.qq.com', sdkAppID: 1, identifier: 'ad min', userSig: 'a*b-c_', random: 0 }));
    expect(url.pathname).toBe('/v4/im_open_login_svc/account_import');
    expect(url.searchParams.get('identifier')).toBe('ad min');
    expect(url.searchParams.get('usersig')).toBe('a*b-c_');
  });
});

describe('request builders reproduce the documented request examples', () => {
  it('create_group (1047/34895): basic, basic information, member list, custom ID, topics', () => {
    expect(build.createGroup({ ownerAccount: 'leckie', type: 'Public', name: 'TestGroup' }).body).toEqual(doc.createGroup.basic);
    expect(
      build.createGroup({
        ownerAccount: 'leckie', type: 'Public', name: 'TestGroup', introduction: 'This is group Introduction', notification: 'This is group Notification',
        avatar: 'http://this.is.face.url', maxMemberNum: 500, joinOption: 'FreeAccess',
      }).body,
    ).toEqual(doc.createGroup.basicInfo);
    expect(build.createGroup({ type: 'Public', name: 'TestGroup', memberList: [{ userID: 'bob', role: 'Admin' }, { userID: 'peter' }] }).body).toEqual(doc.createGroup.memberList);
    expect(build.createGroup({ ownerAccount: 'leckie', type: 'Public', groupID: 'MyFirstGroup', name: 'TestGroup' }).body).toEqual(doc.createGroup.customID);
    expect(build.createGroup({ type: 'Community', name: 'TestCommunityGroup', isSupportTopic: true }).body).toEqual(doc.createGroup.topics);
    const r = build.createGroup({ type: 'Public', name: 'G' });
    expect([r.service, r.command]).toEqual(['group_open_http_svc', 'create_group']);
  });

  it('create_group takes the REST type names: Work is sent as Private, Meeting as ChatRoom; an empty groupID is absent', () => {
    expect(build.createGroup({ type: 'Work', name: 'G', groupID: '' }).body).toEqual({ Type: 'Private', Name: 'G' });
    expect(build.createGroup({ type: 'Meeting', name: 'G' }).body).toEqual({ Type: 'ChatRoom', Name: 'G' });
  });

  it('destroy_group (1047/34896) and change_group_owner (34966)', () => {
    expect(build.destroyGroup({ groupID: '@TGS#2J4SZEAEL' }).body).toEqual(doc.destroyGroup.request);
    expect(build.changeGroupOwner({ groupID: '@TGS#1NVTZEAE4', newOwnerID: 'peter' }).body).toEqual(doc.changeGroupOwner.request);
  });

  it('add_group_member (1047/34921): basic and silent', () => {
    expect(build.addGroupMember({ groupID: '@TGS#2J4SZEAEL', userIDList: ['tommy', 'jared'] }).body).toEqual(doc.addGroupMember.basic);
    expect(build.addGroupMember({ groupID: '@TGS#2J4SZEAEL', userIDList: ['tommy', 'jared', 'tommy'], silence: true }).body).toEqual(doc.addGroupMember.silent);
  });

  it('delete_group_member (1047/34949): basic, silent, with a reason', () => {
    expect(build.deleteGroupMember({ groupID: '@TGS#2J4SZEAEL', userIDList: ['tommy', 'jared'] }).body).toEqual(doc.deleteGroupMember.basic);
    expect(build.deleteGroupMember({ groupID: '@TGS#2J4SZEAEL', userIDList: ['tommy', 'jared'], silence: true }).body).toEqual(doc.deleteGroupMember.silent);
    expect(build.deleteGroupMember({ groupID: '@TGS#2J4SZEAEL', userIDList: ['tommy', 'jared'], reason: 'kick reason' }).body).toEqual(doc.deleteGroupMember.reason);
  });

  it('modify_group_base_info (1047/34962): profile fields, MuteAllMember On/Off, custom data', () => {
    expect(
      build.modifyGroupBaseInfo({
        groupID: '@TGS#1NVTZEAE4', name: 'NewName', introduction: 'NewIntroduction', notification: 'NewNotification',
        avatar: 'http://this.is.new.face.url', maxMemberNum: 500, joinOption: 'NeedPermission', muteAllMembers: true,
      }).body,
    ).toEqual(doc.modifyGroupBaseInfo.basic);
    expect(build.modifyGroupBaseInfo({ groupID: '@TGS#1NVTZEAE4', groupCustomField: [{ key: 'GroupTestData1', value: 'NewData' }] }).body).toEqual(doc.modifyGroupBaseInfo.customData);
    expect(build.modifyGroupBaseInfo({ groupID: 'g', muteAllMembers: false }).body).toEqual({ GroupId: 'g', MuteAllMember: 'Off' });
  });

  it('modify_group_member_info (1047/34900): role, name card, custom fields, mute', () => {
    expect(build.modifyGroupMemberInfo({ groupID: '@TGS#2CLUZEAEJ', userID: 'bob', role: 'Admin' }).body).toEqual(doc.modifyGroupMemberInfo.setAdmin);
    expect(build.modifyGroupMemberInfo({ groupID: '@TGS#2CLUZEAEJ', userID: 'bob', nameCard: 'bob' }).body).toEqual(doc.modifyGroupMemberInfo.nameCard);
    expect(
      build.modifyGroupMemberInfo({
        groupID: '@TGS#2CLUZEAEJ', userID: 'bob', memberCustomField: [{ key: 'MemberDefined1', value: 'ModifyData1' }, { key: 'MemberDefined3', value: 'ModifyData3' }],
      }).body,
    ).toEqual(doc.modifyGroupMemberInfo.customFields);
    expect(build.modifyGroupMemberInfo({ groupID: '@TGS#2CLUZEAEJ', userID: 'bob', muteTime: 86400 }).body).toEqual(doc.modifyGroupMemberInfo.mute);
  });

  it('forbid_send_msg (1047/34951): mute and unmute', () => {
    expect(build.forbidSendMsg({ groupID: '@TGS#2C5SZEAEF', userIDList: ['peter', 'leckie'], muteTime: 60 }).body).toEqual(doc.forbidSendMsg.mute);
    expect(build.forbidSendMsg({ groupID: '@TGS#2C5SZEAEF', userIDList: ['peter', 'leckie'], muteTime: 0 }).body).toEqual(doc.forbidSendMsg.unmute);
  });

  it('account_import (1047/34953) and account_delete (34955) go to im_open_login_svc', () => {
    const imp = build.importAccount({ userID: 'test', nick: 'test', avatar: 'http://www.qq.com' });
    expect([imp.service, imp.command, imp.body]).toEqual(['im_open_login_svc', 'account_import', doc.importAccount.request]);
    const del = build.deleteAccounts(['UserID_1', 'UserID_2']);
    expect([del.service, del.command, del.body]).toEqual(['im_open_login_svc', 'account_delete', doc.deleteAccounts.request]);
  });

  it('send_group_system_notification (1047/34958): to all members, or to some', () => {
    expect(build.sendGroupSystemNotification({ groupID: '@TGS#2C5SZEAEF', content: 'Hello World' }).body).toEqual(doc.sendGroupSystemNotification.toAll);
    expect(build.sendGroupSystemNotification({ groupID: 'g', content: 'c', toMembers: ['a', 'b'] }).body).toEqual({ GroupId: 'g', Content: 'c', ToMembers_Account: ['a', 'b'] });
  });

  it('get_role_in_group (1047/34963)', () => {
    expect(build.getRoleInGroup({ groupID: '@TGS#2C5SZEAEF', userIDList: ['leckie', 'peter', 'wesley'] }).body).toEqual(doc.getRoleInGroup.request);
  });

  it('get_joined_group_list (1047/34925): the documented fields, asking for inactive Work groups and the Type of each', () => {
    const body = build.getJoinedGroupList({ userID: 'leckie' }).body;
    expect(body).toMatchObject(doc.getJoinedGroupList.basic);
    expect(body).toEqual({ Member_Account: 'leckie', WithHugeGroups: 0, WithNoActiveGroups: 1, ResponseFilter: { GroupBaseInfoFilter: ['Type'] } });
    // every field the builder sends is one the documented "pulling specified information" example uses
    for (const k of Object.keys(body)) expect(Object.keys(doc.getJoinedGroupList.withFilters)).toContain(k);
    expect(build.getJoinedGroupList({ userID: 'leckie', withHugeGroups: true }).body.WithHugeGroups).toBe(1);
  });

  it('get_group_info (1047/34961) and get_group_member_info (1047/34948): Offset pages, and Next for Communities', () => {
    expect(build.getGroupInfo({ groupID: '@TGS#1NVTZEAE4' }).body).toEqual({ GroupIdList: [doc.getGroupInfo.request.GroupIdList[0]] });
    expect(build.getGroupMemberInfo({ groupID: '@TGS#1NVTZEAE4', limit: 100, offset: 0 }).body).toEqual(doc.getGroupMemberInfo.paged);
    expect(build.getGroupMemberInfo({ groupID: '@TGS#_@TGS#cAVQXXXXXX', limit: 100 }).body).toEqual(doc.getGroupMemberInfo.community);
    expect(build.getGroupMemberInfo({ groupID: 'g', limit: 5000 }).body.Limit).toBe(200);
  });
});

describe('response mappers turn the documented responses into the simulator admin data', () => {
  it('create_group: the GroupId, and the type (Community from the response, else the request)', () => {
    expect(map.createGroup(checkEnvelope('create_group', doc.createGroup.response), { type: 'Work', name: 'G' })).toEqual({ groupID: '@TGS#2J4SZEAEL', type: 'Private' });
    expect(map.createGroup(checkEnvelope('create_group', doc.createGroup.responseCommunity), { type: 'Community', name: 'G' })).toEqual({
      groupID: '@TGS#_@TGS#cRDH3HIM62CP',
      type: 'Community',
    });
    expect(map.createGroup(checkEnvelope('create_group', doc.createGroup.responseCustomID), { type: 'Public', name: 'G' }).groupID).toBe('MyFirstGroup');
    expect(() => map.createGroup(ok(), { type: 'Public', name: 'G' })).toThrow(TencentRestError);
  });

  it('add_group_member: one result per distinct requested user, 0 for a user the service did not list', () => {
    expect(map.addGroupMember(checkEnvelope('add_group_member', doc.addGroupMember.response), { userIDList: ['tommy', 'jared', 'tommy', 'ghost'] })).toEqual({
      memberList: [
        { userID: 'tommy', result: 1 },
        { userID: 'jared', result: 1 },
        { userID: 'ghost', result: 0 },
      ],
    });
  });

  it('get_role_in_group: roles in request order', () => {
    expect(map.getRoleInGroup(checkEnvelope('get_role_in_group', doc.getRoleInGroup.response), { userIDList: ['wesley', 'leckie', 'peter'] })).toEqual({
      userIdList: [
        { userID: 'wesley', role: 'NotMember' },
        { userID: 'leckie', role: 'Owner' },
        { userID: 'peter', role: 'Member' },
      ],
    });
  });

  it('get_joined_group_list: group IDs with their types, and TotalCount', () => {
    expect(map.getJoinedGroupList(checkEnvelope('get_joined_group_list', doc.getJoinedGroupList.response))).toEqual({
      groupIdList: [
        { groupID: '@TGS#16UMONKGG', type: 'Private' },
        { groupID: '@TGS#3FCOX2MGW', type: 'ChatRoom' },
      ],
      totalCount: 2,
    });
  });

  it('get_group_info: the profile fields under the simulator names', () => {
    expect(map.getGroupInfo(checkEnvelope('get_group_info', doc.getGroupInfo.response), { groupID: '@TGS#2J4SZEAEL' })).toEqual({
      groupID: '@TGS#2J4SZEAEL',
      type: 'Public',
      name: 'MyFirstGroup',
      introduction: 'TestGroup',
      notification: 'TestGroup',
      avatar: 'http://this.is.face.url',
      ownerID: 'leckie',
      createTime: 1426976500,
      memberNum: 2,
      maxMemberNum: 50,
      joinOption: 'FreeAccess',
      muteAllMembers: true,
      isSupportTopic: false,
      groupCustomField: [
        { key: 'GroupTestData1', value: 'xxxx' },
        { key: 'GroupTestData2', value: 'abc\u0000\u0001' },
      ],
    });
  });

  it('get_group_member_info: members under the simulator names; the documented "Member " role is trimmed', () => {
    const page = map.getGroupMemberInfo(checkEnvelope('get_group_member_info', doc.getGroupMemberInfo.response));
    expect(page.memberNum).toBe(2);
    expect(page.next).toBe('144115265295492787');
    expect(page.memberList[1]).toEqual({
      userID: 'peter',
      role: 'Member',
      joinTime: 1425976500,
      nameCard: '',
      muteUntil: 0,
      memberCustomField: [
        { key: 'MemberDefined1', value: 'ModifyDefined1' },
        { key: 'MemberDefined2', value: 'ModifyDefined2' },
      ],
    });
    expect(page.memberList[0]?.muteUntil).toBe(1431069882);
  });
});

describe('refusals and broken answers', () => {
  it('a FAIL envelope rejects like an SDK refusal: Error with the service code, its ErrorInfo as message, and data', () => {
    let caught: unknown;
    try {
      checkEnvelope('create_group', doc.failure.groupIDTaken);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ChatError);
    expect(caught).toMatchObject({ code: 10021, message: 'group id has been used!', data: { command: 'create_group' } });
  });

  it('public codes (60000-79999: signature, SDKAppID, rate) and non-envelopes are uncoded TencentRestErrors, never rule outcomes', () => {
    for (const bad of [doc.failure.badSignature, { hello: 1 }, 'text', null, { ActionStatus: 'FAIL', ErrorCode: 0 }]) {
      let caught: unknown;
      try {
        checkEnvelope('create_group', bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TencentRestError);
      expect((caught as { code?: unknown }).code).toBeUndefined();
    }
  });

  it("get_group_info's per-group ErrorCode under an OK envelope is the refusal", () => {
    expect(() => map.getGroupInfo(checkEnvelope('get_group_info', doc.failure.groupInfoNotFound), { groupID: '@TGS#2J4SZEAEL' })).toThrow(
      expect.objectContaining({ code: 10010 }),
    );
  });
});

describe('commands that need more than one request', () => {
  it('modifyGroupMemberInfo writes, then reads the member back for {member}', async () => {
    const send = fakeSend({ modify_group_member_info: doc.modifyGroupMemberInfo.response, get_group_member_info: doc.getGroupMemberInfo.response });
    const r = await runAdmin(send, 'modifyGroupMemberInfo', { groupID: '@TGS#2CLUZEAEJ', userID: 'peter', nameCard: 'P' });
    expect(send.requests.map((q) => q.command)).toEqual(['modify_group_member_info', 'get_group_member_info']);
    expect(r).toMatchObject({ code: 0, data: { member: { userID: 'peter', role: 'Member' } } });
  });

  it('forbidSendMsg reports the members it muted (roles read first); in an AVChatRoom (role query 10007) every named user', async () => {
    const send = fakeSend({ get_role_in_group: doc.getRoleInGroup.response, forbid_send_msg: ok() });
    const r = await runAdmin(send, 'forbidSendMsg', { groupID: '@TGS#2C5SZEAEF', userIDList: ['peter', 'wesley', 'leckie'], muteTime: 60 });
    expect(r.data).toEqual({ userIDList: ['peter', 'leckie'] });
    expect(send.requests[1]?.body).toEqual({ GroupId: '@TGS#2C5SZEAEF', Members_Account: ['peter', 'wesley', 'leckie'], MuteTime: 60 });

    const av = fakeSend({ get_role_in_group: { ActionStatus: 'FAIL', ErrorInfo: 'no permission', ErrorCode: 10007 }, forbid_send_msg: ok() });
    expect((await runAdmin(av, 'forbidSendMsg', { groupID: '@TGS#aAV', userIDList: ['a', 'b'], muteTime: 5 })).data).toEqual({ userIDList: ['a', 'b'] });
  });

  it('getGroupMemberInfo pages a Community with the Next cursor and applies the offset itself', async () => {
    const member = (i: number) => ({ Member_Account: `u${i}`, Role: 'Member', JoinTime: 1, MuteUntil: 0 });
    const send = fakeSend({
      get_group_member_info: (req) =>
        req.body.Next === ''
          ? ok({ MemberNum: 150, Next: 'c1', MemberList: Array.from({ length: 100 }, (_, i) => member(i)) })
          : ok({ MemberNum: 150, Next: '', MemberList: Array.from({ length: 50 }, (_, i) => member(100 + i)) }),
    });
    const r = await runAdmin(send, 'getGroupMemberInfo', { groupID: '@TGS#_guild', limit: 20, offset: 95 });
    expect(send.requests.map((q) => q.body.Next)).toEqual(['', 'c1']);
    expect(r.data.memberNum).toBe(150);
    expect(r.data.memberList.map((m: { userID: string }) => m.userID)).toEqual(Array.from({ length: 20 }, (_, i) => `u${95 + i}`));
  });
});

describe('finding one Community member', () => {
  it('walks the Next cursor once, however far down the member is', async () => {
    const member = (i: number) => ({ Member_Account: `u${i}`, Role: 'Member', JoinTime: 1, MuteUntil: 0 });
    const pages = 5;
    const send = fakeSend({
      modify_group_member_info: ok(),
      get_group_member_info: (req) => {
        const n = req.body.Next === '' ? 0 : Number(String(req.body.Next).slice(1));
        return ok({ MemberNum: pages * 100, Next: n + 1 < pages ? `c${n + 1}` : '', MemberList: Array.from({ length: 100 }, (_, i) => member(n * 100 + i)) });
      },
    });
    const r = await runAdmin(send, 'modifyGroupMemberInfo', { groupID: '@TGS#_guild', userID: 'u450', nameCard: 'P' });
    expect(r).toMatchObject({ code: 0, data: { member: { userID: 'u450' } } });
    expect(send.requests.map((q) => `${q.command} ${String(q.body.Next ?? '')}`)).toEqual([
      'modify_group_member_info ',
      ...Array.from({ length: pages }, (_, i) => `get_group_member_info ${i === 0 ? '' : `c${i}`}`),
    ]);
  });
});

describe('the same data shapes as the simulator admin', () => {
  async function simulatorData() {
    const sim = createSimulator();
    sim.login('leckie');
    sim.login('peter');
    const { data: created } = await sim.admin.createGroup({ type: 'Public', name: 'G', ownerAccount: 'leckie', memberList: [{ userID: 'peter' }] });
    const g = created.groupID;
    await sim.admin.modifyGroupBaseInfo({ groupID: g, groupCustomField: [{ key: 'k', value: 'v' }] });
    await sim.admin.modifyGroupMemberInfo({ groupID: g, userID: 'leckie', memberCustomField: [{ key: 'k', value: 'v' }] });
    return {
      createGroup: created,
      addGroupMember: (await sim.admin.addGroupMember({ groupID: g, userIDList: ['peter'] })).data,
      getRoleInGroup: (await sim.admin.getRoleInGroup({ groupID: g, userIDList: ['leckie'] })).data,
      getJoinedGroupList: (await sim.admin.getJoinedGroupList({ userID: 'leckie' })).data,
      getGroupInfo: (await sim.admin.getGroupInfo(g)).data,
      getGroupMemberInfo: (await sim.admin.getGroupMemberInfo({ groupID: g })).data,
      modifyGroupMemberInfo: (await sim.admin.modifyGroupMemberInfo({ groupID: g, userID: 'peter', nameCard: 'P', memberCustomField: [{ key: 'k', value: 'v' }] })).data,
      forbidSendMsg: (await sim.admin.forbidSendMsg({ groupID: g, userIDList: ['peter'], muteTime: 60 })).data,
      changeGroupOwner: (await sim.admin.changeGroupOwner({ groupID: g, newOwnerID: 'peter' })).data,
      importAccount: (await sim.admin.importAccount({ userID: 'x' })).data,
      destroyGroup: (await sim.admin.destroyGroup(g)).data,
    };
  }

  it('every mapped response has the structure of the simulator admin data (documented gaps aside)', async () => {
    const sim = await simulatorData();
    const send = fakeSend({
      create_group: doc.createGroup.response,
      add_group_member: doc.addGroupMember.response,
      get_role_in_group: doc.getRoleInGroup.response,
      get_joined_group_list: doc.getJoinedGroupList.response,
      get_group_info: doc.getGroupInfo.response,
      get_group_member_info: doc.getGroupMemberInfo.response,
      modify_group_member_info: doc.modifyGroupMemberInfo.response,
      forbid_send_msg: ok(),
      change_group_owner: doc.changeGroupOwner.response,
      account_import: doc.importAccount.response,
      destroy_group: doc.destroyGroup.response,
    });
    const rest = {
      createGroup: (await runAdmin(send, 'createGroup', { type: 'Public', name: 'G' })).data,
      addGroupMember: (await runAdmin(send, 'addGroupMember', { groupID: 'g', userIDList: ['tommy'] })).data,
      getRoleInGroup: (await runAdmin(send, 'getRoleInGroup', { groupID: 'g', userIDList: ['leckie'] })).data,
      getJoinedGroupList: (await runAdmin(send, 'getJoinedGroupList', { userID: 'leckie' })).data,
      getGroupInfo: (await runAdmin(send, 'getGroupInfo', { groupID: '@TGS#2J4SZEAEL' })).data,
      getGroupMemberInfo: (await runAdmin(send, 'getGroupMemberInfo', { groupID: 'g' })).data,
      modifyGroupMemberInfo: (await runAdmin(send, 'modifyGroupMemberInfo', { groupID: 'g', userID: 'peter', nameCard: 'P' })).data,
      forbidSendMsg: (await runAdmin(send, 'forbidSendMsg', { groupID: 'g', userIDList: ['peter'], muteTime: 60 })).data,
      changeGroupOwner: (await runAdmin(send, 'changeGroupOwner', { groupID: 'g', newOwnerID: 'peter' })).data,
      importAccount: (await runAdmin(send, 'importAccount', { userID: 'x' })).data,
      destroyGroup: (await runAdmin(send, 'destroyGroup', { groupID: 'g' })).data,
    };
    // the documented gaps (docs/tencent-cloud.md): REST member records carry no profile nick/avatar, and
    // get_group_info's documented response has no InviteJoinOption
    const gaps = (s: any) => {
      const c = structuredClone(s);
      for (const m of [...c.getGroupMemberInfo.memberList, c.modifyGroupMemberInfo.member]) {
        delete m.nick;
        delete m.avatar;
      }
      delete c.getGroupInfo.inviteOption;
      return c;
    };
    for (const k of Object.keys(sim) as Array<keyof typeof sim>) expect(shape(rest[k]), k).toEqual(shape(gaps(sim)[k]));
  });
});

describe('ID isolation: each app under its own prefix', () => {
  const ids = new IdSpace('gsabc1_');

  it('user IDs are prefixed in every option that names users, and stripped from everything that comes back', () => {
    expect(ids.out({ groupID: 'g', userIDList: ['bob', 'carol'], newOwnerID: 'bob', memberList: [{ userID: 'dan', role: 'Admin' }], toMembers: ['eve'], name: 'bob' })).toEqual({
      groupID: 'gsabc1_g',
      userIDList: ['gsabc1_bob', 'gsabc1_carol'],
      newOwnerID: 'gsabc1_bob',
      memberList: [{ userID: 'gsabc1_dan', role: 'Admin' }],
      toMembers: ['gsabc1_eve'],
      name: 'bob',
    });
    expect(ids.strip({ ownerID: 'gsabc1_bob', list: ['gsabc1_a'], text: 'gsabc1_bob joined gsabc1_g', n: 1 })).toEqual({ ownerID: 'bob', list: ['a'], text: 'bob joined g', n: 1 });
  });

  it('objects the SDK handed out (application, message) are passed back untouched', () => {
    const application = { groupID: 'gsabc1_g', applicant: 'gsabc1_bob' };
    expect((ids.out({ handleAction: 'Agree', application }) as { application: unknown }).application).toBe(application);
  });

  it('custom group IDs are prefixed unless that could change a rule: limit lengths, non-ASCII, @TGS# (Community IDs keep @TGS#_ first)', () => {
    expect(ids.group('my-group')).toBe('gsabc1_my-group');
    expect(ids.group('@TGS#_guild')).toBe('@TGS#_gsabc1_guild');
    expect(ids.group('@TGS#2J4SZEAEL')).toBe('@TGS#2J4SZEAEL');
    expect(ids.group('@TGS#_@TGS#cRDH3HIM62CP')).toBe('@TGS#_@TGS#cRDH3HIM62CP');
    expect(ids.group('@TGS#abc')).toBe('@TGS#abc');
    expect(ids.group('群组')).toBe('群组');
    const atLimit = 'x'.repeat(MAX_GROUP_ID_BYTES);
    expect(ids.group(atLimit)).toBe(atLimit);
    expect(ids.group('x'.repeat(MAX_GROUP_ID_BYTES - 7))).toBe(`gsabc1_${'x'.repeat(MAX_GROUP_ID_BYTES - 7)}`);
    expect(ids.outArg('my-group')).toBe('gsabc1_my-group');
    expect(ids.strip('@TGS#_gsabc1_guild')).toBe('@TGS#_guild');
  });

  it('prefixes are fresh for every app and leave a UserID (32 bytes) room for the suite names', () => {
    const a = newPrefix();
    const b = newPrefix();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^gs[0-9a-z]+_$/);
    expect(a.length).toBeLessThanOrEqual(16);
  });
});

describe('transport (fake fetch) and UserSig', () => {
  const config = readConfig(CONFIGURED);

  it('POSTs the JSON body to the region domain with a fresh random, and checks the envelope', async () => {
    const calls: Array<{ url: string; body: string; method: string }> = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, body: init.body, method: init.method });
      return { status: 200, text: async () => JSON.stringify(doc.createGroup.response) };
    };
    const send = restSender({ config, userSig: (u) => `sig-of-${u}`, fetch });
    const res = await send(build.createGroup({ type: 'Public', name: 'TestGroup' }));
    expect(res.GroupId).toBe('@TGS#2J4SZEAEL');
    const url = new URL(calls[0]!.url);
    expect(url.host).toBe('adminapisgp.im.qcloud.com');
    expect(url.pathname).toBe('/v4/group_open_http_svc/create_group');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ sdkappid: '1400000000', identifier: 'administrator', usersig: 'sig-of-administrator', contenttype: 'json' });
    expect(Number(url.searchParams.get('random'))).toBeGreaterThanOrEqual(0);
    expect(Number(url.searchParams.get('random'))).toBeLessThanOrEqual(4294967295);
    expect([calls[0]!.method, JSON.parse(calls[0]!.body)]).toEqual(['POST', { Type: 'Public', Name: 'TestGroup' }]);
  });

  it('HTTP errors, bodies that are not JSON and network failures are uncoded TencentRestErrors', async () => {
    for (const fetch of [
      (async () => ({ status: 502, text: async () => 'bad gateway' })) as FetchLike,
      (async () => ({ status: 200, text: async () => '<html>' })) as FetchLike,
      (async () => {
        throw new TypeError('fetch failed');
      }) as FetchLike,
    ]) {
      const send = restSender({ config, userSig: () => 's', fetch });
      await expect(send(build.destroyGroup({ groupID: 'g' }))).rejects.toBeInstanceOf(TencentRestError);
    }
  });

  it('UserSig comes from tls-sig-api-v2 and names the user, the SDKAppID and the expiry', () => {
    const sig = userSigFactory(config)('administrator');
    // the package's encoding: base64 with * - _ for + / =, over a zlib-deflated JSON document
    const raw = Buffer.from(sig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
    const doc2 = JSON.parse(inflateSync(raw).toString()) as Record<string, unknown>;
    expect(doc2).toMatchObject({ 'TLS.identifier': 'administrator', 'TLS.sdkappid': 1400000000, 'TLS.expire': 86400 });
  });
});

describe('createImplementation()', () => {
  const saved = { WebSocket: (globalThis as any).WebSocket, XMLHttpRequest: (globalThis as any).XMLHttpRequest };
  afterEach(() => {
    (globalThis as any).WebSocket = saved.WebSocket;
    (globalThis as any).XMLHttpRequest = saved.XMLHttpRequest;
  });

  it('without the variables throws a SetupError (its own class) naming every missing variable', () => {
    let caught: unknown;
    try {
      createImplementation({ env: {}, webSocket: FakeWebSocket });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SetupError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('SetupError');
    for (const v of REQUIRED_VARIABLES) expect((caught as Error).message).toContain(v);
    expect((caught as SetupError).variables).toEqual([...REQUIRED_VARIABLES]);
    expect(REQUIRED_VARIABLES).toEqual(['GROUPSPEC_TENCENT_SDKAPPID', 'GROUPSPEC_TENCENT_SECRET_KEY', 'GROUPSPEC_TENCENT_ADMIN', 'GROUPSPEC_TENCENT_REGION']);
  });

  it('names only what is missing, and invalid values too', () => {
    expect(() => createImplementation({ env: { ...CONFIGURED, [ENV.ADMIN]: ' ' }, webSocket: FakeWebSocket })).toThrow(/missing GROUPSPEC_TENCENT_ADMIN\b/);
    let caught: SetupError | undefined;
    try {
      createImplementation({ env: { ...CONFIGURED, [ENV.SDKAPPID]: 'abc', [ENV.REGION]: 'mars' }, webSocket: FakeWebSocket });
    } catch (e) {
      caught = e as SetupError;
    }
    expect(caught).toBeInstanceOf(SetupError);
    expect(caught!.variables).toEqual([ENV.SDKAPPID, ENV.REGION]);
    expect(caught!.message).not.toMatch(/missing/);
  });

  it('without a WebSocket in the runtime the SetupError says so (Node 20 has none unless --experimental-websocket)', () => {
    const g = globalThis as any;
    delete g.WebSocket;
    expect(() => createImplementation({ env: CONFIGURED })).toThrow(/WebSocket/);
    expect(() => createImplementation({ env: { ...CONFIGURED, [ENV.WEBSOCKET]: 'groupspec-no-such-module' } })).toThrow(SetupError);
  });

  it('configured, it touches no network and reports its capabilities', async () => {
    const impl = createImplementation({ env: CONFIGURED, webSocket: FakeWebSocket });
    expect(impl.name).toContain('1400000000');
    expect(impl.capabilities).toEqual(CAPABILITIES);
    expect(CAPABILITIES).toMatchObject({ clock: false, events: true, limitOverrides: false });
    expect(CAPABILITIES.groupTypes).toEqual([...GROUP_TYPE_NAMES]);
    expect(new Set(SDK_OPERATIONS)).toEqual(new Set(METHODS));
    expect(new Set(CAPABILITIES.adminOperations)).toEqual(new Set(Object.keys(ADMIN_COMMANDS)));
    await expect(impl.createApp({ limits: { memberCap: { Private: 3 } } })).rejects.toBeInstanceOf(NotApplicable);
  });

  it('an app translates IDs both ways, validates admin input like the simulator, and removes what it created on close()', async () => {
    const requests: Array<{ command: string; body: any }> = [];
    const fetch: FetchLike = async (url, init) => {
      const command = new URL(url).pathname.split('/').pop()!;
      const body = JSON.parse(init.body);
      requests.push({ command, body });
      const answers: Record<string, () => unknown> = {
        create_group: () => ({ ...doc.overview.okEnvelope, GroupId: body.GroupId ?? '@TGS#2J4SZEAEL' }),
        get_role_in_group: () => ({ ...doc.overview.okEnvelope, UserIdList: body.User_Account.map((u: string) => ({ Member_Account: u, Role: 'Member' })) }),
        get_joined_group_list: () => ({ ...doc.overview.okEnvelope, TotalCount: 1, GroupIdList: [{ GroupId: '@TGS#9OWNED', Owner_Account: body.Member_Account }] }),
        destroy_group: () => doc.overview.okEnvelope,
        account_import: () => doc.overview.okEnvelope,
        account_delete: () => ({ ...doc.overview.okEnvelope, ResultItem: [] }),
      };
      const answer = answers[command]?.() ?? { ActionStatus: 'FAIL', ErrorCode: 10003, ErrorInfo: 'unexpected' };
      return { status: 200, text: async () => JSON.stringify(answer) };
    };
    const impl = createImplementation({ env: CONFIGURED, webSocket: FakeWebSocket, fetch });
    const app = await impl.createApp();

    const created = await app.admin.call('createGroup', { type: 'Public', name: 'G', groupID: 'my-group', ownerAccount: 'leckie' });
    expect(created).toEqual({ code: 0, data: { groupID: 'my-group', type: 'Public' } });
    const sent = requests[0]!.body;
    const prefix = String(sent.Owner_Account).replace(/leckie$/, '');
    expect(prefix).toMatch(/^gs[0-9a-z]+_$/);
    expect(sent.GroupId).toBe(`${prefix}my-group`);

    const roles = await app.admin.call('getRoleInGroup', { groupID: 'my-group', userIDList: ['peter'] });
    expect(roles.data).toEqual({ userIdList: [{ userID: 'peter', role: 'Member' }] });
    expect(requests[1]!.body).toEqual({ GroupId: `${prefix}my-group`, User_Account: [`${prefix}peter`] });

    await expect(app.admin.call('createGroup', { type: 'Public', name: 'G', bogus: 1 })).rejects.toMatchObject({ code: 10004, data: { field: 'options' } });
    await expect(app.admin.call('dropTables', {})).rejects.toMatchObject({ code: 10004 });
    await app.admin.call('importAccount', { userID: 'zoe' });
    expect(requests).toHaveLength(3);

    await app.close();
    const cleanup = requests.slice(3);
    expect(cleanup.filter((r) => r.command === 'get_joined_group_list').map((r) => r.body.Member_Account)).toEqual([`${prefix}zoe`]);
    expect(new Set(cleanup.filter((r) => r.command === 'destroy_group').map((r) => r.body.GroupId))).toEqual(new Set([`${prefix}my-group`, '@TGS#9OWNED']));
    expect(cleanup.filter((r) => r.command === 'account_delete').map((r) => r.body)).toEqual([{ DeleteItem: [{ UserID: `${prefix}zoe` }] }]);
  });

  it('the SDK deviation the session maps is the documented message', () => {
    expect(PARAMS_VALIDATE_FAILED).toBe('Params validate failed.');
  });
});
