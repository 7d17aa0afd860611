/**
 * Fast paths in front of the zod schemas, for the inputs the hot calls take: a join's `{groupID}`,
 * a quit's group ID, the reads that every picture of the fuzzer makes. zod's safeParse costs
 * 1-2 µs per call even for `{groupID}`, a tenth of a join (docs/performance.md, issue 21).
 *
 * A fast path vouches only for input it can prove valid: a plain object (Object.prototype) whose
 * enumerable keys are all own keys of the schema's shape, each holding a value of the exact kind the
 * schema accepts (a required value present). It then returns what zod's parse returns for it: a new
 * object with the shape's keys in the shape's order. Anything else (a wrong type, an unknown key, a
 * key present but undefined, another prototype, arrays, refinements it does not restate) gets
 * UNSURE and goes to zod, which stays the source of truth for every answer, code and message.
 * `test/simulator/fast-parse.test.ts` checks against zod that a fast path never vouches for input
 * zod refuses and returns exactly zod's output when it vouches.
 */
import type { SchemaName } from './schemas';

/** The fast path's "not sure": zod decides. */
export const UNSURE: unique symbol = Symbol('unsure');
export type FastParse = (input: unknown) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

type Check = (v: unknown) => boolean;
/** `z.string()` */
const str: Check = (v) => typeof v === 'string';
/** `z.string().min(1)`: zod counts UTF-16 code units, as `length` does */
const reqStr: Check = (v) => typeof v === 'string' && v.length > 0;
/** `z.number().int()` accepts safe integers only */
const int: Check = (v) => Number.isSafeInteger(v);
const nonNegativeInt: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const positiveInt: Check = (v) => Number.isSafeInteger(v) && (v as number) > 0;
/** `int.nonnegative().max(4294967295)`: a mute time */
const seconds32: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 4294967295;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
/** A field the fast path leaves to zod whenever it holds a value (nested objects, arrays of objects). */
const zodDecides: Check = () => false;

/**
 * A field's parse: its output (a primitive as given, an array copied) or UNSURE. A Check is a field
 * whose valid values are primitives, output as they are.
 */
type Field = Check | { parse(v: unknown): unknown };

/** `z.array(element).min(1)` of primitives (`.max(max)` too, when given): a new array of the same elements, as zod returns. */
function nonEmptyArrayOf(element: Check, max = Number.POSITIVE_INFINITY): Field {
  return {
    parse(v) {
      if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || v.length === 0 || v.length > max) return UNSURE;
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        // a hole reads as undefined, which no element check accepts
        if (!element(x)) return UNSURE;
        out[i] = x;
      }
      return out;
    },
  };
}

/** `z.strictObject(shape)` whose fields are all plain checks; `required` lists the non-optional keys. */
function strictObject(shape: Record<string, Field>, required: readonly string[]): FastParse {
  const keys = Object.keys(shape);
  const parsers = keys.map((k): ((v: unknown) => unknown) => {
    const f = shape[k]!;
    return typeof f === 'function' ? (v) => (f(v) ? v : UNSURE) : f.parse;
  });
  const isRequired = keys.map((k) => required.includes(k));
  const known = new Set(keys);
  return (input) => {
    if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return UNSURE;
    const o = input as Record<string, unknown>;
    for (const k in o) if (!known.has(k) || !hasOwn.call(o, k)) return UNSURE;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = o[k];
      if (v === undefined) {
        if (isRequired[i]) return UNSURE;
        // optional: absent, zod adds nothing; present as undefined, zod keeps the key
        if (hasOwn.call(o, k)) out[k] = undefined;
        continue;
      }
      if (!hasOwn.call(o, k)) return UNSURE;
      const parsed = parsers[i]!(v);
      if (parsed === UNSURE) return UNSURE;
      out[k] = parsed;
    }
    return out;
  };
}

/**
 * `{groupID}` alone, the options nearly every join and group read passes, checked without the
 * generic walk: its property reads and writes are shared by every strict object's shape, so V8
 * cannot specialise them, and they cost several hundred ns where this costs under a hundred (a micro
 * benchmark, docs/performance.md round four). Anything else goes to `rest`.
 */
function groupIDOnly(rest: FastParse): FastParse {
  return (input) => {
    if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return UNSURE;
    let keys = 0;
    for (const k in input) {
      if (k !== 'groupID') return rest(input);
      keys++;
    }
    const groupID = (input as { groupID?: unknown }).groupID;
    if (keys !== 1 || !hasOwn.call(input, 'groupID') || !reqStr(groupID)) return rest(input);
    return { groupID };
  };
}

/** `undefined` (the argument left out) is valid for these schemas, and parses to itself. */
const leftOut: FastParse = (input) => (input === undefined ? undefined : UNSURE);
/** `schema.optional()`: left out, or the object form. */
const orLeftOut =
  (object: FastParse): FastParse =>
  (input) =>
    input === undefined ? undefined : object(input);

const JOIN_OPTIONS = oneOf(['FreeAccess', 'NeedPermission', 'DisableApply']);
const INVITE_OPTIONS = oneOf(['FreeAccess', 'NeedPermission', 'DisableInvite']);
/** updateGroupProfile's options, which the app admin's modify_group_base_info shares */
const groupProfile = strictObject(
  {
    groupID: reqStr,
    name: reqStr,
    avatar: str,
    introduction: str,
    notification: str,
    maxMemberNum: positiveInt,
    muteAllMembers: bool,
    joinOption: JOIN_OPTIONS,
    inviteOption: INVITE_OPTIONS,
    groupCustomField: zodDecides,
  },
  ['groupID'],
);

/** The fields the SDK's createGroup and the admin's create_group share, in both schemas' order. */
const AT_CREATION = {
  groupID: str,
  introduction: str,
  notification: str,
  avatar: str,
  maxMemberNum: positiveInt,
  joinOption: JOIN_OPTIONS,
  inviteOption: INVITE_OPTIONS,
  memberList: zodDecides,
};

/** By schema name; a schema without one always goes to zod. */
export const FAST_PARSE: Partial<Record<SchemaName, FastParse>> = {
  GroupIDArg: (input) => (reqStr(input) ? input : UNSURE),
  NoArguments: leftOut,
  // `z.strictObject(…).optional()`: only the left-out case is vouched for
  GetGroupListOptions: leftOut,
  JoinGroupOptions: groupIDOnly(strictObject({ groupID: reqStr, applyMessage: str, type: str }, ['groupID'])),
  GetGroupMemberListOptions: strictObject(
    {
      groupID: reqStr,
      count: nonNegativeInt,
      // z.union([int.nonnegative(), str]): either form, as given
      offset: (v) => nonNegativeInt(v) || str(v),
      role: oneOf(['Owner', 'Admin', 'Member', 'Custom']),
      filter: int,
    },
    ['groupID'],
  ),
  AdminGroupIDOptions: groupIDOnly(strictObject({ groupID: reqStr }, ['groupID'])),
  // the commands the fuzzer issues most
  CreateGroupOptions: strictObject(
    {
      name: reqStr,
      // z.unknown(): the SDK-side rules check it; only a string is vouched for (anything else may be impure)
      type: str,
      ...AT_CREATION,
      groupCustomField: zodDecides,
      isSupportTopic: bool,
    },
    ['name'],
  ),
  UpdateGroupProfileOptions: groupProfile,
  AdminModifyBaseInfoOptions: groupProfile,
  ChangeGroupOwnerOptions: strictObject({ groupID: reqStr, newOwnerID: reqStr }, ['groupID', 'newOwnerID']),
  AddGroupMemberOptions: strictObject({ groupID: reqStr, userIDList: nonEmptyArrayOf(reqStr) }, ['groupID', 'userIDList']),
  DeleteGroupMemberOptions: strictObject({ groupID: reqStr, userIDList: nonEmptyArrayOf(reqStr), reason: str, duration: nonNegativeInt }, ['groupID', 'userIDList']),
  SetGroupMemberRoleOptions: strictObject({ groupID: reqStr, userID: reqStr, role: reqStr }, ['groupID', 'userID', 'role']),
  SetGroupMemberMuteTimeOptions: strictObject({ groupID: reqStr, userID: reqStr, muteTime: seconds32 }, ['groupID', 'userID', 'muteTime']),
  // every fuzzed run logs five devices in and makes a simulator: what an app's test does too
  LoginOptions: orLeftOut(strictObject({ device: reqStr, unlimitedAVChatRoom: bool }, [])),
  SimulatorOptions: orLeftOut(
    strictObject(
      {
        clock: (c) => typeof c === 'object' && c !== null && typeof (c as { now?: unknown }).now === 'function',
        seed: int,
        limits: zodDecides,
        adminUserID: reqStr,
        customFields: zodDecides,
      },
      [],
    ),
  ),
  AdminGetGroupMemberInfoOptions: strictObject({ groupID: reqStr, limit: positiveInt, offset: nonNegativeInt }, ['groupID']),
  // the feature run's most frequent set-up calls: every scenario imports its users (~3.3 calls), one
  // creates 9,999 groups as the app admin, and the World reads roles and profiles back
  AdminImportAccountOptions: strictObject({ userID: reqStr, nick: str, avatar: str }, ['userID']),
  AdminCreateGroupOptions: strictObject(
    {
      type: oneOf(['Private', 'Work', 'Public', 'ChatRoom', 'Meeting', 'AVChatRoom', 'Community']),
      name: reqStr,
      ownerAccount: reqStr,
      ...AT_CREATION,
      isSupportTopic: bool,
    },
    ['type', 'name'],
  ),
  // the World enrols members through the app admin (538 calls a run)
  AdminAddMemberOptions: strictObject({ groupID: reqStr, userIDList: nonEmptyArrayOf(reqStr), silence: bool }, ['groupID', 'userIDList']),
  AdminGetJoinedGroupListOptions: strictObject({ userID: reqStr, withHugeGroups: bool }, ['userID']),
  AdminGetRoleInGroupOptions: strictObject({ groupID: reqStr, userIDList: nonEmptyArrayOf(reqStr, 500) }, ['groupID', 'userIDList']),
  AdminModifyMemberInfoOptions: strictObject({ groupID: reqStr, userID: reqStr, role: oneOf(['Admin', 'Member']), nameCard: str, muteTime: seconds32, memberCustomField: zodDecides }, ['groupID', 'userID']),
  GetGroupProfileOptions: groupIDOnly(strictObject({ groupID: reqStr, groupCustomFieldFilter: zodDecides, memberCustomFieldFilter: zodDecides }, ['groupID'])),
  SetGroupMemberNameCardOptions: strictObject({ groupID: reqStr, nameCard: str, userID: reqStr }, ['groupID', 'nameCard']),
};
