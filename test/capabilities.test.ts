/**
 * The capabilities promise (docs/adapters.md, issue 19 item 7): what an implementation does not
 * declare is "not applicable, never failed". The whole suite, properties included, runs against the
 * simulator with one capability withheld at a time (test/fixtures/implementations/withheld.ts,
 * which also stops doing what it withholds); no rule may fail, crash or time out, and what needs the
 * withheld capability must show up as not applicable.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCEPTED, Conformance } from '../runner/model';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-caps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One of each kind: events, admin commands, clock, limit overrides, a group type, user methods (AVChatRoom: test/gate.test.ts). */
const WITHHELD: Array<[string, string]> = [
  ['events', 'applications.decided-from-notice-or-list'],
  ['admin', 'admin.batch-mute'],
  ['clock', 'members.mute-ends-at-mute-until'],
  ['limits', 'limits.member-cap'],
  ['type:Public', 'applications.first-decision-wins'],
  ['op:getGroupMemberList', 'lists.member-list-for-members'],
  ['op:handleGroupApplication', 'applications.first-decision-wins'],
];

function run(withheld: string): Promise<{ status: number | null; out: string; log: string }> {
  const out = join(tmp, withheld.replace(/\W/g, '-'));
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--adapter', 'test/fixtures/implementations/withheld.ts', '--fuzz-runs', '5', '--seed', '3', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, GROUPSPEC_WITHHOLD: withheld },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.once('close', (status) => done({ status, out, log }));
  });
}

// two runs at a time: each is the whole suite
const results = new Map<string, Promise<Awaited<ReturnType<typeof run>>>>();
let chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
WITHHELD.forEach(([w], i) => {
  const p = chain[i % 2]!.then(() => run(w));
  chain[i % 2] = p;
  results.set(w, p);
});

describe('the suite against an implementation with one capability withheld', () => {
  it.each(WITHHELD)('without %s: nothing fails, and %s has scenarios not applicable', async (withheld, rule) => {
    const r = await results.get(withheld)!;
    const c = Conformance.parse(JSON.parse(readFileSync(join(r.out, 'conformance.json'), 'utf8')));
    const bad = c.rules.filter((x) => !ACCEPTED.has(x.verdict)).map((x) => `${x.id}: ${x.verdict}`);
    expect(bad, r.log.slice(-3000)).toEqual([]);
    expect(r.status, r.log.slice(-2000)).toBe(0);
    expect(c.properties.filter((p) => !ACCEPTED.has(p.verdict)).map((p) => p.id)).toEqual([]);
    expect(c.rules.find((x) => x.id === rule)!.scenarios.filter((x) => x.verdict === 'not applicable').length).toBeGreaterThan(0);
    expect(c.totals['not applicable']).toBeGreaterThan(0);
  }, 600_000);
});
