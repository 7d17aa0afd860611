/** Breaks of the members area, second part: reading members and removing them. */
import type { CallResult, Session } from '../../../adapters/contract';
import { attempt, refusal, type Break, type BreakContext } from '../decorate';
import { groupInfo, groupOf, hiding, isFailure, isFirstDevice, isMessage, liveSession, memoMap, ok, roleOf, usersOf, withEdits } from '../kit';
import { onAdminRefusal, onAnswer, onRefusal, overrule } from '../shapes';

/** Removes the users behind the scenes (REST) and answers as the SDK's deleteGroupMember would. */
async function removeBehindTheScenes(ctx: BreakContext, s: Session, a: any): Promise<CallResult> {
  await ctx.admin.call('deleteGroupMember', { groupID: a.groupID, userIDList: usersOf(a) });
  return ok({ group: (await s.call('getGroupProfile', { groupID: a.groupID })).data.group, userIDList: usersOf(a) });
}

export const MEMBER_REMOVAL_BREAKS: Break[] = [
  // ---- reading members ----
  {
    id: 'member-reads-drop-custom-fields',
    rule: 'members.member-information-readable',
    description: "getGroupMemberList and getGroupMemberProfile leave out the members' custom fields",
    interceptor: onAnswer(['getGroupMemberList', 'getGroupMemberProfile'], (d) => ({ ...d, memberList: (d.memberList as any[]).map((m) => (m.memberCustomField === undefined ? m : { ...m, memberCustomField: [] })) })),
  },
  {
    id: 'last-page-offset-not-zero',
    rule: 'members.member-list-next-offset',
    description: 'the last page of getGroupMemberList answers the offset just past it instead of 0 (done)',
    interceptor: onAnswer('getGroupMemberList', (d, { arg }) => {
      if (d.offset !== 0 || d.memberList.length === 0) return undefined;
      return { ...d, offset: Number((arg as { offset?: unknown } | undefined)?.offset ?? 0) + d.memberList.length };
    }),
  },
  {
    id: 'default-page-size-20',
    rule: 'members.member-list-page-size',
    description: 'getGroupMemberList without a count returns 20 members a page instead of 15',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...o.limits, memberListPageDefault: 20 } }) },
  },
  {
    id: 'profile-query-over-50-refused',
    rule: 'members.member-profile-query-limit',
    description: 'getGroupMemberProfile with more than 50 users is refused with 10004 instead of dropping the rest',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        if (method === 'getGroupMemberProfile' && usersOf(arg).length > 50) return Promise.reject(refusal(10004, 'Invalid parameter (userIDList: at most 50 users)'));
        return next();
      },
    },
  },
  // ---- removing members ----
  {
    id: 'meeting-admin-cannot-remove',
    rule: 'members.owner-or-admin-removes',
    description: 'an admin of a Meeting group is refused (10007) when removing an ordinary member',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const g = groupOf(arg);
        if (method === 'deleteGroupMember' && (await groupInfo(ctx, g))?.type === 'ChatRoom' && (await roleOf(ctx, g, s.userID)) === 'Admin') {
          throw refusal(10007, 'Insufficient operation permission (groupID: only the owner removes members)');
        }
        return next();
      },
    },
  },
  {
    id: 'removal-result-echoes-request',
    rule: 'members.removal-returns-group-and-removed-users',
    description: 'deleteGroupMember answers with every user it was asked to remove, non-members included, not those it removed',
    interceptor: onAnswer('deleteGroupMember', (d, { arg }) => ({ ...d, userIDList: usersOf(arg) })),
  },
  {
    id: 'removed-member-second-device-keeps-group',
    rule: 'members.removed-member-and-others-notified',
    description: "a removed member's devices after the first are not told (no notice 4, no group-list update) and still list the group",
    interceptor: withEdits({
      async call(ctx, s, method, arg, next) {
        const kept = memoMap<unknown, any[]>(ctx, 'kept');
        if (method === 'getGroupList') {
          const r = await next();
          const extra = (kept.get(s) ?? []).filter((g) => !(r.data.groupList as any[]).some((x) => x.groupID === g.groupID));
          return extra.length === 0 ? r : ok({ ...r.data, groupList: [...r.data.groupList, ...extra] });
        }
        if (method !== 'deleteGroupMember') return next();
        const groupID = groupOf(arg)!;
        const removed = usersOf(arg);
        const others = removed.flatMap((u) => (ctx.sessions.get(u) ?? []).filter((x) => !isFirstDevice(ctx, x)));
        const entries = new Map<unknown, any>();
        for (const o of others) {
          const l = await attempt(o.call('getGroupList'));
          const entry = isFailure(l) ? undefined : (l.data.groupList as any[]).find((g) => g.groupID === groupID);
          if (entry !== undefined) entries.set(o, entry);
        }
        const r = await hiding(ctx, (to, e, m) => entries.has(to) && (m === undefined ? e.name === 'onGroupListUpdated' : isMessage(m, 'notice', 4)), next);
        for (const [o, entry] of entries) kept.set(o, [...(kept.get(o) ?? []), entry]);
        return r;
      },
    }),
  },
  {
    id: 'admin-removes-admin',
    rule: 'members.admin-removes-only-members',
    description: 'an admin can remove another admin',
    interceptor: overrule(
      'deleteGroupMember',
      10007,
      async (ctx, u, a) => {
        if ((await roleOf(ctx, a.groupID, u)) !== 'Admin') return false;
        for (const t of usersOf(a)) if ((await roleOf(ctx, a.groupID, t)) === 'Owner') return false;
        return true;
      },
      removeBehindTheScenes,
    ),
  },
  {
    id: 'public-member-removes',
    rule: 'members.member-cannot-remove',
    description: 'an ordinary member of a Public group can remove another ordinary member',
    interceptor: overrule('deleteGroupMember', 10007, async (ctx, u, a) => (await groupInfo(ctx, a.groupID))?.type === 'Public' && (await roleOf(ctx, a.groupID, u)) === 'Member', removeBehindTheScenes),
  },
  {
    id: 'work-member-removes',
    rule: 'members.work-owner-only-removes',
    description: 'any member of a Work group can remove another member',
    interceptor: overrule('deleteGroupMember', 10007, async (ctx, u, a) => (await groupInfo(ctx, a.groupID))?.type === 'Private' && (await roleOf(ctx, a.groupID, u)) === 'Member', removeBehindTheScenes),
  },
  {
    id: 'remove-from-unknown-group-10010',
    rule: 'members.remove-needs-joined-group',
    description: 'deleteGroupMember on a group ID that names no group asks the server (10010) instead of answering 2603 from the local list',
    interceptor: onRefusal('deleteGroupMember', 2603, async ({ ctx, arg }) => {
      if ((await groupInfo(ctx, groupOf(arg))) === undefined) throw refusal(10010, 'The group does not exist (groupID)');
      return undefined;
    }),
  },
  {
    id: 'rest-removal-of-non-member-refused',
    rule: 'members.rest-removal-of-non-member-succeeds',
    description: "the app admin's removal of a user who is not a member is refused with 10007",
    interceptor: {
      async admin(ctx, method, arg, next) {
        if (method === 'deleteGroupMember') for (const u of usersOf(arg)) if ((await roleOf(ctx, groupOf(arg), u)) === 'NotMember') throw refusal(10007, `The user is not a member (userIDList: ${u})`);
        return next();
      },
    },
  },
  {
    id: 'rest-removes-from-avchatroom',
    rule: 'members.rest-removal-refused-in-avchatroom',
    description: "the app admin's removal of a viewer from an AVChatRoom succeeds (as a one-minute ban) instead of 10004",
    interceptor: onAdminRefusal('deleteGroupMember', 10004, async ({ ctx, arg }) => {
      const info = await groupInfo(ctx, groupOf(arg));
      const owner = info?.type === 'AVChatRoom' ? liveSession(ctx, info.ownerID) : undefined;
      if (owner === undefined) return undefined;
      await owner.call('deleteGroupMember', { groupID: info.groupID, userIDList: usersOf(arg), duration: 60 });
      return ok({});
    }),
  },
];
