/**
 * Model-based conformance: random sequences of every documented operation, run on the
 * implementation under test (the simulator unless GROUPSPEC_ADAPTER names another) and on an
 * independent reference simulator in lockstep. Every step: documented codes only, refusals change
 * nothing, the reference agrees, every invariant holds.
 */
import { describe, it } from 'vitest';
import { currentImplementation } from '../adapters/resolve';
import { fuzz } from './run';

describe('fuzzed operation sequences', () => {
  it('keep every invariant, change nothing when refused, and match the reference simulator', async () => {
    let commands = 0;
    await fuzz({ implementation: currentImplementation, onRun: (trace) => (commands += trace.filter((l) => l.startsWith('When ')).length) });
    // a fuzzer that generates nothing proves nothing
    if (commands === 0) throw new Error('the fuzzer ran no commands');
  }, 300_000);
});
