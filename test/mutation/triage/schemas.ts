/** Triage of the surviving mutants of simulator/schemas.ts, simulator/errors.ts, simulator/constants.ts (see ../triage.ts). */
import type { TriageEntry } from '../triage';

export const triage: readonly TriageEntry[] = [];
