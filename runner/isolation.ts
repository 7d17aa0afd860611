/**
 * An in-process adapter (`--adapter`) runs in a child process (runner/worker.ts), so that nothing it
 * does reaches the gate: process.exit with any code, an uncaught exception, an unhandled rejection,
 * a signal. The child streams each scenario and property as it starts and finishes to a channel file;
 * when it ends without its result, the gate writes the reports from what it streamed, marks the run
 * incomplete with the cause, reports the scenario or property it interrupted as crashed, and exits 1.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Capabilities, Implementation } from '../adapters/contract';
import { loadCatalogue } from '../catalogue/catalogue';
import { UsageError } from './expectations';
import type { ScenarioOutcome } from './features';
import type { Conformance, PropertyResult } from './model';
import { packageRoot } from './paths';
import { assemble, selectRules, type RunOptions, type RunState } from './run';

export type ChannelRecord =
  | { t: 'ready'; implementation: { name: string; contractVersion: number; capabilities: Capabilities } }
  | { t: 'setup-error'; message: string }
  | ({ t: 'start'; kind: 'scenario' } & Pick<ScenarioOutcome, 'ruleID' | 'name' | 'location'>)
  | { t: 'start'; kind: 'property'; id: string; title: string; rules: string[] }
  | { t: 'scenario'; outcome: ScenarioOutcome }
  | { t: 'property'; result: PropertyResult }
  | { t: 'result'; result: Conformance }
  /** The source files the adapter loaded (not under node_modules): what `run --watch` watches. */
  | { t: 'modules'; files: string[] }
  | { t: 'fatal'; cause: string };

/** Reads the channel file as it grows: whole lines only, a line cut short by the child's end is dropped. */
class ChannelReader {
  private offset = 0;
  private rest = '';
  constructor(private readonly path: string) {}

  read(): ChannelRecord[] {
    const fd = openSync(this.path, 'r');
    const chunks: Buffer[] = [];
    try {
      const buf = Buffer.alloc(1 << 20);
      for (let n; (n = readSync(fd, buf, 0, buf.length, this.offset)) > 0; this.offset += n) chunks.push(Buffer.from(buf.subarray(0, n)));
    } finally {
      closeSync(fd);
    }
    const lines = (this.rest + Buffer.concat(chunks).toString('utf8')).split('\n');
    this.rest = lines.pop()!;
    return lines.filter((l) => l !== '').map((l) => JSON.parse(l) as ChannelRecord);
  }
}

/** What the gate knows of the run so far, folded from the child's records. */
interface Watch {
  ready?: Extract<ChannelRecord, { t: 'ready' }>['implementation'];
  setupError?: string;
  running?: Extract<ChannelRecord, { t: 'start' }>;
  /** The last scenario or property that started, finished or not. */
  last?: Extract<ChannelRecord, { t: 'start' }>;
  result?: Conformance;
  fatal?: string;
}

function fold(w: Watch, state: RunState, records: ChannelRecord[]): void {
  for (const r of records) {
    if (r.t === 'ready') {
      w.ready = r.implementation;
      // what an interrupt (runner/cli.ts) assembles from: the implementation as the child described it
      state.implementation = { ...r.implementation, createApp: () => Promise.reject(new Error('the implementation runs in the child process')) } satisfies Implementation;
    } else if (r.t === 'setup-error') w.setupError = r.message;
    else if (r.t === 'start') w.running = w.last = r;
    else if (r.t === 'scenario') (state.scenarios.push(r.outcome), (w.running = undefined));
    else if (r.t === 'property') (state.properties.push(r.result), (w.running = undefined));
    else if (r.t === 'result') w.result = r.result;
    else if (r.t === 'modules') state.modules = r.files;
    else w.fatal = r.cause;
  }
}

/**
 * The scenario or property the child was in when it ended: crashed, with the cause as its failure.
 * Between two (a timer an earlier one started fired), the crash goes to the rule of the last one
 * that started, as a scenario of its own: that rule must not pass on the results before the crash.
 */
function interrupted(w: Watch, cause: string, state: RunState): void {
  const running = w.running ?? (w.last === undefined ? undefined : { ...w.last, name: `(the run ended after "${w.last.kind === 'scenario' ? w.last.name : w.last.title}")` });
  if (running === undefined) return;
  const failure = { step: '(the run ended here)', message: cause };
  if (running.kind === 'scenario') state.scenarios.push({ ruleID: running.ruleID, name: running.name, location: running.location, verdict: 'crashed', durationMs: 0, failure });
  else state.properties.push({ id: running.id, title: running.title, rules: running.rules, verdict: 'crashed', durationMs: 0, runs: 0, commands: 0, failure: { ...failure, step: running.title } });
}

function workerCommand(): string[] {
  const ts = __filename.endsWith('.ts');
  return [...(ts ? ['--require', join(packageRoot(), 'runner', 'register-ts.js')] : []), join(__dirname, `worker${ts ? '.ts' : '.js'}`)];
}

export async function executeIsolated(o: RunOptions, state: RunState): Promise<Conformance> {
  const dir = mkdtempSync(join(tmpdir(), 'groupspec-run-'));
  const optionsFile = join(dir, 'options.json');
  const channelFile = join(dir, 'channel.ndjson');
  const { log: _log, events: _events, onScenario: _onScenario, ...given } = o;
  writeFileSync(optionsFile, JSON.stringify({ ...given, startedAt: state.startedAt }));
  writeFileSync(channelFile, '');
  const reader = new ChannelReader(channelFile);
  const w: Watch = {};
  const catchUp = () => {
    const seen = state.scenarios.length;
    fold(w, state, reader.read());
    // the progress line (runner/progress.ts) follows the child's scenarios as they stream in
    for (const s of state.scenarios.slice(seen)) o.onScenario?.(s);
  };
  // stdin stays open while the gate lives: the child ends when it closes
  const child = spawn(process.execPath, [...workerCommand(), optionsFile, channelFile], { stdio: ['pipe', 'inherit', 'inherit'], env: process.env });
  // an interrupt (runner/cli.ts's handler runs next) assembles from everything the child has streamed
  const onSignal = () => {
    catchUp();
    child.kill('SIGTERM');
  };
  process.prependOnceListener('SIGINT', onSignal);
  process.prependOnceListener('SIGTERM', onSignal);
  const poll = setInterval(catchUp, 250);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.once('exit', (c, s) => done([c, s])));
    catchUp();
    if (w.setupError !== undefined) throw new UsageError(`cannot set up the implementation (${o.target}): ${w.setupError}`);
    if (w.result !== undefined && code === 0) return w.result;
    const cause = w.fatal ?? (signal !== null ? `the implementation's process was killed by ${signal}` : `the implementation's process ended with exit code ${code} before the run finished`);
    o.log(`groupspec: the run ended early: ${cause}`);
    interrupted(w, cause, state);
    const selected = selectRules(loadCatalogue(join(packageRoot(), 'features')).rules, o);
    return assemble(o, state, selected, state.implementation, false, cause);
  } finally {
    clearInterval(poll);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    child.stdin!.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
