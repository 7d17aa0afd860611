/** Generated wire bodies and answers for the quick-check tests (quick-bodies, quick-answers): as JSON delivers them, and the property both check. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

export interface Shape {
  /** Which of the valid keys an object has (default: any subset). */
  present?: (keys: string[]) => fc.Arbitrary<string[]>;
  /** Keys that may be added, with any value, beside the valid ones. */
  extra: string[];
  /** How often an object is made, against one value of `anyValue`. */
  weight: number;
}

/** An object with some of `valid`'s keys (valid values mostly), maybe other keys; or any value at all; parsed from JSON text. */
export function shaped(valid: Record<string, fc.Arbitrary<unknown>>, anyValue: fc.Arbitrary<unknown>, shape: Shape): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const obj = fc
    .tuple(
      (shape.present ?? fc.subarray)(keys),
      fc.record(Object.fromEntries(keys.map((k) => [k, valid[k]!]))),
      fc.array(fc.tuple(fc.constantFrom(...keys, ...shape.extra), anyValue), { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([present, values, added, addBad]) => {
      const o: Record<string, unknown> = {};
      for (const k of present) o[k] = (values as Record<string, unknown>)[k];
      if (addBad) for (const [k, v] of added) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    });
  return fc.oneof({ weight: shape.weight, arbitrary: obj }, { weight: 1, arbitrary: anyValue }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
}

/** What a quick check's agreement with zod means for one value, by zod's verdict on it. */
export interface Agreement {
  /** The quick check vouched for `v` (and zod accepted it, as parsed `data`). */
  vouched(v: unknown, data: unknown): void;
  /** The quick check left `v` to zod, which accepted it as `data`. */
  accepted(v: unknown, data: unknown): void;
  /** zod refused `v`. */
  refused(v: unknown): void;
}

/**
 * Whatever `quick` vouches for, zod accepts; each side is then judged by `agreement`. The generator
 * must exercise both sides (over 100 vouched and 100 refused of 3,000), or the property could not fail.
 */
export function agreesWithZod(schema: z.ZodType, quick: (v: unknown) => boolean, values: fc.Arbitrary<unknown>, agreement: Agreement): void {
  let vouched = 0;
  let refused = 0;
  fc.assert(
    fc.property(values, (v) => {
      const r = schema.safeParse(v);
      if (quick(v)) {
        vouched++;
        expect(r.success).toBe(true);
        agreement.vouched(v, r.data);
      } else if (r.success) {
        agreement.accepted(v, r.data);
      } else {
        refused++;
        agreement.refused(v);
      }
    }),
    { numRuns: 3000, seed: 21 },
  );
  expect(vouched).toBeGreaterThan(100);
  expect(refused).toBeGreaterThan(100);
}
