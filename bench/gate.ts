/**
 * The whole gate, `groupspec run --seed 7`, in process and over the wire against a `groupspec
 * serve` of this checkout (issue 21 items 1 and 2): wall time and CPU (the gate's process, and the
 * server's for the wire run), runs alternating, medians. The wire run uses the carrier the client
 * picks (the stream, docs/protocol.md §4.12, since round seven) and reports which it was.
 * BENCH_GATE_HTTP=1 adds a third run in each repetition, over the wire with `--no-stream` (batches
 * as HTTP exchanges), for the two carriers side by side; BENCH_GATE_FEATURES_ONLY=1 runs every
 * gate with `--no-properties`.
 *
 *   node -r ./runner/register-ts.js bench/gate.ts <out.json>
 *   BENCH_GATE_HTTP=1 BENCH_GATE_REPS=3 node -r ./runner/register-ts.js bench/gate.ts <out.json>
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';
import { writeResult } from './script';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'groupspec.js');
const CPU_REPORT = join(__dirname, 'cpu-report.js');
const COUNT_REQUESTS = join(__dirname, 'count-requests.js');

export interface GateRun {
  /** wire: the client's choice of carrier; wire-http: --no-stream */
  mode: 'in-process' | 'wire' | 'wire-http';
  wallMs: number;
  /** the gate's own CPU, and the server's during the run (wire) */
  cpuMs: number;
  serverCpuMs: number;
  exitCode: number;
  /** wire: HTTP exchanges the server served, and the requests they carried (a batch carries several) */
  exchanges?: number;
  requests?: number;
  /** wire: how the batches travelled: `stream` when the server received stream messages, else `http` */
  carrier?: 'stream' | 'http';
}

const HTTP_TOO = process.env.BENCH_GATE_HTTP === '1';
const EXTRA = process.env.BENCH_GATE_FEATURES_ONLY === '1' ? ['--no-properties'] : [];

export interface GateResult {
  repetitions: number;
  runs: GateRun[];
  median: { inProcess: { wallMs: number; cpuMs: number }; wire: WireMedian; wireHttp?: WireMedian };
  /** wire / in process: wall, and CPU of client and server together against the in-process gate's (and the same for --no-stream) */
  ratio: { wall: number; cpu: number; httpWall?: number; httpCpu?: number };
  /** the carrier of the wire runs (BENCH_GATE_FEATURES_ONLY: whether they were features only) */
  carrier: string;
  featuresOnly: boolean;
  totalMs: number;
}

export interface WireMedian {
  wallMs: number;
  cpuMs: number;
  serverCpuMs: number;
  exchanges: number;
  requests: number;
}

/** Runs node with the CPU reporter preloaded; resolves with wall ms, CPU ms and the exit code. */
export function node(args: string[], onStdout?: (s: string) => void): { done: Promise<{ wallMs: number; cpuMs: number; exitCode: number; stderr: string }>; kill: () => void } {
  const t0 = process.hrtime.bigint();
  const p = spawn(process.execPath, ['-r', CPU_REPORT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  p.stdout.on('data', (d: Buffer) => onStdout?.(d.toString()));
  const done = new Promise<{ wallMs: number; cpuMs: number; exitCode: number; stderr: string }>((resolve, reject) => {
    p.on('error', reject);
    p.on('close', (code) => {
      const cpu = /GROUPSPEC_BENCH_CPU_MS=([\d.]+)/.exec(err);
      resolve({ wallMs: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: cpu === null ? Number.NaN : Number(cpu[1]), exitCode: code ?? 1, stderr: err });
    });
  });
  return { done, kill: () => p.kill('SIGINT') };
}

async function inProcess(out: string): Promise<GateRun> {
  const r = await node([BIN, 'run', '--seed', '7', '--out', out, ...EXTRA]).done;
  return { mode: 'in-process', wallMs: r.wallMs, cpuMs: r.cpuMs, serverCpuMs: 0, exitCode: r.exitCode };
}

async function overTheWire(out: string, http = false): Promise<GateRun> {
  let announce: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (announce = resolve));
  const server = node(['-r', COUNT_REQUESTS, BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], (s) => {
    const m = /listening on (http:\/\/\S+)/.exec(s);
    if (m !== null) announce(m[1]!);
  });
  const url = await listening;
  const r = await node([BIN, 'run', '--seed', '7', '--url', url, '--out', out, ...EXTRA, ...(http ? ['--no-stream'] : [])]).done;
  server.kill();
  const s = await server.done;
  const count = (name: string) => Number(new RegExp(`GROUPSPEC_BENCH_${name}=(\\d+)`).exec(s.stderr)?.[1] ?? Number.NaN);
  const carrier = count('STREAM_MESSAGES') > 0 ? 'stream' : 'http';
  return { mode: http ? 'wire-http' : 'wire', wallMs: r.wallMs, cpuMs: r.cpuMs, serverCpuMs: s.cpuMs, exitCode: r.exitCode, exchanges: count('EXCHANGES'), requests: count('REQUESTS'), carrier };
}

const overHttp = (out: string) => overTheWire(out, true);

export async function gateBench(repetitions: number): Promise<GateResult> {
  const started = process.hrtime.bigint();
  const dir = mkdtempSync(join(tmpdir(), 'groupspec-gate-'));
  try {
    const runs: GateRun[] = [];
    for (let i = 0; i < repetitions; i++) {
      const modes = HTTP_TOO ? [inProcess, overTheWire, overHttp] : [inProcess, overTheWire];
      const order = i % 2 === 0 ? modes : [...modes].reverse();
      for (const f of order) runs.push(await f(join(dir, String(runs.length))));
    }
    const of = (mode: GateRun['mode']) => runs.filter((r) => r.mode === mode);
    const m = (rs: GateRun[], f: (r: GateRun) => number) => median(rs.map(f));
    const local = { wallMs: m(of('in-process'), (r) => r.wallMs), cpuMs: m(of('in-process'), (r) => r.cpuMs) };
    const wireOf = (mode: GateRun['mode']): WireMedian => ({
      wallMs: m(of(mode), (r) => r.wallMs),
      cpuMs: m(of(mode), (r) => r.cpuMs),
      serverCpuMs: m(of(mode), (r) => r.serverCpuMs),
      exchanges: m(of(mode), (r) => r.exchanges ?? Number.NaN),
      requests: m(of(mode), (r) => r.requests ?? Number.NaN),
    });
    const wire = wireOf('wire');
    const wireHttp = HTTP_TOO ? wireOf('wire-http') : undefined;
    const carriers = [...new Set(of('wire').map((r) => r.carrier))];
    return {
      repetitions,
      runs,
      median: { inProcess: local, wire, ...(wireHttp === undefined ? {} : { wireHttp }) },
      ratio: {
        wall: wire.wallMs / local.wallMs,
        cpu: (wire.cpuMs + wire.serverCpuMs) / local.cpuMs,
        ...(wireHttp === undefined ? {} : { httpWall: wireHttp.wallMs / local.wallMs, httpCpu: (wireHttp.cpuMs + wireHttp.serverCpuMs) / local.cpuMs }),
      },
      carrier: carriers.join(', '),
      featuresOnly: EXTRA.length > 0,
      totalMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  writeResult(gateBench(Number(process.env.BENCH_GATE_REPS ?? 1)));
}
