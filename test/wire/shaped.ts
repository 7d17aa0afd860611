/** Generated wire bodies and answers for the quick-check tests (quick-bodies, quick-answers): as JSON delivers them. */
import fc from 'fast-check';

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
