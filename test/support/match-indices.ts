/**
 * Run as a child process by test/native-match-indices.test.ts (it loads the step definitions, as
 * cucumber does, through cucumber's own API):
 *   node -r ./runner/register-ts.js test/support/match-indices.ts
 * Matches every step pattern of steps/ against every step text of the features (outline rows
 * expanded), once through the regexp-match-indices polyfill that cucumber-expressions ships with and
 * once through bin/native-match-indices.js, and prints what differs as JSON: the groups (value,
 * start, end, nesting) TreeRegexp builds, and the raw match (values, index, indices, named groups).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { loadConfiguration, loadSupport } from '@cucumber/cucumber/api';
import { featureFiles } from '../../catalogue/catalogue';

interface GroupLike {
  value: string | undefined;
  start: number | undefined;
  end: number | undefined;
  children: GroupLike[] | undefined;
}
interface TreeRegexpLike {
  regexp: RegExp;
  groupBuilder: { build(m: RegExpExecArray, next: () => number): GroupLike };
  match(s: string): GroupLike | null;
}

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const native = require(join(ROOT, 'bin', 'native-match-indices.js')) as { execWithIndices(r: RegExp, s: string): RegExpExecArray | null; useNativeMatchIndices(): boolean };

function stepTexts(): string[] {
  const texts = new Set<string>();
  const newId = IdGenerator.incrementing();
  for (const path of featureFiles(join(ROOT, 'features'))) {
    const doc = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(readFileSync(path, 'utf8'));
    for (const pickle of compile(doc, path, newId)) for (const step of pickle.steps) texts.add(step.text);
  }
  return [...texts];
}

const groupText = (g: GroupLike | null): string => JSON.stringify(g, (k, v: unknown) => (k === 'children' && v === undefined ? null : v));
const execText = (m: RegExpExecArray | null): string =>
  m === null ? 'null' : JSON.stringify({ values: [...m], index: m.index, groups: m.groups ?? null, indices: m.indices === undefined ? 'missing' : [...m.indices], indexGroups: m.indices?.groups ?? null });

async function main(): Promise<void> {
  const { runConfiguration } = await loadConfiguration({}, { cwd: ROOT });
  const library = (await loadSupport(runConfiguration, { cwd: ROOT })) as unknown as { stepDefinitions: { pattern: string | RegExp; expression: { treeRegexp: TreeRegexpLike } }[] };
  if (!native.useNativeMatchIndices()) throw new Error('bin/native-match-indices.js did not apply to this cucumber-expressions');
  // the polyfill's fallback, which its probe picks on this Node (test/native-match-indices.test.ts checks that it does)
  const cucumberExpressions = dirname(require.resolve('@cucumber/cucumber-expressions', { paths: [dirname(require.resolve('@cucumber/cucumber/package.json'))] }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const implementation = require(join(dirname(require.resolve('regexp-match-indices', { paths: [cucumberExpressions] })), 'implementation.js')) as (this: RegExp, s: string) => RegExpExecArray | null;
  const polyfillExec = (r: RegExp, s: string) => implementation.call(r, s);
  /** TreeRegexp.match of cucumber-expressions 19 as shipped: the groups built from the polyfill's match. */
  const polyfilled = (tree: TreeRegexpLike, s: string): GroupLike | null => {
    const m = polyfillExec(tree.regexp, s);
    if (!m) return null;
    let i = 0;
    return tree.groupBuilder.build(m, () => i++);
  };
  const texts = stepTexts();
  const differences: unknown[] = [];
  let matched = 0;
  const unmatched = new Set(texts);
  for (const sd of library.stepDefinitions) {
    const tree = sd.expression.treeRegexp;
    for (const text of texts) {
      const before = groupText(polyfilled(tree, text));
      // what cucumber's step matching now calls
      const after = groupText(tree.match(text));
      const rawBefore = execText(polyfillExec(tree.regexp, text));
      const rawAfter = execText(native.execWithIndices(tree.regexp, text));
      if (before !== after || rawBefore !== rawAfter) differences.push({ pattern: String(sd.pattern), text, before, after, rawBefore, rawAfter });
      if (after !== 'null') {
        matched++;
        unmatched.delete(text);
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ patterns: library.stepDefinitions.length, texts: texts.length, matched, unmatched: [...unmatched], differences: differences.slice(0, 5), differenceCount: differences.length })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
