/**
 * Rendering the result model: JUnit, a Markdown summary and the self-contained HTML page
 * (runner/html/index/index.ts); comparing and merging runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCEPTED, Conformance, totals, worst, type PropertyResult, type RuleResult } from './model';
import { permissionOutcomes, renderHtml, type GridOutcome } from './html';
import { packageRoot } from './paths';
import { markdownText, xmlText } from './model/escape';
import { compactCalls, traceText } from './model/trace-text';
import type { CallTrace, Failure } from './model';

const xml = xmlText;
const md = markdownText;

/** JUnit XML: one test case per scenario (and per property), named by rule ID. */
export function junit(r: Conformance): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const rule of r.rules) {
    // a rule the run never reached has no scenario to report: one skipped case says so
    if (rule.verdict === 'not run') (skipped++, cases.push(`    <testcase classname="${xml(rule.area)}" name="${xml(`${rule.id}: not run`)}" file="${xml(rule.source.file)}" time="0.000"><skipped message="${xml(`not run: ${r.cause ?? 'the run ended before this rule'}`)}"/></testcase>`));
    for (const s of rule.scenarios) {
      const name = `${rule.id}: ${s.name}`;
      let body = '';
      if (s.verdict === 'not applicable') (skipped++, (body = '<skipped message="not applicable"/>'));
      else if (!ACCEPTED.has(s.verdict) || (rule.verdict === 'unexpected pass' && s.verdict === 'passed')) {
        failures++;
        body = `<failure type="${xml(rule.verdict === 'unexpected pass' ? 'unexpected pass' : s.verdict)}" message="${xml(s.failure?.message ?? s.verdict)}">${xml(`${s.location}\n${s.failure?.step ?? ''}\n${s.failure?.message ?? ''}${traceBody(s.failure)}`)}</failure>`;
      }
      cases.push(`    <testcase classname="${xml(rule.area)}" name="${xml(name)}" file="${xml(s.location.split(':')[0]!)}" time="${(s.durationMs / 1000).toFixed(3)}">${body}</testcase>`);
    }
  }
  for (const p of r.properties) {
    const bad = !ACCEPTED.has(p.verdict);
    if (bad) failures++;
    cases.push(`    <testcase classname="properties" name="${xml(`${p.rules.join(', ')}: ${p.title}`)}" time="${(p.durationMs / 1000).toFixed(3)}">${bad ? `<failure type="${xml(p.verdict)}" message="${xml(p.failure?.message.split('\n')[0] ?? p.verdict)}">${xml(`${p.failure?.message ?? ''}${traceBody(p.failure)}`)}</failure>` : p.verdict === 'not applicable' ? '<skipped message="not applicable"/>' : ''}</testcase>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="groupspec" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${(r.durationMs / 1000).toFixed(3)}">\n  <testsuite name="groupspec: ${xml(r.implementation.name)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

/** A failure's calls for a text body (junit.xml): the whole trace, or where another scenario's stands for it. */
function traceBody(f: Failure | undefined): string {
  if (f?.trace === undefined) return '';
  const same = f.sameMessage === undefined ? '' : `\n(${f.sameMessage} other scenario(s) of this rule failed with the same message; this trace stands for them)`;
  return `${same}\n${traceText(f.trace)}`;
}

/** The calls behind a rule's first failure (a scenario's, else its failed property's), for the summary. */
export function firstTrace(r: Conformance, rule: RuleResult): CallTrace | undefined {
  const failed = rule.scenarios.filter((s) => s.failure !== undefined && !ACCEPTED.has(s.verdict));
  if (failed.length > 0) return failed.find((s) => s.failure!.trace !== undefined)?.failure!.trace;
  return r.properties.find((p) => rule.properties.includes(p.id) && p.failure?.trace !== undefined && !ACCEPTED.has(p.verdict))?.failure!.trace;
}

/** Why a rule is not as expected: its first failed scenario's message, else its failed property's first line ("failed by property …"). */
export function whyRule(r: Conformance, rule: RuleResult): string {
  const failed = rule.scenarios.filter((s) => s.failure !== undefined && !ACCEPTED.has(s.verdict));
  const scenario = failed[0]?.failure?.message;
  if (scenario !== undefined) {
    // one message repeated across a rule's scenarios is said once, with how many share it
    const first = scenario.split('\n')[0];
    const same = failed.filter((s) => s.failure!.message.split('\n')[0] === first).length;
    return same > 1 ? `${same} of ${failed.length} failed scenarios: ${scenario}` : scenario;
  }
  const prop = r.properties.find((p) => rule.properties.includes(p.id) && p.failure !== undefined && !ACCEPTED.has(p.verdict));
  return prop?.failure?.message.split('\n')[0] ?? '';
}

export function summary(r: Conformance): string {
  const t = r.totals;
  const lines = [
    `# groupspec: ${md(r.implementation.name)}${r.complete ? '' : ' (incomplete run)'}`,
    '',
    ...(r.complete ? [] : [`**Incomplete run**: ${md(r.cause ?? 'interrupted')}`, '']),
    `**${t.passed}** passed, **${t.failed}** failed, ${t['not applicable']} not applicable, ${t['not run'] > 0 ? `**${t['not run']}** not run, ` : ''}${t['expected failure']} expected failures, ${t['unexpected pass']} unexpected passes, ${t.timeout} timeouts, ${t.crashed} crashed, of ${r.rules.length} rules; ${r.properties.length} properties.`,
    '',
    '| area | rules | passed | not as expected |',
    '|---|---:|---:|---:|',
  ];
  const areas = [...new Set(r.rules.map((x) => x.area))].sort();
  for (const a of areas) {
    const rs = r.rules.filter((x) => x.area === a);
    lines.push(`| ${md(a)} | ${rs.length} | ${rs.filter((x) => x.verdict === 'passed').length} | ${rs.filter((x) => !ACCEPTED.has(x.verdict)).length} |`);
  }
  // rules the run never reached are counted, not listed one by one: they carry no finding
  const bad = r.rules.filter((x) => !ACCEPTED.has(x.verdict) && x.verdict !== 'not run');
  const unrun = r.rules.filter((x) => x.verdict === 'not run');
  lines.push('', bad.length === 0 && unrun.length === 0 ? 'Every rule is as expected.' : `## Not as expected (${bad.length + unrun.length})`, '');
  for (const x of bad) {
    lines.push(`- **${x.verdict}** \`${x.id}\`: ${x.title}: ${md(whyRule(r, x).replace(/\s+/g, ' ').slice(0, 300))}`);
    const trace = firstTrace(r, x);
    // each call one escaped list item: rendered, the escapes read as the JSON the implementation answered
    if (trace !== undefined) lines.push('  - the last calls before it (conformance.json has the whole trace):', ...compactCalls(trace).map((c) => `    - ${md(c)}`));
  }
  if (unrun.length > 0) lines.push(`- **not run**: ${unrun.length} rule(s) the run did not reach (${md(r.cause ?? 'the run ended early')}): ${unrun.map((x) => `\`${x.id}\``).join(', ')}`);
  const badProps = r.properties.filter((p) => !ACCEPTED.has(p.verdict));
  for (const p of badProps) lines.push(`- **${p.verdict}** property \`${p.id}\`: ${md((p.failure?.message ?? '').split('\n')[0]!.slice(0, 200))}${p.failure?.replay?.command === undefined ? '' : ` (replay: \`${p.failure.replay.command}\`)`}`);
  const regress = r.rules.filter((x) => x.expectation !== undefined && x.verdict !== 'expected failure');
  if (regress.length > 0) {
    lines.push('', '## Against the expectations file', '');
    for (const x of regress) lines.push(`- \`${x.id}\`: expected ${x.expectation!.status}, got **${x.verdict}**${x.expectation!.issue === undefined ? '' : ` (${md(x.expectation!.issue)})`}`);
  }
  lines.push('', `Seed ${r.configuration.seed}; ${md(r.configuration.target)}; ${(r.durationMs / 1000).toFixed(1)} s.`);
  return `${lines.join('\n')}\n`;
}

/** The permission grid's may / may-not labels from the installed feature files; none when they cannot be read. */
function gridOutcomes(): Record<string, GridOutcome> {
  try {
    return permissionOutcomes(join(packageRoot(), 'features'));
  } catch {
    return {};
  }
}

export function writeReports(out: string, r: Conformance): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'junit.xml'), junit(r));
  writeFileSync(join(out, 'summary.md'), summary(r));
  writeFileSync(join(out, 'index.html'), renderHtml(r, { outcomes: gridOutcomes() }));
}

/** Rules whose verdict changed between two runs, as plain text lines. */
export function compareRuns(old: Conformance, now: Conformance): string {
  const before = new Map(old.rules.map((x) => [x.id, x.verdict]));
  const after = new Map(now.rules.map((x) => [x.id, x.verdict]));
  const lines: string[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(id);
    const b = after.get(id);
    if (a !== b) lines.push(`${id}: ${a ?? '(absent)'} -> ${b ?? '(absent)'}`);
  }
  return `${lines.length} rule(s) changed verdict\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`;
}

/** Shards into one run: each rule comes from the shard that ran it; properties are pooled. */
/** Each property once: shards that ran the same property pool their runs; the worst verdict (and its failure) wins. */
function mergeProperties(all: PropertyResult[]): PropertyResult[] {
  const byID = new Map<string, PropertyResult>();
  for (const p of all) {
    const seen = byID.get(p.id);
    if (seen === undefined) {
      byID.set(p.id, p);
      continue;
    }
    const verdict = worst([seen.verdict, p.verdict]);
    const base = verdict === seen.verdict ? seen : p;
    byID.set(p.id, { ...base, verdict, rules: [...new Set([...seen.rules, ...p.rules])], runs: seen.runs + p.runs, commands: seen.commands + p.commands, durationMs: seen.durationMs + p.durationMs });
  }
  return [...byID.values()];
}

export function mergeRuns(runs: Conformance[]): Conformance {
  const first = runs[0]!;
  const rules = new Map<string, RuleResult>();
  for (const run of runs) for (const rule of run.rules) rules.set(rule.id, rules.has(rule.id) ? { ...rule, verdict: worst([rules.get(rule.id)!.verdict, rule.verdict]) } : rule);
  const all = [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const { shard: _shard, ...configuration } = first.configuration;
  return Conformance.parse({
    ...first,
    generatedAt: new Date().toISOString(),
    complete: runs.every((r) => r.complete),
    configuration,
    totals: totals(all),
    rules: all,
    properties: mergeProperties(runs.flatMap((r) => r.properties)),
    durationMs: Math.max(...runs.map((r) => r.durationMs)),
  });
}
