/** Triage of the surviving mutants of simulator/core/admin-commands.ts and simulator/core/store-commands.ts (see ../triage.ts). */
import type { TriageEntry } from '../triage';

export const triage: readonly TriageEntry[] = [];
