/**
 * Member commands of the Web SDK: addGroupMember, deleteGroupMember, setGroupMemberRole,
 * setGroupMemberMuteTime, setGroupMemberNameCard, setGroupMemberCustomField, getGroupMemberList,
 * getGroupMemberProfile, getGroupApplicationList, handleGroupApplication, getGroupOnlineMemberCount.
 */
import { NOTICE } from './constants';
import { ERR, refuse } from './errors';
import type * as S from './schemas';
import type { z } from 'zod';
import type { MemberRecord } from './member-table';
import type { Actor, ApplicationRecord, Context, GroupRecord, State } from './state';
import type { Tx } from './tx';
import { apply } from './group-commands';
import {
  TIP, admit, allowsAdmins, checkBytes, checkCapacity, checkEnabledKeys, expel, findGroup, isManager, listChanged, listChangedFor, notice,
  overQuota, recycleIfEmpty, requireMember, requireTarget, requireUser, roleIn, tip,
} from './rules';
import { applicationView, avMemberView, groupView, memberView, seconds } from './views';

type O<T extends z.ZodType> = z.infer<T>;
type UserActor = Extract<Actor, { kind: 'user' }>;

/** The SDK's local group list: the groups the user belongs to. Some SDK checks consult only it. */
function localGroup(s: State, userID: string, groupID: string): GroupRecord | undefined {
  const g = s.groups.get(groupID);
  return g !== undefined && g.members.has(userID) ? g : undefined;
}

export interface AddOutcome {
  successUserIDList: string[];
  failureUserIDList: string[];
  existedUserIDList: string[];
  overLimitUserIDList: string[];
  pendingUserIDList: string[];
}

/**
 * Adds users to a group: shared by the SDK's addGroupMember and the admin's add_group_member.
 * `viaApproval` sends the new members to owner/admin approval instead (inviteOption NeedPermission).
 */
export function addMembers(tx: Tx, ctx: Context, g: GroupRecord, operatorID: string, userIDList: string[], opts: { viaApproval: boolean; silent: boolean; limit: number }): AddOutcome {
  const s = tx.state;
  if (userIDList.length > opts.limit) refuse(ERR.TOO_MANY_ACCOUNTS, 'userIDList', `${userIDList.length} users > ${opts.limit}`);
  userIDList.forEach((id, i) => requireUser(s, id, `userIDList[${i}]`));
  const out: AddOutcome = { successUserIDList: [], failureUserIDList: [], existedUserIDList: [], overLimitUserIDList: [], pendingUserIDList: [] };
  const fresh: string[] = [];
  for (const id of new Set(userIDList)) {
    if (g.members.has(id)) out.existedUserIDList.push(id);
    else if (overQuota(s, id, g.type)) out.overLimitUserIDList.push(id);
    else fresh.push(id);
  }
  if (opts.viaApproval) {
    for (const id of fresh) apply(tx, ctx, g, operatorID, id, 2, '');
    out.pendingUserIDList = fresh;
    return out;
  }
  checkCapacity(g, fresh.length);
  for (const id of fresh) admit(tx, g, id, ctx);
  out.successUserIDList = fresh;
  if (fresh.length > 0 && !opts.silent) {
    notice(tx, g, NOTICE.INVITED, operatorID, fresh);
    tip(tx, g, TIP.JOIN, operatorID, fresh);
    listChanged(tx, { users: fresh });
  }
  return out;
}

export function addGroupMember(tx: Tx, ctx: Context, actor: UserActor, o: O<S.Schemas['AddGroupMemberOptions']>) {
  const s = tx.state;
  const g = findGroup(s, o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.CANNOT_ADD_MEMBER_IN_AV, 'groupID', 'nobody, not even the app admin, may invite into an AVChatRoom');
  const role = requireMember(g, actor.userID, 'invite').role;
  let viaApproval = false;
  if (g.type !== 'Private' && !isManager(role)) {
    if (g.inviteOption === 'DisableInvite') refuse(ERR.NO_PERMISSION, 'groupID', `members may not invite into ${g.groupID} (inviteOption DisableInvite)`);
    viaApproval = g.inviteOption === 'NeedPermission';
  } else if (g.type !== 'Private' && g.inviteOption === 'DisableInvite') {
    refuse(ERR.NO_PERMISSION, 'groupID', `only the app admin may invite into ${g.groupID} (inviteOption DisableInvite)`);
  }
  const r = addMembers(tx, ctx, g, actor.userID, o.userIDList, { viaApproval, silent: false, limit: s.limits.addMemberList });
  const { pendingUserIDList: _pending, ...lists } = r;
  // not `{ ...lists, group }`: a key added after a spread takes V8's slow path (see createGroup)
  return r.successUserIDList.length > 0 ? Object.assign({}, lists, { group: groupView(s, g, actor.userID) }) : lists;
}

/** Removal rights ([GS], [NMM]): the owner removes anyone else; an admin removes ordinary members. */
function checkRemoval(g: GroupRecord, operatorRole: MemberRecord['role'] | undefined, target: MemberRecord): void {
  if (target.role === 'Owner') refuse(ERR.NO_PERMISSION, 'userIDList', `the owner ${target.userID} cannot be removed`);
  if (operatorRole === 'Owner') return;
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'in a Work group only the owner may remove members');
  if (operatorRole === 'Admin' && target.role === 'Member') return;
  if (operatorRole === 'Admin') refuse(ERR.NO_PERMISSION, 'userIDList', `an admin may remove ordinary members only; ${target.userID} is ${target.role}`);
  refuse(ERR.NO_PERMISSION, 'groupID', 'ordinary members cannot remove anyone');
}

export function removeMembers(tx: Tx, g: GroupRecord, operatorID: string, targets: MemberRecord[], opts: { reason: string; silent: boolean; banSeconds?: number; nowSeconds: number }): string[] {
  const removed = targets.map((m) => m.userID);
  for (const id of removed) {
    expel(tx, g, id);
    if (opts.banSeconds !== undefined) tx.mapSet(tx.own(g, 'banned'), id, opts.nowSeconds + opts.banSeconds);
  }
  if (removed.length > 0 && !opts.silent) {
    notice(tx, g, NOTICE.KICKED, operatorID, removed, { handleMessage: opts.reason });
    const memberList = removed.map((userID) => ({ userID, reason: opts.reason }));
    if (opts.banSeconds !== undefined) tip(tx, g, TIP.BAN_AV, operatorID, removed, { memberList: removed.map((userID) => ({ userID, muteTime: opts.banSeconds! })) });
    else tip(tx, g, TIP.KICKED, operatorID, removed, { memberList });
    listChangedFor(tx, g, { users: removed });
  }
  recycleIfEmpty(tx, g);
  return removed;
}

export function deleteGroupMember(tx: Tx, ctx: Context, actor: UserActor, o: O<S.Schemas['DeleteGroupMemberOptions']>) {
  const s = tx.state;
  const g = localGroup(s, actor.userID, o.groupID);
  if (g === undefined) refuse(ERR.CANNOT_FIND_GRP, 'groupID', `${o.groupID} is not in ${actor.userID}'s group list`);
  const role = roleIn(g, actor.userID);
  if (g.type === 'AVChatRoom') {
    if (o.duration === undefined || o.duration <= 0) refuse(ERR.BAN_DURATION_INVALID, 'duration', 'removing AVChatRoom members bans them and needs a duration in seconds above 0');
    if (role !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'only the owner may remove AVChatRoom members');
  }
  const targets: MemberRecord[] = [];
  for (const id of new Set(o.userIDList)) {
    const t = g.members.get(id);
    if (t === undefined) continue;
    checkRemoval(g, role, t);
    targets.push(t);
  }
  const ban = g.type === 'AVChatRoom' ? { banSeconds: o.duration! } : {};
  const userIDList = removeMembers(tx, g, actor.userID, targets, { reason: o.reason ?? '', silent: false, nowSeconds: seconds(ctx.now), ...ban });
  return { group: groupView(s, g, actor.userID), userIDList };
}

export function setRole(tx: Tx, g: GroupRecord, operatorID: string, target: MemberRecord, role: 'Admin' | 'Member' | 'Custom'): void {
  if (target.role === 'Owner') refuse(ERR.NO_PERMISSION, 'userID', 'the owner\'s role cannot be changed; transfer the group instead');
  if (!allowsAdmins(g.type)) refuse(ERR.NO_PERMISSION, 'groupID', `a ${g.type === 'Private' ? 'Work group' : 'AVChatRoom'} has no admins`);
  if (target.role === role) return;
  const wasAdmin = target.role === 'Admin';
  tx.setRole(g, target, role);
  if (role === 'Admin') {
    tip(tx, g, TIP.SET_ADMIN, operatorID, [target.userID]);
    notice(tx, g, NOTICE.SET_ADMIN, operatorID, [target.userID]);
  } else if (wasAdmin) {
    tip(tx, g, TIP.CANCEL_ADMIN, operatorID, [target.userID]);
    notice(tx, g, NOTICE.CANCELED_ADMIN, operatorID, [target.userID]);
  }
  listChanged(tx, { users: [target.userID] });
}

export function setGroupMemberRole(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['SetGroupMemberRoleOptions']>) {
  const s = tx.state;
  const local = localGroup(s, actor.userID, o.groupID);
  if (local !== undefined && roleIn(local, actor.userID) !== 'Owner') refuse(ERR.NOT_OWNER, 'groupID', 'only the owner may set member roles');
  const allowed = local?.type === 'Community' ? ['Admin', 'Member', 'Custom'] : ['Admin', 'Member'];
  if (!allowed.includes(o.role)) refuse(ERR.INVALID_MEMBER_ROLE, 'role', `'${o.role}' is not one of ${allowed.join(', ')}`);
  if (o.userID === actor.userID) refuse(ERR.CANNOT_SET_SELF_MEMBER_ROLE, 'userID', 'cannot set your own role');
  const g = findGroup(s, o.groupID);
  if (roleIn(g, actor.userID) !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'only the owner may set member roles');
  const target = requireTarget(g, o.userID);
  setRole(tx, g, actor.userID, target, o.role as 'Admin' | 'Member' | 'Custom');
  return { group: groupView(s, g, actor.userID), member: memberView(s, g, target) };
}

export function mute(tx: Tx, ctx: Context, g: GroupRecord, operatorID: string, userID: string, muteTime: number, silent = false): void {
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'Work groups do not support muting');
  const until = muteTime === 0 ? 0 : seconds(ctx.now) + muteTime;
  if (until === 0) tx.mapDelete(g.muted, userID);
  else tx.mapSet(tx.own(g, 'muted'), userID, until);
  if (!silent) tip(tx, g, TIP.MEMBER_PROFILE, operatorID, [userID], { memberList: [{ userID, muteTime }] });
}

export function setGroupMemberMuteTime(tx: Tx, ctx: Context, actor: UserActor, o: O<S.Schemas['SetGroupMemberMuteTimeOptions']>) {
  const s = tx.state;
  if (o.userID === actor.userID) refuse(ERR.CANNOT_MUTE_SELF, 'userID', 'cannot mute yourself');
  const g = findGroup(s, o.groupID);
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'Work groups do not support muting');
  const role = requireMember(g, actor.userID, 'mute').role;
  const target = requireTarget(g, o.userID);
  if (g.type === 'AVChatRoom' && role !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'only the owner may mute in an AVChatRoom');
  if (target.role === 'Owner') refuse(ERR.NO_PERMISSION, 'userID', 'the owner cannot be muted');
  if (role === 'Admin' && target.role !== 'Member') refuse(ERR.NO_PERMISSION, 'userID', `an admin may mute ordinary members only; ${target.userID} is ${target.role}`);
  if (!isManager(role)) refuse(ERR.NO_PERMISSION, 'groupID', 'ordinary members cannot mute anyone');
  mute(tx, ctx, g, actor.userID, o.userID, o.muteTime);
  return { group: groupView(s, g, actor.userID), member: memberView(s, g, target) };
}

/** Name card and member custom field rights ([DTS], [WMP]). */
function checkMemberProfileRights(g: GroupRecord, operatorRole: MemberRecord['role'], operatorID: string, target: MemberRecord, what: string): void {
  if (target.userID === operatorID || operatorRole === 'Owner') return;
  if (operatorRole === 'Admin' && target.role === 'Member') return;
  refuse(ERR.NO_PERMISSION, 'userID', `${operatorRole === 'Admin' ? 'an admin may set its own and ordinary members\'' : 'a member may set only its own'} ${what}; ${target.userID} is ${target.role}`);
}

function memberProfileTarget(tx: Tx, actor: UserActor, groupID: string, userID: string | undefined, what: string) {
  const s = tx.state;
  const known = s.groups.get(groupID);
  if (known?.type === 'AVChatRoom') refuse(ERR.OPERATION_NOT_SUPPORTED_IN_AV, 'groupID', 'AVChatRooms store no member profiles');
  const g = findGroup(s, groupID);
  const role = requireMember(g, actor.userID, `set ${what}`).role;
  const target = requireTarget(g, userID ?? actor.userID);
  checkMemberProfileRights(g, role, actor.userID, target, what);
  return { g, target };
}

export function setGroupMemberNameCard(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['SetGroupMemberNameCardOptions']>) {
  const { g, target } = memberProfileTarget(tx, actor, o.groupID, o.userID, 'name card');
  checkBytes('nameCard', o.nameCard, tx.state.limits.nameCardBytes);
  tx.set(target, 'nameCard', o.nameCard);
  listChanged(tx, { users: [target.userID] });
  return { group: groupView(tx.state, g, actor.userID), member: memberView(tx.state, g, target) };
}

export function mergeCustomFields(tx: Tx, target: MemberRecord, fields: Array<{ key: string; value: string }>): void {
  const s = tx.state;
  checkEnabledKeys(s, 'member', fields, 'memberCustomField');
  fields.forEach((f, i) => checkBytes(`memberCustomField[${i}].value`, f.value, s.limits.memberCustomValueBytes));
  const merged = new Map(target.memberCustomField.map((f) => [f.key, f.value]));
  for (const f of fields) merged.set(f.key, f.value);
  if (merged.size > s.limits.memberCustomFields) refuse(ERR.INVALID_PARAMETER, 'memberCustomField', `more than ${s.limits.memberCustomFields} member fields`);
  tx.set(target, 'memberCustomField', [...merged].map(([key, value]) => ({ key, value })));
}

export function setGroupMemberCustomField(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['SetGroupMemberCustomFieldOptions']>) {
  const { g, target } = memberProfileTarget(tx, actor, o.groupID, o.userID, 'custom fields');
  mergeCustomFields(tx, target, o.memberCustomField);
  listChanged(tx, { users: [target.userID] });
  return { group: groupView(tx.state, g, actor.userID), member: memberView(tx.state, g, target) };
}

export function getGroupMemberList(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GetGroupMemberListOptions']>) {
  const s = tx.state;
  const g = localGroup(s, actor.userID, o.groupID);
  // the SDK answers an unknown or unjoined group with an empty page, not an error
  if (g === undefined) return { memberList: [], offset: 0 };
  const start = typeof o.offset === 'string' ? (o.offset === '' ? 0 : Number.parseInt(o.offset, 10) || 0) : (o.offset ?? 0);
  if (g.type === 'AVChatRoom') {
    const recent = g.members.recent(s.limits.avRecentMembers);
    const page = recent.slice(start, start + s.limits.avMemberPage);
    const next = start + page.length;
    return { memberList: page.map((m) => avMemberView(s, m)), offset: next < recent.length ? next : 0 };
  }
  const count = Math.min(o.count === undefined || o.count === 0 ? s.limits.memberListPageDefault : o.count, s.limits.memberListPageMax);
  let page: MemberRecord[];
  let total: number;
  if (o.role === undefined) {
    page = g.members.page(start, count);
    total = g.members.size;
  } else if (o.role === 'Member') {
    const all = [...g.members].filter((m) => m.role === 'Member');
    page = all.slice(start, start + count);
    total = all.length;
  } else {
    const all = g.members.privilegedMembers().filter((m) => m.role === o.role);
    page = all.slice(start, start + count);
    total = all.length;
  }
  const next = start + page.length;
  const more = next < total;
  const offset = g.type === 'Community' ? (more ? String(next) : '') : more ? next : 0;
  return { memberList: page.map((m) => memberView(s, g, m)), offset };
}

export function getGroupMemberProfile(tx: Tx, _ctx: Context, actor: UserActor, o: O<S.Schemas['GetGroupMemberProfileOptions']>) {
  const s = tx.state;
  if (s.groups.get(o.groupID)?.type === 'AVChatRoom') refuse(ERR.OPERATION_NOT_SUPPORTED_IN_AV, 'groupID', 'AVChatRooms store no member profiles');
  const g = findGroup(s, o.groupID);
  requireMember(g, actor.userID, 'read member profiles');
  const memberList = [];
  for (const id of o.userIDList.slice(0, s.limits.memberProfileMax)) {
    const m = g.members.get(id);
    if (m === undefined) continue;
    const view = memberView(s, g, m);
    if (o.memberCustomFieldFilter !== undefined) view.memberCustomField = view.memberCustomField.filter((f) => o.memberCustomFieldFilter!.includes(f.key));
    memberList.push(view);
  }
  return { memberList };
}

/** Pending applications a user may decide, oldest first, at most the pending-list size. */
export function pendingFor(s: State, userID: string): ApplicationRecord[] {
  const out: ApplicationRecord[] = [];
  for (const a of s.applications.values()) {
    const g = s.groups.get(a.groupID);
    if (g !== undefined && isManager(roleIn(g, userID))) out.push(a);
  }
  out.sort((a, b) => a.time - b.time || a.seq - b.seq);
  return out.slice(0, s.limits.pendingListSize);
}

export function getGroupApplicationList(tx: Tx, _ctx: Context, actor: UserActor) {
  return { applicationList: pendingFor(tx.state, actor.userID).map((a) => applicationView(tx.state, a)) };
}

export function handleGroupApplication(tx: Tx, ctx: Context, actor: UserActor, o: O<S.Schemas['HandleGroupApplicationOptions']>) {
  const s = tx.state;
  const ref = o.application ?? { groupID: o.message!.payload.groupProfile.groupID, messageKey: o.message!.payload.messageKey };
  const g = findGroup(s, ref.groupID);
  if (!isManager(roleIn(g, actor.userID))) refuse(ERR.NO_PERMISSION, 'groupID', `only the owner or an admin may handle applications to ${g.groupID}`);
  const a = s.applications.get(String(ref.messageKey));
  if (a === undefined || a.groupID !== g.groupID) refuse(ERR.ALREADY_PROCESSED, 'application', 'this application has already been processed');
  tx.dropApplication(a.key);
  const handleMessage = o.handleMessage ?? '';
  if (o.handleAction === 'Agree') {
    if (overQuota(s, a.userID, g.type)) refuse(ERR.USER_GROUP_QUOTA, 'application', `${a.userID} is at the ${s.limits.userGroupQuota}-group quota`);
    checkCapacity(g, 1);
    admit(tx, g, a.userID, ctx);
    tip(tx, g, TIP.JOIN, actor.userID, [a.userID]);
    listChanged(tx, { users: [a.userID] });
    if (a.applicationType === 0) notice(tx, g, NOTICE.APPLICATION_APPROVED, actor.userID, [a.userID], { handleMessage });
    else notice(tx, g, NOTICE.INVITED, a.applicant, [a.userID]);
  } else if (a.applicationType === 0) {
    notice(tx, g, NOTICE.APPLICATION_REJECTED, actor.userID, [a.userID], { handleMessage });
  }
  return { group: groupView(s, g, actor.userID) };
}

export function getGroupOnlineMemberCount(tx: Tx, _ctx: Context, actor: UserActor, groupID: string) {
  const s = tx.state;
  const g = localGroup(s, actor.userID, groupID);
  if (g === undefined) return { memberCount: 0 };
  let memberCount = 0;
  // walk whichever is smaller: a million-member room with few online, or a small group among many online
  if (s.sessions.size <= g.members.size) {
    for (const [userID, devices] of s.sessions) if (devices.size > 0 && g.members.has(userID)) memberCount++;
  } else {
    for (const m of g.members) if ((s.sessions.get(m.userID)?.size ?? 0) > 0) memberCount++;
  }
  return { memberCount };
}

