/**
 * The app admin's REST powers (`v4/group_open_http_svc/*`): what the app's backend can do that no
 * SDK user can. The admin acts with owner rights in every group, member or not ([GS]).
 */
import { NOTICE } from './constants';
import { declined, ERR, refuse } from './errors';
import type * as S from './schemas';
import type { z } from 'zod';
import type { MemberRecord } from './member-table';
import { groupsOf, newUser, type Context, type GroupRecord } from './state';
import type { Tx } from './tx';
import { applyProfileChange, createGroupRecord, normaliseType, transfer } from './group-commands';
import { creationSpec } from './create-spec';
import { addMembers, mergeCustomFields, mute, removeMembers, setRole } from './member-commands';
import { checkBytes, destroy, findGroup, listChanged, notice, requireTarget, requireUser } from './rules';
import { memberView, seconds } from './views';

type O<T extends z.ZodType> = z.infer<T>;
type Admin = { kind: 'admin'; adminID: string };

export function createGroup(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminCreateGroupOptions']>) {
  const type = normaliseType(o.type);
  const members = o.memberList ?? [];
  if (type === 'AVChatRoom' && members.length > 0) refuse(ERR.NO_PERMISSION, 'memberList', 'an AVChatRoom cannot be created with members');
  if (type === 'Community' && o.groupID !== undefined && o.groupID !== '' && !o.groupID.startsWith('@TGS#_')) {
    refuse(ERR.INVALID_GROUP_ID, 'groupID', 'a Community group ID must begin with @TGS#_');
  }
  const spec = creationSpec(o, type, o.ownerAccount ?? '', members, tx.state.limits.adminCreateMemberList);
  const { g } = createGroupRecord(tx, ctx, spec, o.ownerAccount ?? actor.adminID);
  return { groupID: g.groupID, type: g.type };
}

export function destroyGroup(tx: Tx, ctx: Context, actor: Admin, groupID: string) {
  destroy(tx, findGroup(tx.state, groupID), actor.adminID, ctx);
  return { groupID };
}

export function changeGroupOwner(tx: Tx, _ctx: Context, actor: Admin, o: O<S.Schemas['AdminChangeOwnerOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', 'an AVChatRoom cannot be transferred');
  if (g.ownerID === o.newOwnerID) return { groupID: g.groupID, ownerID: g.ownerID };
  transfer(tx, g, actor.adminID, o.newOwnerID);
  return { groupID: g.groupID, ownerID: g.ownerID };
}

export function addGroupMember(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminAddMemberOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', 'nobody, not even the app admin, may add members to an AVChatRoom');
  const r = addMembers(tx, ctx, g, actor.adminID, o.userIDList, { viaApproval: false, silent: o.silence === true, limit: tx.state.limits.adminAddMemberList });
  const result = (id: string): 0 | 1 | 2 => (r.successUserIDList.includes(id) ? 1 : r.existedUserIDList.includes(id) ? 2 : 0);
  return { memberList: [...new Set(o.userIDList)].map((userID) => ({ userID, result: result(userID) })) };
}

export function deleteGroupMember(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminDeleteMemberOptions']>) {
  const s = tx.state;
  const g = findGroup(s, o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.INVALID_PARAMETER, 'groupID', 'AVChatRoom members are banned, not deleted');
  if (o.userIDList.length > s.limits.adminDeleteMemberList) refuse(ERR.TOO_MANY_ACCOUNTS, 'userIDList', `${o.userIDList.length} users > ${s.limits.adminDeleteMemberList}`);
  const targets: MemberRecord[] = [];
  for (const id of new Set(o.userIDList)) {
    const m = g.members.get(id);
    // a user who is not a member is skipped: the call still succeeds ([R-DEL])
    if (m === undefined) continue;
    if (m.role === 'Owner') refuse(ERR.NO_PERMISSION, 'userIDList', `the owner ${id} cannot be deleted; transfer the group first`);
    targets.push(m);
  }
  removeMembers(tx, g, actor.adminID, targets, { reason: o.reason ?? '', silent: o.silence === true, nowSeconds: seconds(ctx.now) });
  return { groupID: g.groupID };
}

export function modifyGroupBaseInfo(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminModifyBaseInfoOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  applyProfileChange(tx, ctx, g, actor, o);
  return { groupID: g.groupID };
}

export function modifyGroupMemberInfo(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminModifyMemberInfoOptions']>) {
  const s = tx.state;
  const g = s.groups.get(o.groupID);
  if (g === undefined) return declined(ERR.GROUP_NOT_FOUND, 'groupID', o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', 'AVChatRooms store no member information');
  const target = requireTarget(g, o.userID);
  if (o.role !== undefined) setRole(tx, g, actor.adminID, target, o.role);
  if (o.nameCard !== undefined) {
    checkBytes('nameCard', o.nameCard, s.limits.nameCardBytes);
    tx.set(target, 'nameCard', o.nameCard);
    listChanged(tx, { users: [target.userID] });
  }
  if (o.memberCustomField !== undefined) mergeCustomFields(tx, target, o.memberCustomField);
  if (o.muteTime !== undefined) mute(tx, ctx, g, actor.adminID, target.userID, o.muteTime);
  return { member: memberView(s, g, target) };
}

export function forbidSendMsg(tx: Tx, ctx: Context, actor: Admin, o: O<S.Schemas['AdminForbidSendMsgOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'Work groups do not support muting');
  if (o.userIDList.length > 500) refuse(ERR.TOO_MANY_ACCOUNTS, 'userIDList', `${o.userIDList.length} users > 500`);
  const muted = [];
  for (const id of new Set(o.userIDList)) {
    if (!g.members.has(id)) continue;
    mute(tx, ctx, g, actor.adminID, id, o.muteTime);
    muted.push(id);
  }
  return { userIDList: muted };
}

export function importAccount(tx: Tx, _ctx: Context, _actor: Admin, o: O<S.Schemas['AdminImportAccountOptions']>) {
  const existing = tx.state.users.get(o.userID);
  if (existing === undefined) {
    tx.mapSet(tx.state.users, o.userID, newUser(o.userID, o.nick, o.avatar));
  } else {
    // changed in place: the record also holds the user's groups
    if (o.nick !== undefined) tx.set(existing, 'nick', o.nick);
    if (o.avatar !== undefined) tx.set(existing, 'avatar', o.avatar);
  }
  return { userID: o.userID };
}

export function sendGroupSystemNotification(tx: Tx, _ctx: Context, actor: Admin, o: O<S.Schemas['AdminSystemNotificationOptions']>) {
  const g = findGroup(tx.state, o.groupID);
  const everyone = [...g.members].map((m) => m.userID);
  const to = o.toMembers === undefined || g.type === 'AVChatRoom' ? everyone : o.toMembers.filter((id) => g.members.has(id));
  notice(tx, g, NOTICE.CUSTOM, actor.adminID, to, { userDefinedField: o.content });
  return { groupID: g.groupID };
}

export function getRoleInGroup(tx: Tx, _ctx: Context, _actor: Admin, o: { groupID: string; userIDList: string[] }) {
  const g = findGroup(tx.state, o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', 'roles cannot be queried in an AVChatRoom');
  return { userIdList: o.userIDList.map((userID) => ({ userID, role: g.members.get(userID)?.role ?? 'NotMember' })) };
}

export function getJoinedGroupList(tx: Tx, _ctx: Context, _actor: Admin, o: { userID: string; withHugeGroups?: boolean | undefined }) {
  const s = tx.state;
  requireUser(s, o.userID, 'userID');
  const groupIdList = [];
  for (const id of groupsOf(s, o.userID)) {
    const g = s.groups.get(id);
    if (g !== undefined && (g.type !== 'AVChatRoom' || o.withHugeGroups === true)) groupIdList.push({ groupID: g.groupID, type: g.type });
  }
  return { groupIdList, totalCount: groupIdList.length };
}

export function getGroupInfo(tx: Tx, _ctx: Context, _actor: Admin, groupID: string) {
  const s = tx.state;
  // findGroup's refusal, returned: the fuzzer's picture reads every group it made, dismissed ones too
  const g = s.groups.get(groupID);
  if (g === undefined) return declined(ERR.GROUP_NOT_FOUND, 'groupID', groupID);
  return {
    groupID: g.groupID, type: g.type, name: g.name, introduction: g.introduction, notification: g.notification, avatar: g.avatar,
    ownerID: g.ownerID, createTime: g.createTime, memberNum: g.members.size, maxMemberNum: Number.isFinite(g.maxMemberCount) ? g.maxMemberCount : 0,
    joinOption: g.joinOption, inviteOption: g.inviteOption, muteAllMembers: g.muteAllMembers, isSupportTopic: g.isSupportTopic,
    groupCustomField: g.groupCustomField.map((f) => ({ ...f })),
  };
}

export function getGroupMemberInfo(tx: Tx, _ctx: Context, _actor: Admin, o: { groupID: string; limit?: number | undefined; offset?: number | undefined }) {
  const s = tx.state;
  const g = s.groups.get(o.groupID);
  if (g === undefined) return declined(ERR.GROUP_NOT_FOUND, 'groupID', o.groupID);
  if (g.type === 'AVChatRoom') refuse(ERR.NO_PERMISSION, 'groupID', 'AVChatRooms store no member information');
  const limit = Math.min(o.limit ?? 100, 200);
  return { memberNum: g.members.size, memberList: g.members.page(o.offset ?? 0, limit).map((m) => memberView(s, g, m)) };
}
