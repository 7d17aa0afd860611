/**
 * Fuzz throughput: commands per second of the model-based property (properties/run.ts `fuzz`)
 * against the simulator in process and over the wire protocol on loopback (adapters/wire-server.ts
 * in this process, adapters/wire-client.ts talking to it over 127.0.0.1), with the differential
 * reference off and on. Modes alternate within each repetition; the figures are medians.
 *
 * A command is one step of a fuzzed sequence (a `When` line of its trace): one call on the system
 * under test, then the checks (a picture of the state through the public API, the invariants, and
 * in differential mode the same call on the reference simulator). Over the wire every such read is
 * an HTTP request, so requests per second are reported too.
 *
 *   node -r ts-node/register/transpile-only bench/fuzz.ts <out.json>
 */
import { writeFileSync } from 'node:fs';
import type { Implementation } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';
import { wireImplementation } from '../adapters/wire-client';
import { startServer } from '../adapters/wire-server';
import { fuzz } from '../properties/run';
import { median } from './stats';

export type FuzzMode = 'in-process' | 'in-process+differential' | 'wire' | 'wire+differential';
export const FUZZ_MODES: FuzzMode[] = ['in-process', 'in-process+differential', 'wire', 'wire+differential'];

export interface FuzzSample {
  mode: FuzzMode;
  runs: number;
  commands: number;
  requests: number;
  ms: number;
  /** CPU of this process (client and server both) during the sample */
  cpuMs: number;
}

export interface FuzzResult {
  seed: number;
  maxCommands: number;
  runsPerSample: Record<FuzzMode, number>;
  samples: FuzzSample[];
  commandsPerSecond: Record<FuzzMode, number>;
  requestsPerSecond: Record<FuzzMode, number>;
  /** commands per CPU-second: what other load on the machine does not inflate */
  commandsPerCpuSecond: Record<FuzzMode, number>;
  /** in-process / wire, differential off and on */
  ratio: { off: number; on: number };
  /** one cheap SDK call (getGroupList) after another: calls/s in process and over the wire, and HTTP requests per wire call */
  roundTrip: { inProcess: number; wire: number; requestsPerCall: number };
  totalMs: number;
}

/** Counts the HTTP requests the wire client makes (through node:http). */
let requests = 0;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpModule = require('node:http') as typeof import('node:http');
const realRequest = httpModule.request;
httpModule.request = ((...args: Parameters<typeof realRequest>) => {
  requests++;
  return realRequest(...args);
}) as typeof realRequest;

async function sample(mode: FuzzMode, implementation: () => Implementation, runs: number, seed: number, maxCommands: number): Promise<FuzzSample> {
  let commands = 0;
  const r0 = requests;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fuzz({
    implementation,
    differential: mode.endsWith('+differential'),
    config: { numRuns: runs, maxCommands, seed, path: undefined },
    onRun: (trace) => (commands += trace.filter((l) => l.startsWith('When ')).length),
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  return { mode, runs, commands, requests: requests - r0, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Calls/s of getGroupList by one session, in process and over the wire (median of `reps` samples of 2 000). */
async function roundTrips(local: Implementation, wire: Implementation, reps: number): Promise<FuzzResult['roundTrip']> {
  const rates: Record<'local' | 'wire', number[]> = { local: [], wire: [] };
  let perCall = 0;
  for (const [name, impl] of [['local', local], ['wire', wire]] as const) {
    const app = await impl.createApp({});
    const session = await app.login('alice');
    await session.call('createGroup', { type: 'Public', name: 'round trip' });
    for (let i = 0; i < 200; i++) await session.call('getGroupList');
    for (let r = 0; r < reps; r++) {
      const n = 2000;
      const r0 = requests;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await session.call('getGroupList');
      rates[name].push((n * 1e9) / Number(process.hrtime.bigint() - t0));
      if (name === 'wire') perCall = (requests - r0) / n;
    }
    await app.close();
  }
  return { inProcess: median(rates.local), wire: median(rates.wire), requestsPerCall: perCall };
}

export async function fuzzThroughput(opts: { repetitions: number; seed: number; maxCommands: number; runs: Record<FuzzMode, number> }, log: (s: string) => void = () => {}): Promise<FuzzResult> {
  const started = process.hrtime.bigint();
  const server = await startServer({ host: '127.0.0.1', port: 0 });
  try {
    const wire = await wireImplementation(server.url);
    const local = simulatorImplementation();
    const implFor = (mode: FuzzMode) => (mode.startsWith('wire') ? () => wire : () => local);
    // warm-up: one short sample per mode
    for (const mode of FUZZ_MODES) await sample(mode, implFor(mode), Math.max(1, Math.ceil(opts.runs[mode] / 4)), opts.seed + 1, opts.maxCommands);
    const samples: FuzzSample[] = [];
    for (let rep = 0; rep < opts.repetitions; rep++) {
      const order = rep % 2 === 0 ? FUZZ_MODES : [...FUZZ_MODES].reverse();
      for (const mode of order) samples.push(await sample(mode, implFor(mode), opts.runs[mode], opts.seed, opts.maxCommands));
      log(`  fuzz: repetition ${rep + 1}/${opts.repetitions} done`);
    }
    const roundTrip = await roundTrips(local, wire, opts.repetitions);
    await wire.close?.();
    const per = (mode: FuzzMode, f: (s: FuzzSample) => number) => median(samples.filter((s) => s.mode === mode).map(f));
    const commandsPerSecond = {} as Record<FuzzMode, number>;
    const requestsPerSecond = {} as Record<FuzzMode, number>;
    const commandsPerCpuSecond = {} as Record<FuzzMode, number>;
    for (const mode of FUZZ_MODES) {
      commandsPerCpuSecond[mode] = per(mode, (s) => (s.commands * 1000) / s.cpuMs);
      commandsPerSecond[mode] = per(mode, (s) => (s.commands * 1000) / s.ms);
      requestsPerSecond[mode] = per(mode, (s) => (s.requests * 1000) / s.ms);
    }
    return {
      seed: opts.seed,
      maxCommands: opts.maxCommands,
      runsPerSample: opts.runs,
      samples,
      commandsPerSecond,
      requestsPerSecond,
      commandsPerCpuSecond,
      ratio: {
        off: commandsPerSecond['in-process'] / commandsPerSecond.wire,
        on: commandsPerSecond['in-process+differential'] / commandsPerSecond['wire+differential'],
      },
      roundTrip,
      totalMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  const reps = Number(process.env.BENCH_FUZZ_REPS ?? 3);
  fuzzThroughput(
    { repetitions: reps, seed: 20_260_101, maxCommands: 50, runs: { 'in-process': 20, 'in-process+differential': 12, wire: 4, 'wire+differential': 4 } },
    (s) => process.stderr.write(`${s}\n`),
  )
    .then((r) => {
      const json = JSON.stringify(r, null, 2);
      if (process.argv[2] === undefined) process.stdout.write(`${json}\n`);
      else writeFileSync(process.argv[2], json);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
