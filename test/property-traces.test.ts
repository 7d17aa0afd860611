/**
 * Issue 19 item 5 for the properties other than the fuzzer: a failed race, time or bad-input
 * property carries the calls of its counterexample (the last failing run), as the fuzzer's does.
 */
import { describe, expect, it } from 'vitest';
import { simulatorImplementation } from '../adapters/simulator';
import { traced } from '../adapters/contract/trace';
import { breakImplementation, findBreak } from '../selftest/broken';
import { PROPERTIES } from '../properties/catalogue';
import { callsOf } from '../properties/failing-calls';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Conformance } from '../runner/model';

const ROOT = join(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-property-traces-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const property = (id: string) => PROPERTIES.find((p) => p.id === id)!;
const broken = (id: string) => traced(breakImplementation(simulatorImplementation(), findBreak(id)!));

describe('a failed property other than the fuzzer carries its calls', () => {
  it('time.daily-quota-reset against an off-by-one quota: the trace ends with the creation that should have been refused', async () => {
    const impl = broken('daily-quota-off-by-one');
    const failure = await property('time.daily-quota-reset').run(() => impl, { numRuns: 30, seed: 1 }).then(() => undefined, (e: unknown) => e);
    expect(failure, 'the property fails against the break').toBeDefined();
    const calls = callsOf(failure)!;
    expect(calls, 'the failure carries a trace').toBeDefined();
    const last = calls.calls[calls.calls.length - 1]!;
    expect(last.method).toBe('createGroup');
    expect(last.arg).toContain('next');
    expect(calls.calls.filter((c) => c.method === 'createGroup').length).toBeGreaterThanOrEqual(2);
  });

  it('a passing property leaves no trace behind and the reference passes', async () => {
    const impl = traced(simulatorImplementation());
    await expect(property('time.daily-quota-reset').run(() => impl, { numRuns: 5, seed: 1 })).resolves.toMatchObject({ runs: 5 });
  });

  it('through groupspec run: conformance.json has the property failure with its trace', () => {
    const out = join(tmp, 'gate');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--adapter', 'selftest/broken/index.ts', '--rule', 'limits.daily-net-creation-quota', '--seed', '1', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, GROUPSPEC_BREAK: 'daily-quota-off-by-one' },
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const result = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
    const p = result.properties.find((x) => x.id === 'time.daily-quota-reset')!;
    expect(p.verdict).toBe('failed');
    expect(p.failure!.trace!.calls.at(-1)).toMatchObject({ method: 'createGroup' });
  }, 120_000);
});
