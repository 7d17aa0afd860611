/** Breaks of the attributes area: limits, init and set, key lists, deletion and announcements. */
import { type Break } from '../decorate';
import { groupInfo, groupOf, liveSession, ok } from '../kit';
import { hideOnCall, onRefusal } from '../shapes';

const WRITES = ['initGroupAttributes', 'setGroupAttributes', 'deleteGroupAttributes'];

export const ATTRIBUTES_BREAKS: Break[] = [
  {
    id: 'attribute-key-count-off-by-one',
    rule: 'attributes.limits',
    description: 'a group may hold 17 attribute keys, one more than the documented 16',
    interceptor: { createApp: (o) => ({ ...o, limits: { ...o.limits, attributeKeys: 17 } }) },
  },
  {
    id: 'init-merges',
    rule: 'attributes.init-replaces-set-merges',
    description: 'initGroupAttributes merges the given attributes into the existing ones (as setGroupAttributes does) instead of replacing them all',
    interceptor: {
      call: (_ctx, s, method, arg, next) => (method === 'initGroupAttributes' ? s.call('setGroupAttributes', arg) : next()),
    },
  },
  {
    id: 'empty-key-list-deletes-nothing',
    rule: 'attributes.empty-key-list-means-all',
    description: 'deleteGroupAttributes with an empty keyList deletes nothing (answering success) instead of every key',
    interceptor: {
      call(_ctx, _s, method, arg, next) {
        const keys = (arg as { keyList?: unknown } | undefined)?.keyList;
        return method === 'deleteGroupAttributes' && Array.isArray(keys) && keys.length === 0 ? Promise.resolve(ok({ groupID: groupOf(arg), keyList: [] })) : next();
      },
    },
  },
  {
    id: 'delete-skips-missing-keys',
    rule: 'attributes.delete-missing-key',
    description: 'deleteGroupAttributes naming a key that does not exist deletes the keys that do, instead of failing with 10050',
    interceptor: onRefusal('deleteGroupAttributes', 10050, async ({ s, arg, next }) => {
      const present = Object.keys((await s.call('getGroupAttributes', { groupID: groupOf(arg), keyList: [] })).data.groupAttributes);
      const keys = ((arg as { keyList: string[] } | undefined)?.keyList ?? []).filter((k) => present.includes(k));
      return keys.length === 0 ? undefined : next({ ...(arg as object), keyList: keys });
    }),
  },
  {
    id: 'attribute-update-not-echoed-to-operator',
    rule: 'attributes.changes-announced-to-members',
    description: 'the member who changes the attributes does not receive GROUP_ATTRIBUTES_UPDATED; the others do',
    interceptor: hideOnCall(WRITES, ({ caller }) => (to, e, m) => m === undefined && e.name === 'groupAttributesUpdated' && to.userID === caller.userID),
  },
  {
    id: 'non-member-reads-attributes',
    rule: 'attributes.members-use-them-in-every-type',
    description: "a non-member can read a group's attributes",
    interceptor: onRefusal('getGroupAttributes', 10007, async ({ ctx, arg }) => {
      const owner = (await groupInfo(ctx, groupOf(arg)))?.ownerID;
      const via = owner === undefined ? undefined : liveSession(ctx, owner);
      return via?.call('getGroupAttributes', arg);
    }),
  },
  {
    id: 'admin-modify-attr-replaces',
    rule: 'attributes.app-admin-writes-without-membership',
    description: 'the app admin\'s modify_group_attr replaces every attribute (as set_group_attr does) instead of adding to them',
    interceptor: {
      admin(ctx, method, arg, next) {
        return method === 'modifyGroupAttr' ? ctx.admin.call('setGroupAttr', arg) : next();
      },
    },
  },
];
