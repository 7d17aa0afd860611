/** Breaks of the session area: calls after logout, anonymous joins, and sessions replaced by a later login. */
import { attempt, refusal, type Break } from '../decorate';
import { isFailure, isReplaced, liveSession, ok, rethrow } from '../kit';

export const SESSION_BREAKS: Break[] = [
  {
    id: 'logged-out-list-succeeds',
    rule: 'session.calls-need-login',
    description: 'getGroupList after logging out answers an empty list instead of failing with 2024',
    interceptor: {
      async call(_ctx, _s, method, _arg, next) {
        const r = await attempt(next());
        if (!isFailure(r)) return r;
        if (method === 'getGroupList' && r.code === 2024) return ok({ groupList: [], isSyncCompleted: true });
        rethrow(r);
      },
    },
  },
  {
    id: 'anonymous-join-code-2024',
    rule: 'session.anonymous-join-only-avchatroom',
    description: 'a logged-out join of a group other than an AVChatRoom fails with 2024 (not logged in) instead of 2662',
    interceptor: {
      async call(_ctx, _s, method, _arg, next) {
        const r = await attempt(next());
        if (!isFailure(r)) return r;
        if (method === 'joinGroup' && r.code === 2662) throw refusal(2024, 'The user has not logged in | joinGroup | SDK is not ready');
        rethrow(r);
      },
    },
  },
  {
    id: 'replaced-session-still-works',
    rule: 'session.kicked-out-is-account-level',
    description: 'a session replaced by a later login on the same device keeps working, answered through the account\'s live session',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const r = await attempt(next());
        if (!isFailure(r)) return r;
        const live = r.code === 3003 && isReplaced(ctx, s) ? liveSession(ctx, s.userID) : undefined;
        if (live !== undefined) return live.call(method, arg);
        rethrow(r);
      },
    },
  },
];
