/**
 * Blame (issue 19 item 2): a property failure is charged to the rule whose invariant or command
 * diverged first, not to every rule the property is linked to; the report says "failed by property
 * X at step N: expected …, got …"; and the replay it prints reproduces it (item 3).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Conformance } from '../runner/model';
import { blamedRules, Divergence } from '../properties/blame';
import { whyRule } from '../runner/reports';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-blame-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('blamedRules', () => {
  const d = (method: string, named: string[]) => new Divergence('m', method, named, 'e', 'a');
  it('narrows a broken invariant to the rules in the failing command\'s area, keeps them all otherwise', () => {
    expect(blamedRules(d('changeGroupOwner', ['transfer.only-owner-transfers', 'quit.owner-may-leave-work-group']), ['x.y'])).toEqual(['transfer.only-owner-transfers']);
    expect(blamedRules(d('joinGroup', ['transfer.only-owner-transfers', 'quit.owner-may-leave-work-group']), ['x.y'])).toEqual(['transfer.only-owner-transfers', 'quit.owner-may-leave-work-group']);
  });
  it('charges a divergence from the reference to the rule governing the method, else to the property\'s rules', () => {
    expect(blamedRules(d('dismissGroup', []), ['x.y'])).toEqual(['dismiss.only-owner-dismisses']);
    expect(blamedRules(d('noSuchMethod', []), ['x.y', 'x.z'])).toEqual(['x.y', 'x.z']);
  });
});

describe('whyRule (summary.md and the run\'s output)', () => {
  const scenario = (message: string, verdict: 'failed' | 'passed' = 'failed') => ({ name: 'n', location: 'f:1', verdict, durationMs: 1, failure: { step: 's', message } });
  const rule = (scenarios: ReturnType<typeof scenario>[], properties: string[] = []) => ({ scenarios, properties }) as unknown as Conformance['rules'][number];
  const run = (properties: unknown[] = []) => ({ properties }) as unknown as Conformance;
  it('says a message repeated across a rule\'s scenarios once, with how many share it', () => {
    expect(whyRule(run(), rule([scenario('boom'), scenario('boom'), scenario('other'), scenario('boom')]))).toBe('3 of 4 failed scenarios: boom');
    expect(whyRule(run(), rule([scenario('boom'), scenario('other')]))).toBe('boom');
  });
  it('falls back to the first line of the failed property charged to the rule', () => {
    const p = { id: 'fuzz.x', verdict: 'failed', failure: { step: 's', message: 'failed by property fuzz.x at step 2 (a): expected b, got c\nmore' } };
    expect(whyRule(run([p]), rule([], ['fuzz.x']))).toBe('failed by property fuzz.x at step 2 (a): expected b, got c');
  });
});

describe('a run against transfer-keeps-old-owner', () => {
  it('fails only the transfer rule through the fuzz property, with the step and the observation', () => {
    const out = join(tmp, 'run');
    const rules = ['transfer.only-owner-transfers', 'avchatroom.one-room-at-a-time', 'lists.joined-groups', 'quit.owner-may-leave-work-group', 'members.role-values'];
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--adapter', 'selftest/broken/index.ts', ...rules.flatMap((x) => ['--rule', x]), '--seed', '5', '--fuzz-runs', '40', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GROUPSPEC_BREAK: 'transfer-keeps-old-owner' },
      timeout: 180_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const c = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
    const fuzz = c.properties.find((p) => p.id === 'fuzz.invariants-and-reference')!;
    expect(fuzz.verdict).toBe('failed');
    expect(fuzz.failure!.blame!.rules).toEqual(['transfer.only-owner-transfers']);
    expect(fuzz.failure!.blame!.command).toMatch(/^When \w+ transfers "G\d" to \w+$/);
    expect(fuzz.failure!.message.split('\n')[0]).toMatch(/^failed by property fuzz\.invariants-and-reference at step \d+ \(\w+ transfers "G\d" to \w+\): expected a group has at most one owner, and only a Work group may have none, got G\d has 2 owners: \w+, \w+$/);
    expect(fuzz.failure!.actual).toMatch(/has 2 owners/);
    const verdicts = Object.fromEntries(c.rules.map((x) => [x.id, x.verdict]));
    expect(verdicts).toEqual({
      'transfer.only-owner-transfers': 'failed',
      'avchatroom.one-room-at-a-time': 'passed',
      'lists.joined-groups': 'passed',
      'quit.owner-may-leave-work-group': 'passed',
      'members.role-values': 'passed',
    });
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/- \*\*failed\*\* `transfer\.only-owner-transfers`: .*: failed by property fuzz\.invariants-and-reference at step \d+ /);
    expect(r.stdout).toMatch(/ {2}failed: transfer\.only-owner-transfers: failed by property fuzz\.invariants-and-reference at step \d+/);

    // the printed replay reruns that counterexample against the same implementation, and fails the same way
    const command = fuzz.failure!.replay!.command!;
    expect(command).toMatch(/^GROUPSPEC_BREAK=transfer-keeps-old-owner node bin\/groupspec\.js run --adapter selftest\/broken\/index\.ts --replay 5:[\d:]+@\S+$/);
    const replayed = spawnSync('sh', ['-c', `${command} --out ${join(tmp, 'replayed')}`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(replayed.status, replayed.stdout + replayed.stderr).toBe(1);
    const again = Conformance.parse(JSON.parse(readFileSync(join(tmp, 'replayed', 'conformance.json'), 'utf8'))).properties[0]!;
    expect(again.failure!.message.split('\n')[0]).toBe(fuzz.failure!.message.split('\n')[0]);
    // the same counterexample against the simulator passes
    const fixed = spawnSync('sh', ['-c', `node bin/groupspec.js run ${command.slice(command.indexOf('--replay'))} --out ${join(tmp, 'fixed')}`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(fixed.status, fixed.stdout + fixed.stderr).toBe(0);
  }, 300_000);
});
