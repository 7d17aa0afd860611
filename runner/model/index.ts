/**
 * The result model: what one run of the suite found, written as conformance.json. Every report
 * (JUnit, summary.md, index.html, comparisons) is rendered from this one document and nothing else.
 */
import { z } from 'zod';

/**
 * 'not run': the run ended (--bail, an interruption, an implementation that ended the process) before
 * the rule ran; unlike 'not applicable' it says nothing about the implementation, and the gate fails it.
 */
export const VERDICTS = ['passed', 'failed', 'not applicable', 'not run', 'expected failure', 'unexpected pass', 'timeout', 'crashed'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** Verdicts a gate accepts: the run is green when every verdict is one of these. */
export const ACCEPTED: ReadonlySet<Verdict> = new Set(['passed', 'not applicable', 'expected failure']);

/**
 * The calls behind a failure (adapters/contract/trace.ts): the last `limits.calls` calls made on the
 * failing app, each value cut to `limits.chars` characters. Added within conformance@1 as an optional
 * field: documents without it stay valid, and readers that do not know it ignore it.
 */
export const CallTrace = z.object({
  calls: z.array(
    z.object({
      n: z.number(),
      actor: z.string(),
      method: z.string(),
      arg: z.string().optional(),
      outcome: z.enum(['ok', 'error', 'pending']),
      code: z.number().optional(),
      data: z.string().optional(),
      message: z.string().optional(),
      events: z.array(z.object({ to: z.string(), name: z.string(), data: z.string().optional() })).optional(),
      moreEvents: z.number().optional(),
    }),
  ),
  omitted: z.number(),
  limits: z.object({ calls: z.number(), chars: z.number(), events: z.number() }),
});
export type CallTrace = z.infer<typeof CallTrace>;

export const Failure = z.object({
  /** The step (or property step) that failed, as written. */
  step: z.string(),
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Data to reproduce it: a fuzz seed and path, the replay command, a Gherkin scenario. */
  replay: z.object({ seed: z.number().optional(), path: z.string().optional(), command: z.string().optional(), scenario: z.string().optional() }).optional(),
  /** A property failure: the rules it is charged to, and the step of the counterexample that diverged first. */
  blame: z.object({ rules: z.array(z.string()), step: z.number(), command: z.string() }).optional(),
  /** The calls made on the failing app, newest last (capped). */
  trace: CallTrace.optional(),
  /** Other scenarios of the rule that failed with the same first line of message; their traces are left out (this one stands for them). */
  sameMessage: z.number().optional(),
});
export type Failure = z.infer<typeof Failure>;

export const ScenarioResult = z.object({
  name: z.string(),
  /** features/<file>:<line> */
  location: z.string(),
  verdict: Verdict,
  durationMs: z.number(),
  failure: Failure.optional(),
});
export type ScenarioResult = z.infer<typeof ScenarioResult>;

export const PropertyResult = z.object({
  id: z.string(),
  title: z.string(),
  rules: z.array(z.string()),
  verdict: Verdict,
  durationMs: z.number(),
  runs: z.number(),
  commands: z.number(),
  failure: Failure.optional(),
});
export type PropertyResult = z.infer<typeof PropertyResult>;

export const RuleResult = z.object({
  id: z.string(),
  title: z.string(),
  area: z.string(),
  types: z.array(z.string()),
  tags: z.array(z.string()),
  ambiguous: z.boolean(),
  /** The description under the Rule: the reading taken where the sources conflict. */
  note: z.string(),
  source: z.object({ file: z.string(), line: z.number() }),
  quotes: z.array(z.object({ text: z.string(), source: z.string(), url: z.string().optional() })),
  verdict: Verdict,
  expectation: z.object({ status: Verdict, reason: z.string(), issue: z.string().optional() }).optional(),
  scenarios: z.array(ScenarioResult),
  properties: z.array(z.string()),
  /** Broken implementations whose violation of this rule the suite caught (suite-strength runs). */
  detectedBy: z.array(z.string()).optional(),
});
export type RuleResult = z.infer<typeof RuleResult>;

/** One normative sentence of a primary page and what accounts for it (docs/traceability.md). */
export const TraceRow = z.object({
  id: z.string(),
  page: z.string(),
  url: z.string(),
  section: z.string(),
  text: z.string(),
  /** Rules that check it, whether or not this run selected them. */
  rules: z.array(z.string()),
  /** Those of `rules` named by hand for the sentence rather than matched by a quote. */
  byHand: z.array(z.string()),
  /** Register entries (A<nn>) that read it otherwise or say why it is left out. */
  ambiguities: z.array(z.string()),
});
export type TraceRow = z.infer<typeof TraceRow>;

export const Conformance = z.object({
  schema: z.literal('groupspec/conformance@1'),
  generatedAt: z.string(),
  complete: z.boolean(),
  /** Why an incomplete run ended: an interruption, or what the implementation did (process.exit, an uncaught exception …). */
  cause: z.string().optional(),
  implementation: z.object({
    name: z.string(),
    contractVersion: z.number(),
    capabilities: z.object({
      groupTypes: z.array(z.string()),
      operations: z.array(z.string()),
      adminOperations: z.array(z.string()),
      clock: z.boolean(),
      events: z.boolean(),
      limitOverrides: z.boolean(),
    }),
  }),
  configuration: z.object({
    target: z.string(),
    seed: z.number(),
    fuzzRuns: z.number(),
    tags: z.string().optional(),
    rules: z.array(z.string()).optional(),
    shard: z.string().optional(),
    callTimeoutMs: z.number(),
    expectationsFile: z.string().optional(),
    groupspecVersion: z.string(),
  }),
  totals: z.record(Verdict, z.number()),
  rules: z.array(RuleResult),
  properties: z.array(PropertyResult),
  ambiguities: z.array(z.object({ anchor: z.string(), title: z.string(), reading: z.string() })),
  traceability: z.array(TraceRow).optional(),
  durationMs: z.number(),
});
export type Conformance = z.infer<typeof Conformance>;

/** The verdict of a group of results: the most serious one wins. */
const SEVERITY: Verdict[] = ['crashed', 'timeout', 'failed', 'unexpected pass', 'not run', 'expected failure', 'passed', 'not applicable'];
export function worst(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) return 'not applicable';
  return SEVERITY.find((v) => verdicts.includes(v))!;
}

export function totals(rules: readonly { verdict: Verdict }[]): Record<Verdict, number> {
  const t = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of rules) t[r.verdict]++;
  return t;
}

/** A failure message's first line: what "the same message" means when a rule's failures are grouped. */
export const firstLine = (message: string): string => message.split('\n')[0]!;

/**
 * A rule's failed scenarios grouped by the first line of their message: the first of each group
 * keeps its trace and counts the others (`sameMessage`); the others drop theirs, so that a bug
 * failing 29 scenarios alike costs one trace, not 29.
 */
export function shareTraces<S extends { failure?: Failure | undefined }>(scenarios: S[]): S[] {
  const firsts = new Map<string, Failure>();
  return scenarios.map((s) => {
    if (s.failure?.trace === undefined) return s;
    const key = firstLine(s.failure.message);
    const rep = firsts.get(key);
    if (rep === undefined) {
      const failure = { ...s.failure };
      firsts.set(key, failure);
      return { ...s, failure };
    }
    rep.sameMessage = (rep.sameMessage ?? 0) + 1;
    const { trace: _trace, ...failure } = s.failure;
    return { ...s, failure };
  });
}

/** Reads a conformance.json, also one written before a verdict was added (its count is then 0). */
export function readConformance(raw: unknown): ReturnType<typeof Conformance.safeParse> {
  const t = (raw as { totals?: unknown } | null)?.totals;
  const filled = typeof t === 'object' && t !== null ? { ...(raw as object), totals: { ...totals([]), ...t } } : raw;
  return Conformance.safeParse(filled);
}
