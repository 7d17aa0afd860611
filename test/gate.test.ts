/**
 * The gate as a CI system meets it: `groupspec run` in a child process against the simulator, an
 * adapter module and a wire server (identical verdicts), against fixtures that hang, throw plain
 * errors, return malformed data or lack a group type (documented verdicts and exit codes), with
 * expectations, shards and a merge, usage errors, and an interrupted run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Conformance } from '../runner/model';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function gate(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string; result?: Conformance } {
  const out = join(tmp, `run-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, [BIN, ...args, ...(args[0] === 'run' && !args.includes('--out') ? ['--out', out] : [])], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
  let result: Conformance | undefined;
  try {
    result = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
  } catch {
    result = undefined;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ...(result === undefined ? {} : { result }) };
}
const verdicts = (c: Conformance | undefined) => Object.fromEntries((c?.rules ?? []).map((r) => [r.id, r.verdict]));
const fixture = (name: string) => `test/fixtures/implementations/${name}.ts`;
const QUICK = ['--rule', 'dismiss.only-owner-dismisses', '--rule', 'limits.member-cap', '--fuzz-runs', '5', '--seed', '7'];

describe('groupspec run', () => {
  it('gives identical per-rule verdicts against the embedded simulator, an adapter module and a wire server', async () => {
    const embedded = gate(['run', '--fuzz-runs', '5', '--seed', '11']);
    expect(embedded.status, embedded.stdout + embedded.stderr).toBe(0);
    expect(embedded.result!.rules.length).toBeGreaterThan(120);
    const adapter = gate(['run', '--adapter', 'adapters/examples/simulator-adapter.ts', '--fuzz-runs', '5', '--seed', '11']);
    expect(adapter.status, adapter.stdout + adapter.stderr).toBe(0);
    const server: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((ok, bad) => {
        server.stdout!.on('data', (d: Buffer) => {
          const m = /listening on (http:\/\/\S+)/.exec(d.toString());
          if (m !== null) ok(m[1]!);
        });
        server.once('exit', () => bad(new Error('serve exited')));
      });
      const wire = await new Promise<ReturnType<typeof gate>>((ok) => setImmediate(() => ok(gate(['run', '--url', url, '--fuzz-runs', '5', '--seed', '11']))));
      expect(wire.status, wire.stdout + wire.stderr).toBe(0);
      expect(verdicts(wire.result)).toEqual(verdicts(embedded.result));
    } finally {
      server.kill('SIGTERM');
    }
    expect(verdicts(adapter.result)).toEqual(verdicts(embedded.result));
  }, 300_000);

  it('reports a hanging implementation as timeout, and finishes', () => {
    const t0 = Date.now();
    const r = gate(['run', '--adapter', fixture('hanging'), '--call-timeout', '200', ...QUICK]);
    expect(r.status).toBe(1);
    expect(new Set(Object.values(verdicts(r.result)))).toEqual(new Set(['timeout']));
    expect(Date.now() - t0).toBeLessThan(120_000);
  }, 150_000);

  it('reports plain (uncoded) errors as crashed', () => {
    const r = gate(['run', '--adapter', fixture('plain-errors'), ...QUICK]);
    expect(r.status).toBe(1);
    expect(verdicts(r.result)['dismiss.only-owner-dismisses']).toBe('crashed');
  }, 120_000);

  it('reports malformed responses as crashed, with the schema issue in the message', () => {
    const r = gate(['run', '--adapter', fixture('malformed'), ...QUICK]);
    expect(r.status).toBe(1);
    const rule = r.result!.rules.find((x) => x.id === 'dismiss.only-owner-dismisses')!;
    expect(rule.verdict).toBe('crashed');
    expect(rule.scenarios.find((s) => s.failure)?.failure?.message).toMatch(/response does not match the SDK's shape at data\.group/);
  }, 120_000);

  it('reports what an implementation lacks as not applicable, not as failure', () => {
    const r = gate(['run', '--adapter', fixture('no-avchatroom'), '--rule', 'avchatroom.one-room-at-a-time', '--rule', 'dismiss.only-owner-dismisses', '--fuzz-runs', '5']);
    expect(r.status, r.stdout).toBe(0);
    expect(verdicts(r.result)).toEqual({ 'avchatroom.one-room-at-a-time': 'not applicable', 'dismiss.only-owner-dismisses': 'passed' });
    const dismiss = r.result!.rules.find((x) => x.id === 'dismiss.only-owner-dismisses')!;
    expect(dismiss.scenarios.some((s) => s.verdict === 'not applicable')).toBe(true);
  }, 120_000);

  it('honours an expectations file: an expected failure passes the gate, an unexpected pass fails it', () => {
    const file = join(tmp, 'expectations.json');
    writeFileSync(file, JSON.stringify({ rules: { 'dismiss.only-owner-dismisses': { status: 'failed', reason: 'our dismiss ignores roles', issue: 'https://example.invalid/1' } } }));
    const broken = gate(['run', '--adapter', 'selftest/broken/index.ts', '--rule', 'dismiss.only-owner-dismisses', '--expectations', file, '--no-properties'], { GROUPSPEC_BREAK: 'refused-dismiss-half-applies' });
    expect(broken.status, broken.stdout).toBe(0);
    expect(verdicts(broken.result)).toEqual({ 'dismiss.only-owner-dismisses': 'expected failure' });
    const fine = gate(['run', '--rule', 'dismiss.only-owner-dismisses', '--expectations', file, '--no-properties']);
    expect(fine.status).toBe(1);
    expect(verdicts(fine.result)).toEqual({ 'dismiss.only-owner-dismisses': 'unexpected pass' });
  }, 120_000);

  it('shards deterministically by rule ID, and merged shards cover the whole selection', () => {
    const rules = ['--rule', 'dismiss.only-owner-dismisses', '--rule', 'limits.member-cap', '--rule', 'join.already-in-group', '--rule', 'quit.non-member-cannot-quit', '--no-properties'];
    const a = gate(['run', ...rules, '--shard', '1/2', '--out', join(tmp, 's1')]);
    const b = gate(['run', ...rules, '--shard', '2/2', '--out', join(tmp, 's2')]);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const sa = Object.keys(verdicts(Conformance.parse(JSON.parse(readFileSync(join(tmp, 's1', 'conformance.json'), 'utf8')))));
    const sb = Object.keys(verdicts(Conformance.parse(JSON.parse(readFileSync(join(tmp, 's2', 'conformance.json'), 'utf8')))));
    expect(sa.filter((x) => sb.includes(x))).toEqual([]);
    const m = gate(['merge', join(tmp, 's1', 'conformance.json'), join(tmp, 's2', 'conformance.json'), '--out', join(tmp, 'merged')]);
    expect(m.status, m.stderr).toBe(0);
    const merged = Conformance.parse(JSON.parse(readFileSync(join(tmp, 'merged', 'conformance.json'), 'utf8')));
    expect(merged.rules.map((r) => r.id).sort()).toEqual([...sa, ...sb].sort());
    expect(merged.totals.passed).toBe(4);
  }, 120_000);

  it.each([
    [['run', '--bogus'], /Unknown option '--bogus'/],
    [['run', '--adapter', 'no/such/adapter.ts'], /adapter module no\/such\/adapter.ts does not exist/],
    [['run', '--url', 'http://127.0.0.1:9'], /cannot set up the implementation \(http:\/\/127\.0\.0\.1:9\)/],
    [['run', '--rule', 'nope.nothing'], /no rule has that ID/],
    [['run', '--shard', '3/2'], /--shard takes K\/N/],
    [['frobnicate'], /unknown command frobnicate/],
    [['run', '--adapter', 'tencent-cloud'], /missing GROUPSPEC_TENCENT_SDKAPPID, GROUPSPEC_TENCENT_SECRET_KEY, GROUPSPEC_TENCENT_ADMIN, GROUPSPEC_TENCENT_REGION/],
  ])('exits 2 with a one-line reason on a usage or setup error: %j', (args, reason) => {
    const r = gate(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  }, 60_000);

  it('writes what it has, marked incomplete, when interrupted', async () => {
    const out = join(tmp, 'interrupted');
    const child = spawn(process.execPath, [BIN, 'run', '--adapter', fixture('hanging'), '--call-timeout', '100000', '--out', out, '--rule', 'limits.member-cap', '--no-properties'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    // interrupt once the run has started (its first line), then give it a moment inside a hanging call
    await new Promise<void>((r) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('groupspec run:') && r()));
    await new Promise((r) => setTimeout(r, 1000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    const c = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
    expect(c.complete).toBe(false);
  }, 60_000);
});
