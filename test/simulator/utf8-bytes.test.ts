/**
 * utf8Bytes counts what TextEncoder would encode, without encoding: every byte limit of the
 * simulator (names, introductions, custom fields, attributes) goes through it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../simulator/core/rules';

const encoded = (s: string) => new TextEncoder().encode(s).length;

describe('utf8Bytes', () => {
  it('counts as TextEncoder does: ASCII, 2- and 3-byte characters, surrogate pairs and lone surrogates (U+FFFD)', () => {
    for (const s of ['', 'abc', 'é', '中文', '\u{1F600}', 'a\u{1F600}b', '\uD800', '\uDC00', '\uD800\uD800\uDC00', '\uDC00\uD800', 'x\uD83D', '\u07FF\u0800\uFFFF']) {
      expect(utf8Bytes(s), JSON.stringify(s)).toBe(encoded(s));
    }
  });

  it('agrees with TextEncoder on any sequence of UTF-16 code units', () => {
    const units = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })), { maxLength: 40 });
    fc.assert(fc.property(units, (cs) => {
      const s = String.fromCharCode(...cs);
      expect(utf8Bytes(s)).toBe(encoded(s));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(utf8Bytes(s)).toBe(encoded(s));
    }));
  });
});
