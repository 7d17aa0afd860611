/** Breaks of the admin area: the app admin's REST powers and what they report. */
import { attempt, refusal, type Break } from '../decorate';
import { groupInfo, groupOf, isFailure, isMessage, ok } from '../kit';
import { hideOnAdmin, onAdminAnswer, onAdminRefusal } from '../shapes';

export const ADMIN_BREAKS: Break[] = [
  {
    id: 'rest-cannot-edit-avchatroom',
    rule: 'admin.owner-powers-in-every-group',
    description: "REST modify_group_base_info is refused (10007) for an AVChatRoom, which the app admin does not belong to",
    interceptor: {
      async admin(ctx, method, arg, next) {
        if (method === 'modifyGroupBaseInfo' && (await groupInfo(ctx, groupOf(arg)))?.type === 'AVChatRoom') throw refusal(10007, 'Insufficient operation permission (groupID: not a member)');
        return next();
      },
    },
  },
  {
    id: 'rest-created-group-not-announced-to-owner',
    rule: 'admin.creates-groups-without-owner',
    description: 'the owner named by REST create_group receives no system notice 6 (group created)',
    interceptor: hideOnAdmin('createGroup', () => (_to, _e, m) => isMessage(m, 'notice', 6)),
  },
  {
    id: 'owner-role-change-reported-success',
    rule: 'admin.owner-role-cannot-be-changed',
    description: "REST modify_group_member_info on the owner's role answers success (changing nothing) instead of 10007",
    interceptor: onAdminRefusal('modifyGroupMemberInfo', 10007, async ({ ctx, arg }) => {
      const a = arg as { groupID?: string; userID?: string; role?: unknown };
      if (a.role === undefined || (await groupInfo(ctx, a.groupID))?.ownerID !== a.userID) return undefined;
      const members = (await ctx.admin.call('getGroupMemberInfo', { groupID: a.groupID })).data.memberList as any[];
      return ok({ member: members.find((m) => m.userID === a.userID) });
    }),
  },
  {
    id: 'rest-create-101-members-accepted',
    rule: 'admin.create-member-list-at-most-100',
    description: 'REST create_group with 101 initial members creates the group with 100 and adds the rest, instead of refusing with 10005',
    interceptor: onAdminRefusal('createGroup', 10005, async ({ ctx, arg, next }) => {
      const list = (arg as { memberList?: Array<{ userID: string }> } | undefined)?.memberList ?? [];
      if (list.length <= 100) return undefined;
      const created = await next({ ...(arg as object), memberList: list.slice(0, 100) });
      await ctx.admin.call('addGroupMember', { groupID: created.data.groupID, userIDList: list.slice(100).map((m) => m.userID), silence: true });
      return created;
    }),
  },
  {
    id: 'unknown-account-auto-imported',
    rule: 'admin.accounts-must-exist',
    description: 'REST add_group_member imports accounts the app has never seen instead of refusing with 10019',
    interceptor: {
      async admin(ctx, method, arg, next) {
        if (method === 'addGroupMember') {
          for (const u of (arg as { userIDList?: string[] } | undefined)?.userIDList ?? []) {
            if (isFailure(await attempt(ctx.admin.call('getJoinedGroupList', { userID: u })))) await ctx.admin.call('importAccount', { userID: u });
          }
        }
        return next();
      },
    },
  },
  {
    id: 'rest-add-reports-failure-as-added',
    rule: 'admin.add-reports-each-user',
    description: 'REST add_group_member reports a user it could not add (result 0) as added (result 1)',
    interceptor: onAdminAnswer('addGroupMember', (data) => ({ ...data, memberList: (data.memberList as any[]).map((m) => (m.result === 0 ? { ...m, result: 1 } : m)) })),
  },
  {
    id: 'silence-ignored',
    rule: 'admin.silence-suppresses-notifications',
    description: 'REST additions and removals with Silence still notify the group',
    interceptor: {
      admin(_ctx, method, arg, next) {
        return (method === 'addGroupMember' || method === 'deleteGroupMember') && (arg as { silence?: unknown } | undefined)?.silence === true ? next({ ...(arg as object), silence: false }) : next();
      },
    },
  },
  {
    id: 'system-notification-ignores-recipients',
    rule: 'admin.custom-system-notification',
    description: 'a REST system notification addressed to some members goes to every member',
    interceptor: {
      admin(_ctx, method, arg, next) {
        if (method !== 'sendGroupSystemNotification' || (arg as { toMembers?: unknown } | undefined)?.toMembers === undefined) return next();
        const { toMembers: _all, ...rest } = arg as Record<string, unknown>;
        return next(rest);
      },
    },
  },
  {
    id: 'joined-list-always-includes-avchatrooms',
    rule: 'admin.joined-group-list-of-a-user',
    description: 'REST get_joined_group_list includes AVChatRooms even without WithHugeGroups',
    interceptor: {
      admin: (_ctx, method, arg, next) => (method === 'getJoinedGroupList' && typeof arg === 'object' && arg !== null ? next({ ...arg, withHugeGroups: true }) : next()),
    },
  },
  {
    id: 'av-role-query-answered',
    rule: 'admin.role-query',
    description: "REST get_role_in_group answers for an AVChatRoom (the owner Owner, everyone else Member) instead of refusing with 10007",
    interceptor: onAdminRefusal('getRoleInGroup', 10007, async ({ ctx, arg }) => {
      const a = arg as { groupID?: string; userIDList?: string[] };
      const info = await groupInfo(ctx, a.groupID);
      return info?.type === 'AVChatRoom' ? ok({ userIdList: (a.userIDList ?? []).map((userID) => ({ userID, role: userID === info.ownerID ? 'Owner' : 'Member' })) }) : undefined;
    }),
  },
  {
    id: 'batch-mute-only-first',
    rule: 'admin.batch-mute',
    description: 'REST forbid_send_msg mutes only the first user it names',
    interceptor: {
      admin(_ctx, method, arg, next) {
        const users = (arg as { userIDList?: unknown } | undefined)?.userIDList;
        return method === 'forbidSendMsg' && Array.isArray(users) && users.length > 1 ? next({ ...(arg as object), userIDList: users.slice(0, 1) }) : next();
      },
    },
  },
];
