/** Breaks of the members area: roles, muting, name cards and custom fields (reading and removing members: member-removal.ts). */
import type { CallResult, Session } from '../../../adapters/contract';
import { attempt, refusal, type Break, type BreakContext } from '../decorate';
import { groupInfo, groupOf, isMessage, memberAnswer, memberFor, memoMap, ok, roleOf, usersOf } from '../kit';
import { hideOnCall, overrule } from '../shapes';

const WITH_ADMINS = ['Public', 'ChatRoom', 'Community'];

function targetOf(arg: unknown): string | undefined {
  const u = (arg as { userID?: unknown } | undefined)?.userID;
  return typeof u === 'string' ? u : undefined;
}

/** Nothing changes, but the SDK call answers success with the group and the member. */
const pretend = (ctx: BreakContext, s: Session, arg: any): Promise<CallResult> => memberAnswer(ctx, s, arg.groupID, targetOf(arg) ?? s.userID);

/**
 * An ordinary member's `method` on another member is done instead of refused with 10007: the app
 * admin writes that member's `field` for her, and she gets the member's answer.
 */
const memberWritesOthers = (method: string, field: 'nameCard' | 'memberCustomField') =>
  overrule(
    method,
    10007,
    async (ctx, u, a) => a.userID !== undefined && a.userID !== u && (await roleOf(ctx, a.groupID, u)) === 'Member',
    async (ctx, s, a) => {
      await ctx.admin.call('modifyGroupMemberInfo', { groupID: a.groupID, userID: a.userID, [field]: a[field] });
      return memberAnswer(ctx, s, a.groupID, a.userID);
    },
  );

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
    interceptor: hideOnCall('setGroupMemberRole', () => (_to, _e, m) => isMessage(m, 'notice', 10)),
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
    interceptor: memberWritesOthers('setGroupMemberNameCard', 'nameCard'),
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
    interceptor: memberWritesOthers('setGroupMemberCustomField', 'memberCustomField'),
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
