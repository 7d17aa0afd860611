/**
 * The app admin's migration and account powers: importing groups and members with their history
 * (`import_group`, `import_group_member`), deleting accounts (`account_delete`), invalidating a
 * login (`kick`), and the AVChatRoom member list (`group_open_avchatroom_http_svc/get_members`).
 *
 * Pure like the rest of the core: a kick or a deletion only asks for the user's devices to be
 * kicked out (a `kickedOut` delivery); the shell, which owns the sessions, ends them.
 */
import { TYPES } from './constants';
import { ERR, refuse } from './errors';
import type * as S from './schemas';
import type { z } from 'zod';
import type { MemberRecord } from './member-table';
import { groupsOf, type Context, type GroupRecord } from './state';
import type { Tx } from './tx';
import { createGroupRecord, normaliseType } from './group-commands';
import { admit, allowsAdmins, expel, findGroup, overQuota, recycleIfEmpty } from './rules';
import { avMemberView, seconds } from './views';

type O<T extends z.ZodType> = z.infer<T>;
type Admin = { kind: 'admin'; adminID: string };

/**
 * Members one import_group_member may carry. Tencent's pages disagree (docs/ambiguities.md A70):
 * the English page (1047/34969) says 300, the Chinese page (269/1636) 100 and, in its latest
 * revision, 20. The English page is the one the project cites.
 */
export const IMPORT_MEMBER_LIST_MAX = 300;

/** Per-member Result of import_group_member (1047/34969): 0 failed, 1 imported, 2 already a member. */
export type ImportResult = 0 | 1 | 2;

/**
 * `import_group` (1047/34967): a group created as `create_group` creates one, but dated
 * `createTime` and "without triggering callbacks or delivering notifications". AVChatRooms cannot
 * be imported: "error 10007 is returned".
 */
export function importGroup(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminImportGroupOptions']>) {
  const type = normaliseType(o.type);
  if (type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'type', 'AVChatRoom groups cannot be imported; create one and modify its profile instead');
  if (type === 'Community' && o.groupID !== undefined && o.groupID !== '' && !o.groupID.startsWith('@TGS#_')) {
    refuse(ERR.INVALID_GROUP_ID, 'groupID', 'a Community group ID must begin with @TGS#_');
  }
  const now = seconds(ctx.now);
  // a group cannot have been created in the future: its members' JoinTime must lie between its
  // CreateTime and now (269/1636), which a later CreateTime would make impossible
  if (o.createTime !== undefined && o.createTime > now) refuse(ERR.INVALID_PARAMETER, 'createTime', `${o.createTime} is later than the current time ${now}`);
  const delivered = tx.deliveries.length;
  const { g } = createGroupRecord(tx, ctx, { ...o, type, ownerID: o.ownerAccount ?? '', members: [], memberListLimit: 0 }, o.ownerAccount ?? actor.adminID);
  // an import notifies nobody: what creation queued (the owner's notice, list updates) is dropped
  tx.deliveries.length = delivered;
  if (o.createTime !== undefined) {
    tx.set(g, 'createTime', o.createTime);
    tx.set(g, 'lastInfoTime', o.createTime);
    const owner = g.ownerID === '' ? undefined : g.members.get(g.ownerID);
    if (owner !== undefined) tx.set(owner, 'joinTime', o.createTime);
  }
  return { groupID: g.groupID, type: g.type, createTime: g.createTime };
}

/** Why one member of an import failed, or undefined when it can be imported. */
function importRefusal(tx: Tx, g: GroupRecord, userID: string, joinTime: number | undefined, now: number): string | undefined {
  const s = tx.state;
  if (!s.users.has(userID)) return 'the account has not been imported';
  // 269/1636: "请保证导入成员的入群时间大于群的创建时间并小于当前时间,否则该成员会导入失败"
  // (the JoinTime must be after the group's creation and before now, or the member fails)
  if (joinTime !== undefined && (joinTime <= g.createTime || joinTime >= now)) return `JoinTime ${joinTime} is not after the group's CreateTime ${g.createTime} and before now ${now}`;
  if (g.members.size >= g.maxMemberCount) return `the group is full (${g.maxMemberCount} members)`;
  if (overQuota(s, userID, g.type)) return `the user is at the ${s.limits.userGroupQuota}-group quota`;
  return undefined;
}

/**
 * `import_group_member` (1047/34969): members with their JoinTime and role, silently. Each member
 * gets a Result (0 failed, 1 imported, 2 already a member); the call fails whole only for a group
 * that cannot take imports (missing: 10010; AVChatRoom: 10007) or too long a list (10005).
 * UnreadMsgNum is accepted and has no effect: "If the unread message count specified ... is greater
 * than the current number of messages of the group, the unread message count is set to" that
 * number, and the simulator's groups hold no messages.
 */
export function importGroupMember(tx: Tx, ctx: Context, _actor: Admin, o: O<S.Schemas['AdminImportGroupMemberOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', 'members cannot be imported into an AVChatRoom');
  if (o.memberList.length > IMPORT_MEMBER_LIST_MAX) refuse(ERR.TOO_MANY_ACCOUNTS, 'memberList', `${o.memberList.length} members > ${IMPORT_MEMBER_LIST_MAX}`);
  const now = seconds(ctx.now);
  const memberList: Array<{ userID: string; result: ImportResult; reason?: string }> = [];
  for (const m of o.memberList) {
    if (g.members.has(m.userID)) {
      memberList.push({ userID: m.userID, result: 2 });
      continue;
    }
    const reason = importRefusal(tx, g, m.userID, m.joinTime, now);
    if (reason !== undefined) {
      memberList.push({ userID: m.userID, result: 0, reason });
      continue;
    }
    // Work groups have no admins: an Admin asked for becomes a Member, as at creation
    admit(tx, g, m.userID, ctx, m.role === 'Admin' && allowsAdmins(g.type) ? 'Admin' : 'Member');
    if (m.joinTime !== undefined) tx.set(g.members.get(m.userID)!, 'joinTime', m.joinTime);
    memberList.push({ userID: m.userID, result: 1 });
  }
  return { memberList };
}

/** Asks the shell to end every session `userID` has open, as a REST kick does. */
function kickSessions(tx: Tx, userID: string): void {
  for (const device of tx.state.sessions.get(userID)?.keys() ?? []) tx.deliveries.push({ kind: 'kickedOut', userID, device, type: TYPES.KICKED_OUT_REST_API });
}

/**
 * `account_delete` (1047/34955): "When deleting an account, that user's contacts, profile, groups,
 * sessions, and other data will also be deleted." Read here (docs/ambiguities.md A71) as: the user
 * leaves every group silently (no tips, no callbacks), a group they owned stays with no owner
 * (as an app-admin group without Owner_Account), their pending applications go, their sessions are
 * kicked out like a REST kick, and the account stops existing until imported or logged in again.
 */
export function deleteAccounts(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminDeleteAccountsOptions']>) {
  const s = tx.state;
  const resultList: Array<{ userID: string; deleted: boolean }> = [];
  for (const userID of o.userIDList) {
    if (!s.users.has(userID)) {
      resultList.push({ userID, deleted: false });
      continue;
    }
    for (const groupID of [...groupsOf(s, userID)]) {
      const g = s.groups.get(groupID);
      if (g === undefined) continue;
      if (g.ownerID === userID) tx.set(g, 'ownerID', '');
      expel(tx, g, userID);
      recycleIfEmpty(tx, g);
    }
    for (const a of [...s.applications.values()]) if (a.applicant === userID || a.userID === userID) tx.dropApplication(a.key);
    tx.mapDelete(s.users, userID);
    kickSessions(tx, userID);
    resultList.push({ userID, deleted: true });
  }
  return { resultList };
}

/**
 * `kick` (1047/34957): "invalidate the login state ... of an app account"; the user may log in
 * again with a new UserSig. Every device the user is logged in on is kicked out with
 * `TYPES.KICKED_OUT_REST_API`, as the Web SDK reports a REST kick. A user with no session: nothing
 * to end, and the call succeeds (the page documents no error for it).
 */
export function kick(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminKickOptions']>) {
  // the service answers a kick with the envelope alone, so the devices ended are not reported
  kickSessions(tx, o.userID);
  return { userID: o.userID };
}

/**
 * `group_open_avchatroom_http_svc/get_members` (1047/50293): the latest members of an AVChatRoom
 * (the list the SDK's getGroupMemberList gives: at most `avRecentMembers`, pages of `avMemberPage`),
 * or of a Community, its members who are logged in. `timestamp` 0 starts; `nextTimestamp` 0 ends.
 * The cursor is the position in the list, not a time (docs/rest-emulator.md).
 */
export function getAVChatRoomMembers(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminGetAVChatRoomMembersOptions']>) {
  const s = tx.state;
  const g = findGroup(s, o.groupID);
  let pool: MemberRecord[];
  if (g.type === 'AVChatRoom') pool = g.members.recent(s.limits.avRecentMembers);
  else if (g.type === 'Community') pool = [...g.members].filter((m) => s.sessions.has(m.userID)).slice(-s.limits.avRecentMembers);
  else refuse(ERR.NO_PERMISSION, 'groupID', `get_members lists AVChatRoom and Community members; ${g.groupID} is ${g.type === 'Private' ? 'a Work group' : `a ${g.type} group`}`);
  const start = o.timestamp ?? 0;
  const page = pool.slice(start, start + s.limits.avMemberPage);
  const next = start + page.length;
  return { memberList: page.map((m) => avMemberView(s, m)), nextTimestamp: next < pool.length ? next : 0 };
}
