/**
 * index.html: the result model as one self-contained page (living documentation). Everything is
 * inline: CSS, the script, and a trimmed copy of conformance.json in a
 * <script type="application/json"> tag; a Content-Security-Policy forbids every fetch, so the page
 * opens offline and makes no network request. The summary, permission grid, properties, ambiguity
 * register and run configuration are static HTML; the rule list (filters, search, expandable rules)
 * is built by the inline script from the embedded data.
 *
 * The permission grid's colours come from conformance.json only. Its "may" / "may not" labels come
 * from the scenario names where they say so ("… may not dismiss …", "…, refused: …"), otherwise from
 * the feature files' example rows (permissionOutcomes), used only where the row still has the
 * scenario's name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { ACCEPTED, VERDICTS, totals, worst, type Conformance, type Failure, type PropertyResult, type RuleResult, type Verdict } from './model';
import { featureFiles } from '../catalogue/catalogue';

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

export interface HtmlOptions {
  /** Permission-grid outcomes by scenario location (features/<file>:<line>); see permissionOutcomes. */
  outcomes?: Record<string, GridOutcome>;
  /** Byte budget of the embedded data; longer texts are cut until it fits (default 1.2 MB). */
  dataBudget?: number;
}

export const ROLE_ORDER = ['owner', 'admin', 'member', 'non-member', 'app admin'];
export const TYPE_ORDER = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'];

const MEANING: Record<Verdict, string> = {
  passed: 'did what the rule says',
  failed: 'did otherwise',
  'not applicable': 'needs a capability the implementation does not declare',
  'expected failure': 'failed, and the expectations file says so',
  'unexpected pass': 'passed, but the expectations file expects a failure: update the file',
  timeout: 'a call missed its deadline',
  crashed: 'threw an error without a Tencent code, returned data that fails the response schema, or the connection broke',
};

// ---------------------------------------------------------------------------------------------
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
const notAsExpected = (n: Record<Verdict, number>): number => VERDICTS.reduce((sum, v) => sum + (ACCEPTED.has(v) ? 0 : n[v]), 0);

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
  const out: Record<string, GridOutcome> = {};
  for (const path of featureFiles(featuresDir)) {
    const uri = `features/${relative(featuresDir, path).split(sep).join('/')}`;
    let doc;
    try {
      doc = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(readFileSync(path, 'utf8'));
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

function trimFailure(f: Failure, n: number): Failure {
  return {
    step: cut(f.step, n),
    message: cut(f.message, n),
    ...(f.expected === undefined ? {} : { expected: cut(f.expected, n) }),
    ...(f.actual === undefined ? {} : { actual: cut(f.actual, n) }),
    ...(f.replay === undefined ? {} : { replay: { ...f.replay, ...(f.replay.scenario === undefined ? {} : { scenario: cut(f.replay.scenario, n * 2) }) } }),
  };
}

/** What the rule list needs: the rules (long failure texts cut to fit the budget) and each property's verdict. */
export function embeddedData(result: Conformance, budget = 1_200_000): { rules: RuleResult[]; properties: Array<Pick<PropertyResult, 'id' | 'title' | 'verdict'>>; ambiguities: string[] } {
  const properties = result.properties.map((p) => ({ id: p.id, title: p.title, verdict: p.verdict }));
  const ambiguities = result.ambiguities.map((a) => a.anchor);
  let data = { rules: result.rules, properties, ambiguities };
  for (const n of [4000, 1000, 300, 100]) {
    data = { rules: result.rules.map((r) => ({ ...r, scenarios: r.scenarios.map((s) => (s.failure === undefined ? s : { ...s, failure: trimFailure(s.failure, n) })) })), properties, ambiguities };
    if (Buffer.byteLength(JSON.stringify(data)) <= budget) break;
  }
  return data;
}

/** JSON safe inside a <script> element: no `</`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// ---------------------------------------------------------------------------------------------
// static HTML

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const slug = (v: string) => v.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
const badge = (v: Verdict) => `<span class="badge v-${slug(v)}">${esc(v)}</span>`;
const ms = (n: number) => (n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`);

function summarySection(r: Conformance): string {
  const bad = r.rules.filter((x) => !ACCEPTED.has(x.verdict)).length + r.properties.filter((p) => !ACCEPTED.has(p.verdict)).length;
  const scenarios = r.rules.reduce((n, x) => n + x.scenarios.length, 0);
  const tiles = VERDICTS.map(
    (v) => `<li class="tile v-${slug(v)}${r.totals[v] === 0 ? ' zero' : ''}"><span class="count" data-verdict="${esc(v)}">${r.totals[v]}</span> <span class="label">${esc(v)}</span></li>`,
  ).join('');
  const legend = VERDICTS.map((v) => `<div><dt>${badge(v)}</dt><dd>${esc(MEANING[v])}; the gate ${ACCEPTED.has(v) ? 'accepts it' : '<strong>fails</strong>'}</dd></div>`).join('');
  const areas = [...new Set(r.rules.map((x) => x.area))].sort();
  const rows = areas
    .map((a) => {
      const rs = r.rules.filter((x) => x.area === a);
      const n = totals(rs);
      const present = VERDICTS.filter((v) => n[v] > 0);
      const segments = present.map((v) => `<span class="seg v-${slug(v)}" style="width:${((100 * n[v]) / rs.length).toFixed(2)}%" title="${n[v]} ${esc(v)}"></span>`).join('');
      const words = present.map((v) => `${n[v]} ${v}`).join(', ');
      return `<tr><th scope="row"><a href="#rules" class="area-link" data-area="${esc(a)}">${esc(a)}</a></th><td class="num">${rs.length}</td><td class="num">${n.passed}</td><td class="num">${notAsExpected(n)}</td><td class="barcell"><span class="bar" role="img" aria-label="${esc(words)}">${segments}</span></td></tr>`;
    })
    .join('\n');
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p class="gate ${bad === 0 ? 'ok' : 'bad'}" id="gate">${bad === 0 ? 'The gate passes: every verdict is as expected.' : `The gate fails: ${bad} rule${bad === 1 ? '' : 's'} or propert${bad === 1 ? 'y is' : 'ies are'} not as expected.`}</p>
<p id="counts">${r.rules.length} rules, ${scenarios} scenarios, ${r.properties.length} properties${r.complete ? '' : ' (incomplete run)'}.</p>
<ul class="tiles" id="totals" aria-label="Rules by verdict">${tiles}</ul>
<details class="legend" open><summary>Legend: what each verdict means</summary><dl>${legend}</dl></details>
<h3>By area</h3>
<table class="areas"><thead><tr><th scope="col">area</th><th scope="col" class="num">rules</th><th scope="col" class="num">passed</th><th scope="col" class="num">not as expected</th><th scope="col">verdicts</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function gridSection(grid: Grid): string {
  if (grid.operations.length === 0) return `<section id="grid" aria-labelledby="grid-h"><h2 id="grid-h">Permission grid</h2><p>This run has no permission-grid scenarios.</p></section>`;
  const head = `<thead><tr><th scope="col">operation</th><th scope="col">role</th>${grid.types.map((t) => `<th scope="col">${esc(t)}</th>`).join('')}</tr></thead>`;
  const bodies = grid.operations
    .map((op) => {
      const rows = op.roles.map((role, i) => {
        const cells = grid.types
          .map((type) => {
            const c = op.cells[role]?.[type];
            if (c === undefined) return `<td class="cell nodata"><span aria-hidden="true">–</span><span class="sr">no data</span></td>`;
            const label = c.allowed === true ? 'may' : c.allowed === false ? 'may not' : c.allowed === 'mixed' ? 'mixed' : 'tested';
            const code = c.allowed === false && c.codes.length > 0 ? ` <span class="code">${c.codes.join(', ')}</span>` : c.statuses.length > 0 ? ` <span class="code">${c.statuses.map(esc).join(', ')}</span>` : '';
            const title = [...c.examples, ...c.scenarios.map((s) => `${s.name} (${s.location}): ${s.verdict}`)].join('\n');
            const rule = c.scenarios[0]!.rule;
            return `<td class="cell v-${slug(c.verdict)}${c.allowed === false ? ' deny' : ''}" title="${esc(title)}"><a href="#rule-${esc(rule)}">${label}${code}</a>${c.verdict === 'passed' ? '' : ` <span class="mark">${esc(c.verdict)}</span>`}<span class="sr">, ${esc(c.verdict)}</span></td>`;
          })
          .join('');
        return `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${op.roles.length}" class="op">${esc(op.operation)}</th>` : ''}<th scope="row" class="role">${esc(role)}</th>${cells}</tr>`;
      });
      return `<tbody>${rows.join('')}</tbody>`;
    })
    .join('\n');
  return `<section id="grid" aria-labelledby="grid-h">
<h2 id="grid-h">Permission grid</h2>
<p>Who may do what, by role and group type, from the suite's "by role and type" scenarios. The text is what the rule says
(<em>may</em>, <em>may not</em> with the refusal's code); the colour is the verdict of the implementation; <span class="nodata-key">–</span> marks a cell no scenario covers.
Each cell links to its rule.</p>
<div class="scroll"><table class="grid">${head}
${bodies}
</table></div>
</section>`;
}

/** A fuzz failure's message repeats its Gherkin counterexample, shown on its own. */
function messageOf(f: Failure): string {
  const at = f.replay?.scenario === undefined ? -1 : f.message.indexOf('\nAs a Gherkin scenario:');
  return at < 0 ? f.message : f.message.slice(0, at);
}

function failureBlock(f: Failure): string {
  const parts = [`<dt>step</dt><dd><code>${esc(f.step)}</code></dd>`, `<dt>message</dt><dd><pre>${esc(messageOf(f))}</pre></dd>`];
  if (f.expected !== undefined) parts.push(`<dt>expected</dt><dd><pre>${esc(f.expected)}</pre></dd>`);
  if (f.actual !== undefined) parts.push(`<dt>actual</dt><dd><pre>${esc(f.actual)}</pre></dd>`);
  const rp = f.replay;
  if (rp?.seed !== undefined) parts.push(`<dt>seed</dt><dd><code>${rp.seed}</code>${rp.path === undefined ? '' : `, path <code>${esc(rp.path)}</code>`}</dd>`);
  if (rp?.command !== undefined) parts.push(`<dt>replay</dt><dd><code class="cmd">${esc(rp.command)}</code></dd>`);
  if (rp?.scenario !== undefined) parts.push(`<dt>counterexample</dt><dd><pre class="gherkin">${esc(rp.scenario)}</pre></dd>`);
  return `<dl class="failure">${parts.join('')}</dl>`;
}

function propertiesSection(r: Conformance): string {
  if (r.properties.length === 0) return `<section id="properties" aria-labelledby="props-h"><h2 id="props-h">Properties</h2><p>This run fuzzed no properties.</p></section>`;
  const runs = r.properties.reduce((n, p) => n + p.runs, 0);
  const commands = r.properties.reduce((n, p) => n + p.commands, 0);
  const time = r.properties.reduce((n, p) => n + p.durationMs, 0);
  const rows = r.properties
    .map((p) => {
      const stopped = p.failure !== undefined && p.runs === 0 ? /after (\d+) run/.exec(p.failure.message)?.[1] : undefined;
      const rules = p.rules.map((id) => `<a href="#rule-${esc(id)}">${esc(id)}</a>`).join(', ');
      const main = `<tr id="prop-${esc(p.id)}"><td>${badge(p.verdict)}</td><th scope="row"><code>${esc(p.id)}</code><div class="ptitle">${esc(p.title)}</div></th><td class="num">${stopped === undefined ? p.runs : `${stopped}<span class="sub">until it failed</span>`}</td><td class="num">${p.commands}</td><td class="num">${ms(p.durationMs)}</td><td class="rules">${rules}</td></tr>`;
      const fail = p.failure === undefined ? '' : `<tr class="pfail"><td></td><td colspan="5">${ACCEPTED.has(p.verdict) ? `<p class="why">${esc(p.failure.message)}</p>` : failureBlock(p.failure)}</td></tr>`;
      return main + fail;
    })
    .join('\n');
  return `<section id="properties" aria-labelledby="props-h">
<h2 id="props-h">Properties</h2>
<p>${r.properties.length} propert${r.properties.length === 1 ? 'y' : 'ies'}: ${runs} runs, ${commands} commands, ${ms(time)} (seed <code>${r.configuration.seed}</code>, ${r.configuration.fuzzRuns} runs each). A failed property shows its shrunk counterexample as a Gherkin scenario and the command that replays it.</p>
<div class="scroll"><table class="props"><thead><tr><th scope="col">verdict</th><th scope="col">property</th><th scope="col" class="num">runs</th><th scope="col" class="num">commands</th><th scope="col" class="num">duration</th><th scope="col">rules</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
</section>`;
}

function ambiguitiesSection(r: Conformance): string {
  const citing = (anchor: string) => r.rules.filter((x) => x.note.includes(`#${anchor}`)).map((x) => x.id);
  const items = r.ambiguities
    .map((a) => {
      const cites = citing(a.anchor);
      return `<li id="amb-${esc(a.anchor)}"><h3>${esc(a.title)}</h3><p>${a.reading === '' ? '<em>no reading recorded</em>' : esc(a.reading).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>${cites.length === 0 ? '' : `<p class="cites">Rules: ${cites.map((id) => `<a href="#rule-${esc(id)}">${esc(id)}</a>`).join(', ')}</p>`}</li>`;
    })
    .join('\n');
  return `<section id="ambiguities" aria-labelledby="amb-h">
<h2 id="amb-h">Ambiguity register</h2>
<p>Where the documents disagree or are silent, the reading groupspec takes (docs/ambiguities.md). ${r.ambiguities.length} entries.</p>
<ol class="ambiguities">
${items}
</ol>
</section>`;
}

function runSection(r: Conformance): string {
  const c = r.configuration;
  const caps = r.implementation.capabilities;
  const row = (k: string, v: string) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`;
  const rows = [
    row('implementation', esc(r.implementation.name)),
    row('contract version', String(r.implementation.contractVersion)),
    row('target', `<code>${esc(c.target)}</code>`),
    row('seed', `<code>${c.seed}</code>`),
    row('fuzz runs', String(c.fuzzRuns)),
    ...(c.tags === undefined ? [] : [row('tags', `<code>${esc(c.tags)}</code>`)]),
    ...(c.rules === undefined ? [] : [row('rules', c.rules.map((x) => `<code>${esc(x)}</code>`).join(', '))]),
    ...(c.shard === undefined ? [] : [row('shard', esc(c.shard))]),
    row('call timeout', `${c.callTimeoutMs} ms`),
    ...(c.expectationsFile === undefined ? [] : [row('expectations', `<code>${esc(c.expectationsFile)}</code>`)]),
    row('groupspec', esc(c.groupspecVersion)),
    row('generated', esc(r.generatedAt)),
    row('duration', ms(r.durationMs)),
    row('complete', r.complete ? 'yes' : '<strong>no: the run was interrupted</strong>'),
    row('group types', caps.groupTypes.map(esc).join(', ') || '<em>none</em>'),
    row('SDK operations', `${caps.operations.length}: ${caps.operations.map(esc).join(', ')}`),
    row('admin operations', `${caps.adminOperations.length}: ${caps.adminOperations.map(esc).join(', ')}`),
    row('virtual clock', caps.clock ? 'yes' : 'no'),
    row('events', caps.events ? 'yes' : 'no'),
    row('limit overrides', caps.limitOverrides ? 'yes' : 'no'),
  ];
  return `<section id="run" aria-labelledby="run-h"><h2 id="run-h">Run and implementation</h2><dl class="kv">${rows.join('')}</dl></section>`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;--link:#0550ae;
--passed:#1a7f37;--passed-bg:#d3f5dc;--failed:#cf222e;--failed-bg:#ffe1de;--not-applicable:#6e7781;--not-applicable-bg:#eaeef2;
--expected-failure:#9a6700;--expected-failure-bg:#fff1b8;--unexpected-pass:#8250df;--unexpected-pass-bg:#eedfff;
--timeout:#bc4c00;--timeout-bg:#ffe3c7;--crashed:#82071e;--crashed-bg:#ffc4c4}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
body>header,body>main,body>footer{max-width:1200px;margin:0 auto;padding:0 16px}
body>header{padding-top:12px}
h1{font-size:1.5rem;margin:.4em 0}
h2{font-size:1.25rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2em 0 .4em}
a{color:var(--link)}
a:focus-visible,button:focus-visible,summary:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #0969da;outline-offset:2px}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px;margin:.2em 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:16px;top:8px;background:#fff;padding:4px 8px;z-index:9}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:.4em 0}
.sub{display:block;color:var(--muted);font-size:12px}
.meta{color:var(--muted);margin:0}
.warn{background:var(--expected-failure-bg);border-left:4px solid var(--expected-failure);padding:8px 12px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;line-height:20px;white-space:nowrap;border:1px solid;background:var(--b);border-color:var(--c);color:var(--fg)}
.v-passed{--c:var(--passed);--b:var(--passed-bg)}.v-failed{--c:var(--failed);--b:var(--failed-bg)}
.v-not-applicable{--c:var(--not-applicable);--b:var(--not-applicable-bg)}.v-expected-failure{--c:var(--expected-failure);--b:var(--expected-failure-bg)}
.v-unexpected-pass{--c:var(--unexpected-pass);--b:var(--unexpected-pass-bg)}.v-timeout{--c:var(--timeout);--b:var(--timeout-bg)}
.v-crashed{--c:var(--crashed);--b:var(--crashed-bg)}
.v-crashed.seg,.v-crashed.cell{background-image:repeating-linear-gradient(45deg,transparent 0 4px,rgba(130,7,30,.18) 4px 8px)}
.gate{font-weight:600;padding:8px 12px;border-radius:6px;border-left:6px solid}
.gate.ok{background:var(--passed-bg);border-color:var(--passed)}.gate.bad{background:var(--failed-bg);border-color:var(--failed)}
.tiles{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:.6em 0}
.tile{background:var(--b);border:1px solid var(--c);border-left-width:6px;border-radius:6px;padding:6px 12px;min-width:120px}
.tile .count{display:block;font-size:1.5rem;font-weight:700}.tile.zero{opacity:.6}
.legend dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:4px 16px;margin:.5em 0}
.legend dl div{display:flex;gap:8px;align-items:baseline}.legend dd{margin:0;color:var(--muted);font-size:13px}
table{border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:4px 8px}
.num{text-align:right;font-variant-numeric:tabular-nums}
.areas{width:100%}.areas td,.areas th{border-bottom:1px solid var(--line)}
.barcell{width:50%}
.bar{display:flex;height:16px;border:1px solid var(--line);border-radius:4px;overflow:hidden;margin-top:3px}
.seg{display:block;height:100%;background:var(--c)}
.scroll{overflow-x:auto}
.grid{font-size:13px}.grid th,.grid td{border:1px solid var(--line)}
.grid thead th{background:var(--panel)}.grid .op{background:var(--panel);max-width:14em}
.cell{text-align:center;background:var(--b);min-width:6.5em}.cell a{color:var(--fg);text-decoration:none}.cell a:hover{text-decoration:underline}
.cell.deny a{font-weight:700}.cell .code{color:var(--muted);font-size:11px}.cell .mark{display:block;font-size:11px;font-weight:700;color:var(--c)}
.nodata{background:repeating-linear-gradient(135deg,#fff 0 6px,#f0f2f4 6px 12px);color:var(--muted)}
.nodata-key{display:inline-block;padding:0 6px;border:1px solid var(--line);background:repeating-linear-gradient(135deg,#fff 0 6px,#f0f2f4 6px 12px)}
.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 12px}
.filters label{display:flex;flex-direction:column;font-size:12px;font-weight:600;color:var(--muted)}
.filters select,.filters input{font:inherit;color:var(--fg);padding:3px 6px;border:1px solid #8c959f;border-radius:4px;background:#fff}
.filters input[type=search]{min-width:16em}
button{font:inherit;padding:3px 10px;border:1px solid #8c959f;border-radius:4px;background:#fff;cursor:pointer}
#rule-count{font-weight:600;margin:.6em 0}
.rules{list-style:none;padding:0;margin:0}
.rule{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:6px;margin:6px 0;background:#fff}
.rule>details>summary{cursor:pointer;padding:6px 10px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;list-style:none}
.rule>details>summary::-webkit-details-marker{display:none}
.rule>details>summary::before{content:"\\25B8";color:var(--muted);width:1em}.rule>details[open]>summary::before{content:"\\25BE"}
.rule .rid{font-weight:600}.rule .rtitle{flex:1 1 20em}.chip{font-size:12px;color:var(--muted)}
.rbody{padding:4px 14px 12px;border-top:1px solid var(--line)}
blockquote{margin:.4em 0;padding:4px 12px;border-left:4px solid var(--line);background:var(--panel)}
blockquote p{margin:.2em 0}blockquote footer{font-size:13px;color:var(--muted);margin:0 0 .2em}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:.4em 0}.kv div{display:contents}.kv dt{font-weight:600;color:var(--muted)}.kv dd{margin:0}
.scen{width:100%;font-size:14px}.scen td,.scen th{border-bottom:1px solid var(--line)}
.failure{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.3em 0;border-left:4px solid var(--failed);padding-left:10px}
.failure dt{font-weight:600;color:var(--muted)}.failure dd{margin:0;min-width:0}
.props{width:100%}.props>tbody>tr>*{border-bottom:1px solid var(--line)}.ptitle{font-weight:400;font-size:13px}.props .rules{font-size:13px}
.why{color:var(--muted);margin:0}
.ambiguities li{margin-bottom:.6em}.ambiguities h3{margin:.2em 0;font-size:1rem}.ambiguities p{margin:.2em 0}.cites{font-size:13px}
body>footer{color:var(--muted);font-size:13px;padding:24px 16px}
@media print{.filters,nav{display:none}}
`;

/** The rule list: built in the browser from the embedded data. No template literals here (this is one). */
const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('groupspec-data').textContent);
  var rules = data.rules;
  var VERDICTS = ['passed', 'failed', 'not applicable', 'expected failure', 'unexpected pass', 'timeout', 'crashed'];
  var ACCEPTED = ['passed', 'not applicable', 'expected failure'];
  var TYPES = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'];
  var props = {};
  data.properties.forEach(function (p) { props[p.id] = p; });
  var anchors = {};
  data.ambiguities.forEach(function (a) { anchors[a] = true; });

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === 'text') el.textContent = v; else if (k === 'className') el.className = v; else el.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, c) {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { add(el, x); }); return; }
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  function slug(v) { return v.replace(/[^a-z0-9]+/gi, '-').toLowerCase(); }
  function badge(v) { return h('span', { className: 'badge v-' + slug(v), text: v }); }
  function ms(n) { return n < 1000 ? n + ' ms' : (n / 1000).toFixed(1) + ' s'; }
  function bad(v) { return ACCEPTED.indexOf(v) < 0; }

  // the note, with references into the ambiguity register linked to its entries on this page
  function note(text) {
    var p = h('p', { className: 'note' });
    var re = /docs\/ambiguities\.md#([a-z0-9-]+)/g, last = 0, m;
    while ((m = re.exec(text)) !== null) {
      add(p, text.slice(last, m.index));
      add(p, anchors[m[1]] ? h('a', { href: '#amb-' + m[1], text: m[0] }) : m[0]);
      last = re.lastIndex;
    }
    add(p, text.slice(last));
    return p;
  }

  function failure(f) {
    var dl = h('dl', { className: 'failure' });
    function row(k, v) { add(dl, [h('dt', { text: k }), h('dd', null, v)]); }
    row('step', h('code', { text: f.step }));
    var at = f.replay && f.replay.scenario !== undefined ? f.message.indexOf('\nAs a Gherkin scenario:') : -1;
    row('message', h('pre', { text: at < 0 ? f.message : f.message.slice(0, at) }));
    if (f.expected !== undefined) row('expected', h('pre', { text: f.expected }));
    if (f.actual !== undefined) row('actual', h('pre', { text: f.actual }));
    var r = f.replay;
    if (r && r.seed !== undefined) row('seed', [h('code', { text: String(r.seed) }), r.path !== undefined ? [', path ', h('code', { text: r.path })] : null]);
    if (r && r.command !== undefined) row('replay', h('code', { className: 'cmd', text: r.command }));
    if (r && r.scenario !== undefined) row('counterexample', h('pre', { className: 'gherkin', text: r.scenario }));
    return dl;
  }

  function details(r) {
    var body = h('div', { className: 'rbody' });
    var kv = h('dl', { className: 'kv' });
    function row(k, v) { add(kv, h('div', null, h('dt', { text: k }), h('dd', null, v))); }
    row('verdict', [badge(r.verdict), r.expectation ? [' expected ', badge(r.expectation.status), ': ' + r.expectation.reason, r.expectation.issue ? [' (', /^https?:/.test(r.expectation.issue) ? h('a', { href: r.expectation.issue, rel: 'noopener noreferrer', text: r.expectation.issue }) : r.expectation.issue, ')'] : null] : null]);
    row('area', r.area);
    row('group types', r.types.length ? r.types.join(', ') : 'none');
    row('tags', r.tags.join(' '));
    row('source', h('code', { text: r.source.file + ':' + r.source.line }));
    if (r.detectedBy !== undefined) row('detected by', r.detectedBy.length === 0
      ? 'no broken implementation (suite-strength run)'
      : [h('strong', { className: 'detected', text: r.detectedBy.length + ' broken implementation' + (r.detectedBy.length === 1 ? '' : 's') }), ': ', r.detectedBy.join(', ')]);
    add(body, kv);

    add(body, h('h4', { text: 'Quoted sources' }));
    if (r.quotes.length === 0) add(body, h('p', { text: 'No quote.' }));
    r.quotes.forEach(function (q) {
      add(body, h('blockquote', { className: 'quote' },
        h('p', { text: '\u201c' + q.text + '\u201d' }),
        h('footer', null, '\u2014 ', h('cite', { text: q.source }), q.url ? [', ', h('a', { href: q.url, rel: 'noopener noreferrer', text: q.url })] : null)));
    });
    if (r.note) { add(body, h('h4', { text: r.ambiguous ? 'Reading taken (ambiguous)' : 'Note' })); add(body, note(r.note)); }

    add(body, h('h4', { text: 'Scenarios (' + r.scenarios.length + ')' }));
    if (r.scenarios.length === 0) add(body, h('p', { text: 'No scenario of this rule ran.' }));
    else {
      var tb = h('tbody');
      r.scenarios.forEach(function (s) {
        add(tb, h('tr', { className: 'scenario' }, h('td', null, badge(s.verdict)), h('td', { text: s.name }), h('td', null, h('code', { text: s.location })), h('td', { className: 'num', text: ms(s.durationMs) })));
        if (s.failure) add(tb, h('tr', { className: 'fail' }, h('td'), h('td', { colspan: '3' }, failure(s.failure))));
      });
      add(body, h('div', { className: 'scroll' }, h('table', { className: 'scen' }, h('thead', null, h('tr', null, h('th', { scope: 'col', text: 'verdict' }), h('th', { scope: 'col', text: 'scenario' }), h('th', { scope: 'col', text: 'location' }), h('th', { scope: 'col', className: 'num', text: 'time' }))), tb)));
    }
    if (r.properties.length > 0) {
      add(body, h('h4', { text: 'Properties' }));
      add(body, h('ul', null, r.properties.map(function (id) {
        var p = props[id];
        return h('li', null, p ? badge(p.verdict) : null, ' ', h('a', { href: '#prop-' + id, text: id }), p ? ': ' + p.title : '');
      })));
    }
    return body;
  }

  // the list
  var list = document.getElementById('rule-list');
  var items = rules.map(function (r) {
    var sum = h('summary', null, badge(r.verdict), h('code', { className: 'rid', text: r.id }), h('span', { className: 'rtitle', text: r.title }),
      h('span', { className: 'chip', text: r.area + ' \u00b7 ' + (r.types.join(', ') || 'no type') + (r.ambiguous ? ' \u00b7 ambiguous' : '') + (r.detectedBy && r.detectedBy.length ? ' \u00b7 caught ' + r.detectedBy.length + ' broken' : '') }));
    var det = h('details', null, sum);
    var built = false;
    det.addEventListener('toggle', function () { if (det.open && !built) { built = true; det.appendChild(details(r)); } });
    var li = h('li', { className: 'rule v-' + slug(r.verdict), id: 'rule-' + r.id, 'data-rule': r.id, 'data-verdict': r.verdict, 'data-area': r.area }, det);
    var hay = [r.id, r.title, r.note, r.area].concat(r.tags, r.quotes.map(function (q) { return q.text + ' ' + q.source; }),
      r.scenarios.map(function (s) { return s.name + ' ' + (s.failure ? s.failure.message : ''); })).join('\n').toLowerCase();
    return { rule: r, li: li, det: det, hay: hay };
  });
  items.forEach(function (it) { list.appendChild(it.li); });

  function fill(id, values, labels) {
    var sel = document.getElementById(id);
    values.forEach(function (v, i) { sel.appendChild(h('option', { value: v, text: labels ? labels[i] : v })); });
    return sel;
  }
  function uniq(xs) { return xs.filter(function (x, i) { return xs.indexOf(x) === i; }); }
  var areas = uniq(rules.map(function (r) { return r.area; })).sort();
  var types = uniq([].concat.apply([], rules.map(function (r) { return r.types; }))).sort(function (a, b) { return (TYPES.indexOf(a) + 1 || 99) - (TYPES.indexOf(b) + 1 || 99); });
  var present = VERDICTS.filter(function (v) { return rules.some(function (r) { return r.verdict === v; }); });
  var tags = uniq([].concat.apply([], rules.map(function (r) { return r.tags.filter(function (t) { return t.indexOf('@rule:') !== 0; }); }))).sort();
  function count(pred) { return rules.filter(pred).length; }
  var fArea = fill('f-area', areas, areas.map(function (a) { return a + ' (' + count(function (r) { return r.area === a; }) + ')'; }));
  var fType = fill('f-type', types, types.map(function (t) { return t + ' (' + count(function (r) { return r.types.indexOf(t) >= 0; }) + ')'; }));
  var fVerdict = fill('f-verdict', ['not as expected'].concat(present), ['not as expected (' + count(function (r) { return bad(r.verdict); }) + ')'].concat(present.map(function (v) { return v + ' (' + count(function (r) { return r.verdict === v; }) + ')'; })));
  var fTag = fill('f-tag', tags, tags.map(function (t) { return t + ' (' + count(function (r) { return r.tags.indexOf(t) >= 0; }) + ')'; }));
  var fText = document.getElementById('f-text');
  var counter = document.getElementById('rule-count');

  function apply() {
    var a = fArea.value, t = fType.value, v = fVerdict.value, g = fTag.value, q = fText.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (it) {
      var r = it.rule;
      var ok = (!a || r.area === a) && (!t || r.types.indexOf(t) >= 0) && (!g || r.tags.indexOf(g) >= 0) &&
        (!v || (v === 'not as expected' ? bad(r.verdict) : r.verdict === v)) && (!q || it.hay.indexOf(q) >= 0);
      it.li.hidden = !ok;
      if (ok) shown++;
    });
    counter.textContent = 'Showing ' + shown + ' of ' + rules.length + ' rules';
    counter.setAttribute('data-shown', String(shown));
  }
  [fArea, fType, fVerdict, fTag].forEach(function (s) { s.addEventListener('change', apply); });
  fText.addEventListener('input', apply);
  document.getElementById('f-reset').addEventListener('click', function () { fArea.value = fType.value = fVerdict.value = fTag.value = fText.value = ''; apply(); });
  document.getElementById('f-open').addEventListener('click', function () { items.forEach(function (it) { if (!it.li.hidden) it.det.open = true; }); });
  document.getElementById('f-close').addEventListener('click', function () { items.forEach(function (it) { it.det.open = false; }); });
  Array.prototype.forEach.call(document.querySelectorAll('a.area-link'), function (a) {
    a.addEventListener('click', function () { fArea.value = a.getAttribute('data-area'); apply(); });
  });

  // #rule-<id>: show that rule, opened
  function follow() {
    var m = /^#rule-(.+)$/.exec(decodeURIComponent(location.hash));
    if (!m) return;
    var it = items.filter(function (x) { return x.rule.id === m[1]; })[0];
    if (!it) return;
    if (it.li.hidden) { fArea.value = fType.value = fVerdict.value = fTag.value = fText.value = ''; apply(); }
    it.det.open = true;
    it.li.scrollIntoView();
    it.det.querySelector('summary').focus();
  }
  window.addEventListener('hashchange', follow);
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
  follow();
})();
`;

export function renderHtml(result: Conformance, options: HtmlOptions = {}): string {
  const grid = permissionGrid(result, options.outcomes);
  const data = scriptJson(embeddedData(result, options.dataBudget));
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = `groupspec: ${result.implementation.name}`;
  const t = result.totals;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="groupspec ${esc(result.configuration.groupspecVersion)}">
<title>${esc(title)}: ${t.passed} passed, ${notAsExpected(t)} not as expected</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#rules">Skip to the rules</a>
<header>
<h1>groupspec conformance: ${esc(result.implementation.name)}</h1>
<p class="meta">Target <code>${esc(result.configuration.target)}</code> · seed <code>${result.configuration.seed}</code> · ${esc(result.generatedAt)} · ${ms(result.durationMs)} · groupspec ${esc(result.configuration.groupspecVersion)}</p>
${result.complete ? '' : '<p class="warn" role="alert"><strong>Incomplete run</strong>: the run was interrupted; rules it did not reach have no scenarios.</p>'}
<nav aria-label="Sections"><ul><li><a href="#summary">Summary</a></li><li><a href="#rules">Rules</a></li><li><a href="#grid">Permission grid</a></li><li><a href="#properties">Properties</a></li><li><a href="#ambiguities">Ambiguities</a></li><li><a href="#run">Run</a></li></ul></nav>
</header>
<main>
${summarySection(result)}
<section id="rules" aria-labelledby="rules-h">
<h2 id="rules-h">Rules</h2>
<form class="filters" role="search" aria-label="Filter the rules">
<label for="f-area">Area<select id="f-area"><option value="">all areas</option></select></label>
<label for="f-type">Group type<select id="f-type"><option value="">all types</option></select></label>
<label for="f-verdict">Verdict<select id="f-verdict"><option value="">all verdicts</option></select></label>
<label for="f-tag">Tag<select id="f-tag"><option value="">all tags</option></select></label>
<label for="f-text">Search<input type="search" id="f-text" placeholder="ID, title, quote, scenario, message"></label>
<button type="button" id="f-reset">Reset</button>
<button type="button" id="f-open">Expand shown</button>
<button type="button" id="f-close">Collapse all</button>
</form>
<p id="rule-count" role="status" aria-live="polite">${result.rules.length} rules</p>
<noscript><p>The rule list is built by this page's inline script; with scripts off, read summary.md or conformance.json beside this file.</p></noscript>
<ul class="rules" id="rule-list"></ul>
</section>
${gridSection(grid)}
${propertiesSection(result)}
${ambiguitiesSection(result)}
${runSection(result)}
</main>
<footer>Generated by groupspec from conformance.json (schema ${esc(result.schema)}). This page is self-contained: it loads nothing.</footer>
<script type="application/json" id="groupspec-data">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
