/** Triage of the surviving mutants of simulator/shell/chat.ts and simulator/shell/admin.ts (see ../triage.ts). */
import type { TriageEntry } from '../triage';

export const triage: readonly TriageEntry[] = [];
