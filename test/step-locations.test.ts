/**
 * Where cucumber says each step is defined (its messages, cucumber.html): cucumber takes a
 * definition's file and line from the stack at the call to Given / When / Then, so the step files
 * call cucumber's own functions and steps/dsl.ts wraps the bodies through
 * setDefinitionFunctionWrapper. A Given of our own made every step "defined" at one line of dsl.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const LOAD = `
const { loadConfiguration, loadSupport } = require('@cucumber/cucumber/api');
(async () => {
  const { runConfiguration } = await loadConfiguration({ provided: { format: [] } }, { cwd: process.cwd() });
  const lib = await loadSupport(runConfiguration, { cwd: process.cwd() });
  const at = (d) => ({ uri: d.uri, line: d.line, pattern: typeof d.pattern === 'string' ? d.pattern : undefined });
  process.stdout.write(JSON.stringify({
    steps: lib.stepDefinitions.map(at),
    hooks: [...lib.beforeTestCaseHookDefinitions, ...lib.afterTestCaseHookDefinitions, ...lib.beforeTestRunHookDefinitions, ...lib.afterTestRunHookDefinitions].map(at),
  }));
})();`;

interface At { uri: string; line: number; pattern?: string }

it('every step definition is located at its own Given / When / Then in its step file', () => {
  const { steps, hooks } = JSON.parse(execFileSync(process.execPath, ['-e', LOAD], { cwd: ROOT, encoding: 'utf8' })) as { steps: At[]; hooks: At[] };
  expect(steps.length).toBeGreaterThan(100);
  const lines = new Map<string, string[]>();
  /** the definition's line and the two after it (a long call is wrapped); backslashes left out, as escapes differ */
  const lineOf = (a: At) => {
    if (!lines.has(a.uri)) lines.set(a.uri, readFileSync(join(ROOT, a.uri), 'utf8').split('\n'));
    return lines.get(a.uri)!.slice(a.line - 1, a.line + 2).join('\n').replace(/\\/g, '');
  };
  for (const s of steps) {
    expect(s.uri).toMatch(/^steps\/[a-z-]+\.steps\.ts$/);
    // the line names the step's own pattern, so the location is the definition and not a helper's
    expect(lineOf(s)).toMatch(/^(Given|When|Then)\(/);
    expect(lineOf(s)).toContain(`'${s.pattern?.replace(/\\/g, '')}'`);
  }
  expect(new Set(steps.map((s) => `${s.uri}:${s.line}`)).size).toBe(steps.length);
  expect(hooks.map((h) => h.uri)).toEqual(['steps/hooks.ts', 'steps/hooks.ts', 'steps/hooks.ts', 'steps/hooks.ts']);
  for (const h of hooks) expect(lineOf(h)).toMatch(/^(Before|After|BeforeAll|AfterAll)\(/);
});
