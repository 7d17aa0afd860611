/**
 * A call's success is answered as text built around its data (servers/wire/routes.ts, succeeded),
 * not as an object the base encodes: the bytes must be those JSON.stringify gives for
 * {ok: true, result: {code: 0, data}}, and what that object cannot carry (undefined data, a cycle,
 * a BigInt) must be answered as the base answers it (data left out, or 500).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode } from '../../servers/http';
import { succeeded } from '../../servers/wire/routes';
import { wireErrorBody } from '../../servers/wire/bodies';

function reply(value: unknown) {
  const r = encode(value, wireErrorBody);
  return [r.status, r.text];
}

const cyclic = (): unknown => {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
};

describe('a call success answered as text', () => {
  it('gives the bytes of the object the base would encode, for any data', () => {
    const data = fc.oneof(fc.anything({ withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true }), fc.constantFrom(undefined, null, 0, -0, NaN, 'x', [undefined], { toJSON: () => 'j' }));
    fc.assert(
      fc.property(data, (d) => {
        expect(reply(succeeded({ code: 0, data: d }))).toEqual(reply({ ok: true, result: { code: 0, data: d } }));
      }),
      { numRuns: 3000, seed: 21 },
    );
  });

  it('answers data JSON cannot encode as the base does: 500', () => {
    for (const d of [cyclic(), { n: 1n }]) {
      expect(reply(succeeded({ code: 0, data: d }))).toEqual(reply({ ok: true, result: { code: 0, data: d } }));
      expect(reply(succeeded({ code: 0, data: d }))[0]).toBe(500);
    }
  });
});
