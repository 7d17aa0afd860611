/** Breaks of the profile area: reading the group profile, who may edit what, and who is told. */
import { refusal, type Break } from '../decorate';
import { groupInfo, groupOf, memoMap, ok, profileFor, roleOf } from '../kit';
import { answersGroupBefore, groupInfoFromMemo, hideOnCall, onAnswer, onRefusal } from '../shapes';

export const PROFILE_BREAKS: Break[] = [
  {
    id: 'profile-read-drops-avatar',
    rule: 'profile.members-read-the-profile',
    description: 'getGroupProfile answers with an empty avatar',
    interceptor: onAnswer('getGroupProfile', (d) => ({ ...d, group: { ...d.group, avatar: '' } })),
  },
  {
    id: 'non-member-reads-notification',
    rule: 'profile.non-members-read-only-public-profiles',
    description: "a non-member reading a group's profile also sees its announcement (notification), which is for members only",
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const r = await next();
        if (method !== 'getGroupProfile' || (await roleOf(ctx, groupOf(arg), s.userID)) !== 'NotMember') return r;
        const info = await groupInfo(ctx, groupOf(arg));
        return ok({ ...r.data, group: { ...r.data.group, notification: info.notification } });
      },
    },
  },
  {
    id: 'group-list-self-role-member',
    rule: 'profile.own-member-profile-in-groups',
    description: "getGroupList reports the caller's role as Member in every group",
    interceptor: onAnswer('getGroupList', (d) => ({ ...d, groupList: (d.groupList as any[]).map((g) => ({ ...g, selfInfo: { ...g.selfInfo, role: 'Member' } })) })),
  },
  {
    id: 'public-member-renames',
    rule: 'profile.edit-rights-by-type',
    description: 'an ordinary member of a Public group can rename it',
    interceptor: onRefusal('updateGroupProfile', 10007, async ({ ctx, s, arg }) => {
      const g = groupOf(arg);
      if ((arg as { name?: unknown } | undefined)?.name === undefined || (await groupInfo(ctx, g))?.type !== 'Public' || (await roleOf(ctx, g, s.userID)) !== 'Member') return undefined;
      await ctx.admin.call('modifyGroupBaseInfo', arg);
      return ok({ group: await profileFor(s, g!) });
    }),
  },
  {
    id: 'work-member-changes-cap',
    rule: 'profile.work-members-edit-basic-fields-only',
    description: 'an ordinary member of a Work group can change its member cap (maxMemberNum)',
    interceptor: onRefusal('updateGroupProfile', 10007, async ({ ctx, s, arg }) => {
      const g = groupOf(arg);
      const a = arg as { maxMemberNum?: unknown; groupCustomField?: unknown };
      if (a.maxMemberNum === undefined || a.groupCustomField !== undefined || (await groupInfo(ctx, g))?.type !== 'Private' || (await roleOf(ctx, g, s.userID)) !== 'Member') return undefined;
      await ctx.admin.call('modifyGroupBaseInfo', arg);
      return ok({ group: await profileFor(s, g!) });
    }),
  },
  {
    id: 'custom-fields-replaced-not-merged',
    rule: 'profile.modifiable-fields',
    description: "an update of groupCustomField replaces the group's custom fields instead of merging them by key",
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const r = await next();
        const replaced = memoMap<string, unknown>(ctx, 'custom-fields');
        const fields = (arg as { groupCustomField?: unknown } | undefined)?.groupCustomField;
        if (method === 'updateGroupProfile' && Array.isArray(fields)) replaced.set(groupOf(arg)!, fields);
        const g = r.data?.group?.groupID;
        return (method === 'getGroupProfile' || method === 'updateGroupProfile') && replaced.has(g) ? ok({ ...r.data, group: { ...r.data.group, groupCustomField: replaced.get(g) } }) : r;
      },
      ...groupInfoFromMemo<unknown>('custom-fields', (info, groupCustomField) => ({ ...info, groupCustomField })),
    },
  },
  {
    id: 'update-result-stale-group',
    rule: 'profile.update-resolves-the-group',
    description: 'updateGroupProfile answers with the group as it was before the update',
    interceptor: answersGroupBefore('updateGroupProfile'),
  },
  {
    id: 'profile-change-skips-member-group-lists',
    rule: 'profile.members-told-of-profile-changes',
    description: "a profile change does not update the other members' group lists (GROUP_LIST_UPDATED)",
    interceptor: hideOnCall('updateGroupProfile', ({ caller }) => (to, e, m) => m === undefined && e.name === 'onGroupListUpdated' && to.userID !== caller.userID),
  },
  {
    id: 'community-join-option-change-ignored',
    rule: 'profile.join-option-changes-only-for-public-and-community',
    description: "a change of a Community's joinOption is ignored without error",
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        if (method !== 'updateGroupProfile' || (arg as { joinOption?: unknown } | undefined)?.joinOption === undefined || (await groupInfo(ctx, groupOf(arg)))?.type !== 'Community') return next();
        const { joinOption: _ignored, ...rest } = arg as Record<string, unknown>;
        return next(rest);
      },
    },
  },
  {
    id: 'admin-cannot-mute-all',
    rule: 'profile.mute-all-members',
    description: 'an admin is refused (10007) when setting muteAllMembers; only the owner may',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        if (method === 'updateGroupProfile' && (arg as { muteAllMembers?: unknown } | undefined)?.muteAllMembers !== undefined && (await roleOf(ctx, groupOf(arg), s.userID)) === 'Admin') {
          throw refusal(10007, 'Insufficient operation permission (muteAllMembers: only the owner)');
        }
        return next();
      },
    },
  },
  {
    id: 'members-find-work-group',
    rule: 'profile.search-cannot-find-work-groups',
    description: 'the members of a Work group find it with searchGroupByID',
    interceptor: onRefusal('searchGroupByID', 10007, async ({ ctx, s, arg }) => {
      const g = groupOf(arg);
      return ['Owner', 'Member'].includes((await roleOf(ctx, g, s.userID)) ?? '') ? ok({ group: await profileFor(s, g!) }) : undefined;
    }),
  },
  {
    id: 'profile-ignores-custom-field-filter',
    rule: 'profile.custom-fields-by-filter',
    description: "getGroupProfile ignores groupCustomFieldFilter and gives a member every custom field of the group",
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const r = await next();
        if (method !== 'getGroupProfile' || (await roleOf(ctx, groupOf(arg), s.userID)) === 'NotMember') return r;
        const info = await groupInfo(ctx, groupOf(arg));
        return ok({ ...r.data, group: { ...r.data.group, groupCustomField: info.groupCustomField } });
      },
    },
  },
];
