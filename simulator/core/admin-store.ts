/**
 * The app admin's writes to a group's stores and its AVChatRoom bans (REST
 * `modify/set/delete/clear_group_attr`, `update/delete_group_counter`, `ban/unban_group_member`,
 * `get_group_ban_member`, and the reads `get_group_attr`, `get_group_counter`). The admin needs no
 * membership; what the group's members observe is what a member's own write makes them observe
 * (store-commands.ts delivers both), and a ban is the state an owner's deleteGroupMember with a
 * duration leaves (`GroupRecord.banned`, checked by joinGroup).
 */
import { TYPES } from './constants';
import { ERR, refuse } from './errors';
import type * as S from './schemas';
import type { z } from 'zod';
import type { MemberRecord } from './member-table';
import type { Context, GroupRecord } from './state';
import type { Tx } from './tx';
import { removeMembers } from './member-commands';
import { checkBytes, findGroup, requireUser, tip } from './rules';
import { replaceAttributes, writeCounter } from './store-commands';
import { seconds } from './views';

type O<T extends z.ZodType> = z.infer<T>;
type Admin = { kind: 'admin'; adminID: string };

/** ban/unban_group_member: "Up to 20 account IDs are supported per request." (1047/50296, 50297) */
export const BAN_ACCOUNTS_MAX = 20;
/** ban_group_member: "Ban information, which can be up to 1,000 bytes in length" (1047/50296). */
export const BAN_DESCRIPTION_BYTES = 1000;
/** get_group_ban_member: "The maximum value allowed is 100." (1047/50295) */
export const BAN_PAGE_MAX = 100;

// ---- group attributes ----

const attributes = (g: GroupRecord) => ({ groupAttributes: Object.fromEntries(g.attributes) });

/** modify_group_attr (1047/44188): adds or updates the attributes given, keeps the others (the SDK's setGroupAttributes). */
export function modifyGroupAttr(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['GroupAttributesOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  requireSome(o.groupAttributes, 'groupAttributes');
  const next = new Map(g.attributes);
  for (const [k, v] of Object.entries(o.groupAttributes)) next.set(k, v);
  replaceAttributes(tx, g, next);
  return attributes(g);
}

/** set_group_attr, "Resetting Group Custom Attributes" (1047/44190): the attributes given replace all (the SDK's initGroupAttributes). */
export function setGroupAttr(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['GroupAttributesOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  requireSome(o.groupAttributes, 'groupAttributes');
  replaceAttributes(tx, g, new Map(Object.entries(o.groupAttributes)));
  return attributes(g);
}

/** delete_group_attr (1047/59499): "10050 | Failed to delete a non-existent custom attribute." */
export function deleteGroupAttr(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['GroupAttributeKeysOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  if (o.keyList.length === 0) refuse(ERR.INVALID_PARAMETER, 'keyList', 'must name at least one attribute (clear_group_attr removes them all)');
  for (const k of o.keyList) if (!g.attributes.has(k)) refuse(ERR.ATTR_KEY_MISSING, 'keyList', `no attribute '${k}'`);
  const next = new Map(g.attributes);
  for (const k of o.keyList) next.delete(k);
  replaceAttributes(tx, g, next);
  return { keyList: [...new Set(o.keyList)] };
}

/**
 * clear_group_attr (1047/44189): removes every attribute. Its page lists Community as "No" where
 * set_group_attr's and delete_group_attr's list "Yes"; each page is followed (docs/ambiguities.md A69).
 */
export function clearGroupAttr(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminGroupIDOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  if (g.type === 'Community') refuse(ERR.NO_PERMISSION, 'groupID', 'clear_group_attr does not support communities (set_group_attr or delete_group_attr do)');
  replaceAttributes(tx, g, new Map());
  return attributes(g);
}

/** get_group_attr (1047/44187): every attribute, no membership needed. */
export function getGroupAttr(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminGroupIDOptions']>) {
  return attributes(findGroup(tx.state, o.groupID));
}

function requireSome(map: Record<string, unknown>, field: string): void {
  if (Object.keys(map).length === 0) refuse(ERR.INVALID_PARAMETER, field, 'must name at least one key');
}

// ---- group counters ----

/** The counter REST pages list Community as "No" (1047/53427, 53428, 53429), topics or not. */
function counterGroup(tx: Tx, groupID: string): GroupRecord {
  const g = findGroup(tx.state, groupID);
  if (g.type === 'Community') refuse(ERR.NO_PERMISSION, 'groupID', 'the group counter REST API does not support communities');
  return g;
}

const counterValues = (g: GroupRecord, keys: Iterable<string>) => Object.fromEntries([...keys].map((k) => [k, g.counters.get(k)!]));

/**
 * update_group_counter (1047/53428): "update (set/increase/decrease) group counters". Set writes
 * each value; Increase and Decrease add or subtract it, a missing key counting from 0 as the SDK's
 * increaseGroupCounter does. Answers every key's latest value.
 */
export function updateGroupCounter(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminUpdateGroupCounterOptions']>) {
  const g = counterGroup(tx, o.groupID);
  requireSome(o.counters, 'counters');
  const mode = o.mode ?? 'Set';
  for (const [k, v] of Object.entries(o.counters)) {
    const now = g.counters.get(k) ?? 0;
    writeCounter(tx, g, k, mode === 'Set' ? v : mode === 'Increase' ? now + v : now - v);
  }
  return { counters: counterValues(g, Object.keys(o.counters)) };
}

/**
 * delete_group_counter (1047/53429): "If no value is passed in, all group counter keys will be
 * deleted." A key the group lacks is skipped. The Web SDK has no event for a deleted counter
 * (docs/ambiguities.md A69): the key is simply gone from getGroupCounters.
 */
export function deleteGroupCounter(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['GetGroupCountersOptions']>) {
  const g = counterGroup(tx, o.groupID);
  const keys = o.keyList === undefined || o.keyList.length === 0 ? [...g.counters.keys()] : o.keyList.filter((k) => g.counters.has(k));
  for (const k of keys) tx.mapDelete(g.counters, k);
  return { keyList: keys };
}

/** get_group_counter (1047/53427): every counter, or the keys asked for that exist. */
export function getGroupCounter(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['GetGroupCountersOptions']>) {
  const g = counterGroup(tx, o.groupID);
  const keys = o.keyList === undefined || o.keyList.length === 0 ? g.counters.keys() : o.keyList.filter((k) => g.counters.has(k));
  return { counters: counterValues(g, keys) };
}

// ---- AVChatRoom bans ----

function avChatRoom(tx: Tx, groupID: string, what: string): GroupRecord {
  const g = findGroup(tx.state, groupID);
  if (g.type !== 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', `${what} applies to AVChatRooms only; ${g.groupID} is ${g.type}`);
  return g;
}

function banTargets(tx: Tx, userIDList: string[]): string[] {
  if (userIDList.length > BAN_ACCOUNTS_MAX) refuse(ERR.TOO_MANY_ACCOUNTS, 'userIDList', `${userIDList.length} accounts > ${BAN_ACCOUNTS_MAX}`);
  userIDList.forEach((id, i) => requireUser(tx.state, id, `userIDList[${i}]`));
  return [...new Set(userIDList)];
}

/**
 * ban_group_member (1047/50296): "A banned member cannot receive messages nor rejoin the
 * audio-video group during the ban duration." Those in the room leave it as an owner's
 * deleteGroupMember with a duration makes them leave (notice 4 with the description, tip 10 to the
 * rest); a user not in the room is banned from entering. A new ban replaces an earlier one.
 */
export function banGroupMember(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminBanMemberOptions']>) {
  const g = avChatRoom(tx, o.groupID, 'ban_group_member');
  const ids = banTargets(tx, o.userIDList);
  if (o.duration === 0) refuse(ERR.INVALID_PARAMETER, 'duration', 'a ban needs a duration above 0 seconds (unban_group_member lifts a ban)');
  checkBytes('description', o.description, BAN_DESCRIPTION_BYTES);
  for (const id of ids) if (id === g.ownerID) refuse(ERR.NO_PERMISSION, 'userIDList', `the owner ${id} cannot be banned`);
  const now = seconds(ctx.now);
  const inRoom: MemberRecord[] = [];
  for (const id of ids) {
    const m = g.members.get(id);
    if (m !== undefined) inRoom.push(m);
    else tx.mapSet(tx.own(g, 'banned'), id, now + o.duration);
  }
  removeMembers(tx, g, actor.adminID, inRoom, { reason: o.description ?? '', silent: false, banSeconds: o.duration, nowSeconds: now });
  return { userIDList: ids };
}

/** unban_group_member (1047/50297): "An unbanned member can rejoin the audio-video group". Tip 11 tells the room. */
export function unbanGroupMember(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminUnbanMemberOptions']>) {
  const g = avChatRoom(tx, o.groupID, 'unban_group_member');
  const ids = banTargets(tx, o.userIDList);
  const now = seconds(ctx.now);
  const lifted = ids.filter((id) => (g.banned.get(id) ?? 0) > now);
  for (const id of ids) tx.mapDelete(g.banned, id);
  if (lifted.length > 0) tip(tx, g, TYPES.GRP_TIP_UNBAN_AVCHATROOM_MEMBER, actor.adminID, lifted);
  return { userIDList: lifted };
}

/**
 * get_group_ban_member (1047/50295): the bans still running, oldest first, a page of `limit`
 * (at most 100) from `offset`; `nextOffset` is 0 once the list is complete.
 */
export function getGroupBanMember(tx: Tx, ctx: Context, _actor: Admin, o: O<S.Schemas['AdminGetBanMemberOptions']>) {
  const g = avChatRoom(tx, o.groupID, 'get_group_ban_member');
  if (o.limit !== undefined && o.limit > BAN_PAGE_MAX) refuse(ERR.INVALID_PARAMETER, 'limit', `${o.limit} > ${BAN_PAGE_MAX}`);
  const now = seconds(ctx.now);
  const running = [...g.banned].filter(([, until]) => until > now);
  const from = o.offset ?? 0;
  const page = running.slice(from, from + (o.limit ?? BAN_PAGE_MAX));
  const next = from + page.length;
  return { bannedList: page.map(([userID, bannedUntil]) => ({ userID, bannedUntil })), nextOffset: next < running.length ? next : 0 };
}
