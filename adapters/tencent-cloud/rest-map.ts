/**
 * Response mappers: REST fields back to exactly the `data` shape the simulator's admin returns
 * (simulator/core/admin-commands.ts); a refusal inside a 200 answer becomes the coded error.
 */
import { ChatError } from '../../simulator/core/errors';
import { arr, definedOnly, kvList, num, obj, restGroupType, str, trimmed, TencentRestError, unique, type RestResponse } from './rest-envelope';
import type { CreateGroupInput } from './rest-build';


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

