/**
 * Which implementation the features run against. The default is the embedded simulator; the CLI
 * sets GROUPSPEC_ADAPTER to a module exporting a factory (issue: adapters), and the wire client
 * plugs in the same way.
 */
import type { Implementation } from '../adapters/contract';
import { simulatorImplementation } from '../adapters/simulator';

let chosen: Implementation | undefined;

export function currentImplementation(): Implementation {
  if (chosen !== undefined) return chosen;
  const modulePath = process.env.GROUPSPEC_ADAPTER;
  if (modulePath === undefined || modulePath === '' || modulePath === 'simulator') {
    chosen = simulatorImplementation();
    return chosen;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(modulePath) as { default?: () => Implementation; createImplementation?: () => Implementation };
  const factory = mod.createImplementation ?? mod.default;
  if (typeof factory !== 'function') throw new Error(`${modulePath} exports no createImplementation() or default factory`);
  chosen = factory();
  return chosen;
}

/** How long an "eventually" assertion waits for an event, in ms (GROUPSPEC_EVENTUALLY_MS, default 2000). */
export function eventuallyMs(): number {
  const v = Number(process.env.GROUPSPEC_EVENTUALLY_MS ?? 2000);
  return Number.isFinite(v) && v >= 0 ? v : 2000;
}
