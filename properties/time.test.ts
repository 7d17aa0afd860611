import { describe, it } from 'vitest';
import { currentImplementation } from '../adapters/resolve';
import { fuzzConfig } from './run';
import { dailyQuotaReset, muteExpiry } from './time';

const cfg = () => ({ numRuns: Math.min(100, Math.max(60, fuzzConfig().numRuns)), seed: fuzzConfig().seed ?? Date.now() });

describe('time', () => {
  it('a member is muted while muteUntil is in the future, and not after', () => muteExpiry(currentImplementation, cfg()), 60_000);
  it('the daily net creation quota resets when the UTC day changes', () => dailyQuotaReset(currentImplementation, cfg()), 60_000);
});
