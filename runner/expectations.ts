/**
 * An expectations file lets a team adopt the gate before it conforms fully: per rule ID, the
 * verdict it expects today, why, and where that is tracked. A rule that does better than expected
 * is flagged as an unexpected pass, so the file cannot go stale silently.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Verdict } from './model';
import { UsageError } from './usage';

export const Expectations = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(
    z.string().regex(/^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule ID'),
    z.strictObject({ status: Verdict.exclude(['passed', 'expected failure', 'unexpected pass', 'not run']), reason: z.string().min(1), issue: z.string().optional() }),
  ),
});
export type Expectations = z.infer<typeof Expectations>;

/** Reads and checks an expectations file; with `known`, a rule ID it does not hold is the first error reported. */
export function readExpectations(path: string, known?: ReadonlySet<string | undefined>): Expectations {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read the expectations file ${path}: ${(e as Error).message}`);
  }
  // an unknown rule ID (a typo, a renamed rule) matters more than that entry's missing fields
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (known !== undefined && typeof rules === 'object' && rules !== null) {
    for (const id of Object.keys(rules)) if (!known.has(id)) throw new UsageError(`the expectations file ${path} names an unknown rule ${id}`);
  }
  const r = Expectations.safeParse(raw);
  if (!r.success) throw new UsageError(`the expectations file ${path} is invalid: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** The final verdict of a rule, given what it did and what was expected of it. */
export function judge(actual: Verdict, expected: Verdict | undefined): Verdict {
  if (expected === undefined) return actual;
  if (actual === 'passed') return 'unexpected pass';
  if (actual === expected) return 'expected failure';
  return actual;
}

// defined with the command line's other shared pieces (runner/usage.ts), which `serve` loads without this module
export { UsageError } from './usage';
