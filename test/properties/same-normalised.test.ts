import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../matchers/matchers';
import { normalise, sameNormalised } from '../../properties/normalise';

/**
 * The fuzzer's differential checks compare two outcomes (or two steps' events) with
 * sameNormalised first and fall back to deepEqual of both normalised copies: it may only vouch
 * for pairs that comparison finds equal.
 */
describe('sameNormalised', () => {
  // IDs that occur as whole strings and inside longer ones, keys among them volatile ones
  const id = fc.constantFrom('@TGS#1', '@TGS#2', 'g-9', 'other');
  const text = fc.oneof(id, id.map((s) => `GROUP${s}`), fc.string({ maxLength: 4 }));
  const key = fc.constantFrom('groupID', 'name', 'time', 'ID', 'sequence', 'memberList', '__proto__', 'a', 'b');
  const leaf = fc.oneof(text, fc.integer(), fc.constant(null), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(-0), fc.boolean());
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
  }));
  const ids = fc.dictionary(fc.constantFrom('G1', 'G2'), id, { maxKeys: 2 }).map((o) => new Map(Object.entries(o)));

  it('vouches only for values whose normalised copies deepEqual finds equal, and for any value and a copy of it', () => {
    fc.assert(
      fc.property(value, ids, value, ids, (a, ia, b, ib) => {
        if (sameNormalised({ value: a, ids: ia }, { value: b, ids: ib })) expect(deepEqual(normalise(a, ia), normalise(b, ib))).toBe(true);
        // it looks at structure, never identity: a copy is judged as the value itself
        expect(sameNormalised({ value: a, ids: ia }, { value: structuredClone(a), ids: ia })).toBe(sameNormalised({ value: a, ids: ia }, { value: a, ids: ia }));
      }),
      { numRuns: 3000 },
    );
  });

  it('vouches for any JSON value against its copy through JSON (what the wire client hands the property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), ids, (a, ia) => {
        expect(sameNormalised({ value: a, ids: ia }, { value: JSON.parse(JSON.stringify(a)), ids: ia })).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('compares through the ID maps and skips volatile fields', () => {
    const a = { group: { groupID: '@TGS#1', name: 'x', createTime: 5 }, note: 'in GROUP@TGS#1' };
    const b = { group: { groupID: 'g-9', name: 'x', createTime: 7 }, note: 'in GROUPg-9' };
    expect(sameNormalised({ value: a, ids: new Map([['G1', '@TGS#1']]) }, { value: b, ids: new Map([['G1', 'g-9']]) })).toBe(true);
    expect(sameNormalised({ value: a, ids: new Map([['G1', '@TGS#1']]) }, { value: b, ids: new Map([['G2', 'g-9']]) })).toBe(false);
    expect(sameNormalised({ value: { a: 1, b: 2 }, ids: new Map() }, { value: { b: 2, a: 1 }, ids: new Map() })).toBe(true);
    expect(sameNormalised({ value: { a: 1, b: 2 }, ids: new Map() }, { value: { a: 1 }, ids: new Map() })).toBe(false);
    expect(sameNormalised({ value: { a: 1 }, ids: new Map() }, { value: { a: 1, b: 2 }, ids: new Map() })).toBe(false);
    expect(sameNormalised({ value: [1, 2], ids: new Map() }, { value: [2, 1], ids: new Map() })).toBe(false);
  });
});
