/** Breaks of the session area: calls after logout, anonymous joins, and sessions replaced by a later login. */
import { type Break } from '../decorate';
import { isReplaced, liveSession, ok } from '../kit';
import { onRefusal, refuseWith } from '../shapes';

export const SESSION_BREAKS: Break[] = [
  {
    id: 'logged-out-list-succeeds',
    rule: 'session.calls-need-login',
    description: 'getGroupList after logging out answers an empty list instead of failing with 2024',
    interceptor: onRefusal('getGroupList', 2024, async () => ok({ groupList: [], isSyncCompleted: true })),
  },
  {
    id: 'anonymous-join-code-2024',
    rule: 'session.anonymous-join-only-avchatroom',
    description: 'a logged-out join of a group other than an AVChatRoom fails with 2024 (not logged in) instead of 2662',
    interceptor: onRefusal('joinGroup', 2662, refuseWith(2024, 'The user has not logged in | joinGroup | SDK is not ready')),
  },
  {
    id: 'replaced-session-still-works',
    rule: 'session.kicked-out-is-account-level',
    description: 'a session replaced by a later login on the same device keeps working, answered through the account\'s live session',
    interceptor: onRefusal('*', 3003, async ({ ctx, s, method, arg }) => (isReplaced(ctx, s) ? liveSession(ctx, s.userID)?.call(method, arg) : undefined)),
  },
];
