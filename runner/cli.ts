/**
 * groupspec's command line: `run` (the CI gate), `serve` (the simulator over the wire protocol),
 * `report` (render or compare results), `merge` (shard results into one).
 * Exit codes: 0 every verdict as expected; 1 any is not; 2 a usage or setup error (one-line reason).
 */
// first: V8's tiering for a short-lived process, before the gate's modules run (runner/tiering.ts)
import './tiering';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readExpectations } from './expectations';
import { UsageError, num, reportUsage } from './usage';
import { ACCEPTED, readConformance, type Conformance } from './model';
import { parseReplay, replayPrefix } from './replay';
import { assemble, executeRun, REPLAYABLE, selectRules, tagExpression, writeResult, type RunOptions, type RunState } from './run';
import { HELP, OVERVIEW, wantsHelp } from './help';
import { main as serveMain } from './serve';
import { checkGrep, checkTags, describeSelection, everyScenario, lastFailed, listing, planScenarios, type PlannedScenario } from './selection';
import { progress as progressLine } from './progress';
import { PROPERTIES } from '../properties/catalogue';
import { parseShard } from './shard';
import { packageRoot } from './paths';
import { loadCatalogue } from '../catalogue/catalogue';
import { writeReports, compareRuns, mergeRuns, whyRule } from './reports';
import { resolveImplementation } from '../adapters/resolve';
import { executeIsolated } from './isolation';
import { withDetectedBy } from './strength';
import { checkWatchFlags, watchRuns } from './watch';
import { terminalText } from './model/escape';

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      adapter: { type: 'string' },
      url: { type: 'string' },
      'no-stream': { type: 'boolean' },
      out: { type: 'string' },
      tags: { type: 'string' },
      rule: { type: 'string', multiple: true },
      shard: { type: 'string' },
      parallel: { type: 'string' },
      expectations: { type: 'string' },
      seed: { type: 'string' },
      'fuzz-runs': { type: 'string' },
      'call-timeout': { type: 'string' },
      'no-properties': { type: 'boolean' },
      grep: { type: 'string' },
      'last-failed': { type: 'boolean' },
      bail: { type: 'boolean' },
      serial: { type: 'boolean' },
      list: { type: 'boolean' },
      replay: { type: 'string' },
      watch: { type: 'boolean' },
      'watch-path': { type: 'string', multiple: true },
      'watch-anyway': { type: 'boolean' },
    },
  });
  checkWatchFlags(values);
  const replay = values.replay === undefined ? undefined : parseReplay(values.replay);
  if (values.tags !== undefined) checkTags(values.tags);
  if (values.grep !== undefined) checkGrep(values.grep);
  if (values.adapter !== undefined && values.url !== undefined) throw new UsageError('give --adapter or --url, not both');
  if (values['no-stream'] === true && values.url === undefined) throw new UsageError('--no-stream goes with --url');
  const root = packageRoot();
  let target = 'simulator';
  if (values.url !== undefined) {
    if (!/^https?:\/\//.test(values.url)) throw new UsageError(`--url must be an http(s) URL, got "${values.url}"`);
    process.env.GROUPSPEC_URL = values.url;
    // batches over HTTP even to a server that announces the stream (docs/protocol.md §4.12)
    if (values['no-stream'] === true) process.env.GROUPSPEC_STREAM = 'off';
    target = values.url;
  } else if (values.adapter !== undefined && values.adapter !== 'simulator') {
    const builtin: Record<string, string> = {
      'tencent-cloud': resolve(__dirname, '..', 'adapters', 'tencent-cloud'),
      // the same adapter, its REST half on an in-process REST emulator, its users on groupspec/chat bound to it
      'tencent-cloud-emulated': resolve(__dirname, '..', 'servers', 'rest', 'tencent-drop-in'),
      'drop-in': resolve(__dirname, '..', 'adapters', 'drop-in'),
    };
    const path = builtin[values.adapter] ?? (isAbsolute(values.adapter) ? values.adapter : resolve(process.cwd(), values.adapter));
    if (builtin[values.adapter] === undefined && !existsSync(path)) throw new UsageError(`the adapter module ${values.adapter} does not exist`);
    if (/\.[cm]?ts$/.test(path) && require.extensions['.ts'] === undefined) {
      // an installed groupspec runs compiled JavaScript; a TypeScript adapter needs a compiler
      try {
        (require('ts-node') as { register(o: object): void }).register({ transpileOnly: true });
      } catch {
        throw new UsageError(`${values.adapter} is TypeScript: install ts-node beside groupspec, or compile the adapter to JavaScript`);
      }
    }
    process.env.GROUPSPEC_ADAPTER = path;
    target = values.adapter;
  }
  const callTimeoutMs = num('--call-timeout', values['call-timeout'], 5000);
  process.env.GROUPSPEC_CALL_TIMEOUT_MS = String(callTimeoutMs);
  const expectationsFile = values.expectations;
  const catalogue = loadCatalogue(resolve(root, 'features'));
  const known = new Set(catalogue.rules.map((r) => r.id));
  for (const r of values.rule ?? []) if (!known.has(r)) throw new UsageError(`--rule ${r}: no rule has that ID`);
  const out = resolve(process.cwd(), values.out ?? 'reports');
  let ruleIDs = values.rule;
  if (values['last-failed'] === true) {
    const failed = lastFailed(out).filter((id) => known.has(id));
    ruleIDs = ruleIDs === undefined ? failed : ruleIDs.filter((id) => failed.includes(id));
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  // what cucumber will run, worked out first: an empty selection is a usage error, --list stops here
  const selected = selectRules(catalogue.rules, { ...(ruleIDs === undefined ? {} : { rules: ruleIDs }), ...(shard === undefined ? {} : { shard }) });
  if (replay !== undefined) ruleIDs = PROPERTIES.find((p) => p.id === REPLAYABLE)!.rules;
  // nothing narrows the selection: every scenario runs, and the catalogue counts them without a second parse
  const narrowed = values.list === true || ruleIDs !== undefined || shard !== undefined || values.tags !== undefined || values.grep !== undefined;
  const everything = replay === undefined && !narrowed ? everyScenario(catalogue) : undefined;
  const plan = replay !== undefined || everything !== undefined ? undefined : await planScenarios(root, catalogue.rules, tagExpression(selected, catalogue.rules, values.tags), values.grep);
  const planned: readonly Pick<PlannedScenario, 'ruleID'>[] = everything ?? plan ?? [];
  const what = describeSelection({ tags: values.tags, rules: ruleIDs, grep: values.grep, shard: values.shard, lastFailed: values['last-failed'] });
  if (planned.length === 0 && replay === undefined) throw new UsageError(`${what} selects no scenario (tags are case-sensitive, e.g. @type:Work; see --list)`);
  // --tags and --grep narrow the rules too: the result holds the selected rules only, and the
  // properties that run are those of rules with a selected scenario
  if (values.grep !== undefined || values.tags !== undefined) ruleIDs = [...new Set(planned.map((p) => p.ruleID).filter((id) => id !== undefined))];
  if (values.list === true) {
    process.stdout.write(listing(plan ?? [], values['no-properties'] === true ? [] : PROPERTIES));
    return 0;
  }
  const live = progressLine(planned, process.stdout.isTTY === true, (t) => process.stdout.write(t));
  // a replay runs the counterexample's own seed: the run records and prints that one, not a fresh one
  if (replay !== undefined && values.seed !== undefined && num('--seed', values.seed, 0) !== replay.seed) throw new UsageError(`--replay ${values.replay} carries its seed (${replay.seed}): drop --seed ${values.seed}`);
  const seed = replay !== undefined ? replay.seed : values.seed === undefined ? Date.now() % 2_147_483_647 : num('--seed', values.seed, 0);
  const options: RunOptions = {
    target,
    out,
    ...(values.tags === undefined ? {} : { tags: values.tags }),
    ...(ruleIDs === undefined ? {} : { rules: ruleIDs }),
    ...(shard === undefined ? {} : { shard }),
    ...(values.grep === undefined ? {} : { grep: values.grep }),
    ...(values.bail === true ? { bail: true } : {}),
    ...(values.serial === true ? { serial: true } : {}),
    ...(replay === undefined ? { planned: planned.length } : { replay }),
    replayPrefix: replayPrefix(root, values),
    onScenario: (s) => live.onScenario(s),
    ...(values.parallel === undefined ? {} : { parallel: num('--parallel', values.parallel, 1) }),
    ...(expectationsFile === undefined ? {} : { expectations: { file: expectationsFile, data: readExpectations(expectationsFile, known) } }),
    seed,
    fuzzRuns: num('--fuzz-runs', values['fuzz-runs'], 40),
    callTimeoutMs,
    properties: values['no-properties'] !== true,
    progress: false,
    log: (line) => {
      live.finish();
      process.stdout.write(`${terminalText(line)}\n`);
    },
  };
  for (const id of Object.keys(options.expectations?.data.rules ?? {})) if (!known.has(id)) throw new UsageError(`the expectations file names an unknown rule ${id}`);

  // a user's in-process adapter runs in a child process: nothing it does can end or silence the gate
  const isolated = values.url === undefined && values.adapter !== undefined && values.adapter !== 'simulator';
  const state: RunState = { scenarios: [], properties: [], startedAt: Date.now() };
  const interrupt = (signal: string) => {
    process.stderr.write(`groupspec: ${signal}: writing what the run has, marked incomplete\n`);
    const catalogue = loadCatalogue(resolve(root, 'features'));
    const partial = assemble(options, state, selectRules(catalogue.rules, options), state.implementation, false, `interrupted (${signal})`);
    writeResult(options.out, partial);
    writeReports(options.out, partial);
    process.exit(1);
  };
  // a watch (runner/watch.ts) ends on SIGINT itself, cleanly
  if (values.watch !== true) {
    process.once('SIGINT', () => interrupt('SIGINT'));
    process.once('SIGTERM', () => interrupt('SIGTERM'));
  }

  // a setup problem (adapter that cannot load, server unreachable, missing credentials) is exit 2
  if (!isolated) {
    try {
      await resolveImplementation();
    } catch (e) {
      throw new UsageError(`cannot set up the implementation (${target}): ${(e as Error).message.split('\n')[0]}`);
    }
  }

  if (values.watch === true) {
    const watched = values['watch-path'] ?? [];
    if (!isolated && watched.length === 0) throw new UsageError('--watch watches an adapter module (--adapter PATH) or the --watch-path files and directories you name');
    return watchRuns({
      ...(isolated ? { adapter: process.env.GROUPSPEC_ADAPTER! } : {}),
      paths: watched,
      out,
      write: (t) => process.stdout.write(t),
      runOnce: async () => {
        const state: RunState = { scenarios: [], properties: [], startedAt: Date.now() };
        try {
          const result = isolated ? await executeIsolated({ ...options, onScenario: () => undefined }, state) : await executeRun({ ...options, onScenario: () => undefined }, state);
          writeResult(out, result);
          writeReports(out, result);
          await state.cucumberHtml;
          return { result, ...(state.modules === undefined ? {} : { modules: state.modules }) };
        } catch (e) {
          // an adapter that does not load while it is being edited: say so and keep watching
          if (e instanceof UsageError) return { error: e.message };
          throw e;
        }
      },
    });
  }

  const result = isolated ? await executeIsolated(options, state) : await executeRun(options, state);
  live.finish();
  const path = writeResult(options.out, result);
  writeReports(options.out, result);
  await state.cucumberHtml;
  // rules the run never reached are in the totals ("N not run"), not listed one by one
  const bad = result.rules.filter((r) => !ACCEPTED.has(r.verdict) && r.verdict !== 'not run');
  const t = Object.entries(result.totals).filter(([, n]) => n > 0).map(([v, n]) => `${n} ${v}`).join(', ');
  process.stdout.write(`rules: ${t}\nresults: ${path}\n`);
  for (const r of bad.slice(0, 20)) {
    const why = whyRule(result, r);
    process.stdout.write(`  ${r.verdict}: ${r.id}: ${terminalText(why.split('\n')[0]!.slice(0, 160))}\n`);
  }
  if (bad.length > 20) process.stdout.write(`  … and ${bad.length - 20} more (see summary.md)\n`);
  process.stdout.write(`seed: ${result.configuration.seed}\n`);
  if (!result.complete) process.stdout.write(`incomplete run: ${terminalText(result.cause ?? 'interrupted')}\n`);
  return bad.length === 0 && result.complete && result.totals['not run'] === 0 ? 0 : 1;
}

function readResult(path: string): Conformance {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
  const r = readConformance(raw);
  if (!r.success) throw new UsageError(`${path} is not a groupspec conformance.json: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  return r.data;
}

async function report(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { compare: { type: 'boolean' }, out: { type: 'string' } } });
  if (values.compare === true) {
    if (positionals.length !== 2) throw new UsageError('report --compare takes OLD.json NEW.json');
    const text = compareRuns(readResult(positionals[0]!), readResult(positionals[1]!));
    process.stdout.write(text);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('report takes one conformance.json');
  const out = resolve(process.cwd(), values.out ?? 'reports');
  writeReports(out, withDetectedBy(readResult(positionals[0]!), out));
  return 0;
}

async function merge(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length < 1) throw new UsageError('merge takes one or more conformance.json files');
  const merged = mergeRuns(positionals.map(readResult));
  const out = resolve(process.cwd(), values.out ?? 'reports');
  writeResult(out, merged);
  writeReports(out, merged);
  process.stdout.write(`merged ${positionals.length} runs: ${merged.rules.length} rules\n`);
  return merged.rules.every((r) => ACCEPTED.has(r.verdict)) ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // serve has its own entry (bin/groupspec.js loads it without the gate's modules): one copy of its help and flags
  if (command === 'serve') return serveMain(argv);
  try {
    if ((command === 'run' || command === 'report' || command === 'merge') && wantsHelp(rest)) {
      process.stdout.write(HELP[command]);
      return 0;
    }
    switch (command) {
      case 'run':
        return await run(rest);
      case 'report':
        return await report(rest);
      case 'merge':
        return await merge(rest);
      case '--version':
        process.stdout.write(`${(require(resolve(packageRoot(), 'package.json')) as { version: string }).version}\n`);
        return 0;
      case '--help':
      case 'help':
        process.stdout.write(OVERVIEW);
        return 0;
      case undefined:
        process.stderr.write(OVERVIEW);
        return 2;
      default:
        throw new UsageError(`unknown command ${command} (see --help)`);
    }
  } catch (e) {
    reportUsage(e);
  }
}
