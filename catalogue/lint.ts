/**
 * The rule lint: the catalogue's own conformance. A rule without an ID, a quote or a scenario, a
 * duplicate or malformed ID, a reference to a rule that does not exist, or a step sentence that no
 * definition (or more than one) matches, fails `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { RULE_ID, TYPE_TAGS, type Catalogue } from './catalogue';

export interface LintIssue {
  kind:
    | 'parse-error'
    | 'missing-area'
    | 'area-mismatch'
    | 'scenario-outside-rule'
    | 'missing-rule-id'
    | 'several-rule-ids'
    | 'malformed-rule-id'
    | 'rule-id-area-mismatch'
    | 'duplicate-rule-id'
    | 'missing-quote'
    | 'quote-without-url'
    | 'missing-source'
    | 'unknown-type-tag'
    | 'missing-type-tag'
    | 'rule-without-scenario'
    | 'scenario-without-outcome'
    | 'ambiguous-without-link'
    | 'broken-ambiguity-link'
    | 'unknown-rule-reference'
    | 'undefined-step'
    | 'ambiguous-step'
    | 'wrong-article';
  where: string;
  message: string;
}

/** Anchors of the level-3 headings in docs/ambiguities.md, as GitHub renders them. */
export function ambiguityAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of markdown.matchAll(/^###\s+(.+)$/gm)) {
    anchors.add(m[1]!.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-'));
  }
  return anchors;
}

export interface References {
  /** Where each referenced rule ID comes from, e.g. 'simulator/core/errors.ts (10007)'. */
  [ruleID: string]: string[];
}

export function lintCatalogue(cat: Catalogue, opts: { ambiguityDoc?: string; references?: References } = {}): LintIssue[] {
  const issues: LintIssue[] = [];
  const add = (kind: LintIssue['kind'], where: string, message: string) => issues.push({ kind, where, message });
  const anchors = opts.ambiguityDoc === undefined ? undefined : ambiguityAnchors(opts.ambiguityDoc);
  const seen = new Map<string, string>();

  for (const f of cat.features) {
    if (f.parseError !== undefined) {
      add('parse-error', f.file, f.parseError);
      continue;
    }
    if (f.area === undefined) add('missing-area', f.file, 'the Feature has no @area:<area> tag');
    else if (f.folder !== '' && f.area !== f.folder) add('area-mismatch', f.file, `@area:${f.area} but the file is in features/${f.folder}/`);
    if (!/Source:/.test(f.description) || !/https?:\/\//.test(f.description)) add('missing-source', f.file, 'the Feature description must open with its Source: lines and a link');
    for (const s of f.looseScenarios) add('scenario-outside-rule', `${f.file}:${s.line}`, `scenario "${s.name}" is not inside a Rule`);
    for (const r of f.rules) {
      const where = `${r.file}:${r.line}`;
      if (r.idTags.length === 0) add('missing-rule-id', where, `Rule "${r.title}" has no @rule:<area>.<slug> tag`);
      if (r.idTags.length > 1) add('several-rule-ids', where, `Rule "${r.title}" has ${r.idTags.length} rule IDs`);
      for (const id of r.idTags) {
        if (!RULE_ID.test(id)) add('malformed-rule-id', where, `"${id}" is not <area>.<lowercase-slug>`);
        else if (f.area !== undefined && !id.startsWith(`${f.area}.`)) add('rule-id-area-mismatch', where, `"${id}" is not in area ${f.area}`);
        const first = seen.get(id);
        if (first !== undefined) add('duplicate-rule-id', where, `"${id}" is already used at ${first}`);
        else seen.set(id, where);
      }
      if (r.quotes.length === 0) add('missing-quote', where, `Rule "${r.title}" quotes no source (Quote: "…" (Document, URL))`);
      if (r.quotes.length > 0 && r.quotes.every((q) => q.url === undefined)) add('quote-without-url', where, `Rule "${r.title}" gives no URL for its quotes`);
      if (r.types.length === 0) add('missing-type-tag', where, `Rule "${r.title}" names no @type:`);
      for (const t of r.types) if (!(TYPE_TAGS as readonly string[]).includes(t)) add('unknown-type-tag', where, `@type:${t} is not one of ${TYPE_TAGS.join(', ')}`);
      if (r.scenarios.length === 0 || r.scenarios.every((s) => s.cases === 0)) add('rule-without-scenario', where, `Rule "${r.title}" has no scenario`);
      for (const s of r.scenarios) if (!s.hasOutcome) add('scenario-without-outcome', `${r.file}:${s.line}`, `scenario "${s.name}" has no Then step`);
      if (r.ambiguous && r.ambiguityLinks.length === 0) add('ambiguous-without-link', where, `@ambiguous Rule "${r.title}" does not link docs/ambiguities.md#…`);
      if (anchors !== undefined) for (const a of r.ambiguityLinks) if (!anchors.has(a)) add('broken-ambiguity-link', where, `docs/ambiguities.md#${a} does not exist`);
    }
  }
  for (const [id, from] of Object.entries(opts.references ?? {})) {
    if (!seen.has(id)) add('unknown-rule-reference', from.join(', '), `rule ID "${id}" is referenced but no Rule has it`);
  }
  return issues;
}

/** Rule IDs the error registry names. */
export function errorRegistryReferences(errors: ReadonlyMap<number, { rules: readonly string[] }>): References {
  const refs: References = {};
  for (const [code, e] of errors) for (const id of e.rules) (refs[id] ??= []).push(`simulator/core/errors.ts (${code})`);
  return refs;
}

export function mergeReferences(...all: References[]): References {
  const out: References = {};
  for (const refs of all) for (const [id, from] of Object.entries(refs)) (out[id] ??= []).push(...from);
  return out;
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
