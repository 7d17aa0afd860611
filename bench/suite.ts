/**
 * Suite overhead: the whole feature run against the simulator beside its cucumber floor (the same
 * features, the same step patterns and parameter types, empty step bodies; see bench/floor.ts),
 * each in a fresh child process so that every run pays its own cold start, alternating real and
 * floor for several repetitions. Reports medians of wall time and of the child's CPU time, the
 * median ratio real / floor, and the real run's cold start (spawn to the first scenario finished).
 * The real run is the project's default profile as `npx cucumber-js` runs it: steps transpiled by swc
 * as they load (runner/register-ts.js), cucumber's step matching on native match indices
 * (bin/native-match-indices.js); the floor has the same step matching.
 *
 * A third kind, "compiled", runs the same steps compiled to JavaScript beforehand (tsc with
 * tsconfig.build.json into a temporary directory) instead of through ts-node: it separates what
 * transpiling TypeScript costs from what the step code and the simulator cost. It is skipped, with a
 * note, if the build fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { median } from './stats';

const ROOT = join(__dirname, '..');
const CUCUMBER_BIN = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const FORMATTER = './bench/timing-formatter.js';

type RunKind = 'real' | 'floor' | 'compiled';

export interface SuiteRun {
  kind: RunKind;
  wallMs: number;
  /** user + system CPU of the child, from getrusage via /proc: what contention from other processes does not inflate */
  cpuMs: number;
  coldStartMs: number;
  /** CPU of the child up to the first scenario finished */
  coldStartCpuMs: number;
  cases: number;
  success: boolean;
}

export interface SuiteResult {
  repetitions: number;
  floor: { steps: number; parameterTypes: number };
  runs: SuiteRun[];
  median: Partial<Record<RunKind, { wallMs: number; cpuMs: number; coldStartMs: number; coldStartCpuMs: number }>>;
  /** median over repetitions of real / floor within the repetition */
  ratio: { wall: number; cpu: number };
  /** the same for the precompiled run, when it could be built */
  compiledRatio: { wall: number; cpu: number } | undefined;
  notes: string[];
  scenarios: number;
  command: string;
  totalMs: number;
}

function runNode(args: string[], onLine?: (line: string) => void): Promise<{ code: number | null; stdout: string; stderr: string; wallMs: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // /usr/bin/time is not everywhere; the child's own CPU comes from a wrapper that reports it on exit
    const child = spawn(process.execPath, ['-r', join(__dirname, 'cpu-report.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        onLine?.(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const m = /GROUPSPEC_BENCH_CPU_MS=([\d.]+)/.exec(stderr);
      resolve({ code, stdout, stderr, wallMs, cpuMs: m === null ? Number.NaN : Number(m[1]) });
    });
  });
}

async function cucumberRun(kind: RunKind, config: string): Promise<SuiteRun> {
  const spawnedAt = Date.now();
  let firstAt: number | undefined;
  let firstCpu: number | undefined;
  let finished: { cases: number; success: boolean; nonPassedSteps: number } | undefined;
  const r = await runNode([CUCUMBER_BIN, '--config', relative(ROOT, config)], (line) => {
    if (!line.startsWith('{')) return;
    const e = JSON.parse(line) as { event: string; at: number; cpuMs: number; cases: number; success: boolean; nonPassedSteps: number };
    if (e.event === 'firstCaseFinished') {
      firstAt = e.at;
      firstCpu = e.cpuMs;
    }
    if (e.event === 'runFinished') finished = e;
  });
  if (r.code !== 0 || finished === undefined || !finished.success) {
    throw new Error(`the ${kind} cucumber run failed (exit ${r.code}): ${r.stderr.slice(-2000)}${r.stdout.slice(-2000)}`);
  }
  return { kind, wallMs: r.wallMs, cpuMs: r.cpuMs, coldStartMs: (firstAt ?? Number.NaN) - spawnedAt, coldStartCpuMs: firstCpu ?? Number.NaN, cases: finished.cases, success: finished.success };
}

export async function suite(repetitions: number, log: (s: string) => void = () => {}): Promise<SuiteResult> {
  const started = process.hrtime.bigint();
  const dir = mkdtempSync(join(tmpdir(), 'groupspec-bench-'));
  try {
    const gen = await runNode(['-r', join(ROOT, 'runner', 'register-ts.js'), join(__dirname, 'floor.ts'), dir]);
    if (gen.code !== 0) throw new Error(`generating the floor failed: ${gen.stderr}`);
    const floorInfo = JSON.parse(gen.stdout.trim().split('\n').pop()!) as { steps: number; parameterTypes: number; file: string };
    const base = `require(${JSON.stringify(join(ROOT, 'cucumber.js'))}).default`;
    /** The project's default profile with the timing formatter and these overrides, as a config file. */
    const config = (name: string, overrides: string): string => {
      const path = join(dir, name);
      writeFileSync(path, `const base = ${base};\nmodule.exports = { default: { ...base, ${overrides}format: [${JSON.stringify(FORMATTER)}] } };\n`);
      return path;
    };
    // the project's default profile, with only the formatter swapped for the timing one
    const realConfig = config('real.config.js', '');
    // the same profile (paths, strictness) with the empty steps instead of the real ones and no ts-node
    // the floor keeps the profile's native match indices (bin/native-match-indices.js): cucumber's
    // step matching costs the floor what it costs the real run
    const native = JSON.stringify(join(ROOT, 'bin', 'native-match-indices.js'));
    const floorConfig = config('floor.config.js', `require: [${JSON.stringify(floorInfo.file)}], requireModule: [${native}], `);
    const notes: string[] = [];
    const configs: Partial<Record<RunKind, string>> = { real: realConfig, floor: floorConfig };
    const out = join(dir, 'compiled');
    // the comparison costs a tsc build and a third of the runs: `npm run bench` leaves it out to keep
    // within its 3 minutes (BENCH_SUITE_COMPILED=1 puts it back; BENCH_ONLY=suite runs it)
    const withCompiled = process.env.BENCH_SUITE_COMPILED !== '0';
    const build = withCompiled
      ? await runNode([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', out, '--declaration', 'false', '--declarationMap', 'false', '--sourceMap', 'false'])
      : undefined;
    if (build === undefined) {
      notes.push('compiled run left out (BENCH_SUITE_COMPILED=0)');
    } else if (build.code === 0) {
      // the compiled steps resolve their packages (cucumber included: one instance) from the project
      symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
      configs.compiled = config('compiled.config.js', `require: [${JSON.stringify(join(out, 'steps', '**', '*.js'))}], requireModule: [${native}], `);
    } else {
      notes.push(`compiled run skipped: tsc -p tsconfig.build.json failed: ${(build.stdout + build.stderr).split('\n').find((l) => l.includes('error')) ?? `exit ${build.code}`}`);
    }
    const kinds = Object.keys(configs) as RunKind[];
    const runs: SuiteRun[] = [];
    const ratios = { wall: [] as number[], cpu: [] as number[], compiledWall: [] as number[], compiledCpu: [] as number[] };
    for (let rep = 0; rep < repetitions; rep++) {
      // rotate the order, so no kind always runs first or last
      const order = kinds.map((_, i) => kinds[(i + rep) % kinds.length]!);
      const group: Partial<Record<RunKind, SuiteRun>> = {};
      for (const kind of order) {
        const run = await cucumberRun(kind, configs[kind]!);
        group[kind] = run;
        runs.push(run);
      }
      ratios.wall.push(group.real!.wallMs / group.floor!.wallMs);
      ratios.cpu.push(group.real!.cpuMs / group.floor!.cpuMs);
      if (group.compiled !== undefined) {
        ratios.compiledWall.push(group.compiled.wallMs / group.floor!.wallMs);
        ratios.compiledCpu.push(group.compiled.cpuMs / group.floor!.cpuMs);
      }
      log(`  suite: repetition ${rep + 1}/${repetitions}: ${order.map((k) => `${k} ${group[k]!.wallMs.toFixed(0)} ms`).join(', ')}`);
    }
    const pick = (kind: RunKind) => {
      const rs = runs.filter((r) => r.kind === kind);
      return {
        wallMs: median(rs.map((r) => r.wallMs)),
        cpuMs: median(rs.map((r) => r.cpuMs)),
        coldStartMs: median(rs.map((r) => r.coldStartMs)),
        coldStartCpuMs: median(rs.map((r) => r.coldStartCpuMs)),
      };
    };
    const cases = new Set(runs.map((r) => r.cases));
    if (cases.size !== 1) throw new Error(`real and floor runs ran different numbers of scenarios: ${[...cases].join(', ')}`);
    return {
      repetitions,
      floor: { steps: floorInfo.steps, parameterTypes: floorInfo.parameterTypes },
      runs,
      median: Object.fromEntries(kinds.map((k) => [k, pick(k)])),
      ratio: { wall: median(ratios.wall), cpu: median(ratios.cpu) },
      compiledRatio: ratios.compiledWall.length === 0 ? undefined : { wall: median(ratios.compiledWall), cpu: median(ratios.compiledCpu) },
      notes,
      scenarios: [...cases][0]!,
      command: `node ${relative(ROOT, CUCUMBER_BIN)} (default profile of cucumber.js, formatter swapped for bench/timing-formatter.js)`,
      totalMs: Number(process.hrtime.bigint() - started) / 1e6,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
