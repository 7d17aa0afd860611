/**
 * Runs the conformance features against the broken implementations, one break after the other in
 * this one process, through cucumber's JavaScript API, and prints what happened as JSON on stdout
 * (cucumber's own output goes nowhere).
 *
 *   ts-node -T selftest/run-breaks.ts [--scope=rule|all] [--breaks=id,id] [--baseline]
 *
 * --scope=rule (default) runs, for each break, only the scenarios of the rule it breaks
 * (`--tags @rule:<id>`, over the feature file that holds it); --scope=all runs every feature against
 * every break, to see which other rules a break also fails. --baseline first runs the broken rules'
 * scenarios against the plain simulator. The support code is loaded once; between runs the
 * implementation is re-chosen (GROUPSPEC_ADAPTER / GROUPSPEC_BREAK, resetImplementation()).
 *
 * Per scenario it reports the status of the test case (the worst step status), the failed steps
 * with their messages and exception types, and the incidents the World attached (a crash or timeout
 * of the implementation), read from cucumber's messages by the gate's own reader (runner/messages.ts).
 */
import { Writable } from 'node:stream';
import { join, resolve } from 'node:path';
import { loadConfiguration, loadSupport, runCucumber, type IRunConfiguration, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { loadCatalogue } from '../catalogue/catalogue';
import { BREAKS } from './broken/catalogue';
import { resetImplementation } from '../adapters/resolve';
import { MessageReader, type ScenarioRecord } from '../runner/messages';

const ROOT = resolve(__dirname, '..');
const ADAPTER = join(ROOT, 'selftest/broken/index.ts');

export interface StepOutcome {
  text: string;
  /** Gherkin's step type: Context (Given), Action (When) or Outcome (Then). */
  type?: string;
  status: string;
  message?: string;
  exceptionType?: string;
}

export interface ScenarioOutcome {
  name: string;
  uri: string;
  rules: string[];
  /** The worst step status: PASSED, FAILED, UNDEFINED, AMBIGUOUS, SKIPPED, PENDING, UNKNOWN. */
  status: string;
  /** Steps that did not pass or skip. */
  problems: StepOutcome[];
  incidents: string[];
}

export interface RunOutcome {
  success: boolean;
  /** What `cucumber-js` would have exited with. */
  exitCode: 0 | 1;
  ms: number;
  /** Rule ID -> scenario status -> how many scenarios of that rule ended so. */
  counts: Record<string, Record<string, number>>;
  /** The scenarios that did not pass, in full. */
  problems: ScenarioOutcome[];
}

export interface BreakOutcome extends RunOutcome {
  id: string;
  rule: string;
}

export interface RunnerOutput {
  scope: 'rule' | 'all';
  baseline?: RunOutcome;
  breaks: BreakOutcome[];
  totalMs: number;
}

const RANK = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

function worst(a: string, b: string): string {
  return RANK.indexOf(b) > RANK.indexOf(a) ? b : a;
}

/** A scenario's outcome as the self-test reads it: its worst step status and every step that did not pass or skip. */
function outcomeOf(sc: ScenarioRecord): ScenarioOutcome {
  return {
    name: sc.name,
    uri: sc.uri,
    rules: sc.rules,
    status: sc.steps.reduce((w, st) => worst(w, st.status), 'UNKNOWN'),
    problems: sc.steps
      .filter((st) => st.status !== 'PASSED' && st.status !== 'SKIPPED')
      .map((st) => ({
        text: st.text ?? 'hook',
        ...(st.type === undefined ? {} : { type: st.type }),
        status: st.status,
        ...(st.message === undefined ? {} : { message: st.message.split('\n').slice(0, 6).join('\n') }),
        ...(st.exceptionType === undefined ? {} : { exceptionType: st.exceptionType }),
      })),
    incidents: sc.incidents,
  };
}

const sink = (): Writable => new Writable({ write: (_c, _e, done) => done() });

async function run(base: IRunConfiguration, support: ISupportCodeLibrary, paths: string[], tagExpression: string, env: Record<string, string>): Promise<RunOutcome> {
  Object.assign(process.env, env);
  resetImplementation();
  const reader = new MessageReader();
  const t0 = Date.now();
  const { success } = await runCucumber(
    { ...base, sources: { ...base.sources, paths, tagExpression }, support },
    { cwd: ROOT, stdout: sink(), stderr: sink(), env: process.env },
    reader.read,
  );
  const scenarios = reader.scenarios().map(outcomeOf);
  const counts: RunOutcome['counts'] = {};
  for (const sc of scenarios) for (const r of sc.rules) (counts[r] ??= {})[sc.status] = (counts[r]?.[sc.status] ?? 0) + 1;
  return { success, exitCode: success ? 0 : 1, ms: Date.now() - t0, counts, problems: scenarios.filter((sc) => sc.status !== 'PASSED') };
}

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const scope = option('scope') === 'all' ? 'all' : 'rule';
  const only = option('breaks')?.split(',').filter((s) => s !== '');
  const breaks = only === undefined ? BREAKS : BREAKS.filter((b) => only.includes(b.id));
  const unknown = (only ?? []).filter((id) => !BREAKS.some((b) => b.id === id));
  if (unknown.length > 0) throw new Error(`no such breaks: ${unknown.join(', ')}`);

  const fileOf = new Map<string, string>();
  for (const r of loadCatalogue(join(ROOT, 'features')).rules) if (r.id !== undefined) fileOf.set(r.id, `features/${r.file}`);
  const featuresOf = (rules: string[]): string[] => {
    const files = [...new Set(rules.map((r) => fileOf.get(r)))];
    if (files.includes(undefined)) throw new Error(`a break names a rule no feature holds: ${rules.filter((r) => !fileOf.has(r)).join(', ')}`);
    return files as string[];
  };

  const env = { cwd: ROOT, stdout: sink(), stderr: sink(), env: process.env };
  const { runConfiguration } = await loadConfiguration(
    // ts-node is registered already (this script runs under it): no requireModule
    { file: false, provided: { paths: ['features/**/*.feature'], require: ['steps/**/*.ts'], requireModule: [], format: [], strict: true } },
    env,
  );
  const support = await loadSupport(runConfiguration, env);

  const out: RunnerOutput = { scope, breaks: [], totalMs: 0 };
  if (option('baseline') !== undefined) {
    const rules = [...new Set(breaks.map((b) => b.rule))];
    out.baseline = await run(runConfiguration, support, featuresOf(rules), rules.map((r) => `@rule:${r}`).join(' or '), { GROUPSPEC_ADAPTER: 'simulator', GROUPSPEC_BREAK: '' });
  }
  for (const b of breaks) {
    const paths = scope === 'all' ? ['features/**/*.feature'] : featuresOf([b.rule]);
    const tags = scope === 'all' ? '' : `@rule:${b.rule}`;
    out.breaks.push({ id: b.id, rule: b.rule, ...(await run(runConfiguration, support, paths, tags, { GROUPSPEC_ADAPTER: ADAPTER, GROUPSPEC_BREAK: b.id })) });
  }
  out.totalMs = Date.now() - t0;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
