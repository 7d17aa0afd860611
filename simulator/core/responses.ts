/**
 * zod schemas of what each Web SDK group method resolves with (`data`), from reference-sdk-surface
 * §5 and §7 and the vendor typings' `Group` and `GroupMember` (@tencentcloud/chat 3.6.6,
 * index.d.ts). One source for two uses:
 * - at run time the suite checks every successful response against them (steps/world.ts), so an
 *   implementation that returns malformed data fails with the schema issue named, rather than with
 *   a confusing step failure; the simulator's own responses pass that check in every feature run;
 * - at compile time `ResponseData<M>` (their `z.output`) types `data` on the simulator's `Chat` and
 *   the drop-in, where the vendor typings say only `Promise<any>`.
 * Objects use zod's default (strip) mode: extra fields pass the check (implementations may carry
 * more than the SDK documents), and the types have no index signature, so a misspelt field is a
 * compile error rather than `unknown`. Fields the vendor typings type as `any` (`lastMessage`,
 * `selfInfo`) get the shape the simulator returns, every field optional where a real SDK may omit it.
 */
import { z } from 'zod';

const kv = z.object({ key: z.string(), value: z.string() });
const Role = z.string();
const SelfInfo = z.object({
  role: Role.optional(),
  messageRemindType: z.string().optional(),
  joinTime: z.number().optional(),
  nameCard: z.string().optional(),
  userID: z.string().optional(),
  memberCustomField: z.array(kv).optional(),
});
const LastMessage = z.object({
  lastTime: z.number().optional(),
  lastSequence: z.number().optional(),
  fromAccount: z.string().optional(),
  messageForShow: z.string().optional(),
});
export const Group = z.object({
  groupID: z.string().min(1),
  name: z.string(),
  type: z.enum(['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community']),
  avatar: z.string(),
  introduction: z.string(),
  notification: z.string(),
  ownerID: z.string(),
  createTime: z.number(),
  infoSequence: z.number(),
  lastInfoTime: z.number(),
  nextMessageSeq: z.number(),
  memberCount: z.number().int().nonnegative(),
  maxMemberCount: z.number().int().nonnegative(),
  joinOption: z.string(),
  /** not in the vendor typings' Group; the SDK and REST give it, the simulator always */
  inviteOption: z.string().optional(),
  muteAllMembers: z.boolean(),
  groupCustomField: z.array(kv),
  isSupportTopic: z.boolean(),
  lastMessage: LastMessage,
  selfInfo: SelfInfo,
});
export const GroupMember = z.object({
  userID: z.string().min(1),
  avatar: z.string(),
  nick: z.string(),
  role: Role,
  joinTime: z.number(),
  nameCard: z.string(),
  muteUntil: z.number(),
  memberCustomField: z.array(kv),
});
/** What an AVChatRoom's member list gives: it stores no roles, name cards or custom fields. */
const AVMember = z.object({
  userID: z.string().min(1),
  nick: z.string(),
  avatar: z.string(),
  joinTime: z.number(),
  // absent, but declared, so `m.role` reads as `string | undefined` on a list of either kind
  role: Role.optional(),
  nameCard: z.string().optional(),
  muteUntil: z.number().optional(),
  memberCustomField: z.array(kv).optional(),
});
const GroupID = z.object({ groupID: z.string().min(1) });
const WithGroup = z.object({ group: Group });
const WithMember = z.object({ group: Group, member: GroupMember });
const Application = z.object({
  applicant: z.string(),
  applicantNick: z.string(),
  groupID: z.string(),
  groupName: z.string(),
  // 0 a join request, 2 an invitation awaiting approval: the types handleGroupApplication takes (1 is refused there)
  applicationType: z.union([z.literal(0), z.literal(2)]),
  userID: z.string(),
  messageKey: z.union([z.string(), z.number()]),
  authentication: z.string(),
  note: z.string(),
});
const Attributes = z.object({ groupAttributes: z.record(z.string(), z.string()) });
const Counters = z.object({ counters: z.record(z.string(), z.number()) });

export const RESPONSES = {
  createGroup: z.object({ group: Group, overLimitUserIDList: z.array(z.string()) }),
  joinGroup: z.union([
    z.object({ status: z.literal('JoinedSuccess'), group: Group }),
    z.object({ status: z.literal('WaitAdminApproval') }),
    z.object({ status: z.literal('AlreadyInGroup') }),
  ]),
  quitGroup: GroupID,
  dismissGroup: GroupID,
  changeGroupOwner: WithGroup,
  getGroupList: z.object({ groupList: z.array(Group), isSyncCompleted: z.boolean().optional() }),
  getGroupProfile: WithGroup,
  updateGroupProfile: WithGroup,
  searchGroupByID: WithGroup,
  addGroupMember: z.object({
    successUserIDList: z.array(z.string()),
    failureUserIDList: z.array(z.string()),
    existedUserIDList: z.array(z.string()),
    overLimitUserIDList: z.array(z.string()),
    group: Group.optional(),
  }),
  deleteGroupMember: z.object({ group: Group, userIDList: z.array(z.string()) }),
  setGroupMemberRole: WithMember,
  setGroupMemberMuteTime: WithMember,
  setGroupMemberNameCard: WithMember,
  setGroupMemberCustomField: WithMember,
  getGroupMemberList: z.object({ memberList: z.array(z.union([GroupMember, AVMember])), offset: z.union([z.number(), z.string()]) }),
  getGroupMemberProfile: z.object({ memberList: z.array(GroupMember) }),
  setMessageRemindType: z.object({}),
  getGroupApplicationList: z.object({ applicationList: z.array(Application) }),
  handleGroupApplication: WithGroup,
  getGroupOnlineMemberCount: z.object({ memberCount: z.number().int().nonnegative() }),
  initGroupAttributes: Attributes,
  setGroupAttributes: Attributes,
  deleteGroupAttributes: z.object({ keyList: z.array(z.string()) }),
  getGroupAttributes: Attributes,
  setGroupCounters: Counters,
  increaseGroupCounter: Counters,
  decreaseGroupCounter: Counters,
  getGroupCounters: Counters,
};
export type ResponseMethod = keyof typeof RESPONSES;
/** What a group method's promise resolves with as `data`. */
export type ResponseData<M extends ResponseMethod> = z.output<(typeof RESPONSES)[M]>;
export type GroupData = z.output<typeof Group>;
export type GroupMemberData = z.output<typeof GroupMember>;

/** The first schema issue of a method's response, or undefined when it conforms (or has no schema). */
export function responseIssue(method: string, data: unknown): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(RESPONSES, method)) return undefined;
  const r = RESPONSES[method as ResponseMethod].safeParse(data);
  if (r.success) return undefined;
  const i = r.error.issues[0]!;
  return `${method} response does not match the SDK's shape at ${i.path.length === 0 ? 'data' : `data.${i.path.join('.')}`}: ${i.message}`;
}
