/**
 * zod schemas for every option object the SDK-shaped API and the admin API take, and for the
 * responses they give. Option schemas are strict at the top level: a misspelt option is a bug in
 * the caller that the real SDK would silently ignore, and a fake that ignores it hides the bug.
 * Nested `application`/`message` objects pass through, because apps hand back what the SDK gave them.
 */
import type { z } from 'zod';
import { DEFAULT_LIMITS } from './state';
import { buildAdminImportSchemas, unixSeconds } from './admin-import-schemas';
import { adminStoreSchemas } from './admin-store-schemas';

/**
 * Keys refused in every user-supplied map (group attributes, counters, custom fields, key lists and
 * filters; createSimulator's limits): a JavaScript object cannot hold `__proto__` as an ordinary key,
 * and `constructor`/`prototype` read back from one as something nobody stored. One rule everywhere:
 * 10004 naming the field (docs/reliability.md), never dropped in silence by one method and stored by another.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
const RESERVED_MESSAGE = `is a reserved key (${RESERVED_KEYS.join(', ')} are refused in every map)`;

/** Builds every schema; `schemas()` calls it once, on the first call that validates. */
function build(z: typeof import('zod').z) {
  const str = z.string();
  const key = str.refine((k) => !RESERVED_KEYS.includes(k), RESERVED_MESSAGE);
  /** A map from keys to `value`, its keys checked on the input as given: zod's record would drop `__proto__` unseen. */
  const keyedRecord = <V extends z.ZodType>(value: V) =>
    z
      .unknown()
      .superRefine((v, ctx) => {
        if (typeof v !== 'object' || v === null) return;
        for (const k of Object.keys(v)) if (RESERVED_KEYS.includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: RESERVED_MESSAGE });
      })
      .pipe(z.record(str, value));
  const kv = z.strictObject({ key, value: str });
  /** A required string the SDK's validator accepts: it treats '' as missing. */
  const reqStr = z.string().min(1, 'is required');
  const int = z.number().int().finite();

  const CreateGroupOptions = z.strictObject({
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

  const JoinGroupOptions = z.strictObject({
    groupID: reqStr,
    applyMessage: str.optional(),
    type: str.optional(),
  });

  const GroupIDArg = reqStr;

  /** A method that takes no argument (getGroupApplicationList): anything passed is refused. */
  const NoArguments = z.undefined();

  const GetGroupListOptions = z
    .strictObject({ groupProfileFilter: z.array(str).optional() })
    .optional();

  const GetGroupProfileOptions = z.strictObject({
    groupID: reqStr,
    groupCustomFieldFilter: z.array(key).optional(),
    memberCustomFieldFilter: z.array(key).optional(),
  });

  const SetMessageRemindTypeOptions = z.strictObject({
    groupID: reqStr,
    messageRemindType: z.enum(['AcceptAndNotify', 'AcceptNotNotify', 'Discard']),
  });

  const UpdateGroupProfileOptions = z.strictObject({
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

  const ChangeGroupOwnerOptions = z.strictObject({ groupID: reqStr, newOwnerID: reqStr });

  const userIDList = z.array(reqStr).min(1, 'must name at least one user');

  const AddGroupMemberOptions = z.strictObject({ groupID: reqStr, userIDList });

  const DeleteGroupMemberOptions = z.strictObject({
    groupID: reqStr,
    userIDList,
    reason: str.optional(),
    duration: int.nonnegative().optional(),
  });

  const SetGroupMemberRoleOptions = z.strictObject({ groupID: reqStr, userID: reqStr, role: reqStr });

  const SetGroupMemberMuteTimeOptions = z.strictObject({
    groupID: reqStr,
    userID: reqStr,
    muteTime: int.nonnegative().max(4294967295),
  });

  const SetGroupMemberNameCardOptions = z.strictObject({ groupID: reqStr, nameCard: str, userID: reqStr.optional() });

  const SetGroupMemberCustomFieldOptions = z.strictObject({
    groupID: reqStr,
    memberCustomField: z.array(kv).min(1, 'is required'),
    userID: reqStr.optional(),
  });

  const GetGroupMemberListOptions = z.strictObject({
    groupID: reqStr,
    count: int.nonnegative().optional(),
    offset: z.union([int.nonnegative(), str]).optional(),
    role: z.enum(['Owner', 'Admin', 'Member', 'Custom']).optional(),
    filter: int.optional(),
  });

  const GetGroupMemberProfileOptions = z.strictObject({
    groupID: reqStr,
    userIDList,
    memberCustomFieldFilter: z.array(key).optional(),
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

  const HandleGroupApplicationOptions = z
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

  const attributes = keyedRecord(str);
  const GroupAttributesOptions = z.strictObject({ groupID: reqStr, groupAttributes: attributes });
  const GroupAttributeKeysOptions = z.strictObject({ groupID: reqStr, keyList: z.array(key) });

  const counterValue = int.refine((v) => Number.isSafeInteger(v), 'must be a safe integer');
  const SetGroupCountersOptions = z.strictObject({ groupID: reqStr, counters: keyedRecord(counterValue) });
  const ChangeGroupCounterOptions = z.strictObject({
    groupID: reqStr,
    key: reqStr.pipe(key),
    value: counterValue.refine((v) => v !== 0, 'is required (0 counts as missing)'),
  });
  const GetGroupCountersOptions = z.strictObject({ groupID: reqStr, keyList: z.array(key).optional() });

  const LoginOptions = z
    .strictObject({ device: reqStr.optional(), unlimitedAVChatRoom: z.boolean().optional() })
    .optional();

  // ---- createSimulator's options ----

  const limitNumber = z.number().int().nonnegative().or(z.literal(Number.POSITIVE_INFINITY));
  /** createSimulator's options, checked like every other input: a bad one is 10004, naming the field. */
  const SimulatorOptions = z
    .strictObject({
      clock: z.custom<{ now(): number }>((c) => typeof c === 'object' && c !== null && typeof (c as { now?: unknown }).now === 'function', 'must be an object with a now() method').optional(),
      seed: z.number().int().optional(),
      limits: z
        .strictObject({
          ...Object.fromEntries(Object.keys(DEFAULT_LIMITS).filter((k) => k !== 'memberCap').map((k) => [k, limitNumber.optional()])),
          memberCap: z.strictObject({ Private: limitNumber.optional(), Public: limitNumber.optional(), ChatRoom: limitNumber.optional(), AVChatRoom: limitNumber.optional(), Community: limitNumber.optional() }).optional(),
        })
        .optional(),
      adminUserID: z.string().min(1).optional(),
      customFields: z.strictObject({ group: z.array(z.string()).optional(), member: z.array(z.string()).optional() }).optional(),
    })
    .optional();

  // ---- app admin (REST) options ----

  const AdminCreateGroupOptions = z.strictObject({
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

  const AdminAddMemberOptions = z.strictObject({ groupID: reqStr, userIDList, silence: z.boolean().optional() });
  const AdminDeleteMemberOptions = z.strictObject({
    groupID: reqStr,
    userIDList,
    reason: str.optional(),
    silence: z.boolean().optional(),
  });
  const AdminChangeOwnerOptions = z.strictObject({ groupID: reqStr, newOwnerID: reqStr });
  const AdminModifyBaseInfoOptions = UpdateGroupProfileOptions;
  const AdminModifyMemberInfoOptions = z.strictObject({
    groupID: reqStr,
    userID: reqStr,
    role: z.enum(['Admin', 'Member']).optional(),
    nameCard: str.optional(),
    muteTime: int.nonnegative().max(4294967295).optional(),
    memberCustomField: z.array(kv).optional(),
  });
  const AdminForbidSendMsgOptions = z.strictObject({
    groupID: reqStr,
    userIDList,
    muteTime: int.nonnegative().max(4294967295),
  });
  const AdminGroupIDOptions = z.strictObject({ groupID: reqStr });
  const AdminGetRoleInGroupOptions = z.strictObject({ groupID: z.string().min(1), userIDList: z.array(z.string().min(1)).min(1).max(500) });
  const AdminGetJoinedGroupListOptions = z.strictObject({ userID: z.string().min(1), withHugeGroups: z.boolean().optional() });
  const AdminGetGroupMemberInfoOptions = z.strictObject({
    groupID: z.string().min(1),
    limit: z.number().int().positive().optional(),
    offset: z.number().int().nonnegative().optional(),
  });
  const AdminImportAccountOptions = z.strictObject({ userID: reqStr, nick: str.optional(), avatar: str.optional() });
  const AdminSystemNotificationOptions = z.strictObject({
    groupID: reqStr,
    content: reqStr,
    toMembers: z.array(reqStr).max(50).optional(),
  });

  return { CreateGroupOptions, JoinGroupOptions, GroupIDArg, NoArguments, GetGroupListOptions, GetGroupProfileOptions, SetMessageRemindTypeOptions, UpdateGroupProfileOptions, ChangeGroupOwnerOptions, AddGroupMemberOptions, DeleteGroupMemberOptions, SetGroupMemberRoleOptions, SetGroupMemberMuteTimeOptions, SetGroupMemberNameCardOptions, SetGroupMemberCustomFieldOptions, GetGroupMemberListOptions, GetGroupMemberProfileOptions, HandleGroupApplicationOptions, GroupAttributesOptions, GroupAttributeKeysOptions, SetGroupCountersOptions, ChangeGroupCounterOptions, GetGroupCountersOptions, LoginOptions, SimulatorOptions, AdminCreateGroupOptions, AdminAddMemberOptions, AdminDeleteMemberOptions, AdminChangeOwnerOptions, AdminModifyBaseInfoOptions, AdminModifyMemberInfoOptions, AdminForbidSendMsgOptions, AdminGroupIDOptions, AdminGetRoleInGroupOptions, AdminGetJoinedGroupListOptions, AdminGetGroupMemberInfoOptions, AdminImportAccountOptions, AdminSystemNotificationOptions,
    // import_group (admin-import.ts): create_group's fields less its member list (imported apart), plus custom fields and CreateTime
    AdminImportGroupOptions: AdminCreateGroupOptions.omit({ memberList: true, isSupportTopic: true }).extend({ groupCustomField: z.array(kv).optional(), createTime: unixSeconds(int).optional() }),
    ...buildAdminImportSchemas(z, { reqStr, int }),
    ...adminStoreSchemas(z, { reqStr, str, int, userIDList, counters: keyedRecord(counterValue) }),
  };
}

/** Every schema, by name. */
export type Schemas = ReturnType<typeof build>;
export type SchemaName = keyof Schemas;

let built: Schemas | undefined;
/**
 * The schemas, built on first use rather than on import: zod is about a megabyte of JavaScript,
 * whose compilation was most of `require('groupspec')`'s time (docs/performance.md, "Import time").
 */
export function schemas(): Schemas {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (built ??= build((require('zod') as typeof import('zod')).z));
}

/** Renders the first zod issue as `field: reason`, the form every validation message takes. */
export function describeIssue(error: z.ZodError): { field: string; detail: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: 'options', detail: 'invalid' };
  const field = issue.path.length === 0 ? 'options' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  let detail = issue.message;
  if (issue.code === 'unrecognized_keys') detail = `unknown option ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  return { field, detail };
}
