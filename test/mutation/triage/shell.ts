/** Triage of the surviving mutants of simulator/shell/simulator.ts, messages.ts, clock.ts, clone.ts (see ../triage.ts). */
import type { TriageEntry } from '../triage';

export const triage: readonly TriageEntry[] = [];
