/**
 * The report page's view model: the permission grid (from conformance.json, with may / may-not
 * hints from the feature files) and the trimmed data the rule list is built from.
 */
import { relative, sep } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { ACCEPTED, VERDICTS, worst, type CallTrace, type Conformance, type Failure, type PropertyResult, type RuleResult, type Verdict } from '../model';
import { featureFiles } from '../../catalogue/catalogue';
import { derivedFromFeatures } from '../../catalogue/cache';

/** What a permission-grid example row expects, read from the feature files. */
export interface GridOutcome {
  /** The scenario name the row expands to; a hint applies only to a scenario of that name. */
  name: string;
  allowed: boolean;
  /** The refusal's code, when the row expects one. */
  code?: number;
  /** A status the row expects on success, e.g. the join status "WaitAdminApproval". */
  status?: string;
  /** The name of the Examples block, e.g. "Not even the owner of a Work group". */
  examples?: string;
}

export const ROLE_ORDER = ['owner', 'admin', 'member', 'non-member', 'app admin'];
export const TYPE_ORDER = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'];

/** What each verdict means, in the words the page uses. */
export const MEANING: Record<Verdict, string> = {
  passed: 'did what the rule says',
  failed: 'did otherwise',
  'not applicable': 'needs a capability the implementation does not declare',
  'not run': 'the run stopped (--bail, an interruption) before this rule ran',
  'expected failure': 'failed, and the expectations file says so',
  'unexpected pass': 'passed, but the expectations file expects a failure: update the file',
  timeout: 'a call missed its deadline',
  crashed: 'threw an error without a Tencent code, returned data that fails the response schema, or the connection broke',
};

// the permission grid

export interface GridCell {
  /** Rule IDs and scenarios behind the cell. */
  scenarios: Array<{ rule: string; name: string; location: string; verdict: Verdict }>;
  verdict: Verdict;
  /** true: the role may; false: it may not; 'mixed': the scenarios disagree; undefined: not known. */
  allowed: boolean | 'mixed' | undefined;
  codes: number[];
  statuses: string[];
  examples: string[];
}

export interface GridOperation {
  operation: string;
  roles: string[];
  /** cells[role][type] */
  cells: Record<string, Record<string, GridCell>>;
}

export interface Grid {
  types: string[];
  operations: GridOperation[];
}

interface GridKey {
  operation: string;
  role: string;
  type: string;
  allowed: boolean | undefined;
}

/** Role, operation, type (and, where the name says so, may / may not) of a permission-grid scenario. */
export function gridKey(name: string): GridKey | undefined {
  let m = /^(.+?), by role(?: and type)?: (.+?) (may not|may) .*?\ban? (\w+) group\b/.exec(name);
  if (m !== null) return { operation: m[1]!, role: m[2]!, type: m[4]!, allowed: m[3] === 'may' };
  m = /^(.+?), (allowed|refused): the (.+?) of an? (\w+) group\b/.exec(name);
  if (m !== null) return { operation: m[1]!, role: m[3]!, type: m[4]!, allowed: m[2] === 'allowed' };
  m = /^(.+?), by role(?: and type)?: (.+?) in an? (\w+) group\b/.exec(name);
  if (m !== null) return { operation: m[1]!, role: m[2]!, type: m[3]!, allowed: undefined };
  return undefined;
}

/** How many of these counts the gate does not accept. */
export const notAsExpected = (n: Record<Verdict, number>): number => VERDICTS.reduce((sum, v) => sum + (ACCEPTED.has(v) ? 0 : n[v]), 0);

export function permissionGrid(result: Conformance, outcomes: Record<string, GridOutcome> = {}): Grid {
  const ops = new Map<string, GridOperation>();
  const types = new Set<string>();
  for (const rule of result.rules) {
    for (const s of rule.scenarios) {
      const key = gridKey(s.name);
      if (key === undefined) continue;
      const hint = outcomes[s.location];
      const fromFeature = hint !== undefined && hint.name === s.name ? hint : undefined;
      const allowed = fromFeature?.allowed ?? key.allowed;
      types.add(key.type);
      let op = ops.get(key.operation);
      if (op === undefined) ops.set(key.operation, (op = { operation: key.operation, roles: [], cells: {} }));
      if (!op.roles.includes(key.role)) op.roles.push(key.role);
      const row = (op.cells[key.role] ??= {});
      const cell = (row[key.type] ??= { scenarios: [], verdict: 'not applicable', allowed: undefined, codes: [], statuses: [], examples: [] });
      const first = cell.scenarios.length === 0;
      cell.scenarios.push({ rule: rule.id, name: s.name, location: s.location, verdict: s.verdict });
      cell.verdict = worst(cell.scenarios.map((x) => x.verdict));
      if (first) cell.allowed = allowed;
      else if (cell.allowed !== allowed) cell.allowed = 'mixed';
      if (fromFeature?.code !== undefined && !cell.codes.includes(fromFeature.code)) cell.codes.push(fromFeature.code);
      if (fromFeature?.status !== undefined && !cell.statuses.includes(fromFeature.status)) cell.statuses.push(fromFeature.status);
      if (fromFeature?.examples !== undefined && fromFeature.examples !== '' && !cell.examples.includes(fromFeature.examples)) cell.examples.push(fromFeature.examples);
    }
  }
  const rank = (list: string[], x: string) => (list.includes(x) ? list.indexOf(x) : list.length);
  for (const op of ops.values()) op.roles.sort((a, b) => rank(ROLE_ORDER, a) - rank(ROLE_ORDER, b) || (a < b ? -1 : 1));
  return { types: [...types].sort((a, b) => rank(TYPE_ORDER, a) - rank(TYPE_ORDER, b) || (a < b ? -1 : 1)), operations: [...ops.values()] };
}


/**
 * The outcome of every permission-grid example row of the feature files whose steps say "it
 * succeeds", "it fails with code N" or "the join status is "S"", by location
 * (features/<file>:<line>).
 */
export function permissionOutcomes(featuresDir: string): Record<string, GridOutcome> {
  // parsed and compiled to pickles: ~0.2 s a report, kept on disk under the features' texts (catalogue/cache.ts)
  const files = featureFiles(featuresDir);
  return derivedFromFeatures('grid', __filename, featuresDir, files, (sources) => outcomesOf(featuresDir, files, sources));
}

function outcomesOf(featuresDir: string, files: string[], sources: string[]): Record<string, GridOutcome> {
  const out: Record<string, GridOutcome> = {};
  for (const [i, path] of files.entries()) {
    const uri = `features/${relative(featuresDir, path).split(sep).join('/')}`;
    let doc;
    try {
      doc = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(sources[i]!);
    } catch {
      continue;
    }
    const rows = new Map<string, { line: number; examples: string }>();
    for (const child of doc.feature?.children ?? []) {
      for (const sc of [...(child.rule?.children ?? []), child].map((c) => c.scenario).filter((s) => s !== undefined)) {
        for (const ex of sc.examples) for (const row of ex.tableBody) rows.set(row.id, { line: row.location.line, examples: ex.name });
      }
    }
    for (const pickle of compile({ ...doc, uri }, uri, IdGenerator.incrementing())) {
      if (gridKey(pickle.name) === undefined) continue;
      const row = rows.get(pickle.astNodeIds[pickle.astNodeIds.length - 1]!);
      if (row === undefined) continue;
      for (const step of pickle.steps) {
        const m = /^it (succeeds|fails with code (\d+))\b/.exec(step.text);
        const status = /^the join status is "(\w+)"/.exec(step.text)?.[1];
        if (m === null && status === undefined) continue;
        const code = m?.[2] === undefined ? {} : { code: Number(m[2]) };
        out[`${uri}:${row.line}`] = { name: pickle.name, allowed: m === null || m[1] === 'succeeds', ...code, ...(status === undefined ? {} : { status }), examples: row.examples };
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// the embedded data

const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n)}… (cut for the page; conformance.json has the full text)`);

/** How much of a trace the page keeps: the last `calls` calls, `chars` characters a value, `events` events a gap. */
type TraceCut = { calls: number; chars: number; events: number } | 'all' | 'none';

/** A trace cut down for the page; the calls it drops count as omitted, the limits say what was kept. */
function trimTrace(t: CallTrace, c: Exclude<TraceCut, 'all' | 'none'>): CallTrace {
  const calls = t.calls.slice(-c.calls);
  const short = (s: string | undefined) => (s === undefined || s.length <= c.chars ? s : `${s.slice(0, c.chars)}…`);
  const opt = <K extends string>(k: K, v: string | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, string>));
  return {
    calls: calls.map((x) => ({
      ...x,
      actor: short(x.actor)!,
      method: short(x.method)!,
      ...opt('arg', short(x.arg)),
      ...opt('data', short(x.data)),
      ...opt('message', short(x.message)),
      ...(x.events === undefined ? {} : { events: x.events.slice(0, c.events).map((e) => ({ to: short(e.to)!, name: short(e.name)!, ...opt('data', short(e.data)) })) }),
      ...(x.events === undefined || x.events.length <= c.events ? {} : { moreEvents: (x.moreEvents ?? 0) + x.events.length - c.events }),
    })),
    omitted: t.omitted + t.calls.length - calls.length,
    limits: { calls: Math.min(c.calls, t.limits.calls), chars: Math.min(c.chars, t.limits.chars), events: Math.min(c.events, t.limits.events) },
  };
}

function trimFailure(f: Failure, n: number, traces: TraceCut): Failure {
  return {
    ...(f.sameMessage === undefined ? {} : { sameMessage: f.sameMessage }),
    ...(f.trace === undefined || traces === 'none' ? {} : { trace: traces === 'all' ? f.trace : trimTrace(f.trace, traces) }),
    step: cut(f.step, n),
    message: cut(f.message, n),
    ...(f.expected === undefined ? {} : { expected: cut(f.expected, n) }),
    ...(f.actual === undefined ? {} : { actual: cut(f.actual, n) }),
    ...(f.replay === undefined ? {} : { replay: { ...f.replay, ...(f.replay.scenario === undefined ? {} : { scenario: cut(f.replay.scenario, n * 2) }) } }),
  };
}

/**
 * What the rule list needs: the rules (long failure texts cut to fit the budget, and call traces
 * left out when even that does not fit: `tracesLeftOut` says so) and each property's verdict.
 */
export function embeddedData(result: Conformance, budget = 1_200_000): { rules: RuleResult[]; properties: Array<Pick<PropertyResult, 'id' | 'title' | 'verdict'>>; ambiguities: string[]; tracesLeftOut: boolean } {
  const properties = result.properties.map((p) => ({ id: p.id, title: p.title, verdict: p.verdict }));
  const ambiguities = result.ambiguities.map((a) => a.anchor);
  let data = { rules: result.rules, properties, ambiguities, tracesLeftOut: false };
  const short = { calls: 10, chars: 120, events: 3 };
  const shorter = { calls: 5, chars: 60, events: 2 };
  const stages: Array<[number, TraceCut]> = [[4000, 'all'], [1000, 'all'], [1000, short], [300, short], [300, shorter], [100, shorter], [100, 'none']];
  for (const [n, traces] of stages) {
    const leftOut = traces === 'none' && result.rules.some((r) => r.scenarios.some((s) => s.failure?.trace !== undefined));
    data = { rules: result.rules.map((r) => ({ ...r, scenarios: r.scenarios.map((s) => (s.failure === undefined ? s : { ...s, failure: trimFailure(s.failure, n, traces) })) })), properties, ambiguities, tracesLeftOut: leftOut };
    if (Buffer.byteLength(JSON.stringify(data)) <= budget) break;
  }
  return data;
}

/** JSON safe inside a <script> element: no `</`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
