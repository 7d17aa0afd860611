/**
 * The whole Gherkin suite as vitest tests, so that mutation testing (Stryker's vitest runner) counts
 * the features. It is not part of `npm test`, which runs cucumber-js itself: vitest.config.mts
 * excludes selftest/mutation/, and vitest.mutation.config.mts (used by `npm run mutation`) includes it.
 * Run it alone with `npx vitest run -c vitest.mutation.config.mts selftest/mutation`.
 *
 * How: cucumber's JavaScript API with the configuration of cucumber.js (default profile), except
 * that the step files are imported here, through vitest's own transform, between a reset and a
 * finalize of cucumber's support-code builder, rather than required by cucumber through ts-node.
 * So the steps, adapters and simulator are the modules vitest loads, in the same module graph as
 * every other test: Stryker's instrumented sandbox files, reloaded on every run (static mutants
 * count) and covered per test.
 *
 * One test per rule (its `@rule:` tag), so that Stryker's perTest coverage runs only the rules that
 * reach a mutant, and its report names the rule that killed it. A test fails when any scenario of
 * its rule fails, is undefined or pending (strict); outside Stryker it also checks that it ran every
 * scenario of the rule, and beforeAll that the rules together are exactly cucumber-js's scenarios.
 * Under Stryker (STRYKER_MUTATOR_WORKER set) cucumber stops at the first failure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { supportCodeLibraryBuilder } from '@cucumber/cucumber';
import { loadConfiguration, loadSources, runCucumber, type IRunConfiguration } from '@cucumber/cucumber/api';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType } from '@cucumber/messages';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const UNDER_STRYKER = process.env.STRYKER_MUTATOR_WORKER !== undefined;

/** Files under `dir` (relative to the root) whose names end with `ext`, sorted, as root-relative posix paths. */
function filesUnder(dir: string, ext: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith(ext))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort();
}

/** The `dir/**\/*.ext` globs of cucumber.js as [dir, ext]; anything else is refused, so this file never silently runs less. */
function simpleGlob(pattern: string): [string, string] {
  const m = /^([\w./-]+)\/\*\*\/\*(\.\w+)$/.exec(pattern);
  if (m === null) throw new Error(`selftest/mutation/features.test.ts understands only "dir/**/*.ext" globs in cucumber.js, not "${pattern}"`);
  return [m[1]!, m[2]!];
}

// the feature files are listed at collection time; beforeAll checks them against cucumber.js
const FEATURE_FILES = filesUnder('features', '.feature');

/**
 * The suite by rule: every `Rule:` (its `@rule:` tag) with the `file:line` of each of its scenarios
 * (each example row of an outline), the form cucumber's path filter selects pickles by. A test per
 * rule keeps the coverage fine-grained (a mutant runs only the rules that reach it) without paying
 * cucumber's per-run overhead (about 10 ms) for each of the 890 scenarios.
 */
interface RuleRun {
  rule: string;
  path: string;
  scenarios: number;
}
const RULES: RuleRun[] = FEATURE_FILES.flatMap((uri) => {
  const lines = new Map<string, number[]>();
  for (const envelope of generateMessages(readFileSync(path.join(ROOT, uri), 'utf8'), uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
    includeSource: false,
    includeGherkinDocument: false,
    includePickles: true,
    newId: IdGenerator.incrementing(),
  })) {
    if (envelope.parseError !== undefined) throw new Error(`${uri}: ${envelope.parseError.message}`);
    const pickle = envelope.pickle;
    if (pickle === undefined) continue;
    if (pickle.location === undefined) throw new Error(`${uri}: scenario "${pickle.name}" has no location`);
    // a scenario outside any Rule runs with the other rule-less scenarios of its file
    const rule = pickle.tags.find((t) => t.name.startsWith('@rule:'))?.name ?? `(no rule) ${uri}`;
    lines.set(rule, [...(lines.get(rule) ?? []), pickle.location.line]);
  }
  return [...lines].map(([rule, ls]) => ({ rule, path: `${uri}:${ls.join(':')}`, scenarios: ls.length }));
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

let runConfiguration: IRunConfiguration;
let support: ReturnType<typeof supportCodeLibraryBuilder.finalize>;

beforeAll(async () => {
  const loaded = await loadConfiguration({ profiles: [] }, { cwd: ROOT });
  runConfiguration = loaded.runConfiguration;
  const config = loaded.useConfiguration;

  // the same feature files and scenarios as cucumber-js (checked outside Stryker: it does not
  // change between mutants, and parsing every feature again costs each mutant run 0.3 s); with no
  // `paths` in cucumber.js, cucumber reads its default, features/**/*.feature
  const paths = config.paths.length > 0 ? config.paths : ['features/**/*.feature'];
  const configured = new Set(paths.flatMap((p) => filesUnder(...simpleGlob(p))));
  expect([...configured].sort()).toEqual(FEATURE_FILES);
  if (!UNDER_STRYKER) {
    const { plan } = await loadSources(runConfiguration.sources, { cwd: ROOT });
    expect(new Set(plan.map((p) => p.uri))).toEqual(new Set(FEATURE_FILES));
    expect(RULES.reduce((n, r) => n + r.scenarios, 0)).toBe(plan.length);
  }

  // the same step files as cucumber-js, loaded through vitest instead of ts-node
  const stepFiles = config.require.flatMap((p) => filesUnder(...simpleGlob(p)));
  supportCodeLibraryBuilder.reset(ROOT, IdGenerator.uuid(), { requireModules: [], requirePaths: [], importPaths: [], loaders: [] });
  for (const file of stepFiles) await import(path.join(ROOT, file));
  support = supportCodeLibraryBuilder.finalize();
  if (support.stepDefinitions.length === 0) throw new Error(`importing ${stepFiles.join(', ')} registered no step definitions (modules already evaluated?)`);
}, 60_000);

describe('cucumber features', () => {
  it.each(RULES.map((r) => [r.rule, r] as const))('%s', async (rule, { path: selection, scenarios }) => {
    const out = new Capture();
    let finished = 0;
    let skipped = 0;
    const { success } = await runCucumber(
      {
        ...runConfiguration,
        sources: { ...runConfiguration.sources, paths: [selection] },
        support,
        runtime: { ...runConfiguration.runtime, parallel: 0, failFast: UNDER_STRYKER },
        formats: { stdout: 'summary', files: {}, publish: false, options: {} },
      },
      { cwd: ROOT, stdout: out, stderr: out, env: process.env },
      (envelope) => {
        if (envelope.testCaseFinished !== undefined && !envelope.testCaseFinished.willBeRetried) finished += 1;
        if (envelope.testStepFinished?.testStepResult.status === 'SKIPPED') skipped += 1;
      },
    );
    if (!success) throw new Error(`${rule}: a scenario failed\n${out.text}`);
    // the reference simulator implements every operation and type: a scenario it lets skip as
    // "not applicable" means it stopped declaring one (a mutant of its capability list), not a pass
    if (skipped > 0) throw new Error(`${rule}: ${skipped} step(s) skipped as not applicable against the reference simulator\n${out.text}`);
    if (!UNDER_STRYKER) expect(finished, `${rule} (${selection})`).toBe(scenarios);
  });
});
