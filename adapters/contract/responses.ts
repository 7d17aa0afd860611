/**
 * zod schemas of what each Web SDK method resolves with (`data`), from reference-sdk-surface §5 and
 * §7. The suite checks every successful response against them, so an implementation that returns
 * malformed data fails with the schema issue named, rather than with a confusing step failure.
 * Objects are loose: implementations may carry more fields than the SDK documents.
 */
import { z } from 'zod';

const kv = z.looseObject({ key: z.string(), value: z.string() });
const Role = z.string();
export const Group = z.looseObject({
  groupID: z.string().min(1),
  name: z.string(),
  type: z.enum(['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community']),
  avatar: z.string(),
  introduction: z.string(),
  notification: z.string(),
  ownerID: z.string(),
  memberCount: z.number().int().nonnegative(),
  maxMemberCount: z.number().int().nonnegative(),
  joinOption: z.string(),
  muteAllMembers: z.boolean(),
  groupCustomField: z.array(kv),
  selfInfo: z.looseObject({ role: Role.optional() }),
});
export const GroupMember = z.looseObject({
  userID: z.string().min(1),
  role: Role,
  joinTime: z.number(),
  nameCard: z.string(),
  muteUntil: z.number(),
  memberCustomField: z.array(kv),
});
const AVMember = z.looseObject({ userID: z.string().min(1), joinTime: z.number() });
const GroupID = z.looseObject({ groupID: z.string().min(1) });
const WithGroup = z.looseObject({ group: Group });
const WithMember = z.looseObject({ group: Group, member: GroupMember });
const Application = z.looseObject({
  applicant: z.string(),
  groupID: z.string(),
  applicationType: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  userID: z.string(),
  messageKey: z.union([z.string(), z.number()]),
});

export const RESPONSES: Record<string, z.ZodType> = {
  createGroup: z.looseObject({ group: Group, overLimitUserIDList: z.array(z.string()) }),
  joinGroup: z.union([
    z.looseObject({ status: z.literal('JoinedSuccess'), group: Group }),
    z.looseObject({ status: z.literal('WaitAdminApproval') }),
    z.looseObject({ status: z.literal('AlreadyInGroup') }),
  ]),
  quitGroup: GroupID,
  dismissGroup: GroupID,
  changeGroupOwner: WithGroup,
  getGroupList: z.looseObject({ groupList: z.array(Group) }),
  getGroupProfile: WithGroup,
  updateGroupProfile: WithGroup,
  searchGroupByID: WithGroup,
  addGroupMember: z.looseObject({
    successUserIDList: z.array(z.string()),
    failureUserIDList: z.array(z.string()),
    existedUserIDList: z.array(z.string()),
    overLimitUserIDList: z.array(z.string()),
    group: Group.optional(),
  }),
  deleteGroupMember: z.looseObject({ group: Group, userIDList: z.array(z.string()) }),
  setGroupMemberRole: WithMember,
  setGroupMemberMuteTime: WithMember,
  setGroupMemberNameCard: WithMember,
  setGroupMemberCustomField: WithMember,
  getGroupMemberList: z.looseObject({ memberList: z.array(z.union([GroupMember, AVMember])), offset: z.union([z.number(), z.string()]) }),
  getGroupMemberProfile: z.looseObject({ memberList: z.array(GroupMember) }),
  getGroupApplicationList: z.looseObject({ applicationList: z.array(Application) }),
  handleGroupApplication: WithGroup,
  getGroupOnlineMemberCount: z.looseObject({ memberCount: z.number().int().nonnegative() }),
  initGroupAttributes: z.looseObject({ groupAttributes: z.record(z.string(), z.string()) }),
  setGroupAttributes: z.looseObject({ groupAttributes: z.record(z.string(), z.string()) }),
  deleteGroupAttributes: z.looseObject({ keyList: z.array(z.string()) }),
  getGroupAttributes: z.looseObject({ groupAttributes: z.record(z.string(), z.string()) }),
  setGroupCounters: z.looseObject({ counters: z.record(z.string(), z.number()) }),
  increaseGroupCounter: z.looseObject({ counters: z.record(z.string(), z.number()) }),
  decreaseGroupCounter: z.looseObject({ counters: z.record(z.string(), z.number()) }),
  getGroupCounters: z.looseObject({ counters: z.record(z.string(), z.number()) }),
};

/** The first schema issue of a method's response, or undefined when it conforms (or has no schema). */
export function responseIssue(method: string, data: unknown): string | undefined {
  const schema = RESPONSES[method];
  if (schema === undefined) return undefined;
  const r = schema.safeParse(data);
  if (r.success) return undefined;
  const i = r.error.issues[0]!;
  return `${method} response does not match the SDK's shape at ${i.path.length === 0 ? 'data' : `data.${i.path.join('.')}`}: ${i.message}`;
}
