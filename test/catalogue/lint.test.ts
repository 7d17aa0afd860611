import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, parseFeature, type Catalogue } from '../../catalogue/catalogue';
import { articleIssues, wrongArticle } from '../../catalogue/articles';
import { lintCatalogue } from '../../catalogue/lint';
import { stepIssues } from '../../catalogue/steps-check';

const GOOD = `@area:dismiss
Feature: Dismissing
  Source: Product "Group Management" (https://www.tencentcloud.com/document/product/1047/33530): "..."

  @rule:dismiss.work-group-cannot-be-dismissed @type:Work
  Rule: Nobody dismisses a Work group
    Quote: "A work group cannot be disbanded." (Web SDK, Group Management, https://trtc.io/document/48465)

    Scenario: The owner tries
      Given alice is logged in
      When alice dismisses "W"
      Then it fails with code 10007
`;

function catalogueOf(...files: Array<[string, string]>): Catalogue {
  const features = files.map(([path, text]) => parseFeature(text, path, path.split('/')[0]!));
  return { root: 'features', features, rules: features.flatMap((f) => f.rules) };
}
const kinds = (c: Catalogue, opts?: Parameters<typeof lintCatalogue>[1]) => lintCatalogue(c, opts).map((i) => i.kind);

describe('rule lint', () => {
  it('passes a well-formed feature', () => {
    expect(kinds(catalogueOf(['dismiss/a.feature', GOOD]), { ambiguityDoc: '### A26 dismiss-work-group-code\n' })).toEqual([]);
  });

  it.each([
    ['missing-rule-id', GOOD.replace('@rule:dismiss.work-group-cannot-be-dismissed ', '')],
    ['several-rule-ids', GOOD.replace('@type:Work', '@type:Work @rule:dismiss.other')],
    ['malformed-rule-id', GOOD.replace('dismiss.work-group-cannot-be-dismissed', 'dismiss.Work_Group')],
    ['rule-id-area-mismatch', GOOD.replace('dismiss.work-group-cannot-be-dismissed', 'join.work-group-cannot-be-dismissed')],
    ['missing-quote', GOOD.replace(/    Quote:.*\n/, '    Nobody may.\n')],
    ['quote-without-url', GOOD.replace(', https://trtc.io/document/48465)', ')')],
    ['missing-type-tag', GOOD.replace(' @type:Work', '')],
    ['unknown-type-tag', GOOD.replace('@type:Work', '@type:Private')],
    ['rule-without-scenario', GOOD.replace(/\n    Scenario:[\s\S]*$/, '\n')],
    ['scenario-without-outcome', GOOD.replace('      Then it fails with code 10007\n', '')],
    ['missing-area', GOOD.replace('@area:dismiss\n', '')],
    ['missing-source', GOOD.replace(/  Source:.*\n/, '')],
    ['ambiguous-without-link', GOOD.replace('@type:Work', '@type:Work @ambiguous')],
    ['parse-error', GOOD.replace('Feature:', 'Featur:')],
  ])('fails on a planted %s', (kind, text) => {
    expect(kinds(catalogueOf(['dismiss/a.feature', text]))).toContain(kind);
  });

  it('fails on a duplicate rule ID across files', () => {
    expect(kinds(catalogueOf(['dismiss/a.feature', GOOD], ['dismiss/b.feature', GOOD]))).toContain('duplicate-rule-id');
  });

  it('fails on a broken link into the ambiguity register', () => {
    const text = GOOD.replace('@type:Work', '@type:Work @ambiguous').replace('    Quote:', '    See docs/ambiguities.md#a99-nothing.\n    Quote:');
    expect(kinds(catalogueOf(['dismiss/a.feature', text]), { ambiguityDoc: '### A26 dismiss-work-group-code\n' })).toContain('broken-ambiguity-link');
  });

  it('fails on a reference to a rule that does not exist', () => {
    const issues = lintCatalogue(catalogueOf(['dismiss/a.feature', GOOD]), { references: { 'dismiss.no-such-rule': ['properties/x.ts'] } });
    expect(issues.map((i) => [i.kind, i.where])).toEqual([['unknown-rule-reference', 'properties/x.ts']]);
  });

  it('finds undefined and ambiguous steps with a cucumber dry run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'groupspec-lint-'));
    try {
      mkdirSync(join(dir, 'features'));
      mkdirSync(join(dir, 'support'));
      writeFileSync(join(dir, 'features', 'a.feature'), 'Feature: f\n  Scenario: s\n    Given a defined step\n    When an undefined step\n    Then a doubly defined step\n');
      const cucumber = require.resolve('@cucumber/cucumber');
      writeFileSync(
        join(dir, 'support', 'steps.js'),
        `const { Given } = require(${JSON.stringify(cucumber)});\nGiven('a defined step', () => {});\nGiven('a doubly defined step', () => {});\nGiven(/^a doubly defined step$/, () => {});\n`,
      );
      const issues = await stepIssues({ cwd: dir, paths: ['features/**/*.feature'], require: ['support/*.js'] });
      expect(issues.map((i) => [i.kind, i.message])).toEqual([
        ['undefined-step', 'no step definition matches "an undefined step"'],
        ['ambiguous-step', '2 step definitions match "a doubly defined step"'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('articles in rendered titles and steps (issue 19: "a AVChatRoom group")', () => {
  it('flags "a"/"A" before a capitalised vowel word, not "an" nor "a" before a consonant', () => {
    expect(wrongArticle('Dismissing, by role and type: owner may dismiss a AVChatRoom group')).toBe('a AVChatRoom group');
    expect(wrongArticle('A AVChatRoom group created without joinOption')).toBe('A AVChatRoom group creat');
    expect(wrongArticle('owner may dismiss an AVChatRoom group')).toBeUndefined();
    expect(wrongArticle('a Work group, a Community, a Meeting group, a member, an app admin')).toBeUndefined();
  });

  it('reads outlines as rendered: "a <type>" with an AVChatRoom row is flagged, "<article> <type>" is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'groupspec-articles-'));
    try {
      const outline = (title: string, step: string, table: string) => GOOD.replace(
        '    Scenario: The owner tries\n      Given alice is logged in\n      When alice dismisses "W"\n      Then it fails with code 10007\n',
        `    Scenario Outline: ${title}\n      Given alice has created ${step} group "G"\n      Then it succeeds\n\n      Examples:\n${table}`,
      );
      mkdirSync(join(dir, 'dismiss'));
      writeFileSync(join(dir, 'dismiss', 'bad.feature'), outline('The owner of a <type> group', 'a <type>', '        | type       |\n        | Public     |\n        | AVChatRoom |\n'));
      writeFileSync(join(dir, 'dismiss', 'good.feature'), outline('The owner of <article> <type> group', '<article> <type>', '        | article | type       |\n        | a       | Public     |\n        | an      | AVChatRoom |\n').replaceAll('dismiss.work-group-cannot-be-dismissed', 'dismiss.other'));
      const cat = loadCatalogue(dir);
      const issues = articleIssues(cat);
      expect(issues.map((i) => i.where)).toEqual(['features/dismiss/bad.feature:9', 'features/dismiss/bad.feature:9']);
      expect(issues.every((i) => i.kind === 'wrong-article')).toBe(true);
      expect(issues[0]!.message).toContain('"The owner of a AVChatRoom group"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds none in the suite\'s features', () => {
    expect(articleIssues(loadCatalogue(join(__dirname, '..', '..', 'features')))).toEqual([]);
  });
});
