/**
 * Runs the feature files through cucumber's own JavaScript API and turns its messages into one
 * verdict per scenario: passed, failed, not applicable (a step reported the implementation lacks a
 * capability), crashed or timeout (the World attached an incident).
 */
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { TestStepResultStatus, type Envelope } from '@cucumber/messages';
import { MessageReader, type ScenarioRecord } from './messages';
import { packageRoot } from './paths';
import { CallTrace, type Failure, type Verdict } from './model';

export interface ScenarioOutcome {
  ruleID: string | undefined;
  name: string;
  location: string;
  verdict: Verdict;
  durationMs: number;
  failure?: Failure;
}

export interface FeatureRunOptions {
  cwd: string;
  /** Feature paths; default: the project's features/. */
  paths?: string[];
  /** Support code (step definitions) and the module that compiles them. */
  require: string[];
  requireModule: string[];
  tags?: string;
  /** Extra cucumber formats, e.g. `message:reports/cucumber-messages.ndjson`. */
  formats?: string[];
  /** Draw cucumber's progress bar (only on a terminal). */
  progress?: boolean;
  parallel?: number;
  /** Only scenarios whose name matches one of these regular expressions (`--grep`). */
  names?: string[];
  /** Stop at the first failure (`--bail`): cucumber skips the rest. */
  failFast?: boolean;
  onScenario?: (s: ScenarioOutcome) => void;
  /** Every message cucumber emits, in order (runner/cucumber-html.ts builds cucumber.html from them). */
  onMessage?: (e: Envelope) => void;
  /** A scenario begins: whoever watches the run knows which one a crash interrupted. */
  onScenarioStart?: (s: Pick<ScenarioOutcome, 'ruleID' | 'name' | 'location'>) => void;
}

/** cucumber's own step timeout (only with GROUPSPEC_STEP_TIMEOUT_MS set): the scenario ran out of time, it did not fail. */
const FRAMEWORK_TIMEOUT = /^(Error: )?function timed out, ensure the (promise resolves|callback is executed) within \d+ milliseconds/;

const BAD: TestStepResultStatus[] = [TestStepResultStatus.FAILED, TestStepResultStatus.AMBIGUOUS, TestStepResultStatus.UNDEFINED];

export async function runFeatures(o: FeatureRunOptions): Promise<ScenarioOutcome[]> {
  // cucumber's stdout: its progress bar when asked for, else a formatter that writes nothing (bin/silent-formatter.js)
  const formats = [...(o.formats ?? []), o.progress === true ? 'progress-bar' : `./${relative(o.cwd, join(packageRoot(), 'bin', 'silent-formatter.js'))}`];
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: o.paths ?? ['features/**/*.feature'],
        require: o.require,
        requireModule: o.requireModule,
        format: formats,
        strict: true,
        ...(o.tags === undefined ? {} : { tags: o.tags }),
        ...(o.names === undefined ? {} : { name: o.names }),
        ...(o.failFast === true ? { failFast: true } : {}),
        ...(o.parallel === undefined || o.parallel <= 1 ? {} : { parallel: o.parallel }),
      },
    },
    { cwd: o.cwd },
  );
  const out: ScenarioOutcome[] = [];
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const reader = new MessageReader((sc, willBeRetried) => {
    if (willBeRetried) return;
    const outcome = verdictOf(sc);
    out.push(outcome);
    o.onScenario?.(outcome);
  }, o.onScenarioStart === undefined ? undefined : (sc) => o.onScenarioStart!({ ruleID: sc.rules[0], name: sc.name, location: `${sc.uri}:${sc.line}` }));
  const onMessage = o.onMessage;
  await runCucumber(runConfiguration, { cwd: o.cwd, stdout: o.progress === true ? process.stdout : sink, stderr: process.stderr }, onMessage === undefined ? reader.read : (e) => (reader.read(e), onMessage(e)));
  return out;
}

/** A finished scenario's verdict: the first bad step is its failure; an incident names a crash or timeout. */
function verdictOf(sc: ScenarioRecord): ScenarioOutcome {
  const bad = sc.steps.find((st) => BAD.includes(st.status));
  const incident = sc.incidents.length === 0 ? undefined : (JSON.parse(sc.incidents[sc.incidents.length - 1]!) as { kind: 'crashed' | 'timeout'; message: string });
  let verdict: Verdict = 'passed';
  if (bad !== undefined) verdict = incident?.kind ?? (FRAMEWORK_TIMEOUT.test(bad.message ?? '') ? 'timeout' : 'failed');
  else if (sc.steps.some((st) => st.status === TestStepResultStatus.SKIPPED)) verdict = 'not applicable';
  const trace = bad === undefined || sc.trace === undefined ? undefined : CallTrace.safeParse(JSON.parse(sc.trace)).data;
  const failure: Failure | undefined = bad === undefined ? undefined : { step: bad.text ?? '(hook)', message: (bad.message ?? bad.status).split('\n')[0]!.slice(0, 2000), ...(trace === undefined ? {} : { trace }) };
  return {
    ruleID: sc.rules[0],
    name: sc.name,
    location: `${sc.uri}:${sc.line}`,
    verdict,
    durationMs: Date.now() - sc.startedAt,
    ...(failure === undefined ? {} : { failure: incident === undefined ? failure : { ...failure, message: `${incident.kind}: ${incident.message} (then: ${failure.message})` } }),
  };
}
