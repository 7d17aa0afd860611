/** Breaks of the transfer area: who may hand a group over, to whom, and what the handover answers and tells. */
import { attempt, refusal, type Break, type BreakContext } from '../decorate';
import { groupInfo, groupOf, isMessage, memoMap, ok, profileFor, roleOf } from '../kit';
import { answersGroupBefore, combine, groupInfoFromMemo, hideOnCall, onAdminRefusal, onRefusal } from '../shapes';

function newOwnerOf(arg: unknown): string | undefined {
  const n = (arg as { newOwnerID?: unknown } | undefined)?.newOwnerID;
  return typeof n === 'string' && n !== '' ? n : undefined;
}

export const TRANSFER_BREAKS: Break[] = [
  {
    id: 'admin-transfers-group',
    rule: 'transfer.only-owner-transfers',
    description: 'an admin of a group can transfer it to another member',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const groupID = groupOf(arg);
        if (method !== 'changeGroupOwner' || (await roleOf(ctx, groupID, s.userID)) !== 'Admin') return next();
        await ctx.admin.call('changeGroupOwner', { groupID, newOwnerID: newOwnerOf(arg) });
        return ok({ group: await profileFor(s, groupID!) });
      },
    },
  },
  {
    id: 'rest-transfer-of-owned-work-group-refused',
    rule: 'transfer.app-admin-transfers-without-membership',
    description: 'the app admin, not being a member, is refused (10007) when transferring a Work group that has an owner',
    interceptor: {
      async admin(ctx, method, arg, next) {
        const info = method === 'changeGroupOwner' ? await groupInfo(ctx, groupOf(arg)) : undefined;
        if (info?.type === 'Private' && info.ownerID !== '') throw refusal(10007, 'Insufficient operation permission (groupID: the operator is not a member)');
        return next();
      },
    },
  },
  {
    id: 'avchatroom-transfer-succeeds',
    rule: 'transfer.avchatroom-cannot-be-transferred',
    description: 'an AVChatRoom can be transferred: the SDK and REST answer success and the room names the new owner',
    interceptor: {
      ...onRefusal('changeGroupOwner', 2620, async ({ ctx, s, arg }) => {
        const groupID = groupOf(arg)!;
        if (newOwnerOf(arg) === undefined) return undefined;
        memoMap<string, string>(ctx, 'av-owner').set(groupID, newOwnerOf(arg)!);
        return ok({ group: { ...(await profileFor(s, groupID)), ownerID: newOwnerOf(arg) } });
      }),
      ...combine(
        onAdminRefusal('changeGroupOwner', 10007, async ({ ctx, arg }) => {
          const groupID = groupOf(arg) ?? '';
          if ((await groupInfo(ctx, groupID))?.type !== 'AVChatRoom') return undefined;
          memoMap<string, string>(ctx, 'av-owner').set(groupID, newOwnerOf(arg)!);
          return ok({ groupID, ownerID: newOwnerOf(arg) });
        }),
        groupInfoFromMemo<string>('av-owner', (info, ownerID) => ({ ...info, ownerID })),
      ),
    },
  },
  {
    id: 'self-transfer-succeeds',
    rule: 'transfer.not-to-oneself',
    description: 'an owner who transfers the group to herself is answered success (a no-op) instead of 2621',
    interceptor: onRefusal('changeGroupOwner', 2621, async ({ s, arg }) => ok({ group: await profileFor(s, groupOf(arg)!) })),
  },
  {
    id: 'transfer-to-non-member-succeeds',
    rule: 'transfer.new-owner-must-be-member',
    description: 'a group can be transferred to a user who is not a member: they are added and made owner',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        if (method === 'changeGroupOwner') await enrolNewOwner(ctx, arg);
        return next();
      },
      async admin(ctx, method, arg, next) {
        if (method === 'changeGroupOwner') await enrolNewOwner(ctx, arg);
        return next();
      },
    },
  },
  {
    id: 'transfer-result-stale-group',
    rule: 'transfer.result-carries-the-group',
    description: 'changeGroupOwner answers with the group as it was before the transfer (the old owner still in ownerID)',
    interceptor: answersGroupBefore('changeGroupOwner'),
  },
  {
    id: 'new-owner-misses-transfer-tip',
    rule: 'transfer.members-told-of-new-owner',
    description: 'the new owner does not receive the profile-update tip (6) announcing the transfer',
    interceptor: hideOnCall('changeGroupOwner', ({ arg }) => {
      const to = newOwnerOf(arg);
      return (who, _e, m) => who.userID === to && isMessage(m, 'tip', 6);
    }),
  },
  {
    id: 'ownerless-group-cannot-get-owner',
    rule: 'transfer.app-admin-gives-ownerless-group-an-owner',
    description: 'REST change_group_owner refuses (10007) to give an ownerless group an owner',
    interceptor: {
      async admin(ctx, method, arg, next) {
        if (method === 'changeGroupOwner' && (await groupInfo(ctx, groupOf(arg)))?.ownerID === '') throw refusal(10007, 'Insufficient operation permission (groupID: the group has no owner)');
        return next();
      },
    },
  },
];

/** Adds the named new owner to the group first, if they are not a member (and the group keeps a member list). */
async function enrolNewOwner(ctx: BreakContext, arg: unknown): Promise<void> {
  const groupID = groupOf(arg);
  const to = newOwnerOf(arg);
  if (to === undefined || (await roleOf(ctx, groupID, to)) !== 'NotMember') return;
  await attempt(ctx.admin.call('addGroupMember', { groupID, userIDList: [to], silence: true }));
}
