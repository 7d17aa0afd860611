/**
 * Group lifecycle and profile commands of the Web SDK: createGroup, joinGroup, quitGroup,
 * dismissGroup, changeGroupOwner, getGroupList, getGroupProfile, updateGroupProfile,
 * searchGroupByID. Each handler checks in the SDK's order (SDK-side codes first, then the
 * server's), and only then changes state through the Tx.
 */
import { GROUP_TYPES, NOTICE, type GroupType, type InviteOption, type JoinOption } from './constants';
import { ERR, refuse } from './errors';
import type * as S from './schemas';
import type { z } from 'zod';
import { applicationKeys, avRoomOf, groupsOf, noEntries, type Actor, type Context, type GroupRecord, type State } from './state';
import type { Tx } from './tx';
import { MemberTable } from './member-table';
import { creationSpec, type CreateSpec } from './create-spec';
import {
  TIP, actorID, admit, allowsAdmins, checkBytes, checkCapacity, checkEnabledKeys, countCreation, creationsToday, destroy, expel,
  findGroup, generateGroupID, isManager, recycleIfEmpty, listChanged, listChangedFor, nextSerial, notice, overQuota, requireUser, roleIn, tip, utf8Bytes,
} from './rules';
import { groupView, publicGroupView, seconds } from './views';

type O<T extends z.ZodType> = z.infer<T>;

const FIXED_JOIN: Partial<Record<GroupType, JoinOption>> = { Private: 'DisableApply', ChatRoom: 'FreeAccess', AVChatRoom: 'FreeAccess' };
const DEFAULT_JOIN: Record<GroupType, JoinOption> = {
  Private: 'DisableApply', Public: 'NeedPermission', ChatRoom: 'FreeAccess', AVChatRoom: 'FreeAccess', Community: 'FreeAccess',
};
const FIXED_INVITE: Partial<Record<GroupType, InviteOption>> = { Private: 'FreeAccess', AVChatRoom: 'DisableInvite' };
const DEFAULT_INVITE: Record<GroupType, InviteOption> = {
  Private: 'FreeAccess', Public: 'DisableInvite', ChatRoom: 'DisableInvite', AVChatRoom: 'DisableInvite', Community: 'FreeAccess',
};

/** The join option a group gets: honoured for Public and Community only, fixed for the others. */
export function effectiveJoinOption(type: GroupType, asked: JoinOption | undefined): JoinOption {
  return FIXED_JOIN[type] ?? asked ?? DEFAULT_JOIN[type];
}
export function effectiveInviteOption(type: GroupType, asked: InviteOption | undefined): InviteOption {
  return FIXED_INVITE[type] ?? asked ?? DEFAULT_INVITE[type];
}

const REST_TYPE: Record<string, GroupType> = { Work: 'Private', Meeting: 'ChatRoom' };
export function normaliseType(t: string): GroupType {
  return REST_TYPE[t] ?? (t as GroupType);
}

export function checkProfileFields(s: State, o: { name?: string | undefined; introduction?: string | undefined; notification?: string | undefined; avatar?: string | undefined; groupCustomField?: Array<{ key: string; value: string }> | undefined }): void {
  checkBytes('name', o.name, s.limits.nameBytes);
  checkBytes('introduction', o.introduction, s.limits.introductionBytes);
  checkBytes('notification', o.notification, s.limits.notificationBytes);
  checkBytes('avatar', o.avatar, s.limits.avatarBytes);
  checkEnabledKeys(s, 'group', o.groupCustomField, 'groupCustomField');
  if (o.groupCustomField !== undefined) {
    if (o.groupCustomField.length > s.limits.groupCustomFields) refuse(ERR.INVALID_PARAMETER, 'groupCustomField', `more than ${s.limits.groupCustomFields} fields`);
    o.groupCustomField.forEach((f, i) => checkBytes(`groupCustomField[${i}].value`, f.value, s.limits.groupCustomValueBytes));
  }
}

function checkCustomGroupID(s: State, type: GroupType, groupID: string, creator: string): void {
  const bytes = utf8Bytes(groupID);
  if (bytes > s.limits.groupIDBytes) refuse(ERR.INVALID_GROUP_ID, 'groupID', `${bytes} bytes > ${s.limits.groupIDBytes}`);
  if (!/^[\x20-\x7e]+$/.test(groupID)) refuse(ERR.INVALID_GROUP_ID, 'groupID', 'only printable ASCII (0x20-0x7e) is allowed');
  if (type !== 'Community' && groupID.startsWith('@TGS#')) refuse(ERR.INVALID_GROUP_ID, 'groupID', 'the @TGS# prefix is reserved for generated IDs');
  const existing = s.groups.get(groupID);
  if (existing !== undefined) {
    if (existing.creatorID === creator) refuse(ERR.GROUP_ID_YOURS, 'groupID', `${groupID} is already yours`);
    refuse(ERR.GROUP_ID_TAKEN, 'groupID', `${groupID} is used by another user`);
  }
}

function checkMaxMemberNum(s: State, type: GroupType, asked: number | undefined, current = 0): number {
  const cap = s.limits.memberCap[type];
  if (asked === undefined) return cap;
  if (type === 'AVChatRoom') refuse(ERR.INVALID_PARAMETER, 'maxMemberNum', 'an AVChatRoom has no member cap to set');
  if (asked > cap) refuse(ERR.INVALID_PARAMETER, 'maxMemberNum', `${asked} exceeds the ${type} cap of ${cap}`);
  if (asked < current) refuse(ERR.INVALID_PARAMETER, 'maxMemberNum', `${asked} is below the ${current} current members`);
  return asked;
}

/** Creation shared by the SDK's createGroup and the admin's create_group. */
export function createGroupRecord(tx: Tx, ctx: Context, spec: CreateSpec, creator: string) {
  const s = tx.state;
  const { type } = spec;
  if (spec.groupID !== undefined && spec.groupID !== '') checkCustomGroupID(s, type, spec.groupID, creator);
  checkProfileFields(s, spec);
  const maxMemberCount = checkMaxMemberNum(s, type, spec.maxMemberNum);
  if (spec.members.length > spec.memberListLimit) refuse(ERR.TOO_MANY_ACCOUNTS, 'memberList', `${spec.members.length} entries > ${spec.memberListLimit}`);
  spec.members.forEach((m, i) => {
    if (m.role !== undefined && m.role !== 'Admin' && m.role !== 'Member') refuse(ERR.INVALID_PARAMETER, `memberList[${i}].role`, `'${m.role}': only Admin may be given at creation`);
    requireUser(s, m.userID, `memberList[${i}].userID`);
    checkEnabledKeys(s, 'member', m.memberCustomField, `memberList[${i}].memberCustomField`);
  });
  if (spec.ownerID !== '') {
    requireUser(s, spec.ownerID, 'ownerID');
    if (overQuota(s, spec.ownerID, type)) refuse(ERR.USER_GROUP_QUOTA, 'ownerID', `${spec.ownerID} is at the ${s.limits.userGroupQuota}-group quota`);
  }
  if (creationsToday(s, ctx) >= s.limits.dailyNetCreations) refuse(ERR.FREQUENCY_LIMIT, undefined, `net creations today reached ${s.limits.dailyNetCreations}`);

  const admitted: typeof spec.members = [];
  const overLimitUserIDList: string[] = [];
  // most groups are created with no member list (the admin's 9,999 in one scenario): no Set for them
  const seen = spec.members.length === 0 ? undefined : new Set<string>([spec.ownerID]);
  for (const m of spec.members) {
    if (seen!.has(m.userID)) continue;
    seen!.add(m.userID);
    if (overQuota(s, m.userID, type)) overLimitUserIDList.push(m.userID);
    else admitted.push(m);
  }
  const total = admitted.length + (spec.ownerID === '' ? 0 : 1);
  if (total > maxMemberCount) refuse(ERR.GROUP_FULL, 'memberList', `${total} members > cap ${maxMemberCount}`);

  const groupID = spec.groupID !== undefined && spec.groupID !== '' ? spec.groupID : generateGroupID(tx, type);
  const now = seconds(ctx.now);
  const g: GroupRecord = {
    groupID,
    type,
    name: spec.name,
    introduction: spec.introduction ?? '',
    notification: spec.notification ?? '',
    avatar: spec.avatar ?? '',
    ownerID: spec.ownerID,
    creatorID: creator,
    createTime: now,
    infoSequence: 1,
    lastInfoTime: now,
    maxMemberCount,
    joinOption: effectiveJoinOption(type, spec.joinOption),
    inviteOption: effectiveInviteOption(type, spec.inviteOption),
    muteAllMembers: false,
    isSupportTopic: type === 'Community' && spec.isSupportTopic === true,
    groupCustomField: (spec.groupCustomField ?? []).map((f) => ({ ...f })),
    members: new MemberTable(groupID, s.users),
    muted: noEntries(),
    banned: noEntries(),
    // replaced whole on every change (store-commands.ts, admin-store.ts), never written in place
    attributes: noEntries(),
    counters: noEntries(),
    nextMessageSeq: 1,
  };
  tx.mapSet(s.groups, groupID, g);
  if (spec.ownerID !== '') admit(tx, g, spec.ownerID, ctx, 'Owner');
  for (const m of admitted) {
    // Work groups and AVChatRooms have no admins: an Admin asked for at creation becomes a Member
    admit(tx, g, m.userID, ctx, m.role === 'Admin' && allowsAdmins(type) ? 'Admin' : 'Member');
    if (m.memberCustomField !== undefined) g.members.get(m.userID)!.memberCustomField = m.memberCustomField.map((f) => ({ ...f }));
  }
  countCreation(tx, ctx, 1);
  const operator = spec.ownerID !== '' ? spec.ownerID : creator;
  if (spec.ownerID !== '') notice(tx, g, NOTICE.CREATED, operator, [spec.ownerID]);
  const added = admitted.map((m) => m.userID);
  notice(tx, g, NOTICE.INVITED, operator, added);
  listChangedFor(tx, g, { users: spec.ownerID === '' ? added : [spec.ownerID, ...added] });
  return { g, overLimitUserIDList };
}

export function createGroup(tx: Tx, ctx: Context, actor: Extract<Actor, { kind: 'user' }>, o: O<S.Schemas['CreateGroupOptions']>) {
  const type = o.type === undefined ? 'Private' : o.type;
  if (typeof type !== 'string' || !(GROUP_TYPES as readonly string[]).includes(type)) {
    refuse(ERR.ILLEGAL_GRP_TYPE, 'type', `${JSON.stringify(type)} is not one of ${GROUP_TYPES.join(', ')}`);
  }
  const t = type as GroupType;
  if (o.groupID !== undefined && o.groupID !== '') {
    const prefixed = o.groupID.startsWith('@TGS#_');
    if (t === 'Community' && !prefixed) refuse(ERR.ILLEGAL_GRP_ID, 'groupID', 'a Community group ID must begin with @TGS#_');
    if (t !== 'Community' && prefixed) refuse(ERR.ILLEGAL_GRP_ID, 'groupID', 'the @TGS#_ prefix is for Community groups only');
  }
  // the SDK drops memberList for an AVChatRoom, and joinOption for types that fix it
  const spec = creationSpec(o, t, actor.userID, t === 'AVChatRoom' ? [] : (o.memberList ?? []), tx.state.limits.createMemberList);
  const { g, overLimitUserIDList } = createGroupRecord(tx, ctx, spec, actor.userID);
  if (t !== 'AVChatRoom' && !g.isSupportTopic) {
    const content = t === 'Community' ? 'Create Community' : 'Create Group'; // opUser: her nick, else her userID, as the SDK writes it
    tx.deliver({
      kind: 'groupMessage',
      groupID: g.groupID,
      from: actor.userID,
      fromDevice: actor.device,
      to: { membersOf: g.groupID },
      data: JSON.stringify({ businessID: 'group_create', content, cmd: t === 'Community' ? 1 : 0, opUser: tx.state.users.get(actor.userID)?.nick || actor.userID, version: 4 }),
    });
  }
  return { group: groupView(tx.state, g, actor.userID), overLimitUserIDList };
}

export function joinGroup(tx: Tx, ctx: Context, actor: Extract<Actor, { kind: 'user' }>, o: O<S.Schemas['JoinGroupOptions']>, unlimitedAV: () => boolean) {
  const s = tx.state;
  const me = actor.userID;
  const g = findGroup(s, o.groupID);
  // both read the joiner's account record, which holds their memberships (member-table.ts)
  const full = overQuota(s, me, g.type);
  const mine = g.members.get(me);
  if (g.type === 'AVChatRoom') {
    // a member is already in; only an owner, a member from creation, still has to enter
    if (mine !== undefined && (mine.role !== 'Owner' || avRoomOf(s, me) === g.groupID)) return { status: 'AlreadyInGroup' as const };
    const bannedUntil = g.banned.get(me) ?? 0;
    if (bannedUntil > seconds(ctx.now)) refuse(ERR.NO_PERMISSION, 'groupID', `${me} is banned from ${g.groupID} until ${bannedUntil}`);
    if (mine === undefined) checkCapacity(g, 1);
    const previous = avRoomOf(s, me);
    if (previous !== undefined && previous !== g.groupID && !unlimitedAV()) leaveAVChatRoom(tx, previous, me);
    if (mine === undefined) {
      admit(tx, g, me, ctx);
      tip(tx, g, TIP.JOIN, me, [me]);
    }
    tx.mapSet(s.avRoom, me, g.groupID);
    return { status: 'JoinedSuccess' as const, group: groupView(s, g, me) };
  }
  if (mine !== undefined) return { status: 'AlreadyInGroup' as const };
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'a Work group cannot be joined on request, only through addGroupMember');
  const option = g.type === 'ChatRoom' ? 'FreeAccess' : g.joinOption;
  if (option === 'DisableApply') refuse(ERR.NO_PERMISSION, 'groupID', `${g.groupID} does not accept join requests (DisableApply)`);
  if (full) refuse(ERR.USER_GROUP_QUOTA, 'groupID', `${me} is at the ${s.limits.userGroupQuota}-group quota`);
  if (option === 'NeedPermission') {
    apply(tx, ctx, g, me, me, 0, o.applyMessage ?? '');
    return { status: 'WaitAdminApproval' as const };
  }
  checkCapacity(g, 1);
  admit(tx, g, me, ctx);
  tip(tx, g, TIP.JOIN, me, [me]);
  listChanged(tx, { users: [me] });
  return { status: 'JoinedSuccess' as const, group: groupView(s, g, me) };
}

/** Files (or refreshes) a pending application and tells every owner and admin (notice 1). */
export function apply(tx: Tx, ctx: Context, g: GroupRecord, applicant: string, userID: string, applicationType: 0 | 2, note: string): void {
  const s = tx.state;
  const existing = applicationKeys(s, g.groupID, userID).find((k) => s.applications.get(k)?.applicationType === applicationType);
  const seq = existing === undefined ? nextSerial(tx) : s.applications.get(existing)!.seq;
  const key = existing ?? `${g.groupID}#${seq}`;
  tx.putApplication({ key, groupID: g.groupID, applicationType, applicant, userID, note, time: seconds(ctx.now), seq });
  if (applicationType === 0) {
    const managers = g.members.privilegedMembers().filter((m) => isManager(m.role)).map((m) => m.userID);
    notice(tx, g, NOTICE.JOIN_REQUEST, applicant, managers, { handleMessage: note, authentication: `auth-${key}`, messageKey: key });
  }
}

/** What the SDK does to the AVChatRoom a user is in when they join another. */
function leaveAVChatRoom(tx: Tx, groupID: string, userID: string): void {
  const g = tx.state.groups.get(groupID);
  tx.mapSet(tx.state.avRoom, userID, '');
  // an owner cannot quit; leaving the room only moves their presence
  if (g === undefined || roleIn(g, userID) === 'Owner') return;
  expel(tx, g, userID);
  tip(tx, g, TIP.QUIT, userID, [userID]);
}

export function quitGroup(tx: Tx, _ctx: Context, actor: Extract<Actor, { kind: 'user' }>, groupID: string) {
  const s = tx.state;
  const me = actor.userID;
  const g = s.groups.get(groupID);
  // the SDK answers from its local list before asking the server
  const role = g?.members.get(me)?.role;
  if (g === undefined || role === undefined) refuse(ERR.MEMBER_NOT_IN_GRP, 'groupID', `${me} is not in ${groupID}`);
  if (role === 'Owner') {
    if (g.type !== 'Private') refuse(ERR.OWNER_CANNOT_QUIT, 'groupID', `the owner may leave only a Work group; ${groupID} is ${g.type}`);
    tx.set(g, 'ownerID', '');
  }
  expel(tx, g, me);
  notice(tx, g, NOTICE.QUIT, me, [me]);
  tip(tx, g, TIP.QUIT, me, [me]);
  listChangedFor(tx, g, role === 'Owner' ? { users: [me, ...[...g.members].map((m) => m.userID)] } : { users: [me] });
  recycleIfEmpty(tx, g);
  return { groupID };
}

export function dismissGroup(tx: Tx, ctx: Context, actor: Extract<Actor, { kind: 'user' }>, groupID: string) {
  const g = findGroup(tx.state, groupID);
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'a Work group cannot be dismissed, not even by its owner; only the app admin can');
  if (roleIn(g, actor.userID) !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', `only the owner may dismiss ${groupID}`);
  destroy(tx, g, actor.userID, ctx);
  return { groupID };
}

/** Ownership transfer, shared by the SDK (owner) and the app admin (any group, ownerless too). */
export function transfer(tx: Tx, g: GroupRecord, operatorID: string, newOwnerID: string): void {
  const next = g.members.get(newOwnerID);
  if (next === undefined) refuse(ERR.INVALID_PARAMETER, 'newOwnerID', `${newOwnerID} is not a member of ${g.groupID}`);
  const old = g.ownerID === '' ? undefined : g.members.get(g.ownerID);
  if (old !== undefined) tx.setRole(g, old, 'Member');
  tx.setRole(g, next, 'Owner');
  tx.set(g, 'ownerID', newOwnerID);
  tx.set(g, 'infoSequence', g.infoSequence + 1);
  tip(tx, g, TIP.PROFILE, operatorID, [], { newGroupProfile: { ownerID: newOwnerID } });
  listChangedFor(tx, g, { membersOf: g.groupID });
}

export function changeGroupOwner(tx: Tx, _ctx: Context, actor: Extract<Actor, { kind: 'user' }>, o: O<S.Schemas['ChangeGroupOwnerOptions']>) {
  const s = tx.state;
  const known = s.groups.get(o.groupID);
  if (known?.type === 'AVChatRoom') refuse(ERR.CANNOT_CHANGE_OWNER_IN_AV, 'groupID', 'an AVChatRoom cannot be transferred');
  if (o.newOwnerID === actor.userID) refuse(ERR.CANNOT_CHANGE_OWNER_TO_SELF, 'newOwnerID', 'cannot transfer a group to yourself');
  const g = findGroup(s, o.groupID);
  if (roleIn(g, actor.userID) !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', `only the owner may transfer ${g.groupID}`);
  transfer(tx, g, actor.userID, o.newOwnerID);
  return { group: groupView(s, g, actor.userID) };
}

export function getGroupList(tx: Tx, _ctx: Context, actor: Extract<Actor, { kind: 'user' }>) {
  const s = tx.state;
  const groupList = [];
  for (const id of groupsOf(s, actor.userID)) {
    const g = s.groups.get(id);
    if (g !== undefined && g.type !== 'AVChatRoom') groupList.push(groupView(s, g, actor.userID));
  }
  return { groupList, isSyncCompleted: true };
}

export function searchGroupByID(tx: Tx, _ctx: Context, _actor: Actor, groupID: string) {
  const s = tx.state;
  const g = findGroup(s, groupID);
  if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'Work groups cannot be searched');
  return { group: publicGroupView(s, g) };
}

type ProfileChange = O<S.Schemas['UpdateGroupProfileOptions']>;
const BASIC_FIELDS = ['name', 'introduction', 'notification', 'avatar'] as const;

/** Who may change which profile fields, by type and role ([GS] basic-information table). */
function checkProfileRights(g: GroupRecord, actor: Actor, o: ProfileChange): void {
  if (actor.kind === 'admin') return;
  const role = roleIn(g, actor.userID);
  if (role === undefined) refuse(ERR.NO_PERMISSION, 'groupID', `${actor.userID} is not a member of ${g.groupID}`);
  const basicOnly = Object.keys(o).every((k) => k === 'groupID' || (BASIC_FIELDS as readonly string[]).includes(k) || k === 'joinOption' || k === 'inviteOption');
  if (g.type === 'Private') {
    if (o.muteAllMembers !== undefined) refuse(ERR.NO_PERMISSION, 'muteAllMembers', 'Work groups do not support muting');
    if (!basicOnly && role !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'in a Work group members may change only name, introduction, notification and avatar');
    return;
  }
  if (g.type === 'AVChatRoom') {
    if (role !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'only the owner may edit an AVChatRoom profile');
    return;
  }
  if (!isManager(role)) refuse(ERR.NO_PERMISSION, 'groupID', `only the owner or an admin may edit the ${g.type} profile`);
}

export function applyProfileChange(tx: Tx, ctx: Context, g: GroupRecord, actor: Actor, o: ProfileChange): void {
  const s = tx.state;
  checkProfileRights(g, actor, o);
  checkProfileFields(s, o);
  const max = o.maxMemberNum === undefined ? undefined : checkMaxMemberNum(s, g.type, o.maxMemberNum, g.members.size);
  const changed: Record<string, unknown> = {};
  const put = <K extends keyof GroupRecord>(key: K, value: GroupRecord[K] | undefined, as: string = key) => {
    if (value === undefined || g[key] === value) return;
    tx.set(g, key, value);
    changed[as] = value;
  };
  for (const f of BASIC_FIELDS) put(f, o[f]);
  put('maxMemberCount', max, 'maxMemberNum');
  put('muteAllMembers', o.muteAllMembers);
  // the SDK drops joinOption unless the type lets it change; inviteOption likewise
  if (g.type === 'Public' || g.type === 'Community') put('joinOption', o.joinOption);
  if (g.type !== 'Private' && g.type !== 'AVChatRoom') put('inviteOption', o.inviteOption);
  if (o.groupCustomField !== undefined) {
    const merged = new Map(g.groupCustomField.map((f) => [f.key, f.value]));
    for (const f of o.groupCustomField) merged.set(f.key, f.value);
    if (merged.size > s.limits.groupCustomFields) refuse(ERR.INVALID_PARAMETER, 'groupCustomField', `more than ${s.limits.groupCustomFields} fields`);
    tx.set(g, 'groupCustomField', [...merged].map(([key, value]) => ({ key, value })));
    changed.groupCustomField = o.groupCustomField.map((f) => ({ ...f }));
  }
  if (Object.keys(changed).length === 0) return;
  tx.set(g, 'infoSequence', g.infoSequence + 1);
  tx.set(g, 'lastInfoTime', seconds(ctx.now));
  tip(tx, g, TIP.PROFILE, actorID(actor), [], { newGroupProfile: changed });
  listChangedFor(tx, g, { membersOf: g.groupID });
}

export function updateGroupProfile(tx: Tx, ctx: Context, actor: Extract<Actor, { kind: 'user' }>, o: ProfileChange) {
  const g = findGroup(tx.state, o.groupID);
  applyProfileChange(tx, ctx, g, actor, o);
  return { group: groupView(tx.state, g, actor.userID) };
}

