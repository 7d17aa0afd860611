/**
 * How soon V8 compiles a function with TurboFan, for a process that lives for one gate.
 *
 * V8 counts the bytecode a function runs against an "interrupt budget" (--interrupt-budget, 66 KB
 * of bytecode by default in Node 20's V8 11.3) before it asks TurboFan to compile it. A gate runs
 * ~600 modules (cucumber's, the steps', the simulator's) for a few seconds: with the default, V8
 * compiles hundreds of functions that run only a little longer afterwards, and those compilations
 * are CPU (on background threads) that the gate's three threads (the features, the properties,
 * cucumber.html) then share two cores with. A budget ~2.2x the default leaves the truly hot code (the
 * fuzzer's loop, cucumber's and the simulator's per-call paths) to be optimised a little later and
 * the rest to baseline code. Measured side by side (docs/performance.md, round seven, helper i21l),
 * `groupspec run --seed 7` in process, 16 alternating pairs against the default: the process's CPU
 * ~0.9x, its wall ~0.95x (lower in 12 of 16), the features' thread's own CPU within a few per cent
 * (up to ~5 % more: its code is optimised later). Higher budgets (300,000-1,000,000)
 * cut the process's CPU no more and made the features' thread, the gate's critical path, slower
 * (+1-18 % at 1,000,000: its code stays unoptimised longer); `--no-opt` cost more than it saved (the fuzzer's loop
 * needs TurboFan).
 *
 * Set at the start of the command line (runner/cli.ts imports this first), for this process only: V8
 * flags are process-wide, so the properties' worker thread gets it too; `serve` (a server that may
 * live for days) keeps V8's defaults. GROUPSPEC_V8_DEFAULTS=1 leaves V8's defaults in place.
 */
import { setFlagsFromString } from 'node:v8';

/** The budget, in bytes of bytecode run; Node 20's V8 default is 67,584. */
export const GATE_INTERRUPT_BUDGET = 150_000;

if (process.env.GROUPSPEC_V8_DEFAULTS !== '1') setFlagsFromString(`--interrupt-budget=${GATE_INTERRUPT_BUDGET}`);
