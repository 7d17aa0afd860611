/**
 * Runs the feature files through cucumber's own JavaScript API and turns its messages into one
 * verdict per scenario: passed, failed, not applicable (a step reported the implementation lacks a
 * capability), crashed or timeout (the World attached an incident).
 */
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { TestStepResultStatus, type Envelope } from '@cucumber/messages';
import type { Failure, Verdict } from './model';

import { INCIDENT_MEDIA_TYPE } from '../steps/incident';

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
  onScenario?: (s: ScenarioOutcome) => void;
  /** A scenario begins: whoever watches the run knows which one a crash interrupted. */
  onScenarioStart?: (s: Pick<ScenarioOutcome, 'ruleID' | 'name' | 'location'>) => void;
}

/** cucumber's own step timeout (only with GROUPSPEC_STEP_TIMEOUT_MS set): the scenario ran out of time, it did not fail. */
const FRAMEWORK_TIMEOUT = /^function timed out, ensure the (promise resolves|callback is executed) within \d+ milliseconds/;

const BAD: TestStepResultStatus[] = [TestStepResultStatus.FAILED, TestStepResultStatus.AMBIGUOUS, TestStepResultStatus.UNDEFINED];

export async function runFeatures(o: FeatureRunOptions): Promise<ScenarioOutcome[]> {
  const formats = [...(o.formats ?? []), ...(o.progress === true ? ['progress-bar'] : [])];
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
        ...(o.parallel === undefined || o.parallel <= 1 ? {} : { parallel: o.parallel }),
      },
    },
    { cwd: o.cwd },
  );
  const lines = new Map<string, number>();
  const pickles = new Map<string, { name: string; uri: string; line: number; rule: string | undefined; steps: Map<string, string> }>();
  const cases = new Map<string, { pickleId: string; steps: Map<string, string> }>();
  const started = new Map<string, { caseId: string; t0: number; statuses: TestStepResultStatus[]; failure?: Failure; incident?: { kind: 'crashed' | 'timeout'; message: string } }>();
  const out: ScenarioOutcome[] = [];
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  await runCucumber(runConfiguration, { cwd: o.cwd, stdout: o.progress === true ? process.stdout : sink, stderr: process.stderr }, (e: Envelope) => {
    if (e.gherkinDocument?.feature) {
      for (const child of e.gherkinDocument.feature.children) {
        for (const sc of [...(child.rule?.children ?? []), child].map((c) => c.scenario).filter((s) => s !== undefined)) {
          lines.set(sc.id, sc.location.line);
          for (const ex of sc.examples) for (const row of ex.tableBody) lines.set(row.id, row.location.line);
        }
      }
    }
    if (e.pickle) {
      const p = e.pickle;
      const rule = p.tags.map((t) => t.name).find((t) => t.startsWith('@rule:'))?.slice('@rule:'.length);
      pickles.set(p.id, { name: p.name, uri: p.uri, line: lines.get(p.astNodeIds[p.astNodeIds.length - 1]!) ?? 0, rule, steps: new Map(p.steps.map((s) => [s.id, s.text])) });
    }
    if (e.testCase) cases.set(e.testCase.id, { pickleId: e.testCase.pickleId, steps: new Map(e.testCase.testSteps.map((s) => [s.id, s.pickleStepId ?? ''])) });
    if (e.testCaseStarted) {
      started.set(e.testCaseStarted.id, { caseId: e.testCaseStarted.testCaseId, t0: Date.now(), statuses: [] });
      const p = pickles.get(cases.get(e.testCaseStarted.testCaseId)?.pickleId ?? '');
      if (p !== undefined) o.onScenarioStart?.({ ruleID: p.rule, name: p.name, location: `${p.uri}:${p.line}` });
    }
    if (e.testStepFinished) {
      const s = started.get(e.testStepFinished.testCaseStartedId);
      if (s === undefined) return;
      const status = e.testStepFinished.testStepResult.status;
      s.statuses.push(status);
      if (BAD.includes(status) && s.failure === undefined) {
        const c = cases.get(s.caseId)!;
        const stepText = pickles.get(c.pickleId)?.steps.get(c.steps.get(e.testStepFinished.testStepId) ?? '') ?? '(hook)';
        s.failure = { step: stepText, message: (e.testStepFinished.testStepResult.message ?? status).split('\n')[0]!.slice(0, 2000) };
      }
    }
    if (e.attachment?.mediaType === INCIDENT_MEDIA_TYPE && e.attachment.testCaseStartedId !== undefined) {
      const s = started.get(e.attachment.testCaseStartedId);
      if (s !== undefined) s.incident = JSON.parse(e.attachment.body) as { kind: 'crashed' | 'timeout'; message: string };
    }
    if (e.testCaseFinished) {
      const s = started.get(e.testCaseFinished.testCaseStartedId);
      if (s === undefined || e.testCaseFinished.willBeRetried) return;
      const c = cases.get(s.caseId)!;
      const p = pickles.get(c.pickleId)!;
      let verdict: Verdict = 'passed';
      if (s.statuses.some((x) => BAD.includes(x))) verdict = s.incident?.kind ?? (FRAMEWORK_TIMEOUT.test(s.failure?.message ?? '') ? 'timeout' : 'failed');
      else if (s.statuses.includes(TestStepResultStatus.SKIPPED)) verdict = 'not applicable';
      const outcome: ScenarioOutcome = {
        ruleID: p.rule,
        name: p.name,
        location: `${p.uri}:${p.line}`,
        verdict,
        durationMs: Date.now() - s.t0,
        ...(s.failure === undefined ? {} : { failure: s.incident === undefined ? s.failure : { ...s.failure, message: `${s.incident.kind}: ${s.incident.message} (then: ${s.failure.message})` } }),
      };
      out.push(outcome);
      o.onScenario?.(outcome);
    }
  });
  return out;
}
