/** Breaks of the create area: types, names, owners, IDs, initial members, options and creation notices. */
import { attempt, refusal, type Break } from '../decorate';
import { isFailure, isFirstDevice, isGroupCreateMessage, isMessage, mapMessages, memoMap, memoSet, messageGroup, rethrow } from '../kit';
import { groupInfoFromMemo, hideOnCall, onAnswer, onRefusal, refuseWith } from '../shapes';

/** The SDK's createGroup options with one field changed. */
function createArg(arg: unknown, change: Record<string, unknown>): Record<string, unknown> {
  const out = { ...(arg as Record<string, unknown>), ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete out[k];
  return out;
}

function withGroup(data: any, change: Record<string, unknown>): any {
  return { ...data, group: { ...data.group, ...change } };
}

export const CREATE_BREAKS: Break[] = [
  {
    id: 'avchatroom-created-reported-as-chatroom',
    rule: 'create.type-values',
    description: 'createGroup of an AVChatRoom answers with type "ChatRoom" (the legacy Meeting string) in the returned profile',
    interceptor: onAnswer('createGroup', (d) => (d.group?.type === 'AVChatRoom' ? withGroup(d, { type: 'ChatRoom' }) : undefined)),
  },
  {
    id: 'untyped-group-is-public',
    rule: 'create.type-defaults-to-work',
    description: 'createGroup without a type makes a Public group instead of a Work group',
    interceptor: {
      call: (_ctx, _s, method, arg, next) =>
        method === 'createGroup' && typeof arg === 'object' && arg !== null && (arg as { type?: unknown } | undefined)?.type === undefined ? next(createArg(arg, { type: 'Public' })) : next(),
    },
  },
  {
    id: 'native-type-names-accepted',
    rule: 'create.unknown-type-rejected',
    description: 'createGroup accepts the native type names "Work" and "Meeting" as Private and ChatRoom instead of refusing them with 2600',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const t = (arg as { type?: unknown } | undefined)?.type;
        const alias: Record<string, string> = { Work: 'Private', Meeting: 'ChatRoom' };
        return method === 'createGroup' && typeof t === 'string' && alias[t] !== undefined ? next(createArg(arg, { type: alias[t] })) : next();
      },
    },
  },
  {
    id: 'missing-name-defaults',
    rule: 'create.name-required',
    description: 'createGroup without a name, or with an empty one, creates a group named "Untitled" instead of refusing with 10004',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const a = arg as { name?: unknown } | undefined;
        return method === 'createGroup' && typeof a === 'object' && a !== null && (a.name === undefined || a.name === '') ? next(createArg(arg, { name: 'Untitled' })) : next();
      },
    },
  },
  {
    id: 'meeting-creator-reported-as-member',
    rule: 'create.creator-becomes-owner',
    description: "createGroup of a Meeting group answers with the creator's selfInfo.role Member, not Owner",
    interceptor: onAnswer('createGroup', (d) => (d.group?.type === 'ChatRoom' ? withGroup(d, { selfInfo: { ...d.group.selfInfo, role: 'Member' } }) : undefined)),
  },
  {
    id: 'create-result-drops-profile-fields',
    rule: 'create.returns-group-profile',
    description: 'the profile createGroup returns has an empty introduction, notification and avatar, whatever the creator gave',
    interceptor: onAnswer('createGroup', (d) => withGroup(d, { introduction: '', notification: '', avatar: '' })),
  },
  {
    id: 'meeting-cap-defaults-to-6000',
    rule: 'create.member-cap-defaults',
    description: 'a Meeting group created without maxMemberNum gets the other documents\' 6,000 cap instead of 10,000',
    interceptor: {
      async call(_ctx, _s, method, arg, next) {
        const a = arg as { type?: unknown; maxMemberNum?: unknown } | undefined;
        if (method !== 'createGroup' || a?.type !== 'ChatRoom' || a.maxMemberNum !== undefined) return next();
        // where an app's smaller cap refuses 6,000 outright, the break stands aside
        const r = await attempt(next(createArg(arg, { maxMemberNum: 6000 })));
        if (!isFailure(r)) return r;
        if (r.code === 10004 && r.message.includes('maxMemberNum')) return next();
        rethrow(r);
      },
    },
  },
  {
    id: 'over-cap-max-member-num-clamped',
    rule: 'create.max-member-num-chosen',
    description: "a maxMemberNum above the type's cap (or any for an AVChatRoom) is silently clamped to the type's cap instead of refused with 10004",
    interceptor: onRefusal('createGroup', 10004, async ({ arg, refused, next }) => (refused.message.includes('maxMemberNum') ? next(createArg(arg, { maxMemberNum: undefined })) : undefined)),
  },
  {
    id: 'owner-join-counted-twice',
    rule: 'create.avchatroom-owner-joins',
    description: 'the creator who enters her own AVChatRoom with joinGroup is counted a second time',
    interceptor: {
      async call(ctx, s, method, _arg, next) {
        const r = await next();
        if (method === 'joinGroup' && r.data.status === 'JoinedSuccess' && r.data.group?.type === 'AVChatRoom' && r.data.group.ownerID === s.userID) {
          memoMap<string, true>(ctx, 'twice').set(r.data.group.groupID, true);
          return { ...r, data: withGroup(r.data, { memberCount: r.data.group.memberCount + 1, memberNum: r.data.group.memberCount + 1 }) };
        }
        return r;
      },
      ...groupInfoFromMemo<true>('twice', (info) => ({ ...info, memberNum: info.memberNum + 1 })),
    },
  },
  {
    id: 'creation-notice-only-on-creating-device',
    rule: 'create.creation-notice-to-owner-devices',
    description: "system notice 6 (group created) reaches only the owner's first device, not her others",
    interceptor: {
      events: (ctx, s, events) => (isFirstDevice(ctx, s) ? events : mapMessages(events, (m) => (isMessage(m, 'notice', 6) ? undefined : m))),
    },
  },
  {
    id: 'creation-invitees-not-notified',
    rule: 'create.members-notified',
    description: 'users added through memberList at creation receive no system notice 7 (invited)',
    interceptor: hideOnCall('createGroup', () => (_to, _e, m) => isMessage(m, 'notice', 7)),
  },
  {
    id: 'no-group-create-in-community',
    rule: 'create.group-create-message',
    description: 'no group_create message is sent into a new Community, topic-enabled or not',
    interceptor: {
      async call(ctx, _s, method, _arg, next) {
        const r = await next();
        if (method === 'createGroup' && r.data.group?.type === 'Community') memoSet<string>(ctx, 'communities').add(r.data.group.groupID);
        return r;
      },
      events: (ctx, _s, events) => mapMessages(events, (m) => (isGroupCreateMessage(m) && memoSet<string>(ctx, 'communities').has(messageGroup(m)!) ? undefined : m)),
    },
  },
  {
    id: 'same-name-creation-returns-existing-group',
    rule: 'create.generated-id',
    description: 'creating a group with the name and type of one the creator already has returns that group instead of a new one with a new ID',
    interceptor: {
      async call(_ctx, s, method, arg, next) {
        const a = arg as { name?: unknown; type?: unknown; groupID?: unknown } | undefined;
        if (method !== 'createGroup' || a?.groupID !== undefined || typeof a?.name !== 'string') return next();
        const list = await attempt(s.call('getGroupList'));
        const same = isFailure(list) ? undefined : (list.data.groupList as any[]).find((g) => g.name === a.name && g.type === (a.type ?? 'Private'));
        if (same === undefined) return next();
        const profile = await s.call('getGroupProfile', { groupID: same.groupID });
        return { code: 0, data: { group: profile.data.group, overLimitUserIDList: [] } };
      },
    },
  },
  {
    id: 'custom-id-ignored-for-meeting-and-av',
    rule: 'create.custom-id-kept',
    description: 'a custom groupID given for a Meeting group or an AVChatRoom is ignored and a generated @TGS# ID assigned',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const a = arg as { type?: unknown; groupID?: unknown } | undefined;
        return method === 'createGroup' && (a?.type === 'ChatRoom' || a?.type === 'AVChatRoom') && typeof a.groupID === 'string' && !a.groupID.startsWith('@TGS#')
          ? next(createArg(arg, { groupID: undefined }))
          : next();
      },
    },
  },
  {
    id: 'custom-id-with-space-refused',
    rule: 'create.custom-id-format',
    description: 'a custom groupID with a space, which is printable ASCII, is refused with 10015',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const g = (arg as { groupID?: unknown } | undefined)?.groupID;
        if (method === 'createGroup' && typeof g === 'string' && g.includes(' ')) return Promise.reject(refusal(10015, 'Invalid group ID (groupID: spaces are not allowed)'));
        return next();
      },
    },
  },
  {
    id: 'own-duplicate-id-code-10021',
    rule: 'create.custom-id-unique',
    description: 'a creator who reuses her own group ID is refused with 10021 (taken by another) instead of 10025',
    interceptor: onRefusal('createGroup', 10025, refuseWith(10021, 'The group ID is already in use (groupID)')),
  },
  {
    id: 'reserved-prefix-code-10015',
    rule: 'create.community-prefix-reserved',
    description: 'a non-Community group asking for an @TGS#_ ID is refused with 10015 instead of 2602',
    interceptor: onRefusal('createGroup', 2602, refuseWith(10015, 'Invalid group ID (groupID: reserved prefix)')),
  },
  {
    id: 'creation-member-custom-fields-dropped',
    rule: 'create.member-list-adds-members',
    description: 'member custom fields given in memberList at creation are not stored',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const list = (arg as { memberList?: unknown } | undefined)?.memberList;
        if (method !== 'createGroup' || !Array.isArray(list)) return next();
        return next(createArg(arg, { memberList: list.map((m) => (typeof m === 'object' && m !== null ? Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'memberCustomField')) : m)) }));
      },
    },
  },
  {
    id: 'creation-admin-role-ignored',
    rule: 'create.member-list-role-admin-only',
    description: 'a memberList entry asking for the Admin role is added as an ordinary member, in every type',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const list = (arg as { memberList?: unknown } | undefined)?.memberList;
        if (method !== 'createGroup' || !Array.isArray(list)) return next();
        return next(createArg(arg, { memberList: list.map((m) => (m?.role === 'Admin' ? { userID: m.userID, ...(m.memberCustomField === undefined ? {} : { memberCustomField: m.memberCustomField }) } : m)) }));
      },
    },
  },
  {
    id: 'rest-avchatroom-members-dropped',
    rule: 'create.avchatroom-without-members',
    description: 'REST create_group of an AVChatRoom with members drops them (as the SDK does) instead of refusing with 10007',
    interceptor: {
      admin(_ctx, method, arg, next) {
        const a = arg as { type?: unknown; memberList?: unknown } | undefined;
        return method === 'createGroup' && a?.type === 'AVChatRoom' && a.memberList !== undefined ? next(createArg(arg, { memberList: undefined })) : next();
      },
    },
  },
  {
    id: 'over-limit-list-empty',
    rule: 'create.over-limit-users-listed',
    description: 'users left out of a new group for being at their quota are not listed in overLimitUserIDList',
    interceptor: onAnswer('createGroup', (d) => ({ ...d, overLimitUserIDList: [] })),
  },
  {
    id: 'work-reports-asked-join-option',
    rule: 'create.join-option-fixed-by-type',
    description: 'a Work group created with a joinOption reports that option (though it still refuses join requests)',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const r = await next();
        const asked = (arg as { joinOption?: unknown } | undefined)?.joinOption;
        const fake = memoMap<string, string>(ctx, 'join-option');
        if (method === 'createGroup' && r.data.group?.type === 'Private' && typeof asked === 'string') {
          fake.set(r.data.group.groupID, asked);
          return { ...r, data: withGroup(r.data, { joinOption: asked }) };
        }
        const g = r.data?.group?.groupID;
        return typeof g === 'string' && fake.has(g) ? { ...r, data: withGroup(r.data, { joinOption: fake.get(g) }) } : r;
      },
      ...groupInfoFromMemo<string>('join-option', (info, joinOption) => ({ ...info, joinOption })),
    },
  },
  {
    id: 'public-defaults-to-free-access',
    rule: 'create.public-join-needs-approval-by-default',
    description: "a Public group created without joinOption is FreeAccess (an older page's reading) instead of NeedPermission",
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const a = arg as { type?: unknown; joinOption?: unknown } | undefined;
        return method === 'createGroup' && a?.type === 'Public' && a.joinOption === undefined ? next(createArg(arg, { joinOption: 'FreeAccess' })) : next();
      },
    },
  },
  {
    id: 'meeting-invite-option-ignored',
    rule: 'create.invite-option-at-creation',
    description: 'an inviteOption asked for at the creation of a Meeting group is ignored (it stays DisableInvite)',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const a = arg as { type?: unknown; inviteOption?: unknown } | undefined;
        return method === 'createGroup' && a?.type === 'ChatRoom' && a.inviteOption !== undefined ? next(createArg(arg, { inviteOption: undefined })) : next();
      },
    },
  },
  {
    id: 'member-entry-without-user-id-skipped',
    rule: 'create.member-list-user-id-required',
    description: 'createGroup drops memberList entries that name no userID and creates the group with the rest',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const list = (arg as { memberList?: Array<{ userID?: unknown }> } | undefined)?.memberList;
        if (method !== 'createGroup' || list === undefined) return next();
        return next(createArg(arg, { memberList: list.filter((m) => typeof m.userID === 'string' && m.userID !== '') }));
      },
    },
  },
  {
    id: 'custom-field-keys-not-checked',
    rule: 'create.custom-fields-must-be-enabled',
    description: "the app's enabled custom-field keys are ignored: any key is accepted",
    interceptor: { createApp: ({ customFields: _ignored, ...o }) => o },
  },
];
