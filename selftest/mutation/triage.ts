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
import type { Mutant, TriageEntry } from './entry';
import { byFile } from './triage/index';

export type { Disposition, TriageEntry } from './entry';

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
