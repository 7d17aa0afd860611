/**
 * The one registry of error codes. Every code is a real Tencent number (client-side 2xxx/3xxx from
 * `@tencentcloud/chat` 3.6.6, server-side 10xxx from the public error-code table), with its meaning
 * and the rule IDs (see features/) it enforces. Messages are rendered from this data, never stored
 * at the throw site, so a report can explain any code the same way the simulator does.
 */
export interface ErrorEntry {
  readonly code: number;
  /** The SDK's constant name for client codes, a short slug for server codes. */
  readonly name: string;
  /** 'groupspec': the simulator's own code, outside every range Tencent documents. */
  readonly side: 'sdk' | 'server' | 'groupspec';
  readonly meaning: string;
  /** Rule IDs whose refusal produces this code. */
  readonly rules: readonly string[];
}

const entries: ErrorEntry[] = [
  { code: 2024, name: 'USER_NOT_LOGGED_IN', side: 'sdk', meaning: 'The user has not logged in', rules: ['session.calls-need-login'] },
  { code: 3003, name: 'KICKED_OUT_MULT_ACCOUNT', side: 'sdk', meaning: 'Kicked out: the same account logged in on this device again; the SDK is not ready', rules: ['session.kicked-out-is-account-level'] },
  { code: 3006, name: 'KICKED_OUT_REST_API', side: 'sdk', meaning: 'Kicked out: the app backend invalidated the login (REST API kick or account deletion); the SDK is not ready', rules: [] },
  { code: 2600, name: 'ILLEGAL_GRP_TYPE', side: 'sdk', meaning: 'Illegal group type', rules: ['create.unknown-type-rejected'] },
  { code: 2602, name: 'ILLEGAL_GRP_ID', side: 'sdk', meaning: 'Illegal group ID', rules: ['community.id-prefix-required', 'create.community-prefix-reserved'] },
  { code: 2603, name: 'CANNOT_FIND_GRP', side: 'sdk', meaning: 'Cannot find the group in the local group list', rules: ['members.remove-needs-joined-group'] },
  { code: 2620, name: 'CANNOT_CHANGE_OWNER_IN_AV', side: 'sdk', meaning: 'AVChatRoom ownership cannot be transferred', rules: ['transfer.avchatroom-cannot-be-transferred'] },
  { code: 2621, name: 'CANNOT_CHANGE_OWNER_TO_SELF', side: 'sdk', meaning: 'Cannot transfer ownership to yourself', rules: ['transfer.not-to-oneself'] },
  { code: 2623, name: 'MEMBER_NOT_IN_GRP', side: 'sdk', meaning: 'The user is not in the group', rules: ['quit.non-member-cannot-quit'] },
  { code: 2661, name: 'CANNOT_ADD_MEMBER_IN_AV', side: 'sdk', meaning: 'AVChatRoom does not support inviting members', rules: ['invite.nobody-invites-into-avchatroom'] },
  { code: 2662, name: 'CANNOT_JOIN_NON_AV_WITHOUT_LOGIN', side: 'sdk', meaning: 'Non-AVChatRoom groups cannot be joined anonymously; log in first', rules: ['session.anonymous-join-only-avchatroom'] },
  { code: 2681, name: 'NOT_OWNER', side: 'sdk', meaning: 'You are not the group owner; only the owner may do this', rules: ['members.only-owner-sets-roles'] },
  { code: 2683, name: 'INVALID_MEMBER_ROLE', side: 'sdk', meaning: 'Invalid member role', rules: ['members.role-values'] },
  { code: 2684, name: 'CANNOT_SET_SELF_MEMBER_ROLE', side: 'sdk', meaning: 'Cannot set your own role', rules: ['members.cannot-set-own-role'] },
  { code: 2685, name: 'CANNOT_MUTE_SELF', side: 'sdk', meaning: 'Cannot mute yourself', rules: ['members.cannot-mute-self'] },
  { code: 2686, name: 'BAN_DURATION_INVALID', side: 'sdk', meaning: 'Invalid ban duration: removing an AVChatRoom member needs a duration above 0', rules: ['avchatroom.removal-needs-duration'] },
  { code: 2687, name: 'OPERATION_NOT_SUPPORTED_IN_AV', side: 'sdk', meaning: 'Operation not supported in an AVChatRoom', rules: ['avchatroom.no-member-profiles', 'members.own-message-remind-type'] },
  { code: 10004, name: 'invalid-parameter', side: 'server', meaning: 'Invalid parameter', rules: ['validation.bad-options-rejected', 'create.member-list-user-id-required', 'create.custom-fields-must-be-enabled', 'transfer.new-owner-must-be-member', 'limits.name-30-bytes', 'limits.introduction-240-bytes', 'limits.notification-300-bytes', 'limits.avatar-100-bytes', 'members.name-card-50-bytes', 'counters.key-at-most-128-characters'] },
  { code: 10005, name: 'too-many-accounts', side: 'server', meaning: 'Too many accounts in one request', rules: ['limits.create-member-list-500', 'limits.add-member-list-500', 'admin.create-member-list-at-most-100'] },
  { code: 10006, name: 'frequency-limit', side: 'server', meaning: 'Operation frequency limit: the daily net group creation quota is used up', rules: ['limits.daily-net-creation-quota'] },
  { code: 10007, name: 'no-permission', side: 'server', meaning: 'Insufficient operation permission', rules: ['join.work-group-rejects-join-request', 'dismiss.work-group-cannot-be-dismissed', 'dismiss.only-owner-dismisses', 'transfer.only-owner-transfers', 'invite.public-and-meeting-need-invite-option', 'members.member-cannot-remove', 'members.admin-removes-only-members', 'members.mute-rights-by-role', 'profile.edit-rights-by-type', 'members.name-card-rights', 'admin.owner-role-cannot-be-changed', 'admin.batch-mute', 'admin.role-query', 'lists.member-list-for-members', 'profile.non-members-read-only-public-profiles', 'profile.search-cannot-find-work-groups', 'profile.mute-all-members', 'attributes.members-use-them-in-every-type', 'counters.members-of-every-type-but-topic-communities', 'transfer.avchatroom-cannot-be-transferred'] },
  { code: 10009, name: 'owner-cannot-quit', side: 'server', meaning: 'The group owner is not allowed to leave the group', rules: ['quit.owner-cannot-quit-non-work'] },
  { code: 10010, name: 'group-not-found', side: 'server', meaning: 'The group does not exist or has been dismissed', rules: ['lists.unknown-or-dismissed-group'] },
  { code: 10014, name: 'group-full', side: 'server', meaning: 'The number of group members has reached the upper limit', rules: ['limits.member-cap'] },
  { code: 10015, name: 'invalid-group-id', side: 'server', meaning: 'Invalid group ID', rules: ['create.custom-id-format'] },
  { code: 10016, name: 'callback-rejected', side: 'server', meaning: 'The app backend rejected this operation through a third-party callback (webhook)', rules: [] },
  { code: 10019, name: 'user-not-found', side: 'server', meaning: 'The requested UserID does not exist', rules: ['invite.unknown-account-rejected', 'admin.accounts-must-exist'] },
  { code: 10021, name: 'group-id-taken', side: 'server', meaning: 'The group ID is already used by another user', rules: ['create.custom-id-unique'] },
  { code: 10024, name: 'already-processed', side: 'server', meaning: 'This invitation or application has already been processed', rules: ['applications.first-decision-wins'] },
  { code: 10025, name: 'group-id-yours', side: 'server', meaning: 'The group ID is already used, and you are its owner', rules: ['create.custom-id-unique'] },
  { code: 10037, name: 'user-group-quota', side: 'server', meaning: 'The user has reached the limit of groups they may create or join', rules: ['limits.user-group-quota'] },
  { code: 10045, name: 'attribute-key-too-long', side: 'server', meaning: 'Group attribute key exceeds 32 bytes', rules: ['attributes.limits'] },
  { code: 10046, name: 'attribute-value-too-long', side: 'server', meaning: 'Group attribute value exceeds 4 KB', rules: ['attributes.limits'] },
  { code: 10047, name: 'attribute-too-many-keys', side: 'server', meaning: 'A group holds at most 16 attribute keys', rules: ['attributes.limits'] },
  { code: 10048, name: 'attribute-total-too-large', side: 'server', meaning: 'Group attributes exceed 16 KB in total', rules: ['attributes.limits'] },
  { code: 10050, name: 'attribute-key-missing', side: 'server', meaning: 'The group attribute key does not exist', rules: ['attributes.delete-missing-key'] },
  { code: 10063, name: 'counter-too-many-keys', side: 'server', meaning: 'A group holds at most 20 counters', rules: ['counters.limits'] },
  // the drop-in `groupspec/chat`'s life cycle (simulator/sdk/drop-in): SDK client codes, then the
  // account codes login returns (https://cloud.tencent.com/document/product/679/131708, account errors)
  { code: 2000, name: 'NO_SDKAPPID', side: 'sdk', meaning: 'No SDKAppID: create() needs a numeric SDKAppID', rules: [] },
  { code: 2002, name: 'NO_IDENTIFIER', side: 'sdk', meaning: 'No userID: login() needs a non-empty string userID', rules: [] },
  { code: 2003, name: 'NO_USERSIG', side: 'sdk', meaning: 'No userSig: login() needs a non-empty string userSig', rules: [] },
  { code: 2025, name: 'REPEAT_LOGIN', side: 'sdk', meaning: 'Repeated login: another user is logged in on this instance; log out first', rules: [] },
  { code: 70001, name: 'usersig-expired', side: 'server', meaning: 'UserSig has expired; generate a new one', rules: [] },
  { code: 70003, name: 'usersig-parse-failed', side: 'server', meaning: 'UserSig could not be parsed (truncated or not a UserSig)', rules: [] },
  { code: 70009, name: 'usersig-verify-failed', side: 'server', meaning: 'UserSig verification failed: it was signed with another key', rules: [] },
  { code: 70013, name: 'usersig-userid-mismatch', side: 'server', meaning: 'The userID of the request differs from the one the UserSig was generated for', rules: [] },
  { code: 70014, name: 'usersig-sdkappid-mismatch', side: 'server', meaning: 'The SDKAppID of the request differs from the one the UserSig was generated for', rules: [] },
  {
    code: 99001,
    name: 'GROUPSPEC_NOT_SIMULATED',
    side: 'groupspec',
    meaning: 'Not simulated: groupspec/chat does not back this SDK method (see docs/drop-in.md for the method table)',
    rules: [],
  },
];

export const ERRORS: ReadonlyMap<number, ErrorEntry> = new Map(entries.map((e) => [e.code, e]));

/** Named access to codes, so code reads `ERR.NO_PERMISSION` rather than a bare number. */
export const ERR = {
  USER_NOT_LOGGED_IN: 2024,
  KICKED_OUT_MULT_ACCOUNT: 3003,
  KICKED_OUT_REST_API: 3006,
  ILLEGAL_GRP_TYPE: 2600,
  ILLEGAL_GRP_ID: 2602,
  CANNOT_FIND_GRP: 2603,
  CANNOT_CHANGE_OWNER_IN_AV: 2620,
  CANNOT_CHANGE_OWNER_TO_SELF: 2621,
  MEMBER_NOT_IN_GRP: 2623,
  CANNOT_ADD_MEMBER_IN_AV: 2661,
  CANNOT_JOIN_NON_AV_WITHOUT_LOGIN: 2662,
  NOT_OWNER: 2681,
  INVALID_MEMBER_ROLE: 2683,
  CANNOT_SET_SELF_MEMBER_ROLE: 2684,
  CANNOT_MUTE_SELF: 2685,
  BAN_DURATION_INVALID: 2686,
  OPERATION_NOT_SUPPORTED_IN_AV: 2687,
  INVALID_PARAMETER: 10004,
  TOO_MANY_ACCOUNTS: 10005,
  FREQUENCY_LIMIT: 10006,
  NO_PERMISSION: 10007,
  OWNER_CANNOT_QUIT: 10009,
  GROUP_NOT_FOUND: 10010,
  GROUP_FULL: 10014,
  INVALID_GROUP_ID: 10015,
  CALLBACK_REJECTED: 10016,
  USER_NOT_FOUND: 10019,
  GROUP_ID_TAKEN: 10021,
  ALREADY_PROCESSED: 10024,
  GROUP_ID_YOURS: 10025,
  USER_GROUP_QUOTA: 10037,
  ATTR_KEY_TOO_LONG: 10045,
  ATTR_VALUE_TOO_LONG: 10046,
  ATTR_TOO_MANY_KEYS: 10047,
  ATTR_TOTAL_TOO_LARGE: 10048,
  ATTR_KEY_MISSING: 10050,
  COUNTER_TOO_MANY_KEYS: 10063,
  NO_SDKAPPID: 2000,
  NO_IDENTIFIER: 2002,
  NO_USERSIG: 2003,
  REPEAT_LOGIN: 2025,
  USERSIG_EXPIRED: 70001,
  USERSIG_PARSE_FAILED: 70003,
  USERSIG_VERIFY_FAILED: 70009,
  USERSIG_USERID_MISMATCH: 70013,
  USERSIG_SDKAPPID_MISMATCH: 70014,
  NOT_SIMULATED: 99001,
} as const;
export type ErrorCode = (typeof ERR)[keyof typeof ERR];

/** What the core returns for a refusal: data only, no prose. */
export interface Refusal {
  readonly code: ErrorCode;
  /** The option or subject the refusal is about, e.g. `name` or `userIDList[2]`. */
  readonly field?: string;
  /** A short, specific reason, e.g. `31 bytes > 30`. */
  readonly detail?: string;
}

/** Thrown inside the core to abort a command; the core turns it into a Refusal and rolls back. */
export class RefusalSignal {
  constructor(readonly refusal: Refusal) {}
}

function refusalOf(code: ErrorCode, field: string | undefined, detail: string | undefined): Refusal {
  // literals, not `{ code, ...(field === undefined ? {} : { field }) }`: keys added after a spread
  // take V8's slow path (about a microsecond each on Node 20, docs/performance.md), and about 40 %
  // of the fuzzer's calls are refused. The same keys in the same order.
  return field === undefined ? (detail === undefined ? { code } : { code, detail }) : detail === undefined ? { code, field } : { code, field, detail };
}

export function refuse(code: ErrorCode, field?: string, detail?: string): never {
  throw new RefusalSignal(refusalOf(code, field, detail));
}

/**
 * The same refusal as `refuse`, returned instead of thrown: `return declined(…)` from a command
 * function the core runs (core/index.ts `run` treats a returned RefusalSignal as a thrown one).
 * For the refusals that happen most, the app admin's reads of a dismissed group (a fifth of the
 * fuzzer's reads): a throw costs V8 1-3 µs on this machine (it builds a message object with the
 * throw's location), a return nothing. Typed `never` so the command's result type is unchanged.
 */
export function declined(code: ErrorCode, field?: string, detail?: string): never {
  return new RefusalSignal(refusalOf(code, field, detail)) as never;
}

/** Renders a refusal as the message an app sees. */
export function renderMessage(r: Refusal): string {
  const meaning = ERRORS.get(r.code)?.meaning ?? `Error ${r.code}`;
  const about = r.field === undefined ? '' : ` (${r.field}${r.detail === undefined ? '' : `: ${r.detail}`})`;
  const plain = r.field === undefined && r.detail !== undefined ? ` (${r.detail})` : '';
  return `${meaning}${about}${plain}`;
}

/**
 * The error an app receives, shaped like the SDK's: an `Error` with own `code`, `message` and `data`.
 * The SDK has no exported error class, so apps check `code`; `instanceof ChatError` is a convenience.
 */
export class ChatError extends Error {
  // declared, not class fields: the constructor defines them, in the order below
  declare readonly code: number;
  declare readonly data: Record<string, unknown>;
  constructor(code: number, message: string, data: Record<string, unknown> = {}) {
    // The SDK's error carries code, message and data as own enumerable fields: `{...err}` and
    // JSON.stringify(err) keep the message, as apps that log errors that way expect. `message` is
    // set here rather than by Error's constructor, which makes it non-enumerable: re-defining it
    // afterwards (Object.defineProperty) cost V8 a map change per error, 2-4x the whole
    // construction (every refused call builds one). The same own keys, in the same order (stack,
    // message, code, data, name), with the same attributes; the stack's first line is made when
    // it is first read, so it still says `Error: <message>`.
    super();
    this.message = message;
    (this as { code: number }).code = code;
    (this as { data: Record<string, unknown> }).data = data;
    this.name = 'Error';
  }
  static from(r: Refusal): ChatError {
    return new ChatError(r.code, renderMessage(r), r.field === undefined ? {} : { field: r.field });
  }
}

export function isCodedError(e: unknown): e is { code: number; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number' && typeof (e as { message?: unknown }).message === 'string';
}
