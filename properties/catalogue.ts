/**
 * Every property, runnable against any implementation outside a test framework: the runner maps
 * their verdicts onto the rules they name; the vitest files run them at the configured depth.
 */
import type { GroupTypeName, Implementation } from '../adapters/contract';
import { INVARIANTS } from '../matchers/invariants';
import { badInput } from './bad-input';
import { decideOnce, lastSeat, oneAVChatRoom } from './races';
import { dailyQuotaReset, muteExpiry } from './time';
import { fuzz } from './run';

import type { PropertyRunConfig, PropertyStats } from './config';

export type { PropertyRunConfig, PropertyStats };

export interface PropertyEntry {
  id: string;
  title: string;
  /** The rule IDs this property checks (the rule lint verifies they exist). */
  rules: string[];
  /** Group types it needs: against an implementation without one, the property is not applicable. */
  needs?: GroupTypeName[];
  run(impl: () => Implementation, cfg: PropertyRunConfig): Promise<PropertyStats>;
}

const counted = (f: (impl: () => Implementation, cfg: PropertyRunConfig) => Promise<void>) => async (impl: () => Implementation, cfg: PropertyRunConfig) => {
  await f(impl, cfg);
  return { runs: cfg.numRuns, commands: 0 };
};

export const PROPERTIES: PropertyEntry[] = [
  {
    id: 'fuzz.invariants-and-reference',
    title: 'Fuzzed operation sequences keep every invariant, change nothing when refused, and match the reference simulator',
    rules: [...new Set([...INVARIANTS.flatMap((i) => i.rules), 'applications.first-decision-wins'])],
    async run(impl, cfg) {
      let commands = 0;
      let runs = 0;
      await fuzz({ implementation: impl, config: { numRuns: cfg.numRuns, seed: cfg.seed }, onRun: (trace) => ((runs += 1), (commands += trace.filter((l) => l.startsWith('When ')).length)) });
      return { runs, commands };
    },
  },
  { id: 'bad-input.every-method', title: 'Arbitrary input to every method gets a documented code and changes nothing', rules: ['validation.bad-options-rejected'], needs: ['Public'], run: counted(badInput) },
  { id: 'race.decide-once', title: 'Two admins deciding one application at once: exactly one wins, the other gets 10024', rules: ['applications.first-decision-wins'], needs: ['Public'], run: counted(decideOnce) },
  { id: 'race.last-seat', title: 'Joins racing for the last seat: the member cap holds', rules: ['limits.member-cap'], needs: ['Meeting'], run: counted(lastSeat) },
  { id: 'race.one-avchatroom', title: 'A user entering two AVChatRooms at once ends in exactly one', rules: ['avchatroom.one-room-at-a-time'], needs: ['AVChatRoom'], run: counted(oneAVChatRoom) },
  { id: 'time.mute-expiry', title: 'A member is muted while muteUntil is in the future, and not after', rules: ['members.mute-ends-at-mute-until'], needs: ['Meeting'], run: counted(muteExpiry) },
  { id: 'time.daily-quota-reset', title: 'The daily net creation quota resets when the UTC day changes', rules: ['limits.daily-net-creation-quota'], needs: ['Public'], run: counted(dailyQuotaReset) },
];
