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
 * Per scenario it reports the status of the test case (the worst step status, from the
 * testStepFinished messages), the failed steps with their messages and exception types, and the
 * incidents the World attached (a crash or timeout of the implementation).
 */
import { Writable } from 'node:stream';
import { join, resolve } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { loadConfiguration, loadSupport, runCucumber, type IRunConfiguration, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { loadCatalogue } from '../catalogue/catalogue';
import { BREAKS } from './broken/catalogue';
import { resetImplementation } from '../adapters/resolve';
import { INCIDENT_MEDIA_TYPE } from '../steps/incident';

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

/** Collects the scenario outcomes of one run from cucumber's message stream. */
class Collector {
  private readonly pickles = new Map<string, any>();
  private readonly testCases = new Map<string, any>();
  private readonly started = new Map<string, ScenarioOutcome & { stepText: Map<string, { text: string; type?: string }> }>();

  onMessage = (m: Envelope): void => {
    if (m.pickle !== undefined) this.pickles.set(m.pickle.id, m.pickle);
    else if (m.testCase !== undefined) this.testCases.set(m.testCase.id, m.testCase);
    else if (m.testCaseStarted !== undefined) {
      const tc = this.testCases.get(m.testCaseStarted.testCaseId);
      const pickle = this.pickles.get(tc.pickleId);
      const stepText = new Map<string, { text: string; type?: string }>();
      for (const ts of tc.testSteps as any[]) {
        const ps = ts.pickleStepId === undefined ? undefined : (pickle.steps as any[]).find((p) => p.id === ts.pickleStepId);
        stepText.set(ts.id, ps === undefined ? { text: 'hook' } : { text: ps.text, type: ps.type });
      }
      this.started.set(m.testCaseStarted.id, {
        name: pickle.name,
        uri: pickle.uri,
        rules: (pickle.tags as Array<{ name: string }>).map((t) => t.name).filter((t) => t.startsWith('@rule:')).map((t) => t.slice('@rule:'.length)),
        status: 'UNKNOWN',
        problems: [],
        incidents: [],
        stepText,
      });
    } else if (m.testStepFinished !== undefined) {
      const sc = this.started.get(m.testStepFinished.testCaseStartedId);
      if (sc === undefined) return;
      const r = m.testStepFinished.testStepResult;
      sc.status = worst(sc.status, r.status);
      if (r.status !== 'PASSED' && r.status !== 'SKIPPED') {
        const step = sc.stepText.get(m.testStepFinished.testStepId) ?? { text: '?' };
        sc.problems.push({
          text: step.text,
          ...(step.type === undefined ? {} : { type: step.type }),
          status: r.status,
          ...(r.message === undefined ? {} : { message: r.message.split('\n').slice(0, 6).join('\n') }),
          ...(r.exception?.type === undefined ? {} : { exceptionType: r.exception.type }),
        });
      }
    } else if (m.attachment !== undefined && m.attachment.mediaType === INCIDENT_MEDIA_TYPE && m.attachment.testCaseStartedId !== undefined) {
      this.started.get(m.attachment.testCaseStartedId)?.incidents.push(m.attachment.body);
    }
  };

  outcomes(): ScenarioOutcome[] {
    return [...this.started.values()].map(({ stepText: _s, ...rest }) => rest);
  }
}

const sink = (): Writable => new Writable({ write: (_c, _e, done) => done() });

async function run(base: IRunConfiguration, support: ISupportCodeLibrary, paths: string[], tagExpression: string, env: Record<string, string>): Promise<RunOutcome> {
  Object.assign(process.env, env);
  resetImplementation();
  const collector = new Collector();
  const t0 = Date.now();
  const { success } = await runCucumber(
    { ...base, sources: { ...base.sources, paths, tagExpression }, support },
    { cwd: ROOT, stdout: sink(), stderr: sink(), env: process.env },
    collector.onMessage,
  );
  const scenarios = collector.outcomes();
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
