/**
 * A counterexample printed as Gherkin is a real scenario: it parses, and run by cucumber against
 * the implementation that failed, it fails the same way; against the reference simulator it passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { findBreak } from '../selftest/broken/catalogue';
import { breakImplementation } from '../selftest/broken/decorate';
import { simulatorImplementation } from '../adapters/simulator';
import { fuzz, FuzzFailure } from './run';

const ROOT = resolve(__dirname, '..');

function runFeature(feature: string, env: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'groupspec-cx-'));
  try {
    const file = join(dir, 'counterexample.feature');
    writeFileSync(file, feature);
    const config = join(dir, 'cucumber.js');
    writeFileSync(config, `module.exports = { default: { paths: [${JSON.stringify(file)}], require: [${JSON.stringify(join(ROOT, 'steps/**/*.ts'))}], requireModule: [${JSON.stringify(join(ROOT, 'runner/register-ts.js'))}], format: ['progress'] } };\n`);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@cucumber/cucumber/bin/cucumber.js'), '--config', relative(ROOT, config)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('counterexamples as Gherkin', () => {
  it('a shrunk counterexample parses, fails the same way against the broken implementation, and passes against the simulator', async () => {
    const brk = findBreak('group-list-misses-newest')!;
    let failure: FuzzFailure | undefined;
    try {
      await fuzz({ implementation: () => breakImplementation(simulatorImplementation(), brk), differential: false, config: { numRuns: 200, seed: 4242, path: undefined } });
    } catch (e) {
      failure = e as FuzzFailure;
    }
    expect(failure).toBeInstanceOf(FuzzFailure);
    const feature = `@area:lists\nFeature: Counterexample\n  Source: groupspec fuzzer (https://github.com/groupspec)\n\n  @rule:lists.joined-groups @type:Work\n  Rule: replay\n\n${failure!.scenario}\n`;
    const doc = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(feature);
    const scenario = doc.feature!.children[0]!.rule!.children[0]!.scenario!;
    expect(scenario.steps.at(-1)!.text).toBe('the group invariants hold');

    const broken = runFeature(feature, { GROUPSPEC_ADAPTER: join(ROOT, 'selftest/broken/index.ts'), GROUPSPEC_BREAK: brk.id });
    expect(broken.status, broken.output).toBe(1);
    expect(broken.output).toContain("a user's group list holds exactly the groups whose member lists contain the user");

    const reference = runFeature(feature, { GROUPSPEC_ADAPTER: 'simulator' });
    expect(reference.status, reference.output).toBe(0);
  }, 120_000);

  it('pins the observation that differed: a dismissal the reference allows is "it succeeds", so the scenario fails against the adapter that refused it', async () => {
    const fixture = join(ROOT, 'test/fixtures/implementations/dismiss-refused.ts');
    const { createImplementation } = (await import(fixture)) as { createImplementation: () => import('../adapters/contract').Implementation };
    let failure: FuzzFailure | undefined;
    try {
      await fuzz({ implementation: createImplementation, config: { numRuns: 300, seed: 7, path: undefined } });
    } catch (e) {
      failure = e as FuzzFailure;
    }
    expect(failure).toBeInstanceOf(FuzzFailure);
    const lines = failure!.scenario.split('\n').map((l) => l.trim());
    const dismissal = lines.map((l) => /^When \w+ dismisses "G\d+"$/.test(l)).lastIndexOf(true);
    expect(dismissal, failure!.scenario).toBeGreaterThan(0);
    // the adapter answered 10007; the reference dismissed the group: the scenario pins the reference
    expect(lines[dismissal + 1]).toBe('Then it succeeds');
    expect(failure!.scenario).not.toContain('Then it fails with code 10007');
    const feature = `@area:dismiss\nFeature: Counterexample\n  Source: groupspec fuzzer (https://github.com/groupspec)\n\n  @rule:dismiss.only-owner-dismisses @type:Public\n  Rule: replay\n\n${failure!.scenario}\n`;
    const producing = runFeature(feature, { GROUPSPEC_ADAPTER: fixture });
    expect(producing.status, producing.output).toBe(1);
    expect(producing.output).toMatch(/expected success, got code 10007/);
    const reference = runFeature(feature, { GROUPSPEC_ADAPTER: 'simulator' });
    expect(reference.status, reference.output).toBe(0);
  }, 120_000);
});
