import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, parseFeature, type Catalogue } from '../../catalogue/catalogue';
import { ambiguityEntries, lintTraceability, renderTraceability, traceTable, type SourcePage } from '../../catalogue/traceability';
import { traceabilitySection } from '../../runner/html/traceability';

const FEATURE = `@area:dismiss
Feature: Dismissing
  Source: Web SDK (https://trtc.io/document/48465): "..."

  @rule:dismiss.work-group-cannot-be-dismissed @type:Work
  Rule: Nobody dismisses a Work group
    Quote: "A work group cannot be disbanded." (Web SDK, Group Management, https://trtc.io/document/48465)

    Scenario: The owner tries
      Given alice is logged in
      Then it fails with code 10007
`;
const REGISTER = '### A26 dismiss-work-group-code\n\n### A62 messaging-not-modelled\n';
const PAGE: SourcePage = {
  page: 'web-sdk',
  title: 'Web SDK, Group Management',
  urls: ['https://trtc.io/document/48465'],
  sentences: [
    { id: 'W01', section: 'Disbanding a Group', text: 'A work group cannot be disbanded.' },
    { id: 'W02', section: 'Creating a Group', text: 'the joinGroup API needs to be called to enable the messaging process.', ambiguities: ['A62'] },
    { id: 'W03', section: 'Feature Description', text: 'The group management feature allows disbanding a group.', rules: ['dismiss.work-group-cannot-be-dismissed'] },
  ],
};

function catalogueOf(text: string): Catalogue {
  const f = parseFeature(text, 'dismiss/a.feature', 'dismiss');
  return { root: 'features', features: [f], rules: f.rules };
}
const doc = (cat: Catalogue, pages: SourcePage[]) => renderTraceability(traceTable(cat, pages), ambiguityEntries(REGISTER));
const kinds = (cat: Catalogue, pages: SourcePage[], traceabilityDoc = doc(cat, pages)) =>
  lintTraceability(cat, { ambiguityDoc: REGISTER, traceabilityDoc, pages }).map((i) => i.kind);

describe('traceability table', () => {
  it('maps a sentence to the rules quoting it, and keeps hand-named rules and register entries', () => {
    const rows = traceTable(catalogueOf(FEATURE), [PAGE]);
    expect(rows.map((r) => [r.id, r.rules, r.byHand, r.ambiguities])).toEqual([
      ['W01', ['dismiss.work-group-cannot-be-dismissed'], [], []],
      ['W02', [], [], ['A62']],
      ['W03', ['dismiss.work-group-cannot-be-dismissed'], ['dismiss.work-group-cannot-be-dismissed'], []],
    ]);
  });

  it('passes a table where every sentence is accounted for and the doc is current', () => {
    expect(kinds(catalogueOf(FEATURE), [PAGE])).toEqual([]);
  });

  it.each([
    ['untraced-sentence', { ...PAGE, sentences: [...PAGE.sentences, { id: 'W04', section: 'x', text: 'Only group owners have the permission to transfer groups.' }] }, FEATURE],
    ['unknown-traced-rule', { ...PAGE, sentences: [...PAGE.sentences, { id: 'W04', section: 'x', text: 'Something else.', rules: ['dismiss.no-such-rule'] }] }, FEATURE],
    ['unknown-traced-ambiguity', { ...PAGE, sentences: [...PAGE.sentences, { id: 'W04', section: 'x', text: 'Something else.', ambiguities: ['A99'] }] }, FEATURE],
    ['duplicate-sentence-id', { ...PAGE, sentences: [...PAGE.sentences, { id: 'W01', section: 'x', text: 'Something else.', ambiguities: ['A62'] }] }, FEATURE],
    // the rule's quote is not the page's: the table misses the sentence it stands for
    ['stray-quote', PAGE, FEATURE.replace('A work group cannot be disbanded.', 'A meeting group can never be disbanded at all.')],
  ] as const)('fails on a planted %s', (kind, page, feature) => {
    expect(kinds(catalogueOf(feature), [page as SourcePage])).toContain(kind);
  });

  it('fails when the sentence a rule checked loses its rule', () => {
    const cat = catalogueOf(FEATURE.replace('A work group cannot be disbanded.', 'A work group is never disbanded by its members.'));
    expect(kinds(cat, [PAGE])).toContain('untraced-sentence');
  });

  it('fails when docs/traceability.md is stale or missing', () => {
    const cat = catalogueOf(FEATURE);
    expect(kinds(cat, [PAGE], doc(cat, [PAGE]).replace('W02', 'W2'))).toEqual(['stale-traceability']);
    expect(lintTraceability(cat, { ambiguityDoc: REGISTER, traceabilityDoc: undefined, pages: [PAGE] }).map((i) => i.kind)).toEqual(['stale-traceability']);
  });

  it("accounts for every sentence of the repository's pages, and docs/traceability.md is current", () => {
    const root = join(__dirname, '..', '..');
    const issues = lintTraceability(loadCatalogue(join(root, 'features')), {
      ambiguityDoc: readFileSync(join(root, 'docs', 'ambiguities.md'), 'utf8'),
      traceabilityDoc: readFileSync(join(root, 'docs', 'traceability.md'), 'utf8'),
    });
    expect(issues).toEqual([]);
  });
});

describe("index.html's traceability section", () => {
  it('links the rules the run covered, with their verdicts, marks sentences no rule of the run checks, and escapes the text', () => {
    const result = {
      rules: [{ id: 'dismiss.work-group-cannot-be-dismissed', verdict: 'failed' }],
      ambiguities: [{ anchor: 'a62-messaging-not-modelled', title: 'A62 messaging-not-modelled', reading: '' }],
      traceability: [
        { id: 'W01', page: 'Web SDK', url: 'https://trtc.io/document/48465', section: 'Disbanding', text: 'A work group <b>cannot</b> be disbanded.', rules: ['dismiss.work-group-cannot-be-dismissed'], byHand: [], ambiguities: [] },
        { id: 'W02', page: 'Web SDK', url: 'https://trtc.io/document/48465', section: 'Creating', text: 'messaging', rules: ['create.not-in-this-run'], byHand: ['create.not-in-this-run'], ambiguities: ['A62'] },
      ],
    } as unknown as Parameters<typeof traceabilitySection>[0];
    const html = traceabilitySection(result);
    expect(html).toContain('<a href="#rule-dismiss.work-group-cannot-be-dismissed"><code>dismiss.work-group-cannot-be-dismissed</code></a> <span class="badge v-failed">failed</span>');
    expect(html).toContain('&lt;b&gt;cannot&lt;/b&gt;');
    expect(html).toContain('<tr class="unchecked"><th scope="row" id="trace-W02">');
    expect(html).toContain('<a href="#amb-a62-messaging-not-modelled">A62</a>');
    expect(traceabilitySection({ ...result, traceability: undefined })).toBe('');
  });
});
