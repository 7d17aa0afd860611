/**
 * The command line's test-runner habits (issue 19 item 6): `--help` on every subcommand, `--list`,
 * an empty selection as a usage error, `--grep`, `--bail`, `--last-failed`, one-line errors for bad
 * flag values, and the progress line (live on a terminal, plain lines elsewhere).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Conformance } from '../runner/model';
import { progress } from '../runner/progress';
import type { ScenarioOutcome } from '../runner/features';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}
const result = (out: string) => Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));

describe('groupspec <command> --help', () => {
  it.each([
    ['run', /--grep[\s\S]*--last-failed[\s\S]*--list[\s\S]*--bail/],
    ['serve', /--port N[\s\S]*--host H/],
    ['report', /--compare/],
    ['merge', /merge A\.json B\.json/],
  ])('%s --help prints its options and exits 0', (command, options) => {
    for (const flag of ['--help', '-h']) {
      const r = cli([command, flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^groupspec ${command}`));
      expect(r.stdout).toMatch(options);
      expect(r.stderr).toBe('');
    }
  });
});

describe('bad flag values: exit 2 with one line, never a stack', () => {
  it.each([
    [['run', '--tags', '(('], /^groupspec: --tags "\(\(": syntax error: Unmatched \(\.$/],
    [['run', '--grep', '('], /^groupspec: --grep "\(": not a regular expression/],
    [['serve', '--port', '99999'], /^groupspec: --port takes a number from 0 to 65535, got 99999$/],
    [['serve', '--port', 'x'], /^groupspec: --port takes a whole number, got "x"$/],
    [['run', '--fuzz-runs', ''], /^groupspec: --fuzz-runs takes a whole number, got ""$/],
    [['run', '--tags', '@type:work', '--no-properties'], /^groupspec: --tags "@type:work" selects no scenario \(tags are case-sensitive/],
    [['run', '--grep', 'no scenario is called this'], /selects no scenario/],
    [['run', '--last-failed', '--out', join(tmpdir(), 'groupspec-no-such-run')], /--last-failed: no previous run in/],
    [['run', '--replay', '7', '--seed', '8'], /^groupspec: --replay 7 carries its seed \(7\): drop --seed 8$/],
  ])('%j', (args, reason) => {
    const r = cli(args as string[]);
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(reason);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('an expectations file', () => {
  it('with an unknown rule ID says so first, before that entry\'s missing reason', () => {
    const file = join(tmp, 'expectations.json');
    writeFileSync(file, JSON.stringify({ rules: { 'dismiss.no-such-rule': { status: 'failed' } } }));
    const r = cli(['run', '--expectations', file, '--rule', 'limits.member-cap', '--no-properties']);
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr.trim()).toBe(`groupspec: the expectations file ${file} names an unknown rule dismiss.no-such-rule`);
  });
});

describe('groupspec run --list', () => {
  it('prints the scenarios a selection would run, by rule, and the properties; runs nothing', () => {
    const out = join(tmp, 'listed');
    const r = cli(['run', '--list', '--rule', 'dismiss.only-owner-dismisses', '--rule', 'limits.member-cap', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^dismiss\.only-owner-dismisses\n {2}features\/dismiss\/dismissing-groups\.feature:\d+ {2}The owner of a Public group dismisses it\n/);
    expect(r.stdout).toMatch(/\nproperty race\.last-seat \(1 of its rules selected\)\n/);
    expect(r.stdout).toMatch(/\n\d+ scenarios in 2 rules, \d+ properties; nothing was run\n$/);
    expect(() => readFileSync(join(out, 'conformance.json'))).toThrow();
  });

  it('finds the features from any working directory (an installed package runs elsewhere)', () => {
    const r = cli(['run', '--list', '--rule', 'limits.member-cap', '--no-properties'], {}, tmp);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\n\d+ scenarios in 1 rules; nothing was run\n$/);
  });

  it('applies --grep to scenario titles, and the run uses the same selection (header counts it)', () => {
    const listed = cli(['run', '--list', '--grep', 'owner of a (Public|Meeting) group dismisses', '--no-properties']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/\n2 scenarios in 1 rules; nothing was run\n$/);
    const out = join(tmp, 'grep');
    const run = cli(['run', '--grep', 'owner of a (Public|Meeting) group dismisses', '--no-properties', '--out', out]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^groupspec run: .*; 1 of \d+ rules, 2 scenarios selected\n/);
    const c = result(out);
    expect(c.rules.map((x) => x.id)).toEqual(['dismiss.only-owner-dismisses']);
    expect(c.rules[0]!.scenarios.map((s) => s.name)).toEqual(['The owner of a Public group dismisses it', 'The owner of a Meeting group dismisses it']);
  });
});

describe('--replay', () => {
  it('records and prints the replayed counterexample\'s seed, not a fresh one of its own', () => {
    const out = join(tmp, 'replay');
    const r = cli(['run', '--replay', '7', '--out', out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nseed: 7\n/);
    expect(result(out).configuration.seed).toBe(7);
  }, 120_000);
});

describe('--bail and --last-failed', () => {
  it('--bail stops at the first failure (incomplete); --last-failed reruns only the rules that failed', () => {
    const out = join(tmp, 'broken');
    const env = { GROUPSPEC_BREAK: 'dismiss-does-nothing' };
    const rules = ['--rule', 'dismiss.only-owner-dismisses', '--rule', 'dismiss.dismissed-group-unreachable', '--rule', 'quit.members-may-leave'];
    const full = cli(['run', '--adapter', 'selftest/broken/index.ts', ...rules, '--no-properties', '--out', out], env);
    expect(full.status, full.stdout + full.stderr).toBe(1);
    const failed = result(out).rules.filter((x) => x.verdict === 'failed').map((x) => x.id).sort();
    expect(failed).toEqual(['dismiss.dismissed-group-unreachable', 'dismiss.only-owner-dismisses']);
    // plain progress lines when stdout is not a terminal: each failing rule as it completes
    expect(full.stdout).toMatch(/\n {2}rule dismiss\.only-owner-dismisses: \d+ of \d+ scenario\(s\) failed\n/);
    expect(full.stdout).not.toMatch(/\u001b/);

    const again = cli(['run', '--adapter', 'selftest/broken/index.ts', '--last-failed', '--no-properties', '--out', out], env);
    expect(again.status, again.stdout + again.stderr).toBe(1);
    expect(again.stdout).toMatch(/; 2 of \d+ rules, \d+ scenarios selected\n/);
    expect(result(out).rules.map((x) => x.id).sort()).toEqual(failed);

    const bailed = cli(['run', '--adapter', 'selftest/broken/index.ts', ...rules, '--bail', '--out', out], env);
    expect(bailed.status, bailed.stdout + bailed.stderr).toBe(1);
    const c = result(out);
    expect(c.complete).toBe(false);
    expect(c.rules.flatMap((x) => x.scenarios)).toHaveLength(1);
    expect(c.properties).toEqual([]);
    expect(bailed.stdout).toMatch(/bailed out at the first failure/);
    // the rules it never reached read "not run", never "not applicable", in every report
    const verdicts = c.rules.map((x) => x.verdict);
    expect(verdicts.filter((v) => v === 'failed')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'not run')).toHaveLength(2);
    expect(c.totals['not applicable']).toBe(0);
    expect(c.totals['not run']).toBe(2);
    expect(c.cause).toBe('bailed out at the first failure (--bail)');
    expect(bailed.stdout).toMatch(/\nrules: 1 failed, 2 not run\n/);
    expect(bailed.stdout).toContain('incomplete run: bailed out at the first failure (--bail)');
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\*\*2\*\* not run/);
    expect(summary).toMatch(/- \*\*not run\*\*: 2 rule\(s\) the run did not reach/);
    const junitXml = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junitXml.match(/<skipped message="not run: bailed out at the first failure \(--bail\)"\/>/g)).toHaveLength(2);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/data-verdict="not run">2</);
    // a result written before "not run" existed (no such count in its totals) still renders
    const old = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as { totals: Record<string, number>; rules: { verdict: string }[] };
    delete old.totals['not run'];
    old.totals['not applicable'] = 2;
    for (const x of old.rules) if (x.verdict === 'not run') x.verdict = 'not applicable';
    writeFileSync(join(tmp, 'old.json'), JSON.stringify(old));
    const rendered = cli(['report', join(tmp, 'old.json'), '--out', join(tmp, 'old')]);
    expect(rendered.status, rendered.stderr).toBe(0);
    expect(readFileSync(join(tmp, 'old', 'summary.md'), 'utf8')).toMatch(/\*\*1\*\* failed, 2 not applicable, 0 expected/);
  }, 120_000);
});

describe('the progress line', () => {
  const planned = [
    { ruleID: 'a.one', name: 'x', location: 'f:1' },
    { ruleID: 'a.one', name: 'y', location: 'f:2' },
    { ruleID: 'b.two', name: 'z', location: 'f:3' },
  ];
  const outcome = (ruleID: string, verdict: ScenarioOutcome['verdict']): ScenarioOutcome => ({ ruleID, name: 'n', location: 'f:1', verdict, durationMs: 1 });

  it('on a terminal rewrites one line: rules done / total, scenarios, failures so far; and clears it', () => {
    const out: string[] = [];
    const p = progress(planned, true, (t) => out.push(t));
    p.onScenario(outcome('a.one', 'failed'));
    p.onScenario(outcome('a.one', 'passed'));
    p.onScenario(outcome('b.two', 'passed'));
    p.finish();
    expect(out).toEqual(['\r\u001b[2K0/2 rules, 1/3 scenarios, 1 failed', '\r\u001b[2K1/2 rules, 2/3 scenarios, 1 failed', '\r\u001b[2K2/2 rules, 3/3 scenarios, 1 failed', '\r\u001b[2K']);
  });

  it('elsewhere prints plain lines: each failing rule when it completes, and the quarters', () => {
    const out: string[] = [];
    const p = progress(planned, false, (t) => out.push(t));
    p.onScenario(outcome('a.one', 'crashed'));
    p.onScenario(outcome('a.one', 'passed'));
    p.onScenario(outcome('b.two', 'passed'));
    p.finish();
    expect(out).toEqual(['progress: 0/2 rules, 1/3 scenarios, 1 failed\n', '  rule a.one: 1 of 2 scenario(s) failed\n', 'progress: 1/2 rules, 2/3 scenarios, 1 failed\n']);
    expect(out.join('')).not.toMatch(/\u001b/);
  });
});
