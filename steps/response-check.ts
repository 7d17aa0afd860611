/**
 * The World checks every successful answer against the SDK's response schemas (zod,
 * simulator/core/responses.ts): ~0.7 µs-10 µs of zod a call, ~10 % of the scenarios' CPU. In front of
 * zod, a check compiled once from each schema's own definition vouches for data it can prove valid
 * (plain objects and arrays, the exact kinds, lengths and bounds the schema states); anything else,
 * and any schema using what the compiler does not know (refinements, formats, transforms), goes to
 * zod, which stays the source of truth for every issue and its message. `test/response-check.test.ts`
 * checks against zod that the check never vouches for data zod refuses, on values drawn from each
 * schema and mutated, and that it vouches for the valid ones. Also here: the check that an answer is
 * the contract's `{code: 0, data}` with JSON data (answerIssue).
 */
import type { z } from 'zod';
import { RESPONSES, responseIssue } from '../simulator/core/responses';
import { thrown } from '../matchers/thrown';

type Check = (v: unknown) => boolean;

/** What the compiler reads of a zod 4 schema's definition (`schema._zod.def`). */
export interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}
export interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  [k: string]: unknown;
}

const plain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** The checks a string, number or array states, as one predicate on its length or value; undefined if any is unknown. */
function bounds(def: Def, measure: (v: never) => number): Check | undefined {
  const parts: Check[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    // only these fields: `abort` changes which issues are reported, not whether the value passes; a
    // `when` that skips a check makes zod laxer than this, never stricter
    if (Object.keys(d).some((k) => !['type', 'check', 'minimum', 'maximum', 'value', 'inclusive', 'format', 'abort', 'when'].includes(k))) return undefined;
    if (d.check === 'min_length' && typeof d.minimum === 'number') parts.push((v) => measure(v as never) >= d.minimum!);
    else if (d.check === 'max_length' && typeof d.maximum === 'number') parts.push((v) => measure(v as never) <= d.maximum!);
    else if (d.check === 'number_format' && d.format === 'safeint') parts.push((v) => Number.isSafeInteger(v));
    else if (d.check === 'greater_than' && typeof d.value === 'number') parts.push(d.inclusive === true ? (v) => (v as number) >= d.value! : (v) => (v as number) > d.value!);
    else if (d.check === 'less_than' && typeof d.value === 'number') parts.push(d.inclusive === true ? (v) => (v as number) <= d.value! : (v) => (v as number) < d.value!);
    else return undefined;
  }
  // without a closure per call: this runs for every string, number and array of every answer
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0];
  return (v) => {
    for (const p of parts) if (!p(v)) return false;
    return true;
  };
}

/** A check that is true only for values `schema` accepts; undefined when the schema uses what this does not know. */
export function compileCheck(schema: z.ZodType): Check | undefined {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'string': {
      const b = bounds(def, (v: string) => v.length);
      return b && ((v) => typeof v === 'string' && b(v));
    }
    case 'number': {
      const b = bounds(def, (v: number) => v);
      // zod 4's number refuses NaN and the infinities
      return b && ((v) => typeof v === 'number' && Number.isFinite(v) && b(v));
    }
    case 'boolean':
      return def.checks === undefined || def.checks.length === 0 ? (v) => typeof v === 'boolean' : undefined;
    case 'null':
      return (v) => v === null;
    case 'literal': {
      const values = def.values ?? [];
      return values.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)) ? (v) => values.includes(v) && !Number.isNaN(v) : undefined;
    }
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries ?? {}));
      return [...values].every((x) => typeof x === 'string') ? (v) => values.has(v) : undefined;
    }
    case 'optional': {
      const inner = def.innerType === undefined ? undefined : compileCheck(def.innerType);
      return inner && ((v) => v === undefined || inner(v));
    }
    case 'nullable': {
      const inner = def.innerType === undefined ? undefined : compileCheck(def.innerType);
      return inner && ((v) => v === null || inner(v));
    }
    case 'array': {
      const element = def.element === undefined ? undefined : compileCheck(def.element);
      const b = bounds(def, (v: unknown[]) => v.length);
      return element && b && ((v) => Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && b(v) && v.every((x) => element(x)));
    }
    case 'union': {
      const options = (def.options ?? []).map(compileCheck);
      if (options.length === 0 || options.some((o) => o === undefined)) return undefined;
      return (v) => options.some((o) => o!(v));
    }
    case 'record': {
      const key = def.keyType?._zod.def as unknown as Def | undefined;
      const value = def.valueType === undefined ? undefined : compileCheck(def.valueType);
      if (key?.type !== 'string' || (key.checks?.length ?? 0) > 0 || value === undefined) return undefined;
      return (v) => {
        if (!plain(v) || Object.getOwnPropertySymbols(v).length > 0) return false;
        // own enumerable string keys, as Object.values reads them, without its array
        for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && !value(v[k])) return false;
        return true;
      };
    }
    case 'object': {
      // zod's default mode (strip): keys beyond the shape pass, unchecked
      if (def.catchall !== undefined || def.checks !== undefined) return undefined;
      const fields = Object.entries(def.shape ?? {}).map(([k, s]) => [k, compileCheck(s)] as const);
      if (fields.some(([, c]) => c === undefined)) return undefined;
      return (v) => {
        if (!plain(v)) return false;
        for (const [k, c] of fields) if (!c!(v[k])) return false;
        return true;
      };
    }
    default:
      return undefined;
  }
}

const compiled = new Map<string, Check | undefined>();

/** responseIssue (simulator/core/responses.ts), zod only where the compiled check cannot vouch for `data`. */
export function fastResponseIssue(method: string, data: unknown): string | undefined {
  let check = compiled.get(method);
  if (check === undefined && !compiled.has(method)) {
    const schema = Object.prototype.hasOwnProperty.call(RESPONSES, method) ? (RESPONSES as Record<string, z.ZodType>)[method] : undefined;
    check = schema === undefined ? undefined : compileCheck(schema);
    compiled.set(method, check);
  }
  return check !== undefined && check(data) ? undefined : responseIssue(method, data);
}

/** Why an answer is not the contract's `{code: 0, data}` object, or undefined when it is one. */
export function answerIssue(method: string, r: unknown): string | undefined {
  if (typeof r !== 'object' || r === null) return `${method} answered ${thrown(r).shown} instead of {code: 0, data}`;
  const data = (r as { data?: unknown }).data;
  // the path is spelt out only for data that has a cycle: building it for every key of every answer cost ~5 % of the scenarios' CPU
  if (!hasCycle(data, [])) return undefined;
  return `${method} answered data that refers to itself at ${cycleIn(data, 'data')} (SDK data is JSON)`;
}

/** Whether a value contains itself: cycleIn's walk (the same keys: own, enumerable, string), without the paths. */
function hasCycle(value: unknown, ancestors: object[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ancestors.includes(value)) return true;
  ancestors.push(value);
  for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k) && hasCycle((value as Record<string, unknown>)[k], ancestors)) return true;
  ancestors.pop();
  return false;
}

/** The path at which a value contains itself, if it does: such data crosses no wire and breaks every comparison. */
function cycleIn(value: unknown, path: string, ancestors: object[] = []): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (ancestors.includes(value)) return path;
  ancestors.push(value);
  for (const [k, v] of Object.entries(value)) {
    const found = cycleIn(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, ancestors);
    if (found !== undefined) return found;
  }
  ancestors.pop();
  return undefined;
}
