/**
 * Suite strength per rule, the "detected by" figure: the broken implementations (selftest/broken)
 * whose violation of a rule the suite caught. A user running the gate against an adapter expects to
 * see how strong each rule's check is without running the self-test: that is a fact about this
 * version of the suite, not about the adapter, so the package carries the self-test's record
 * (docs/suite-strength.json, written and checked by test/broken-self-test.test.ts) and every run and
 * `report` show it. Fresher data wins: `<out>/suite-strength.json`, then the package's
 * `reports/suite-strength.json` (a local self-test run), then the committed record.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conformance } from './model';
import { packageRoot } from './paths';

/** The committed self-test record, relative to the package root. */
export const STRENGTH_RECORD = join('docs', 'suite-strength.json');

function candidates(out: string): string[] {
  let root: string | undefined;
  try {
    root = packageRoot();
  } catch {
    root = undefined;
  }
  return [join(out, 'suite-strength.json'), ...(root === undefined ? [] : [join(root, 'reports', 'suite-strength.json'), join(root, STRENGTH_RECORD)])];
}

/** `{ruleID: breakIDs[]}`, or a report holding that map as its `detectedBy` field; undefined when it is neither. */
export function detectedByIn(raw: unknown): Map<string, string[]> | undefined {
  const inner = typeof raw === 'object' && raw !== null && 'detectedBy' in raw ? (raw as { detectedBy: unknown }).detectedBy : raw;
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return undefined;
  const map = new Map<string, string[]>();
  for (const [id, breaks] of Object.entries(inner)) if (Array.isArray(breaks) && breaks.every((b) => typeof b === 'string')) map.set(id, breaks as string[]);
  return map.size > 0 ? map : undefined;
}

/** The first readable suite-strength data for a run writing to `out`. */
export function readDetectedBy(out: string): Map<string, string[]> | undefined {
  for (const path of candidates(out)) {
    if (!existsSync(path)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      continue;
    }
    const map = detectedByIn(raw);
    if (map !== undefined) return map;
  }
  return undefined;
}

/** A result to render (`groupspec report`): rules without a detectedBy get it from the suite-strength data, when there is some. */
export function withDetectedBy(result: Conformance, out: string): Conformance {
  if (result.rules.some((r) => r.detectedBy !== undefined)) return result;
  const detected = readDetectedBy(out);
  if (detected === undefined) return result;
  return { ...result, rules: result.rules.map((r) => (detected.has(r.id) ? { ...r, detectedBy: detected.get(r.id)! } : r)) };
}
