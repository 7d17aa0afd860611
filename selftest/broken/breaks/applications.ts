/** Breaks of the applications area: join requests, who hears of them, and how they are decided and listed. */
import { attempt, refusal, type Break, type BreakContext } from '../decorate';
import { decidedGroup, groupInfo, groupOf, isFailure, liveSession, memoMap, ok, profileFor } from '../kit';
import { answersGroupBefore, hideOnCall, noticeOnlyToOwner, onAnswer, onRefusal } from '../shapes';

type Item = { groupID: string; userID: string; messageKey: string | number; applicationType: number };

/** Items a break keeps showing in a user's pending list (by user). */
function stale(ctx: BreakContext): Map<string, Item[]> {
  return memoMap<string, Item[]>(ctx, 'stale-items');
}

export const APPLICATIONS_BREAKS: Break[] = [
  {
    id: 'join-request-notice-skips-admins',
    rule: 'applications.admins-notified-of-join-request',
    description: 'system notice 1 (join request) reaches only the owner, not the admins',
    interceptor: hideOnCall('joinGroup', noticeOnlyToOwner(1)),
  },
  {
    id: 'unknown-decision-treated-as-reject',
    rule: 'applications.decision-is-agree-or-reject',
    description: 'a handleAction other than Agree or Reject is taken as Reject instead of refused with 10004',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const a = arg as { handleAction?: unknown } | undefined;
        if (method !== 'handleGroupApplication' || typeof a !== 'object' || a === null || a.handleAction === 'Agree' || a.handleAction === 'Reject') return next();
        return next({ ...a, handleAction: 'Reject' });
      },
    },
  },
  {
    id: 'decision-remark-dropped',
    rule: 'applications.applicant-told-of-decision',
    description: "the applicant's notice of the decision does not carry the handler's remark (handleMessage)",
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        if (method !== 'handleGroupApplication' || typeof arg !== 'object' || arg === null) return next();
        const { handleMessage: _dropped, ...rest } = arg as Record<string, unknown>;
        return next(rest);
      },
    },
  },
  {
    id: 'handling-result-stale-group',
    rule: 'applications.handling-resolves-group',
    description: 'handleGroupApplication answers with the group as it was before the decision (the new member not counted)',
    interceptor: answersGroupBefore('handleGroupApplication', decidedGroup),
  },
  {
    id: 'application-note-dropped',
    rule: 'applications.list-shows-unhandled-requests',
    description: "the pending list's items lose the applicant's note",
    interceptor: onAnswer('getGroupApplicationList', (d) => ({ ...d, applicationList: (d.applicationList as any[]).map((a) => ({ ...a, note: '' })) })),
  },
  {
    id: 'invitation-reported-as-join-request',
    rule: 'applications.application-types',
    description: "a member's invitation awaiting approval is listed as a join request (applicationType 0 instead of 2)",
    interceptor: {
      async call(ctx, _s, method, arg, next) {
        const invitations = memoMap<string | number, true>(ctx, 'invitations');
        if (method === 'handleGroupApplication') {
          // deciding works as before: the item is handed back with its real type
          const item = (arg as { application?: Item } | undefined)?.application;
          if (item !== undefined && invitations.has(item.messageKey)) return next({ ...(arg as object), application: { ...item, applicationType: 2 } });
          return next();
        }
        const r = await next();
        if (method !== 'getGroupApplicationList') return r;
        const list = (r.data.applicationList as Item[]).map((a) => {
          if (a.applicationType !== 2) return a;
          invitations.set(a.messageKey, true);
          return { ...a, applicationType: 0 };
        });
        return ok({ ...r.data, applicationList: list });
      },
    },
  },
  {
    id: 'decision-from-notice-refused',
    rule: 'applications.decided-from-notice-or-list',
    description: 'a pending request cannot be decided from the system notice that announced it (10004: an application item is required)',
    interceptor: {
      async call(_ctx, s, method, arg, next) {
        const a = arg as { application?: unknown; message?: { payload?: { messageKey?: unknown } } } | undefined;
        if (method !== 'handleGroupApplication' || a?.application !== undefined || a?.message === undefined) return next();
        const list = await attempt(s.call('getGroupApplicationList'));
        const pending = !isFailure(list) && (list.data.applicationList as Item[]).some((i) => i.messageKey === a.message?.payload?.messageKey);
        if (pending) throw refusal(10004, 'Invalid parameter (application: is required)');
        return next();
      },
    },
  },
  {
    id: 'member-decides-join-request',
    rule: 'applications.only-owner-and-admins-decide',
    description: "an ordinary member's (or a non-member's) decision on a join request is carried out, as if the owner had decided",
    interceptor: onRefusal('handleGroupApplication', 10007, async ({ ctx, s, arg }) => {
      const g = decidedGroup(arg);
      const item = (arg as { application?: Item } | undefined)?.application;
      const owner = g === undefined ? undefined : (await groupInfo(ctx, g))?.ownerID;
      const ownerSession = owner === undefined ? undefined : liveSession(ctx, owner);
      if (ownerSession === undefined || item === undefined) return undefined;
      const list = await ownerSession.call('getGroupApplicationList');
      const real = (list.data.applicationList as Item[]).find((i) => i.groupID === g && i.userID === item.userID);
      if (real === undefined) return undefined;
      await ownerSession.call('handleGroupApplication', { ...(arg as object), application: real });
      return ok({ group: await profileFor(s, g!) });
    }),
  },
  {
    id: 'joined-applicant-request-still-listed',
    rule: 'applications.moot-once-applicant-joins',
    description: 'the request of an applicant whom the app admin has since added stays in the pending list',
    interceptor: {
      async call(ctx, s, method, _arg, next) {
        const r = await next();
        const extra = stale(ctx).get(s.userID) ?? [];
        return method === 'getGroupApplicationList' && extra.length > 0 ? ok({ ...r.data, applicationList: [...r.data.applicationList, ...extra] }) : r;
      },
      async admin(ctx, method, arg, next) {
        if (method !== 'addGroupMember') return next();
        const { groupID, userIDList } = arg as { groupID: string; userIDList: string[] };
        const owner = (await groupInfo(ctx, groupID))?.ownerID;
        const handler = owner === undefined ? undefined : liveSession(ctx, owner);
        const before = handler === undefined ? undefined : await attempt(handler.call('getGroupApplicationList'));
        const r = await next();
        if (before !== undefined && !isFailure(before)) {
          const items = (before.data.applicationList as Item[]).filter((i) => i.groupID === groupID && userIDList.includes(i.userID));
          if (items.length > 0) stale(ctx).set(owner!, [...(stale(ctx).get(owner!) ?? []), ...items]);
        }
        return r;
      },
    },
  },
  {
    id: 'dismissed-group-requests-still-listed',
    rule: 'applications.pending-until-decided',
    description: "a dismissed group's pending requests stay in its owner's pending list",
    interceptor: {
      async call(ctx, s, method, arg, next) {
        if (method === 'dismissGroup') {
          const before = await attempt(s.call('getGroupApplicationList'));
          const r = await next();
          if (!isFailure(before)) stale(ctx).set(s.userID, [...(stale(ctx).get(s.userID) ?? []), ...(before.data.applicationList as Item[]).filter((i) => i.groupID === groupOf(arg))]);
          return r;
        }
        const r = await next();
        const extra = stale(ctx).get(s.userID) ?? [];
        return method === 'getGroupApplicationList' && extra.length > 0 ? ok({ ...r.data, applicationList: [...r.data.applicationList, ...extra] }) : r;
      },
    },
  },
  {
    id: 'second-request-ignored',
    rule: 'applications.asking-again-refreshes-the-request',
    description: 'an applicant who asks again while pending is answered WaitAdminApproval but the request keeps its first note and nobody is told',
    interceptor: {
      async call(ctx, s, method, arg, next) {
        const pending = memoMap<string, true>(ctx, 'pending');
        if (method === 'handleGroupApplication') {
          const item = (arg as { application?: Item } | undefined)?.application;
          if (item !== undefined) pending.delete(`${item.groupID}|${item.userID}`);
          return next();
        }
        if (method !== 'joinGroup') return next();
        const key = `${groupOf(arg)}|${s.userID}`;
        if (pending.has(key)) return ok({ status: 'WaitAdminApproval' });
        const r = await next();
        if (r.data.status === 'WaitAdminApproval') pending.set(key, true);
        return r;
      },
    },
  },
];
