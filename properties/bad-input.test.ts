import { describe, it } from 'vitest';
import { currentImplementation } from '../adapters/resolve';
import { badInput } from './bad-input';
import { fuzzConfig } from './run';

describe('bad input', () => {
  it('every method refuses arbitrary values with a documented code and changes nothing', async () => {
    await badInput(currentImplementation, { numRuns: Math.max(100, fuzzConfig().numRuns), seed: fuzzConfig().seed ?? Date.now() });
  }, 120_000);
});
