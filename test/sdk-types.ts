/**
 * Compile-time contract between groupspec's `Chat` and the real Web SDK typings
 * (`@tencentcloud/chat` 3.6.6, `index.d.ts`). Nothing here runs: `npm run typecheck`
 * (`tsc -p tsconfig.json`, which includes test/) fails if a check fails.
 *
 * 1. Methods: `Chat` is assignable to `Pick<ChatSDK, GroupMethod>`, as a whole and method by
 *    method, so code typed against `ChatSDK` can be handed a simulator `Chat`. TypeScript compares
 *    method parameters bivariantly, so this alone is weak; hence 2.
 * 2. Options: for every method that takes an argument, the SDK's parameter type is assignable to
 *    the simulator's, so anything the SDK typings accept also compiles against the simulator.
 *
 * Every check holds: the simulator widens the options the SDK types as its nominal `TYPES` enum
 * (`type`, `role`, `joinOption`, `inviteOption`, `handleAction`) to `string | number` and accepts
 * any object as `message`; zod checks the values at run time. The narrower checks in section 3
 * show what an app actually writes (the SDK's own enum members) compiles too.
 *
 * `ChatSDK` is imported by name: under NodeNext the default import can type as a namespace
 * (reference-sdk-surface.md §9). This file is CommonJS, where the default import's enum types
 * (`TencentCloudChat.TYPES.X`) resolve.
 * 4. Responses: the typings say `Promise<any>`; groupspec types `data` per method from the zod
 *    response schemas (simulator/core/responses.ts, checked against every answer at run time), holds
 *    the core's return types to them, and shows with `@ts-expect-error` that misuse does not compile.
 */
import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK, Message } from '@tencentcloud/chat';
import type { AppAdmin, Chat } from '../simulator';
import type { AdminCommandName, UserCommandName, UserResult } from '../simulator/core';
import type { ResponseData, ResponseMethod } from '../simulator/core/responses';
import type { DropInChat } from '../simulator/sdk/drop-in/instance';

/** Compiles only if `T` is assignable to `U`. */
type Assignable<T extends U, U> = T;

/** The `TencentCloudChat.TYPES` members an app passes where an option means a join option. */
type SdkJoinOption =
  | typeof TencentCloudChat.TYPES.JOIN_OPTIONS_FREE_ACCESS
  | typeof TencentCloudChat.TYPES.JOIN_OPTIONS_NEED_PERMISSION
  | typeof TencentCloudChat.TYPES.JOIN_OPTIONS_DISABLE_APPLY;
/** ... a member role. */
type SdkRole =
  | typeof TencentCloudChat.TYPES.GRP_MBR_ROLE_OWNER
  | typeof TencentCloudChat.TYPES.GRP_MBR_ROLE_ADMIN
  | typeof TencentCloudChat.TYPES.GRP_MBR_ROLE_MEMBER
  | typeof TencentCloudChat.TYPES.GRP_MBR_ROLE_CUSTOM;
/** ... a group type (the typings lack the legacy GRP_PRIVATE / GRP_CHATROOM aliases). */
type SdkGroupType =
  | typeof TencentCloudChat.TYPES.GRP_WORK
  | typeof TencentCloudChat.TYPES.GRP_PUBLIC
  | typeof TencentCloudChat.TYPES.GRP_MEETING
  | typeof TencentCloudChat.TYPES.GRP_AVCHATROOM
  | typeof TencentCloudChat.TYPES.GRP_COMMUNITY;

/** The SDK's option type for `M`, with the fields in `K` replaced by `R`. */
type SdkOptionWith<M extends keyof ChatSDK, K extends keyof Parameters<ChatSDK[M]>[0], R> = Omit<Parameters<ChatSDK[M]>[0], K> & R;

// ---- 1. methods ----

type GroupMethod =
  | 'createGroup'
  | 'joinGroup'
  | 'quitGroup'
  | 'dismissGroup'
  | 'changeGroupOwner'
  | 'getGroupList'
  | 'getGroupProfile'
  | 'updateGroupProfile'
  | 'searchGroupByID'
  | 'addGroupMember'
  | 'deleteGroupMember'
  | 'setGroupMemberRole'
  | 'setGroupMemberMuteTime'
  | 'setGroupMemberNameCard'
  | 'setGroupMemberCustomField'
  | 'getGroupMemberList'
  | 'getGroupMemberProfile'
  | 'getGroupApplicationList'
  | 'handleGroupApplication'
  | 'getGroupOnlineMemberCount'
  | 'initGroupAttributes'
  | 'setGroupAttributes'
  | 'deleteGroupAttributes'
  | 'getGroupAttributes'
  | 'setGroupCounters'
  | 'increaseGroupCounter'
  | 'decreaseGroupCounter'
  | 'getGroupCounters'
  | 'on'
  | 'off'
  | 'logout';


/** The whole contract at once. */
export type ChatImplementsGroupSDK = Assignable<Chat, Pick<ChatSDK, GroupMethod>>;

/**
 * The same, one method per line, so a failure names the method. Method parameters are compared
 * bivariantly, so a method fails here only when the option types are incompatible both ways.
 * The reverse direction fails for every field the typings declare as `TencentCloudChat.TYPES`,
 * because the enum is nominal: a plain string such as 'FreeAccess' is not assignable to it.
 */
export type MethodChecks = [
  Assignable<Chat['createGroup'], ChatSDK['createGroup']>,
  Assignable<Chat['joinGroup'], ChatSDK['joinGroup']>,
  Assignable<Chat['quitGroup'], ChatSDK['quitGroup']>,
  Assignable<Chat['dismissGroup'], ChatSDK['dismissGroup']>,
  Assignable<Chat['changeGroupOwner'], ChatSDK['changeGroupOwner']>,
  Assignable<Chat['getGroupList'], ChatSDK['getGroupList']>,
  Assignable<Chat['getGroupProfile'], ChatSDK['getGroupProfile']>,
  Assignable<Chat['updateGroupProfile'], ChatSDK['updateGroupProfile']>,
  Assignable<Chat['searchGroupByID'], ChatSDK['searchGroupByID']>,
  Assignable<Chat['addGroupMember'], ChatSDK['addGroupMember']>,
  Assignable<Chat['deleteGroupMember'], ChatSDK['deleteGroupMember']>,
  Assignable<Chat['setGroupMemberRole'], ChatSDK['setGroupMemberRole']>,
  Assignable<Chat['setGroupMemberMuteTime'], ChatSDK['setGroupMemberMuteTime']>,
  Assignable<Chat['setGroupMemberNameCard'], ChatSDK['setGroupMemberNameCard']>,
  Assignable<Chat['setGroupMemberCustomField'], ChatSDK['setGroupMemberCustomField']>,
  Assignable<Chat['getGroupMemberList'], ChatSDK['getGroupMemberList']>,
  Assignable<Chat['getGroupMemberProfile'], ChatSDK['getGroupMemberProfile']>,
  Assignable<Chat['getGroupApplicationList'], ChatSDK['getGroupApplicationList']>,
  Assignable<Chat['handleGroupApplication'], ChatSDK['handleGroupApplication']>,
  Assignable<Chat['getGroupOnlineMemberCount'], ChatSDK['getGroupOnlineMemberCount']>,
  Assignable<Chat['initGroupAttributes'], ChatSDK['initGroupAttributes']>,
  Assignable<Chat['setGroupAttributes'], ChatSDK['setGroupAttributes']>,
  Assignable<Chat['deleteGroupAttributes'], ChatSDK['deleteGroupAttributes']>,
  Assignable<Chat['getGroupAttributes'], ChatSDK['getGroupAttributes']>,
  Assignable<Chat['setGroupCounters'], ChatSDK['setGroupCounters']>,
  Assignable<Chat['increaseGroupCounter'], ChatSDK['increaseGroupCounter']>,
  Assignable<Chat['decreaseGroupCounter'], ChatSDK['decreaseGroupCounter']>,
  Assignable<Chat['getGroupCounters'], ChatSDK['getGroupCounters']>,
  Assignable<Chat['on'], ChatSDK['on']>,
  Assignable<Chat['off'], ChatSDK['off']>,
  Assignable<Chat['logout'], ChatSDK['logout']>,
];

// ---- 2. options: what the SDK accepts, the simulator accepts ----

export type OptionChecks = [
  Assignable<Parameters<ChatSDK['createGroup']>[0], Parameters<Chat['createGroup']>[0]>,
  Assignable<Parameters<ChatSDK['joinGroup']>[0], Parameters<Chat['joinGroup']>[0]>,
  Assignable<Parameters<ChatSDK['quitGroup']>[0], Parameters<Chat['quitGroup']>[0]>,
  Assignable<Parameters<ChatSDK['dismissGroup']>[0], Parameters<Chat['dismissGroup']>[0]>,
  Assignable<Parameters<ChatSDK['changeGroupOwner']>[0], Parameters<Chat['changeGroupOwner']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupList']>, Parameters<Chat['getGroupList']>>, // takes no argument in the SDK
  Assignable<Parameters<ChatSDK['getGroupProfile']>[0], Parameters<Chat['getGroupProfile']>[0]>,
  Assignable<Parameters<ChatSDK['updateGroupProfile']>[0], Parameters<Chat['updateGroupProfile']>[0]>,
  Assignable<Parameters<ChatSDK['searchGroupByID']>[0], Parameters<Chat['searchGroupByID']>[0]>,
  Assignable<Parameters<ChatSDK['addGroupMember']>[0], Parameters<Chat['addGroupMember']>[0]>,
  Assignable<Parameters<ChatSDK['deleteGroupMember']>[0], Parameters<Chat['deleteGroupMember']>[0]>,
  Assignable<Parameters<ChatSDK['setGroupMemberRole']>[0], Parameters<Chat['setGroupMemberRole']>[0]>,
  Assignable<Parameters<ChatSDK['setGroupMemberMuteTime']>[0], Parameters<Chat['setGroupMemberMuteTime']>[0]>,
  Assignable<Parameters<ChatSDK['setGroupMemberNameCard']>[0], Parameters<Chat['setGroupMemberNameCard']>[0]>,
  Assignable<Parameters<ChatSDK['setGroupMemberCustomField']>[0], Parameters<Chat['setGroupMemberCustomField']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupMemberList']>[0], Parameters<Chat['getGroupMemberList']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupMemberProfile']>[0], Parameters<Chat['getGroupMemberProfile']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupApplicationList']>, Parameters<Chat['getGroupApplicationList']>>, // no argument
  Assignable<Parameters<ChatSDK['handleGroupApplication']>[0], Parameters<Chat['handleGroupApplication']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupOnlineMemberCount']>[0], Parameters<Chat['getGroupOnlineMemberCount']>[0]>,
  Assignable<Parameters<ChatSDK['initGroupAttributes']>[0], Parameters<Chat['initGroupAttributes']>[0]>,
  Assignable<Parameters<ChatSDK['setGroupAttributes']>[0], Parameters<Chat['setGroupAttributes']>[0]>,
  Assignable<Parameters<ChatSDK['deleteGroupAttributes']>[0], Parameters<Chat['deleteGroupAttributes']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupAttributes']>[0], Parameters<Chat['getGroupAttributes']>[0]>,
  Assignable<Parameters<ChatSDK['setGroupCounters']>[0], Parameters<Chat['setGroupCounters']>[0]>,
  Assignable<Parameters<ChatSDK['increaseGroupCounter']>[0], Parameters<Chat['increaseGroupCounter']>[0]>,
  Assignable<Parameters<ChatSDK['decreaseGroupCounter']>[0], Parameters<Chat['decreaseGroupCounter']>[0]>,
  Assignable<Parameters<ChatSDK['getGroupCounters']>[0], Parameters<Chat['getGroupCounters']>[0]>,
  Assignable<Parameters<ChatSDK['on']>[0], Parameters<Chat['on']>[0]>,
  Assignable<Parameters<ChatSDK['on']>[1], Parameters<Chat['on']>[1]>,
  Assignable<Parameters<ChatSDK['on']>[2], Parameters<Chat['on']>[2]>,
  Assignable<Parameters<ChatSDK['off']>[0], Parameters<Chat['off']>[0]>,
  Assignable<Parameters<ChatSDK['off']>[1], Parameters<Chat['off']>[1]>,
  Assignable<Parameters<ChatSDK['off']>[2], Parameters<Chat['off']>[2]>,
  Assignable<Parameters<ChatSDK['logout']>, Parameters<Chat['logout']>>, // no argument
];

/**
 * What the deviations leave: the SDK's option types with each over-broad field narrowed to what an
 * app writes, i.e. the `TencentCloudChat.TYPES` members the SDK documents for it, or the literal
 * values. These do compile against the simulator.
 */
export type SdkAsWrittenChecks = [
  Assignable<SdkOptionWith<'createGroup', 'joinOption', { joinOption?: SdkJoinOption }>, Parameters<Chat['createGroup']>[0]>,
  Assignable<SdkOptionWith<'joinGroup', 'type', { type?: SdkGroupType }>, Parameters<Chat['joinGroup']>[0]>,
  Assignable<SdkOptionWith<'updateGroupProfile', 'joinOption', { joinOption?: SdkJoinOption }>, Parameters<Chat['updateGroupProfile']>[0]>,
  Assignable<SdkOptionWith<'setGroupMemberRole', 'role', { role: SdkRole }>, Parameters<Chat['setGroupMemberRole']>[0]>,
  Assignable<SdkOptionWith<'getGroupMemberList', 'role', { role?: SdkRole }>, Parameters<Chat['getGroupMemberList']>[0]>,
  // handleGroupApplication with the `application` an app got from getGroupApplicationList
  Assignable<
    SdkOptionWith<'handleGroupApplication', 'handleAction' | 'message', { handleAction: 'Agree' | 'Reject' }>,
    Parameters<Chat['handleGroupApplication']>[0]
  >,
  Assignable<Message, NonNullable<Parameters<Chat['handleGroupApplication']>[0]['message']>>,
  // under `strict`, a handler passed to the SDK's `on(…, handler: Function)` needs its parameter annotated
  Assignable<(event: any) => void, Parameters<Chat['on']>[1]>,
  Assignable<(event: any) => void, Parameters<Chat['off']>[1]>,
];

// ---- 4. responses: `data` is typed per method, never `any` ----

/** Compiles only if every member of the union is `true`: a failing check leaves its method's name there. */
type True<T extends true> = T;
type IsAny<T> = 0 extends 1 & T ? true : false;
/** true when some field of `D` is `any`. */
type AnyField<D> = true extends { [F in keyof D]-?: IsAny<D[F]> }[keyof D] ? true : false;
type DataOf<M extends keyof Chat> = Chat[M] extends (...args: never[]) => Promise<{ data: infer D }> ? D : never;
type ChatGroupMethod = Exclude<GroupMethod, 'on' | 'off' | 'logout'> | 'setMessageRemindType';

/** Every group method's `data`, and each field of it, is a type, not `any` (a failure names the method). */
export type ResponseChecks = True<{ [M in ChatGroupMethod]: IsAny<DataOf<M>> extends true ? M : AnyField<DataOf<M>> extends true ? M : true }[ChatGroupMethod]>;

/**
 * One source: what the simulator's core returns for each command meets the response schema that
 * types it (and that the suite checks every implementation's answer against at run time).
 */
export type CoreMeetsSchemas = True<{ [M in UserCommandName]: [UserResult<M>] extends [ResponseData<M>] ? true : M }[UserCommandName]>;
/** The schemas cover exactly the simulator's user commands. */
export type SchemaCoverage = [Assignable<UserCommandName, ResponseMethod>, Assignable<ResponseMethod, UserCommandName>];

/** The drop-in's group methods resolve with the same types. */
export type DropInResponses = True<{ [M in ChatGroupMethod]: [ReturnType<DropInChat[M]>] extends [ReturnType<Chat[M]>] ? true : M }[ChatGroupMethod]>;

/** The app admin's responses are typed too (by the core command's return type). */
type AdminDataOf<M extends AdminCommandName> = Awaited<ReturnType<AppAdmin[M]>>['data'];
export type AdminResponseChecks = True<{ [M in AdminCommandName]: IsAny<AdminDataOf<M>> extends true ? M : AnyField<AdminDataOf<M>> extends true ? M : true }[AdminCommandName]>;

/**
 * What an app writes compiles under strict, and misuse does not: each `@ts-expect-error` line below
 * fails the type-check if it compiles (an unused directive is an error).
 */
export async function usage(chat: Chat, admin: AppAdmin): Promise<void> {
  const r = await chat.createGroup({ name: 'x', type: 'Public' });
  const id: string = r.data.group.groupID;
  const count: number = r.data.group.memberCount;
  const groupType: 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community' = r.data.group.type;
  // @ts-expect-error a group ID is a string
  const wrong: number = r.data.group.groupID;
  // @ts-expect-error a misspelt field is an error, not `any` or `unknown`
  void r.data.group.groupId;
  // @ts-expect-error createGroup's data has no memberList
  void r.data.memberList;

  const joined = await chat.joinGroup({ groupID: id });
  // @ts-expect-error only a JoinedSuccess answer carries the group: narrow on status first
  void joined.data.group.groupID;
  if (joined.data.status === 'JoinedSuccess') void joined.data.group.groupID;

  const members = await chat.getGroupMemberList({ groupID: id });
  const ids: string[] = members.data.memberList.map((m) => m.userID);
  // an AVChatRoom's list has no roles: the role may be undefined
  const roles: Array<string | undefined> = members.data.memberList.map((m) => m.role);
  // @ts-expect-error ... so it is not a plain string
  const strictRoles: string[] = members.data.memberList.map((m) => m.role);

  const { data: { applicationList } } = await chat.getGroupApplicationList();
  for (const application of applicationList) await chat.handleGroupApplication({ handleAction: 'Agree', application });

  const created = await admin.createGroup({ type: 'Public', name: 'y' });
  const adminID: string = created.data.groupID;
  // @ts-expect-error the admin's create_group answers the ID and type, not a group profile
  void created.data.group;
  void [count, groupType, wrong, ids, roles, strictRoles, adminID];
}
