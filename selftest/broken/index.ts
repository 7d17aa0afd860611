/**
 * An adapter module for the runner: `GROUPSPEC_BREAK=<id>` picks a broken implementation from the
 * catalogue (the reference simulator with one rule violated).
 */
import { simulatorImplementation } from '../../adapters/simulator';
import type { Implementation } from '../../adapters/contract';
import { breakImplementation } from './decorate';
import { BREAKS, findBreak } from './catalogue';

export function createImplementation(): Implementation {
  const id = process.env.GROUPSPEC_BREAK ?? '';
  const brk = findBreak(id);
  if (brk === undefined) throw new Error(`GROUPSPEC_BREAK must name a broken implementation: ${BREAKS.map((b) => b.id).join(', ')}`);
  return breakImplementation(simulatorImplementation(), brk);
}

export { BREAKS, findBreak, breakImplementation };
