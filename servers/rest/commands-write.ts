/**
 * The group commands that change state (`v4/group_open_http_svc/*`), each a translation of the
 * REST body into one app-admin command of the simulator and of its result back into REST fields.
 * Field names are those of Tencent's REST pages (1047/34895 and siblings, cited per command).
 */
import { z } from 'zod';
import { ERR } from '../../simulator/core/errors';
import { RestFault } from './codes';
import { account, admin, defined, flag, fromPairs, groupId, int, keyValues, refuseUnmodelled, spec, text, type CommandSpec } from './fields';

const accounts = z.array(account);

/** The group fields create_group (1047/34895) and import_group (1047/34967) share. */
export const GROUP_CREATION_FIELDS = {
  Owner_Account: account.optional(),
  Type: z.string(),
  GroupId: text.optional(),
  Name: text,
  Introduction: text.optional(),
  Notification: text.optional(),
  FaceUrl: text.optional(),
  MaxMemberCount: int.optional(),
  ApplyJoinOption: text.optional(),
  InviteJoinOption: text.optional(),
};

/** GROUP_CREATION_FIELDS as the admin command's options. */
export function groupCreationOptions(b: z.infer<z.ZodObject<typeof GROUP_CREATION_FIELDS>>) {
  return {
    type: b.Type,
    name: b.Name,
    ownerAccount: b.Owner_Account,
    groupID: b.GroupId,
    introduction: b.Introduction,
    notification: b.Notification,
    avatar: b.FaceUrl,
    maxMemberNum: b.MaxMemberCount,
    joinOption: b.ApplyJoinOption,
    inviteOption: b.InviteJoinOption,
  };
}

export const WRITE_COMMANDS: Record<string, CommandSpec> = {
  /** create_group (1047/34895). */
  'group_open_http_svc/create_group': spec(
    z.object({
      ...GROUP_CREATION_FIELDS,
      MemberList: z.array(z.object({ Member_Account: account, Role: text.optional() }).passthrough()).optional(),
      SupportTopic: flag.optional(),
    }).passthrough(),
    async (ctx, b) => {
      refuseUnmodelled(b, ['AppDefinedData'], 'create_group');
      for (const m of b.MemberList ?? []) refuseUnmodelled(m, ['AppMemberDefinedData', 'JoinTime', 'MsgSeq', 'MsgFlag', 'NameCard', 'LastSendMsgTime'], 'create_group MemberList');
      const r = await admin<{ groupID: string; type: string }>(ctx, 'createGroup', defined({
        ...groupCreationOptions(b),
        memberList: b.MemberList?.map((m) => defined({ userID: m.Member_Account, role: m.Role })),
        isSupportTopic: b.SupportTopic === undefined ? undefined : b.SupportTopic === 1,
      }));
      // the Community example answers with its Type and HugeGroupFlag; the others with the ID alone
      return r.type === 'Community' ? { GroupId: r.groupID, HugeGroupFlag: 0, Type: r.type } : { GroupId: r.groupID };
    },
  ),
  /** destroy_group (1047/34896). */
  'group_open_http_svc/destroy_group': spec(z.object({ GroupId: groupId }), async (ctx, b) => {
    await admin(ctx, 'destroyGroup', { groupID: b.GroupId });
    return {};
  }),
  /** change_group_owner (1047/34966). */
  'group_open_http_svc/change_group_owner': spec(z.object({ GroupId: groupId, NewOwner_Account: account }), async (ctx, b) => {
    await admin(ctx, 'changeGroupOwner', { groupID: b.GroupId, newOwnerID: b.NewOwner_Account });
    return {};
  }),
  /** add_group_member (1047/34921): Result 0 failed, 1 added, 2 already a member. */
  'group_open_http_svc/add_group_member': spec(
    z.object({ GroupId: groupId, Silence: flag.optional(), MemberList: z.array(z.object({ Member_Account: account })).min(1, 'must name at least one member') }),
    async (ctx, b) => {
      const r = await admin<{ memberList: Array<{ userID: string; result: number }> }>(ctx, 'addGroupMember', defined({
        groupID: b.GroupId,
        userIDList: b.MemberList.map((m) => m.Member_Account),
        silence: b.Silence === undefined ? undefined : b.Silence === 1,
      }));
      return { MemberList: r.memberList.map((m) => ({ Member_Account: m.userID, Result: m.result })) };
    },
  ),
  /** delete_group_member (1047/34949). */
  'group_open_http_svc/delete_group_member': spec(
    z.object({ GroupId: groupId, Silence: flag.optional(), Reason: text.optional(), MemberToDel_Account: accounts.min(1, 'must name at least one member') }),
    async (ctx, b) => {
      await admin(ctx, 'deleteGroupMember', defined({ groupID: b.GroupId, userIDList: b.MemberToDel_Account, reason: b.Reason, silence: b.Silence === undefined ? undefined : b.Silence === 1 }));
      return {};
    },
  ),
  /** modify_group_base_info (1047/34962). */
  'group_open_http_svc/modify_group_base_info': spec(
    z.object({
      GroupId: groupId,
      Name: text.optional(),
      Introduction: text.optional(),
      Notification: text.optional(),
      FaceUrl: text.optional(),
      MaxMemberNum: int.optional(),
      ApplyJoinOption: text.optional(),
      InviteJoinOption: text.optional(),
      MuteAllMember: z.enum(['On', 'Off']).optional(),
      AppDefinedData: keyValues.optional(),
    }),
    async (ctx, b) => {
      await admin(ctx, 'modifyGroupBaseInfo', defined({
        groupID: b.GroupId,
        name: b.Name,
        introduction: b.Introduction,
        notification: b.Notification,
        avatar: b.FaceUrl,
        maxMemberNum: b.MaxMemberNum,
        joinOption: b.ApplyJoinOption,
        inviteOption: b.InviteJoinOption,
        muteAllMembers: b.MuteAllMember === undefined ? undefined : b.MuteAllMember === 'On',
        groupCustomField: fromPairs(b.AppDefinedData),
      }));
      return {};
    },
  ),
  /** modify_group_member_info (1047/34900). */
  'group_open_http_svc/modify_group_member_info': spec(
    z.object({ GroupId: groupId, Member_Account: account, Role: text.optional(), NameCard: text.optional(), MuteTime: int.optional(), AppMemberDefinedData: keyValues.optional() }).passthrough(),
    async (ctx, b) => {
      refuseUnmodelled(b, ['MsgFlag'], 'modify_group_member_info');
      await admin(ctx, 'modifyGroupMemberInfo', defined({
        groupID: b.GroupId,
        userID: b.Member_Account,
        role: b.Role,
        nameCard: b.NameCard,
        muteTime: b.MuteTime,
        memberCustomField: fromPairs(b.AppMemberDefinedData),
      }));
      return {};
    },
  ),
  /** forbid_send_msg (1047/34951): MuteTime in seconds, 0 unmutes (ShutUpTime is its older name). */
  'group_open_http_svc/forbid_send_msg': spec(
    z.object({ GroupId: groupId, Members_Account: accounts.min(1, 'must name at least one member'), MuteTime: int.optional(), ShutUpTime: int.optional() }),
    async (ctx, b) => {
      const muteTime = b.MuteTime ?? b.ShutUpTime;
      if (muteTime === undefined) throw new RestFault(ERR.INVALID_PARAMETER, 'Invalid parameter (MuteTime: is required)');
      await admin(ctx, 'forbidSendMsg', { groupID: b.GroupId, userIDList: b.Members_Account, muteTime });
      return {};
    },
  ),
  /** send_group_system_notification (1047/34958). */
  'group_open_http_svc/send_group_system_notification': spec(
    z.object({ GroupId: groupId, ToMembers_Account: accounts.optional(), Content: text }),
    async (ctx, b) => {
      await admin(ctx, 'sendGroupSystemNotification', defined({ groupID: b.GroupId, content: b.Content, toMembers: b.ToMembers_Account }));
      return {};
    },
  ),
};
