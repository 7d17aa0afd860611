/** The per-file triage entries, one module per simulator file (or small group of files). */
import type { TriageEntry } from '../entry';
import { triage as admincmd } from './admincmd';
import { triage as chat } from './chat';
import { triage as corerest } from './corerest';
import { triage as group } from './group';
import { triage as member } from './member';
import { triage as rules } from './rules';
import { triage as schemas } from './schemas';
import { triage as shell } from './shell';
import { triage as table } from './table';

export const byFile: readonly TriageEntry[] = [...rules, ...group, ...member, ...admincmd, ...corerest, ...table, ...schemas, ...chat, ...shell];
