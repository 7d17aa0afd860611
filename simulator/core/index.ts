/**
 * The core: `execute(state, ctx, actor, command, input) -> outcome`. Deterministic: no I/O, no
 * clock, no randomness; time comes in `ctx`, identity from the state's seed. The state is changed
 * in place (a million-member room cannot be copied per command) under an undo log, so a command
 * either applies whole or, refused, leaves the state exactly as it found it.
 */
import type { z } from 'zod';
import { ERR, RefusalSignal, type Refusal } from './errors';
import { describeIssue, schemas, type SchemaName, type Schemas } from './schemas';
import type { Delivery } from './deliveries';
import * as A from './admin-commands';
import * as I from './admin-import';
import * as AS from './admin-store';
import * as G from './group-commands';
import * as M from './member-commands';
import * as K from './store-commands';
import * as P from './profile-commands';
import { newUser, type Actor, type Context, type State } from './state';
import { Tx } from './tx';
import { FAST_PARSE, UNSURE, type FastParse } from './fast-parse';

type UserActor = Extract<Actor, { kind: 'user' }>;
type AdminActor = Extract<Actor, { kind: 'admin' }>;

type Schema<K extends SchemaName> = Schemas[K];

/** `R`: what the command returns, kept so a compile-time check can hold it to the response schemas. */
interface UserCommand<T extends z.ZodType, R = unknown> {
  readonly schema: T;
  /** What vouches for common valid input before zod is asked (fast-parse.ts). */
  readonly fast?: FastParse;
  run(tx: Tx, ctx: Context, actor: UserActor, input: z.infer<T>): R;
}
/** `R`: what the command returns, kept so the app admin's responses are typed by it (AdminResult). */
interface AdminCommand<T extends z.ZodType, R = unknown> {
  readonly schema: T;
  readonly fast?: FastParse;
  run(tx: Tx, ctx: Context, actor: AdminActor, input: z.infer<T>): R;
}
/** A command whose schema is looked up on first use (schemas() builds them all then). */
function command<K extends SchemaName, R>(name: K, run: R): { readonly schema: Schema<K>; readonly fast?: FastParse; run: R } {
  let schema: Schema<K> | undefined;
  return {
    get schema() {
      return (schema ??= schemas()[name] as Schema<K>);
    },
    fast: FAST_PARSE[name],
    run,
  };
}
const user = <K extends SchemaName, R>(name: K, run: UserCommand<Schema<K>, R>['run']): UserCommand<Schema<K>, R> => command(name, run);
const admin = <K extends SchemaName, R>(name: K, run: AdminCommand<Schema<K>, R>['run']): AdminCommand<Schema<K>, R> => command(name, run);

/** Whether the actor's login allows several AVChatRooms: asked only when it matters (a join while in another). */
const unlimited = (tx: Tx, a: UserActor) => (): boolean => tx.state.sessions.get(a.userID)?.get(a.device)?.unlimitedAVChatRoom === true;

/** Every SDK method the simulator implements, by its SDK name. */
export const USER_COMMANDS = {
  createGroup: user('CreateGroupOptions', G.createGroup),
  joinGroup: user('JoinGroupOptions', (tx, ctx, a, o) => G.joinGroup(tx, ctx, a, o, unlimited(tx, a))),
  quitGroup: user('GroupIDArg', G.quitGroup),
  dismissGroup: user('GroupIDArg', G.dismissGroup),
  changeGroupOwner: user('ChangeGroupOwnerOptions', G.changeGroupOwner),
  getGroupList: user('GetGroupListOptions', (tx, ctx, a) => G.getGroupList(tx, ctx, a)),
  getGroupProfile: user('GetGroupProfileOptions', P.getGroupProfile),
  updateGroupProfile: user('UpdateGroupProfileOptions', G.updateGroupProfile),
  searchGroupByID: user('GroupIDArg', G.searchGroupByID),
  addGroupMember: user('AddGroupMemberOptions', M.addGroupMember),
  deleteGroupMember: user('DeleteGroupMemberOptions', M.deleteGroupMember),
  setGroupMemberRole: user('SetGroupMemberRoleOptions', M.setGroupMemberRole),
  setGroupMemberMuteTime: user('SetGroupMemberMuteTimeOptions', M.setGroupMemberMuteTime),
  setGroupMemberNameCard: user('SetGroupMemberNameCardOptions', M.setGroupMemberNameCard),
  setGroupMemberCustomField: user('SetGroupMemberCustomFieldOptions', M.setGroupMemberCustomField),
  getGroupMemberList: user('GetGroupMemberListOptions', M.getGroupMemberList),
  getGroupMemberProfile: user('GetGroupMemberProfileOptions', M.getGroupMemberProfile),
  setMessageRemindType: user('SetMessageRemindTypeOptions', P.setMessageRemindType),
  getGroupApplicationList: user('NoArguments', (tx, ctx, a) => M.getGroupApplicationList(tx, ctx, a)),
  handleGroupApplication: user('HandleGroupApplicationOptions', M.handleGroupApplication),
  getGroupOnlineMemberCount: user('GroupIDArg', M.getGroupOnlineMemberCount),
  initGroupAttributes: user('GroupAttributesOptions', K.initGroupAttributes),
  setGroupAttributes: user('GroupAttributesOptions', K.setGroupAttributes),
  deleteGroupAttributes: user('GroupAttributeKeysOptions', K.deleteGroupAttributes),
  getGroupAttributes: user('GroupAttributeKeysOptions', K.getGroupAttributes),
  setGroupCounters: user('SetGroupCountersOptions', K.setGroupCounters),
  increaseGroupCounter: user('ChangeGroupCounterOptions', (tx, ctx, a, o) => K.changeGroupCounter(tx, ctx, a, o, 1)),
  decreaseGroupCounter: user('ChangeGroupCounterOptions', (tx, ctx, a, o) => K.changeGroupCounter(tx, ctx, a, o, -1)),
  getGroupCounters: user('GetGroupCountersOptions', K.getGroupCounters),
} as const;
export type UserCommandName = keyof typeof USER_COMMANDS;
/** What a user command returns (the simulator's `data`; test/sdk-types.ts holds it to the response schemas). */
export type UserResult<M extends UserCommandName> = ReturnType<(typeof USER_COMMANDS)[M]['run']>;

/** The app admin's REST commands, by camel-cased REST name. */
export const ADMIN_COMMANDS = {
  createGroup: admin('AdminCreateGroupOptions', A.createGroup),
  destroyGroup: admin('AdminGroupIDOptions', (tx, ctx, a, o) => A.destroyGroup(tx, ctx, a, o.groupID)),
  changeGroupOwner: admin('AdminChangeOwnerOptions', A.changeGroupOwner),
  addGroupMember: admin('AdminAddMemberOptions', A.addGroupMember),
  deleteGroupMember: admin('AdminDeleteMemberOptions', A.deleteGroupMember),
  modifyGroupBaseInfo: admin('AdminModifyBaseInfoOptions', A.modifyGroupBaseInfo),
  modifyGroupMemberInfo: admin('AdminModifyMemberInfoOptions', A.modifyGroupMemberInfo),
  forbidSendMsg: admin('AdminForbidSendMsgOptions', A.forbidSendMsg),
  importAccount: admin('AdminImportAccountOptions', A.importAccount),
  sendGroupSystemNotification: admin('AdminSystemNotificationOptions', A.sendGroupSystemNotification),
  getRoleInGroup: admin('AdminGetRoleInGroupOptions', A.getRoleInGroup),
  getJoinedGroupList: admin('AdminGetJoinedGroupListOptions', A.getJoinedGroupList),
  getGroupInfo: admin('AdminGroupIDOptions', (tx, ctx, a, o) => A.getGroupInfo(tx, ctx, a, o.groupID)),
  getGroupMemberInfo: admin('AdminGetGroupMemberInfoOptions', A.getGroupMemberInfo),
  importGroup: admin('AdminImportGroupOptions', I.importGroup),
  importGroupMember: admin('AdminImportGroupMemberOptions', I.importGroupMember),
  deleteAccounts: admin('AdminDeleteAccountsOptions', I.deleteAccounts),
  kick: admin('AdminKickOptions', I.kick),
  getAVChatRoomMembers: admin('AdminGetAVChatRoomMembersOptions', I.getAVChatRoomMembers),
  // group attributes, counters and AVChatRoom bans (admin-store.ts)
  modifyGroupAttr: admin('GroupAttributesOptions', AS.modifyGroupAttr),
  setGroupAttr: admin('GroupAttributesOptions', AS.setGroupAttr),
  deleteGroupAttr: admin('GroupAttributeKeysOptions', AS.deleteGroupAttr),
  clearGroupAttr: admin('AdminGroupIDOptions', AS.clearGroupAttr),
  getGroupAttr: admin('AdminGroupIDOptions', AS.getGroupAttr),
  updateGroupCounter: admin('AdminUpdateGroupCounterOptions', AS.updateGroupCounter),
  deleteGroupCounter: admin('GetGroupCountersOptions', AS.deleteGroupCounter),
  getGroupCounter: admin('GetGroupCountersOptions', AS.getGroupCounter),
  banGroupMember: admin('AdminBanMemberOptions', AS.banGroupMember),
  unbanGroupMember: admin('AdminUnbanMemberOptions', AS.unbanGroupMember),
  getGroupBanMember: admin('AdminGetBanMemberOptions', AS.getGroupBanMember),
} as const;
export type AdminCommandName = keyof typeof ADMIN_COMMANDS;
/** What an admin command resolves with as `data`: its core function's return type. */
export type AdminResult<M extends AdminCommandName> = ReturnType<(typeof ADMIN_COMMANDS)[M]['run']>;

export type Outcome =
  | { ok: true; data: unknown; deliveries: Delivery[] }
  | { ok: false; refusal: Refusal };

/**
 * Options must be plain data: an object whose fields come from its prototype (`{__proto__: {...}}`)
 * or a class instance would be read through the prototype chain by the schema, so it is refused
 * before parsing. Returns the path of the first offender.
 */
function impurePath(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > 32) return path;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return path;
    for (let i = 0; i < value.length; i++) {
      const bad = impurePath(value[i], `${path}[${i}]`, depth + 1);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (proto !== Object.prototype && proto !== null) return path;
  for (const key of Object.keys(value)) {
    const bad = impurePath((value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, depth + 1);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

function parse(cmd: { readonly schema: z.ZodType; readonly fast?: FastParse }, input: unknown): unknown {
  // what a fast path vouches for is plain, valid data: zod would answer the same (fast-parse.ts)
  if (cmd.fast !== undefined) {
    const fast = cmd.fast(input);
    if (fast !== UNSURE) return fast;
  }
  const schema = cmd.schema;
  const impure = impurePath(input, '', 0);
  if (impure !== undefined) {
    throw new RefusalSignal({ code: ERR.INVALID_PARAMETER, field: impure === '' ? 'options' : impure, detail: 'must be plain data (no prototype, class instance or cycle)' });
  }
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const described = describeIssue(r.error);
  // a positional argument (quitGroup(groupID) and the like) is the group ID itself
  const field = (schema as z.ZodType) === schemas().GroupIDArg && described.field === 'options' ? 'groupID' : described.field;
  const { detail } = described;
  throw new RefusalSignal({ code: ERR.INVALID_PARAMETER, field, detail });
}

/** Runs a parsed command under a Tx: commits what it did, or rolls it back and returns its refusal. */
function run<A>(state: State, ctx: Context, actor: A, cmd: { readonly schema: z.ZodType; readonly fast?: FastParse; run(tx: Tx, ctx: Context, actor: A, input: never): unknown }, input: unknown, keep = true): Outcome {
  const tx = new Tx(state);
  try {
    const data = cmd.run(tx, ctx, actor, parse(cmd, input) as never);
    // a refusal returned rather than thrown (errors.ts `declined`)
    if (data instanceof RefusalSignal) {
      tx.rollback();
      return { ok: false, refusal: data.refusal };
    }
    if (!keep) {
      const deliveries = [...tx.deliveries];
      tx.rollback();
      return { ok: true, data, deliveries };
    }
    tx.commit();
    return { ok: true, data, deliveries: tx.deliveries };
  } catch (e) {
    tx.rollback();
    if (e instanceof RefusalSignal) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

/** Checks a method's input without running it: what the SDK validates even before login. */
export function validateUser(name: UserCommandName, input: unknown): Refusal | undefined {
  try {
    parse(USER_COMMANDS[name] as UserCommand<z.ZodType>, input);
    return undefined;
  } catch (e) {
    if (e instanceof RefusalSignal) return e.refusal;
    throw e;
  }
}

export function executeUser(state: State, ctx: Context, actor: UserActor, name: UserCommandName, input: unknown): Outcome {
  return run(state, ctx, actor, USER_COMMANDS[name] as UserCommand<z.ZodType>, input);
}

export function executeAdmin(state: State, ctx: Context, actor: AdminActor, name: AdminCommandName, input: unknown): Outcome {
  return run(state, ctx, actor, ADMIN_COMMANDS[name] as AdminCommand<z.ZodType>, input);
}

/**
 * What a command would do, changing nothing: its checks run and its changes are undone. The
 * webhooks' "before" callbacks use it to fire only for an operation the service would carry out.
 */
export function trialUser(state: State, ctx: Context, actor: UserActor, name: UserCommandName, input: unknown): Outcome {
  return run(state, ctx, actor, USER_COMMANDS[name] as UserCommand<z.ZodType>, input, false);
}

export function trialAdmin(state: State, ctx: Context, actor: AdminActor, name: AdminCommandName, input: unknown): Outcome {
  return run(state, ctx, actor, ADMIN_COMMANDS[name] as AdminCommand<z.ZodType>, input, false);
}

/** A device logs in: the user exists from now on, and is online. */
export function openSession(state: State, userID: string, device: string, unlimitedAVChatRoom: boolean): void {
  if (!state.users.has(userID)) state.users.set(userID, newUser(userID));
  let devices = state.sessions.get(userID);
  if (devices === undefined) {
    devices = new Map();
    state.sessions.set(userID, devices);
  }
  devices.set(device, { unlimitedAVChatRoom });
}

export function closeSession(state: State, userID: string, device: string): void {
  const devices = state.sessions.get(userID);
  devices?.delete(device);
  if (devices?.size === 0) state.sessions.delete(userID);
}

export { createState, DEFAULT_LIMITS, newUser } from './state';
export type { Actor, Context, Limits, State } from './state';
export type { Delivery, Audience } from './deliveries';
