/**
 * Request builders: one per admin command of the contract's surface, from the simulator admin's
 * option shapes (simulator/core/schemas.ts) to the REST body of the page cited at each builder.
 */
import { definedOnly, flag, isCommunityID, onOff, restGroupType, unique, type RestRequest } from './rest-envelope';

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
  /** im_open_login_svc/account_delete (1047/34955): the admin's deleteAccounts, and the adapter's cleanup. */
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

