/**
 * The rule catalogue: every feature file parsed with @cucumber/gherkin into a list of rules, each
 * with its ID, area, group types, quoted sources and scenarios. The lint, the runner and the
 * reports all read the suite through this one model.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Feature, type Rule as GherkinRule, type Scenario, type Tag } from '@cucumber/messages';
import { derivedFromFeatures, featuresCacheDir } from './cache';

export const RULE_ID = /^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TYPE_TAGS = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'] as const;

export interface Quote {
  text: string;
  source: string;
  url: string | undefined;
}

export interface ScenarioEntry {
  name: string;
  line: number;
  /** Example rows for an outline (each is a test case), 1 for a plain scenario. */
  cases: number;
  tags: string[];
  hasOutcome: boolean;
}

export interface RuleEntry {
  id: string | undefined;
  /** All @rule: tags on the Rule (a valid rule has exactly one). */
  idTags: string[];
  title: string;
  area: string;
  file: string;
  line: number;
  types: string[];
  tags: string[];
  ambiguous: boolean;
  description: string;
  quotes: Quote[];
  /** Links into docs/ambiguities.md (anchors). */
  ambiguityLinks: string[];
  scenarios: ScenarioEntry[];
}

export interface FeatureEntry {
  file: string;
  area: string | undefined;
  folder: string;
  name: string;
  description: string;
  rules: RuleEntry[];
  /** Scenarios outside any Rule: a lint error. */
  looseScenarios: ScenarioEntry[];
  parseError?: string;
}

export interface Catalogue {
  root: string;
  features: FeatureEntry[];
  rules: RuleEntry[];
}

/** Every .feature file under a folder, in a stable order. */
export function featureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...featureFiles(p));
    else if (name.endsWith('.feature')) out.push(p);
  }
  return out;
}

const tagNames = (tags: readonly Tag[]) => tags.map((t) => t.name);

function scenarioEntry(s: Scenario): ScenarioEntry {
  const rows = s.examples.reduce((n, e) => n + e.tableBody.length, 0);
  let keyword = '';
  let hasOutcome = false;
  for (const step of s.steps) {
    const k = step.keyword.trim();
    if (k !== 'And' && k !== 'But' && k !== '*') keyword = k;
    if (keyword === 'Then') hasOutcome = true;
  }
  return { name: s.name, line: s.location.line, cases: s.examples.length > 0 ? rows : 1, tags: tagNames(s.tags), hasOutcome };
}

/**
 * `Quote: "…" (Document, https://…)` blocks, possibly wrapped over several description lines. The
 * quoted text may itself hold quotes and the source parentheses, so the text runs to the last `" (`
 * of the block and the source to its balanced closing parenthesis.
 */
export function quotesIn(description: string): Quote[] {
  const text = description.replace(/\s*\n\s*/g, ' ');
  const out: Quote[] = [];
  for (const block of text.split(/Quote:\s*/).slice(1)) {
    const q = parseQuote(block);
    if (q !== undefined) out.push(q.quote);
  }
  return out;
}

/** One `"…" (source)` block: the quote and where its source's parenthesis closes, if it does. */
function parseQuote(block: string): { quote: Quote; close: number } | undefined {
  if (!block.startsWith('"')) return undefined;
  const end = block.lastIndexOf('" (');
  if (end <= 0) return undefined;
  let depth = 0;
  for (let i = end + 2; i < block.length; i++) {
    if (block[i] === '(') depth++;
    else if (block[i] === ')' && --depth === 0) {
      const source = block.slice(end + 3, i);
      const url = /https?:\/\/[^\s),]+/.exec(source)?.[0];
      return { quote: { text: block.slice(1, end), source: source.replace(/,?\s*https?:\/\/\S+$/, '').trim(), url }, close: i };
    }
  }
  return undefined;
}

/** A rule's description without its quote blocks (which may wrap over lines): the note, or the reading taken. */
export function noteOf(description: string): string {
  const kept: string[] = [];
  let quote: string | undefined;
  for (const raw of description.split('\n')) {
    const line = raw.trim();
    if (quote === undefined && !line.startsWith('Quote:')) {
      kept.push(line);
      continue;
    }
    quote = quote === undefined ? line.replace(/^Quote:\s*/, '') : `${quote} ${line}`;
    const q = parseQuote(quote);
    if (q !== undefined && quote.slice(q.close + 1).trim() === '') quote = undefined;
  }
  return kept.join('\n').trim();
}

function ruleEntry(r: GherkinRule, file: string, area: string): RuleEntry {
  const tags = tagNames(r.tags);
  const idTags = tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice('@rule:'.length));
  const scenarios = r.children.flatMap((c) => (c.scenario ? [scenarioEntry(c.scenario)] : []));
  return {
    id: idTags.length === 1 ? idTags[0] : undefined,
    idTags,
    title: r.name,
    area,
    file,
    line: r.location.line,
    types: tags.filter((t) => t.startsWith('@type:')).map((t) => t.slice('@type:'.length)),
    tags,
    ambiguous: tags.includes('@ambiguous'),
    description: r.description.trim(),
    quotes: quotesIn(r.description),
    ambiguityLinks: [...r.description.matchAll(/docs\/ambiguities\.md#([a-z0-9-]+)/g)].map((m) => m[1]!),
    scenarios,
  };
}

export function parseFeature(source: string, file: string, folder: string): FeatureEntry {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  let feature: Feature | undefined;
  try {
    feature = parser.parse(source).feature;
  } catch (e) {
    return { file, area: undefined, folder, name: '', description: '', rules: [], looseScenarios: [], parseError: (e as Error).message };
  }
  if (feature === undefined) return { file, area: undefined, folder, name: '', description: '', rules: [], looseScenarios: [], parseError: 'no Feature' };
  const areaTag = tagNames(feature.tags).find((t) => t.startsWith('@area:'));
  const area = areaTag?.slice('@area:'.length);
  return {
    file,
    area,
    folder,
    name: feature.name,
    description: feature.description.trim(),
    rules: feature.children.flatMap((c) => (c.rule ? [ruleEntry(c.rule, file, area ?? folder)] : [])),
    looseScenarios: feature.children.flatMap((c) => (c.scenario ? [scenarioEntry(c.scenario)] : [])),
  };
}

function stamp(path: string): string {
  const st = statSync(path);
  return `${path}:${st.mtimeMs}:${st.size}`;
}

/** The last catalogue read, and the feature files (path, modification time, size) it was read from. */
let lastRead: { key: string; catalogue: Catalogue } | undefined;

/**
 * Every feature file under `root`, parsed. A run reads the catalogue several times (the selection,
 * the run, the result): the files are parsed again only when one of them changed. Treat the result
 * as read-only: it may be shared.
 */
export function loadCatalogue(root: string): Catalogue {
  const files = featureFiles(root);
  const key = `${root}\n${files.map((p) => stamp(p)).join('\n')}`;
  if (lastRead?.key === key) return lastRead.catalogue;
  const catalogue = readCatalogue(root, files);
  lastRead = { key, catalogue };
  return catalogue;
}

/**
 * The feature files parsed, or the catalogue parsed from the same texts before (catalogue/cache.ts:
 * each process of a run parsed all of them, ~0.2 s of CPU). `cache`: where (null: none).
 */
export function readCatalogue(root: string, files: string[], cache: string | null = featuresCacheDir()): Catalogue {
  const parse = (sources: string[]): Catalogue => {
    const features = files.map((path, i) => {
      const rel = relative(root, path).split(sep).join('/');
      const folder = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '';
      return parseFeature(sources[i]!, rel, folder);
    });
    return { root, features, rules: features.flatMap((f) => f.rules) };
  };
  return derivedFromFeatures('catalogue', __filename, root, files, parse, cache);
}
