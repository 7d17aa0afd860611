/**
 * index.html's traceability section: every normative sentence of the two primary pages beside the
 * rules that check it (linked, with this run's verdict, where the run covered them) and the
 * register entries that read it otherwise or leave it out. Static HTML from conformance.json's
 * `traceability`; absent from older results, so the section is then left out.
 */
import type { Conformance } from '../model';
import { badge, esc } from './markup';

export function traceabilitySection(r: Conformance): string {
  const rows = r.traceability;
  if (rows === undefined || rows.length === 0) return '';
  const verdicts = new Map(r.rules.map((x) => [x.id, x.verdict]));
  const anchors = new Map(r.ambiguities.map((a) => [a.anchor.split('-', 1)[0]!.toUpperCase(), a.anchor]));
  const rule = (id: string, byHand: readonly string[]) => {
    const v = verdicts.get(id);
    const mark = byHand.includes(id) ? ' <abbr title="named by hand in catalogue/sources/, not matched by a quote">†</abbr>' : '';
    return (v === undefined ? `<code>${esc(id)}</code>` : `<a href="#rule-${esc(id)}"><code>${esc(id)}</code></a> ${badge(v)}`) + mark;
  };
  const entry = (a: string) => (anchors.has(a) ? `<a href="#amb-${esc(anchors.get(a)!)}">${esc(a)}</a>` : esc(a));
  const covered = rows.filter((x) => x.rules.some((id) => verdicts.has(id))).length;
  const pages = [...new Set(rows.map((x) => x.page))];
  const tables = pages.map((page) => {
    const own = rows.filter((x) => x.page === page);
    const body = own
      .map((x) => {
        const unchecked = !x.rules.some((id) => verdicts.has(id));
        return `<tr${unchecked ? ' class="unchecked"' : ''}><th scope="row" id="trace-${esc(x.id)}">${esc(x.id)}</th><td>${esc(x.section)}</td><td><q>${esc(x.text)}</q></td><td>${x.rules.map((id) => rule(id, x.byHand)).join('<br>')}${unchecked ? ' <em>(no rule of this run)</em>' : ''}</td><td>${x.ambiguities.map(entry).join(', ')}</td></tr>`;
      })
      .join('\n');
    return `<h3>${esc(page)}</h3>
<p><a href="${esc(own[0]!.url)}">${esc(own[0]!.url)}</a></p>
<table class="trace"><thead><tr><th scope="col">ID</th><th scope="col">Section</th><th scope="col">Sentence</th><th scope="col">Rules</th><th scope="col">Register</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
  });
  return `<section id="traceability" aria-labelledby="trace-h">
<h2 id="trace-h">Traceability</h2>
<p>Every normative sentence of the two primary pages (docs/traceability.md): ${rows.length} sentences, ${covered} checked by rules of this run.</p>
${tables.join('\n')}
</section>`;
}
