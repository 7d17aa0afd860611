/**
 * Call traces (adapters/contract/trace.ts, issue 19 item 5): recording changes nothing the suite
 * sees; the caps hold; hostile values neither throw nor leak; every way of reaching an
 * implementation is traced (in process, --adapter in a child, --url over the wire); a failed
 * scenario's conformance.json, summary.md and junit.xml carry the calls with the failing one's
 * method and code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { App, Implementation, Session } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';
import { withDeadlines } from '../adapters/contract/deadline';
import { snapshot, TRACE_CALLS, TRACE_CHARS, TRACE_EVENTS, traced, traceOf } from '../adapters/contract/trace';
import { startServer } from '../servers/wire/server';
import { CallTrace, Conformance, shareTraces } from '../runner/model';
import { compactCalls, traceText } from '../runner/model/trace-text';
import { junit, summary } from '../runner/reports';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-traces-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A stub implementation whose calls answer whatever `answer` says. */
function stub(answer: (method: string, arg: unknown) => unknown, log: unknown[] = []): Implementation {
  const session = (userID: string, device: string): Session => ({ userID, device, call: async (m, a) => answer(m, a) as never, events: async () => log as never, logout: async () => undefined });
  return {
    name: 'stub',
    contractVersion: 1,
    capabilities: { groupTypes: ['Public'], operations: ['createGroup'], adminOperations: [], clock: false, events: true, limitOverrides: false },
    async createApp(): Promise<App> {
      return { login: async (u, o) => session(u, o?.device ?? 'web'), admin: { call: async (m, a) => answer(m, a) as never }, close: async () => undefined };
    },
  };
}

describe('recording', () => {
  it('hands back each call\'s own promise and rejection: the suite sees the same answers with and without a trace', async () => {
    const answer = { code: 0 as const, data: { x: 1 } };
    const refusal = Object.assign(new Error('no'), { code: 10007 });
    const app = await traced(stub((m) => (m === 'bad' ? Promise.reject(refusal) : answer))).createApp();
    const s = await app.login('alice');
    await expect(s.call('good', { a: 1 })).resolves.toBe(answer);
    await expect(s.call('bad')).rejects.toBe(refusal);
    // a synchronous throw stays synchronous
    const thrower = await traced({ ...stub(() => answer), createApp: async () => ({ login: async () => ({ userID: 'u', device: 'd', call: () => { throw refusal; }, events: async () => [], logout: async () => undefined }), admin: { call: async () => answer }, close: async () => undefined }) }).createApp();
    const t = await thrower.login('u');
    expect(() => t.call('x')).toThrow(refusal);
    const rendered = await traceOf(app)!.render();
    expect(rendered.calls.map((c) => [c.actor, c.method, c.outcome, c.code])).toEqual([
      ['app', 'createApp', 'ok', undefined],
      ['alice/web', 'login', 'ok', undefined],
      ['alice/web', 'good', 'ok', 0],
      ['alice/web', 'bad', 'error', 10007],
    ]);
    expect(rendered.calls[3]!.message).toBe('no');
  });

  it('shows a call that has not answered when the trace is taken (a timeout) as pending', async () => {
    const app = await traced(stub((m) => (m === 'hang' ? new Promise(() => undefined) : { code: 0, data: {} }))).createApp();
    const s = await app.login('alice');
    void s.call('hang', { groupID: 'G' });
    const last = (await traceOf(app)!.render()).calls.at(-1)!;
    expect([last.method, last.outcome, last.code]).toEqual(['hang', 'pending', undefined]);
    expect(traceText((await traceOf(app)!.render()))).toContain('alice/web hang {"groupID":"G"} → no answer (yet)');
  });

  it('snapshots an argument when it is made: an adapter that mutates it afterwards does not rewrite the trace', async () => {
    const app = await traced(stub((_m, a) => ((a as { groupID: string }).groupID = 'mutated', { code: 0, data: {} }))).createApp();
    await app.admin.call('getGroupInfo', { groupID: 'G1' });
    expect((await traceOf(app)!.render()).calls[1]!.arg).toBe('{"groupID":"G1"}');
  });

  it(`keeps the last ${TRACE_CALLS} calls and counts the earlier ones; cuts every value at ${TRACE_CHARS} characters`, async () => {
    const app = await traced(stub(() => ({ code: 0, data: 'd'.repeat(5000) }))).createApp();
    for (let i = 0; i < 100; i++) await app.admin.call('m', { i, long: 'a'.repeat(5000) });
    const t = await traceOf(app)!.render();
    expect(t.calls.length).toBe(TRACE_CALLS);
    expect(t.omitted).toBe(101 - TRACE_CALLS);
    expect(t.calls[t.calls.length - 1]!.n).toBe(101);
    expect(t.calls[0]!.arg).toMatch(new RegExp(`^\\{"i":${101 - TRACE_CALLS - 1},`));
    for (const c of t.calls) for (const v of [c.arg!, c.data!]) expect(v.length).toBeLessThan(TRACE_CHARS + 40);
    expect(traceText(t)).toContain(`… ${101 - TRACE_CALLS} earlier calls omitted`);
    expect(() => CallTrace.parse(t)).not.toThrow();
  });

  it('never throws on a hostile value: cycles, BigInt, throwing getters and toJSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(snapshot(cyclic)).toMatch(/^\[not JSON: .*circular/i);
    expect(snapshot(10n)).toBe('10n');
    expect(snapshot(getter)).toBe('[not JSON: boom]');
    expect(snapshot({ toJSON: () => { throw 'str'; } })).toBe('[not JSON: str]');
    expect(snapshot(undefined)).toBe('undefined');
  });

  it('shows the events each session was seen to receive after the call that preceded them, at most a few per gap', async () => {
    const log: Array<{ name: string; data: unknown }> = [];
    const app = await traced(stub(() => ({ code: 0, data: {} }), log)).createApp();
    const alice = await app.login('alice');
    const bob = await app.login('bob', { device: 'phone' });
    await alice.call('createGroup', {});
    log.push({ name: 'onGroupListUpdated', data: [1] });
    await bob.events();
    await alice.call('joinGroup', {});
    for (let i = 0; i < TRACE_EVENTS + 3; i++) log.push({ name: 'onMessageReceived', data: i });
    // no one read the events after the last call: rendering takes a last look
    const t = await traceOf(app)!.render();
    const create = t.calls.find((c) => c.method === 'createGroup')!;
    expect(create.events).toEqual([{ to: 'bob/phone', name: 'onGroupListUpdated', data: '[1]' }]);
    const join = t.calls.find((c) => c.method === 'joinGroup')!;
    // both sessions share the stub's log: alice sees all of it, bob what is new to him
    expect(join.events!.length).toBe(TRACE_EVENTS);
    expect(join.moreEvents).toBeGreaterThan(0);
  });

  it('is reached through withDeadlines (the properties wrap the implementation with it)', async () => {
    const app = await withDeadlines(traced(simulatorImplementation()), 5000).createApp();
    const s = await app.login('alice');
    await s.call('createGroup', { type: 'Public', name: 'P' });
    await s.call('dismissGroup', 'nope').catch(() => undefined);
    const last = (await traceOf(app)!.render()).calls.at(-1)!;
    expect([last.method, last.outcome, last.code]).toEqual(['dismissGroup', 'error', 10010]);
  });

  it('traces an implementation over the wire (--url) as it does one in process, as resolve.ts hands it out', async () => {
    const server = await startServer({ port: 0 });
    try {
      // resolve.ts in a process of its own, as the gate runs it (its require of the wire client needs the suite's loader)
      const script = `const { resolveImplementation } = require('./adapters/resolve'); const { traceOf } = require('./adapters/contract/trace');
        (async () => { const impl = await resolveImplementation(); const app = await impl.createApp(); const s = await app.login('alice');
          await s.call('getGroupProfile', { groupID: 'nope' }).catch(() => undefined);
          process.stdout.write(JSON.stringify((await traceOf(app).render()).calls.at(-1))); await app.close(); await impl.close(); })();`;
      const child = spawn(process.execPath, ['--require', join(ROOT, 'runner', 'register-ts.js'), '-e', script], { cwd: ROOT, env: { ...process.env, GROUPSPEC_URL: server.url, GROUPSPEC_ADAPTER: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((done) => child.once('close', done));
      expect(code, stderr).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ actor: 'alice/web', method: 'getGroupProfile', arg: '{"groupID":"nope"}', outcome: 'error', code: 10010 });
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('in the reports', () => {
  it('keeps one trace per distinct message of a rule, counting the scenarios it stands for', () => {
    const trace: CallTrace = { calls: [{ n: 1, actor: 'a/web', method: 'm', outcome: 'ok', code: 0 }], omitted: 0, limits: { calls: 40, chars: 300, events: 8 } };
    const f = (message: string) => ({ failure: { step: 's', message, trace } });
    const shared = shareTraces([f('A\nx'), f('A\ny'), f('B'), f('A')]);
    expect(shared.map((s) => [s.failure.trace !== undefined, (s.failure as { sameMessage?: number }).sameMessage])).toEqual([[true, 2], [false, undefined], [true, undefined], [false, undefined]]);
  });

  it('a broken implementation run through `groupspec run --adapter`: the failed scenario carries its calls, the failing one last with its method and code', () => {
    const out = join(tmp, 'broken');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--adapter', 'selftest/broken/index.ts', '--rule', 'dismiss.app-admin-dismisses-any-group', '--no-properties', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, GROUPSPEC_BREAK: 'app-admin-cannot-dismiss-work-group' },
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const result = Conformance.parse(JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')));
    const failed = result.rules[0]!.scenarios.find((s) => s.verdict === 'failed')!;
    const calls = failed.failure!.trace!.calls;
    expect(calls[0]).toMatchObject({ actor: 'app', method: 'createApp' });
    expect(calls.at(-1)).toMatchObject({ actor: 'app admin', method: 'destroyGroup', outcome: 'error', code: 10007 });
    expect(calls.at(-1)!.arg).toMatch(/^\{"groupID":"@TGS#/);
    expect(calls.find((c) => c.method === 'createGroup')!.events!.map((e) => e.name)).toContain('onGroupListUpdated');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/\n {4}- &#35;\d+ app admin destroyGroup \{&#34;groupID&#34;:&#34;&#64;TGS&#35;\w+&#34;\} → error 10007/);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/calls made \(newest last\):\n[\s\S]*app admin destroyGroup \{&quot;groupID&quot;:&quot;@TGS#\w+&quot;\} → error 10007/);
    // the compact form shows the failing call whatever reads came before it
    expect(compactCalls(failed.failure!.trace!).at(-1)).toMatch(/destroyGroup .* → error 10007/);
    expect(summary(result)).toContain('destroyGroup');
    expect(junit(result)).toContain('destroyGroup');
  }, 120_000);
});
