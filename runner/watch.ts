/**
 * `groupspec run --watch`, for adapter authors: runs the selection, then again each time the
 * adapter's files change (the adapter module and the files it loaded, as its child process reports
 * them, plus any --watch-path), debounced, with a short result each time; SIGINT ends it cleanly with
 * the last run's exit code. Each run is a fresh child process, so an edited adapter is loaded anew.
 * Node's fs.watch watches the files' directories (an editor that saves by renaming replaces the
 * file a file watch holds) and --watch-path directories recursively.
 */
import { existsSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from './expectations';
import { ACCEPTED, type Conformance } from './model';
import { terminalText } from './model/escape';
import { whyRule } from './reports';

export interface WatchOptions {
  /** The adapter module, when the run has one (always watched). */
  adapter?: string;
  /** --watch-path files and directories. */
  paths: string[];
  /** Where results go: changes under it never trigger a run. */
  out: string;
  /** One run: its result (undefined when it could not start, e.g. the adapter does not load) and the files it loaded. */
  runOnce(): Promise<{ result?: Conformance; error?: string; modules?: string[] }>;
  write(text: string): void;
  /** Quiet time after the last change before a run starts. */
  debounceMs?: number;
}

const DEBOUNCE_MS = 300;

/** The run's result in a few lines: the totals, the rules not as expected, the run's cause when it stopped. */
export function shortResult(n: number, why: string, r: { result?: Conformance; error?: string }, ms: number): string {
  if (r.result === undefined) return `watch: run ${n} (${why}): could not start: ${terminalText(r.error ?? 'unknown error')}\n`;
  const result = r.result;
  const bad = result.rules.filter((x) => !ACCEPTED.has(x.verdict) && x.verdict !== 'not run');
  const totals = Object.entries(result.totals).filter(([, k]) => k > 0).map(([v, k]) => `${k} ${v}`).join(', ');
  const lines = [`watch: run ${n} (${why}): ${bad.length === 0 && result.complete ? 'PASS' : 'FAIL'}: rules: ${totals} (${(ms / 1000).toFixed(1)} s)`];
  for (const x of bad.slice(0, 10)) lines.push(`  ${x.verdict}: ${x.id}: ${terminalText(whyRule(result, x).split('\n')[0]!.slice(0, 160))}`);
  if (bad.length > 10) lines.push(`  … and ${bad.length - 10} more (see summary.md)`);
  if (!result.complete) lines.push(`  incomplete run: ${terminalText(result.cause ?? 'interrupted')}`);
  return `${lines.join('\n')}\n`;
}

export const exitCodeOf = (r: { result?: Conformance }): number =>
  r.result !== undefined && r.result.complete && r.result.rules.every((x) => ACCEPTED.has(x.verdict)) ? 0 : 1;

/** Runs, then reruns on every change until SIGINT or SIGTERM; resolves to the last run's exit code. */
export function watchRuns(o: WatchOptions): Promise<number> {
  const out = resolve(o.out);
  const files = new Set<string>(o.adapter === undefined ? [] : [resolve(o.adapter)]);
  const trees = o.paths.map((p) => resolve(p));
  const watchers = new Map<string, FSWatcher>();
  let runs = 0;
  let running = false;
  let stopping = false;
  let code = 1;
  let timer: NodeJS.Timeout | undefined;
  let changed: string | undefined;
  let finish: (code: number) => void = () => undefined;

  const inOut = (path: string) => path === out || path.startsWith(out + sep);
  const onChange = (path: string) => {
    if (inOut(path) || stopping) return;
    changed ??= relative(process.cwd(), path) || path;
    clearTimeout(timer);
    timer = setTimeout(() => void cycle(), o.debounceMs ?? DEBOUNCE_MS);
  };
  const watchDir = (dir: string, recursive: boolean) => {
    if (watchers.has(dir)) return;
    try {
      const w = fsWatch(dir, { recursive, persistent: true }, (_event, name) => {
        if (name === null) return;
        const path = resolve(dir, name.toString());
        if (recursive || files.has(path)) onChange(path);
      });
      w.on('error', () => undefined);
      watchers.set(dir, w);
    } catch {
      // a directory that went away: the next run's module list decides again
    }
  };
  const rewatch = () => {
    for (const f of files) watchDir(dirname(f), false);
    for (const t of trees) watchDir(t, true);
  };

  const stop = () => {
    stopping = true;
    clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  const onSignal = () => {
    const idle = !running;
    stop();
    // during a run the child is stopped (runner/isolation.ts) and cycle() ends the watch when it returns
    if (idle) {
      o.write(`watch: stopped; exit ${code}\n`);
      finish(code);
    }
  };

  async function cycle(): Promise<void> {
    if (running) return;
    running = true;
    const why = changed === undefined ? 'start' : `${changed} changed`;
    changed = undefined;
    const t0 = Date.now();
    let r: { result?: Conformance; error?: string; modules?: string[] };
    try {
      r = await o.runOnce();
    } catch (e) {
      r = { error: (e as Error).message.split('\n')[0]! };
    }
    running = false;
    runs += 1;
    code = stopping && r.result?.complete !== true ? 1 : exitCodeOf(r);
    o.write(shortResult(runs, why, r, Date.now() - t0));
    if (stopping) {
      o.write(`watch: stopped; exit ${code}\n`);
      finish(code);
      return;
    }
    for (const m of r.modules ?? []) files.add(resolve(m));
    rewatch();
    const names = [...files].map((f) => basename(f));
    o.write(`watch: waiting for changes to ${files.size} file(s)${trees.length === 0 ? '' : ` and ${trees.length} path(s)`} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}); Ctrl-C stops\n`);
    // a change during the run starts the next one
    if (changed !== undefined) timer = setTimeout(() => void cycle(), o.debounceMs ?? DEBOUNCE_MS);
  }

  return new Promise<number>((done) => {
    finish = done;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    rewatch();
    void cycle();
  });
}

/**
 * The watch flags a run may not combine: --watch never starts without a terminal unless asked
 * (--watch-anyway), so a CI job given --watch by mistake fails at once instead of hanging.
 */
export function checkWatchFlags(v: { watch?: boolean; 'watch-path'?: string[]; 'watch-anyway'?: boolean; replay?: string; list?: boolean }): void {
  if (v.watch !== true) {
    if (v['watch-path'] !== undefined || v['watch-anyway'] === true) throw new UsageError(`--${v['watch-path'] !== undefined ? 'watch-path' : 'watch-anyway'} goes with --watch`);
    return;
  }
  if (v.replay !== undefined || v.list === true) throw new UsageError(`--watch does not go with --${v.replay !== undefined ? 'replay' : 'list'}`);
  for (const p of v['watch-path'] ?? []) if (!existsSync(p)) throw new UsageError(`--watch-path ${p}: no such file or directory`);
  if (process.stdin.isTTY !== true && process.stdout.isTTY !== true && v['watch-anyway'] !== true) {
    throw new UsageError('--watch needs a terminal (neither stdin nor stdout is one, as in CI); add --watch-anyway to watch regardless');
  }
}
