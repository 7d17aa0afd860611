/**
 * Every fenced code block of README.md, CONTRIBUTING.md and docs/*.md is checked (issue 19 item 8),
 * against the source in this checkout (no build): the package's `exports` are mapped to the
 * TypeScript they are built from, so a block importing a subpath the package does not export fails.
 * - ts/js blocks: one tsc over all of them (strict, as a user's project), then one vitest run over
 *   all of them. A block that calls `it(` is a test file itself; any other block is a module a
 *   generated test imports (a `module.exports` block is a .cjs file, required). A relative import
 *   (`./adapters/wire/client`) is a path in a checkout, resolved from the repository root.
 * - shell blocks: every `npm run X` names a script of package.json, and every `groupspec …`
 *   (`npx groupspec`, `node bin/groupspec.js`, `npm run conformance --`) names a subcommand and
 *   flags that its `--help` lists.
 * - gherkin blocks parse and every step matches a step definition (cucumber-js --dry-run).
 * - json blocks parse.
 * A block that cannot run by design carries `<!-- not-run: reason -->` on the line before it: it
 * is still type-checked, not run. `<!-- not-compiled: reason -->` (an excerpt or skeleton) is
 * neither. Both are listed below, with their reasons, so a new marker is a reviewed change.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCodeBlocks, type CodeBlock } from './support/code-blocks';

const REPO = resolve(__dirname, '..');
const TIMEOUT = 300_000;
const BLOCKS = allCodeBlocks(REPO);
const where = (b: CodeBlock) => `${b.file}:${b.line}`;

/**
 * The blocks that are not run, and why, by file (the markers in the Markdown must say exactly
 * this; by file, not line, so an edit above a block does not move its entry).
 */
const NOT_RUN = [
  'docs/drop-in.md: a line of a test file: vitest hoists vi.mock only in the test file itself',
  'docs/protocol.md: needs a wire-protocol server on 127.0.0.1:8642 (groupspec serve)',
  'docs/rest-emulator.md: needs the REST emulator on BASE (groupspec serve --rest)',
];
const NOT_COMPILED = ['docs/adapters.md: a skeleton: the comment stands for the four members an Implementation has'];

const CODE = new Set(['ts', 'typescript', 'js', 'javascript']);
const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
const code = BLOCKS.filter((b) => CODE.has(b.lang) && b.notCompiled === undefined);

/** The package's exports as source files: 'groupspec/chat' -> simulator/sdk/drop-in/index.ts. */
function exportedSources(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; exports: Record<string, string | { default: string }> };
  const out: Record<string, string> = {};
  for (const [key, target] of Object.entries(pkg.exports)) {
    const built = typeof target === 'string' ? target : target.default;
    if (!built.startsWith('./dist/')) continue;
    out[key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`] = join(REPO, built.slice('./dist/'.length).replace(/\.js$/, '.ts'));
  }
  return out;
}

interface Written {
  block: CodeBlock;
  file: string;
}
let dir = '';
let written: Written[] = [];

function run(command: string, args: string[]) {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV')), NO_COLOR: '1', FORCE_COLOR: '0' };
  const r = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', timeout: TIMEOUT });
  if (r.error) throw r.error;
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'groupspec-doc-blocks-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'doc-blocks', private: true, type: 'module' }));
  written = code.map((block, i) => {
    const cjs = /\bmodule\.exports\b|\brequire\(/.test(block.code);
    const test = /^\s*(it|test|describe)\(/m.test(block.code);
    const ext = cjs ? 'cjs' : block.lang.startsWith('j') ? 'js' : 'ts';
    const file = `b${i}${test ? '.test' : ''}.${ext}`;
    let text = block.code.replace(/(from\s+|import\()(['"])\.\//g, `$1$2${REPO}/`);
    // a block without import or export is a script: give it its own scope, as its own file would have
    if (!cjs && !/^\s*(import|export)\s/m.test(text)) text += 'export {};\n';
    writeFileSync(join(dir, file), text);
    return { block, file };
  });
  const sources = exportedSources();
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      lib: ['ES2022', 'DOM'],
      module: 'preserve',
      moduleResolution: 'bundler',
      esModuleInterop: true,
      allowJs: true,
      // a JavaScript block is parsed, not held to strict types: its readers write no annotations
      checkJs: false,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      paths: Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, [v]])),
    },
    files: written.map((w) => w.file),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const runners = written.filter((w) => !w.file.includes('.test.') && w.block.notRun === undefined);
  for (const w of runners) {
    const load = w.file.endsWith('.cjs') ? `createRequire(import.meta.url)('./${w.file}');` : `await import('./${w.file}');`;
    writeFileSync(
      join(dir, `${w.file.replace(/\.\w+$/, '')}.run.test.ts`),
      `import { createRequire } from 'node:module';\nimport { it } from 'vitest';\nit(${JSON.stringify(`${where(w.block)} runs`)}, async () => {\n  ${load}\n});\n`,
    );
  }
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { resolve: { alias: ${JSON.stringify(Object.entries(sources).map(([find, replacement]) => ({ find: new RegExp(`^${find}$`).source, replacement })))}.map((a) => ({ find: new RegExp(a.find), replacement: a.replacement })) }, test: { include: ['*.test.ts'], testTimeout: 60000 } };\n`,
  );
}, TIMEOUT);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the code blocks of README.md, CONTRIBUTING.md and docs/*.md', () => {
  it('are found (the extraction works)', () => {
    expect(BLOCKS.filter((b) => b.file === 'README.md' && b.lang === 'ts').length).toBeGreaterThanOrEqual(3);
    expect(code.length).toBeGreaterThanOrEqual(10);
  });

  it('that are not run or not compiled say why, and are exactly the reviewed list', () => {
    const marked = (pick: (b: CodeBlock) => string | undefined) => BLOCKS.flatMap((b) => (pick(b) === undefined ? [] : [`${b.file}: ${pick(b)!}`])).sort();
    expect(marked((b) => b.notRun)).toEqual(NOT_RUN);
    expect(marked((b) => b.notCompiled)).toEqual(NOT_COMPILED);
    for (const b of BLOCKS.filter((x) => x.notRun !== undefined || x.notCompiled !== undefined)) expect(CODE.has(b.lang), `${where(b)} is ${b.lang}`).toBe(true);
  });

  it('in TypeScript and JavaScript type-check under strict: one tsc over all of them', () => {
    const r = run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    // errors in the blocks only: the sources they import are checked by the project's own tsconfig
    const errors = r.out.split('\n').filter((l) => /^b\d+[.\w]*\(\d+,\d+\): error/.test(l));
    const named = errors.map((l) => {
      const w = written.find((x) => l.startsWith(`${x.file}(`))!;
      const [, line] = /\((\d+),/.exec(l)!;
      return `${w.block.file}:${w.block.line + Number(line)}: ${l.slice(l.indexOf('error'))}`;
    });
    expect(named, r.out).toEqual([]);
    // and tsc really ran: no configuration error (TS5xxx, TS6xxx) hides the blocks' errors
    expect(r.out).not.toMatch(/error TS[56]\d{3}/);
  }, TIMEOUT);

  it('in TypeScript and JavaScript run: one vitest over all of them', () => {
    const r = run(process.execPath, [join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')]);
    expect(r.status, r.out).toBe(0);
    const expected = written.filter((w) => w.block.notRun === undefined).length;
    const [, files] = /Test Files\s+(\d+) passed/.exec(r.out) ?? [];
    expect(Number(files), r.out).toBe(expected);
  }, TIMEOUT);

  it("in Gherkin parse, and every step matches one of the suite's step definitions (cucumber-js --dry-run)", () => {
    const gherkin = BLOCKS.filter((b) => b.lang === 'gherkin');
    const files = gherkin.map((b, i) => {
      // an excerpt that starts at a Rule gets a Feature line to stand in
      const text = /^\s*(@\S+\s+)*Feature:/.test(b.code) ? b.code : `Feature: ${where(b)}\n${b.code}`;
      const file = join(dir, `g${i}.feature`);
      writeFileSync(file, text);
      return file;
    });
    const cucumber = join(REPO, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber-js');
    const r = spawnSync(process.execPath, [cucumber, ...files, '--dry-run', '--format', 'summary'], { cwd: REPO, encoding: 'utf8', timeout: TIMEOUT });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status, out).toBe(0);
    // a dry run exits 0 even with undefined steps: every step must be defined (shown as skipped)
    const [, steps, how] = /(\d+) steps? \(([^)]*)\)/.exec(out) ?? [];
    expect(Number(steps), out).toBeGreaterThan(0);
    expect(how, out).toBe(`${steps} skipped`);
  }, TIMEOUT);

  it('in JSON parse', () => {
    for (const b of BLOCKS.filter((x) => x.lang === 'json')) expect(() => JSON.parse(b.code), where(b)).not.toThrow();
  });

  it('in shell name real npm scripts, groupspec subcommands and their flags', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const help = new Map<string, Set<string>>();
    // `serve --rest` has its own options (serve --rest --help)
    const flagsOf = (command: string[]) => {
      const key = command.join(' ');
      if (!help.has(key)) {
        const r = spawnSync(process.execPath, [join(REPO, 'bin', 'groupspec.js'), ...command, '--help'], { cwd: REPO, encoding: 'utf8', timeout: TIMEOUT });
        expect(r.status, `groupspec ${key} --help: ${r.stdout}${r.stderr}`).toBe(0);
        help.set(key, new Set(['--help', ...(r.stdout.match(/--[a-z][a-z-]*/g) ?? [])]));
      }
      return help.get(key)!;
    };
    const problems: string[] = [];
    let checked = 0;
    for (const b of BLOCKS.filter((x) => SHELL.has(x.lang))) {
      const lines = b.code.replace(/\\\n/g, ' ').split('\n');
      for (const line of lines) {
        for (const part of line.replace(/\s#.*$/, '').split(/&&|\|\||;/)) {
          const words = part.trim().split(/\s+/).filter((w) => w !== '');
          while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) words.shift();
          if (words.length === 0 || words[0]!.startsWith('#')) continue;
          let rest: string[] | undefined;
          if (words[0] === 'npm' && words[1] === 'run') {
            checked++;
            if (!(words[2]! in pkg.scripts)) problems.push(`${where(b)}: npm run ${words[2]}: no such script`);
            if (words[2] === 'conformance') rest = ['run', ...words.slice(words.indexOf('--') >= 0 ? words.indexOf('--') + 1 : words.length)];
          } else if (words[0] === 'npx' && words[1] === 'groupspec') rest = words.slice(2);
          else if (words[0] === 'node' && words[1] === 'bin/groupspec.js') rest = words.slice(2);
          else if (words[0] === 'groupspec') rest = words.slice(1);
          if (rest === undefined) continue;
          checked++;
          const sub = rest[0] ?? '';
          if (!['run', 'serve', 'report', 'merge'].includes(sub)) {
            if (!['--help', '--version'].includes(sub)) problems.push(`${where(b)}: groupspec ${sub}: no such subcommand`);
            continue;
          }
          const known = flagsOf(sub === 'serve' && rest.includes('--rest') ? ['serve', '--rest'] : [sub]);
          for (const flag of rest.slice(1).filter((w) => w.startsWith('--'))) {
            const name = flag.split('=')[0]!;
            if (!known.has(name)) problems.push(`${where(b)}: groupspec ${sub} ${name}: not an option of ${sub} --help`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  }, TIMEOUT);
});
