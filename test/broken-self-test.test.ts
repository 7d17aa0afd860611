/**
 * Suite strength: the gate catches broken implementations. For every break in the catalogue
 * (selftest/broken), the scenarios of the rule it breaks are run against it and must fail, by an
 * assertion and not by a crash; against the plain simulator the same scenarios pass, so the failure
 * is the break's doing.
 *
 * A child process runs a batch of breaks in turn through cucumber's JavaScript API
 * (selftest/run-breaks.ts); the batches (GROUPSPEC_SELF_TEST_BATCHES, default one per CPU up to
 * 2) run side by side. The findings are written to reports/suite-strength.json: for each
 * rule, the breaks its scenarios caught. GROUPSPEC_SUITE_STRENGTH=all runs every feature against
 * every break instead (slower), which also shows the other rules each break fails.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BREAKS } from '../selftest/broken/catalogue';
import { loadCatalogue } from '../catalogue/catalogue';
import type { BreakOutcome, RunnerOutput, RunOutcome, ScenarioOutcome } from '../selftest/run-breaks';
import { RECORD_PATH, detectedBy as detectedByOf, failedRules, recordText } from '../selftest/strength-record';

const ROOT = resolve(__dirname, '..');
const SCOPE = process.env.GROUPSPEC_SUITE_STRENGTH === 'all' ? 'all' : 'rule';

/**
 * Breaks the scenarios of their rule do not catch: real findings about the suite, reported rather
 * than hidden by weakening the break. Each is asserted to still be a gap, so the list cannot go stale:
 * when a scenario is added that catches one, the test says to remove it from here.
 */
const KNOWN_GAPS: Record<string, string> = {};

/** A step failure that is the implementation crashing (or a broken break), not an assertion. */
const CRASH = /\bTypeError\b|\bReferenceError\b|\bRangeError\b|\bSyntaxError\b|UNCAUGHT_ERROR|failed with undefined:|got undefined:|does not match the SDK's shape/;

function crashes(sc: ScenarioOutcome): string[] {
  const out = sc.incidents.map((i) => `incident ${i}`);
  for (const p of sc.problems) {
    if (p.status === 'UNDEFINED' || p.status === 'AMBIGUOUS') out.push(`${p.status} step "${p.text}"`);
    else if (p.status === 'FAILED' && ((p.exceptionType !== undefined && p.exceptionType !== 'Error') || CRASH.test(p.message ?? ''))) {
      out.push(`crash in "${p.text}": ${p.exceptionType ?? ''} ${(p.message ?? '').split('\n')[0]}`);
    }
  }
  return out.map((m) => `${sc.name}: ${m}`);
}


let out: RunnerOutput;
let wallMs = 0;

/** Runs the break runner on some breaks in a child process and parses what it prints. */
function runBatch(args: string[]): Promise<RunnerOutput> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', './runner/register-ts.js', 'selftest/run-breaks.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, GROUPSPEC_EVENTUALLY_MS: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the break runner exited with ${code}: ${stderr}`));
      else resolvePromise(JSON.parse(stdout) as RunnerOutput);
    });
  });
}

beforeAll(async () => {
  const t0 = Date.now();
  const n = Math.max(1, Number(process.env.GROUPSPEC_SELF_TEST_BATCHES ?? Math.min(2, availableParallelism())));
  const batches = Array.from({ length: n }, (_v, i) => BREAKS.filter((_b, j) => j % n === i).map((b) => b.id)).filter((ids) => ids.length > 0);
  // each batch also runs the rules of its own breaks against the plain simulator (--baseline)
  const outs = await Promise.all(batches.map((ids) => runBatch([`--scope=${SCOPE}`, `--breaks=${ids.join(',')}`, '--baseline'])));
  wallMs = Date.now() - t0;
  const order = new Map(BREAKS.map((b, i) => [b.id, i]));
  const baselines = outs.map((o) => o.baseline!);
  const counts: RunOutcome['counts'] = {};
  for (const b of baselines) for (const [rule, c] of Object.entries(b.counts)) for (const [status, k] of Object.entries(c)) (counts[rule] ??= {})[status] = (counts[rule]?.[status] ?? 0) + k;
  out = {
    scope: SCOPE,
    baseline: {
      success: baselines.every((b) => b.success),
      exitCode: baselines.every((b) => b.exitCode === 0) ? 0 : 1,
      ms: Math.max(...baselines.map((b) => b.ms)),
      counts,
      problems: baselines.flatMap((b) => b.problems),
    },
    breaks: outs.flatMap((o) => o.breaks).sort((a, b) => order.get(a.id)! - order.get(b.id)!),
    totalMs: Math.max(...outs.map((o) => o.totalMs)),
  };
  console.log(`suite strength: ${out.breaks.length} breaks (${SCOPE} scope) in ${batches.length} batch(es), ${(wallMs / 1000).toFixed(1)} s`);
}, 900_000);

describe('the catalogue of broken implementations', () => {
  it('names existing rules, has unique IDs and covers every area', () => {
    const rules = new Map(loadCatalogue(join(ROOT, 'features')).rules.map((r) => [r.id!, r]));
    expect(new Set(BREAKS.map((b) => b.id)).size).toBe(BREAKS.length);
    for (const b of BREAKS) {
      expect(rules.has(b.rule), `${b.id} names ${b.rule}`).toBe(true);
      expect(b.description.length, b.id).toBeGreaterThan(10);
    }
    const areas = new Set([...rules.values()].map((r) => r.area));
    const broken = new Set(BREAKS.map((b) => rules.get(b.rule)!.area));
    expect([...areas].filter((a) => !broken.has(a))).toEqual([]);
    expect(BREAKS.length).toBeGreaterThanOrEqual(65);
  });

  it('every known gap is a break of the catalogue', () => {
    for (const id of Object.keys(KNOWN_GAPS)) expect(BREAKS.some((b) => b.id === id), id).toBe(true);
  });
});

describe('against the plain simulator', () => {
  it('every broken rule passes, so the failures below are the breaks\' doing', () => {
    const baseline = out.baseline!;
    const problems = baseline.problems.map((p) => `${p.rules.join(',')}: ${p.name}: ${p.problems.map((s) => `${s.status} ${s.text} ${s.message ?? ''}`).join('; ')}`);
    expect(problems).toEqual([]);
    expect(baseline.exitCode).toBe(0);
    for (const rule of new Set(BREAKS.map((b) => b.rule))) expect(baseline.counts[rule]?.PASSED ?? 0, `${rule} has scenarios`).toBeGreaterThan(0);
  });
});

describe.each(BREAKS.map((b) => [b.id, b.rule] as const))('break %s', (id, rule) => {
  const result = (): BreakOutcome => {
    const b = out.breaks.find((x) => x.id === id);
    if (b === undefined) throw new Error(`the runner did not run ${id}`);
    return b;
  };

  it('runs without crashing: no undefined or ambiguous steps, no uncoded errors', () => {
    expect(result().problems.flatMap(crashes)).toEqual([]);
  });

  if (id in KNOWN_GAPS) {
    it(`is still a known gap of ${rule} (${KNOWN_GAPS[id]})`, () => {
      const b = result();
      expect(b.counts[rule]?.FAILED ?? 0, `${id} is caught by ${rule} now: remove it from KNOWN_GAPS`).toBe(0);
    });
  } else {
    it(`fails ${rule}`, () => {
      const b = result();
      expect(b.exitCode, `${id} went unnoticed by ${rule}`).toBe(1);
      expect(b.counts[rule]?.FAILED ?? 0).toBeGreaterThan(0);
      // caught by an action or an outcome of the rule's scenarios, not merely by a setup step it broke
      const caughtBy = b.problems.filter((sc) => sc.rules.includes(rule)).flatMap((sc) => sc.problems).filter((p) => p.status === 'FAILED' && p.type !== 'Context');
      expect(caughtBy.length, `${id} only breaks the setup of ${rule}`).toBeGreaterThan(0);
    });
  }
});

describe('the suite-strength report', () => {
  it('writes reports/suite-strength.json: for each rule, the breaks its scenarios caught', () => {
    const rules = loadCatalogue(join(ROOT, 'features')).rules.map((r) => r.id!).sort();
    const detectedBy = detectedByOf(out.breaks, rules);
    const report = {
      generatedAt: new Date().toISOString(),
      scope: SCOPE,
      timing: { wallMs, runnerMs: out.totalMs },
      breakCount: out.breaks.length,
      rulesWithABreak: new Set(BREAKS.map((b) => b.rule)).size,
      ruleCount: rules.length,
      detectedBy,
      breaks: Object.fromEntries(
        out.breaks.map((b) => {
          const brk = BREAKS.find((x) => x.id === b.id)!;
          return [b.id, { rule: b.rule, description: brk.description, caught: (b.counts[b.rule]?.FAILED ?? 0) > 0, failedRules: failedRules(b), ms: b.ms }];
        }),
      ),
      knownGaps: KNOWN_GAPS,
    };
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports/suite-strength.json'), `${JSON.stringify(report, null, 2)}\n`);
    for (const b of BREAKS) if (!(b.id in KNOWN_GAPS)) expect(detectedBy[b.rule], b.rule).toContain(b.id);
  });

  // the record is of the default rule scope; GROUPSPEC_SUITE_STRENGTH=all finds more per break
  it.skipIf(SCOPE !== 'rule')('matches the committed record every run shows as "detected by" (docs/suite-strength.json)', () => {
    const text = recordText(SCOPE, out.breaks, loadCatalogue(join(ROOT, 'features')).rules.map((r) => r.id!));
    if (process.env.GROUPSPEC_WRITE_SUITE_STRENGTH === '1') writeFileSync(RECORD_PATH, text);
    expect(readFileSync(RECORD_PATH, 'utf8'), 'docs/suite-strength.json is stale: GROUPSPEC_WRITE_SUITE_STRENGTH=1 npx vitest run test/broken-self-test.test.ts').toBe(text);
  });
});
