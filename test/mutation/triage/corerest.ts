/** Triage of the surviving mutants of simulator/core/index.ts, views.ts, tx.ts, state.ts (see ../triage.ts). */
import type { TriageEntry } from '../triage';

export const triage: readonly TriageEntry[] = [];
