/** Breaks of the members area: roles, muting, name cards and custom fields, reading and removing members. */
import type { CallResult, Session } from '../../../adapters/contract';
import { attempt, refusal, type Break, type BreakContext } from '../decorate';
import {
  groupInfo, groupOf, hiding, isFailure, isFirstDevice, isMessage, liveSession, memberAnswer, memberFor, memoMap, ok, rethrow, roleOf, withEdits,
} from '../kit';

const WITH_ADMINS = ['Public', 'ChatRoom', 'Community'];

function targetOf(arg: unknown): string | undefined {
  const u = (arg as { userID?: unknown } | undefined)?.userID;
  return typeof u === 'string' ? u : undefined;
}

function usersOf(arg: unknown): string[] {
  const l = (arg as { userIDList?: unknown } | undefined)?.userIDList;
  return Array.isArray(l) ? (l as string[]) : [];
}

/** An SDK call refused with `code`, retried behind the scenes when `when` holds. */
function overrule(
  method: string,
  code: number,
  when: (ctx: BreakContext, userID: string, arg: any) => Promise<boolean>,
  effect: (ctx: BreakContext, s: Session, arg: any) => Promise<CallResult>,
): Break['interceptor'] {
  return {
    async call(ctx, s, m, arg, next) {
      const r = await attempt(next());
      if (!isFailure(r)) return r;
      if (m === method && r.code === code && (await when(ctx, s.userID, arg))) return effect(ctx, s, arg);
      rethrow(r);
    },
  };
}

/** Nothing changes, but the SDK call answers success with the group and the member. */
const pretend = (ctx: BreakContext, s: Session, arg: any): Promise<CallResult> => memberAnswer(ctx, s, arg.groupID, targetOf(arg) ?? s.userID);

export const MEMBERS_BREAKS: Break[] = [
  // ---- roles ----
  {
    id: 'admin-appoints-admins',
    rule: 'members.only-owner-sets-roles',
    description: 'an admin can set and cancel admins (the SDK should refuse with 2681)',
    interceptor: overrule(
      'setGroupMemberRole',
      2681,
      async (ctx, u, a) => WITH_ADMINS.includes((await groupInfo(ctx, a.groupID))?.type) && (await roleOf(ctx, a.groupID, u)) === 'Admin',
      async (ctx, s, a) => {
        await ctx.admin.call('modifyGroupMemberInfo', { groupID: a.groupID, userID: a.userID, role: a.role });
        return memberAnswer(ctx, s, a.groupID, a.userID);
      },
    ),
  },
  {
    id: 'lowercase-role-accepted',
    rule: 'members.role-values',
    description: 'setGroupMemberRole takes "admin" (any case) as Admin instead of refusing it with 2683',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const role = (arg as { role?: unknown } | undefined)?.role;
        return method === 'setGroupMemberRole' && role === 'admin' ? next({ ...(arg as object), role: 'Admin' }) : next();
      },
    },
  },
  {
    id: 'own-role-change-succeeds',
    rule: 'members.cannot-set-own-role',
    description: 'setGroupMemberRole on oneself answers success (changing nothing) instead of failing with 2684',
    interceptor: overrule('setGroupMemberRole', 2684, async () => true, pretend),
  },
  {
    id: 'admin-cancel-notice-missing',
    rule: 'members.role-change-notified',
    description: 'a member whose admin role is cancelled receives no system notice 10',
    interceptor: withEdits({
      call: (ctx, _s, method, _arg, next) => (method === 'setGroupMemberRole' ? hiding(ctx, (_to, _e, m) => isMessage(m, 'notice', 10), next) : next()),
    }),
  },
  {
    id: 'role-result-shows-old-role',
    rule: 'members.role-change-returns-group-and-member',
    description: "setGroupMemberRole answers with the member's role from before the change",
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        if (method !== 'setGroupMemberRole') return next();
        const before = await roleOf(ctx, groupOf(arg), targetOf(arg) ?? '');
        const r = await next();
        return before === undefined ? r : ok({ ...r.data, member: { ...r.data.member, role: before } });
      },
    },
  },
  // ---- muting ----
  {
    id: 'unmute-ignored',
    rule: 'members.mute-time-in-seconds',
    description: 'setGroupMemberMuteTime with muteTime 0 answers success but does not lift the mute',
    interceptor: {
      call(ctx, s, method, arg, next) {
        return method === 'setGroupMemberMuteTime' && (arg as { muteTime?: unknown } | undefined)?.muteTime === 0 ? pretend(ctx, s, arg) : next();
      },
    },
  },
  {
    id: 'work-owner-mutes',
    rule: 'members.no-muting-in-work-groups',
    description: "the owner's mute of a Work group member answers success (though nothing is muted) instead of 10007",
    interceptor: overrule('setGroupMemberMuteTime', 10007, async (ctx, u, a) => {
      const info = await groupInfo(ctx, a.groupID);
      return info?.type === 'Private' && info.ownerID === u;
    }, pretend),
  },
  {
    id: 'admin-mutes-admin',
    rule: 'members.mute-rights-by-role',
    description: 'an admin can mute another admin',
    interceptor: overrule(
      'setGroupMemberMuteTime',
      10007,
      async (ctx, u, a) => (await roleOf(ctx, a.groupID, u)) === 'Admin' && (await roleOf(ctx, a.groupID, a.userID)) === 'Admin',
      async (ctx, s, a) => {
        await ctx.admin.call('forbidSendMsg', { groupID: a.groupID, userIDList: [a.userID], muteTime: a.muteTime });
        return memberAnswer(ctx, s, a.groupID, a.userID);
      },
    ),
  },
  {
    id: 'self-mute-allowed',
    rule: 'members.cannot-mute-self',
    description: 'a member can mute themselves (the SDK should refuse with 2685)',
    interceptor: overrule('setGroupMemberMuteTime', 2685, async () => true, async (ctx, s, a) => {
      await ctx.admin.call('forbidSendMsg', { groupID: a.groupID, userIDList: [s.userID], muteTime: a.muteTime });
      return memberAnswer(ctx, s, a.groupID, s.userID);
    }),
  },
  {
    id: 'shorter-mute-ignored',
    rule: 'members.mute-ends-at-mute-until',
    description: 'a new mute shorter than the one a member already has answers success but the longer mute stays',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        if (method !== 'setGroupMemberMuteTime') return next();
        const a = arg as { groupID: string; userID: string; muteTime: number };
        const last = memoMap<string, number>(ctx, 'mutes');
        const key = `${a.groupID}|${a.userID}`;
        if (a.muteTime > 0 && a.muteTime < (last.get(key) ?? 0)) return memberAnswer(ctx, s, a.groupID, a.userID);
        const r = await next();
        last.set(key, a.muteTime);
        return r;
      },
    },
  },
  {
    id: 'mute-lifted-on-leaving',
    rule: 'members.mute-survives-leaving',
    description: 'a muted member who quits or is removed loses the mute, and comes back unmuted',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const leaving = method === 'quitGroup' ? [s.userID] : method === 'deleteGroupMember' ? usersOf(arg) : [];
        const groupID = groupOf(arg);
        if (leaving.length === 0 || groupID === undefined) return next();
        const muted: string[] = [];
        for (const u of leaving) if (((await memberFor(ctx, groupID, u)).muteUntil ?? 0) > 0) muted.push(u);
        // lifted just before they leave (REST cannot reach them once they are out)
        if (muted.length > 0) await attempt(ctx.admin.call('forbidSendMsg', { groupID, userIDList: muted, muteTime: 0 }));
        return next();
      },
    },
  },
  {
    id: 'permanent-mute-capped-at-30-days',
    rule: 'members.rest-permanent-mute',
    description: 'a REST mute of 4294967295 seconds (permanent) is cut to 30 days',
    interceptor: {
      admin(_ctx, method, arg, next) {
        const t = (arg as { muteTime?: unknown } | undefined)?.muteTime;
        return method === 'forbidSendMsg' && typeof t === 'number' && t >= 4294967295 ? next({ ...(arg as object), muteTime: 30 * 86400 }) : next();
      },
    },
  },
  // ---- name cards and custom fields ----
  {
    id: 'own-name-card-lands-on-owner-in-work',
    rule: 'members.name-card-defaults-to-caller',
    description: "in a Work group, setGroupMemberNameCard without a userID sets the owner's name card instead of the caller's",
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const a = arg as { groupID?: string; userID?: unknown; nameCard?: string } | undefined;
        if (method !== 'setGroupMemberNameCard' || a?.userID !== undefined) return next();
        const info = await groupInfo(ctx, a?.groupID);
        if (info?.type !== 'Private' || info.ownerID === s.userID || info.ownerID === '') return next();
        await ctx.admin.call('modifyGroupMemberInfo', { groupID: info.groupID, userID: info.ownerID, nameCard: a!.nameCard });
        return memberAnswer(ctx, s, info.groupID, s.userID, { nameCard: a!.nameCard });
      },
    },
  },
  {
    id: 'member-sets-others-name-card',
    rule: 'members.name-card-rights',
    description: "an ordinary member can set another member's name card",
    interceptor: overrule(
      'setGroupMemberNameCard',
      10007,
      async (ctx, u, a) => a.userID !== undefined && a.userID !== u && (await roleOf(ctx, a.groupID, u)) === 'Member',
      async (ctx, s, a) => {
        await ctx.admin.call('modifyGroupMemberInfo', { groupID: a.groupID, userID: a.userID, nameCard: a.nameCard });
        return memberAnswer(ctx, s, a.groupID, a.userID);
      },
    ),
  },
  {
    id: 'name-card-counted-in-characters',
    rule: 'members.name-card-50-bytes',
    description: 'the 50-byte name-card limit is counted in characters: a card of 17 CJK characters (51 bytes) is accepted',
    interceptor: {
      createApp: (o) => ({ ...o, limits: { ...o.limits, nameCardBytes: 200 } }),
      call: (_ctx, _s, method, arg, next) => (method === 'setGroupMemberNameCard' ? checkCard(arg, next) : next()),
      admin: (_ctx, method, arg, next) => (method === 'modifyGroupMemberInfo' ? checkCard(arg, next) : next()),
    },
  },
  {
    id: 'member-sets-others-custom-field',
    rule: 'members.custom-field-rights',
    description: "an ordinary member can set another member's custom field",
    interceptor: overrule(
      'setGroupMemberCustomField',
      10007,
      async (ctx, u, a) => a.userID !== undefined && a.userID !== u && (await roleOf(ctx, a.groupID, u)) === 'Member',
      async (ctx, s, a) => {
        await ctx.admin.call('modifyGroupMemberInfo', { groupID: a.groupID, userID: a.userID, memberCustomField: a.memberCustomField });
        return memberAnswer(ctx, s, a.groupID, a.userID);
      },
    ),
  },
  // ---- reading members ----
  {
    id: 'member-reads-drop-custom-fields',
    rule: 'members.member-information-readable',
    description: "getGroupMemberList and getGroupMemberProfile leave out the members' custom fields",
    interceptor: {
      async call(_ctx, _s, method, _arg, next) {
        const r = await next();
        if (method !== 'getGroupMemberList' && method !== 'getGroupMemberProfile') return r;
        return ok({ ...r.data, memberList: (r.data.memberList as any[]).map((m) => (m.memberCustomField === undefined ? m : { ...m, memberCustomField: [] })) });
      },
    },
  },
  {
    id: 'last-page-offset-not-zero',
    rule: 'members.member-list-next-offset',
    description: 'the last page of getGroupMemberList answers the offset just past it instead of 0 (done)',
    interceptor: {
      async call(_ctx, _s, method, arg, next) {
        const r = await next();
        if (method !== 'getGroupMemberList' || r.data.offset !== 0 || r.data.memberList.length === 0) return r;
        const from = Number((arg as { offset?: unknown } | undefined)?.offset ?? 0);
        return ok({ ...r.data, offset: from + r.data.memberList.length });
      },
    },
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
    interceptor: {
      async call(_ctx, _s, method, arg, next) {
        const r = await next();
        return method === 'deleteGroupMember' ? ok({ ...r.data, userIDList: usersOf(arg) }) : r;
      },
    },
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
      async (ctx, s, a) => {
        await ctx.admin.call('deleteGroupMember', { groupID: a.groupID, userIDList: usersOf(a) });
        return ok({ group: (await s.call('getGroupProfile', { groupID: a.groupID })).data.group, userIDList: usersOf(a) });
      },
    ),
  },
  {
    id: 'public-member-removes',
    rule: 'members.member-cannot-remove',
    description: 'an ordinary member of a Public group can remove another ordinary member',
    interceptor: overrule(
      'deleteGroupMember',
      10007,
      async (ctx, u, a) => (await groupInfo(ctx, a.groupID))?.type === 'Public' && (await roleOf(ctx, a.groupID, u)) === 'Member',
      async (ctx, s, a) => {
        await ctx.admin.call('deleteGroupMember', { groupID: a.groupID, userIDList: usersOf(a) });
        return ok({ group: (await s.call('getGroupProfile', { groupID: a.groupID })).data.group, userIDList: usersOf(a) });
      },
    ),
  },
  {
    id: 'work-member-removes',
    rule: 'members.work-owner-only-removes',
    description: 'any member of a Work group can remove another member',
    interceptor: overrule(
      'deleteGroupMember',
      10007,
      async (ctx, u, a) => (await groupInfo(ctx, a.groupID))?.type === 'Private' && (await roleOf(ctx, a.groupID, u)) === 'Member',
      async (ctx, s, a) => {
        await ctx.admin.call('deleteGroupMember', { groupID: a.groupID, userIDList: usersOf(a) });
        return ok({ group: (await s.call('getGroupProfile', { groupID: a.groupID })).data.group, userIDList: usersOf(a) });
      },
    ),
  },
  {
    id: 'remove-from-unknown-group-10010',
    rule: 'members.remove-needs-joined-group',
    description: 'deleteGroupMember on a group ID that names no group asks the server (10010) instead of answering 2603 from the local list',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const r = await attempt(next());
        if (!isFailure(r)) return r;
        if (method === 'deleteGroupMember' && r.code === 2603 && (await groupInfo(ctx, groupOf(arg))) === undefined) throw refusal(10010, 'The group does not exist (groupID)');
        rethrow(r);
      },
    },
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
    interceptor: {
      async admin(ctx, method, arg, next) {
        const r = await attempt(next());
        if (!isFailure(r)) return r;
        const info = method === 'deleteGroupMember' && r.code === 10004 ? await groupInfo(ctx, groupOf(arg)) : undefined;
        const owner = info?.type === 'AVChatRoom' ? liveSession(ctx, info.ownerID) : undefined;
        if (owner !== undefined) {
          await owner.call('deleteGroupMember', { groupID: info.groupID, userIDList: usersOf(arg), duration: 60 });
          return ok({});
        }
        rethrow(r);
      },
    },
  },
  {
    id: 'member-profile-ignores-custom-field-filter',
    rule: 'members.member-custom-fields-by-filter',
    description: 'getGroupMemberProfile ignores memberCustomFieldFilter and returns every member field',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        if (method !== 'getGroupMemberProfile') return next();
        const { memberCustomFieldFilter: _ignored, ...rest } = arg as Record<string, unknown>;
        return next(rest);
      },
    },
  },
  {
    id: 'message-option-not-stored',
    rule: 'members.own-message-remind-type',
    description: 'setMessageRemindType answers success but keeps nothing',
    interceptor: {
      call(_ctx, _s, method, _arg, next) {
        return method === 'setMessageRemindType' ? Promise.resolve(ok({})) : next();
      },
    },
  },
];

/** Refuses a name card of more than 50 characters (the break: characters, not bytes). */
function checkCard(arg: unknown, next: () => Promise<CallResult>): Promise<CallResult> {
  const card = (arg as { nameCard?: unknown } | undefined)?.nameCard;
  if (typeof card === 'string' && [...card].length > 50) return Promise.reject(refusal(10004, 'Invalid parameter (nameCard: at most 50 characters)'));
  return next();
}
