import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../matchers/matchers';

/** The definition deepEqual's direct walk must agree with: canonical (key-sorted) JSON. */
function canonicalJson(v: unknown): string | undefined {
  const canon = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(canon) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, canon((x as Record<string, unknown>)[k])])) : x;
  return JSON.stringify(canon(v));
}

describe('deepEqual', () => {
  it('agrees with canonical JSON on any data, including values JSON rewrites (undefined, NaN, -0, dates)', () => {
    const value = fc.anything({ withDate: true, withNullPrototype: true, withSparseArray: true, maxDepth: 3, values: [fc.constant(undefined), fc.constant(Number.NaN), fc.constant(-0), fc.constant(Infinity)] });
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(deepEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(deepEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores key order and tells apart what JSON tells apart', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual([undefined], [null])).toBe(true);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });
});
