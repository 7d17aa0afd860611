/**
 * Group attributes (init/set/delete/get) and group counters (set/increase/decrease/get).
 * Both are small key-value stores on a group, readable and writable by its members, announced to
 * every member's devices on change.
 */
import { ERR, refuse } from './errors';
import type * as S from './schemas';
import type { z } from 'zod';
import type { Actor, Context, GroupRecord } from './state';
import type { Tx } from './tx';
import { findGroup, requireMember, utf8Bytes } from './rules';

type O<T extends z.ZodType> = z.infer<T>;
type UserActor = Extract<Actor, { kind: 'user' }>;

function memberGroup(tx: Tx, actor: UserActor, groupID: string, what: string): GroupRecord {
  const g = findGroup(tx.state, groupID);
  requireMember(g, actor.userID, what);
  return g;
}

function checkAttributes(tx: Tx, next: Map<string, string>): void {
  const l = tx.state.limits;
  let total = 0;
  for (const [k, v] of next) {
    const kb = utf8Bytes(k);
    if (kb > l.attributeKeyBytes) refuse(ERR.ATTR_KEY_TOO_LONG, `groupAttributes.${k}`, `key is ${kb} bytes > ${l.attributeKeyBytes}`);
    const vb = utf8Bytes(v);
    if (vb > l.attributeValueBytes) refuse(ERR.ATTR_VALUE_TOO_LONG, `groupAttributes.${k}`, `value is ${vb} bytes > ${l.attributeValueBytes}`);
    total += kb + vb;
  }
  if (next.size > l.attributeKeys) refuse(ERR.ATTR_TOO_MANY_KEYS, 'groupAttributes', `${next.size} keys > ${l.attributeKeys}`);
  if (total > l.attributeTotalBytes) refuse(ERR.ATTR_TOTAL_TOO_LARGE, 'groupAttributes', `${total} bytes > ${l.attributeTotalBytes}`);
}

export function replaceAttributes(tx: Tx, g: GroupRecord, next: Map<string, string>): void {
  checkAttributes(tx, next);
  const updatedKeyList = [...next].filter(([k, v]) => g.attributes.get(k) !== v).map(([k]) => k);
  const deletedKeyList = [...g.attributes.keys()].filter((k) => !next.has(k));
  tx.set(g, 'attributes', next);
  if (updatedKeyList.length + deletedKeyList.length === 0) return;
  tx.deliver({
    kind: 'attributes',
    to: { membersOf: g.groupID },
    data: { groupID: g.groupID, groupAttributes: Object.fromEntries(next), updatedKeyList, deletedKeyList },
  });
}

export function initGroupAttributes(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GroupAttributesOptions']>) {
  const g = memberGroup(tx, actor, o.groupID, 'write group attributes');
  replaceAttributes(tx, g, new Map(Object.entries(o.groupAttributes)));
  return { groupAttributes: Object.fromEntries(g.attributes) };
}

export function setGroupAttributes(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GroupAttributesOptions']>) {
  const g = memberGroup(tx, actor, o.groupID, 'write group attributes');
  const next = new Map(g.attributes);
  for (const [k, v] of Object.entries(o.groupAttributes)) next.set(k, v);
  replaceAttributes(tx, g, next);
  return { groupAttributes: Object.fromEntries(g.attributes) };
}

export function deleteGroupAttributes(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GroupAttributeKeysOptions']>) {
  const g = memberGroup(tx, actor, o.groupID, 'write group attributes');
  const keys = o.keyList.length === 0 ? [...g.attributes.keys()] : o.keyList;
  for (const k of keys) if (!g.attributes.has(k)) refuse(ERR.ATTR_KEY_MISSING, 'keyList', `no attribute '${k}'`);
  const next = new Map(g.attributes);
  for (const k of keys) next.delete(k);
  replaceAttributes(tx, g, next);
  return { keyList: keys };
}

export function getGroupAttributes(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GroupAttributeKeysOptions']>) {
  const g = memberGroup(tx, actor, o.groupID, 'read group attributes');
  const keys = o.keyList.length === 0 ? [...g.attributes.keys()] : o.keyList.filter((k) => g.attributes.has(k));
  return { groupAttributes: Object.fromEntries(keys.map((k) => [k, g.attributes.get(k)!])) };
}

function counterGroup(tx: Tx, actor: UserActor, groupID: string, what: string): GroupRecord {
  const g = memberGroup(tx, actor, groupID, what);
  if (g.isSupportTopic) refuse(ERR.NO_PERMISSION, 'groupID', 'group counters are not available in topic-enabled communities');
  return g;
}

export function writeCounter(tx: Tx, g: GroupRecord, key: string, value: number): void {
  const l = tx.state.limits;
  if ([...key].length > l.counterKeyChars) refuse(ERR.INVALID_PARAMETER, 'key', `'${key.slice(0, 16)}…' is longer than ${l.counterKeyChars} characters`);
  if (!Number.isSafeInteger(value)) refuse(ERR.INVALID_PARAMETER, 'value', `${value} is outside the 64-bit range this simulator represents exactly`);
  if (!g.counters.has(key) && g.counters.size >= l.counterKeys) refuse(ERR.COUNTER_TOO_MANY_KEYS, 'counters', `a group holds at most ${l.counterKeys} counters`);
  if (g.counters.get(key) === value) return;
  tx.mapSet(tx.own(g, 'counters'), key, value);
  tx.deliver({ kind: 'counter', to: { membersOf: g.groupID }, data: { groupID: g.groupID, key, value } });
}

export function setGroupCounters(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['SetGroupCountersOptions']>) {
  const g = counterGroup(tx, actor, o.groupID, 'write group counters');
  for (const [k, v] of Object.entries(o.counters)) writeCounter(tx, g, k, v);
  return { counters: Object.fromEntries(Object.keys(o.counters).map((k) => [k, g.counters.get(k)!])) };
}

export function changeGroupCounter(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['ChangeGroupCounterOptions']>, sign: 1 | -1) {
  const g = counterGroup(tx, actor, o.groupID, 'write group counters');
  // a missing key starts from 0
  writeCounter(tx, g, o.key, (g.counters.get(o.key) ?? 0) + sign * o.value);
  return { counters: { [o.key]: g.counters.get(o.key)! } };
}

export function getGroupCounters(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GetGroupCountersOptions']>) {
  const g = counterGroup(tx, actor, o.groupID, 'read group counters');
  const keys = o.keyList === undefined || o.keyList.length === 0 ? [...g.counters.keys()] : o.keyList.filter((k) => g.counters.has(k));
  return { counters: Object.fromEntries(keys.map((k) => [k, g.counters.get(k)!])) };
}

