/** Breaks of the lists area: the joined-group list, member lists, online counts and unknown groups. */
import { attempt, refusal, type Break } from '../decorate';
import { groupInfo, groupOf, isFailure, memoMap, ok } from '../kit';
import { onAnswer, onRefusal } from '../shapes';

export const LISTS_BREAKS: Break[] = [
  {
    id: 'group-list-without-names',
    rule: 'lists.group-list-basic-information',
    description: 'the groups getGroupList returns carry an empty name',
    interceptor: onAnswer('getGroupList', (d) => ({ ...d, groupList: (d.groupList as any[]).map((g) => ({ ...g, name: '' })) })),
  },
  {
    id: 'owned-avchatrooms-listed',
    rule: 'lists.avchatrooms-not-listed',
    description: "the AVChatRooms a user created appear in that user's getGroupList",
    interceptor: {
      async call(ctx, s, method, _arg, next) {
        const r = await next();
        const owned = memoMap<string, string[]>(ctx, 'owned-av');
        if (method === 'createGroup' && r.data.group?.type === 'AVChatRoom') owned.set(s.userID, [...(owned.get(s.userID) ?? []), r.data.group.groupID]);
        if (method !== 'getGroupList' || (owned.get(s.userID) ?? []).length === 0) return r;
        const rooms = [];
        for (const g of owned.get(s.userID)!) {
          const p = await attempt(s.call('getGroupProfile', { groupID: g }));
          if (!isFailure(p)) rooms.push(p.data.group);
        }
        return ok({ ...r.data, groupList: [...r.data.groupList, ...rooms] });
      },
    },
  },
  {
    id: 'non-member-member-list-refused',
    rule: 'lists.member-list-for-members',
    description: 'getGroupMemberList of a group the caller has not joined is refused with 10007 instead of answering an empty page',
    interceptor: {
      async call(_ctx, _s, method, _arg, next) {
        const r = await next();
        if (method === 'getGroupMemberList' && r.data.memberList.length === 0) throw refusal(10007, 'Insufficient operation permission (groupID: not a member)');
        return r;
      },
    },
  },
  {
    id: 'online-count-is-member-count',
    rule: 'lists.online-member-count',
    description: 'getGroupOnlineMemberCount counts every member, logged in or not',
    interceptor: onAnswer('getGroupOnlineMemberCount', async (d, { ctx, arg }) => {
      if (d.memberCount === 0) return undefined;
      const info = await groupInfo(ctx, groupOf(arg));
      return info === undefined || info.type === 'AVChatRoom' ? undefined : { ...d, memberCount: info.memberNum };
    }),
  },
  {
    id: 'counter-on-dismissed-group-succeeds',
    rule: 'lists.unknown-or-dismissed-group',
    description: 'increasing a counter of a dismissed group answers success instead of 10010',
    interceptor: onRefusal('increaseGroupCounter', 10010, async ({ arg }) => {
      const a = arg as { key?: string; value?: number };
      return typeof a.key === 'string' ? ok({ groupID: groupOf(arg), counters: { [a.key]: a.value ?? 0 } }) : undefined;
    }),
  },
];
