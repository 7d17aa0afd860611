/**
 * Which implementation the features run against, chosen once per process before any scenario:
 * GROUPSPEC_URL (a wire-protocol server), GROUPSPEC_ADAPTER (a module exporting
 * `createImplementation()` or a default factory, possibly async), or the embedded simulator; whichever
 * it is, its calls are traced (adapters/contract/trace.ts), so a failure shows the calls behind it.
 */
import type { Implementation } from './contract';
import { simulatorImplementation } from './simulator';
import { traced } from './contract/trace';

let chosen: Implementation | undefined;

export async function resolveImplementation(env: NodeJS.ProcessEnv = process.env): Promise<Implementation> {
  if (chosen !== undefined) return chosen;
  const url = env.GROUPSPEC_URL;
  const modulePath = env.GROUPSPEC_ADAPTER;
  if (url !== undefined && url !== '') {
    // loaded only when asked for: an in-process run needs no HTTP client
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { wireImplementation } = require('./wire/client') as typeof import('./wire/client');
    // GROUPSPEC_STREAM=off (groupspec run --no-stream): batches over HTTP even to a server with a stream
    chosen = traceable(await wireImplementation(url, { timeoutMs: callTimeoutMs(env), stream: env.GROUPSPEC_STREAM !== 'off' }), env);
  } else if (modulePath === undefined || embeddedSimulator(env)) {
    chosen = traceable(simulatorImplementation(), env);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as { default?: unknown; createImplementation?: unknown };
    // `module.exports = defineAdapter(…)` in CommonJS makes the module itself the factory
    const factory = (typeof mod === 'function' ? mod : (mod.createImplementation ?? mod.default)) as (() => Implementation | Promise<Implementation>) | undefined;
    if (typeof factory !== 'function') throw new Error(`${modulePath} exports no createImplementation() or default factory`);
    chosen = traceable(await factory(), env);
  }
  return chosen!;
}

/** Whether `env` asks for the embedded simulator: no server URL, and no adapter module or `simulator`. */
export function embeddedSimulator(env: NodeJS.ProcessEnv): boolean {
  return (env.GROUPSPEC_URL ?? '') === '' && ['', 'simulator', undefined].includes(env.GROUPSPEC_ADAPTER);
}

/** Traced unless GROUPSPEC_TRACE=off (bench/trace.ts measures the gate both ways). */
function traceable(impl: Implementation, env: NodeJS.ProcessEnv): Implementation {
  return env.GROUPSPEC_TRACE === 'off' ? impl : traced(impl);
}

/** The implementation resolved for this process (resolveImplementation must have run). */
export function currentImplementation(): Implementation {
  if (chosen === undefined) {
    // the properties' vitest files run without cucumber's BeforeAll: the simulator unless told otherwise
    if (embeddedSimulator(process.env)) chosen = traceable(simulatorImplementation(), process.env);
    else throw new Error('the implementation has not been resolved yet (resolveImplementation)');
  }
  return chosen;
}

/** Forget the chosen implementation (a runner that switches implementations within one process). */
export function resetImplementation(): void {
  chosen = undefined;
}

/** How long an "eventually" assertion waits for an event, in ms (GROUPSPEC_EVENTUALLY_MS, default 2000). */
export function eventuallyMs(): number {
  const v = Number(process.env.GROUPSPEC_EVENTUALLY_MS ?? 2000);
  return Number.isFinite(v) && v >= 0 ? v : 2000;
}

/** The deadline of one call to the implementation, in ms (GROUPSPEC_CALL_TIMEOUT_MS, default 5000). */
export function callTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.GROUPSPEC_CALL_TIMEOUT_MS ?? 5000);
  return Number.isFinite(v) && v > 0 ? v : 5000;
}
