/** Breaks of the avchatroom area: entering, one room at a time, removal bans, muting and member data. */
import { type Break } from '../decorate';
import { allSessions, groupInfo, groupOf, inject, liveSession, memberAnswer, ok, profileFor, withEdits } from '../kit';
import { onAnswer, onRefusal } from '../shapes';

export const AVCHATROOM_BREAKS: Break[] = [
  {
    id: 'owner-rejoin-reports-joined',
    rule: 'avchatroom.creator-enters-with-join',
    description: 'the owner who joins her AVChatRoom again is told JoinedSuccess each time instead of AlreadyInGroup',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const r = await next();
        if (method !== 'joinGroup' || r.data.status !== 'AlreadyInGroup') return r;
        const info = await groupInfo(ctx, groupOf(arg));
        return info?.type === 'AVChatRoom' && info.ownerID === s.userID ? ok({ status: 'JoinedSuccess', group: await profileFor(s, info.groupID) }) : r;
      },
    },
  },
  {
    id: 'av-removal-defaults-duration',
    rule: 'avchatroom.removal-needs-duration',
    description: 'removing a member from an AVChatRoom without a duration bans them for 60 seconds instead of being refused with 2686',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        if (method !== 'deleteGroupMember' || (arg as { duration?: unknown } | undefined)?.duration !== undefined || (await groupInfo(ctx, groupOf(arg)))?.type !== 'AVChatRoom') return next();
        return next({ ...(arg as object), duration: 60 });
      },
    },
  },
  {
    id: 'viewer-removes-viewer',
    rule: 'avchatroom.only-owner-removes',
    description: 'a viewer of an AVChatRoom can remove another viewer',
    interceptor: onRefusal('deleteGroupMember', 10007, async ({ ctx, arg }) => {
      const info = await groupInfo(ctx, groupOf(arg));
      const owner = info?.type === 'AVChatRoom' ? liveSession(ctx, info.ownerID) : undefined;
      return owner?.call('deleteGroupMember', arg);
    }),
  },
  {
    id: 'av-ban-one-second-short',
    rule: 'avchatroom.removal-bans-until-duration-ends',
    description: 'a member removed from an AVChatRoom for d seconds may come back after d - 1 seconds',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const d = (arg as { duration?: unknown } | undefined)?.duration;
        if (method !== 'deleteGroupMember' || typeof d !== 'number' || d <= 1 || (await groupInfo(ctx, groupOf(arg)))?.type !== 'AVChatRoom') return next();
        return next({ ...(arg as object), duration: d - 1 });
      },
    },
  },
  {
    id: 'av-member-list-shows-roles',
    rule: 'avchatroom.no-member-profiles',
    description: "an AVChatRoom's member list gives each member a role, as if the room kept member profiles",
    interceptor: onAnswer('getGroupMemberList', async (d, { ctx, arg }) => {
      const owner = (d.memberList as any[]).some((m) => m.role === undefined) ? (await groupInfo(ctx, groupOf(arg)))?.ownerID : undefined;
      return { ...d, memberList: (d.memberList as any[]).map((m) => (m.role === undefined ? { ...m, role: m.userID === owner ? 'Owner' : 'Member' } : m)) };
    }),
  },
  {
    id: 'viewer-mutes-viewer',
    rule: 'avchatroom.only-owner-mutes',
    description: 'a viewer of an AVChatRoom can mute another viewer',
    interceptor: onRefusal('setGroupMemberMuteTime', 10007, async ({ ctx, s, arg: a }) => {
      if ((await groupInfo(ctx, a.groupID))?.type !== 'AVChatRoom') return undefined;
      await ctx.admin.call('forbidSendMsg', { groupID: a.groupID, userIDList: [a.userID], muteTime: a.muteTime });
      return memberAnswer(ctx, s, a.groupID, a.userID);
    }),
  },
  {
    id: 'av-entry-updates-group-list',
    rule: 'avchatroom.excluded-from-group-list',
    description: 'entering an AVChatRoom sends the viewer a GROUP_LIST_UPDATED, as if the room had joined their list',
    interceptor: withEdits({
      async call(ctx, s, method, _arg, next) {
        const r = await next();
        if (method === 'joinGroup' && r.data.status === 'JoinedSuccess' && r.data.group?.type === 'AVChatRoom' && !ctx.loggedOut.has(s)) {
          const list = (await s.call('getGroupList')).data.groupList;
          for (const d of allSessions(ctx).filter((x) => x.userID === s.userID && !ctx.loggedOut.has(x))) await inject(ctx, d, { name: 'onGroupListUpdated', data: list });
        }
        return r;
      },
    }),
  },
  {
    id: 'admin-unban-ignored',
    rule: 'avchatroom.app-admin-bans-and-unbans',
    description: 'the app admin\'s unban_group_member answers OK with the users but lifts no ban',
    interceptor: {
      async admin(_ctx, method, arg, next) {
        if (method !== 'unbanGroupMember') return next();
        return { code: 0, data: { userIDList: [...new Set((arg as { userIDList: string[] }).userIDList)] } };
      },
    },
  },
];
