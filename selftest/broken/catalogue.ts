/**
 * The catalogue of broken implementations: each breaks one documented rule. The self-test runs the
 * suite against every one and requires the rule it breaks to fail (test/broken-self-test.test.ts).
 *
 * The first ten, defined here, are the invariants' targets (properties/broken.test.ts); the others
 * live by area in breaks/<area>.ts.
 */
import { attempt, type Break } from './decorate';
import { onAnswer, onRefusal } from './shapes';
import { AREA_BREAKS } from './breaks';
import { decidedGroup, groupAnswer } from './kit';

/** Rewrites every member list an admin read returns. */
function patchMembers(data: any, f: (m: any) => any): any {
  return { ...data, memberList: (data.memberList as any[]).map(f) };
}

const ORIGINAL_BREAKS: Break[] = [
  {
    id: 'transfer-keeps-old-owner',
    rule: 'transfer.roles-swap-on-transfer',
    description: 'after a transfer, the previous owner is still listed as Owner',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const r = await next();
        if (method === 'changeGroupOwner') ctx.memo.set(`old-owner:${(arg as any).groupID}`, s.userID);
        return r;
      },
      async admin(ctx, method, arg, next) {
        const r = await next();
        const old = ctx.memo.get(`old-owner:${(arg as any)?.groupID}`);
        if (method === 'getGroupMemberInfo' && old !== undefined) return { ...r, data: patchMembers(r.data, (m) => (m.userID === old ? { ...m, role: 'Owner' } : m)) };
        return r;
      },
    },
  },
  {
    id: 'work-group-admins',
    rule: 'members.no-admins-in-work-or-avchatroom',
    description: 'setGroupMemberRole makes admins in a Work group instead of refusing',
    interceptor: {
      ...onRefusal('setGroupMemberRole', 10007, async ({ ctx, s, arg: a }) => {
        if (a?.role !== 'Admin') return undefined;
        const info = await ctx.admin.call('getGroupInfo', { groupID: a.groupID });
        if (info.data.type !== 'Private') return undefined;
        // answered in the SDK's shape: the group as the caller may see it, the member as REST lists it
        const group = await groupAnswer(ctx, s, a.groupID);
        const members = (await ctx.admin.call('getGroupMemberInfo', { groupID: a.groupID })).data.memberList as any[];
        const member = members.find((m) => m.userID === a.userID) ?? { userID: a.userID, joinTime: 0, nameCard: '', muteUntil: 0, memberCustomField: [] };
        ctx.memo.set(`admin:${a.groupID}:${a.userID}`, true);
        return { code: 0, data: { group, member: { ...member, role: 'Admin' } } };
      }),
      async admin(ctx, method, arg, next) {
        const r = await next();
        if (method !== 'getGroupMemberInfo') return r;
        const g = (arg as any).groupID;
        return { ...r, data: patchMembers(r.data, (m) => (ctx.memo.has(`admin:${g}:${m.userID}`) ? { ...m, role: 'Admin' } : m)) };
      },
    },
  },
  {
    id: 'member-count-off-by-one',
    rule: 'limits.member-cap',
    description: 'the reported member count is one more than the members listed',
    interceptor: {
      async admin(_ctx, method, _arg, next) {
        const r = await next();
        if (method === 'getGroupInfo' && r.data.memberNum > 1) return { ...r, data: { ...r.data, memberNum: r.data.memberNum + 1 } };
        return r;
      },
    },
  },
  {
    id: 'two-avchatrooms',
    rule: 'avchatroom.one-room-at-a-time',
    description: 'every login behaves as unlimitedAVChatRoom: joining B leaves the user in A',
    interceptor: { login: (_u, o) => ({ ...o, unlimitedAVChatRoom: true }) },
  },
  {
    id: 'dismiss-does-nothing',
    rule: 'dismiss.dismissed-group-unreachable',
    description: 'dismissGroup by the owner answers success but the group lives on',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        if (method !== 'dismissGroup') return next();
        const info = await attempt(ctx.admin.call('getGroupInfo', { groupID: arg }));
        if (!('failed' in info) && info.data.ownerID === s.userID && info.data.type !== 'Private') return { code: 0, data: { groupID: arg } };
        return next();
      },
    },
  },
  {
    id: 'group-list-misses-newest',
    rule: 'lists.joined-groups',
    description: 'getGroupList leaves out the most recently joined group',
    interceptor: onAnswer('getGroupList', (d) => (d.groupList.length > 0 ? { ...d, groupList: d.groupList.slice(0, -1) } : undefined)),
  },
  {
    id: 'second-decision-wins',
    rule: 'applications.first-decision-wins',
    description: 'deciding an application already decided succeeds instead of failing with 10024',
    // answered in the SDK's shape: the group as the handler may see it
    interceptor: onRefusal('handleGroupApplication', 10024, async ({ ctx, s, arg }) => ({ code: 0, data: { group: await groupAnswer(ctx, s, decidedGroup(arg) as string) } })),
  },
  {
    id: 'pending-list-overflows',
    rule: 'applications.pending-list-holds-50',
    description: 'getGroupApplicationList shows one application more than the list may hold',
    interceptor: onAnswer('getGroupApplicationList', (d) => {
      const list = d.applicationList as any[];
      return list.length > 0 ? { applicationList: [...list, ...Array.from({ length: 50 }, () => list[0])] } : undefined;
    }),
  },
  {
    id: 'second-device-misses-list-updates',
    rule: 'events.group-list-updated-when-own-list-changes',
    description: 'a user\'s devices after the first never receive GROUP_LIST_UPDATED',
    interceptor: {
      events(ctx, s, events) {
        const first = ctx.sessions.get(s.userID)?.[0];
        return first === undefined || first.device === s.device ? events : events.filter((e) => e.name !== 'onGroupListUpdated');
      },
    },
  },
  {
    id: 'refused-dismiss-half-applies',
    rule: 'dismiss.only-owner-dismisses',
    description: 'a dismissal refused for lack of rights dismisses the group anyway',
    interceptor: onRefusal('dismissGroup', 10007, async ({ ctx, arg }) => {
      await attempt(ctx.admin.call('destroyGroup', { groupID: arg }));
      return undefined;
    }),
  },
];

export const BREAKS: Break[] = [...ORIGINAL_BREAKS, ...AREA_BREAKS];

export function findBreak(id: string): Break | undefined {
  return BREAKS.find((b) => b.id === id);
}
