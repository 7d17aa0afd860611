/**
 * resolveBody (servers/wire/references.ts) copies a body with its references replaced; it assigns
 * keys rather than defining each one, except "__proto__", which must stay an own key as JSON.parse
 * made it. The copy must be what defining every key gives: the same keys, in the same order, with
 * the same values and prototypes, for any body JSON can carry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveBody, type Answered } from '../../servers/wire/references';

/** resolveBody's copy as it was: every key defined. */
function definedCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(definedCopy);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) Object.defineProperty(out, k, { value: definedCopy((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Keys, order, values and prototypes, as a comparable tree. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return ['array', v.map(shape)];
  if (typeof v !== 'object' || v === null) return v;
  return ['object', Object.getPrototypeOf(v) === Object.prototype, Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])])];
}

const key = fc.constantFrom('__proto__', 'constructor', 'toString', 'a', 'b', '', '0', '$refx');
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 0 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`).map((t) => JSON.parse(t) as unknown),
})).value;

describe('resolveBody copies a body as defining every key would', () => {
  it('for bodies with hostile keys, without references', () => {
    const answers: Answered[] = [];
    fc.assert(
      fc.property(json, (body) => {
        expect(shape(resolveBody(1, body, answers))).toEqual(shape(definedCopy(body)));
      }),
      { numRuns: 3000, seed: 21 },
    );
  });

  it('keeps "__proto__" an own key beside a resolved reference', () => {
    const answers: Answered[] = [{ status: 200, text: '{"ok":true,"result":{"code":0,"data":{"groupID":"g1"}}}' }];
    const body = JSON.parse('{"arg":{"__proto__":{"x":1},"groupID":{"$ref":{"request":0,"pointer":"/result/data/groupID"}}}}') as unknown;
    const out = resolveBody(1, body, answers) as { arg: Record<string, unknown> };
    expect(Object.keys(out.arg)).toEqual(['__proto__', 'groupID']);
    expect(Object.getPrototypeOf(out.arg)).toBe(Object.prototype);
    expect(out.arg.groupID).toBe('g1');
  });
});
