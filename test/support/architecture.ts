/**
 * The plan of the source, read from the code: which part imports which. It draws the picture in
 * docs/architecture.md (between the generated-block markers) and gives test/architecture.test.ts
 * what it checks: no import circle between files, no import against the declared layer order, no
 * source file over 400 lines.
 *
 *   npm run docs:architecture          rewrite the generated block of docs/architecture.md
 *   npm run docs:architecture -- --check   exit 1 if the block is out of date
 *
 * Imports are read with TypeScript's own pre-processor (`ts.preProcessFile`): static imports and
 * re-exports, type-only ones included, `require('...')` and `import('...')`. Only relative
 * specifiers are project imports; packages are not drawn.
 *
 * Everything below `main` is pure (a graph in, a graph or text out), so the test can hand it a
 * planted violation.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/** The folders whose source is drawn and checked (tests excluded). */
export const SOURCE_FOLDERS = ['simulator', 'adapters', 'servers', 'matchers', 'steps', 'properties', 'catalogue', 'selftest', 'runner', 'bin', 'bench', 'examples'];

/**
 * The declared layer order, bottom to top: each part (a box of the picture) with the parts it may
 * import. A file belongs to the longest part that is a prefix of its path. A part not listed may
 * import nothing of the project (and the test says so).
 */
export const LAYERS: ReadonlyArray<readonly [part: string, mayImport: readonly string[]]> = [
  // the simulator: a pure core, the shell's Service above it, the SDK-shaped surfaces above that
  ['simulator/core', []],
  ['simulator/shell', ['simulator/core']],
  ['simulator/sdk', ['simulator/shell', 'simulator/core']],
  ['simulator/sdk/drop-in', ['simulator/sdk', 'simulator/shell', 'simulator/core']],
  ['simulator', ['simulator/sdk/drop-in', 'simulator/sdk', 'simulator/shell', 'simulator/core']],
  // the contract every implementation meets, and the implementations a user picks
  ['adapters/contract', []],
  ['adapters/wire', ['adapters/contract', 'simulator/core']],
  ['adapters', ['adapters/wire', 'adapters/contract', 'simulator', 'simulator/sdk/drop-in', 'simulator/sdk', 'simulator/shell', 'simulator/core']],
  // the live adapter records the events the embedded one does (RECORDED_EVENTS of adapters/simulator.ts);
  // against the REST emulator its users run on the SDK shape over the wire client (GROUPSPEC_TENCENT_SDK_URL)
  ['adapters/tencent-cloud', ['adapters', 'adapters/wire', 'adapters/contract', 'simulator/sdk', 'simulator/core']],
  ['adapters/examples', ['adapters', 'adapters/contract', 'simulator', 'simulator/core']],
  // every HTTP server, on one shared base
  ['servers/http', ['simulator/core']],
  ['servers/wire', ['servers/http', 'adapters', 'adapters/contract', 'simulator', 'simulator/sdk', 'simulator/shell', 'simulator/core']],
  // servers/rest/tencent-drop-in.ts runs the live adapter on an in-process emulator, its users on the drop-in
  ['servers/rest', ['servers/wire', 'servers/http', 'adapters/tencent-cloud', 'adapters', 'adapters/contract', 'simulator', 'simulator/sdk/drop-in', 'simulator/sdk', 'simulator/shell', 'simulator/core']],
  // the suite: reads an implementation only through the contract
  ['matchers', ['adapters/contract', 'simulator/core']],
  ['catalogue', ['simulator/core']],
  ['steps', ['matchers', 'catalogue', 'adapters', 'adapters/contract', 'simulator/core']],
  ['properties', ['matchers', 'adapters', 'adapters/contract', 'simulator', 'simulator/sdk/drop-in', 'simulator/sdk', 'simulator/shell', 'simulator/core']],
  // the gate: the result model at its bottom, the HTML report above it
  ['runner/model', []],
  ['runner/html', ['runner/model', 'catalogue']],
  ['runner', ['runner/model', 'runner/html', 'steps', 'properties', 'catalogue', 'servers/rest', 'servers/wire', 'servers/http', 'adapters', 'adapters/contract', 'matchers', 'simulator', 'simulator/core']],
  // the suite's self-test runs the features as the gate does (through runner/messages.ts)
  ['selftest/broken', ['adapters', 'adapters/contract', 'simulator/core']],
  ['selftest/mutation', ['runner', 'catalogue', 'simulator/core']],
  ['selftest', ['selftest/broken', 'runner', 'catalogue', 'adapters', 'adapters/contract']],
  // on top: what a user runs or reads
  ['examples', ['simulator', 'simulator/sdk', 'simulator/sdk/drop-in', 'adapters', 'adapters/contract', 'servers/wire', 'servers/rest']],
  ['bench', ['selftest/broken', 'properties', 'matchers', 'servers/wire', 'servers/http', 'adapters', 'adapters/wire', 'adapters/contract', 'simulator', 'simulator/sdk', 'simulator/shell', 'simulator/core']],
  ['bin', ['runner']],
];

/**
 * Source files over the limit whose split another issue owns. The test passes with them; the lead
 * removes an entry as its split lands (and the test fails if a listed file is no longer over).
 */
export const OVER_LIMIT_ALLOWED: Record<string, string> = {
};

export const LINE_LIMIT = 400;

export const BEGIN = '<!-- architecture:begin (generated by `npm run docs:architecture`; do not edit by hand) -->';
export const END = '<!-- architecture:end -->';

// ---- reading (pure) ----

/** The module specifiers a source imports: imports and re-exports (type-only too), require() and import(). */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const EXTENSIONS = ['.ts', '.js', '/index.ts', '/index.js'];

/** The project file a relative specifier names, from the set of files there are; undefined for a package. */
export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (files.has(base)) return base;
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return base + ext;
  return undefined;
}

/** File -> the project files it imports. */
export type Graph = Map<string, Set<string>>;

export function fileGraph(sources: ReadonlyMap<string, string>, allFiles: ReadonlySet<string> = new Set(sources.keys())): Graph {
  const g: Graph = new Map();
  for (const [file, source] of sources) {
    const to = new Set<string>();
    for (const spec of importsOf(source)) {
      const target = resolveSpecifier(file, spec, allFiles);
      if (target !== undefined && target !== file) to.add(target);
    }
    g.set(file, to);
  }
  return g;
}

/** The part a file belongs to: the longest declared part that is a folder prefix of its path, else its top folder. */
export function partOf(file: string, parts: readonly string[]): string {
  let best: string | undefined;
  for (const p of parts) if (file.startsWith(`${p}/`) && (best === undefined || p.length > best.length)) best = p;
  return best ?? file.split('/')[0]!;
}

/** Part -> the other parts it imports, with one file import that shows each edge. */
export function partGraph(files: Graph, parts: readonly string[]): Map<string, Map<string, string>> {
  const g = new Map<string, Map<string, string>>();
  for (const [from, tos] of files) {
    const a = partOf(from, parts);
    if (!g.has(a)) g.set(a, new Map());
    for (const to of tos) {
      const b = partOf(to, parts);
      if (a !== b && !g.get(a)!.has(b)) g.get(a)!.set(b, `${from} -> ${to}`);
    }
  }
  return new Map([...g].sort(([a], [b]) => a.localeCompare(b)));
}

/** The import circles: every strongly connected set of more than one file (Tarjan), each sorted. */
export function circles(g: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...g.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** Part imports the layer table does not allow, each with a file import that shows it. */
export function layerViolations(parts: Map<string, Map<string, string>>, layers: typeof LAYERS): string[] {
  const allowed = new Map(layers.map(([p, may]) => [p, new Set(may)]));
  const out: string[] = [];
  for (const [from, tos] of parts) {
    for (const [to, example] of tos) {
      if (!(allowed.get(from)?.has(to) ?? false)) out.push(`${from} may not import ${to} (${example})`);
    }
  }
  return out;
}

/** Declared parts that may import a part declared after them (the table must list bottom to top). */
export function layerOrderProblems(layers: typeof LAYERS): string[] {
  const rank = new Map(layers.map(([p], i) => [p, i]));
  const out: string[] = [];
  for (const [p, may] of layers) {
    for (const q of may) {
      if (!rank.has(q)) out.push(`${p} may import ${q}, which the table does not declare`);
      else if (rank.get(q)! >= rank.get(p)!) out.push(`${p} may import ${q}, which is not below it`);
    }
  }
  return out;
}

/** Source files over the line limit that are not allowed to be (and allowed ones that no longer are). */
export function lineViolations(lines: ReadonlyMap<string, number>, limit: number, allowed: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, n] of lines) if (n > limit && !(file in allowed)) out.push(`${file} has ${n} lines (limit ${limit})`);
  for (const file of Object.keys(allowed)) if ((lines.get(file) ?? 0) <= limit) out.push(`${file} is allowed over ${limit} lines but is not: remove it from OVER_LIMIT_ALLOWED`);
  return out;
}

// ---- drawing (pure) ----

const id = (part: string): string => part.replace(/[^A-Za-z0-9]/g, '_');

/** The generated block: a Mermaid flowchart (folders as boxes, imports as arrows) and the same as a table. */
export function renderBlock(parts: Map<string, Map<string, string>>, layers: typeof LAYERS): string {
  const order = layers.map(([p]) => p);
  const known = [...new Set([...order.filter((p) => parts.has(p) || [...parts.values()].some((t) => t.has(p))), ...parts.keys()])];
  const groups = new Map<string, string[]>();
  for (const p of known) {
    const top = p.split('/')[0]!;
    groups.set(top, [...(groups.get(top) ?? []), p]);
  }
  const lines = ['```mermaid', 'flowchart BT'];
  for (const [top, members] of groups) {
    if (members.length === 1 && members[0] === top) lines.push(`  ${id(top)}["${top}"]`);
    else {
      lines.push(`  subgraph ${id(top)}_box["${top}/"]`);
      for (const m of members) lines.push(`    ${id(m)}["${m === top ? `${top} (top-level files)` : m}"]`);
      lines.push('  end');
    }
  }
  for (const [from, tos] of parts) for (const to of [...tos.keys()].sort()) lines.push(`  ${id(from)} --> ${id(to)}`);
  lines.push('```', '', '| part | imports | may import (the declared layer order) |', '| --- | --- | --- |');
  const may = new Map(layers.map(([p, m]) => [p, m]));
  const list = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort().join(', ') || '(nothing of the project)';
  for (const p of known) lines.push(`| ${p} | ${list([...(parts.get(p)?.keys() ?? [])])} | ${list(may.get(p))} |`);
  return lines.join('\n');
}

/** The document with its generated block replaced. */
export function withBlock(doc: string, block: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/architecture.md has no ${BEGIN} ... ${END} block`);
  return `${doc.slice(0, a + BEGIN.length)}\n${block}\n${doc.slice(b)}`;
}

// ---- the project (reads files) ----

export const ROOT = resolve(__dirname, '../..');
const isSource = (f: string): boolean => /\.(ts|js)$/.test(f) && !/\.test\.(ts|js)$/.test(f) && !f.endsWith('.d.ts');

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

/** The project's source files (path relative to `root`, posix) and their text. */
export function readSources(root: string = ROOT, folders: readonly string[] = SOURCE_FOLDERS): Map<string, string> {
  const files: string[] = [];
  for (const f of folders) if (existsSync(join(root, f))) walk(join(root, f), files);
  return new Map(
    files
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter(isSource)
      .sort()
      .map((f) => [f, readFileSync(join(root, f), 'utf8')]),
  );
}

export interface Plan {
  files: Graph;
  parts: Map<string, Map<string, string>>;
  lines: Map<string, number>;
  block: string;
}

export function plan(sources: ReadonlyMap<string, string>, layers: typeof LAYERS = LAYERS): Plan {
  const files = fileGraph(sources);
  const parts = partGraph(files, layers.map(([p]) => p));
  const lines = new Map([...sources].map(([f, s]) => [f, s.split('\n').length - (s.endsWith('\n') ? 1 : 0)]));
  return { files, parts, lines, block: renderBlock(parts, layers) };
}

export const DOC = join(ROOT, 'docs/architecture.md');

function main(): void {
  const doc = readFileSync(DOC, 'utf8');
  const next = withBlock(doc, plan(readSources()).block);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      process.stderr.write(`${relative(process.cwd(), DOC)} is out of date: run npm run docs:architecture\n`);
      process.exitCode = 1;
    }
    return;
  }
  if (next !== doc) writeFileSync(DOC, next);
  process.stdout.write(`${relative(process.cwd(), DOC)} ${next === doc ? 'is up to date' : 'rewritten'}\n`);
}

if (require.main === module) main();

