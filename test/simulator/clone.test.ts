/**
 * clonePlain (simulator/shell/clone.ts) must give what structuredClone gives for plain data: the
 * copy every handler and the event log receive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clonePlain } from '../../simulator/shell/clone';

const sameAsStructuredClone = (v: unknown) => {
  const mine = clonePlain(v);
  const theirs = structuredClone(v);
  expect(mine).toStrictEqual(theirs);
  // the same keys in the same order, at every level
  expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
};

describe('clonePlain', () => {
  it('copies plain data as structuredClone does, keys in order', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => sameAsStructuredClone(v)));
  });

  it('keeps an own "__proto__" key as a key, and a null prototype as null', () => {
    const withKey = JSON.parse('{"a":1,"__proto__":{"polluted":true},"b":[1,{"__proto__":2}]}') as Record<string, unknown>;
    const copy = clonePlain(withKey);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['a', '__proto__', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { x: 1 });
    expect(clonePlain({ bare }).bare).toEqual(bare);
  });

  it('copies own keys only, even when Object.prototype has gained an enumerable one', () => {
    (Object.prototype as Record<string, unknown>).extra = 'inherited';
    try {
      const copy = clonePlain({ a: { b: 1 } });
      expect(Object.keys(copy)).toEqual(['a']);
      expect(Object.keys(copy.a)).toEqual(['b']);
    } finally {
      delete (Object.prototype as Record<string, unknown>).extra;
    }
  });

  it('hands what is not plain data to structuredClone', () => {
    const d = new Date(5);
    expect(clonePlain({ d }).d).toEqual(d);
    expect(clonePlain({ d }).d).not.toBe(d);
    expect(() => clonePlain({ f: () => 1 })).toThrow();
  });
});
