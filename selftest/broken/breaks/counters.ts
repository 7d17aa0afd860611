/** Breaks of the counters area: limits, keys, arithmetic, announcements and who may use them. */
import { attempt, refusal, type Break } from '../decorate';
import { groupInfo, groupOf, isFailure, liveSession, utf8Bytes } from '../kit';
import { hideOnCall, onRefusal } from '../shapes';

const CHANGES = ['setGroupCounters', 'increaseGroupCounter', 'decreaseGroupCounter'];

/** The group's counters as a session reads them, or undefined if it may not. */
async function countersOf(s: { call(m: string, a?: unknown): Promise<any> }, groupID: string | undefined): Promise<Record<string, number> | undefined> {
  const r = await attempt(s.call('getGroupCounters', { groupID }));
  return isFailure(r) ? undefined : (r.data.counters as Record<string, number>);
}

export const COUNTERS_BREAKS: Break[] = [
  {
    id: 'counter-overflow-half-applies',
    rule: 'counters.limits',
    description: 'setGroupCounters that would pass 20 counters fails with 10063 but sets the counters that still fit (a failed call that half-applies)',
    interceptor: onRefusal('setGroupCounters', 10063, async ({ s, arg, next }) => {
      const current = (await countersOf(s, groupOf(arg))) ?? {};
      const asked = Object.entries((arg as { counters?: Record<string, number> } | undefined)?.counters ?? {});
      const room = Math.max(0, 20 - Object.keys(current).length);
      const fits = [...asked.filter(([k]) => k in current), ...asked.filter(([k]) => !(k in current)).slice(0, room)];
      if (fits.length > 0) await attempt(next({ ...(arg as object), counters: Object.fromEntries(fits) }));
      return undefined;
    }),
  },
  {
    id: 'counter-key-counted-in-bytes',
    rule: 'counters.key-at-most-128-characters',
    description: 'the 128-character counter-key limit is counted in UTF-8 bytes: a key of 128 CJK characters is refused',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const key = (arg as { key?: unknown } | undefined)?.key;
        if (CHANGES.includes(method) && typeof key === 'string' && utf8Bytes(key) > 128) return Promise.reject(refusal(10004, `Invalid parameter (key: ${utf8Bytes(key)} bytes > 128)`));
        return next();
      },
    },
  },
  {
    id: 'decrease-of-missing-counter-refused',
    rule: 'counters.missing-key-starts-at-zero',
    description: 'decreasing a counter that does not exist yet is refused with 10004 instead of starting it from 0',
    interceptor: {
      async call(_ctx, s, method, arg, next) {
        if (method !== 'decreaseGroupCounter') return next();
        const counters = await countersOf(s, groupOf(arg));
        const key = (arg as { key?: unknown } | undefined)?.key;
        if (counters !== undefined && typeof key === 'string' && !(key in counters)) throw refusal(10004, `Invalid parameter (key: no counter ${key})`);
        return next();
      },
    },
  },
  {
    id: 'counter-floors-at-zero',
    rule: 'counters.increase-and-decrease',
    description: 'decreasing an existing counter below 0 leaves it at 0',
    interceptor: {
      async call(_ctx, s, method, arg, next) {
        if (method !== 'decreaseGroupCounter') return next();
        const { key, value } = arg as { key: string; value: number };
        const counters = await countersOf(s, groupOf(arg));
        if (counters === undefined || !(key in counters) || counters[key]! - value >= 0) return next();
        return s.call('setGroupCounters', { groupID: groupOf(arg), counters: { [key]: 0 } });
      },
    },
  },
  {
    id: 'counter-update-only-to-operator',
    rule: 'counters.changes-announced-to-members',
    description: 'a counter change is announced (GROUP_COUNTER_UPDATED) only to the member who made it',
    interceptor: hideOnCall(CHANGES, ({ caller }) => (to, e, m) => m === undefined && e.name === 'onGroupCounterUpdated' && to.userID !== caller.userID),
  },
  {
    id: 'non-member-changes-counters',
    rule: 'counters.members-of-every-type-but-topic-communities',
    description: "a non-member can change a group's counters",
    interceptor: onRefusal(CHANGES, 10007, async ({ ctx, method, arg }) => {
      const owner = (await groupInfo(ctx, groupOf(arg)))?.ownerID;
      const via = owner === undefined ? undefined : liveSession(ctx, owner);
      const again = via === undefined ? undefined : await attempt(via.call(method, arg));
      return again === undefined || isFailure(again) ? undefined : again;
    }),
  },
  {
    id: 'admin-counter-mode-ignored',
    rule: 'counters.app-admin-sets-increases-decreases-and-deletes',
    description: 'the app admin\'s update_group_counter ignores Mode: Increase and Decrease set the value given',
    interceptor: {
      admin(_ctx, method, arg, next) {
        return method === 'updateGroupCounter' ? next({ ...(arg as object), mode: 'Set' }) : next();
      },
    },
  },
];
