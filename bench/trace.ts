/**
 * What call traces (adapters/contract/trace.ts) cost the gate: `groupspec run --seed 7` in process,
 * with traces (the default) and without (GROUPSPEC_TRACE=off), runs alternating so that the
 * machine's load falls on both alike; the gate's CPU, medians, and the ratio with / without.
 *
 * And per call, in this process: the CPU of one call to the embedded simulator, traced and not,
 * alternating rounds (what a passing scenario pays per call).
 *
 *   node -r ./runner/register-ts.js bench/trace.ts [out.json]     (BENCH_TRACE_REPS=3; BENCH_TRACE_GATE=0 skips the gate runs)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Implementation } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';
import { traced as withTrace } from '../adapters/contract/trace';
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

/** CPU µs of one call (a member reading the group's profile, then joining and quitting a Public group), traced and not. */
export async function callBench(rounds = 11, calls = 6000): Promise<{ tracedUs: number; untracedUs: number; ratio: number }> {
  const round = async (impl: Implementation): Promise<number> => {
    const app = await impl.createApp();
    const alice = await app.login('alice');
    const bob = await app.login('bob');
    const { data } = await alice.call('createGroup', { type: 'Public', name: 'P', joinOption: 'FreeAccess' });
    const groupID = (data as { group: { groupID: string } }).group.groupID;
    const t0 = process.cpuUsage();
    for (let i = 0; i < calls / 3; i++) {
      await alice.call('getGroupProfile', { groupID });
      await bob.call('joinGroup', { groupID });
      await bob.call('quitGroup', groupID);
    }
    const t = process.cpuUsage(t0);
    await app.close();
    return (t.user + t.system) / calls;
  };
  const sim = simulatorImplementation();
  const tr = withTrace(sim);
  const a: number[] = [];
  const b: number[] = [];
  await round(sim);
  for (let i = 0; i < rounds; i++) for (const t of i % 2 === 0 ? [true, false] : [false, true]) (t ? a : b).push(await round(t ? tr : sim));
  return { tracedUs: median(a), untracedUs: median(b), ratio: median(a) / median(b) };
}

if (require.main === module) {
  writeResult(
    (async () => ({
      calls: await callBench(),
      ...(process.env.BENCH_TRACE_GATE === '0' ? {} : { gate: await traceBench(Number(process.env.BENCH_TRACE_REPS ?? 3), process.env.BENCH_TRACE_ARGS?.split(' ')) }),
    }))(),
  );
}
