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
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);

/** `z.strictObject(shape)` whose fields are all plain checks; `required` lists the non-optional keys. */
function strictObject(shape: Record<string, Check>, required: readonly string[]): FastParse {
  const keys = Object.keys(shape);
  const checks = keys.map((k) => shape[k]!);
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
      if (!hasOwn.call(o, k) || !checks[i]!(v)) return UNSURE;
      out[k] = v;
    }
    return out;
  };
}

/** `undefined` (the argument left out) is valid for these schemas, and parses to itself. */
const leftOut: FastParse = (input) => (input === undefined ? undefined : UNSURE);
/** `schema.optional()`: left out, or the object form. */
const orLeftOut =
  (object: FastParse): FastParse =>
  (input) =>
    input === undefined ? undefined : object(input);
/** A field the fast path leaves to zod whenever it holds a value (nested objects, arrays). */
const zodDecides: Check = () => false;

/** By schema name; a schema without one always goes to zod. */
export const FAST_PARSE: Partial<Record<SchemaName, FastParse>> = {
  GroupIDArg: (input) => (reqStr(input) ? input : UNSURE),
  NoArguments: leftOut,
  // `z.strictObject(…).optional()`: only the left-out case is vouched for
  GetGroupListOptions: leftOut,
  JoinGroupOptions: strictObject({ groupID: reqStr, applyMessage: str, type: str }, ['groupID']),
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
  AdminGroupIDOptions: strictObject({ groupID: reqStr }, ['groupID']),
  // every fuzzed run logs five devices in and makes a simulator: what an app's test does too
  LoginOptions: orLeftOut(strictObject({ device: reqStr, unlimitedAVChatRoom: (v) => typeof v === 'boolean' }, [])),
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
};
