/**
 * Every property, runnable against any implementation outside a test framework: the runner maps
 * their verdicts onto the rules they name; the vitest files run them at the configured depth.
 */
import type { Capabilities, GroupTypeName, Implementation } from '../adapters/contract';
import { INVARIANTS } from '../matchers/invariants';
import { badInput } from './bad-input';
import { decideOnce, lastSeat, oneAVChatRoom } from './races';
import { dailyQuotaReset, muteExpiry } from './time';
import { fuzz } from './run';
import { FailingCalls, withCalls } from './failing-calls';

import type { PropertyRunConfig, PropertyStats } from './config';

export type { PropertyRunConfig, PropertyStats };

export interface PropertyEntry {
  id: string;
  title: string;
  /** The rule IDs this property checks (the rule lint verifies they exist). */
  rules: string[];
  /** Group types it needs: against an implementation without one, the property is not applicable. */
  needs?: GroupTypeName[];
  /** Other capabilities it needs (methods, admin commands, limit overrides): lacking any, it is not applicable. */
  calls?: { operations?: string[]; admin?: string[]; limitOverrides?: boolean };
  run(impl: () => Implementation, cfg: PropertyRunConfig): Promise<PropertyStats>;
}

const counted = (f: (impl: () => Implementation, cfg: PropertyRunConfig) => Promise<void>) => async (impl: () => Implementation, cfg: PropertyRunConfig) => {
  const failing = new FailingCalls();
  try {
    await f(impl, { ...cfg, failing });
  } catch (e) {
    throw withCalls(e, failing.calls);
  }
  return { runs: cfg.numRuns, commands: 0 };
};

/** What a property needs that the implementation does not declare: empty when it can run. */
export function missingFor(p: PropertyEntry, caps: Capabilities): string[] {
  return [
    ...(p.needs ?? []).filter((t) => !caps.groupTypes.includes(t)).map((t) => `group type ${t}`),
    ...(p.calls?.operations ?? []).filter((m) => !caps.operations.includes(m)).map((m) => `method ${m}`),
    ...(p.calls?.admin ?? []).filter((m) => !caps.adminOperations.includes(m)).map((m) => `admin command ${m}`),
    ...(p.calls?.limitOverrides === true && !caps.limitOverrides ? ['limit overrides'] : []),
  ];
}

export const PROPERTIES: PropertyEntry[] = [
  {
    id: 'fuzz.invariants-and-reference',
    title: 'Fuzzed operation sequences keep every invariant, change nothing when refused, and match the reference simulator',
    rules: [...new Set([...INVARIANTS.flatMap((i) => i.rules), 'applications.first-decision-wins'])],
    // what matchers/observe.ts reads after every step
    calls: { operations: ['createGroup', 'getGroupList', 'getGroupApplicationList', 'getGroupMemberList'], admin: ['getGroupInfo', 'getGroupMemberInfo'] },
    async run(impl, cfg) {
      let commands = 0;
      let runs = 0;
      await fuzz({ implementation: impl, config: { numRuns: cfg.numRuns, seed: cfg.seed, ...(cfg.path === undefined ? {} : { path: cfg.path }) }, ...(cfg.replayCommand === undefined ? {} : { replayCommand: cfg.replayCommand }), onRun: (trace) => ((runs += 1), (commands += trace.filter((l) => l.startsWith('When ')).length)) });
      return { runs, commands };
    },
  },
  { id: 'bad-input.every-method', title: 'Arbitrary input to every method gets a documented code and changes nothing', rules: ['validation.bad-options-rejected'], needs: ['Public'], run: counted(badInput) },
  { id: 'race.decide-once', title: 'Two admins deciding one application at once: exactly one wins, the other gets 10024', rules: ['applications.first-decision-wins'], needs: ['Public'], calls: { operations: ['createGroup', 'joinGroup', 'getGroupApplicationList', 'handleGroupApplication'], admin: ['getRoleInGroup'] }, run: counted(decideOnce) },
  { id: 'race.last-seat', title: 'Joins racing for the last seat: the member cap holds', rules: ['limits.member-cap'], needs: ['Meeting'], calls: { operations: ['createGroup', 'joinGroup'], admin: ['getGroupInfo'], limitOverrides: true }, run: counted(lastSeat) },
  { id: 'race.one-avchatroom', title: 'A user entering two AVChatRooms at once ends in exactly one', rules: ['avchatroom.one-room-at-a-time'], needs: ['AVChatRoom'], calls: { operations: ['createGroup', 'joinGroup', 'getGroupMemberList'] }, run: counted(oneAVChatRoom) },
  { id: 'time.mute-expiry', title: 'A member is muted while muteUntil is in the future, and not after', rules: ['members.mute-ends-at-mute-until'], needs: ['Meeting'], calls: { operations: ['createGroup', 'setGroupMemberMuteTime', 'getGroupMemberProfile'] }, run: counted(muteExpiry) },
  { id: 'time.daily-quota-reset', title: 'The daily net creation quota resets when the UTC day changes', rules: ['limits.daily-net-creation-quota'], needs: ['Public'], run: counted(dailyQuotaReset) },
];
