/**
 * "a AVChatRoom group": an outline's "a <type>" renders that for the AVChatRoom row. The lint reads
 * every rendered test case (pickle: scenario name and step texts, placeholders filled in) and every
 * Rule title, and flags "a" or "A" before a capitalised word that starts with a vowel letter (the
 * features use an `article` column: "<article> <type>"). Steps accept both ("a/an {type}").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { featureFiles, type Catalogue } from './catalogue';
import type { LintIssue } from './lint';

// the rule matchers/article.ts writes by (catalogue may not import matchers)
const WRONG = /\b[aA] (?=[AEIOU][A-Za-z])/;

/** The first wrong article in a text, with a little context; undefined when there is none. */
export function wrongArticle(text: string): string | undefined {
  const m = WRONG.exec(text);
  return m === null ? undefined : text.slice(m.index, m.index + 24).split(/[",]/)[0];
}

export function articleIssues(cat: Catalogue): LintIssue[] {
  const issues: LintIssue[] = [];
  const seen = new Set<string>();
  const add = (where: string, text: string) => {
    const bad = wrongArticle(text);
    if (bad === undefined || seen.has(`${where}\n${text}`)) return;
    seen.add(`${where}\n${text}`);
    issues.push({ kind: 'wrong-article', where, message: `"${bad}…" in "${text}": "an" before a vowel (an <article> column renders it in an outline)` });
  };
  for (const r of cat.rules) add(`${r.file}:${r.line}`, r.title);
  for (const path of featureFiles(cat.root)) {
    const rel = path.slice(cat.root.length + 1);
    const ids = IdGenerator.incrementing();
    let doc;
    try {
      doc = new Parser(new AstBuilder(ids), new GherkinClassicTokenMatcher()).parse(readFileSync(path, 'utf8'));
    } catch {
      continue; // the catalogue lint reports the parse error
    }
    const lines = new Map<string, number>();
    const walk = (children: readonly { scenario?: { id: string; location: { line: number } }; rule?: { children: readonly unknown[] } }[]) => {
      for (const c of children) {
        if (c.scenario) lines.set(c.scenario.id, c.scenario.location.line);
        if (c.rule) walk(c.rule.children as never);
      }
    };
    walk((doc.feature?.children ?? []) as never);
    for (const p of compile(doc, join('features', rel), ids)) {
      const where = `features/${rel}:${lines.get(p.astNodeIds[0]!) ?? 0}`;
      add(where, p.name);
      for (const s of p.steps) add(where, s.text);
    }
  }
  return issues;
}
