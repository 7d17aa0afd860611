/**
 * What the fuzzer's speed buys: for each broken implementation of the catalogue
 * (selftest/broken/catalogue.ts) that the fuzz property catches, the commands and the seconds it
 * needs to find it (median over seeds), in process and over the wire (issue 21 item 3).
 *
 * The property is run as the gate runs it (`fuzz.invariants-and-reference`: the reference
 * simulator in lockstep, `BENCH_CATCH_RUNS` runs of up to 50 commands, 40 like `groupspec run`'s
 * default), without shrinking: found means the first failing run. Commands are the `When` steps of
 * every passing run plus those of the failing run up to the failure; seconds are wall time from the
 * start of the property to the failure. Over the wire, the break wraps the wire client (its
 * interceptors run in this process, every call goes over loopback HTTP to a `groupspec serve` of
 * this process), on `BENCH_CATCH_WIRE_SEEDS` of the seeds, for the breaks caught in process.
 *
 * A broken implementation declares no `inOrder`, so over the wire the property runs step by step.
 * `BENCH_CATCH_WIRE_PIPELINED=1` declares it for every break, so the differential runs are pipelined
 * (properties/pipeline.ts): the check that pipelining finds what the step-by-step runs find. A
 * break whose interceptor reads the app before making the real call then sends that call late,
 * which only a pipelined run can notice (and reports as the break's own failure when the runs made
 * again step by step pass).
 *
 *   node -r ./runner/register-ts.js bench/catch.ts <out.json>
 */
import type { Implementation } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';
import { wireImplementation } from '../adapters/wire/client';
import { startServer } from '../servers/wire/server';
import { fuzz, FuzzFailure } from '../properties/run';
import { BREAKS } from '../selftest/broken/catalogue';
import { breakImplementation } from '../selftest/broken/decorate';
import { median } from './stats';
import { writeResult } from './script';

export interface CatchRow {
  id: string;
  rule: string;
  /** per seed: commands and ms to the first failure, or undefined when not found in the budget */
  inProcess: Array<{ seed: number; commands: number; ms: number } | undefined>;
  wire: Array<{ seed: number; commands: number; ms: number } | undefined>;
}

export interface CatchResult {
  seeds: number[];
  wireSeeds: number[];
  runs: number;
  breaks: number;
  /** breaks found by at least one seed in process / over the wire */
  caught: { inProcess: number; wire: number };
  rows: CatchRow[];
  /** median over the caught breaks of each break's median */
  median: { inProcess: { commands: number; ms: number }; wire: { commands: number; ms: number } };
  totalMs: number;
}

const when = (trace: readonly string[]) => trace.filter((l) => l.startsWith('When ')).length;

async function find(impl: () => Implementation, seed: number, runs: number): Promise<{ seed: number; commands: number; ms: number } | undefined> {
  let commands = 0;
  const t0 = process.hrtime.bigint();
  try {
    await fuzz({ implementation: impl, shrink: false, config: { numRuns: runs, seed, path: undefined, maxCommands: 50 }, onRun: (t) => (commands += when(t)) });
    return undefined;
  } catch (e) {
    if (!(e instanceof FuzzFailure)) throw e;
    return { seed, commands: commands + when(e.counterexample), ms: Number(process.hrtime.bigint() - t0) / 1e6 };
  }
}

function summary(rows: CatchRow[], side: 'inProcess' | 'wire'): { commands: number; ms: number } {
  const found = rows.map((r) => r[side].filter((x) => x !== undefined)).filter((xs) => xs.length > 0);
  return { commands: median(found.map((xs) => median(xs.map((x) => x!.commands)))), ms: median(found.map((xs) => median(xs.map((x) => x!.ms)))) };
}

export async function catchBench(seeds: number[], wireSeeds: number[], runs: number, log: (s: string) => void = () => {}, pipelined = false): Promise<CatchResult> {
  const started = process.hrtime.bigint();
  const server = await startServer({ host: '127.0.0.1', port: 0 });
  try {
    const wire = await wireImplementation(server.url);
    const local = simulatorImplementation();
    const rows: CatchRow[] = [];
    for (const brk of BREAKS) {
      const row: CatchRow = { id: brk.id, rule: brk.rule, inProcess: [], wire: [] };
      for (const seed of seeds) row.inProcess.push(await find(() => breakImplementation(local, brk), seed, runs));
      if (row.inProcess.some((x) => x !== undefined)) {
        const broken = () => (pipelined ? { ...breakImplementation(wire, brk), inOrder: true } : breakImplementation(wire, brk));
        for (const seed of wireSeeds) row.wire.push(await find(broken, seed, runs));
      }
      rows.push(row);
      if (rows.length % 20 === 0) log(`  catch: ${rows.length}/${BREAKS.length} breaks`);
    }
    await wire.close?.();
    return {
      seeds,
      wireSeeds,
      runs,
      breaks: BREAKS.length,
      caught: { inProcess: rows.filter((r) => r.inProcess.some((x) => x !== undefined)).length, wire: rows.filter((r) => r.wire.some((x) => x !== undefined)).length },
      rows,
      median: { inProcess: summary(rows, 'inProcess'), wire: summary(rows, 'wire') },
      totalMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  const seeds = (process.env.BENCH_CATCH_SEEDS ?? '1,2,3').split(',').map(Number);
  const wireSeeds = seeds.slice(0, Number(process.env.BENCH_CATCH_WIRE_SEEDS ?? 1));
  writeResult(catchBench(seeds, wireSeeds, Number(process.env.BENCH_CATCH_RUNS ?? 40), (s) => process.stderr.write(`${s}\n`), process.env.BENCH_CATCH_WIRE_PIPELINED === '1'));
}
