/**
 * What a run plans before it runs, without parsing the features more often than it must: a run that
 * selects everything counts its scenarios from the catalogue (runner/selection.ts everyScenario), the
 * same scenarios by rule as cucumber's own plan; the catalogue is parsed again only when a feature
 * file changed.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/catalogue';
import { everyScenario, planScenarios } from '../runner/selection';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-plan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const byRule = (plan: readonly { ruleID: string | undefined }[]) => {
  const counts = new Map<string, number>();
  for (const p of plan) counts.set(p.ruleID ?? '(none)', (counts.get(p.ruleID ?? '(none)') ?? 0) + 1);
  return counts;
};

describe('the plan of a run of everything', () => {
  it("counts the same scenarios, rule by rule, as cucumber's own plan of the features", async () => {
    const catalogue = loadCatalogue(join(ROOT, 'features'));
    const counted = everyScenario(catalogue)!;
    const cucumber = await planScenarios(ROOT, catalogue.rules, undefined, undefined);
    expect(counted.length).toBeGreaterThan(1000);
    expect(counted.length).toBe(cucumber.length);
    expect(byRule(counted)).toEqual(byRule(cucumber));
  });

  it('counts outline rows one each and scenarios outside a rule, and leaves a feature that does not parse to cucumber', () => {
    const dir = join(tmp, 'counts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'a.feature'),
      [
        'Feature: counts',
        '  Scenario: loose',
        '    Given a step',
        '  @rule:a.one',
        '  Rule: one',
        '    Scenario Outline: rows <n>',
        '      Given a step <n>',
        '      Examples:',
        '        | n |',
        '        | 1 |',
        '        | 2 |',
        '    Scenario: plain',
        '      Given a step',
        '',
      ].join('\n'),
    );
    expect(everyScenario(loadCatalogue(dir))).toEqual([{ ruleID: undefined }, { ruleID: 'a.one' }, { ruleID: 'a.one' }, { ruleID: 'a.one' }]);
    writeFileSync(join(dir, 'b.feature'), 'Scenario: before any feature\n    Given a step\n');
    expect(everyScenario(loadCatalogue(dir))).toBeUndefined();
  });
});

describe('loadCatalogue', () => {
  it('parses the features again when one changed, and only then', () => {
    const dir = join(tmp, 'cache');
    mkdirSync(dir, { recursive: true });
    const feature = (title: string) => writeFileSync(join(dir, 'a.feature'), `Feature: f\n  @rule:a.one\n  Rule: ${title}\n    Scenario: s\n      Given a step\n`);
    feature('first');
    const first = loadCatalogue(dir);
    expect(loadCatalogue(dir)).toBe(first);
    feature('second, longer');
    const second = loadCatalogue(dir);
    expect(second).not.toBe(first);
    expect(second.rules[0]!.title).toBe('second, longer');
  });
});
