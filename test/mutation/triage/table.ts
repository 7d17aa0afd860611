/** Triage of the surviving mutants of simulator/core/member-table.ts (see ../triage.ts). */
import type { TriageEntry } from '../triage';

export const triage: readonly TriageEntry[] = [];
