/**
 * `when` predicates for triage entries whose line text alone is not distinctive: equal literals on
 * one line, equal lines in one file. They read the source the run mutated (the mutant carries it),
 * never the working tree, which may have moved on since. A module of its own: the triage modules
 * import it while triage.ts is still importing them.
 */
import type { Mutant } from './entry';

/** The mutant's line up to where it starts matches `prefix`: tells apart equal literals of one line. */
export const after = (prefix: RegExp) => (m: Mutant) => prefix.test(m.lineText.slice(0, m.column - 1));

/** The mutant's whole line (trimmed) is exactly `text`: tells a line apart from a longer one that contains it. */
export const whole = (text: string) => (m: Mutant) => m.lineText.trim() === text;

/** The line just above the mutant contains `anchor`: tells apart equal lines of a file by what precedes them. */
export const below = (anchor: string) => (m: Mutant) => m.lines[m.line - 2]?.includes(anchor) ?? false;

/** The mutant is inside the top-level `const` declaration whose first line includes `decl`. */
export const inside = (decl: string) => (m: Mutant) => {
  for (let i = m.line - 1; i >= 0; i--) if (/^(export )?const /.test(m.lines[i]!)) return m.lines[i]!.includes(decl);
  return false;
};
