import { describe, it } from 'vitest';
import { currentImplementation } from '../adapters/resolve';
import { badInput, dropInBadInput } from './bad-input';
import { fuzzConfig } from './run';

describe('bad input', () => {
  it('every method refuses arbitrary values with a documented code and changes nothing', async () => {
    await badInput(currentImplementation, { numRuns: Math.max(100, fuzzConfig().numRuns), seed: fuzzConfig().seed ?? Date.now() });
  }, 120_000);

  it('every member of the drop-in groupspec/chat refuses arbitrary values with a documented code and changes nothing', async () => {
    await dropInBadInput({ numRuns: Math.max(100, fuzzConfig().numRuns), seed: fuzzConfig().seed ?? Date.now() });
  }, 120_000);
});
