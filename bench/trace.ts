/**
 * What call traces (adapters/contract/trace.ts) cost the gate: `groupspec run --seed 7` in process,
 * with traces (the default) and without (GROUPSPEC_TRACE=off), runs alternating so that the
 * machine's load falls on both alike; the gate's CPU, medians, and the ratio with / without.
 *
 *   node -r ./runner/register-ts.js bench/trace.ts [out.json]     (BENCH_TRACE_REPS=3)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node } from './gate';
import { median } from './stats';
import { writeResult } from './script';

const BIN = join(__dirname, '..', 'bin', 'groupspec.js');

export interface TraceRun {
  traced: boolean;
  wallMs: number;
  cpuMs: number;
  exitCode: number;
}

export interface TraceResult {
  repetitions: number;
  args: string[];
  runs: TraceRun[];
  median: { traced: { cpuMs: number; wallMs: number }; untraced: { cpuMs: number; wallMs: number } };
  /** traced / untraced CPU of the gate's process */
  ratio: { cpu: number; wall: number };
}

async function gate(traced: boolean, out: string, args: string[]): Promise<TraceRun> {
  // node() spawns with this process's environment: the switch is set for the one child it starts
  if (traced) delete process.env.GROUPSPEC_TRACE;
  else process.env.GROUPSPEC_TRACE = 'off';
  const r = await node([BIN, 'run', ...args, '--out', out]).done;
  delete process.env.GROUPSPEC_TRACE;
  return { traced, ...r };
}

export async function traceBench(repetitions: number, args = ['--seed', '7']): Promise<TraceResult> {
  const dir = mkdtempSync(join(tmpdir(), 'groupspec-trace-'));
  try {
    const runs: TraceRun[] = [];
    for (let i = 0; i < repetitions; i++) {
      for (const traced of i % 2 === 0 ? [true, false] : [false, true]) runs.push(await gate(traced, join(dir, String(runs.length)), args));
    }
    const of = (t: boolean, f: (r: TraceRun) => number) => median(runs.filter((r) => r.traced === t).map(f));
    const traced = { cpuMs: of(true, (r) => r.cpuMs), wallMs: of(true, (r) => r.wallMs) };
    const untraced = { cpuMs: of(false, (r) => r.cpuMs), wallMs: of(false, (r) => r.wallMs) };
    return { repetitions, args, runs, median: { traced, untraced }, ratio: { cpu: traced.cpuMs / untraced.cpuMs, wall: traced.wallMs / untraced.wallMs } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) writeResult(traceBench(Number(process.env.BENCH_TRACE_REPS ?? 3), process.env.BENCH_TRACE_ARGS?.split(' ')));
