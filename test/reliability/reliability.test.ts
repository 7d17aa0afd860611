/**
 * The gate against faulty implementations (test/reliability/implementations/): whatever an
 * implementation does, the gate answers with a verdict that says what happened, writes its reports,
 * and never exits 0 when a rule did not pass. The cases and their expected answers are in cases.ts;
 * docs/reliability.md's table is rendered from them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Conformance } from '../../runner/model';
import { CASES, type ReliabilityCase } from './cases';
import { PAYLOAD } from './implementations/hostile-text';
import { DOC, withTable } from './table';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-reliability-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** At most two gate runs at once: each is a node process or two on a shared machine. */
let running = 0;
const queue: Array<() => void> = [];
async function slot<T>(f: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((r) => queue.push(r));
  running++;
  try {
    return await f();
  } finally {
    running--;
    queue.shift()?.();
  }
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
  result?: Conformance;
}

function gate(c: ReliabilityCase): Promise<Run> {
  const out = join(tmp, `${c.fault}-${c.rule}-${c.env === undefined ? '' : 'env'}`);
  const args = [BIN, 'run', '--adapter', `test/reliability/implementations/${c.fault}.ts`, '--rule', c.rule, ...(c.args ?? []), ...(c.properties === true ? ['--fuzz-runs', '3', '--seed', '7'] : ['--no-properties']), '--out', out];
  return slot(
    () =>
      new Promise<Run>((done) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...c.env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.once('exit', (status) => {
          const file = join(out, 'conformance.json');
          const result = existsSync(file) ? Conformance.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
          done({ status, stdout, stderr, out, ...(result === undefined ? {} : { result }) });
        });
      }),
  );
}

/** The first failure's message of the rule: its scenarios', else its properties'. */
const firstFailure = (r: Conformance, rule: string) =>
  r.rules.find((x) => x.id === rule)?.scenarios.find((s) => s.failure !== undefined)?.failure?.message ??
  r.properties.find((p) => p.rules.includes(rule) && p.failure !== undefined)?.failure?.message;

describe.concurrent('the gate against faulty implementations', () => {
  for (const c of CASES.filter((x) => x.fault !== 'hostile-text')) {
    it(`${c.fault}: ${c.tried} (${c.rule})${c.env === undefined ? '' : ` ${JSON.stringify(c.env)}`}`, async () => {
      const r = await gate(c);
      const shown = `${r.stdout}\n${r.stderr}`.slice(-3000);
      expect(r.status, shown).toBe(c.status);
      if (c.status === 2) {
        // a setup error: one line saying why, no reports
        expect(r.stderr.trim().split('\n'), shown).toHaveLength(1);
        expect(r.stderr.trim()).toMatch(c.message!);
        return;
      }
      const result = r.result!;
      expect(result, shown).toBeDefined();
      expect(result.rules.find((x) => x.id === c.rule)?.verdict, shown).toBe(c.verdict);
      expect(result.complete).toBe(c.complete);
      for (const f of ['junit.xml', 'summary.md', 'index.html']) expect(existsSync(join(r.out, f)), f).toBe(true);
      if (c.complete === false) {
        expect(result.cause).toMatch(c.message!);
        expect(r.stdout).toContain(`incomplete run: ${result.cause}`);
        expect(readFileSync(join(r.out, 'summary.md'), 'utf8')).toContain('**Incomplete run**');
        // the scenario it interrupted carries the cause
        expect(firstFailure(result, c.rule)).toBe(result.cause);
      } else if (c.message !== undefined) {
        expect(firstFailure(result, c.rule), shown).toMatch(c.message);
      }
      if (c.fault === 'huge-data') expect(statSync(join(r.out, 'conformance.json')).size).toBeLessThan(1_000_000);
    }, 600_000);
  }

  it('hostile-text: nothing an implementation says reaches a report or the terminal raw', async () => {
    const c = CASES.find((x) => x.fault === 'hostile-text')!;
    const r = await gate(c);
    expect(r.status, r.stderr).toBe(c.status);
    expect(r.result!.rules.find((x) => x.id === c.rule)?.verdict).toBe(c.verdict);
    const summary = readFileSync(join(r.out, 'summary.md'), 'utf8');
    const junit = readFileSync(join(r.out, 'junit.xml'), 'utf8');
    const html = readFileSync(join(r.out, 'index.html'), 'utf8');
    // the payload did reach the results: the checks below are not vacuous
    expect(JSON.stringify(r.result)).toContain(JSON.stringify(PAYLOAD).slice(1, 40));
    for (const [name, text] of [['summary.md', summary], ['junit.xml', junit], ['index.html', html]] as const) {
      for (const raw of ['<script>alert', '<img src=x', '\u001b[31m', '\u0007', '\u0000']) expect(text.includes(raw), `${name} carries ${JSON.stringify(raw)} raw`).toBe(false);
    }
    // a terminal obeys control characters, not markup
    for (const raw of ['\u001b', '\u0007', '\u0000', '\r']) expect(r.stdout.includes(raw), `stdout carries ${JSON.stringify(raw)} raw`).toBe(false);
    expect(r.stdout).toContain('\\u001b[31mred');
    // Markdown: no link, no code span, no table cell break, no heading made of the implementation's text
    for (const raw of ['[link](javascript:', '`code`', '| pipe |', '\n# heading']) expect(summary.includes(raw), `summary.md carries ${JSON.stringify(raw)}`).toBe(false);
    expect(summary.split('\n').filter((l) => l.startsWith('#')).every((l) => l.startsWith('# groupspec: ') || l.startsWith('## '))).toBe(true);
    // junit.xml is well-formed: every element closed, no characters XML cannot hold, no stray markup
    expect(junit).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(junit.match(/<testcase /g)?.length).toBe(junit.match(/<\/testcase>/g)?.length);
    expect(junit).not.toContain(']]>');
    // terminal: one line per result line, whatever the messages held
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^# heading/);
  }, 600_000);
});

describe('docs/reliability.md', () => {
  it('holds the table of the current cases (npx ts-node -T test/reliability/table.ts rewrites it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toBe(withTable(doc));
  });
});
