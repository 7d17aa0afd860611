/**
 * One user's SDK instance on one device, with the Web SDK's method names, options and
 * `{code, data}` responses. Failures reject with an Error carrying the real Tencent `code`.
 */
import type { z } from 'zod';
import { ERR, ChatError } from '../core/errors';
import { TYPES } from '../core/constants';
import type * as S from '../core/schemas';
import { validateUser, type UserCommandName } from '../core';
import type { Service } from '../shell/service';
import type { ResponseData, ResponseMethod } from '../core/responses';
import { clonePlain } from '../shell/clone';

/** A resolved call: `data` is typed per method (`ResponseData`, from the response schemas the suite checks). */
export interface ChatResponse<T = unknown> {
  code: 0;
  data: T;
}
/**
 * Option types as apps write them against the real typings: the SDK types enumerated options as its
 * nominal `TencentCloudChat.TYPES` enum (string and number members), so those options are widened to
 * `string | number` and the zod schema does the checking at run time; a `Message` from the SDK has no
 * index signature, so `message` is any object.
 */
type EnumTypedKey = 'type' | 'role' | 'joinOption' | 'inviteOption' | 'handleAction' | 'messageRemindType';
type SdkShaped<T> = T extends object
  ? { [K in keyof T]: K extends 'message' ? object | undefined : K extends EnumTypedKey ? Exclude<T[K], string> | string | number : T[K] }
  : T;
type In<T extends z.ZodType> = SdkShaped<z.input<T>>;
export interface ChatEvent {
  name: string;
  data: any;
}
type Handler = (event: ChatEvent) => void;

/**
 * Why calls fail after a kick, by the kick's type, as the SDK's not-ready reason: 3006 after the
 * app backend's REST kick (its `onRestApiKickedOut` sets KICKED_OUT_REST_API), 3003 otherwise.
 */
export function kickedOutReason(type: string | undefined): { code: number; why: string } {
  return type === TYPES.KICKED_OUT_REST_API
    ? { code: ERR.KICKED_OUT_REST_API, why: 'Kicked out: the app backend invalidated this login (REST API kick)' }
    : { code: ERR.KICKED_OUT_MULT_ACCOUNT, why: 'Kicked out: the account logged in on this device again' };
}

/** Methods the SDK lets through before login (its ready-check allow-list). */
const ALLOWED_LOGGED_OUT = new Set<string>(['joinGroup', 'quitGroup', 'getGroupOnlineMemberCount']);

export class Chat {
  private handlers = new Map<string, Array<{ handler: Handler; context: unknown; once: boolean }>>();
  /** What `tap` asked for, if anything. */
  private tapped: { names: ReadonlySet<string>; record: (name: string, data: unknown) => void } | undefined;
  private loggedIn: boolean;
  /** Why calls are refused when not logged in: 2024 after logout, the kick code after a kick (as the SDK). */
  private notReady: { code: number; why: string } = { code: ERR.USER_NOT_LOGGED_IN, why: 'The user has not logged in' };

  constructor(
    private readonly sim: Service<Chat>,
    readonly userID: string,
    readonly device: string,
    /** false: a session-less Chat that answers as the SDK does before login (the drop-in's, until its first login). */
    loggedIn = true,
  ) {
    this.loggedIn = loggedIn;
  }

  // ---- session ----

  getLoginUser(): string {
    return this.loggedIn ? this.userID : '';
  }

  isReady(): boolean {
    return this.loggedIn;
  }

  /** Typed as the SDK's (`Promise<void>`), though it resolves `{code: 0, data: {}}` as the SDK does at run time. */
  logout(): Promise<void> {
    if (this.loggedIn) {
      this.sim.endSession(this);
      this.loggedIn = false;
      this.emit('sdkStateNotReady', {});
    }
    return Promise.resolve({ code: 0, data: {} }) as Promise<unknown> as Promise<void>;
  }

  destroy(): Promise<void> {
    return this.logout();
  }

  /** @internal the session was ended by a kick: a later login on the same device, or the app backend. */
  detach(type?: string): void {
    this.sim.endSession(this);
    this.loggedIn = false;
    this.notReady = kickedOutReason(type);
  }

  // ---- events ----

  on(eventName: string, handler: Handler, context?: unknown): void;
  // the SDK's typings declare the handler as `Function`
  on(eventName: string, handler: Function, context?: unknown): void;
  on(eventName: string, handler: Function, context?: unknown): void {
    this.listeners(eventName).push({ handler: handler as Handler, context, once: false });
  }

  once(eventName: string, handler: Handler, context?: unknown): void;
  // the SDK's typings declare the handler as `Function`
  once(eventName: string, handler: Function, context?: unknown): void;
  once(eventName: string, handler: Function, context?: unknown): void {
    this.listeners(eventName).push({ handler: handler as Handler, context, once: true });
  }

  off(eventName: string, handler: Handler, context?: unknown): void;
  // the SDK's typings declare the handler as `Function`
  off(eventName: string, handler: Function, context?: unknown): void;
  off(eventName: string, handler: Function, context?: unknown): void {
    const list = this.handlers.get(eventName);
    if (list === undefined) return;
    const i = list.findIndex((l) => l.handler === handler && (context === undefined || l.context === context));
    if (i >= 0) list.splice(i, 1);
  }

  /**
   * @internal delivers an event to this device's handlers and to the simulator's log. `data` must
   * be built for this call alone (every caller passes a fresh object): the log keeps it, and each
   * handler gets its own copy, all taken before the first handler runs, so neither a handler nor a
   * reader of the log can change what another sees. A copy is `again()` when the caller can build
   * the data afresh (see Endpoint.emit), else a deep copy of `data`.
   */
  emit(name: string, data: unknown, again?: () => unknown): void {
    const listeners = this.handlers.get(name);
    const snapshot = listeners === undefined || listeners.length === 0 ? undefined : [...listeners];
    const copies = snapshot?.map(again === undefined ? () => clonePlain(data) : again);
    this.sim.record(this, name, data);
    if (this.tapped?.names.has(name) === true) this.tapped.record(name, data);
    if (snapshot === undefined) return;
    for (let i = 0; i < snapshot.length; i++) {
      const l = snapshot[i]!;
      if (l.once) this.off(name, l.handler, l.context);
      try {
        l.handler.call(l.context, { name, data: copies![i] });
      } catch {
        // an app's handler that throws must not break delivery to the others, as in the SDK
      }
    }
  }

  /**
   * @internal how the embedded adapter (adapters/simulator.ts) records this device's events: given
   * the data the simulator's log keeps (no one else reads that log), not a handler's copy, which
   * is built afresh for each handler: a group list for every member told of a change, say.
   */
  tap(names: ReadonlySet<string>, record: (name: string, data: unknown) => void): void {
    this.tapped = { names, record };
  }

  private listeners(name: string) {
    let list = this.handlers.get(name);
    if (list === undefined) {
      list = [];
      this.handlers.set(name, list);
    }
    return list;
  }

  // ---- groups ----

  createGroup(options: In<S.Schemas['CreateGroupOptions']>): Promise<ChatResponse<ResponseData<'createGroup'>>> {
    return this.call('createGroup', options);
  }
  joinGroup(options: In<S.Schemas['JoinGroupOptions']>): Promise<ChatResponse<ResponseData<'joinGroup'>>> {
    return this.call('joinGroup', options);
  }
  quitGroup(groupID: string): Promise<ChatResponse<ResponseData<'quitGroup'>>> {
    return this.call('quitGroup', groupID);
  }
  dismissGroup(groupID: string): Promise<ChatResponse<ResponseData<'dismissGroup'>>> {
    return this.call('dismissGroup', groupID);
  }
  changeGroupOwner(options: In<S.Schemas['ChangeGroupOwnerOptions']>): Promise<ChatResponse<ResponseData<'changeGroupOwner'>>> {
    return this.call('changeGroupOwner', options);
  }
  getGroupList(options?: In<S.Schemas['GetGroupListOptions']>): Promise<ChatResponse<ResponseData<'getGroupList'>>> {
    return this.call('getGroupList', options);
  }
  getGroupProfile(options: In<S.Schemas['GetGroupProfileOptions']>): Promise<ChatResponse<ResponseData<'getGroupProfile'>>> {
    return this.call('getGroupProfile', options);
  }
  updateGroupProfile(options: In<S.Schemas['UpdateGroupProfileOptions']>): Promise<ChatResponse<ResponseData<'updateGroupProfile'>>> {
    return this.call('updateGroupProfile', options);
  }
  searchGroupByID(groupID: string): Promise<ChatResponse<ResponseData<'searchGroupByID'>>> {
    return this.call('searchGroupByID', groupID);
  }
  getGroupOnlineMemberCount(groupID: string): Promise<ChatResponse<ResponseData<'getGroupOnlineMemberCount'>>> {
    return this.call('getGroupOnlineMemberCount', groupID);
  }
  getGroupApplicationList(): Promise<ChatResponse<ResponseData<'getGroupApplicationList'>>> {
    return this.call('getGroupApplicationList', undefined);
  }
  handleGroupApplication(options: In<S.Schemas['HandleGroupApplicationOptions']>): Promise<ChatResponse<ResponseData<'handleGroupApplication'>>> {
    return this.call('handleGroupApplication', options);
  }

  // ---- members ----

  addGroupMember(options: In<S.Schemas['AddGroupMemberOptions']>): Promise<ChatResponse<ResponseData<'addGroupMember'>>> {
    return this.call('addGroupMember', options);
  }
  deleteGroupMember(options: In<S.Schemas['DeleteGroupMemberOptions']>): Promise<ChatResponse<ResponseData<'deleteGroupMember'>>> {
    return this.call('deleteGroupMember', options);
  }
  setGroupMemberRole(options: In<S.Schemas['SetGroupMemberRoleOptions']>): Promise<ChatResponse<ResponseData<'setGroupMemberRole'>>> {
    return this.call('setGroupMemberRole', options);
  }
  setGroupMemberMuteTime(options: In<S.Schemas['SetGroupMemberMuteTimeOptions']>): Promise<ChatResponse<ResponseData<'setGroupMemberMuteTime'>>> {
    return this.call('setGroupMemberMuteTime', options);
  }
  setGroupMemberNameCard(options: In<S.Schemas['SetGroupMemberNameCardOptions']>): Promise<ChatResponse<ResponseData<'setGroupMemberNameCard'>>> {
    return this.call('setGroupMemberNameCard', options);
  }
  setGroupMemberCustomField(options: In<S.Schemas['SetGroupMemberCustomFieldOptions']>): Promise<ChatResponse<ResponseData<'setGroupMemberCustomField'>>> {
    return this.call('setGroupMemberCustomField', options);
  }
  getGroupMemberList(options: In<S.Schemas['GetGroupMemberListOptions']>): Promise<ChatResponse<ResponseData<'getGroupMemberList'>>> {
    return this.call('getGroupMemberList', options);
  }
  getGroupMemberProfile(options: In<S.Schemas['GetGroupMemberProfileOptions']>): Promise<ChatResponse<ResponseData<'getGroupMemberProfile'>>> {
    return this.call('getGroupMemberProfile', options);
  }
  /** The caller's own message-receiving option in a group (selfInfo.messageRemindType). */
  setMessageRemindType(options: In<S.Schemas['SetMessageRemindTypeOptions']>): Promise<ChatResponse<ResponseData<'setMessageRemindType'>>> {
    return this.call('setMessageRemindType', options);
  }

  // ---- attributes and counters ----

  initGroupAttributes(options: In<S.Schemas['GroupAttributesOptions']>): Promise<ChatResponse<ResponseData<'initGroupAttributes'>>> {
    return this.call('initGroupAttributes', options);
  }
  setGroupAttributes(options: In<S.Schemas['GroupAttributesOptions']>): Promise<ChatResponse<ResponseData<'setGroupAttributes'>>> {
    return this.call('setGroupAttributes', options);
  }
  deleteGroupAttributes(options: In<S.Schemas['GroupAttributeKeysOptions']>): Promise<ChatResponse<ResponseData<'deleteGroupAttributes'>>> {
    return this.call('deleteGroupAttributes', options);
  }
  getGroupAttributes(options: In<S.Schemas['GroupAttributeKeysOptions']>): Promise<ChatResponse<ResponseData<'getGroupAttributes'>>> {
    return this.call('getGroupAttributes', options);
  }
  setGroupCounters(options: In<S.Schemas['SetGroupCountersOptions']>): Promise<ChatResponse<ResponseData<'setGroupCounters'>>> {
    return this.call('setGroupCounters', options);
  }
  increaseGroupCounter(options: In<S.Schemas['ChangeGroupCounterOptions']>): Promise<ChatResponse<ResponseData<'increaseGroupCounter'>>> {
    return this.call('increaseGroupCounter', options);
  }
  decreaseGroupCounter(options: In<S.Schemas['ChangeGroupCounterOptions']>): Promise<ChatResponse<ResponseData<'decreaseGroupCounter'>>> {
    return this.call('decreaseGroupCounter', options);
  }
  getGroupCounters(options: In<S.Schemas['GetGroupCountersOptions']>): Promise<ChatResponse<ResponseData<'getGroupCounters'>>> {
    return this.call('getGroupCounters', options);
  }

  /** Runs a method by its SDK name: what adapters and the wire protocol use. */
  invoke(method: string, arg: unknown): Promise<ChatResponse> {
    if (!Object.prototype.hasOwnProperty.call(Chat.prototype, method) || !METHODS.has(method)) {
      return Promise.reject(new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (method: '${method}' is not a group method of the Web SDK)`));
    }
    // Through the typed method an app calls, so adapters and the wire exercise the same path; a
    // method without parameters would drop the argument, which must still be validated (10004).
    const typed = this[method as keyof Chat] as (a: unknown) => Promise<ChatResponse>;
    return typed.length === 0 && arg !== undefined ? this.untypedCall(method as UserCommandName, arg) : typed.call(this, arg);
  }

  /**
   * The cast is what the response schemas promise: the suite checks every response the simulator
   * gives against them (steps/world.ts), so a type here cannot drift from what runs.
   */
  private call<M extends UserCommandName & ResponseMethod>(name: M, input: unknown): Promise<ChatResponse<ResponseData<M>>> {
    return this.untypedCall(name, input) as Promise<ChatResponse<ResponseData<M>>>;
  }

  private untypedCall(name: UserCommandName, input: unknown): Promise<ChatResponse> {
    if (!this.loggedIn) return this.callLoggedOut(name, input);
    try {
      return this.sim.runUser(this, name, input);
    } catch (e) {
      // a defect in the simulator, never an app error: surface it, coded, instead of a TypeError
      return Promise.reject(new ChatError(2903, `UNCAUGHT_ERROR in ${name}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  private callLoggedOut(name: UserCommandName, input: unknown): Promise<ChatResponse> {
    if (!ALLOWED_LOGGED_OUT.has(name)) return Promise.reject(new ChatError(this.notReady.code, `${this.notReady.why} | ${name} | SDK is not ready`));
    // the methods allowed before login still validate their arguments, as the SDK's do
    const invalid = validateUser(name, input);
    if (invalid !== undefined) return Promise.reject(ChatError.from(invalid));
    if (name === 'getGroupOnlineMemberCount') return Promise.resolve({ code: 0, data: { memberCount: 0 } });
    if (name === 'quitGroup') return Promise.reject(new ChatError(ERR.MEMBER_NOT_IN_GRP, `The user is not in the group (groupID: ${String(input)})`));
    const groupID = typeof input === 'object' && input !== null ? (input as { groupID?: unknown }).groupID : undefined;
    const seen = typeof groupID === 'string' ? this.sim.anonymousView(groupID) : undefined;
    if (seen?.type !== 'AVChatRoom') {
      return Promise.reject(new ChatError(ERR.CANNOT_JOIN_NON_AV_WITHOUT_LOGIN, 'Non-AVChatRoom groups cannot be joined anonymously; log in first (groupID)'));
    }
    // an anonymous viewer is not a member: nothing is counted or stored
    return Promise.resolve({ code: 0, data: { status: 'JoinedSuccess', group: seen.group } });
  }
}

export const METHODS: ReadonlySet<string> = new Set([
  'createGroup', 'joinGroup', 'quitGroup', 'dismissGroup', 'changeGroupOwner', 'getGroupList', 'getGroupProfile',
  'updateGroupProfile', 'searchGroupByID', 'getGroupOnlineMemberCount', 'getGroupApplicationList', 'handleGroupApplication',
  'addGroupMember', 'deleteGroupMember', 'setGroupMemberRole', 'setGroupMemberMuteTime', 'setGroupMemberNameCard',
  'setGroupMemberCustomField', 'getGroupMemberList', 'getGroupMemberProfile', 'setMessageRemindType', 'initGroupAttributes', 'setGroupAttributes',
  'deleteGroupAttributes', 'getGroupAttributes', 'setGroupCounters', 'increaseGroupCounter', 'decreaseGroupCounter', 'getGroupCounters',
] satisfies UserCommandName[]);
