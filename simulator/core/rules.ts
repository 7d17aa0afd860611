/**
 * Shared checks and effects used by several commands. Each check refuses with the registry code
 * of the rule it enforces; each effect goes through the Tx so a later refusal undoes it.
 */
import { NOTICE, TYPES, type GroupType, type Role } from './constants';
import { ERR, refuse } from './errors';
import type { Audience, NoticePayload, TipPayload } from './deliveries';
import type { MemberRecord } from './member-table';
import { applicationKeys, type Actor, type Context, type GroupRecord, type State } from './state';
import type { Tx } from './tx';
import { seconds } from './views';

/**
 * The length of `s` in UTF-8, as TextEncoder counts it (a lone surrogate is U+FFFD: 3 bytes),
 * without encoding it: TextEncoder's encode made a byte array for every name, introduction and
 * custom field checked, a tenth of an admin create_group's CPU (docs/performance.md, round five).
 */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // a surrogate pair: 2 code units, 4 bytes
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

export function checkBytes(field: string, value: string | undefined, max: number): void {
  if (value === undefined) return;
  const n = utf8Bytes(value);
  if (n > max) refuse(ERR.INVALID_PARAMETER, field, `${n} bytes > ${max} (UTF-8)`);
}

export function findGroup(s: State, groupID: string): GroupRecord {
  const g = s.groups.get(groupID);
  if (g === undefined) refuse(ERR.GROUP_NOT_FOUND, 'groupID', groupID);
  return g;
}

export function actorID(a: Actor): string {
  return a.kind === 'user' ? a.userID : a.adminID;
}

export function roleIn(g: GroupRecord, userID: string): Role | undefined {
  return g.members.get(userID)?.role;
}

export function isManager(role: Role | undefined): boolean {
  return role === 'Owner' || role === 'Admin';
}

export function requireMember(g: GroupRecord, userID: string, what: string): MemberRecord {
  const m = g.members.get(userID);
  if (m === undefined) refuse(ERR.NO_PERMISSION, 'groupID', `${userID} is not a member and cannot ${what}`);
  return m;
}

export function requireTarget(g: GroupRecord, userID: string, field = 'userID'): MemberRecord {
  const m = g.members.get(userID);
  if (m === undefined) refuse(ERR.INVALID_PARAMETER, field, `${userID} is not a member of ${g.groupID}`);
  return m;
}

/** Custom-field keys must be among those the app enabled, when it declared them (docs/ambiguities.md#a65-custom-field-keys-enabled). */
export function checkEnabledKeys(s: State, kind: 'group' | 'member', fields: ReadonlyArray<{ key: string }> | undefined, field: string): void {
  const enabled = s.customFieldKeys[kind];
  if (enabled === undefined || fields === undefined) return;
  fields.forEach((f, i) => {
    if (!enabled.has(f.key)) refuse(ERR.INVALID_PARAMETER, `${field}[${i}].key`, `'${f.key}' is not a ${kind} custom field the app has enabled`);
  });
}

export function requireUser(s: State, userID: string, field: string): void {
  if (!s.users.has(userID)) refuse(ERR.USER_NOT_FOUND, field, `${userID} was never imported nor logged in`);
}

/** Roles each type allows besides Owner and Member. */
export function allowsAdmins(type: GroupType): boolean {
  return type === 'Public' || type === 'ChatRoom' || type === 'Community';
}

/** Groups that count toward a user's quota: AVChatRooms are counted apart by the service. */
export function quotaUse(s: State, userID: string): number {
  const joined = s.users.get(userID)?.groups;
  if (joined === undefined || joined === '') return 0;
  if (!(joined instanceof Map)) return s.groups.get(joined.groupID)?.type !== 'AVChatRoom' ? 1 : 0;
  let n = 0;
  for (const id of joined.keys()) if (s.groups.get(id)?.type !== 'AVChatRoom') n++;
  return n;
}

export function overQuota(s: State, userID: string, type: GroupType): boolean {
  return type !== 'AVChatRoom' && quotaUse(s, userID) >= s.limits.userGroupQuota;
}

/**
 * The custom fields of a member who has none: one frozen empty array shared by them all rather than
 * an array per member (32 heap bytes each, a tenth of a member; docs/performance.md). Fields are
 * only ever set by replacing the array (tx.set), never by changing it in place.
 */
const NO_FIELDS = Object.freeze([]) as unknown as MemberRecord['memberCustomField'];

export function newMember(userID: string, groupID: string, role: MemberRecord['role'], ctx: Context): MemberRecord {
  return { userID, groupID, role, joinTime: seconds(ctx.now), nameCard: '', muteUntil: 0, memberCustomField: NO_FIELDS, slot: -1 };
}

/** The next serial, for messageKeys and generated IDs: deterministic from the seed and count. */
export function nextSerial(tx: Tx): number {
  const n = tx.state.nextSerial;
  tx.set(tx.state, 'nextSerial', n + 1);
  return n;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** splitmix32 of (seed, n): a fixed, seed-dependent spelling of the n-th generated ID. */
export function idChars(seed: number, n: number, length: number): string {
  let x = (seed ^ Math.imul(n, 0x9e3779b9)) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    out += ALPHABET[z % ALPHABET.length];
  }
  return out;
}

export function generateGroupID(tx: Tx, type: GroupType): string {
  for (;;) {
    const n = nextSerial(tx);
    const body = idChars(tx.state.seed, n, 9);
    const id = type === 'Community' ? `@TGS#_@TGS#c${body}` : `@TGS#${n % 3 === 0 ? 'a' : '2'}${body}`;
    if (!tx.state.groups.has(id)) return id;
  }
}

// ---- deliveries ----

export function tip(
  tx: Tx,
  g: GroupRecord,
  operationType: number,
  operatorID: string,
  userIDList: string[],
  extra?: Partial<TipPayload>,
  to: Audience = { membersOf: g.groupID },
): void {
  const payload: TipPayload = {
    operationType,
    operatorID,
    userIDList,
    groupProfile: { groupID: g.groupID, groupName: g.name },
    memberNum: g.members.size,
    memberCount: g.members.size,
  };
  // Object.assign rather than a spread into the literal: the same keys in the same order, without
  // V8's slow path for a spread (docs/performance.md) on every tip
  if (extra !== undefined) Object.assign(payload, extra);
  tx.deliver({ kind: 'tip', groupID: g.groupID, to, payload });
}

export function notice(
  tx: Tx,
  g: GroupRecord,
  operationType: number,
  operatorID: string,
  to: readonly string[],
  extra?: Partial<NoticePayload>,
): void {
  if (to.length === 0) return;
  const payload: NoticePayload = {
    operationType,
    operatorID,
    groupProfile: { groupID: g.groupID, name: g.name, groupType: g.type },
    handleMessage: '',
    authentication: '',
    messageKey: '',
    userDefinedField: '',
  };
  if (extra !== undefined) Object.assign(payload, extra);
  tx.deliver({ kind: 'notice', to: { users: to }, payload });
}

export function listChanged(tx: Tx, to: Audience): void {
  tx.deliver({ kind: 'groupListUpdated', to });
}

/** AVChatRooms are not in the SDK's group list, so their changes never update it. */
export function listChangedFor(tx: Tx, g: GroupRecord, to: Audience): void {
  if (g.type !== 'AVChatRoom') listChanged(tx, to);
}

// ---- membership effects shared by join, approval, invitation and admin add ----

/**
 * Makes `userID` a member: the cap and quota must have been checked. Drops the user's pending
 * applications for the group, since they are now moot, and records the AVChatRoom they entered.
 */
export function admit(tx: Tx, g: GroupRecord, userID: string, ctx: Context, role: MemberRecord['role'] = 'Member'): void {
  tx.addMember(g, newMember(userID, g.groupID, role, ctx));
  const moot = applicationKeys(tx.state, g.groupID, userID);
  // a copy: dropping changes the index
  if (moot.length > 0) for (const key of [...moot]) tx.dropApplication(key);
}

/** Removes a member and whatever only a member has (AVChatRoom presence). */
export function expel(tx: Tx, g: GroupRecord, userID: string): void {
  tx.removeMember(g, userID);
  if (tx.state.avRoom.get(userID) === g.groupID) tx.mapSet(tx.state.avRoom, userID, '');
}

/** Drops every pending application to a group that is going away. */
function dropApplicationsTo(tx: Tx, g: GroupRecord): void {
  const byUser = tx.state.applicationIndex.get(g.groupID);
  if (byUser === undefined) return;
  const keys: string[] = [];
  for (const forUser of byUser.values()) keys.push(...forUser);
  for (const key of keys) tx.dropApplication(key);
}

/**
 * [GS]: the service repossesses a group once all its members have left. An AVChatRoom is exempt:
 * the app admin creates them empty, and viewers come and go.
 */
export function recycleIfEmpty(tx: Tx, g: GroupRecord): void {
  if (g.members.size > 0 || g.type === 'AVChatRoom') return;
  dropApplicationsTo(tx, g);
  tx.mapDelete(tx.state.groups, g.groupID);
}

export function checkCapacity(g: GroupRecord, adding: number): void {
  if (g.members.size + adding > g.maxMemberCount) {
    refuse(ERR.GROUP_FULL, 'groupID', `${g.groupID} holds ${g.members.size} of ${g.maxMemberCount}; cannot add ${adding}`);
  }
}

/** Deletes a group with everything hanging off it, telling every member (system notice 5). */
export function destroy(tx: Tx, g: GroupRecord, operatorID: string, ctx: Context): void {
  const members = [...g.members].map((m) => m.userID);
  notice(tx, g, NOTICE.DISMISSED, operatorID, members);
  listChangedFor(tx, g, { users: members });
  for (const id of members) expel(tx, g, id);
  dropApplicationsTo(tx, g);
  tx.mapDelete(tx.state.groups, g.groupID);
  countCreation(tx, ctx, -1);
}

export function utcDay(ms: number): number {
  return Math.floor(ms / 86_400_000);
}

/** Net creations today; a dismissal on the day gives one back, a new day starts from zero. */
export function countCreation(tx: Tx, ctx: Context, delta: 1 | -1): void {
  const day = utcDay(ctx.now);
  const c = tx.state.creations;
  const net = c.day === day ? c.net : 0;
  tx.set(tx.state, 'creations', { day, net: net + delta });
}

export function creationsToday(s: State, ctx: Context): number {
  return s.creations.day === utcDay(ctx.now) ? s.creations.net : 0;
}

export const TIP = {
  JOIN: TYPES.GRP_TIP_MBR_JOIN,
  QUIT: TYPES.GRP_TIP_MBR_QUIT,
  KICKED: TYPES.GRP_TIP_MBR_KICKED_OUT,
  SET_ADMIN: TYPES.GRP_TIP_MBR_SET_ADMIN,
  CANCEL_ADMIN: TYPES.GRP_TIP_MBR_CANCELED_ADMIN,
  PROFILE: TYPES.GRP_TIP_GRP_PROFILE_UPDATED,
  MEMBER_PROFILE: TYPES.GRP_TIP_MBR_PROFILE_UPDATED,
  BAN_AV: TYPES.GRP_TIP_BAN_AVCHATROOM_MEMBER,
} as const;
