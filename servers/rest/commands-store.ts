/**
 * The app admin's writes to a group's attributes and counters, and AVChatRoom bans
 * (`v4/group_open_http_svc/*`), each a translation of the REST body into one app-admin command of
 * the simulator (core/admin-store.ts) and of its result back into REST fields. Field names and
 * limits are those of Tencent's REST pages, cited per command (https://www.tencentcloud.com/document/product/1047/<id>).
 */
import { z } from 'zod';
import { ERR } from '../../simulator/core/errors';
import { RestFault } from './codes';
import { account, admin, defined, groupId, int, spec, text, type CommandSpec } from './fields';

/** Keys given as a list, as a map: a key named twice is refused rather than one of its values dropped. */
function keyed<V>(list: ReadonlyArray<{ key: string; value: V }>, field: string): Record<string, V> {
  const out: Record<string, V> = {};
  list.forEach(({ key, value }, i) => {
    if (Object.prototype.hasOwnProperty.call(out, key)) throw new RestFault(ERR.INVALID_PARAMETER, `Invalid parameter (${field}[${i}]: key '${key}' is given twice)`);
    out[key] = value;
  });
  return out;
}

/** `GroupAttr` of modify_group_attr and set_group_attr: "key … up to 32 bytes … Up to 16 keys … value … up to 4,000 bytes" (1047/44190). */
const attrs = z.array(z.object({ key: text, value: text })).min(1, 'must name at least one attribute');
const AttrBody = z.object({ GroupId: groupId, GroupAttr: attrs });
const groupAttributes = (b: z.infer<typeof AttrBody>) => keyed(b.GroupAttr, 'GroupAttr');

const members = z.array(account).min(1, 'must name at least one member');

export const STORE_COMMANDS: Record<string, CommandSpec> = {
  /** modify_group_attr (1047/44188): "used by the app admin to modify custom group attributes"; the others stay. */
  'group_open_http_svc/modify_group_attr': spec(AttrBody, async (ctx, b) => {
    await admin(ctx, 'modifyGroupAttr', { groupID: b.GroupId, groupAttributes: groupAttributes(b) });
    return {};
  }),
  /** set_group_attr, "Resetting Group Custom Attributes" (1047/44190): the list given replaces every attribute. */
  'group_open_http_svc/set_group_attr': spec(AttrBody, async (ctx, b) => {
    await admin(ctx, 'setGroupAttr', { groupID: b.GroupId, groupAttributes: groupAttributes(b) });
    return {};
  }),
  /** delete_group_attr (1047/59499): "10050 | Failed to delete a non-existent custom attribute." */
  'group_open_http_svc/delete_group_attr': spec(
    z.object({ GroupId: groupId, GroupAttr: z.array(z.object({ key: text })).min(1, 'must name at least one attribute') }),
    async (ctx, b) => {
      await admin(ctx, 'deleteGroupAttr', { groupID: b.GroupId, keyList: Object.keys(keyed(b.GroupAttr.map((a) => ({ key: a.key, value: true })), 'GroupAttr')) });
      return {};
    },
  ),
  /** clear_group_attr (1047/44189): every attribute removed. */
  'group_open_http_svc/clear_group_attr': spec(z.object({ GroupId: groupId }), async (ctx, b) => {
    await admin(ctx, 'clearGroupAttr', { groupID: b.GroupId });
    return {};
  }),
  /**
   * update_group_counter (1047/53428): "update (set/increase/decrease) group counters"; `Mode`
   * "`Set`, `Increase`, `Decrease`". Answers "the latest group counter key-value pairs updated".
   */
  'group_open_http_svc/update_group_counter': spec(
    z.object({
      GroupId: groupId,
      GroupCounter: z.array(z.object({ Key: text, Value: int })).min(1, 'must name at least one counter'),
      Mode: z.enum(['Set', 'Increase', 'Decrease']).optional(),
    }),
    async (ctx, b) => {
      const counters = keyed(b.GroupCounter.map((c) => ({ key: c.Key, value: c.Value })), 'GroupCounter');
      const r = await admin<{ counters: Record<string, number> }>(ctx, 'updateGroupCounter', defined({ groupID: b.GroupId, counters, mode: b.Mode }));
      return { GroupCounter: Object.entries(r.counters).map(([Key, Value]) => ({ Key, Value })) };
    },
  ),
  /** delete_group_counter (1047/53429): "If no value is passed in, all group counter keys will be deleted." */
  'group_open_http_svc/delete_group_counter': spec(z.object({ GroupId: groupId, GroupCounterKeys: z.array(text).optional() }), async (ctx, b) => {
    await admin(ctx, 'deleteGroupCounter', defined({ groupID: b.GroupId, keyList: b.GroupCounterKeys }));
    return {};
  }),
  /**
   * ban_group_member (1047/50296): "Up to 20 account IDs are supported per request", `Duration`
   * "Ban duration, in seconds. It is a 32-bit unsigned integer.", `Description` "up to 1,000 bytes".
   */
  'group_open_http_svc/ban_group_member': spec(
    z.object({ GroupId: groupId, Members_Account: members, Duration: int, Description: text.optional() }),
    async (ctx, b) => {
      await admin(ctx, 'banGroupMember', defined({ groupID: b.GroupId, userIDList: b.Members_Account, duration: b.Duration, description: b.Description }));
      return {};
    },
  ),
  /** unban_group_member (1047/50297): "An unbanned member can rejoin the audio-video group". */
  'group_open_http_svc/unban_group_member': spec(z.object({ GroupId: groupId, Members_Account: members }), async (ctx, b) => {
    await admin(ctx, 'unbanGroupMember', { groupID: b.GroupId, userIDList: b.Members_Account });
    return {};
  }),
  /**
   * get_group_ban_member (1047/50295): `Limit` "The maximum value allowed is 100."; `Offset` "set
   * `Offset` to the value of `NextOffset` in the response packet. If `NextOffset` is 0, the entire
   * list … is obtained." Each entry: `Member_Account`, `BannedUntil` (seconds).
   */
  'group_open_http_svc/get_group_ban_member': spec(
    z.object({ GroupId: groupId, Limit: int.optional(), Offset: int.optional() }),
    async (ctx, b) => {
      const r = await admin<{ bannedList: Array<{ userID: string; bannedUntil: number }>; nextOffset: number }>(
        ctx,
        'getGroupBanMember',
        // Limit 0 reads as "not given", the page's default
        defined({ groupID: b.GroupId, limit: b.Limit === 0 ? undefined : b.Limit, offset: b.Offset }),
      );
      return { BannedAccountList: r.bannedList.map((x) => ({ Member_Account: x.userID, BannedUntil: x.bannedUntil })), NextOffset: r.nextOffset };
    },
  ),
};
