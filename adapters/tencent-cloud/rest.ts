/**
 * The app admin on the live service: Tencent Cloud Chat's REST API
 * (`https://<domain>/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`).
 *
 * Pure request builders and response mappers, one pair per admin command of the contract's
 * surface, so they can be tested against the documented request and response examples without a
 * network. Each mapper returns exactly the `data` shape the simulator's admin returns
 * (simulator/core/admin-commands.ts) and throws the service's coded error for a refusal.
 *
 * Field names follow the REST pages of https://www.tencentcloud.com/document/product/1047 (one page
 * per command, cited at each builder).
 */
import { ChatError, ERR } from '../../simulator/core/errors';
import type { CallResult } from '../contract';

export type RestService = 'group_open_http_svc' | 'im_open_login_svc';

export interface RestRequest {
  service: RestService;
  command: string;
  body: Record<string, unknown>;
}

/** The envelope every REST response carries ("RESTful API Overview", 1047/34620), plus its own fields. */
export interface RestResponse {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo?: string;
  [field: string]: unknown;
}

/** The service answered with something that is not a REST envelope, an HTTP error, or a setup-level code. */
export class TencentRestError extends Error {
  constructor(
    message: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** The REST ErrorCode, for the public 60000-79999 codes (signature, app, rate limits). */
    readonly restErrorCode?: number,
  ) {
    super(message);
    this.name = 'TencentRestError';
  }
}

export interface UrlParts {
  domain: string;
  sdkAppID: number;
  identifier: string;
  userSig: string;
  /** A random 32-bit unsigned integer (0 - 4294967295). */
  random: number;
}

/** The request URL: protocol HTTPS, method POST, JSON body ("RESTful API Overview"). */
export function restUrl(req: Pick<RestRequest, 'service' | 'command'>, p: UrlParts): string {
  const q = new URLSearchParams({
    sdkappid: String(p.sdkAppID),
    identifier: p.identifier,
    usersig: p.userSig,
    random: String(p.random),
    contenttype: 'json',
  });
  return `https://${p.domain}/v4/${req.service}/${req.command}?${q.toString()}`;
}

/** Public error codes 60000-79999 concern the request itself (signature, SDKAppID, rate), not a group rule. */
export function isPublicErrorCode(code: number): boolean {
  return code >= 60000 && code <= 79999;
}

/**
 * Checks the envelope. A refusal becomes the same coded error an SDK call gives (`code`,
 * `message`, `data`); anything else unexpected becomes an uncoded TencentRestError, so the suite
 * counts it as a broken call rather than as a rule outcome.
 */
export function checkEnvelope(command: string, body: unknown): RestResponse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TencentRestError(`${command}: the response is not a JSON object`);
  const r = body as Record<string, unknown>;
  const code = r.ErrorCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || typeof r.ActionStatus !== 'string') {
    throw new TencentRestError(`${command}: the response has no ActionStatus/ErrorCode envelope: ${JSON.stringify(body).slice(0, 200)}`);
  }
  const info = typeof r.ErrorInfo === 'string' ? r.ErrorInfo : '';
  if (code !== 0 || r.ActionStatus !== 'OK') {
    if (code === 0) throw new TencentRestError(`${command}: ActionStatus ${r.ActionStatus} with ErrorCode 0`);
    if (isPublicErrorCode(code)) throw new TencentRestError(`${command}: REST error ${code}: ${info}`, undefined, code);
    throw new ChatError(code, info === '' ? `REST ${command} failed with ${code}` : info, { command, errorInfo: info });
  }
  return r as RestResponse;
}

// ---- small readers: the service's data is checked, never trusted ----

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}
function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
/** The documentation's own examples carry padded values ("Role": "Member "): compare trimmed. */
function trimmed(v: unknown): string {
  return str(v).trim();
}
function kvList(v: unknown): Array<{ key: string; value: string }> {
  return arr(v).map((e) => ({ key: str(obj(e).Key), value: str(obj(e).Value) }));
}
function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
function onOff(v: boolean | undefined): 'On' | 'Off' | undefined {
  return v === undefined ? undefined : v ? 'On' : 'Off';
}
function flag(v: boolean | undefined): 0 | 1 | undefined {
  return v === undefined ? undefined : v ? 1 : 0;
}
const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The simulator admin accepts the native names Work and Meeting; REST takes Private and ChatRoom. */
const REST_GROUP_TYPE: Record<string, string> = { Work: 'Private', Meeting: 'ChatRoom' };
export function restGroupType(t: string): string {
  return REST_GROUP_TYPE[t] ?? t;
}

/** Community group IDs begin with @TGS#_ (Group System, 1047/33529). */
export function isCommunityID(groupID: string): boolean {
  return groupID.startsWith('@TGS#_');
}

// ---- inputs (the simulator admin's option shapes, simulator/core/schemas.ts) ----

export interface CreateGroupInput {
  type: string;
  name: string;
  ownerAccount?: string | undefined;
  groupID?: string | undefined;
  introduction?: string | undefined;
  notification?: string | undefined;
  avatar?: string | undefined;
  maxMemberNum?: number | undefined;
  joinOption?: string | undefined;
  inviteOption?: string | undefined;
  memberList?: Array<{ userID: string; role?: string | undefined }> | undefined;
  isSupportTopic?: boolean | undefined;
}
export interface ModifyBaseInfoInput {
  groupID: string;
  name?: string | undefined;
  avatar?: string | undefined;
  introduction?: string | undefined;
  notification?: string | undefined;
  maxMemberNum?: number | undefined;
  muteAllMembers?: boolean | undefined;
  joinOption?: string | undefined;
  inviteOption?: string | undefined;
  groupCustomField?: Array<{ key: string; value: string }> | undefined;
}
export interface ModifyMemberInfoInput {
  groupID: string;
  userID: string;
  role?: string | undefined;
  nameCard?: string | undefined;
  muteTime?: number | undefined;
  memberCustomField?: Array<{ key: string; value: string }> | undefined;
}

// ---- request builders ----

const G = 'group_open_http_svc' as const;

export const build = {
  /** create_group (1047/34895). REST calls the cap MaxMemberCount here and MaxMemberNum elsewhere. */
  createGroup(o: CreateGroupInput): RestRequest {
    return {
      service: G,
      command: 'create_group',
      body: definedOnly({
        Owner_Account: o.ownerAccount,
        Type: restGroupType(o.type),
        GroupId: o.groupID === '' ? undefined : o.groupID,
        Name: o.name,
        Introduction: o.introduction,
        Notification: o.notification,
        FaceUrl: o.avatar,
        MaxMemberCount: o.maxMemberNum,
        ApplyJoinOption: o.joinOption,
        InviteJoinOption: o.inviteOption,
        MemberList: o.memberList?.map((m) => definedOnly({ Member_Account: m.userID, Role: m.role === 'Member' ? undefined : m.role })),
        SupportTopic: flag(o.isSupportTopic),
      }),
    };
  },
  /** destroy_group (1047/34896). */
  destroyGroup(o: { groupID: string }): RestRequest {
    return { service: G, command: 'destroy_group', body: { GroupId: o.groupID } };
  },
  /** change_group_owner (1047/34966). */
  changeGroupOwner(o: { groupID: string; newOwnerID: string }): RestRequest {
    return { service: G, command: 'change_group_owner', body: { GroupId: o.groupID, NewOwner_Account: o.newOwnerID } };
  },
  /** add_group_member (1047/34921). */
  addGroupMember(o: { groupID: string; userIDList: string[]; silence?: boolean | undefined }): RestRequest {
    return {
      service: G,
      command: 'add_group_member',
      body: definedOnly({ GroupId: o.groupID, Silence: o.silence === true ? 1 : undefined, MemberList: unique(o.userIDList).map((id) => ({ Member_Account: id })) }),
    };
  },
  /** delete_group_member (1047/34949). */
  deleteGroupMember(o: { groupID: string; userIDList: string[]; reason?: string | undefined; silence?: boolean | undefined }): RestRequest {
    return {
      service: G,
      command: 'delete_group_member',
      body: definedOnly({ GroupId: o.groupID, Silence: o.silence === true ? 1 : undefined, Reason: o.reason, MemberToDel_Account: unique(o.userIDList) }),
    };
  },
  /** modify_group_base_info (1047/34962). */
  modifyGroupBaseInfo(o: ModifyBaseInfoInput): RestRequest {
    return {
      service: G,
      command: 'modify_group_base_info',
      body: definedOnly({
        GroupId: o.groupID,
        Name: o.name,
        Introduction: o.introduction,
        Notification: o.notification,
        FaceUrl: o.avatar,
        MaxMemberNum: o.maxMemberNum,
        ApplyJoinOption: o.joinOption,
        InviteJoinOption: o.inviteOption,
        MuteAllMember: onOff(o.muteAllMembers),
        AppDefinedData: o.groupCustomField?.map((f) => ({ Key: f.key, Value: f.value })),
      }),
    };
  },
  /** modify_group_member_info (1047/34900). */
  modifyGroupMemberInfo(o: ModifyMemberInfoInput): RestRequest {
    return {
      service: G,
      command: 'modify_group_member_info',
      body: definedOnly({
        GroupId: o.groupID,
        Member_Account: o.userID,
        Role: o.role,
        NameCard: o.nameCard,
        MuteTime: o.muteTime,
        AppMemberDefinedData: o.memberCustomField?.map((f) => ({ Key: f.key, Value: f.value })),
      }),
    };
  },
  /** forbid_send_msg (1047/34951): MuteTime in seconds, 0 unmutes. */
  forbidSendMsg(o: { groupID: string; userIDList: string[]; muteTime: number }): RestRequest {
    return { service: G, command: 'forbid_send_msg', body: { GroupId: o.groupID, Members_Account: unique(o.userIDList), MuteTime: o.muteTime } };
  },
  /** im_open_login_svc/account_import (1047/34953). */
  importAccount(o: { userID: string; nick?: string | undefined; avatar?: string | undefined }): RestRequest {
    return { service: 'im_open_login_svc', command: 'account_import', body: definedOnly({ UserID: o.userID, Nick: o.nick, FaceUrl: o.avatar }) };
  },
  /** im_open_login_svc/account_delete (1047/34955): not an admin command of the contract; the adapter's cleanup. */
  deleteAccounts(userIDs: string[]): RestRequest {
    return { service: 'im_open_login_svc', command: 'account_delete', body: { DeleteItem: unique(userIDs).map((UserID) => ({ UserID })) } };
  },
  /** send_group_system_notification (1047/34958); an AVChatRoom takes no ToMembers_Account. */
  sendGroupSystemNotification(o: { groupID: string; content: string; toMembers?: string[] | undefined }): RestRequest {
    return {
      service: G,
      command: 'send_group_system_notification',
      body: definedOnly({ GroupId: o.groupID, ToMembers_Account: o.toMembers === undefined ? undefined : unique(o.toMembers), Content: o.content }),
    };
  },
  /** get_role_in_group (1047/34963). */
  getRoleInGroup(o: { groupID: string; userIDList: string[] }): RestRequest {
    return { service: G, command: 'get_role_in_group', body: { GroupId: o.groupID, User_Account: o.userIDList } };
  },
  /**
   * get_joined_group_list (1047/34925). Inactive Work groups are asked for (WithNoActiveGroups): the
   * simulator does not model activation (docs/ambiguities.md A34); AVChatRooms only on request.
   */
  getJoinedGroupList(o: { userID: string; withHugeGroups?: boolean | undefined }): RestRequest {
    return {
      service: G,
      command: 'get_joined_group_list',
      body: {
        Member_Account: o.userID,
        WithHugeGroups: o.withHugeGroups === true ? 1 : 0,
        WithNoActiveGroups: 1,
        ResponseFilter: { GroupBaseInfoFilter: ['Type'] },
      },
    };
  },
  /** get_joined_group_list for cleanup: every group of the user, inactive and AVChatRoom included, with its owner. */
  joinedGroupsWithOwner(userID: string): RestRequest {
    return {
      service: G,
      command: 'get_joined_group_list',
      body: { Member_Account: userID, WithHugeGroups: 1, WithNoActiveGroups: 1, ResponseFilter: { GroupBaseInfoFilter: ['Type', 'Owner_Account'] } },
    };
  },
  /** get_group_info (1047/34961), one group; without filters the service returns every field. */
  getGroupInfo(o: { groupID: string }): RestRequest {
    return { service: G, command: 'get_group_info', body: { GroupIdList: [o.groupID] } };
  },
  /**
   * get_group_member_info (1047/34948). Communities page with Limit (at most 100) and a Next cursor,
   * every other type with Limit (at most 200 here, as the simulator) and Offset.
   */
  getGroupMemberInfo(o: { groupID: string; limit?: number | undefined; offset?: number | undefined; next?: string | undefined }): RestRequest {
    if (isCommunityID(o.groupID)) {
      return { service: G, command: 'get_group_member_info', body: { GroupId: o.groupID, Limit: Math.min(o.limit ?? 100, 100), Next: o.next ?? '' } };
    }
    return { service: G, command: 'get_group_member_info', body: { GroupId: o.groupID, Limit: Math.min(o.limit ?? 100, 200), Offset: o.offset ?? 0 } };
  },
};

// ---- response mappers: REST fields -> the simulator admin's data ----

/** A REST member (get_group_member_info, get_group_info MemberList) as the simulator's member view. */
export function memberFromRest(m: unknown) {
  const r = obj(m);
  return {
    userID: str(r.Member_Account),
    role: trimmed(r.Role),
    joinTime: num(r.JoinTime),
    nameCard: str(r.NameCard),
    muteUntil: num(r.MuteUntil),
    memberCustomField: kvList(r.AppMemberDefinedData),
  };
}
export type RestMember = ReturnType<typeof memberFromRest>;

export const map = {
  createGroup(res: RestResponse, o: CreateGroupInput): { groupID: string; type: string } {
    const groupID = str(res.GroupId);
    if (groupID === '') throw new TencentRestError('create_group: the response has no GroupId');
    return { groupID, type: restGroupType(str(res.Type, o.type)) };
  },
  destroyGroup(_res: RestResponse, o: { groupID: string }) {
    return { groupID: o.groupID };
  },
  changeGroupOwner(_res: RestResponse, o: { groupID: string; newOwnerID: string }) {
    return { groupID: o.groupID, ownerID: o.newOwnerID };
  },
  /** Result: 0 failed, 1 added, 2 already a member, 3 waiting for the invitee (add_group_member). */
  addGroupMember(res: RestResponse, o: { userIDList: string[] }) {
    const results = new Map(arr(res.MemberList).map((e) => [str(obj(e).Member_Account), num(obj(e).Result)] as const));
    return { memberList: unique(o.userIDList).map((userID) => ({ userID, result: results.get(userID) ?? 0 })) };
  },
  deleteGroupMember(_res: RestResponse, o: { groupID: string }) {
    return { groupID: o.groupID };
  },
  modifyGroupBaseInfo(_res: RestResponse, o: { groupID: string }) {
    return { groupID: o.groupID };
  },
  importAccount(_res: RestResponse, o: { userID: string }) {
    return { userID: o.userID };
  },
  sendGroupSystemNotification(_res: RestResponse, o: { groupID: string }) {
    return { groupID: o.groupID };
  },
  getRoleInGroup(res: RestResponse, o: { userIDList: string[] }) {
    const roles = new Map(arr(res.UserIdList).map((e) => [str(obj(e).Member_Account), trimmed(obj(e).Role)] as const));
    return { userIdList: o.userIDList.map((userID) => ({ userID, role: roles.get(userID) ?? 'NotMember' })) };
  },
  getJoinedGroupList(res: RestResponse) {
    const groupIdList = arr(res.GroupIdList).map((e) => ({ groupID: str(obj(e).GroupId), type: str(obj(e).Type) }));
    return { groupIdList, totalCount: num(res.TotalCount, groupIdList.length) };
  },
  /** get_group_info answers OK at the top and carries each group's own ErrorCode. */
  getGroupInfo(res: RestResponse, o: { groupID: string }) {
    const g = obj(arr(res.GroupInfo).find((e) => str(obj(e).GroupId) === o.groupID) ?? arr(res.GroupInfo)[0]);
    const code = num(g.ErrorCode);
    if (code !== 0) throw new ChatError(code, str(g.ErrorInfo, `get_group_info failed with ${code}`), { command: 'get_group_info', errorInfo: str(g.ErrorInfo) });
    if (Object.keys(g).length === 0) throw new TencentRestError('get_group_info: the response has no GroupInfo');
    return definedOnly({
      groupID: str(g.GroupId, o.groupID),
      type: str(g.Type),
      name: str(g.Name),
      introduction: str(g.Introduction),
      notification: str(g.Notification),
      avatar: str(g.FaceUrl),
      ownerID: str(g.Owner_Account),
      createTime: num(g.CreateTime),
      memberNum: num(g.MemberNum),
      maxMemberNum: num(g.MaxMemberNum),
      joinOption: str(g.ApplyJoinOption),
      // not in the get_group_info examples: present only if the service sends it
      inviteOption: typeof g.InviteJoinOption === 'string' ? g.InviteJoinOption : undefined,
      muteAllMembers: str(g.MuteAllMember) === 'On',
      isSupportTopic: num(g.SupportTopic) === 1,
      groupCustomField: kvList(g.AppDefinedData),
    });
  },
  /** One page; `next` is the Community cursor ('' at the end). */
  getGroupMemberInfo(res: RestResponse) {
    return { memberNum: num(res.MemberNum), memberList: arr(res.MemberList).map(memberFromRest), next: str(res.Next) };
  },
};

// ---- commands: builders, transport and mappers together ----

/** Sends one request and returns its checked envelope (the client in client.ts, or a fake in tests). */
export type Send = (req: RestRequest) => Promise<RestResponse>;

/** Communities have no Offset: their member pages follow the Next cursor, 100 members at a time. */
async function* communityPages(send: Send, groupID: string) {
  let next = '';
  do {
    const page = map.getGroupMemberInfo(await send(build.getGroupMemberInfo({ groupID, limit: 100, next })));
    yield page;
    next = page.next;
  } while (next !== '');
}

async function memberPage(send: Send, groupID: string, limit: number, offset: number) {
  if (!isCommunityID(groupID)) {
    const page = map.getGroupMemberInfo(await send(build.getGroupMemberInfo({ groupID, limit, offset })));
    return { memberNum: page.memberNum, memberList: page.memberList };
  }
  // walk the cursor until offset + limit members are known
  const all: RestMember[] = [];
  let memberNum = 0;
  for await (const page of communityPages(send, groupID)) {
    memberNum = page.memberNum;
    all.push(...page.memberList);
    if (all.length >= offset + limit) break;
  }
  return { memberNum, memberList: all.slice(offset, offset + limit) };
}

async function findMember(send: Send, groupID: string, userID: string): Promise<RestMember | undefined> {
  if (isCommunityID(groupID)) {
    // one walk of the cursor (a page at a time through memberPage would restart it for every page)
    for await (const page of communityPages(send, groupID)) {
      const m = page.memberList.find((x) => x.userID === userID);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  for (let offset = 0; ; offset += 200) {
    const page = await memberPage(send, groupID, 200, offset);
    const m = page.memberList.find((x) => x.userID === userID);
    if (m !== undefined || page.memberList.length < 200) return m;
  }
}

export interface AdminRunners {
  [name: string]: (send: Send, input: any) => Promise<unknown>;
}

/** Every admin command of the contract the simulator implements, on REST. */
export const ADMIN_RUNNERS = {
  createGroup: async (send: Send, o: CreateGroupInput) => map.createGroup(await send(build.createGroup(o)), o),
  destroyGroup: async (send: Send, o: { groupID: string }) => map.destroyGroup(await send(build.destroyGroup(o)), o),
  changeGroupOwner: async (send: Send, o: { groupID: string; newOwnerID: string }) => map.changeGroupOwner(await send(build.changeGroupOwner(o)), o),
  addGroupMember: async (send: Send, o: { groupID: string; userIDList: string[]; silence?: boolean }) => map.addGroupMember(await send(build.addGroupMember(o)), o),
  deleteGroupMember: async (send: Send, o: { groupID: string; userIDList: string[]; reason?: string; silence?: boolean }) =>
    map.deleteGroupMember(await send(build.deleteGroupMember(o)), o),
  modifyGroupBaseInfo: async (send: Send, o: ModifyBaseInfoInput) => map.modifyGroupBaseInfo(await send(build.modifyGroupBaseInfo(o)), o),
  /** REST answers with the envelope only: the member is read back for the simulator's `{member}`. */
  modifyGroupMemberInfo: async (send: Send, o: ModifyMemberInfoInput) => {
    await send(build.modifyGroupMemberInfo(o));
    const member = await findMember(send, o.groupID, o.userID);
    if (member === undefined) throw new TencentRestError(`modify_group_member_info succeeded but ${o.userID} is not listed by get_group_member_info`);
    return { member };
  },
  /**
   * REST answers with the envelope only; the simulator reports the members it muted, so the roles
   * are read first (get_role_in_group). An AVChatRoom has no role query (10007): every named user is
   * reported.
   */
  forbidSendMsg: async (send: Send, o: { groupID: string; userIDList: string[]; muteTime: number }) => {
    const ids = unique(o.userIDList);
    let members = ids;
    try {
      const roles = map.getRoleInGroup(await send(build.getRoleInGroup({ groupID: o.groupID, userIDList: ids })), { userIDList: ids });
      members = roles.userIdList.filter((r) => r.role !== 'NotMember').map((r) => r.userID);
    } catch (e) {
      if (!(e instanceof ChatError && e.code === ERR.NO_PERMISSION)) throw e;
    }
    await send(build.forbidSendMsg(o));
    return { userIDList: members };
  },
  importAccount: async (send: Send, o: { userID: string; nick?: string; avatar?: string }) => map.importAccount(await send(build.importAccount(o)), o),
  sendGroupSystemNotification: async (send: Send, o: { groupID: string; content: string; toMembers?: string[] }) =>
    map.sendGroupSystemNotification(await send(build.sendGroupSystemNotification(o)), o),
  getRoleInGroup: async (send: Send, o: { groupID: string; userIDList: string[] }) => map.getRoleInGroup(await send(build.getRoleInGroup(o)), o),
  getJoinedGroupList: async (send: Send, o: { userID: string; withHugeGroups?: boolean }) => map.getJoinedGroupList(await send(build.getJoinedGroupList(o))),
  getGroupInfo: async (send: Send, o: { groupID: string }) => map.getGroupInfo(await send(build.getGroupInfo(o)), o),
  getGroupMemberInfo: async (send: Send, o: { groupID: string; limit?: number; offset?: number }) =>
    memberPage(send, o.groupID, Math.min(o.limit ?? 100, 200), o.offset ?? 0),
} satisfies AdminRunners;

export type AdminCommand = keyof typeof ADMIN_RUNNERS;
export const ADMIN_COMMAND_NAMES = Object.keys(ADMIN_RUNNERS) as AdminCommand[];

export async function runAdmin(send: Send, name: AdminCommand, input: unknown): Promise<CallResult> {
  const runner = ADMIN_RUNNERS[name] as (send: Send, input: unknown) => Promise<unknown>;
  return { code: 0, data: await runner(send, input) };
}
