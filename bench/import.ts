/**
 * Import time of the package as an app gets it: the tarball `npm pack` makes, unpacked into a
 * scratch project's node_modules (its dependencies linked to this checkout's), and loaded by a
 * fresh `node` per sample, CommonJS (`require('groupspec')`) and ESM (`import('groupspec')`), the
 * drop-in entry (`groupspec/chat`) too when the package exports it. Beside them, in the same
 * rotation: node itself (an empty script), the floor of `require('zod')` (the package's one
 * runtime dependency of the simulator), and the first use after the import (`createSimulator()` +
 * `login` + `createGroup`), which is where zod is loaded now. Each child reports its own
 * wall and CPU time around the import, so the figures are not the process's start-up.
 *
 * Then, warm, in one process: a fresh `createSimulator()` + `login` + `createGroup`, µs (median).
 *
 *   node -r ./runner/register-ts.js bench/import.ts <out.json>
 * Knobs: BENCH_IMPORT_REPS (11), BENCH_IMPORT_NO_PACK=1 (reuse the last build's dist/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';

const ROOT = join(__dirname, '..');

export type ImportCase = 'node' | 'zod floor' | 'require' | 'import (ESM)' | 'require groupspec/chat' | 'require + first use';

export interface ImportResult {
  repetitions: number;
  /** per case: median wall ms and CPU ms of the import inside the child */
  median: Record<string, { wallMs: number; cpuMs: number }>;
  samples: Record<string, Array<{ wallMs: number; cpuMs: number }>>;
  /** modules loaded by `require('groupspec')` (node_modules ones separately) */
  modules: { own: number; dependencies: number };
  /** warm: createSimulator() + login + createGroup, µs (median of blocks) */
  freshSimulatorUs: number;
  totalMs: number;
}

/** What each child runs: `mark()` before, `done()` after; prints {wallMs, cpuMs}. */
const PRELUDE = `const __t = process.hrtime.bigint(); const __c = process.cpuUsage();
const done = () => { const c = process.cpuUsage(__c); process.stdout.write(JSON.stringify({ wallMs: Number(process.hrtime.bigint() - __t) / 1e6, cpuMs: (c.user + c.system) / 1000 })); };`;

const FIRST_USE = `const sim = g.createSimulator(); const chat = sim.login('alice'); chat.createGroup({ type: 'Public', name: 'g' }).then(done);`;

function cases(hasChat: boolean): Array<{ name: ImportCase; args: string[] }> {
  const cjs = (body: string) => ['-e', `${PRELUDE}\n${body}`];
  const out: Array<{ name: ImportCase; args: string[] }> = [
    { name: 'node', args: cjs('done();') },
    { name: 'zod floor', args: cjs(`require('zod'); done();`) },
    { name: 'require', args: cjs(`require('groupspec'); done();`) },
    { name: 'import (ESM)', args: ['--input-type=module', '-e', `${PRELUDE}\nawait import('groupspec'); done();`] },
    { name: 'require + first use', args: cjs(`const g = require('groupspec'); ${FIRST_USE}`) },
  ];
  if (hasChat) out.push({ name: 'require groupspec/chat', args: cjs(`require('groupspec/chat'); done();`) });
  return out;
}

/** Packs the package and unpacks it as node_modules/groupspec of a scratch project. */
function install(dir: string): { hasChat: boolean } {
  if (process.env.BENCH_IMPORT_NO_PACK !== '1') execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  // the same files `npm pack` puts in the tarball (prepack's build just ran, so skip it)
  const tgz = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  const pkg = join(dir, 'node_modules', 'groupspec');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, tgz), '-C', pkg, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; exports?: Record<string, unknown> };
  // the dependencies as npm would install them (same versions: this checkout's lockfile)
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') || name === 'groupspec') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  writeFileSync(join(dir, 'package.json'), '{"name":"scratch","private":true}\n');
  return { hasChat: manifest.exports?.['./chat'] !== undefined };
}

function child(dir: string, args: string[]): { wallMs: number; cpuMs: number } {
  const out = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(out) as { wallMs: number; cpuMs: number };
}

function countModules(dir: string): { own: number; dependencies: number } {
  const out = execFileSync(process.execPath, ['-e', `require('groupspec'); const k = Object.keys(require.cache); const own = k.filter((f) => f.includes('/node_modules/groupspec/')).length; process.stdout.write(JSON.stringify({ own, dependencies: k.length - own }));`], { cwd: dir, encoding: 'utf8' });
  return JSON.parse(out) as { own: number; dependencies: number };
}

async function freshSimulatorUs(): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSimulator } = require('../simulator') as typeof import('../simulator');
  const once = async () => {
    const sim = createSimulator();
    await sim.login('alice').createGroup({ type: 'Public', name: 'g' });
  };
  for (let i = 0; i < 2000; i++) await once();
  const blocks: number[] = [];
  for (let b = 0; b < 15; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) await once();
    blocks.push(Number(process.hrtime.bigint() - t) / 1e3 / 200);
  }
  return median(blocks);
}

export async function importBench(reps: number): Promise<ImportResult> {
  const started = process.hrtime.bigint();
  const dir = mkdtempSync(join(tmpdir(), 'groupspec-import-'));
  try {
    const { hasChat } = install(dir);
    const list = cases(hasChat);
    const samples: ImportResult['samples'] = {};
    for (const c of list) samples[c.name] = [];
    child(dir, list[2]!.args); // warm the file system cache once
    for (let r = 0; r < reps; r++) {
      // rotate the order, so no case always runs right after the same other one
      for (let i = 0; i < list.length; i++) {
        const c = list[(i + r) % list.length]!;
        samples[c.name]!.push(child(dir, c.args));
      }
    }
    const med: ImportResult['median'] = {};
    for (const [k, v] of Object.entries(samples)) med[k] = { wallMs: median(v.map((s) => s.wallMs)), cpuMs: median(v.map((s) => s.cpuMs)) };
    return { repetitions: reps, median: med, samples, modules: countModules(dir), freshSimulatorUs: await freshSimulatorUs(), totalMs: Number(process.hrtime.bigint() - started) / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const out = process.argv[2];
  if (out === undefined) throw new Error('usage: import.ts <out.json>');
  importBench(Number(process.env.BENCH_IMPORT_REPS ?? 11))
    .then((r) => writeFileSync(out, `${JSON.stringify(r, null, 2)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
