/**
 * The app admin's import, account-deletion, kick and AVChatRoom-list commands on the live service:
 * for each, the REST request of the page cited and the mapping back to exactly the `data` the
 * simulator's admin returns (simulator/core/admin-import.ts). import_group answers with the ID
 * alone, so the group's type and creation time are read back with get_group_info.
 */
import { arr, definedOnly, num, obj, str, type RestRequest, type RestResponse } from './rest-envelope';
import { build } from './rest-build';
import { map } from './rest-map';

type Send = (req: RestRequest) => Promise<RestResponse>;

const G = 'group_open_http_svc' as const;

export interface ImportGroupInput {
  type: string;
  name: string;
  ownerAccount?: string;
  groupID?: string;
  introduction?: string;
  notification?: string;
  avatar?: string;
  maxMemberNum?: number;
  joinOption?: string;
  inviteOption?: string;
  groupCustomField?: Array<{ key: string; value: string }>;
  createTime?: number;
}

export interface ImportMemberInput {
  groupID: string;
  memberList: Array<{ userID: string; role?: string; joinTime?: number; unreadMsgNum?: number }>;
}

export const importBuild = {
  /** import_group (1047/34967). */
  importGroup(o: ImportGroupInput): RestRequest {
    // create_group's body (1047/34895) without its member list, plus custom fields and CreateTime
    const { body } = build.createGroup({ ...o, memberList: undefined, isSupportTopic: undefined });
    const AppDefinedData = o.groupCustomField?.map((f) => ({ Key: f.key, Value: f.value }));
    return { service: G, command: 'import_group', body: definedOnly({ ...body, AppDefinedData, CreateTime: o.createTime }) };
  },
  /** import_group_member (1047/34969): Member_Account, Role, JoinTime, UnreadMsgNum. */
  importGroupMember(o: ImportMemberInput): RestRequest {
    const MemberList = o.memberList.map((m) => definedOnly({ Member_Account: m.userID, Role: m.role, JoinTime: m.joinTime, UnreadMsgNum: m.unreadMsgNum }));
    return { service: G, command: 'import_group_member', body: { GroupId: o.groupID, MemberList } };
  },
  /** kick (1047/34957): one account per call. */
  kick(o: { userID: string }): RestRequest {
    return { service: 'im_open_login_svc', command: 'kick', body: { UserID: o.userID } };
  },
  /** get_members (1047/50293): `Timestamp` 0 for the first page. */
  getAVChatRoomMembers(o: { groupID: string; timestamp?: number }): RestRequest {
    return { service: 'group_open_avchatroom_http_svc', command: 'get_members', body: { GroupId: o.groupID, Timestamp: o.timestamp ?? 0 } };
  },
};

export const importMap = {
  /** `MemberList` [{Member_Account, Result}]: 0 failed, 1 imported, 2 already a member. */
  importGroupMember(res: RestResponse) {
    return { memberList: arr(res.MemberList).map((e) => ({ userID: str(obj(e).Member_Account), result: num(obj(e).Result) as 0 | 1 | 2 })) };
  },
  /** `ResultItem` [{ResultCode, UserID}]: 0 deleted; 70107 and the others not. */
  deleteAccounts(res: RestResponse) {
    return { resultList: arr(res.ResultItem).map((e) => ({ userID: str(obj(e).UserID), deleted: num(obj(e).ResultCode, -1) === 0 })) };
  },
  /** `MemberList` [{Member_Account, NickName, Avatar, JoinTime}] and `NextTimestamp`. */
  getAVChatRoomMembers(res: RestResponse) {
    const memberList = arr(res.MemberList).map((e) => ({ userID: str(obj(e).Member_Account), nick: str(obj(e).NickName), avatar: str(obj(e).Avatar), joinTime: num(obj(e).JoinTime) }));
    return { memberList, nextTimestamp: num(res.NextTimestamp) };
  },
};

export const IMPORT_RUNNERS = {
  importGroup: async (send: Send, o: ImportGroupInput) => {
    const groupID = str((await send(importBuild.importGroup(o))).GroupId, o.groupID);
    const info = map.getGroupInfo(await send(build.getGroupInfo({ groupID })), { groupID });
    return { groupID, type: String(info.type), createTime: Number(info.createTime) };
  },
  importGroupMember: async (send: Send, o: ImportMemberInput) => importMap.importGroupMember(await send(importBuild.importGroupMember(o))),
  deleteAccounts: async (send: Send, o: { userIDList: string[] }) => importMap.deleteAccounts(await send(build.deleteAccounts(o.userIDList))),
  kick: async (send: Send, o: { userID: string }) => {
    await send(importBuild.kick(o));
    return { userID: o.userID };
  },
  getAVChatRoomMembers: async (send: Send, o: { groupID: string; timestamp?: number }) => importMap.getAVChatRoomMembers(await send(importBuild.getAVChatRoomMembers(o))),
};

/** Each runner's REST command, by admin name (importGroup also reads get_group_info back). */
export const IMPORT_PATHS: Readonly<Record<keyof typeof IMPORT_RUNNERS, string>> = {
  importGroup: 'group_open_http_svc/import_group',
  importGroupMember: 'group_open_http_svc/import_group_member',
  deleteAccounts: 'im_open_login_svc/account_delete',
  kick: 'im_open_login_svc/kick',
  getAVChatRoomMembers: 'group_open_avchatroom_http_svc/get_members',
};
