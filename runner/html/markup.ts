/** The page's static HTML sections, rendered from the result model and the view model. */
import { ACCEPTED, VERDICTS, totals, type Conformance, type Failure, type Verdict } from '../model';
import { visibleControls } from '../model/escape';
import { traceText } from '../model/trace-text';
import { MEANING, notAsExpected, type Grid } from './model';

// static HTML

export function esc(s: string): string {
  return visibleControls(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
export const slug = (v: string) => v.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
export const badge = (v: Verdict) => `<span class="badge v-${slug(v)}">${esc(v)}</span>`;
export const ms = (n: number) => (n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`);

export function summarySection(r: Conformance): string {
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

export function gridSection(grid: Grid): string {
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
  if (f.trace !== undefined) parts.push(`<dt>calls</dt><dd><details class="trace"><summary>${f.trace.calls.length} calls of the counterexample's run, newest last</summary><pre class="calls-text">${esc(traceText(f.trace))}</pre></details></dd>`);
  return `<dl class="failure">${parts.join('')}</dl>`;
}

export function propertiesSection(r: Conformance): string {
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

export function ambiguitiesSection(r: Conformance): string {
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

export function runSection(r: Conformance): string {
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
    row('complete', r.complete ? 'yes' : `<strong>no: ${esc(r.cause ?? 'the run was interrupted')}</strong>`),
    row('group types', caps.groupTypes.map(esc).join(', ') || '<em>none</em>'),
    row('SDK operations', `${caps.operations.length}: ${caps.operations.map(esc).join(', ')}`),
    row('admin operations', `${caps.adminOperations.length}: ${caps.adminOperations.map(esc).join(', ')}`),
    row('virtual clock', caps.clock ? 'yes' : 'no'),
    row('events', caps.events ? 'yes' : 'no'),
    row('limit overrides', caps.limitOverrides ? 'yes' : 'no'),
  ];
  return `<section id="run" aria-labelledby="run-h"><h2 id="run-h">Run and implementation</h2><dl class="kv">${rows.join('')}</dl></section>`;
}
