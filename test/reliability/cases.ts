/**
 * The reliability suite's cases: each faulty implementation (implementations/), how the gate is run
 * against it, and what the gate must answer. reliability.test.ts runs them; docs/reliability.md's
 * table is rendered from them (table.ts), with what the gate answered before issue 18 (main at
 * 68791d2), measured with the same command.
 */
import type { Verdict } from '../../runner/model';

export interface ReliabilityCase {
  /** The module under implementations/. */
  fault: string;
  /** What the implementation does, for the table. */
  tried: string;
  rule: string;
  args?: string[];
  /** Environment for the run. */
  env?: Record<string, string>;
  /** Run the rule's properties too (with 3 runs, seed 7); by default --no-properties. */
  properties?: boolean;
  /** What the gate must answer: exit code, the rule's verdict, whether the run is complete. */
  status: number;
  verdict?: Verdict;
  complete?: boolean;
  /** Matches the first failure's message (or, for an incomplete run, the cause). */
  message?: RegExp;
  /** The gate's answer in words, for the table. */
  answer: string;
  /** What the gate answered before, for the table. */
  before: string;
}

const DISMISS = 'dismiss.only-owner-dismisses';

export const CASES: ReliabilityCase[] = [
  {
    fault: 'exit-after-5',
    tried: 'answers 5 calls, then `process.exit(0)`',
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: false,
    message: /^the implementation called process\.exit\(0\) \(at .*exit-after-5\.ts:\d+:\d+\)+$/,
    answer: 'exit 1; reports written, `complete: false`, cause "the implementation called process.exit(0) (at file:line)"; the scenario it interrupted *crashed*',
    before: 'exit **0**, no conformance.json, no reason',
  },
  {
    fault: 'exit-3',
    tried: '`process.exit(3)` on its first call',
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: false,
    message: /^the implementation called process\.exit\(3\)/,
    answer: 'exit 1 (not 3); reports written, `complete: false`, cause named',
    before: 'exit 3, no conformance.json, no reason',
  },
  {
    fault: 'exit-3',
    tried: '`process.exit(3)` on its first call, in a property (a replayed fuzz counterexample: no scenario runs)',
    rule: 'limits.member-cap',
    args: ['--replay', '7'],
    properties: true,
    status: 1,
    verdict: 'crashed',
    complete: false,
    message: /^the implementation called process\.exit\(3\)/,
    answer: 'exit 1; reports written, `complete: false`; the property it interrupted *crashed* with the cause',
    before: 'exit 3, no conformance.json, no reason',
  },
  {
    fault: 'kill-self',
    tried: '`process.kill(process.pid, "SIGKILL")` on its third call',
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: false,
    message: /^the implementation's process was killed by SIGKILL$/,
    answer: 'exit 1; reports written, `complete: false`, cause "killed by SIGKILL"',
    before: 'the gate itself killed: exit signal, no conformance.json',
  },
  {
    fault: 'timer-throws',
    tried: 'a timer it started throws (uncaught exception)',
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: false,
    message: /^uncaught exception in the implementation: Error: boom from a timer \(at .*timer-throws\.ts:\d+:\d+\)+$/,
    answer: 'exit 1; reports written, `complete: false`, cause "uncaught exception in the implementation: Error: boom from a timer (at file:line)"',
    before: 'exit 1 with a stack trace, no conformance.json',
  },
  {
    fault: 'unhandled-rejection',
    tried: 'leaves a rejected promise unhandled',
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: false,
    message: /^unhandled rejection in the implementation: Error: nobody handles this rejection/,
    answer: 'exit 1; reports written, `complete: false`, cause "unhandled rejection in the implementation: …"',
    before: 'exit 1 with a stack trace, no conformance.json',
  },
  ...(
    [
      ['null', 'null', /rejected with null, not an Error carrying a numeric code/, 'crashed, but the message was the gate\'s own "Cannot read properties of null (reading \'name\')"'],
      ['undefined', 'undefined', /rejected with undefined, not an Error carrying a numeric code/, 'crashed, but the message was the gate\'s own "Cannot read properties of undefined (reading \'name\')"'],
      ['string', 'a string', /rejected with "refused, as a string", not an Error/, 'crashed, message the bare string'],
      ['number', 'a number (10007)', /rejected with 10007, not an Error carrying a numeric code/, 'crashed, message "10007"'],
      ['frozen-object', 'a frozen object without code or message', /rejected with \{ reason: 'frozen refusal' \}, not an Error/, 'crashed, message "[object Object]" (the value not shown)'],
      ['hostile-error', 'an Error subclass whose `message`, `code` and `name` getters throw', /rejected with .*HostileError.*, not an Error carrying a numeric code/, 'crashed, message the getter\'s own "the name getter throws"'],
    ] as const
  ).map(([name, what, message, before]): ReliabilityCase => ({
    fault: `rejects-${name}`,
    tried: `every refusal rejects with ${what}`,
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: true,
    message,
    answer: '*crashed*, the value shown: "rejected with …, not an Error carrying a numeric code"',
    before,
  })),
  {
    fault: 'hangs',
    tried: 'its calls never answer',
    rule: DISMISS,
    args: ['--call-timeout', '200'],
    status: 1,
    verdict: 'timeout',
    complete: true,
    message: /did not answer within 200 ms/,
    answer: '*timeout* (the call deadline)',
    before: 'the same (held)',
  },
  {
    fault: 'slow',
    tried: 'correct, 200 ms a call, under a 500 ms call deadline (a step of 61 calls takes 12 s)',
    rule: 'members.member-profile-query-limit',
    args: ['--call-timeout', '500'],
    status: 0,
    verdict: 'passed',
    complete: true,
    answer: '*passed*',
    before: '*failed*: "function timed out, ensure the promise resolves within 10000 milliseconds" (cucumber\'s step timeout)',
  },
  {
    fault: 'slow',
    tried: 'the same, with a step budget asked for (GROUPSPEC_STEP_TIMEOUT_MS=1000) that a 61-call step exceeds',
    rule: 'members.member-profile-query-limit',
    args: ['--call-timeout', '500'],
    env: { GROUPSPEC_STEP_TIMEOUT_MS: '1000' },
    status: 1,
    verdict: 'timeout',
    complete: true,
    message: /function timed out, ensure the promise resolves within 1000 milliseconds/,
    answer: '*timeout*, not *failed*',
    before: '*failed*',
  },
  {
    fault: 'huge-data',
    tried: 'answers getGroupProfile with a 20 MB group name',
    rule: 'profile.members-read-the-profile',
    status: 1,
    verdict: 'failed',
    complete: true,
    message: /^Error: result group\.name is "x{100}/,
    answer: '*failed*, messages clipped: conformance.json stays under 1 MB',
    before: 'the same (held)',
  },
  {
    fault: 'cyclic-data',
    tried: 'answers with data that refers to itself',
    rule: DISMISS,
    status: 1,
    verdict: 'crashed',
    complete: true,
    message: /createGroup answered data that refers to itself at data\.self \(SDK data is JSON\)/,
    answer: '*crashed*: "… answered data that refers to itself at data.self"',
    before: '*failed*: "RangeError: Maximum call stack size exceeded"',
  },
  {
    fault: 'capabilities-throw',
    tried: 'its `capabilities` getter throws',
    rule: DISMISS,
    status: 2,
    message: /^groupspec: cannot set up the implementation \(.*capabilities-throw\.ts\): capabilities are not available$/,
    answer: 'exit 2 (a setup error) with a one-line reason',
    before: 'exit 2 as "internal error" with a stack trace, after printing "29 scenarios: 29 failed"',
  },
  {
    fault: 'mutates-arguments',
    tried: 'answers correctly, then scribbles over the argument objects it was given',
    rule: DISMISS,
    status: 0,
    verdict: 'passed',
    complete: true,
    answer: '*passed* (the steps build every argument afresh; nothing reads one back)',
    before: 'the same (held)',
  },
  {
    fault: 'hostile-text',
    tried: 'name, error messages and group names full of `<script>`, `<img onerror>`, backticks, pipes, Markdown links, `]]>`, ANSI escapes, BEL, NUL, CR LF',
    rule: DISMISS,
    args: ['--rule', 'profile.members-read-the-profile'],
    status: 1,
    verdict: 'crashed',
    complete: true,
    answer: 'none of it raw in summary.md, junit.xml (well-formed), index.html or the terminal',
    before: 'summary.md carried the HTML, Markdown and control characters raw; the terminal got the ANSI escapes',
  },
];
