/**
 * catalogue/cache.ts keeps what is derived from the feature files (here the catalogue) on disk under a
 * hash of their texts: a cached catalogue is exactly the parsed one (undefined fields and shared rule objects included), and an
 * edited feature is parsed again, never read stale.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { featureFiles, readCatalogue } from '../../catalogue/catalogue';
import { permissionOutcomes } from '../../runner/html';

const ROOT = resolve(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'groupspec-catalogue-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the catalogue cache', () => {
  const cache = join(dir, 'cache');
  const features = join(dir, 'features');
  cpSync(join(ROOT, 'features', 'admin'), join(features, 'admin'), { recursive: true });
  cpSync(join(ROOT, 'features', 'join'), join(features, 'join'), { recursive: true });

  it('gives back exactly what parsing gives', () => {
    const parsed = readCatalogue(features, featureFiles(features), null);
    const first = readCatalogue(features, featureFiles(features), cache);
    expect(readdirSync(cache).filter((f) => f.startsWith('catalogue-'))).toHaveLength(1);
    const cached = readCatalogue(features, featureFiles(features), cache);
    expect(first).toStrictEqual(parsed);
    expect(cached).toStrictEqual(parsed);
    expect(cached).not.toBe(first);
    // the run's rule list is the features' rules, the same objects
    expect(cached.rules[0]).toBe(cached.features.find((f) => f.rules.length > 0)!.rules[0]);
    // what a JSON cache would lose (fields present as undefined) is there to lose: the comparison can fail
    expect(JSON.parse(JSON.stringify(parsed))).not.toStrictEqual(parsed);
  });

  it('parses an edited feature again, and keeps one file a root', () => {
    const file = featureFiles(features)[0]!;
    const text = readFileSync(file, 'utf8');
    const before = readCatalogue(features, featureFiles(features), cache);
    // the same length: only the text tells the change
    writeFileSync(file, text.replace(/Rule: (.)/, (_m, c: string) => `Rule: ${c === 'X' ? 'Y' : 'X'}`));
    const after = readCatalogue(features, featureFiles(features), cache);
    expect(after).toStrictEqual(readCatalogue(features, featureFiles(features), null));
    expect(after.rules[0]!.title).not.toBe(before.rules[0]!.title);
    expect(readdirSync(cache).filter((f) => f.startsWith('catalogue-'))).toHaveLength(1);
  });

  it("gives the report's permission grid exactly as derived", () => {
    const saved = process.env.GROUPSPEC_FEATURES_CACHE;
    try {
      process.env.GROUPSPEC_FEATURES_CACHE = 'off';
      const derived = permissionOutcomes(join(ROOT, 'features'));
      expect(Object.keys(derived).length).toBeGreaterThan(10);
      process.env.GROUPSPEC_FEATURES_CACHE = cache;
      expect(permissionOutcomes(join(ROOT, 'features'))).toStrictEqual(derived);
      expect(readdirSync(cache).filter((f) => f.startsWith('grid-'))).toHaveLength(1);
      expect(permissionOutcomes(join(ROOT, 'features'))).toStrictEqual(derived);
    } finally {
      if (saved === undefined) delete process.env.GROUPSPEC_FEATURES_CACHE;
      else process.env.GROUPSPEC_FEATURES_CACHE = saved;
    }
  });

  it('is skipped when it cannot be written', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file, not a directory');
    expect(readCatalogue(features, featureFiles(features), blocked)).toStrictEqual(readCatalogue(features, featureFiles(features), null));
  });
});
