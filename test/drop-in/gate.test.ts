/**
 * The drop-in passes the whole gate: `groupspec run --adapter drop-in` (adapters/drop-in.ts: every
 * session a groupspec/chat instance, create + login + SDK_READY) runs every rule and the properties.
 * A full run took 43 s wall (10 s CPU) on the shared 2-core machine; the properties run with few
 * cases here (--fuzz-runs 5), the rules in full.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Conformance } from '../../runner/model';
import { loadCatalogue } from '../../catalogue/catalogue';

const ROOT = resolve(__dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'groupspec-drop-in-gate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('groupspec run --adapter drop-in: every rule and every property passes', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--adapter', 'drop-in', '--fuzz-runs', '5', '--seed', '16', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 540_000,
  });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const result = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
  expect(result.implementation.name).toBe('groupspec/chat (drop-in)');
  const rules = loadCatalogue(join(ROOT, 'features')).rules.map((x) => x.id);
  expect(rules.length).toBeGreaterThanOrEqual(183);
  expect(result.rules.map((x) => x.id).sort()).toEqual([...rules].sort());
  expect(result.rules.filter((x) => x.verdict !== 'passed').map((x) => `${x.id}: ${x.verdict}`)).toEqual([]);
  expect(r.stdout).toMatch(/property \S+: passed/);
  expect(r.stdout).not.toMatch(/property \S+: (failed|errored)/);
}, 600_000);
