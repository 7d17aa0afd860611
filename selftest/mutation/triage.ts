/**
 * The committed triage of mutation testing (issue #7, docs/suite-strength.md): every mutant of
 * `simulator/` that the features and properties do not detect is either killed by a new scenario
 * or property, or described here with a one-line reason. `npm run mutation:triage` applies this to
 * Stryker's report and lists any survivor that no entry describes, and any entry that describes no
 * survivor any more (killed since, or its code changed).
 *
 * Entries match by content, not by mutant ID or line number, so they survive edits elsewhere in a
 * file: every field given must hold. `line` is a substring of the mutant's first source line,
 * `code` the exact text the mutant replaces.
 */
import type { Mutant } from './score';
import { byFile } from './triage/index';

export type Disposition =
  /** No behaviour changes at all (dead branch, same result by another path). */
  | 'equivalent'
  /** Only the prose of a message changes; Tencent does not document it (docs/ambiguities.md#a46-sdk-error-messages). */
  | 'wording'
  /** The simulator's own machinery, which no app reaches as SDK or REST: inspection API, constructor options, defect paths, the guard against non-plain options (nothing such crosses the adapter contract), `err.data.field` (the Web SDK's errors carry `data: {}`). */
  | 'simulator-only'
  /** Observable to an app, but only in error properties the World does not keep (data.field, name, property descriptors). */
  | 'world'
  /** Observable, but no catalogued rule documents the behaviour. */
  | 'no-rule'
  /** Observable and documented: a scenario or property could kill it and does not yet. */
  | 'gap';

export interface TriageEntry {
  file: string | RegExp;
  line?: string;
  code?: string;
  mutator?: string | string[];
  replacement?: string;
  when?: (m: Mutant) => boolean;
  disposition: Disposition;
  why: string;
}

const CORE = /^simulator\/(core\/[^/]+|schemas|errors)\.ts$/;

/** A refusal's third argument is its detail text; its second, an identifier path, is the field. */
const refusalDetail = (m: Mutant) => /\brefuse\(/.test(m.lineText) && /\s/.test(m.original) && m.lineText.indexOf(m.original) > m.lineText.indexOf('refuse(');

/** Entries that hold for many files at once; the per-file entries are in triage/<file>.ts. */
const GENERIC: readonly TriageEntry[] = [
  {
    file: CORE,
    mutator: ['StringLiteral'],
    when: refusalDetail,
    disposition: 'wording',
    why: "the refusal's detail text: the code and the field it names are checked, the prose is not documented by Tencent",
  },
];

export const TRIAGE: readonly TriageEntry[] = [...GENERIC, ...byFile];
