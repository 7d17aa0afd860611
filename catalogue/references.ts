/**
 * Rule IDs referenced outside the features: property files (`rules: [...]` in their metadata) and
 * expectations files (`expectations/*.json`, keyed by rule ID). The lint checks each one exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { References } from './lint';

function files(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

/** `@rule:<id>` mentions and `rule('<id>')` calls in property sources. */
export function propertyReferences(root: string): References {
  const refs: References = {};
  for (const f of files(join(root, 'properties'), '.ts')) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:ruleIDs?|rules)\s*[:=]\s*\[([^\]]*)\]/g)) {
      for (const id of m[1]!.matchAll(/'([a-z]+\.[a-z0-9-]+)'/g)) (refs[id[1]!] ??= []).push(relative(root, f));
    }
  }
  return refs;
}

/** Keys of every expectations file (a JSON object keyed by rule ID). */
export function expectationReferences(root: string): References {
  const refs: References = {};
  for (const f of files(join(root, 'expectations'), '.json')) {
    const data = JSON.parse(readFileSync(f, 'utf8')) as { rules?: Record<string, unknown> };
    for (const id of Object.keys(data.rules ?? {})) (refs[id] ??= []).push(relative(root, f));
  }
  return refs;
}

/** `rule: '<id>'` in the broken-implementation catalogue: each break names the rule it violates. */
export function brokenReferences(root: string): References {
  const refs: References = {};
  for (const f of files(join(root, 'adapters', 'broken'), '.ts')) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\brule:\s*'([a-z]+\.[a-z0-9-]+)'/g)) (refs[m[1]!] ??= []).push(relative(root, f));
  }
  return refs;
}

export function projectReferences(root: string): References {
  const out: References = {};
  for (const refs of [propertyReferences(root), expectationReferences(root), brokenReferences(root)]) for (const [id, from] of Object.entries(refs)) (out[id] ??= []).push(...from);
  return out;
}
