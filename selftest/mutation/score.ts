/**
 * Scores a Stryker run against the committed survivor triage (selftest/mutation/triage.ts).
 *
 * Stryker's own score counts every mutant alike. Issue #7 asks what the features and properties
 * kill, and wants every survivor either killed or given a reason; so this reads Stryker's JSON
 * report(s) (mutation-testing-report-schema), credits each kill to the kind of test that failed
 * first, matches every undetected mutant to a triage entry, and computes the raw score and the
 * score over the mutants an app can observe. It is pure: the CLI (score-cli.ts) does the I/O.
 */
import type { Disposition, Mutant, Runner, TriageEntry } from './entry';

/** The parts of Stryker's JSON report this reads (mutation-testing-report-schema 1.x/2.x). */
export interface StrykerReport {
  files: Record<string, { source: string; mutants: StrykerMutant[] }>;
  testFiles?: Record<string, { tests: Array<{ id: string; name: string }> }>;
}
interface StrykerMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  killedBy?: string[];
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export type { Mutant, Runner } from './entry';

const VALID = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

export function runnerOf(testFile: string): Runner {
  if (testFile.includes('selftest/mutation/')) return 'features';
  if (testFile.startsWith('properties/') || testFile.includes('/properties/')) return 'properties';
  return 'unit';
}

/** Flattens one report; Ignored, CompileError and RuntimeError mutants are not scored (as Stryker). */
export function mutantsOf(report: StrykerReport): Mutant[] {
  const fileOfTest = new Map<string, string>();
  for (const [file, tf] of Object.entries(report.testFiles ?? {})) for (const t of tf.tests) fileOfTest.set(t.id, file);
  const out: Mutant[] = [];
  for (const [file, f] of Object.entries(report.files)) {
    const lines = f.source.split('\n');
    const offsets: number[] = [0];
    for (const l of lines) offsets.push(offsets[offsets.length - 1]! + l.length + 1);
    // Stryker's columns are 1-based
    const at = (p: { line: number; column: number }) => offsets[p.line - 1]! + p.column - 1;
    for (const m of f.mutants) {
      if (!VALID.has(m.status)) continue;
      const killer = m.status === 'Killed' && m.killedBy?.[0] !== undefined ? fileOfTest.get(m.killedBy[0]) : undefined;
      out.push({
        file,
        line: m.location.start.line,
        id: m.id,
        mutator: m.mutatorName,
        replacement: m.replacement ?? '',
        original: f.source.slice(at(m.location.start), at(m.location.end)),
        lineText: lines[m.location.start.line - 1] ?? '',
        column: m.location.start.column,
        endLine: m.location.end.line,
        lines,
        status: m.status as Mutant['status'],
        ...(killer === undefined ? {} : { killedBy: runnerOf(killer) }),
        key: `${file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement ?? ''}`,
      });
    }
  }
  return out;
}

/**
 * The mutants of several runs: the full run split into chunks, then reruns of the lines new
 * scenarios target. A later run replaces every earlier mutant on the lines it covers, so a line
 * edited since (its mutants now start or end elsewhere) is not counted twice.
 */
export function mergeRuns(runs: readonly Mutant[][]): Mutant[] {
  let merged: Mutant[] = [];
  for (const run of runs) {
    const lines = new Set(run.map((m) => `${m.file}:${m.line}`));
    merged = [...merged.filter((m) => !lines.has(`${m.file}:${m.line}`)), ...run];
  }
  return merged;
}

export const detected = (m: Mutant) => m.status === 'Killed' || m.status === 'Timeout';

/** Does a triage entry describe this mutant? Every field the entry gives must hold. */
export function matches(e: TriageEntry, m: Mutant): boolean {
  if (typeof e.file === 'string' ? e.file !== m.file : !e.file.test(m.file)) return false;
  if (e.line !== undefined && !m.lineText.includes(e.line)) return false;
  if (e.code !== undefined && m.original !== e.code) return false;
  if (e.mutator !== undefined && !(Array.isArray(e.mutator) ? e.mutator : [e.mutator]).includes(m.mutator)) return false;
  if (e.replacement !== undefined && m.replacement !== e.replacement) return false;
  if (e.when !== undefined && !e.when(m)) return false;
  return true;
}

/** Dispositions left out of the observable figure: nothing an app sees through the SDK or REST changes. */
export const UNOBSERVABLE: ReadonlySet<Disposition> = new Set(['equivalent', 'wording', 'simulator-only']);

export interface Triaged {
  mutant: Mutant;
  entry?: TriageEntry;
}

export interface Tally {
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  by: Record<Runner, number>;
  dispositions: Partial<Record<Disposition, number>>;
  untriaged: number;
}

export interface Score {
  files: Array<[string, Tally]>;
  total: Tally;
  /** (killed + timeout) / mutants, as Stryker computes it. */
  raw: number;
  /** (killed + timeout) / (mutants less equivalent, wording and simulator-only survivors). */
  observable: number;
  observableMutants: number;
  survivors: Triaged[];
  /** Triage entries that describe no surviving mutant: killed since, or their code changed. */
  unused: TriageEntry[];
}

function tally(): Tally {
  return { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, by: { features: 0, properties: 0, unit: 0 }, dispositions: {}, untriaged: 0 };
}

function add(t: Tally, s: Triaged): void {
  const m = s.mutant;
  t.mutants++;
  if (m.status === 'Killed') t.killed++;
  else if (m.status === 'Timeout') t.timeout++;
  else if (m.status === 'Survived') t.survived++;
  else t.noCoverage++;
  if (m.killedBy !== undefined) t.by[m.killedBy]++;
  if (detected(m)) return;
  if (s.entry === undefined) t.untriaged++;
  else t.dispositions[s.entry.disposition] = (t.dispositions[s.entry.disposition] ?? 0) + 1;
}

export function score(mutants: readonly Mutant[], triage: readonly TriageEntry[]): Score {
  const used = new Set<TriageEntry>();
  const files = new Map<string, Tally>();
  const total = tally();
  const survivors: Triaged[] = [];
  for (const mutant of mutants) {
    const entry = detected(mutant) ? undefined : triage.find((e) => matches(e, mutant));
    if (entry !== undefined) used.add(entry);
    const s: Triaged = entry === undefined ? { mutant } : { mutant, entry };
    if (!detected(mutant)) survivors.push(s);
    if (!files.has(mutant.file)) files.set(mutant.file, tally());
    add(files.get(mutant.file)!, s);
    add(total, s);
  }
  const hits = total.killed + total.timeout;
  const unobservable = [...UNOBSERVABLE].reduce((n, d) => n + (total.dispositions[d] ?? 0), 0);
  const observableMutants = total.mutants - unobservable;
  return {
    files: [...files].sort(([a], [b]) => a.localeCompare(b)),
    total,
    raw: total.mutants === 0 ? 0 : hits / total.mutants,
    observable: observableMutants === 0 ? 0 : hits / observableMutants,
    observableMutants,
    survivors,
    unused: triage.filter((e) => !used.has(e)),
  };
}

export const percent = (x: number) => `${(100 * x).toFixed(2)} %`;

const DISPOSITIONS: Disposition[] = ['equivalent', 'wording', 'simulator-only', 'world', 'no-rule', 'gap'];

/** The score table and every survivor with its disposition, as Markdown (docs/mutation-survivors.md). */
export function renderMarkdown(s: Score, header: string): string {
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.mutants} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${percent(t.mutants ? (t.killed + t.timeout) / t.mutants : 0)} | ${t.by.features} / ${t.by.properties} / ${t.by.unit} | ${DISPOSITIONS.map((d) => t.dispositions[d] ?? 0).join(' / ')} | ${t.untriaged} |`;
  const out = [
    header.trimEnd(),
    '',
    `* **Raw: ${percent(s.raw)}** (${s.total.killed + s.total.timeout} of ${s.total.mutants} mutants killed or timed out).`,
    `* **Over the mutants observable through the SDK or REST: ${percent(s.observable)}** (${s.total.killed + s.total.timeout} of ${s.observableMutants}: the ${s.total.mutants} less ${DISPOSITIONS.filter((d) => UNOBSERVABLE.has(d))
      .map((d) => `${s.total.dispositions[d] ?? 0} ${d}`)
      .join(', ')}).`,
    `* Untriaged survivors: ${s.total.untriaged}.`,
    '',
    '| file | mutants | killed | timeout | survived | no coverage | raw | killed first by features / properties / unit | equivalent / wording / simulator-only / world / no-rule / gap | untriaged |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|---:|',
    ...s.files.map(([f, t]) => row(`\`${f}\``, t)),
    row('**all**', s.total),
    '',
    '## Every survivor',
    '',
    'Rows group the survivors of one line with the same disposition and reason. "equivalent", "wording" and "simulator-only" are left out of the observable figure; "world", "no-rule" and "gap" stay in it as misses.',
    '',
    '| where | mutants | disposition | why |',
    '|---|---|---|---|',
  ];
  const groups = new Map<string, Triaged[]>();
  for (const t of s.survivors) {
    const key = `${t.mutant.file}:${t.mutant.line}\u0000${t.entry?.disposition ?? 'UNTRIAGED'}\u0000${t.entry?.why ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const cell = (x: string) => x.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  for (const g of groups.values()) {
    const m = g[0]!.mutant;
    const list = g.map((t) => `${t.mutant.mutator}${t.mutant.status === 'NoCoverage' ? ' (no coverage)' : ''}`).join(', ');
    out.push(`| \`${m.file.replace(/^simulator\//, '')}:${m.line}\` | ${g.length}: ${cell(list)} | ${g[0]!.entry?.disposition ?? '**untriaged**'} | ${cell(g[0]!.entry?.why ?? `\`${m.original.slice(0, 60)}\` -> \`${m.replacement.slice(0, 60)}\``)} |`);
  }
  return `${out.join('\n')}\n`;
}
