/** Breaks of the events area: what GROUP_LIST_UPDATED carries, where tips and notices arrive, and who gets them. */
import { type Break } from '../decorate';
import { groupOf, inject, isFirstDevice, isMessage, mapMessages, withEdits } from '../kit';
import { hideOnCall } from '../shapes';

export const EVENTS_BREAKS: Break[] = [
  {
    id: 'group-list-update-carries-one-group',
    rule: 'events.group-list-updated-carries-the-list',
    description: 'GROUP_LIST_UPDATED carries only the last group of the list, not the whole list',
    interceptor: {
      events: (_ctx, _s, events) => events.map((e) => (e.name === 'onGroupListUpdated' && Array.isArray(e.data) && e.data.length > 1 ? { ...e, data: e.data.slice(-1) } : e)),
    },
  },
  {
    id: 'creation-list-update-only-on-creating-device',
    rule: 'events.created-group-reaches-every-device',
    description: "a group created on one device updates the group list of that device only, not of the owner's other devices",
    interceptor: hideOnCall('createGroup', ({ caller }) => (to, e, m) => m === undefined && e.name === 'onGroupListUpdated' && to.userID === caller.userID && to.device !== caller.device),
  },
  {
    id: 'removal-notice-in-group-conversation',
    rule: 'events.tips-and-notices-are-messages',
    description: "the removed member's system notice 4 arrives in the group's conversation instead of @TIM#SYSTEM",
    interceptor: {
      events: (_ctx, _s, events) =>
        mapMessages(events, (m) => (isMessage(m, 'notice', 4) ? { ...m, conversationID: `GROUP${m.payload.groupProfile.groupID}`, conversationType: 'GROUP' } : m)),
    },
  },
  {
    id: 'removal-kicks-out',
    rule: 'events.removal-is-not-kicked-out',
    description: 'a member removed from a group is also sent KICKED_OUT',
    interceptor: withEdits({
      async call(ctx, _s, method, arg, next) {
        const r = await next();
        if (method === 'deleteGroupMember') {
          for (const u of r.data.userIDList as string[]) for (const d of ctx.sessions.get(u) ?? []) await inject(ctx, d, { name: 'kickedOut', data: { type: 'kickedOutByGroupRemoval', groupID: groupOf(arg) } });
        }
        return r;
      },
    }),
  },
  {
    id: 'operator-second-device-misses-tips',
    rule: 'events.tips-reach-every-member-device',
    description: "the tips of a member's own actions do not reach that member's devices after the first",
    interceptor: {
      events: (ctx, s, events) => (isFirstDevice(ctx, s) ? events : mapMessages(events, (m) => (isMessage(m, 'tip') && m.payload.operatorID === s.userID ? undefined : m))),
    },
  },
];
