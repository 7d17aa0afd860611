/**
 * zod schemas for every option object the SDK-shaped API and the admin API take, and for the
 * responses they give. Option schemas are strict at the top level: a misspelt option is a bug in
 * the caller that the real SDK would silently ignore, and a fake that ignores it hides the bug.
 * Nested `application`/`message` objects pass through, because apps hand back what the SDK gave them.
 */
import { z } from 'zod';

const str = z.string();
const kv = z.strictObject({ key: str, value: str });
/** A required string the SDK's validator accepts: it treats '' as missing. */
const reqStr = z.string().min(1, 'is required');
const int = z.number().int().finite();

export const CreateGroupOptions = z.strictObject({
  name: reqStr,
  // type and groupID are checked by the SDK-side rules (2600, 2602), not by the shape
  type: z.unknown().optional(),
  groupID: str.optional(),
  introduction: str.optional(),
  notification: str.optional(),
  avatar: str.optional(),
  maxMemberNum: int.positive().optional(),
  joinOption: z.enum(['FreeAccess', 'NeedPermission', 'DisableApply']).optional(),
  inviteOption: z.enum(['FreeAccess', 'NeedPermission', 'DisableInvite']).optional(),
  memberList: z
    .array(z.strictObject({ userID: reqStr, role: str.optional(), memberCustomField: z.array(kv).optional() }))
    .optional(),
  groupCustomField: z.array(kv).optional(),
  isSupportTopic: z.boolean().optional(),
});

export const JoinGroupOptions = z.strictObject({
  groupID: reqStr,
  applyMessage: str.optional(),
  type: str.optional(),
});

export const GroupIDArg = reqStr;

export const GetGroupListOptions = z
  .strictObject({ groupProfileFilter: z.array(str).optional() })
  .optional();

export const GetGroupProfileOptions = z.strictObject({
  groupID: reqStr,
  groupCustomFieldFilter: z.array(str).optional(),
  memberCustomFieldFilter: z.array(str).optional(),
});

export const SetMessageRemindTypeOptions = z.strictObject({
  groupID: reqStr,
  messageRemindType: z.enum(['AcceptAndNotify', 'AcceptNotNotify', 'Discard']),
});

export const UpdateGroupProfileOptions = z.strictObject({
  groupID: reqStr,
  name: z.string().min(1, 'must not be empty').optional(),
  avatar: str.optional(),
  introduction: str.optional(),
  notification: str.optional(),
  maxMemberNum: int.positive().optional(),
  muteAllMembers: z.boolean().optional(),
  joinOption: z.enum(['FreeAccess', 'NeedPermission', 'DisableApply']).optional(),
  inviteOption: z.enum(['FreeAccess', 'NeedPermission', 'DisableInvite']).optional(),
  groupCustomField: z.array(kv).optional(),
});

export const ChangeGroupOwnerOptions = z.strictObject({ groupID: reqStr, newOwnerID: reqStr });

const userIDList = z.array(reqStr).min(1, 'must name at least one user');

export const AddGroupMemberOptions = z.strictObject({ groupID: reqStr, userIDList });

export const DeleteGroupMemberOptions = z.strictObject({
  groupID: reqStr,
  userIDList,
  reason: str.optional(),
  duration: int.nonnegative().optional(),
});

export const SetGroupMemberRoleOptions = z.strictObject({ groupID: reqStr, userID: reqStr, role: reqStr });

export const SetGroupMemberMuteTimeOptions = z.strictObject({
  groupID: reqStr,
  userID: reqStr,
  muteTime: int.nonnegative().max(4294967295),
});

export const SetGroupMemberNameCardOptions = z.strictObject({ groupID: reqStr, nameCard: str, userID: reqStr.optional() });

export const SetGroupMemberCustomFieldOptions = z.strictObject({
  groupID: reqStr,
  memberCustomField: z.array(kv).min(1, 'is required'),
  userID: reqStr.optional(),
});

export const GetGroupMemberListOptions = z.strictObject({
  groupID: reqStr,
  count: int.nonnegative().optional(),
  offset: z.union([int.nonnegative(), str]).optional(),
  role: z.enum(['Owner', 'Admin', 'Member', 'Custom']).optional(),
  filter: int.optional(),
});

export const GetGroupMemberProfileOptions = z.strictObject({
  groupID: reqStr,
  userIDList,
  memberCustomFieldFilter: z.array(str).optional(),
});

/** An application as getGroupApplicationList returns it; extra keys an app adds are kept. */
const ApplicationRef = z.looseObject({
  groupID: reqStr,
  applicationType: z.union([z.literal(0), z.literal(2)]),
  messageKey: z.union([str, int]),
});
/** A join-request system notice message as MESSAGE_RECEIVED delivered it. */
const NoticeMessageRef = z.looseObject({
  payload: z.looseObject({ messageKey: z.union([str, int]), groupProfile: z.looseObject({ groupID: reqStr }) }),
});

export const HandleGroupApplicationOptions = z
  .strictObject({
    handleAction: z.enum(['Agree', 'Reject']),
    handleMessage: str.optional(),
    message: NoticeMessageRef.optional(),
    application: ApplicationRef.optional(),
  })
  .refine((o) => o.message !== undefined || o.application !== undefined, {
    message: 'needs `message` or `application`',
    path: ['application'],
  });

const attributes = z.record(str, str);
export const GroupAttributesOptions = z.strictObject({ groupID: reqStr, groupAttributes: attributes });
export const GroupAttributeKeysOptions = z.strictObject({ groupID: reqStr, keyList: z.array(str) });

const counterValue = int.refine((v) => Number.isSafeInteger(v), 'must be a safe integer');
export const SetGroupCountersOptions = z.strictObject({ groupID: reqStr, counters: z.record(str, counterValue) });
export const ChangeGroupCounterOptions = z.strictObject({
  groupID: reqStr,
  key: reqStr,
  value: counterValue.refine((v) => v !== 0, 'is required (0 counts as missing)'),
});
export const GetGroupCountersOptions = z.strictObject({ groupID: reqStr, keyList: z.array(str).optional() });

export const LoginOptions = z
  .strictObject({ device: reqStr.optional(), unlimitedAVChatRoom: z.boolean().optional() })
  .optional();

// ---- app admin (REST) options ----

export const AdminCreateGroupOptions = z.strictObject({
  type: z.enum(['Private', 'Work', 'Public', 'ChatRoom', 'Meeting', 'AVChatRoom', 'Community']),
  name: reqStr,
  ownerAccount: reqStr.optional(),
  groupID: str.optional(),
  introduction: str.optional(),
  notification: str.optional(),
  avatar: str.optional(),
  maxMemberNum: int.positive().optional(),
  joinOption: z.enum(['FreeAccess', 'NeedPermission', 'DisableApply']).optional(),
  inviteOption: z.enum(['FreeAccess', 'NeedPermission', 'DisableInvite']).optional(),
  memberList: z.array(z.strictObject({ userID: reqStr, role: z.enum(['Admin', 'Member']).optional() })).optional(),
  isSupportTopic: z.boolean().optional(),
});

export const AdminAddMemberOptions = z.strictObject({ groupID: reqStr, userIDList, silence: z.boolean().optional() });
export const AdminDeleteMemberOptions = z.strictObject({
  groupID: reqStr,
  userIDList,
  reason: str.optional(),
  silence: z.boolean().optional(),
});
export const AdminChangeOwnerOptions = z.strictObject({ groupID: reqStr, newOwnerID: reqStr });
export const AdminModifyBaseInfoOptions = UpdateGroupProfileOptions;
export const AdminModifyMemberInfoOptions = z.strictObject({
  groupID: reqStr,
  userID: reqStr,
  role: z.enum(['Admin', 'Member']).optional(),
  nameCard: str.optional(),
  muteTime: int.nonnegative().max(4294967295).optional(),
  memberCustomField: z.array(kv).optional(),
});
export const AdminForbidSendMsgOptions = z.strictObject({
  groupID: reqStr,
  userIDList,
  muteTime: int.nonnegative().max(4294967295),
});
export const AdminImportAccountOptions = z.strictObject({ userID: reqStr, nick: str.optional(), avatar: str.optional() });
export const AdminSystemNotificationOptions = z.strictObject({
  groupID: reqStr,
  content: reqStr,
  toMembers: z.array(reqStr).max(50).optional(),
});

/** Renders the first zod issue as `field: reason`, the form every validation message takes. */
export function describeIssue(error: z.ZodError): { field: string; detail: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: 'options', detail: 'invalid' };
  const field = issue.path.length === 0 ? 'options' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  let detail = issue.message;
  if (issue.code === 'unrecognized_keys') detail = `unknown option ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  return { field, detail };
}
