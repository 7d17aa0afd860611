/**
 * `groupspec run --watch` (issue 19): a child process watches a temporary adapter; editing the adapter
 * (and then a file it imports) to break a rule makes the next run report the failure, fixing it makes
 * it pass, and SIGINT ends the watch with the last run's exit code. Without a terminal it refuses to
 * start unless asked, so CI cannot hang on it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Conformance } from '../runner/model';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RULE = 'dismiss.only-owner-dismisses';
const adapterText = (refuse: boolean) => `// a watch fixture: the simulator, whose dismissGroup refuses when REFUSE or the imported switch says so
const { withSessionCalls } = require(${JSON.stringify(join(ROOT, 'test', 'fixtures', 'implementations', 'wrap'))});
const behaviour = require('./behaviour');
const REFUSE = ${refuse};
exports.createImplementation = () =>
  withSessionCalls('watch fixture', (s, method, arg) =>
    (REFUSE || behaviour.refuse) && method === 'dismissGroup' ? Promise.reject(Object.assign(new Error('no permission'), { code: 10007 })) : s.call(method, arg));
`;
const behaviourText = (refuse: boolean) => `module.exports = { refuse: ${refuse} };\n`;

describe('groupspec run --watch', () => {
  it('reruns when the adapter or a file it imports changes, reports each result, and ends on SIGINT', async () => {
    const dir = join(tmp, 'adapter');
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    const adapter = join(dir, 'adapter.js');
    writeFileSync(adapter, adapterText(false));
    writeFileSync(join(dir, 'behaviour.js'), behaviourText(false));
    const out = join(tmp, 'out');
    const child = spawn(process.execPath, [BIN, 'run', '--adapter', adapter, '--rule', RULE, '--grep', 'owner may dismiss', '--no-properties', '--out', out, '--watch', '--watch-anyway'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    /** Waits for the next "waiting for changes" line: run `n` is done and the watch holds its files. */
    const waitRun = async (n: number): Promise<string> => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const m = new RegExp(`watch: run ${n} \\(([^)]*)\\): (PASS|FAIL)[^\\n]*\\n(?:[^\\n]*\\n)*?watch: waiting for changes`).exec(stdout);
        if (m !== null) return stdout.slice(m.index);
        if (Date.now() > deadline) throw new Error(`run ${n} did not finish:\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const verdict = () => Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'))).rules[0]!.verdict;
    try {
      expect(await waitRun(1)).toMatch(/^watch: run 1 \(start\): PASS: rules: 1 passed/);
      expect(verdict()).toBe('passed');
      // it watches the adapter and what it loaded (here the fixture's wrap.ts too), not the whole suite
      const waiting = /watch: waiting for changes to (\d+) file\(s\) \(([^)]*)\)/.exec(stdout)!;
      expect(Number(waiting[1])).toBeLessThan(5);
      expect(waiting[2]!.split(', ')).toEqual(expect.arrayContaining(['adapter.js', 'behaviour.js']));

      writeFileSync(adapter, adapterText(true));
      const broken = await waitRun(2);
      expect(broken).toMatch(/^watch: run 2 \(\S*adapter\.js changed\): FAIL: rules: 1 failed/);
      expect(broken).toContain(`  failed: ${RULE}: `);
      expect(verdict()).toBe('failed');

      writeFileSync(adapter, adapterText(false));
      expect(await waitRun(3)).toMatch(/^watch: run 3 \(\S*adapter\.js changed\): PASS/);

      writeFileSync(join(dir, 'behaviour.js'), behaviourText(true));
      expect(await waitRun(4)).toMatch(/^watch: run 4 \(\S*behaviour\.js changed\): FAIL/);

      writeFileSync(join(dir, 'behaviour.js'), behaviourText(false));
      expect(await waitRun(5)).toMatch(/^watch: run 5 \(\S*behaviour\.js changed\): PASS/);
      expect(verdict()).toBe('passed');

      child.kill('SIGINT');
      expect(await exited, stdout + stderr).toBe(0);
      expect(stdout).toMatch(/watch: stopped; exit 0\n$/);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      child.kill('SIGKILL');
    }
  }, 600_000);

  it.each([
    [['--watch'], /^groupspec: --watch needs a terminal \(neither stdin nor stdout is one, as in CI\); add --watch-anyway to watch regardless$/],
    [['--watch-path', '.'], /^groupspec: --watch-path goes with --watch$/],
    [['--watch', '--watch-anyway', '--watch-path', 'no/such/dir'], /^groupspec: --watch-path no\/such\/dir: no such file or directory$/],
    [['--watch', '--watch-anyway', '--no-properties'], /^groupspec: --watch watches an adapter module \(--adapter PATH\) or the --watch-path files/],
  ])('%j: exit 2 with one line', (args, reason) => {
    const r = spawnSync(process.execPath, [BIN, 'run', '--rule', RULE, ...(args as string[])], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr.trim()).toMatch(reason);
  });
});
