import { describe, it } from 'vitest';
import { currentImplementation } from '../adapters/resolve';
import { decideOnce, lastSeat, oneAVChatRoom } from './races';
import { fuzzConfig } from './run';

const cfg = () => ({ numRuns: Math.min(100, Math.max(40, fuzzConfig().numRuns)), seed: fuzzConfig().seed ?? Date.now() });

describe('concurrency', () => {
  it('two admins deciding the same application at once: exactly one wins, the other gets 10024', () => decideOnce(currentImplementation, cfg()), 60_000);
  it('joins racing for the last seat: the cap holds and exactly one joins', () => lastSeat(currentImplementation, cfg()), 60_000);
  it('a user entering two AVChatRooms at once ends in exactly one', () => oneAVChatRoom(currentImplementation, cfg()), 60_000);
});
