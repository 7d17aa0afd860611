/**
 * runner/messages.ts, the one reader of cucumber's messages (the gate's and the self-test's): a
 * synthetic stream of one scenario from an example row, a hook, a failed step and an incident.
 */
import type { Envelope } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { MessageReader, type ScenarioRecord } from '../runner/messages';
import { INCIDENT_MEDIA_TYPE } from '../steps/incident';

const result = (status: string, message?: string) => ({ status, duration: { seconds: 0, nanos: 0 }, ...(message === undefined ? {} : { message }), ...(status === 'FAILED' ? { exception: { type: 'Error', message } } : {}) });

const STREAM = [
  { gherkinDocument: { uri: 'features/a.feature', comments: [], feature: { children: [{ rule: { children: [{ scenario: { id: 'sc', location: { line: 7 }, examples: [{ tableBody: [{ id: 'row', location: { line: 12 } }] }] } }] } }] } } },
  { pickle: { id: 'p', name: 'Alice joins', uri: 'features/a.feature', astNodeIds: ['sc', 'row'], tags: [{ name: '@rule:join.x' }, { name: '@type:Public' }], steps: [{ id: 'ps1', text: 'alice joins', type: 'Action' }, { id: 'ps2', text: 'it succeeds', type: 'Outcome' }] } },
  { testCase: { id: 'tc', pickleId: 'p', testSteps: [{ id: 'hook' }, { id: 't1', pickleStepId: 'ps1' }, { id: 't2', pickleStepId: 'ps2' }] } },
  { testCaseStarted: { id: 'run1', testCaseId: 'tc', attempt: 0 } },
  { testStepFinished: { testCaseStartedId: 'run1', testStepId: 'hook', testStepResult: result('PASSED') } },
  { testStepFinished: { testCaseStartedId: 'run1', testStepId: 't1', testStepResult: result('PASSED') } },
  { attachment: { testCaseStartedId: 'run1', mediaType: INCIDENT_MEDIA_TYPE, body: '{"kind":"crashed","message":"boom"}' } },
  { attachment: { testCaseStartedId: 'run1', mediaType: 'text/plain', body: 'a log line' } },
  { testStepFinished: { testCaseStartedId: 'run1', testStepId: 't2', testStepResult: result('FAILED', 'expected success\n  at x') } },
  { testCaseFinished: { testCaseStartedId: 'run1', willBeRetried: false } },
] as unknown as Envelope[];

describe('MessageReader', () => {
  it('follows a test case from start to finish: its pickle, its steps in order, its incidents', () => {
    const started: ScenarioRecord[] = [];
    const finished: Array<[ScenarioRecord, boolean]> = [];
    const reader = new MessageReader((s, retried) => finished.push([s, retried]), (s) => started.push(s));
    for (const e of STREAM) reader.read(e);
    expect(started.map((s) => [s.name, s.line, s.steps.length])).toEqual([['Alice joins', 12, 0]]);
    expect(finished).toHaveLength(1);
    const [s, retried] = finished[0]!;
    expect(retried).toBe(false);
    expect({ ...s, startedAt: 0 }).toEqual({
      name: 'Alice joins',
      uri: 'features/a.feature',
      line: 12,
      tags: ['@rule:join.x', '@type:Public'],
      rules: ['join.x'],
      steps: [
        { text: undefined, status: 'PASSED' },
        { text: 'alice joins', type: 'Action', status: 'PASSED' },
        { text: 'it succeeds', type: 'Outcome', status: 'FAILED', message: 'expected success\n  at x', exceptionType: 'Error' },
      ],
      incidents: ['{"kind":"crashed","message":"boom"}'],
      startedAt: 0,
    });
    expect(reader.scenarios()).toHaveLength(1);
  });
});
