/**
 * runner/cucumber-reports.ts writes cucumber's message and html reports itself from the run's
 * messages: the files must be the ones cucumber's own formats write for the same run, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inScript } from '../runner/cucumber-reports';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-cucumber-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runner/cucumber-reports.ts', () => {
  it("writes the same cucumber-messages.ndjson and cucumber.html as cucumber's message and html formats", () => {
    const r = spawnSync(process.execPath, ['-r', './runner/register-ts.js', 'test/support/cucumber-reports-run.ts', 'features/limits/batch-sizes.feature', tmp], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(Number(r.stdout)).toBeGreaterThan(3);
    const theirs = readFileSync(join(tmp, 'cucumber.ndjson'), 'utf8');
    expect(theirs.split('\n').length).toBeGreaterThan(100);
    expect(readFileSync(join(tmp, 'ours.ndjson'), 'utf8')).toBe(theirs);
    expect(readFileSync(join(tmp, 'ours.html'), 'utf8')).toBe(readFileSync(join(tmp, 'cucumber.html'), 'utf8'));
  });

  it('keeps a message from closing the page script', () => {
    expect(inScript(JSON.stringify({ attachment: { body: '</script><b>' } }))).toBe('{"attachment":{"body":"\\x3C/script>\\x3Cb>"}}');
  });
});
