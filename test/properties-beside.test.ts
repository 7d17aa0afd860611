/**
 * An in-process run of the simulator checks its properties on a second thread while the features
 * run (runner/properties.ts): the same results, in the same order, with the same lines, as when they
 * run after the features on the one thread (`--serial`); and only where that cannot change what a
 * run reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { besideFeatures } from '../runner/properties';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-beside-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** conformance.json without what differs from run to run: times. */
function result(out: string): unknown {
  const r = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'durationMs' || k === 'generatedAt' ? undefined : v)));
}

describe('the properties beside the features', () => {
  it('give the same result and the same lines as after the features (--serial)', () => {
    // rules of three properties (the fuzzer's among them) and their scenarios
    const rules = ['--rule', 'transfer.only-owner-transfers', '--rule', 'validation.bad-options-rejected', '--rule', 'limits.member-cap'];
    const run = (name: string, extra: string[]) => {
      const out = join(tmp, name);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--seed', '7', '--fuzz-runs', '10', '--out', out, ...rules, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return { out, lines: r.stdout.replace(/\(\d+ ms\)/g, '(ms)').replace(/results: .*\n/, '') };
    };
    const beside = run('beside', []);
    const serial = run('serial', ['--serial']);
    expect(beside.lines).toBe(serial.lines);
    expect(beside.lines).toMatch(/features: [\s\S]*property fuzz\.invariants-and-reference: passed[\s\S]*property bad-input\.every-method: passed[\s\S]*property race\.last-seat: passed[\s\S]*rules: 3 passed/);
    expect(result(beside.out)).toEqual(result(serial.out));
  });

  describe('are used', () => {
    const env = { url: process.env.GROUPSPEC_URL, adapter: process.env.GROUPSPEC_ADAPTER };
    afterEach(() => {
      if (env.url === undefined) delete process.env.GROUPSPEC_URL;
      else process.env.GROUPSPEC_URL = env.url;
      if (env.adapter === undefined) delete process.env.GROUPSPEC_ADAPTER;
      else process.env.GROUPSPEC_ADAPTER = env.adapter;
    });
    const o = { seed: 7, fuzzRuns: 40, callTimeoutMs: 5000 };
    const fuzzRules = new Set(['transfer.only-owner-transfers']);

    it('for the embedded simulator on two cores or more, with a property to run', () => {
      delete process.env.GROUPSPEC_URL;
      delete process.env.GROUPSPEC_ADAPTER;
      expect(besideFeatures(o, fuzzRules)).toBe(availableParallelism() >= 2);
      expect(besideFeatures(o, new Set(['no.such-rule']))).toBe(false);
      // `--adapter simulator` is the embedded simulator too (adapters/resolve.ts)
      process.env.GROUPSPEC_ADAPTER = 'simulator';
      expect(besideFeatures(o, fuzzRules)).toBe(availableParallelism() >= 2);
      delete process.env.GROUPSPEC_ADAPTER;
    });

    it('not with --serial, --bail, --replay, --url or --adapter', () => {
      delete process.env.GROUPSPEC_URL;
      delete process.env.GROUPSPEC_ADAPTER;
      expect(besideFeatures({ ...o, serial: true }, fuzzRules)).toBe(false);
      expect(besideFeatures({ ...o, bail: true }, fuzzRules)).toBe(false);
      expect(besideFeatures({ ...o, replay: { seed: 7, path: '' } }, fuzzRules)).toBe(false);
      process.env.GROUPSPEC_URL = 'http://127.0.0.1:1';
      expect(besideFeatures(o, fuzzRules)).toBe(false);
      delete process.env.GROUPSPEC_URL;
      process.env.GROUPSPEC_ADAPTER = '/somewhere/adapter.js';
      expect(besideFeatures(o, fuzzRules)).toBe(false);
    });
  });
});
