/** Breaks of the join area: who may join how, what a join answers, and the refusals. */
import { refusal, type Break } from '../decorate';
import { admitsOutsiders, decidedGroup, groupInfo, groupOf, isMessage, ok, outsiderJoining, profileFor } from '../kit';
import { hideOnCall, onAnswer, onRefusal, refuseWith } from '../shapes';

export const JOIN_BREAKS: Break[] = [
  {
    id: 'community-join-waits-for-approval',
    rule: 'join.method-by-type',
    description: 'joining a free-access Community answers WaitAdminApproval and leaves the user outside (nothing is filed)',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        return (await outsiderJoining(ctx, s.userID, method, arg, 'Community', 'FreeAccess')) === undefined ? next() : ok({ status: 'WaitAdminApproval' });
      },
    },
  },
  {
    id: 'work-group-join-request-succeeds',
    rule: 'join.work-group-rejects-join-request',
    description: 'a join request to a Work group succeeds: the user is added at once (JoinedSuccess) instead of refused with 10007',
    interceptor: admitsOutsiders('Private'),
  },
  {
    id: 'public-disable-apply-admits',
    rule: 'join.join-option-decides',
    description: 'a Public group whose joinOption is DisableApply admits a join request at once',
    interceptor: admitsOutsiders('Public', 'DisableApply'),
  },
  {
    id: 'community-need-permission-admits-at-once',
    rule: 'join.community-free-by-default',
    description: 'a Community whose joinOption is NeedPermission admits a join request at once, without approval',
    interceptor: admitsOutsiders('Community', 'NeedPermission'),
  },
  {
    id: 'pending-join-returns-group',
    rule: 'join.need-permission-waits-for-approval',
    description: "a join request left waiting for approval answers with the group's profile, which should be withheld",
    interceptor: onAnswer('joinGroup', async (d, { s, arg }) => (d.status === 'WaitAdminApproval' ? { ...d, group: await profileFor(s, groupOf(arg)!) } : undefined)),
  },
  {
    id: 'joiner-misses-own-join-tip',
    rule: 'join.joined-success-returns-group',
    description: 'a user who joins does not receive the join tip (1) naming them; the other members do',
    interceptor: hideOnCall('joinGroup', ({ caller }) => (to, _e, m) => to.userID === caller.userID && isMessage(m, 'tip', 1)),
  },
  {
    id: 'av-rejoin-refused',
    rule: 'join.already-in-group',
    description: 'a member who joins an AVChatRoom again is refused with 10013 instead of told AlreadyInGroup',
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const r = await next();
        if (method === 'joinGroup' && r.data.status === 'AlreadyInGroup' && (await groupInfo(ctx, groupOf(arg)))?.type === 'AVChatRoom') {
          throw refusal(10013, 'The user is already a member of the group (groupID)');
        }
        return r;
      },
    },
  },
  {
    id: 'full-group-approval-succeeds',
    rule: 'join.full-group-refused',
    description: 'approving a request into a full group answers success (the applicant silently stays out) instead of 10014',
    interceptor: onRefusal('handleGroupApplication', 10014, async ({ s, arg }) => {
      const g = decidedGroup(arg);
      return g === undefined ? undefined : ok({ group: await profileFor(s, g) });
    }),
  },
  {
    id: 'quota-join-reported-pending',
    rule: 'join.quota-refuses-join',
    description: 'a join refused because the user is at the group quota answers WaitAdminApproval instead of failing with 10037',
    interceptor: onRefusal('joinGroup', 10037, async () => ok({ status: 'WaitAdminApproval' })),
  },
  {
    id: 'join-missing-group-code-10015',
    rule: 'join.group-must-exist',
    description: 'joining a group that does not exist (or was dismissed) fails with 10015 (invalid group ID) instead of 10010',
    interceptor: onRefusal('joinGroup', 10010, refuseWith(10015, 'Invalid group ID (groupID)')),
  },
];
