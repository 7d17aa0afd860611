/**
 * The committed suite-strength record (docs/suite-strength.json): for each rule, the broken
 * implementations its scenarios caught, from a rule-scope run of selftest/run-breaks.ts. The gate
 * shows it as "detected by" after every run (runner/strength.ts); test/broken-self-test.test.ts
 * checks it against a fresh run. Rewrite it from a saved run:
 *
 *   node -r ./runner/register-ts.js selftest/run-breaks.ts --scope=rule > /tmp/breaks.json
 *   node -r ./runner/register-ts.js selftest/strength-record.ts /tmp/breaks.json
 *
 * or `GROUPSPEC_WRITE_SUITE_STRENGTH=1 npx vitest run test/broken-self-test.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalogue } from '../catalogue/catalogue';
import type { BreakOutcome, RunnerOutput } from './run-breaks';

export const RECORD_PATH = resolve(__dirname, '..', 'docs', 'suite-strength.json');

/** The rules a break's run failed: those with at least one scenario that FAILED. */
export function failedRules(b: BreakOutcome): string[] {
  return Object.entries(b.counts)
    .filter(([, c]) => (c.FAILED ?? 0) > 0)
    .map(([r]) => r)
    .sort();
}

/** Every rule of the catalogue, with the breaks (in the order run) whose run failed it. */
export function detectedBy(breaks: readonly BreakOutcome[], rules: readonly string[]): Record<string, string[]> {
  const map: Record<string, string[]> = Object.fromEntries([...rules].sort().map((r) => [r, [] as string[]]));
  for (const b of breaks) for (const r of failedRules(b)) (map[r] ??= []).push(b.id);
  return map;
}

/** The record's text: no timestamp, so an unchanged suite rewrites the same bytes. */
export function recordText(scope: string, breaks: readonly BreakOutcome[], rules: readonly string[]): string {
  const record = {
    about: 'groupspec suite strength: per rule, the broken implementations (selftest/broken) whose violation of it the suite caught; written by selftest/strength-record.ts, shown as "detected by" in every report',
    scope,
    breakCount: breaks.length,
    detectedBy: detectedBy(breaks, rules),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

if (require.main === module) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: selftest/strength-record.ts RUN.json (the output of selftest/run-breaks.ts --scope=rule)');
  const run = JSON.parse(readFileSync(file, 'utf8')) as RunnerOutput;
  if (run.scope !== 'rule') throw new Error(`the record is of a rule-scope run; ${file} is of scope ${run.scope}`);
  const rules = loadCatalogue(join(__dirname, '..', 'features')).rules.map((r) => r.id!);
  writeFileSync(RECORD_PATH, recordText(run.scope, run.breaks, rules));
  process.stdout.write(`wrote ${RECORD_PATH}: ${run.breaks.length} breaks\n`);
}
