/**
 * The traceability table: every normative sentence of the two primary pages (catalogue/sources/)
 * next to the rules that check it and the ambiguity entries that read it otherwise or leave it
 * out. Rules are found from their quotes, so the mapping follows the feature files: a rule checks a
 * sentence when one of its quotes from that page is a substring of the sentence or contains it.
 * Only a sentence no rule quotes names its rules by hand. docs/traceability.md is rendered from
 * the table, and the lint fails when it is stale.
 */
import type { Catalogue, RuleEntry } from './catalogue';
import { PRODUCT_PAGE } from './sources/product';
import { WEB_SDK_PAGE } from './sources/web-sdk';

export interface SourceSentence {
  /** Stable ID: W<nn> (Web SDK page) or P<nn> (product page). */
  id: string;
  section: string;
  /** The sentence, word for word. */
  text: string;
  /** Rules that check it without quoting it. */
  rules?: string[];
  /** Register entries (A<nn>) that read it otherwise, or say why it is left out. */
  ambiguities?: string[];
}

export interface SourcePage {
  page: string;
  title: string;
  /** The page's addresses: a rule quote citing any of them is matched against its sentences. */
  urls: string[];
  sentences: SourceSentence[];
}

export const SOURCE_PAGES: readonly SourcePage[] = [WEB_SDK_PAGE, PRODUCT_PAGE];

export interface TraceRow {
  id: string;
  page: string;
  url: string;
  section: string;
  text: string;
  /** Rules that check it: matched by quote, then named by hand (sorted, no repeats). */
  rules: string[];
  /** Those of `rules` named by hand in catalogue/sources/ and not matched by a quote. */
  byHand: string[];
  ambiguities: string[];
}

/** A quote shorter than this is too generic to stand for a sentence ("Group ID"). */
const MIN_QUOTE = 20;

/** Quotes and pages differ in whitespace and in the apostrophes a copy straightens. */
export function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Whether a rule's quote stands for the sentence. */
export function quoteMatches(quote: string, sentence: string): boolean {
  const q = normalise(quote);
  const s = normalise(sentence);
  return q.length >= MIN_QUOTE && (s.includes(q) || q.includes(s));
}

/** The rule's quotes of the page itself: a quote of the reference extract that cites the page is the extract's words. */
function quotesFrom(page: SourcePage, rule: RuleEntry): string[] {
  return rule.quotes.filter((q) => q.url !== undefined && page.urls.includes(q.url) && !/^reference extract/i.test(q.source)).map((q) => q.text);
}

export function traceTable(cat: Catalogue, pages: readonly SourcePage[] = SOURCE_PAGES): TraceRow[] {
  const rows: TraceRow[] = [];
  for (const page of pages) {
    const quoting = cat.rules.flatMap((r) => (r.id === undefined ? [] : [{ id: r.id, quotes: quotesFrom(page, r) }])).filter((r) => r.quotes.length > 0);
    for (const s of page.sentences) {
      const matched = quoting.filter((r) => r.quotes.some((q) => quoteMatches(q, s.text))).map((r) => r.id);
      rows.push({
        id: s.id,
        page: page.title,
        url: page.urls[0]!,
        section: s.section,
        text: s.text,
        rules: [...new Set([...matched, ...(s.rules ?? [])])].sort(),
        byHand: [...new Set((s.rules ?? []).filter((id) => !matched.includes(id)))].sort(),
        ambiguities: [...new Set(s.ambiguities ?? [])].sort(),
      });
    }
  }
  return rows;
}

/** Quotes of a primary page that match none of its sentences: the table is missing a sentence, or the quote is not the page's. */
export function strayQuotes(cat: Catalogue, pages: readonly SourcePage[] = SOURCE_PAGES): Array<{ rule: string; where: string; text: string }> {
  const out: Array<{ rule: string; where: string; text: string }> = [];
  for (const page of pages) {
    for (const r of cat.rules) {
      for (const q of quotesFrom(page, r)) {
        if (!page.sentences.some((s) => quoteMatches(q, s.text))) out.push({ rule: r.id ?? r.title, where: `${r.file}:${r.line}`, text: q });
      }
    }
  }
  return out;
}

/** The IDs of the register's entries (`### A07 slug` -> A07) and their anchors. */
export function ambiguityEntries(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of markdown.matchAll(/^###\s+(A\d+)\s+(\S+)\s*$/gm)) out.set(m[1]!, `${m[1]!.toLowerCase()}-${m[2]!}`);
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/traceability.md: generated, never edited by hand (`npm run traceability`). */
export function renderTraceability(rows: readonly TraceRow[], anchors: ReadonlyMap<string, string>): string {
  const traced = rows.filter((r) => r.rules.length > 0).length;
  const registered = rows.filter((r) => r.ambiguities.length > 0).length;
  const out = [
    '# Traceability: every sentence of the primary pages',
    '',
    '<!-- Generated by `npm run traceability` from catalogue/sources/ and the feature files; do not edit. `npm run lint:rules` fails when it is stale. -->',
    '',
    `${rows.length} normative sentences of the two primary pages; ${traced} checked by rules, ${registered} read with an entry of the`,
    `[ambiguity register](ambiguities.md), ${rows.filter((r) => r.rules.length === 0).length} left out of the suite (each with its entry).`,
    'A rule checks a sentence when one of its quotes is part of the sentence (matched automatically), or when',
    'catalogue/sources/ names it for a sentence no rule quotes (marked †).',
    '',
  ];
  for (const page of [...new Set(rows.map((r) => r.page))]) {
    const own = rows.filter((r) => r.page === page);
    out.push(`## ${page}`, '', own[0]!.url, '', '| ID | Section | Sentence | Rules | Register |', '|---|---|---|---|---|');
    for (const r of own) {
      const amb = r.ambiguities.map((a) => (anchors.has(a) ? `[${a}](ambiguities.md#${anchors.get(a)!})` : a)).join(', ');
      const rules = r.rules.map((id) => `\`${id}\`${r.byHand.includes(id) ? ' †' : ''}`).join(', ');
      out.push(`| ${r.id} | ${cell(r.section)} | ${cell(r.text)} | ${rules} | ${amb} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export interface TraceIssue {
  kind: 'untraced-sentence' | 'unknown-traced-rule' | 'unknown-traced-ambiguity' | 'duplicate-sentence-id' | 'stray-quote' | 'stale-traceability';
  where: string;
  message: string;
}

/**
 * A sentence with neither a rule nor a register entry, a hand-named rule or entry that does not
 * exist, a primary-page quote the table does not hold, or a docs/traceability.md that is not what
 * the table renders.
 */
export function lintTraceability(
  cat: Catalogue,
  opts: { ambiguityDoc: string; traceabilityDoc: string | undefined; pages?: readonly SourcePage[] },
): TraceIssue[] {
  const pages = opts.pages ?? SOURCE_PAGES;
  const issues: TraceIssue[] = [];
  const add = (kind: TraceIssue['kind'], where: string, message: string) => issues.push({ kind, where, message });
  const ruleIDs = new Set(cat.rules.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const entries = ambiguityEntries(opts.ambiguityDoc);
  const seen = new Set<string>();
  for (const page of pages) {
    for (const s of page.sentences) {
      const where = `catalogue/sources (${page.page}) ${s.id}`;
      if (seen.has(s.id)) add('duplicate-sentence-id', where, `sentence ID ${s.id} is used twice`);
      seen.add(s.id);
      for (const id of s.rules ?? []) if (!ruleIDs.has(id)) add('unknown-traced-rule', where, `names rule "${id}", which no Rule has`);
      for (const a of s.ambiguities ?? []) if (!entries.has(a)) add('unknown-traced-ambiguity', where, `names ${a}, which docs/ambiguities.md has no entry for`);
    }
  }
  const rows = traceTable(cat, pages);
  for (const r of rows) {
    if (r.rules.length === 0 && r.ambiguities.length === 0) add('untraced-sentence', r.id, `"${r.text}" (${r.page}) is checked by no rule and explained by no ambiguity entry`);
  }
  for (const q of strayQuotes(cat, pages)) add('stray-quote', q.where, `${q.rule} quotes "${q.text}" from a primary page, but no sentence of catalogue/sources/ holds it`);
  const expected = renderTraceability(rows, entries);
  if (opts.traceabilityDoc !== expected) add('stale-traceability', 'docs/traceability.md', 'is not what the table renders: run `npm run traceability`');
  return issues;
}
