/**
 * Undefined and ambiguous steps, found by a cucumber dry run through its own API: a step that no
 * definition matches, or more than one does, is a lint issue wherever it stands.
 */
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { Writable } from 'node:stream';
import type { LintIssue } from './lint';

export async function stepIssues(opts: { paths?: string[]; require?: string[]; cwd?: string } = {}): Promise<LintIssue[]> {
  const { runConfiguration } = await loadConfiguration(
    { provided: { ...(opts.paths === undefined ? {} : { paths: opts.paths }), ...(opts.require === undefined ? {} : { require: opts.require, requireModule: [] }), dryRun: true, format: [] } },
    { cwd: opts.cwd ?? process.cwd() },
  );
  const pickles = new Map<string, { uri: string; steps: Map<string, string> }>();
  const issues: LintIssue[] = [];
  const seen = new Set<string>();
  await runCucumber(runConfiguration, { cwd: opts.cwd ?? process.cwd(), stdout: devNull(), stderr: devNull() }, (e: Envelope) => {
    if (e.pickle) pickles.set(e.pickle.id, { uri: e.pickle.uri, steps: new Map(e.pickle.steps.map((s) => [s.id, s.text])) });
    if (e.testCase) {
      const p = pickles.get(e.testCase.pickleId);
      for (const ts of e.testCase.testSteps) {
        if (ts.pickleStepId === undefined) continue;
        const n = ts.stepDefinitionIds?.length ?? 0;
        if (n === 1) continue;
        const text = p?.steps.get(ts.pickleStepId) ?? '?';
        const key = `${n > 1}:${text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        issues.push(
          n === 0
            ? { kind: 'undefined-step', where: p?.uri ?? '?', message: `no step definition matches "${text}"` }
            : { kind: 'ambiguous-step', where: p?.uri ?? '?', message: `${n} step definitions match "${text}"` },
        );
      }
    }
  });
  return issues;
}

function devNull(): Writable {
  return new Writable({ write: (_c, _e, cb) => cb() });
}
