/**
 * Each invariant, shown to fail: the fuzzer runs against the simulator with one rule broken (no
 * reference simulator, so the invariant itself must notice), and must find the break and shrink it
 * to a short sequence.
 */
import { describe, expect, it } from 'vitest';
import { simulatorImplementation } from '../adapters/simulator';
import { breakImplementation } from '../selftest/broken/decorate';
import { findBreak } from '../selftest/broken/catalogue';
import { INVARIANTS } from '../matchers/invariants';
import fc from 'fast-check';
import { CreateGroup } from './commands/create-group';
import { JoinGroup } from './commands/join-group';
import { USERS } from './model';
import { fuzz, FuzzFailure } from './run';

/** Only AVChatRooms and joins: the one-room rule needs two rooms and a switch, rare in the full mix. */
const AV_ONLY = [
  fc.constantFrom(...USERS).map((u) => new CreateGroup(u, 'AVChatRoom', [], undefined)),
  fc.tuple(fc.constantFrom(...USERS), fc.nat({ max: 7 })).map(([u, g]) => new JoinGroup(u, g)),
];

const CASES: Array<[breakID: string, expected: RegExp]> = [
  ['transfer-keeps-old-owner', /at most one owner/],
  ['work-group-admins', /role is one the group type allows/],
  ['member-count-off-by-one', /member count equals/],
  ['two-avchatrooms', /at most one AVChatRoom/],
  ['dismiss-does-nothing', /dismissed group is unreachable/],
  ['group-list-misses-newest', /group list holds exactly/],
  ['second-decision-wins', /decided at most once/],
  ['pending-list-overflows', /pending application lists never exceed/],
  ['second-device-misses-list-updates', /every device of a user agrees/],
  ['refused-dismiss-half-applies', /refused \(10007\) but changed state/],
];

describe('the invariants catch broken implementations', () => {
  it('covers every invariant', () => {
    for (const inv of INVARIANTS) expect(CASES.some(([, re]) => re.test(inv.name)), inv.name).toBe(true);
  });

  it.each(CASES)('%s is found and shrunk', async (id, expected) => {
    const brk = findBreak(id)!;
    let failure: FuzzFailure | undefined;
    try {
      await fuzz({
        implementation: () => breakImplementation(simulatorImplementation(), brk),
        differential: false,
        config: { numRuns: 300, seed: 20261122, path: undefined },
        ...(id === 'two-avchatrooms' ? { commands: AV_ONLY } : {}),
      });
    } catch (e) {
      failure = e as FuzzFailure;
    }
    expect(failure, `${id} went unnoticed`).toBeInstanceOf(FuzzFailure);
    expect(failure!.message).toMatch(expected);
    expect(failure!.message).toContain(`GROUPSPEC_FUZZ_SEED=${failure!.seed}`);
    const steps = failure!.counterexample.filter((l) => l.startsWith('When '));
    expect(steps.length, failure!.scenario).toBeLessThanOrEqual(6);
    expect(failure!.scenario).toContain('Then the group invariants hold');
  }, 120_000);
});
