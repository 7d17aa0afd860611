/**
 * The app admin: the REST API's group powers, as promise-returning methods with the same
 * `{code, data}` / coded-error contract as the SDK, so one test style covers both.
 */
import type { z } from 'zod';
import { ChatError, ERR } from '../core/errors';
import type * as S from '../core/schemas';
import { ADMIN_COMMANDS, type AdminCommandName, type AdminResult as AdminData } from '../core';
import type { ChatResponse } from './chat';
import type { Service } from '../shell/service';

type In<T extends z.ZodType> = z.input<T>;

/** The typed methods whose REST counterpart's `{GroupId}` becomes a positional group ID. */
const BARE_GROUP_ID: ReadonlySet<string> = new Set(['destroyGroup', 'getGroupInfo']);

function isGroupIDOnly(arg: unknown): arg is { groupID: string } {
  if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return false;
  const keys = Object.keys(arg);
  return keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string';
}

export class AppAdmin {
  constructor(
    private readonly sim: Service,
    readonly adminID: string,
  ) {}

  /** `create_group`: any type, with or without an owner (`ownerAccount`), members up to 100. */
  createGroup(options: In<S.Schemas['AdminCreateGroupOptions']>): Promise<ChatResponse<AdminData<'createGroup'>>> {
    return this.call('createGroup', options);
  }
  /** `destroy_group`: any group, Work groups included. */
  destroyGroup(groupID: string): Promise<ChatResponse<AdminData<'destroyGroup'>>> {
    return this.call('destroyGroup', { groupID });
  }
  /** `change_group_owner`: any group but an AVChatRoom; gives an ownerless group an owner. */
  changeGroupOwner(options: In<S.Schemas['AdminChangeOwnerOptions']>): Promise<ChatResponse<AdminData<'changeGroupOwner'>>> {
    return this.call('changeGroupOwner', options);
  }
  addGroupMember(options: In<S.Schemas['AdminAddMemberOptions']>): Promise<ChatResponse<AdminData<'addGroupMember'>>> {
    return this.call('addGroupMember', options);
  }
  deleteGroupMember(options: In<S.Schemas['AdminDeleteMemberOptions']>): Promise<ChatResponse<AdminData<'deleteGroupMember'>>> {
    return this.call('deleteGroupMember', options);
  }
  modifyGroupBaseInfo(options: In<S.Schemas['AdminModifyBaseInfoOptions']>): Promise<ChatResponse<AdminData<'modifyGroupBaseInfo'>>> {
    return this.call('modifyGroupBaseInfo', options);
  }
  modifyGroupMemberInfo(options: In<S.Schemas['AdminModifyMemberInfoOptions']>): Promise<ChatResponse<AdminData<'modifyGroupMemberInfo'>>> {
    return this.call('modifyGroupMemberInfo', options);
  }
  forbidSendMsg(options: In<S.Schemas['AdminForbidSendMsgOptions']>): Promise<ChatResponse<AdminData<'forbidSendMsg'>>> {
    return this.call('forbidSendMsg', options);
  }
  /** `account_import`: makes a user exist without logging in. */
  importAccount(options: In<S.Schemas['AdminImportAccountOptions']>): Promise<ChatResponse<AdminData<'importAccount'>>> {
    return this.call('importAccount', options);
  }
  sendGroupSystemNotification(options: In<S.Schemas['AdminSystemNotificationOptions']>): Promise<ChatResponse<AdminData<'sendGroupSystemNotification'>>> {
    return this.call('sendGroupSystemNotification', options);
  }
  getRoleInGroup(options: { groupID: string; userIDList: string[] }): Promise<ChatResponse<AdminData<'getRoleInGroup'>>> {
    return this.call('getRoleInGroup', options);
  }
  getJoinedGroupList(options: { userID: string; withHugeGroups?: boolean }): Promise<ChatResponse<AdminData<'getJoinedGroupList'>>> {
    return this.call('getJoinedGroupList', options);
  }
  getGroupInfo(groupID: string): Promise<ChatResponse<AdminData<'getGroupInfo'>>> {
    return this.call('getGroupInfo', { groupID });
  }
  getGroupMemberInfo(options: { groupID: string; limit?: number; offset?: number }): Promise<ChatResponse<AdminData<'getGroupMemberInfo'>>> {
    return this.call('getGroupMemberInfo', options);
  }
  /** `import_group`: a group dated `createTime` (seconds), notifying nobody; not an AVChatRoom (10007). */
  importGroup(options: In<S.Schemas['AdminImportGroupOptions']>): Promise<ChatResponse<{ groupID: string; type: string; createTime: number }>> {
    return this.call('importGroup', options);
  }
  /** `import_group_member`: members with JoinTime and role, silently; `result` 0 failed, 1 imported, 2 already a member. */
  importGroupMember(options: In<S.Schemas['AdminImportGroupMemberOptions']>): Promise<ChatResponse<{ memberList: Array<{ userID: string; result: 0 | 1 | 2; reason?: string }> }>> {
    return this.call('importGroupMember', options);
  }
  /** `account_delete`: the accounts leave their groups and their devices are kicked out (docs/ambiguities.md A71). */
  deleteAccounts(options: In<S.Schemas['AdminDeleteAccountsOptions']>): Promise<ChatResponse<{ resultList: Array<{ userID: string; deleted: boolean }> }>> {
    return this.call('deleteAccounts', options);
  }
  /** `kick`: every device of the user is kicked out (KICKED_OUT, `REST_API_Kick`); later calls there fail with 3006. */
  kick(options: In<S.Schemas['AdminKickOptions']>): Promise<ChatResponse<{ userID: string }>> {
    return this.call('kick', options);
  }
  /** `group_open_avchatroom_http_svc/get_members`: an AVChatRoom's latest members (a Community's logged-in ones). */
  getAVChatRoomMembers(options: In<S.Schemas['AdminGetAVChatRoomMembersOptions']>): Promise<ChatResponse<{ memberList: Array<{ userID: string; nick: string; avatar: string; joinTime: number }>; nextTimestamp: number }>> {
    return this.call('getAVChatRoomMembers', options);
  }

  // ---- group attributes, counters and AVChatRoom bans (core/admin-store.ts) ----
  /** `modify_group_attr`: adds or updates the attributes given; members get GROUP_ATTRIBUTES_UPDATED. */
  modifyGroupAttr(options: In<S.Schemas['GroupAttributesOptions']>): Promise<ChatResponse<{ groupAttributes: Record<string, string> }>> {
    return this.call('modifyGroupAttr', options);
  }
  /** `set_group_attr` ("Resetting Group Custom Attributes"): the attributes given replace all. */
  setGroupAttr(options: In<S.Schemas['GroupAttributesOptions']>): Promise<ChatResponse<{ groupAttributes: Record<string, string> }>> {
    return this.call('setGroupAttr', options);
  }
  /** `delete_group_attr`: every key must exist (10050). */
  deleteGroupAttr(options: In<S.Schemas['GroupAttributeKeysOptions']>): Promise<ChatResponse<{ keyList: string[] }>> {
    return this.call('deleteGroupAttr', options);
  }
  /** `clear_group_attr`: removes every attribute. */
  clearGroupAttr(options: In<S.Schemas['AdminGroupIDOptions']>): Promise<ChatResponse<{ groupAttributes: Record<string, string> }>> {
    return this.call('clearGroupAttr', options);
  }
  getGroupAttr(options: In<S.Schemas['AdminGroupIDOptions']>): Promise<ChatResponse<{ groupAttributes: Record<string, string> }>> {
    return this.call('getGroupAttr', options);
  }
  /** `update_group_counter`: `mode` Set (the default), Increase or Decrease; members get GROUP_COUNTER_UPDATED per changed key. */
  updateGroupCounter(options: In<S.Schemas['AdminUpdateGroupCounterOptions']>): Promise<ChatResponse<{ counters: Record<string, number> }>> {
    return this.call('updateGroupCounter', options);
  }
  /** `delete_group_counter`: the keys given, or every counter when none is given. */
  deleteGroupCounter(options: In<S.Schemas['GetGroupCountersOptions']>): Promise<ChatResponse<{ keyList: string[] }>> {
    return this.call('deleteGroupCounter', options);
  }
  getGroupCounter(options: In<S.Schemas['GetGroupCountersOptions']>): Promise<ChatResponse<{ counters: Record<string, number> }>> {
    return this.call('getGroupCounter', options);
  }
  /** `ban_group_member`: AVChatRoom only; the banned leave the room and cannot enter for `duration` seconds. */
  banGroupMember(options: In<S.Schemas['AdminBanMemberOptions']>): Promise<ChatResponse<{ userIDList: string[] }>> {
    return this.call('banGroupMember', options);
  }
  /** `unban_group_member`: the users may enter again; answers those whose ban was running. */
  unbanGroupMember(options: In<S.Schemas['AdminUnbanMemberOptions']>): Promise<ChatResponse<{ userIDList: string[] }>> {
    return this.call('unbanGroupMember', options);
  }
  /** `get_group_ban_member`: the bans still running, paged (`limit` at most 100). */
  getGroupBanMember(options: In<S.Schemas['AdminGetBanMemberOptions']>): Promise<ChatResponse<{ bannedList: Array<{ userID: string; bannedUntil: number }>; nextOffset: number }>> {
    return this.call('getGroupBanMember', options);
  }

  /** Runs an admin command by name: what adapters and the wire protocol use. */
  invoke(method: string, arg: unknown): Promise<ChatResponse> {
    if (!Object.prototype.hasOwnProperty.call(ADMIN_COMMANDS, method)) {
      return Promise.reject(new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (method: '${method}' is not an app-admin command)`));
    }
    // Through the typed method an app calls, so adapters and the wire exercise the same path. The
    // two methods that take a bare group ID get it out of the REST-shaped `{groupID}`; any other
    // argument goes to the command as given, so it is validated (10004) rather than reshaped.
    const typed = this[method as keyof AppAdmin] as (a: unknown) => Promise<ChatResponse>;
    if (BARE_GROUP_ID.has(method)) return isGroupIDOnly(arg) ? typed.call(this, arg.groupID) : this.call(method as AdminCommandName, arg);
    return typed.call(this, arg);
  }

  private call<M extends AdminCommandName>(name: M, input: unknown): Promise<ChatResponse<AdminData<M>>> {
    // the command's own return type: what the core function for it returns (simulator/core/admin-commands.ts)
    return this.sim.runAdmin(this.adminID, name, input) as Promise<ChatResponse<AdminData<M>>>;
  }
}
