/**
 * The isolated run's child process (runner/isolation.ts starts it): loads the user's in-process
 * adapter, runs the features and properties against it, and writes what happens, record by record,
 * to the channel file with synchronous writes, so that every record written before the adapter ends
 * the process (process.exit, an uncaught exception, a signal) survives it. The gate, in the parent,
 * writes the reports and decides the exit code; nothing here does.
 *
 * argv: <options.json> <channel.ndjson>
 */
import { openSync, readFileSync, writeSync } from 'node:fs';
import { sep } from 'node:path';
import { bounded } from '../adapters/contract/deadline';
import { resolveImplementation } from '../adapters/resolve';
import { thrown } from '../matchers/thrown';
import { terminalText } from './model/escape';
import type { ChannelRecord } from './isolation';
import { executeRun, type RunOptions, type RunState } from './run';

const [optionsFile, channelFile] = process.argv.slice(2) as [string, string];
const channel = openSync(channelFile, 'a');
const send = (r: ChannelRecord): void => void writeSync(channel, `${JSON.stringify(r)}\n`);
const exit = process.exit.bind(process);

/** The first stack frame outside this file and node's internals: where the adapter did it. */
function where(stack: string | undefined): string {
  const frame = (stack ?? '').split('\n').slice(1).map((l) => l.trim()).find((l) => l.startsWith('at ') && !l.includes(__filename) && !l.includes('node:internal'));
  return frame === undefined ? '' : ` (${frame})`;
}

function stackOf(e: unknown): string | undefined {
  try {
    return (e as Error).stack;
  } catch {
    return undefined;
  }
}

let ended = false;
function end(cause: string, code: number): never {
  if (!ended) send({ t: 'fatal', cause });
  ended = true;
  return exit(code);
}

process.exit = ((code?: number | string | null) => end(`the implementation called process.exit(${code === undefined || code === null ? '' : String(code)})${where(new Error().stack)}`, 70)) as typeof process.exit;
process.on('uncaughtException', (e) => end(`uncaught exception in the implementation: ${thrown(e).shown}${where(stackOf(e))}`, 70));
process.on('unhandledRejection', (e) => end(`unhandled rejection in the implementation: ${thrown(e).shown}${where(stackOf(e))}`, 70));
// the gate decides what an interrupt means; when it is gone (its end of stdin closes), so is this run
process.on('SIGINT', () => undefined);
process.stdin.on('end', () => exit(1)).resume();

function registerTypeScript(path: string | undefined): void {
  // an installed groupspec runs compiled JavaScript; a TypeScript adapter needs a compiler (the gate checked there is one)
  if (path !== undefined && /\.[cm]?ts$/.test(path) && require.extensions['.ts'] === undefined) (require('ts-node') as { register(o: object): void }).register({ transpileOnly: true });
}

async function main(): Promise<void> {
  const given = JSON.parse(readFileSync(optionsFile, 'utf8')) as Omit<RunOptions, 'log' | 'events'> & { startedAt: number };
  const o: RunOptions = {
    ...given,
    log: (line) => process.stdout.write(`${terminalText(line)}\n`),
    events: {
      scenarioStarted: (s) => send({ t: 'start', kind: 'scenario', ...s }),
      scenarioFinished: (s) => send({ t: 'scenario', outcome: s }),
      propertyStarted: (p) => send({ t: 'start', kind: 'property', ...p }),
      propertyFinished: (p) => send({ t: 'property', result: p }),
    },
  };
  // what the adapter loads, against what was loaded before it: the files `run --watch` watches
  const before = new Set(Object.keys(require.cache));
  const loaded = () => send({ t: 'modules', files: Object.keys(require.cache).filter((f) => !before.has(f) && !f.includes(`${sep}node_modules${sep}`)) });
  try {
    registerTypeScript(process.env.GROUPSPEC_ADAPTER);
    const impl = await bounded('loading the implementation', o.callTimeoutMs, resolveImplementation());
    const { name, contractVersion, capabilities } = impl;
    send({ t: 'ready', implementation: { name: String(name), contractVersion: Number(contractVersion), capabilities: structuredClone(capabilities) } });
  } catch (e) {
    send({ t: 'setup-error', message: thrown(e).message.split('\n')[0]! });
    exit(2);
  }
  const state: RunState = { scenarios: [], properties: [], startedAt: given.startedAt };
  // after the adapter loaded and before the suite's own support code does
  loaded();
  const result = await executeRun(o, state);
  await state.cucumberHtml;
  send({ t: 'result', result });
  ended = true;
  // whatever the adapter left running (timers, sockets) does not keep the run alive
  exit(0);
}

main().catch((e: unknown) => end(`the run failed: ${thrown(e).shown}${where(stackOf(e))}`, 70));
