/** Breaks of the quit area: who may leave, what leaving answers and tells, and the last member's exit. */
import { attempt, refusal, type Break } from '../decorate';
import { groupInfo, groupOf, isFailure, isMessage, memoMap, memoSet, membersOf, ok, rethrow, roleOf } from '../kit';
import { groupInfoFromMemo, hideOnCall, onRefusal } from '../shapes';

export const QUIT_BREAKS: Break[] = [
  {
    id: 'admins-cannot-quit',
    rule: 'quit.members-may-leave',
    description: 'an admin who quits is refused with 10009, as if they were the owner',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        if (method === 'quitGroup' && (await roleOf(ctx, groupOf(arg), s.userID)) === 'Admin') throw refusal(10009, 'The owner cannot quit the group (groupID)');
        return next();
      },
    },
  },
  {
    id: 'quit-result-names-conversation',
    rule: 'quit.resolves-group-id',
    description: 'quitting a Public group resolves with the conversation ID ("GROUP" + group ID) instead of the group ID',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const type = method === 'quitGroup' ? (await groupInfo(ctx, groupOf(arg)))?.type : undefined;
        const r = await next();
        return type === 'Public' ? ok({ ...r.data, groupID: `GROUP${r.data.groupID}` }) : r;
      },
    },
  },
  {
    id: 'work-owner-quit-keeps-ownership',
    rule: 'quit.owner-may-leave-work-group',
    description: 'after the owner of a Work group leaves, the group still names her as its owner',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const info = method === 'quitGroup' ? await groupInfo(ctx, groupOf(arg)) : undefined;
        const r = await next();
        if (info?.type === 'Private' && info.ownerID === s.userID) memoMap<string, string>(ctx, 'former-owner').set(info.groupID, s.userID);
        return r;
      },
      ...groupInfoFromMemo<string>('former-owner', (info, former) => (info.ownerID === '' ? { ...info, ownerID: former } : info)),
    },
  },
  {
    id: 'community-owner-may-quit',
    rule: 'quit.owner-cannot-quit-non-work',
    description: 'the owner of a Community may quit it: ownership passes to another member instead of the quit being refused with 10009',
    interceptor: onRefusal('quitGroup', 10009, async ({ ctx, s, arg }) => {
      const groupID = groupOf(arg)!;
      if ((await groupInfo(ctx, groupID))?.type !== 'Community') return undefined;
      const heir = (await membersOf(ctx, groupID)).find((m) => m.userID !== s.userID);
      if (heir === undefined) return undefined;
      await ctx.admin.call('changeGroupOwner', { groupID, newOwnerID: heir.userID });
      await ctx.admin.call('deleteGroupMember', { groupID, userIDList: [s.userID] });
      return ok({ groupID });
    }),
  },
  {
    id: 'quit-twice-succeeds',
    rule: 'quit.non-member-cannot-quit',
    description: 'a user who has already quit a group can quit it again: success instead of 2623',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const quit = memoSet<string>(ctx, 'quit');
        const key = `${groupOf(arg)}|${s.userID}`;
        const r = await attempt(next());
        if (method !== 'quitGroup') return isFailure(r) ? rethrow(r) : r;
        if (!isFailure(r)) {
          quit.add(key);
          return r;
        }
        if (r.code === 2623 && quit.has(key)) return ok({ groupID: groupOf(arg) });
        rethrow(r);
      },
    },
  },
  {
    id: 'quit-tip-not-delivered',
    rule: 'quit.leaver-and-members-told',
    description: 'when a member quits, the other members receive no group tip 2 (member quit)',
    interceptor: hideOnCall('quitGroup', ({ caller }) => (to, _e, m) => to.userID !== caller.userID && isMessage(m, 'tip', 2)),
  },
  {
    id: 'last-member-quit-leaves-empty-group',
    rule: 'quit.last-member-recycles-group',
    description: 'a group whose last member quits lingers, empty and ownerless, instead of being deleted',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const info = method === 'quitGroup' ? await groupInfo(ctx, groupOf(arg)) : undefined;
        const r = await next();
        if (info !== undefined && info.memberNum === 1) memoMap<string, unknown>(ctx, 'lingering').set(info.groupID, { ...info, memberNum: 0, ownerID: '' });
        return r;
      },
      async admin(ctx, method, arg, next) {
        const ghost = method === 'getGroupInfo' ? memoMap<string, unknown>(ctx, 'lingering').get(groupOf(arg) ?? '') : undefined;
        return ghost === undefined ? next() : ok(ghost);
      },
    },
  },
];
