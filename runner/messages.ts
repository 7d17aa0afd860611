/**
 * The one reader of cucumber's message stream: it follows each test case from its start to its end
 * and hands back, per scenario, the pickle it runs (name, file, line, tags), the steps in the order
 * they finished (with their text and Gherkin type) and the incidents the World attached. The gate
 * (runner/features.ts) and the self-test (selftest/run-breaks.ts) both read cucumber through it and
 * only decide what a record means to them.
 */
import type { Envelope, TestStepResultStatus } from '@cucumber/messages';
import { INCIDENT_MEDIA_TYPE, TRACE_MEDIA_TYPE } from '../steps/incident';

export interface StepRecord {
  /** The step's text, or undefined for a hook. */
  text: string | undefined;
  /** Gherkin's step type: Context (Given), Action (When) or Outcome (Then). */
  type?: string;
  status: TestStepResultStatus;
  message?: string;
  exceptionType?: string;
}

export interface ScenarioRecord {
  name: string;
  uri: string;
  /** The line of the scenario, or of its example row. */
  line: number;
  tags: string[];
  /** The rule IDs of its `@rule:` tags. */
  rules: string[];
  /** The steps (hooks included) in the order they finished. */
  steps: StepRecord[];
  /** The bodies of the incidents the World attached (a crash or timeout of the implementation). */
  incidents: string[];
  /** The body of the call trace the World attached to a failed scenario (JSON), if any. */
  trace?: string;
  /** Date.now() when the test case started. */
  startedAt: number;
}

interface Pickle {
  name: string;
  uri: string;
  line: number;
  tags: string[];
  steps: Map<string, { text: string; type?: string }>;
}

export class MessageReader {
  private readonly lines = new Map<string, number>();
  private readonly pickles = new Map<string, Pickle>();
  private readonly cases = new Map<string, { pickleId: string; steps: Map<string, string | undefined> }>();
  private readonly started = new Map<string, ScenarioRecord & { caseId: string }>();

  /** `onFinished` hears of each test case that finished, and whether cucumber will run it again; `onStarted`, of each that began. */
  constructor(
    private readonly onFinished?: (s: ScenarioRecord, willBeRetried: boolean) => void,
    private readonly onStarted?: (s: ScenarioRecord) => void,
  ) {}

  read = (e: Envelope): void => {
    if (e.gherkinDocument?.feature !== undefined) {
      for (const child of e.gherkinDocument.feature.children) {
        for (const sc of [...(child.rule?.children ?? []), child].map((c) => c.scenario).filter((s) => s !== undefined)) {
          this.lines.set(sc.id, sc.location.line);
          for (const ex of sc.examples) for (const row of ex.tableBody) this.lines.set(row.id, row.location.line);
        }
      }
    } else if (e.pickle !== undefined) {
      const p = e.pickle;
      this.pickles.set(p.id, {
        name: p.name,
        uri: p.uri,
        line: this.lines.get(p.astNodeIds[p.astNodeIds.length - 1]!) ?? 0,
        tags: p.tags.map((t) => t.name),
        steps: new Map(p.steps.map((s) => [s.id, { text: s.text, ...(s.type === undefined ? {} : { type: s.type }) }])),
      });
    } else if (e.testCase !== undefined) {
      this.cases.set(e.testCase.id, { pickleId: e.testCase.pickleId, steps: new Map(e.testCase.testSteps.map((s) => [s.id, s.pickleStepId])) });
    } else if (e.testCaseStarted !== undefined) {
      const c = this.cases.get(e.testCaseStarted.testCaseId)!;
      const p = this.pickles.get(c.pickleId)!;
      const rules = p.tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice('@rule:'.length));
      const s = { caseId: e.testCaseStarted.testCaseId, name: p.name, uri: p.uri, line: p.line, tags: p.tags, rules, steps: [], incidents: [], startedAt: Date.now() };
      this.started.set(e.testCaseStarted.id, s);
      this.onStarted?.(record(s));
    } else if (e.testStepFinished !== undefined) {
      const s = this.started.get(e.testStepFinished.testCaseStartedId);
      if (s === undefined) return;
      const c = this.cases.get(s.caseId)!;
      const pickleStep = c.steps.get(e.testStepFinished.testStepId);
      const step = pickleStep === undefined ? undefined : this.pickles.get(c.pickleId)?.steps.get(pickleStep);
      const r = e.testStepFinished.testStepResult;
      s.steps.push({
        text: step?.text,
        ...(step?.type === undefined ? {} : { type: step.type }),
        status: r.status,
        ...(r.message === undefined ? {} : { message: r.message }),
        ...(r.exception?.type === undefined ? {} : { exceptionType: r.exception.type }),
      });
    } else if (e.attachment !== undefined) {
      const s = e.attachment.testCaseStartedId === undefined ? undefined : this.started.get(e.attachment.testCaseStartedId);
      if (s === undefined) return;
      if (e.attachment.mediaType === INCIDENT_MEDIA_TYPE) s.incidents.push(e.attachment.body);
      else if (e.attachment.mediaType === TRACE_MEDIA_TYPE) s.trace = e.attachment.body;
    } else if (e.testCaseFinished !== undefined) {
      const s = this.started.get(e.testCaseFinished.testCaseStartedId);
      if (s !== undefined) this.onFinished?.(record(s), e.testCaseFinished.willBeRetried);
    }
  };

  /** Every test case started so far, in the order they started. */
  scenarios(): ScenarioRecord[] {
    return [...this.started.values()].map(record);
  }
}

/** A copy of what the reader knows of a test case, so later messages do not change a record handed out. */
function record({ caseId: _c, ...s }: ScenarioRecord & { caseId: string }): ScenarioRecord {
  return { ...s, steps: [...s.steps], incidents: [...s.incidents] };
}
