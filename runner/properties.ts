/**
 * The properties of a run: each property of the selected rules, in the catalogue's order, against
 * the implementation (bounded by the call deadline), turned into a result (passed, failed with its
 * blame and replay, not applicable, crashed, timeout).
 *
 * An in-process run of the embedded simulator on a machine with two cores or more runs them on a
 * second thread (runner/properties-thread.ts) while the features run on the first: the two are
 * independent apps, and the properties are ~0.5 s of a run that otherwise waits on one core. Their
 * results and log lines are reported after the features, in the same order and words as when they
 * run after the features (`--serial`, one core, --bail, --replay, --adapter, --url).
 */
import { availableParallelism } from 'node:os';
import type { Implementation } from '../adapters/contract';
import { withDeadlines } from '../adapters/contract/deadline';
import { embeddedSimulator } from '../adapters/resolve';
import { missingFor, PROPERTIES } from '../properties/catalogue';
import { FuzzFailure } from '../properties/run';
import { callsOf } from '../properties/failing-calls';
import { blameLine, blamedRules } from '../properties/blame';
import { thrown } from '../matchers/thrown';
import { ACCEPTED, type PropertyResult, type Verdict } from './model';
import { runnerThread } from './paths';

/** The property `--replay` reruns: the model-based fuzzer, whose failures print SEED:PATH. */
export const REPLAYABLE = 'fuzz.invariants-and-reference';

/** What the properties need of the run's options (plain data: it crosses to the second thread). */
export interface PropertyRunOptions {
  seed: number;
  fuzzRuns: number;
  callTimeoutMs: number;
  replay?: { seed: number; path: string } | undefined;
  replayPrefix?: string | undefined;
  bail?: boolean | undefined;
}

export interface PropertyHooks {
  log(line: string): void;
  started?(p: { id: string; title: string; rules: string[] }): void;
  finished?(p: PropertyResult): void;
}

function propertyVerdict(e: unknown): { verdict: Verdict; message: string } {
  const message = thrown(e).message;
  if (/TimeoutError|did not answer within/.test(message)) return { verdict: 'timeout', message };
  if (/undocumented code undefined|threw an uncoded|response does not match/.test(message)) return { verdict: 'crashed', message };
  return { verdict: 'failed', message };
}

/** Runs the properties of the rules in `ids`, appending to `results`; true when --bail stopped at a failure. */
export async function runProperties(o: PropertyRunOptions, impl: Implementation, ids: ReadonlySet<string | undefined>, results: PropertyResult[], hooks: PropertyHooks): Promise<boolean> {
  const bounded = withDeadlines(impl, o.callTimeoutMs);
  for (const p of PROPERTIES) {
    if (o.replay !== undefined && p.id !== REPLAYABLE) continue;
    const rules = p.rules.filter((r) => ids.has(r));
    if (rules.length === 0) continue;
    const t0 = Date.now();
    let result: PropertyResult;
    const missing = missingFor(p, impl.capabilities);
    if (missing.length > 0) {
      result = { id: p.id, title: p.title, rules, verdict: 'not applicable', durationMs: 0, runs: 0, commands: 0, failure: { step: p.title, message: `not applicable: needs ${missing.join(', ')}` } };
      results.push(result);
      hooks.log(`property ${p.id}: not applicable (needs ${missing.join(', ')})`);
      continue;
    }
    hooks.started?.({ id: p.id, title: p.title, rules });
    try {
      const stats = await p.run(() => bounded, {
        numRuns: o.fuzzRuns,
        seed: o.replay?.seed ?? o.seed,
        ...(o.replay === undefined || o.replay.path === '' ? {} : { path: o.replay.path }),
        ...(o.replayPrefix === undefined ? {} : { replayCommand: (seed: number, path: string | undefined) => `${o.replayPrefix} --replay ${seed}${path === undefined || path === '' ? '' : `:${path}`}` }),
      });
      result = { id: p.id, title: p.title, rules, verdict: 'passed', durationMs: Date.now() - t0, runs: stats.runs, commands: stats.commands };
    } catch (e) {
      if (thrown(e).name === 'NotApplicable') {
        result = { id: p.id, title: p.title, rules, verdict: 'not applicable', durationMs: Date.now() - t0, runs: 0, commands: 0, failure: { step: p.title, message: (e as Error).message } };
      } else {
        const { verdict, message } = propertyVerdict(e);
        const replay = e instanceof FuzzFailure ? { seed: e.seed, ...(e.path === undefined ? {} : { path: e.path }), ...(e.replay === undefined ? {} : { command: e.replay }), scenario: e.scenario } : { seed: o.seed };
        const d = e instanceof FuzzFailure ? e.divergence : undefined;
        const blame = d === undefined ? undefined : { rules: blamedRules(d.error, rules), step: d.step, command: d.command, expected: d.error.expected, actual: d.error.actual };
        const calls = e instanceof FuzzFailure ? e.calls : callsOf(e);
        const trace = calls !== undefined ? { trace: calls } : {};
        const failure = blame === undefined
          ? { step: p.title, message: message.slice(0, 4000), replay, ...trace }
          : { step: p.title, message: `${blameLine(p.id, blame)}\n${message}`.slice(0, 4000), expected: blame.expected.slice(0, 2000), actual: blame.actual.slice(0, 2000), replay, blame: { rules: blame.rules, step: blame.step, command: blame.command }, ...trace };
        result = { id: p.id, title: p.title, rules, verdict, durationMs: Date.now() - t0, runs: 0, commands: 0, failure };
      }
    }
    results.push(result);
    hooks.finished?.(result);
    hooks.log(`property ${p.id}: ${result.verdict} (${result.durationMs} ms)`);
    if (o.bail === true && !ACCEPTED.has(result.verdict)) return true;
  }
  return false;
}

/**
 * Whether this run's properties go on a second thread: the embedded simulator (no --url, and no
 * --adapter or `--adapter simulator`, as adapters/resolve.ts decides), no --bail (the features decide whether the properties run at all), no --replay, not
 * `--serial`, and a second core.
 */
export function besideFeatures(o: PropertyRunOptions & { serial?: boolean | undefined; events?: unknown }, ids: ReadonlySet<string | undefined>): boolean {
  const embedded = embeddedSimulator(process.env);
  const any = PROPERTIES.some((p) => p.rules.some((r) => ids.has(r)));
  return any && embedded && o.serial !== true && o.bail !== true && o.replay === undefined && o.events === undefined && availableParallelism() >= 2;
}

/** What the second thread sends back: the results and the log lines, in the order they happened. */
export interface BesideOutcome {
  results: PropertyResult[];
  logs: string[];
}

/**
 * Starts the properties on a second thread; resolves with what they gave, or undefined if the thread
 * failed (then the caller runs them itself, after the features, as without the thread).
 */
export function propertiesBeside(o: PropertyRunOptions, ids: ReadonlySet<string | undefined>): Promise<BesideOutcome | undefined> {
  const options: PropertyRunOptions = { seed: o.seed, fuzzRuns: o.fuzzRuns, callTimeoutMs: o.callTimeoutMs, ...(o.replayPrefix === undefined ? {} : { replayPrefix: o.replayPrefix }) };
  const workerData = { options, ids: [...ids].filter((id) => id !== undefined) };
  const worker = runnerThread('properties-thread', workerData);
  return new Promise((resolve) => {
    let outcome: BesideOutcome | undefined;
    worker.once('message', (m: BesideOutcome) => {
      outcome = m;
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(outcome));
  });
}
