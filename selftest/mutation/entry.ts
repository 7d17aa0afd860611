/**
 * The shapes mutation triage and scoring share: a mutant as scoring reads it, and a triage entry
 * with its disposition. Its own module, so that score.ts, triage.ts, the per-file triage/*.ts and
 * predicates.ts all import it and not each other (they formed an import circle).
 */
export type Runner = 'features' | 'properties' | 'unit';

/** One mutant, reduced to what triage and scoring need, independent of its run's IDs. */
export interface Mutant {
  file: string;
  line: number;
  id: string;
  mutator: string;
  replacement: string;
  /** The source text the mutant replaces. */
  original: string;
  /** The whole first line of the mutant, as it is in the source. */
  lineText: string;
  /** Where it starts on that line (1-based, as Stryker counts) and the line it ends on. */
  column: number;
  endLine: number;
  /** Every line of the source the run mutated (shared by the file's mutants), not the working tree's. */
  lines: readonly string[];
  status: 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage';
  /** The kind of test that failed first (Killed only). */
  killedBy?: Runner;
  /** Where and how it mutates, the same in every run of the same source: merges reruns. */
  key: string;
}

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
