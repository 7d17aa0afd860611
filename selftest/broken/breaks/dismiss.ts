/** Breaks of the dismiss area: who may dismiss what, and who is told. */
import { refusal, type Break } from '../decorate';
import { groupInfo, groupOf, ok } from '../kit';
import { hideOnAdmin, hideOnCall, noticeOnlyToOwner } from '../shapes';

export const DISMISS_BREAKS: Break[] = [
  {
    id: 'work-owner-dismisses',
    rule: 'dismiss.work-group-cannot-be-dismissed',
    description: 'the owner of a Work group can dismiss it',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const info = method === 'dismissGroup' ? await groupInfo(ctx, groupOf(arg)) : undefined;
        if (info?.type !== 'Private' || info.ownerID !== s.userID) return next();
        await ctx.admin.call('destroyGroup', { groupID: info.groupID });
        return ok({ groupID: info.groupID });
      },
    },
  },
  {
    id: 'app-admin-cannot-dismiss-work-group',
    rule: 'dismiss.app-admin-dismisses-any-group',
    description: 'the app admin is refused (10007) when dismissing a Work group',
    interceptor: {
      async admin(ctx, method, arg, next) {
        if (method === 'destroyGroup' && (await groupInfo(ctx, groupOf(arg)))?.type === 'Private') throw refusal(10007, 'Insufficient operation permission (groupID: a Work group cannot be dismissed)');
        return next();
      },
    },
  },
  {
    id: 'dismissal-notice-only-to-owner',
    rule: 'dismiss.members-told-of-dismissal',
    description: 'when a group is dismissed, only its owner receives system notice 5; the other members are not told',
    interceptor: { ...hideOnCall('dismissGroup', noticeOnlyToOwner(5)), ...hideOnAdmin('destroyGroup', noticeOnlyToOwner(5)) },
  },
];
