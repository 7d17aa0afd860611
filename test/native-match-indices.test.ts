/**
 * bin/native-match-indices.js gives cucumber's step matching its group positions from Node's
 * native match indices instead of the regexp-match-indices polyfill: the same result, cheaper.
 * Checked against the polyfill on every step pattern of steps/ and every step text of the features,
 * and on the regexp features the patterns do not use yet (named, nested, optional groups, lookbehind,
 * backreferences, global and sticky patterns).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const load = createRequire(join(ROOT, 'bin', 'native-match-indices.js'));
const native = load('./native-match-indices.js') as { execWithIndices(r: RegExp, s: string): RegExpExecArray | null; useNativeMatchIndices(): boolean };
const expressions = dirname(load.resolve('@cucumber/cucumber-expressions', { paths: [dirname(load.resolve('@cucumber/cucumber/package.json'))] }));
const polyfillDir = dirname(load.resolve('regexp-match-indices', { paths: [expressions] }));
// what the polyfill runs on this Node: its fallback (required by path: the package's own entry may be the native one)
const implementation = load(join(polyfillDir, 'implementation.js')) as (this: RegExp, s: string) => RegExpExecArray | null;
const polyfill = (r: RegExp, s: string) => implementation.call(r, s);

const shown = (m: RegExpExecArray | null) =>
  m === null ? null : { values: [...m], index: m.index, groups: m.groups, indices: [...m.indices!], indexGroups: m.indices!.groups };

/** Every group's indices frame its value in the text (ECMAScript's definition of match indices). */
function consistent(m: RegExpExecArray | null): boolean {
  if (m === null) return true;
  return [...m].every((v, i) => (v === undefined ? m.indices![i] === undefined : m.input.slice(m.indices![i]![0], m.indices![i]![1]) === v));
}

describe('native match indices', () => {
  it("are what the polyfill falls back from: its probe for native support misses Node's d flag", () => {
    expect(/a/d.exec('a')!.indices).toBeDefined();
    const getPolyfill = load(join(polyfillDir, 'polyfill.js')) as () => unknown;
    expect(getPolyfill()).toBe(implementation);
  });

  it('give every step pattern of steps/ the same groups and positions as the polyfill, on every step of the features', () => {
    const r = spawnSync(process.execPath, ['-r', './runner/register-ts.js', 'test/support/match-indices.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { patterns: number; texts: number; matched: number; unmatched: string[]; differences: unknown[]; differenceCount: number };
    expect(out.differences).toEqual([]);
    expect(out.differenceCount).toBe(0);
    // the comparison covered the suite: many patterns, every step text matched by some pattern
    expect(out.patterns).toBeGreaterThan(100);
    expect(out.texts).toBeGreaterThan(1000);
    expect(out.unmatched).toEqual([]);
    expect(out.matched).toBeGreaterThanOrEqual(out.texts);
  });

  it.each<[RegExp, string[]]>([
    [/^(a)(?:b(c)?)?(?<last>d)?$/, ['a', 'abc', 'ab', 'abcd', 'ad', 'x']],
    [/(?<=x)(\d+)-((\d+)|none)/, ['x12-34', 'y12-34', 'x1-none']],
    [/(["'])(.*?)\1 and (\w+)/, ['"one" and two', "'x' and y", '"no\' and z']],
    [/^"([^"\\]*(\\.[^"\\]*)*)"$/, ['"plain"', '"one \\a two \\b"', 'none']],
    [/(a+)(b)?/g, ['aab ab a', '']],
    [/(a)(b)?/y, ['abab', 'xab']],
  ])('give %s the positions of its values, the polyfill\'s wherever those are right', (pattern, texts) => {
    for (const text of texts) {
      const a = new RegExp(pattern.source, pattern.flags);
      const b = new RegExp(pattern.source, pattern.flags);
      // a global or sticky pattern advances lastIndex: run each several times from where the last left off
      for (let i = 0; i < 3; i++) {
        const mine = native.execWithIndices(a, text);
        const theirs = polyfill(b, text);
        expect(a.lastIndex).toBe(b.lastIndex);
        expect(consistent(mine)).toBe(true);
        // the polyfill measures a group repeated by a quantifier at its first repetition while the
        // value is the last one's (the escaped-quote group of cucumber's {string}, with two escapes):
        // there the native positions are the right ones; no step text of the suite has such a match
        if (consistent(theirs)) expect(shown(mine)).toEqual(shown(theirs));
        else expect(shown(mine)!.values).toEqual(shown(theirs)!.values);
      }
    }
  });

  it('differ from the polyfill where the polyfill is wrong: a repeated group', () => {
    const text = '"one \\a two \\b"';
    const pattern = /^"([^"\\]*(\\.[^"\\]*)*)"$/;
    expect(consistent(polyfill(pattern, text))).toBe(false);
    expect(native.execWithIndices(pattern, text)!.indices![2]).toEqual([text.lastIndexOf('\\'), text.lastIndexOf('\\') + 2]);
  });

  it('replace TreeRegexp.prototype.match of the cucumber-expressions cucumber loads (a new version of it would keep the polyfill)', () => {
    expect(native.useNativeMatchIndices()).toBe(true);
  });
});
