/**
 * The wire server's CPU on real traffic, apart from any client's (issue 21 items 1 and 3, the
 * server's side): a recording of every exchange a server served (bench/wire-record.js: a whole
 * `groupspec run --seed 7 --url`, or a fuzz run) is replayed, in order, over one keep-alive
 * connection, against fresh `groupspec serve` processes of this checkout and of another
 * (BENCH_WIRE_SERVER_BASELINE, e.g. a worktree of main), rounds alternating which goes first.
 * Every answer must be the recorded one, byte for byte and status for status (a server that
 * answers differently is reported and fails the bench), so the figure is for the same work. A
 * protocol addition changes an answer too (the capabilities announce it): weigh two checkouts on a
 * recording both answer alike, or read the first wrong answer the failure names.
 *
 * Reported per checkout (medians over rounds, process.cpuUsage of the server as it exits):
 * the server's CPU for the whole recording, its start-up alone (start, one capabilities read,
 * stop) and the CPU per request and per exchange once started ((whole - start-up) / count); the
 * same for user CPU alone (the kernel's share is the sockets', which no server code changes).
 *
 *   node -r ./runner/register-ts.js bench/wire-server.ts [out.json]
 *   BENCH_WIRE_SERVER_RECORDING=/tmp/gate.jsonl   a recording to replay (default: record this checkout's gate first)
 *   BENCH_WIRE_SERVER_BASELINE=/work/wt/main       another checkout (node_modules installed) to weigh against
 *   BENCH_WIRE_SERVER_ROUNDS=3                     rounds (each: every checkout's replay and start-up)
 *   BENCH_WIRE_SERVER_UNCHECKED=/v1/capabilities   paths whose answers are not compared (a protocol addition announced there)
 *   BENCH_WIRE_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'   node flags for the replayed servers (profiles)
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './stats';
import { writeResult } from './script';

const ROOT = join(__dirname, '..');
const CPU_REPORT = join(__dirname, 'cpu-report.js');

interface Entry {
  method: string;
  url: string;
  type?: string;
  body: string;
  status: number;
  answer: string;
}

interface Cpu {
  /** user + system */
  ms: number;
  user: number;
}

interface Server {
  url: string;
  /** Stops the server (SIGINT) and resolves with its CPU ms. */
  stop(): Promise<Cpu>;
}

function startServe(root: string, preload: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<Server> {
  const p = spawn(process.execPath, ['-r', CPU_REPORT, ...preload, join(root, 'bin', 'groupspec.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
  let err = '';
  p.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<Cpu>((done, fail) =>
    p.on('exit', () => {
      const cpu = /GROUPSPEC_BENCH_CPU_MS=([\d.]+)/.exec(err);
      const user = /GROUPSPEC_BENCH_CPU_USER_MS=([\d.]+)/.exec(err);
      if (process.env.BENCH_WIRE_SERVER_STDERR === '1') process.stderr.write(err);
      if (cpu === null || user === null) fail(new Error(`the server of ${root} reported no CPU: ${err}`));
      else done({ ms: Number(cpu[1]), user: Number(user[1]) });
    }),
  );
  return new Promise((ready, fail) => {
    let out = '';
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m !== null) ready({ url: m[1]!, stop: () => (p.kill('SIGINT'), exited) });
    });
    p.on('exit', (code) => fail(new Error(`the server of ${root} exited (${code}) before listening: ${err}`)));
  });
}

function send(agent: http.Agent, base: string, e: Pick<Entry, 'method' | 'url' | 'type' | 'body'>): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = {};
    if (e.type !== undefined) headers['content-type'] = e.type;
    if (e.body.length > 0) headers['content-length'] = String(Buffer.byteLength(e.body));
    const req = http.request(`${base}${e.url}`, { method: e.method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(e.body.length > 0 ? e.body : undefined);
  });
}

const UNCHECKED = (process.env.BENCH_WIRE_SERVER_UNCHECKED ?? '').split(',').filter((p) => p !== '');

interface Replay {
  cpu: Cpu;
  wrong: number;
  firstWrong?: string;
}

async function replay(root: string, entries: readonly Entry[]): Promise<Replay> {
  const server = await startServe(root, (process.env.BENCH_WIRE_SERVER_ARGS ?? '').split(' ').filter((a) => a !== ''));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let wrong = 0;
  let firstWrong: string | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const got = await send(agent, server.url, e);
    if ((got.status !== e.status || got.text !== e.answer) && !UNCHECKED.includes(e.url)) {
      wrong++;
      firstWrong ??= `exchange ${i} ${e.method} ${e.url}: recorded ${e.status} ${e.answer.slice(0, 300)}\n  got ${got.status} ${got.text.slice(0, 300)}`;
    }
  }
  agent.destroy();
  return { cpu: await server.stop(), wrong, ...(firstWrong === undefined ? {} : { firstWrong }) };
}

async function startUp(root: string): Promise<Cpu> {
  const server = await startServe(root);
  const agent = new http.Agent({ keepAlive: false });
  await send(agent, server.url, { method: 'GET', url: '/v1/capabilities', body: '' });
  return server.stop();
}

/**
 * Records this checkout's gate over the wire (seed 7), as bench/gate.ts runs it, over HTTP
 * (`--no-stream`): the recording and the replay are HTTP exchanges, and the stream carries the
 * same batches (docs/protocol.md §4.12).
 */
async function recordGate(file: string): Promise<void> {
  const server = await startServe(ROOT, ['-r', join(__dirname, 'wire-record.js')], { ...process.env, GROUPSPEC_BENCH_RECORD: file });
  const out = mkdtempSync(join(tmpdir(), 'groupspec-wire-server-'));
  const gate = spawn(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--seed', '7', '--url', server.url, '--no-stream', '--out', out], { cwd: ROOT, stdio: 'ignore' });
  const code = await new Promise<number | null>((done) => gate.on('exit', done));
  await server.stop();
  rmSync(out, { recursive: true, force: true });
  if (code !== 0) throw new Error(`the gate over the wire exited ${code} while recording`);
}

function requestsIn(entries: readonly Entry[]): number {
  let n = 0;
  for (const e of entries) n += e.url === '/v1/batch' ? ((JSON.parse(e.body) as { requests?: unknown[] }).requests?.length ?? 1) : 1;
  return n;
}

async function main(): Promise<unknown> {
  const rounds = Number(process.env.BENCH_WIRE_SERVER_ROUNDS ?? 3);
  let file = process.env.BENCH_WIRE_SERVER_RECORDING;
  if (file === undefined) {
    file = join(mkdtempSync(join(tmpdir(), 'groupspec-wire-record-')), 'gate.jsonl');
    await recordGate(file);
  }
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Entry);
  const requests = requestsIn(entries);
  const trees = [{ name: 'this checkout', root: ROOT }];
  if (process.env.BENCH_WIRE_SERVER_BASELINE !== undefined) trees.push({ name: 'baseline', root: resolve(process.env.BENCH_WIRE_SERVER_BASELINE) });
  const runs = new Map(trees.map((t) => [t.name, { whole: [] as number[], start: [] as number[], wholeUser: [] as number[], startUser: [] as number[], wrong: 0, firstWrong: undefined as string | undefined }]));
  const load: number[] = [];
  process.stderr.write(`replaying ${entries.length} exchanges (${requests} requests) from ${file}, ${rounds} rounds\n`);
  for (let r = 0; r < rounds; r++) {
    load.push(loadavg()[0]!);
    for (const t of r % 2 === 0 ? trees : [...trees].reverse()) {
      const run = runs.get(t.name)!;
      const got = await replay(t.root, entries);
      const start = await startUp(t.root);
      run.whole.push(got.cpu.ms);
      run.start.push(start.ms);
      run.wholeUser.push(got.cpu.user);
      run.startUser.push(start.user);
      run.wrong += got.wrong;
      run.firstWrong ??= got.firstWrong;
      process.stderr.write(`round ${r + 1} ${t.name}: whole ${got.cpu.ms.toFixed(0)} ms (user ${got.cpu.user.toFixed(0)}), start-up ${start.ms.toFixed(0)} ms (user ${start.user.toFixed(0)}), wrong answers ${got.wrong} (load ${loadavg()[0]!.toFixed(1)})\n`);
    }
  }
  const result = {
    recording: file,
    exchanges: entries.length,
    requests,
    rounds,
    loadAverage: { first: load[0], median: median(load) },
    servers: Object.fromEntries(
      [...runs].map(([name, run]) => {
        const whole = median(run.whole);
        const start = median(run.start);
        const served = median(run.whole.map((w, i) => w - run.start[i]!));
        const servedUser = median(run.wholeUser.map((w, i) => w - run.startUser[i]!));
        return [
          name,
          { wholeCpuMs: whole, startUpCpuMs: start, servingCpuMs: served, servingUserCpuMs: servedUser, usPerRequest: (served * 1000) / requests, userUsPerRequest: (servedUser * 1000) / requests, usPerExchange: (served * 1000) / entries.length, wrongAnswers: run.wrong, firstWrong: run.firstWrong },
        ];
      }),
    ),
  };
  if (trees.length === 2) {
    // per round, this checkout's serving CPU against the baseline's: the load moves both alike within a round
    const [mine, base] = [runs.get(trees[0]!.name)!, runs.get(trees[1]!.name)!];
    const ratios = mine.whole.map((w, i) => (w - mine.start[i]!) / (base.whole[i]! - base.start[i]!));
    const userRatios = mine.wholeUser.map((w, i) => (w - mine.startUser[i]!) / (base.wholeUser[i]! - base.startUser[i]!));
    Object.assign(result, { servingRatioPerRound: ratios, servingRatioMedian: median(ratios), servingUserRatioPerRound: userRatios, servingUserRatioMedian: median(userRatios), wholeRatioMedian: median(mine.whole.map((w, i) => w / base.whole[i]!)) });
  }
  const wrong = [...runs].filter(([, r]) => r.wrong > 0);
  if (wrong.length > 0) throw new Error(`wrong answers: ${wrong.map(([name, r]) => `${name} ${r.wrong}, first: ${r.firstWrong}`).join('; ')}\n${JSON.stringify(result)}`);
  return result;
}

writeResult(main());
