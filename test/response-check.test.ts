/**
 * steps/response-check.ts vouches for a response in front of zod: it must never vouch for data zod
 * refuses (then an implementation's malformed answer would pass the World's check), and it should
 * vouch for the valid answers (else it saves nothing). Checked on every response schema with values
 * drawn from the schema itself, the same values with one part replaced, removed or added, and
 * arbitrary values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RESPONSES, responseIssue } from '../simulator/core/responses';
import { answerIssue, compileCheck, fastResponseIssue, type Def } from '../steps/response-check';


/** Values `schema` accepts (the response schemas use only these kinds). */
function valid(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Def;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum;
  switch (def.type) {
    case 'string':
      return fc.string({ minLength: min ?? 0, maxLength: 8 });
    case 'number':
      return checks.some((c) => c.format === 'safeint') ? fc.integer({ min: checks.some((c) => c.check === 'greater_than') ? 0 : -1000, max: 1e6 }) : fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'optional':
      return fc.option(valid(def.innerType!), { nil: undefined });
    case 'nullable':
      return fc.option(valid(def.innerType!), { nil: null });
    case 'array':
      return fc.array(valid(def.element!), { minLength: min ?? 0, maxLength: 3 });
    case 'union':
      return fc.oneof(...def.options!.map(valid));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 4 }), valid(def.valueType!), { maxKeys: 3 });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape!).map(([k, s]) => [k, valid(s)])));
    default:
      throw new Error(`no arbitrary for ${def.type}`);
  }
}

/** Every place in a value: [parent, key] pairs. */
function places(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): typeof out {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), places(x, out)));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) (out.push([v as Record<string, unknown>, k]), places(x, out));
  return out;
}

const ODD = [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 2 ** 60, '', 'x', true, [], {}, Object.create(null) as object, new Date(0), [undefined], { extra: 1 }];

/** A valid value with one place replaced by an odd value, removed, or given an extra key. */
function mutated(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.tuple(valid(schema), fc.nat(), fc.nat({ max: ODD.length + 1 })).map(([v, at, what]) => {
    const all = places(v);
    if (all.length === 0) return what < ODD.length ? ODD[what] : v;
    const [parent, key] = all[at % all.length]!;
    if (what < ODD.length) (parent as Record<string | number, unknown>)[key] = ODD[what];
    else if (what === ODD.length) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (!Array.isArray(parent)) parent.extraField = 'kept by zod (strip mode)';
    return v;
  });
}

const schemas = Object.entries(RESPONSES) as [string, z.ZodType][];

describe('the compiled response check', () => {
  it('covers every response schema (else zod alone checks it)', () => {
    expect(schemas.filter(([, s]) => compileCheck(s) === undefined).map(([m]) => m)).toEqual([]);
  });

  it.each(schemas)('%s: never vouches for what zod refuses, and vouches for what it draws as valid', (_method, schema) => {
    const check = compileCheck(schema)!;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(mutated(schema), mutated(schema), fc.anything()), (v) => {
        const ok = schema.safeParse(v).success;
        if (!ok) refused++;
        if (check(v)) expect(ok).toBe(true);
      }),
      { numRuns: 400, seed: 21 },
    );
    // the mutations do reach data zod refuses
    expect(refused).toBeGreaterThan(50);
    fc.assert(
      fc.property(valid(schema), (v) => {
        expect(schema.safeParse(v).success).toBe(true);
        expect(check(v)).toBe(true);
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it('gives zod\'s issue, word for word, for data it cannot vouch for', () => {
    const bad = { group: { groupID: '' } };
    expect(fastResponseIssue('getGroupProfile', bad)).toBe(responseIssue('getGroupProfile', bad));
    expect(fastResponseIssue('getGroupProfile', bad)).toMatch(/response does not match the SDK's shape at data\.group/);
    expect(fastResponseIssue('noSuchMethod', 42)).toBeUndefined();
  });
});

describe('answerIssue', () => {
  it('names the path at which data refers to itself, and passes shared but acyclic data', () => {
    const shared = { x: 1 };
    expect(answerIssue('m', { code: 0, data: { a: shared, b: [shared, shared] } })).toBeUndefined();
    const loop: Record<string, unknown> = { list: [1, { deep: {} }] };
    ((loop.list as unknown[])[1] as { deep: Record<string, unknown> }).deep.back = loop;
    expect(answerIssue('m', { code: 0, data: loop })).toBe('m answered data that refers to itself at data.list[1].deep.back (SDK data is JSON)');
    const self: unknown[] = [];
    self.push(self);
    expect(answerIssue('m', { code: 0, data: { a: [0, self] } })).toBe('m answered data that refers to itself at data.a[1][0] (SDK data is JSON)');
    expect(answerIssue('m', 7)).toBe('m answered 7 instead of {code: 0, data}');
  });
});
