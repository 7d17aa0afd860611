/**
 * runner/cucumber-html.ts builds cucumber.html on a second thread through cucumber's own html
 * formatter, from the run's messages (or, if that thread fails, from cucumber-messages.ndjson): the
 * file must be byte for byte the one cucumber writes with `--format html:FILE` in the same run (same
 * messages, same ids and times).
 * The run compared has failed steps, their call-trace attachments and passed scenarios.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Envelope } from '@cucumber/messages';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlBeside, htmlFromMessages } from '../runner/cucumber-html';

const ROOT = resolve(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'groupspec-cucumber-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One cucumber run writing both files, against a broken implementation so that some scenarios fail. */
function cucumberRun(): { messages: string; html: string } {
  const messages = join(dir, 'cucumber-messages.ndjson');
  const html = join(dir, 'cucumber.html');
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), 'features/admin/imports-and-kicks.feature', '--format', `message:${messages}`, '--format', `html:${html}`],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, GROUPSPEC_ADAPTER: join(ROOT, 'selftest', 'broken', 'index.ts'), GROUPSPEC_BREAK: 'import-group-dated-now' } },
  );
  // the break fails scenarios: cucumber exits 1
  expect(r.status, r.stderr).toBe(1);
  return { messages, html };
}

describe('cucumber.html from cucumber-messages.ndjson', () => {
  const run = cucumberRun();
  const text = readFileSync(run.messages, 'utf8');

  it('covers what the page shows: passed and failed steps, attachments', () => {
    expect(text).toContain('"status":"FAILED"');
    expect(text).toContain('"status":"PASSED"');
    expect(text).toContain('"attachment":');
  });

  it("is cucumber's own html formatter's file, byte for byte", async () => {
    const out = join(dir, 'rebuilt.html');
    await htmlFromMessages(run.messages, out);
    expect(readFileSync(out).equals(readFileSync(run.html))).toBe(true);
  });

  it('is what `groupspec run` writes beside the messages of its own features', () => {
    const out = join(dir, 'gate');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--rule', 'admin.import-group-keeps-its-history', '--no-properties', '--seed', '1', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const page = readFileSync(join(out, 'cucumber.html'), 'utf8');
    const messages = readFileSync(join(out, 'cucumber-messages.ndjson'), 'utf8').trim().split('\n');
    // the page carries every message of the run (the html formatter writes each as JSON into it)
    expect(messages.length).toBeGreaterThan(10);
    const finished = messages.find((m) => m.includes('"testRunFinished"'))!;
    expect(page).toContain(finished);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it("is the same page, and the same messages' file, when a second thread is handed the messages as cucumber emits them", async () => {
    const out = join(dir, 'beside.html');
    const ndjson = join(dir, 'beside.ndjson');
    const page = htmlBeside(out, ndjson);
    // a few at a time, with turns of the event loop between, as a run hands them over
    const envelopes = text.trim().split('\n').map((l) => JSON.parse(l) as Envelope);
    for (let at = 0; at < envelopes.length; at += 97) {
      for (const e of envelopes.slice(at, at + 97)) page.message(e);
      await new Promise((r) => setImmediate(r));
    }
    await page.end();
    expect(readFileSync(ndjson, 'utf8')).toBe(text);
    expect(readFileSync(out).equals(readFileSync(run.html))).toBe(true);
  });

  it("writes the whole messages' file when the page cannot be written, and says why the page failed", async () => {
    const ndjson = join(dir, 'no-page.ndjson');
    const page = htmlBeside(join(dir, 'no-such-dir', 'cucumber.html'), ndjson);
    for (const l of text.trim().split('\n')) page.message(JSON.parse(l) as Envelope);
    await expect(page.end()).rejects.toThrow(/ENOENT/);
    expect(readFileSync(ndjson, 'utf8')).toBe(text);
  });
});
