/**
 * "detected by" after a plain run (issue 19): the gate shows, per rule, the broken implementations
 * the suite catches, from the self-test record the package carries (docs/suite-strength.json), after
 * `groupspec run` and `groupspec report` alike; before, it showed only beside a self-test result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BREAKS } from '../selftest/broken/catalogue';
import { loadCatalogue } from '../catalogue/catalogue';
import { Conformance } from '../runner/model';
import { detectedByIn } from '../runner/strength';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-strength-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const record = detectedByIn(JSON.parse(readFileSync(join(ROOT, 'docs', 'suite-strength.json'), 'utf8')))!;
const RULE = 'dismiss.only-owner-dismisses';

describe('docs/suite-strength.json, the committed self-test record', () => {
  it('holds every rule, and every break of the catalogue under the rule it breaks (test/broken-self-test.test.ts rewrites it)', () => {
    expect(record).toBeDefined();
    const rules = loadCatalogue(join(ROOT, 'features')).rules.map((r) => r.id!).sort();
    expect([...record.keys()].sort()).toEqual(rules);
    const listed = [...record.values()].flat();
    for (const b of BREAKS) expect(record.get(b.rule), `${b.id} is missing: rerun the self-test (selftest/strength-record.ts)`).toContain(b.id);
    expect(listed.filter((id) => !BREAKS.some((b) => b.id === id))).toEqual([]);
  });
});

describe('a plain run and report show "detected by"', () => {
  it('from the record, in conformance.json and in the page', () => {
    const out = join(tmp, 'run');
    const r = spawnSync(process.execPath, [BIN, 'run', '--rule', RULE, '--no-properties', '--out', out], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const c = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
    const expected = record.get(RULE)!;
    expect(expected.length).toBeGreaterThan(0);
    expect(c.rules[0]!.detectedBy).toEqual(expected);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`"detectedBy":${JSON.stringify(expected)}`);

    // a result without it (an older run) gets it when rendered
    const bare = { ...c, rules: c.rules.map(({ detectedBy: _d, ...rule }) => rule) };
    writeFileSync(join(tmp, 'bare.json'), JSON.stringify(bare));
    const rendered = spawnSync(process.execPath, [BIN, 'report', join(tmp, 'bare.json'), '--out', join(tmp, 'report')], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
    expect(rendered.status, rendered.stderr).toBe(0);
    expect(readFileSync(join(tmp, 'report', 'index.html'), 'utf8')).toContain(`"detectedBy":${JSON.stringify(expected)}`);
  }, 180_000);
});
