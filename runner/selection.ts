/**
 * What a run would run, worked out before anything runs: the scenarios cucumber would pick for the
 * rule IDs, tag expression and title filter (cucumber's own loadSources, so `--list` and the run
 * agree), each charged to its rule; `--last-failed` from the previous conformance.json. An empty
 * selection or a malformed filter is a usage error, reported in one line before the implementation
 * is even set up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfiguration, loadSources } from '@cucumber/cucumber/api';
import parseTagExpression from '@cucumber/tag-expressions';
import type { Catalogue, RuleEntry } from '../catalogue/catalogue';
import { UsageError } from './expectations';
import { ACCEPTED } from './model';

export interface PlannedScenario {
  ruleID: string | undefined;
  name: string;
  /** features/…:line */
  location: string;
}

/** Throws a one-line usage error for a tag expression cucumber cannot parse. */
export function checkTags(expr: string): void {
  try {
    parseTagExpression(expr);
  } catch (e) {
    throw new UsageError(`--tags "${expr}": ${(e as Error).message.replace(/^Tag expression .* could not be parsed because of /, '')}`);
  }
}

/** Throws a one-line usage error for a title filter that is not a regular expression. */
export function checkGrep(pattern: string): void {
  try {
    new RegExp(pattern);
  } catch (e) {
    throw new UsageError(`--grep "${pattern}": not a regular expression (${(e as Error).message})`);
  }
}

/** The rule a scenario at `uri:line` belongs to: the last rule of its file starting above it. */
function ruleAt(rules: readonly RuleEntry[], uri: string, line: number): RuleEntry | undefined {
  let found: RuleEntry | undefined;
  for (const r of rules) if (`features/${r.file}` === uri && r.line <= line && (found === undefined || r.line > found.line)) found = r;
  return found;
}

/** The scenarios (outline rows counted one each) cucumber would run for this tag expression and title filter. */
export async function planScenarios(root: string, rules: readonly RuleEntry[], tags: string | undefined, grep: string | undefined): Promise<PlannedScenario[]> {
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { paths: ['features/**/*.feature'], ...(tags === undefined ? {} : { tags }), ...(grep === undefined ? {} : { name: [grep] }) } },
    { cwd: root },
  );
  const { plan, errors } = await loadSources(runConfiguration.sources, { cwd: root });
  if (errors.length > 0) throw new UsageError(`cannot read the features: ${JSON.stringify(errors[0]).slice(0, 200)}`);
  return plan.map((p) => ({ ruleID: ruleAt(rules, p.uri, p.location.line)?.id, name: p.name, location: `${p.uri}:${p.location.line}` }));
}

/**
 * The plan of a run that selects every scenario, counted from the catalogue (outline rows one each)
 * instead of a second parse of the features through cucumber (~0.3 s of CPU; the run parses them
 * again): the rule of each scenario, in the features' order. Undefined when a feature does not
 * parse: then planScenarios reports it.
 */
export function everyScenario(catalogue: Catalogue): Pick<PlannedScenario, 'ruleID'>[] | undefined {
  if (catalogue.features.some((f) => f.parseError !== undefined)) return undefined;
  const out: Pick<PlannedScenario, 'ruleID'>[] = [];
  for (const f of catalogue.features) {
    for (const s of f.looseScenarios) for (let i = 0; i < s.cases; i++) out.push({ ruleID: undefined });
    for (const r of f.rules) for (const s of r.scenarios) for (let i = 0; i < s.cases; i++) out.push({ ruleID: r.id });
  }
  return out;
}

/** Rule IDs whose verdict in `<out>/conformance.json` was not accepted: what `--last-failed` reruns. */
export function lastFailed(out: string): string[] {
  const path = join(out, 'conformance.json');
  if (!existsSync(path)) throw new UsageError(`--last-failed: no previous run in ${out} (conformance.json is missing; give the same --out as that run)`);
  let rules: { id: string; verdict: string }[];
  try {
    rules = (JSON.parse(readFileSync(path, 'utf8')) as { rules: { id: string; verdict: string }[] }).rules;
    if (!Array.isArray(rules)) throw new Error('it has no rules');
  } catch (e) {
    throw new UsageError(`--last-failed: cannot read ${path}: ${(e as Error).message}`);
  }
  const failed = rules.filter((r) => !ACCEPTED.has(r.verdict as never)).map((r) => r.id);
  if (failed.length === 0) throw new UsageError(`--last-failed: every rule of the previous run in ${out} was as expected; nothing to rerun`);
  return failed;
}

/** The selection's one-line description for an empty-selection error. */
export function describeSelection(f: { tags?: string | undefined; rules?: string[] | undefined; grep?: string | undefined; shard?: string | undefined; lastFailed?: boolean | undefined }): string {
  const parts = [
    ...(f.rules === undefined || f.rules.length === 0 ? [] : [f.lastFailed === true ? `--last-failed (${f.rules.length} rules)` : f.rules.map((r) => `--rule ${r}`).join(' ')]),
    ...(f.tags === undefined ? [] : [`--tags "${f.tags}"`]),
    ...(f.grep === undefined ? [] : [`--grep "${f.grep}"`]),
    ...(f.shard === undefined ? [] : [`--shard ${f.shard}`]),
  ];
  return parts.join(' ') || 'the whole suite';
}

/** `--list`: the selected scenarios by rule, and the properties that would run. */
export function listing(planned: readonly PlannedScenario[], properties: readonly { id: string; rules: string[] }[]): string {
  const byRule = new Map<string, PlannedScenario[]>();
  for (const s of planned) byRule.set(s.ruleID ?? '(no rule)', [...(byRule.get(s.ruleID ?? '(no rule)') ?? []), s]);
  const lines: string[] = [];
  for (const [rule, scenarios] of byRule) {
    lines.push(rule);
    for (const s of scenarios) lines.push(`  ${s.location}  ${s.name}`);
  }
  const ids = new Set(byRule.keys());
  const props = properties.filter((p) => p.rules.some((r) => ids.has(r)));
  for (const p of props) lines.push(`property ${p.id} (${p.rules.filter((r) => ids.has(r)).length} of its rules selected)`);
  lines.push(`${planned.length} scenarios in ${byRule.size} rules${props.length === 0 ? '' : `, ${props.length} properties`}; nothing was run`);
  return `${lines.join('\n')}\n`;
}
