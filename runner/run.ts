/**
 * One run of the suite against one implementation: features, then properties, judged against the
 * expectations file, assembled into the result model. Reports are written from that model only.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import type { Implementation } from '../adapters/contract';
import { loadCatalogue, noteOf, type RuleEntry } from '../catalogue/catalogue';
import { resolveImplementation } from '../adapters/resolve';
import { judge, type Expectations } from './expectations';
import { runFeatures, type ScenarioOutcome } from './features';
import { ACCEPTED, Conformance, shareTraces, totals, worst, type PropertyResult, type RuleResult } from './model';
import { inShard, type Shard } from './shard';
import { readAmbiguities } from './ambiguities';
import { traceTable } from '../catalogue/traceability';
import { packageRoot, supportCode } from './paths';
import { readDetectedBy } from './strength';
import { besideFeatures, propertiesBeside, runProperties } from './properties';
import { htmlBeside, type HtmlBeside } from './cucumber-html';

export interface RunOptions {
  /** Human-readable name of the target: 'simulator', the adapter path, or the URL. */
  target: string;
  out: string;
  tags?: string;
  rules?: string[];
  shard?: Shard;
  parallel?: number;
  expectations?: { file: string; data: Expectations };
  seed: number;
  fuzzRuns: number;
  callTimeoutMs: number;
  properties: boolean;
  progress: boolean;
  /** Title filter (`--grep`): a regular expression on scenario names. */
  grep?: string;
  /** Stop at the first failure (`--bail`); the result is then incomplete. */
  bail?: boolean;
  /** The properties after the features on this thread (`--serial`), not on a second thread beside them (runner/properties.ts). */
  serial?: boolean;
  /** How many scenarios the selection holds (runner/selection.ts), for the header. */
  planned?: number;
  /** Replay one fuzz counterexample (`--replay SEED:PATH`): no features, only the fuzz property on that case. */
  replay?: { seed: number; path: string };
  /** The command, less `--replay SEED:PATH`, that a fuzz failure prints to replay itself (plain text: it crosses to runner/worker.ts). */
  replayPrefix?: string;
  /** Every scenario as it finishes (the progress line). */
  onScenario?: (s: ScenarioOutcome) => void;
  /** Cucumber's own HTML and messages alongside (default true). */
  cucumberReports?: boolean;
  log: (line: string) => void;
  /** Told as scenarios and properties start and finish (runner/isolation.ts streams them to the gate). */
  events?: RunEvents;
}

export interface RunEvents {
  scenarioStarted?(s: Pick<ScenarioOutcome, 'ruleID' | 'name' | 'location'>): void;
  scenarioFinished?(s: ScenarioOutcome): void;
  propertyStarted?(p: { id: string; title: string; rules: string[] }): void;
  propertyFinished?(p: PropertyResult): void;
}

export { REPLAYABLE } from './properties';

export interface RunState {
  scenarios: ScenarioOutcome[];
  properties: PropertyResult[];
  implementation?: Implementation;
  startedAt: number;
  /** Set when --bail stopped the run. */
  bailed?: boolean;
  /** The source files an isolated adapter loaded (runner/worker.ts), for `run --watch`. */
  modules?: string[];
  /** cucumber.html being written from cucumber's messages after the features (runner/cucumber-html.ts): await it before the run ends. */
  cucumberHtml?: Promise<void>;
}

/** Rules this run covers: every rule, narrowed by --rule, --tags (in cucumber) and --shard. */
export function selectRules(all: RuleEntry[], o: Pick<RunOptions, 'rules' | 'shard'>): RuleEntry[] {
  const wanted = o.rules === undefined || o.rules.length === 0 ? all : all.filter((r) => r.id !== undefined && o.rules!.includes(r.id));
  return inShard(wanted, (r) => r.id ?? '', o.shard);
}

export function tagExpression(selected: RuleEntry[], all: RuleEntry[], tags: string | undefined): string | undefined {
  const parts: string[] = [];
  if (tags !== undefined && tags !== '') parts.push(`(${tags})`);
  if (selected.length !== all.length) parts.push(`(${selected.map((r) => `@rule:${r.id}`).join(' or ') || '@no-rule-selected'})`);
  return parts.length === 0 ? undefined : parts.join(' and ');
}

export async function executeRun(o: RunOptions, state: RunState): Promise<Conformance> {
  const root = packageRoot();
  const catalogue = loadCatalogue(join(root, 'features'));
  const selected = selectRules(catalogue.rules, o);
  const ids = new Set(selected.map((r) => r.id));
  const impl = await resolveImplementation();
  state.implementation = impl;

  o.log(`groupspec run: ${impl.name} (${o.target}); ${selected.length} of ${catalogue.rules.length} rules${o.planned === undefined ? '' : `, ${o.planned} scenarios selected`}${o.shard === undefined ? '' : `, shard ${o.shard.index}/${o.shard.count}`}`);
  mkdirSync(o.out, { recursive: true });
  // the messages and cucumber.html are written as the features run: with a second core, both on a
  // second thread fed the messages (runner/cucumber-html.ts), else by cucumber's own formatters here
  const messages = join(o.out, 'cucumber-messages.ndjson');
  const html = join(o.out, 'cucumber.html');
  const cucumberReports = o.replay === undefined && o.cucumberReports !== false;
  const page: HtmlBeside | undefined = cucumberReports && availableParallelism() >= 2 ? htmlBeside(html, messages) : undefined;
  const formats = !cucumberReports || page !== undefined ? [] : [`message:${relative(root, messages)}`, `html:${relative(root, html)}`];
  // an interrupted run leaves no page of an earlier run beside its own messages (moved aside at once,
  // removed in the background: unlinking a ~14 MB file took ~0.2 s of this thread)
  if (page !== undefined) discard(html);
  const support = supportCode(root);
  // the properties on a second thread while the features run (an in-process run on two cores or more)
  const beside = o.properties && besideFeatures(o, ids) ? propertiesBeside(o, ids) : undefined;
  if (o.replay === undefined) await runFeatures({
    cwd: root,
    require: support.require,
    requireModule: support.requireModule,
    formats,
    progress: o.progress,
    ...(o.parallel === undefined ? {} : { parallel: o.parallel }),
    ...(tagExpression(selected, catalogue.rules, o.tags) === undefined ? {} : { tags: tagExpression(selected, catalogue.rules, o.tags)! }),
    ...(o.grep === undefined ? {} : { names: [o.grep] }),
    ...(o.bail === true ? { failFast: true } : {}),
    onScenario: (s) => {
      // after a bail cucumber skips what is left: those scenarios were not run, not inapplicable
      if (state.bailed === true) return;
      state.scenarios.push(s);
      o.onScenario?.(s);
      o.events?.scenarioFinished?.(s);
      if (o.bail === true && !ACCEPTED.has(s.verdict)) state.bailed = true;
    },
    ...(o.events?.scenarioStarted === undefined ? {} : { onScenarioStart: o.events.scenarioStarted }),
    ...(page === undefined ? {} : { onMessage: (e: Envelope) => page.message(e) }),
  }).catch(async (e: unknown) => {
    await page?.abort();
    throw e;
  });
  if (page !== undefined) state.cucumberHtml = page.end();
  const counts = totals(state.scenarios);
  if (o.replay === undefined) o.log(`features: ${state.scenarios.length} scenarios: ${Object.entries(counts).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${v}`).join(', ')}`);

  if (o.properties && state.bailed !== true) {
    const hooks = { log: o.log, ...(o.events?.propertyStarted === undefined ? {} : { started: o.events.propertyStarted }), ...(o.events?.propertyFinished === undefined ? {} : { finished: o.events.propertyFinished }) };
    const done = beside === undefined ? undefined : await beside;
    if (done !== undefined) {
      // run on the second thread while the features ran: reported now, in the same order and words
      state.properties.push(...done.results);
      for (const line of done.logs) o.log(line);
    } else if (await runProperties(o, impl, ids, state.properties, hooks)) state.bailed = true;
  }
  if (state.bailed === true) o.log('bailed out at the first failure: the rest was not run (result marked incomplete)');
  return assemble(o, state, selected, impl, state.bailed !== true, state.bailed === true ? 'bailed out at the first failure (--bail)' : undefined);
}

export function assemble(o: RunOptions, state: RunState, selected: RuleEntry[], impl: Implementation | undefined, complete: boolean, cause?: string): Conformance {
  const byRule = new Map<string, ScenarioOutcome[]>();
  const detected = readDetectedBy(o.out);
  for (const s of state.scenarios) if (s.ruleID !== undefined) byRule.set(s.ruleID, [...(byRule.get(s.ruleID) ?? []), s]);
  const rules: RuleResult[] = selected.map((r) => {
    const id = r.id ?? '';
    const scenarios = byRule.get(id) ?? [];
    // a property failure with a blame counts against the rules it is charged to, and only those
    const props = state.properties.filter((p) => (p.failure?.blame === undefined ? p.rules.includes(id) : p.failure.blame.rules.includes(id)));
    // a property passing vacuously (the implementation lacks what the rule is about) proves nothing
    const inapplicable = scenarios.length > 0 && scenarios.every((s) => s.verdict === 'not applicable');
    // a run that ended early (--bail, an interruption) never reached a rule with no result: not run, not inapplicable
    const unrun = !complete && scenarios.length === 0 && props.length === 0;
    const raw = unrun ? 'not run' : worst([...scenarios.map((s) => s.verdict), ...props.map((p) => p.verdict).filter((v) => !(inapplicable && v === 'passed'))]);
    const expected = o.expectations?.data.rules[id];
    return {
      id,
      title: r.title,
      area: r.area,
      types: r.types,
      tags: r.tags,
      ambiguous: r.ambiguous,
      note: noteOf(r.description),
      source: { file: `features/${r.file}`, line: r.line },
      quotes: r.quotes.map((q) => ({ text: q.text, source: q.source, ...(q.url === undefined ? {} : { url: q.url }) })),
      verdict: judge(raw, expected?.status),
      ...(expected === undefined ? {} : { expectation: expected }),
      scenarios: shareTraces(scenarios.map((s) => ({ name: s.name, location: s.location, verdict: s.verdict, durationMs: s.durationMs, ...(s.failure === undefined ? {} : { failure: s.failure }) }))),
      properties: props.map((p) => p.id),
      ...(detected?.has(id) === true ? { detectedBy: detected.get(id)! } : {}),
    };
  });
  const caps = impl?.capabilities ?? { groupTypes: [], operations: [], adminOperations: [], clock: false, events: false, limitOverrides: false };
  const result: Conformance = {
    schema: 'groupspec/conformance@1',
    generatedAt: new Date().toISOString(),
    complete,
    ...(cause === undefined ? {} : { cause }),
    implementation: { name: impl?.name ?? o.target, contractVersion: impl?.contractVersion ?? 0, capabilities: caps },
    configuration: {
      target: o.target,
      seed: o.replay?.seed ?? o.seed,
      fuzzRuns: o.fuzzRuns,
      ...(o.tags === undefined ? {} : { tags: o.tags }),
      ...(o.rules === undefined || o.rules.length === 0 ? {} : { rules: o.rules }),
      ...(o.shard === undefined ? {} : { shard: `${o.shard.index}/${o.shard.count}` }),
      callTimeoutMs: o.callTimeoutMs,
      ...(o.expectations === undefined ? {} : { expectationsFile: o.expectations.file }),
      groupspecVersion: (require(join(packageRoot(), 'package.json')) as { version: string }).version,
    },
    totals: totals(rules),
    rules,
    properties: state.properties,
    ambiguities: readAmbiguities(packageRoot()),
    traceability: traceTable(loadCatalogue(join(packageRoot(), 'features'))),
    durationMs: Date.now() - state.startedAt,
  };
  return Conformance.parse(result);
}

/** Moves `file` out of the way now and removes it off this thread; nothing if it is not there. */
function discard(file: string): void {
  const aside = `${file}.old-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  void rm(aside, { force: true }).catch(() => undefined);
}

export function writeResult(out: string, result: Conformance): string {
  mkdirSync(out, { recursive: true });
  const path = join(out, 'conformance.json');
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
