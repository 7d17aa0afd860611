/**
 * Runs the model-based property against an implementation, with the reference simulator in
 * lockstep. Run counts come from configuration; a failure reports its seed, path, a one-line replay
 * command and the shrunk counterexample as a ready-to-commit Gherkin scenario.
 */
import fc from 'fast-check';
import type { Implementation, Session } from '../adapters/contract';
import { traceOf, type RenderedTrace } from '../adapters/contract/trace';
import { simulatorImplementation } from '../adapters/simulator';
import { commandArbitraries } from './arbitraries';
import { driveWith, type GroupCommand } from './command';
import { Pipeline, type PipelineFailure } from './pipeline';
import { emptyModel, UNLIMITED_AV, USERS, type Model, type Real, type System } from './model';
import { GHERKIN_SETUP, renderScenario } from './gherkin';
import { Divergence } from './blame';

export interface FuzzConfig {
  numRuns: number;
  maxCommands: number;
  seed: number | undefined;
  path: string | undefined;
}

/** GROUPSPEC_FUZZ=deep (npm run fuzz) for nightly depth; GROUPSPEC_FUZZ_SEED/_PATH to replay. */
export function fuzzConfig(env: NodeJS.ProcessEnv = process.env): FuzzConfig {
  const deep = env.GROUPSPEC_FUZZ === 'deep';
  const runs = Number(env.GROUPSPEC_FUZZ_RUNS ?? (deep ? 2000 : 100));
  return {
    numRuns: Number.isFinite(runs) && runs > 0 ? runs : 100,
    maxCommands: deep ? 80 : 50,
    seed: env.GROUPSPEC_FUZZ_SEED === undefined ? undefined : Number(env.GROUPSPEC_FUZZ_SEED),
    path: env.GROUPSPEC_FUZZ_PATH,
  };
}

export async function newSystem(impl: Implementation, limits?: Record<string, unknown>): Promise<System> {
  const app = await impl.createApp({ seed: 7, ...(limits === undefined ? {} : { limits }) });
  const devices = USERS.flatMap((user) => (user === 'alice' ? ['phone', 'laptop'] : ['web']).map((device) => ({ user, device })));
  const login = ({ user, device }: { user: string; device: string }) => app.login(user, { device, unlimitedAVChatRoom: UNLIMITED_AV.has(user) });
  // issued at once to an implementation that runs calls in issue order (a wire client: one batch), else one by one
  const logins = impl.inOrder === true ? await Promise.all(devices.map(login)) : [];
  if (impl.inOrder !== true) for (const d of devices) logins.push(await login(d));
  const sessions = new Map<string, Session[]>(USERS.map((user) => [user, []]));
  devices.forEach(({ user }, i) => sessions.get(user)!.push(logins[i]!));
  return { impl, app, sessions, ids: new Map(), types: new Map(), dismissed: new Set(), decided: new Map(), last: undefined, cursors: new Map() };
}

export { GHERKIN_SETUP };

export interface FuzzOptions {
  implementation: () => Implementation;
  /** Run the reference simulator in lockstep and compare every step (default true). */
  differential?: boolean;
  config?: Partial<FuzzConfig>;
  commands?: Array<fc.Arbitrary<GroupCommand>>;
  limits?: Record<string, unknown>;
  /** Called with every passing run's trace (Gherkin lines), for statistics. */
  onRun?: (trace: readonly string[]) => void;
  /** The command printed to replay a failure (default: the checkout's `npm run fuzz` with the seed and path). */
  replayCommand?: (seed: number, path: string | undefined) => string;
  /** Shrink a failure to a short counterexample (default true); off, the first failing run is reported as found. */
  shrink?: boolean;
  /**
   * Pipeline the steps of runs against an implementation that declares `inOrder` (default true;
   * properties/pipeline.ts): differential runs learn each outcome from the reference; runs without
   * differential checks have the reference foresee it, and a wrong guess makes the run again step
   * by step. Off, every step waits for the implementation's answers.
   */
  pipeline?: boolean;
}

/** The replay of a checkout's own fuzz tests (properties/*.test.ts against the simulator). */
export const npmFuzzReplay = (seed: number, path: string | undefined) => `GROUPSPEC_FUZZ_SEED=${seed}${path === undefined ? '' : ` GROUPSPEC_FUZZ_PATH=${path}`} npm run fuzz`;

export class FuzzFailure extends Error {
  constructor(
    message: string,
    readonly seed: number,
    readonly path: string | undefined,
    readonly scenario: string,
    readonly counterexample: string[],
    /** Where the shrunk counterexample diverged first, when a command said so (properties/blame.ts). */
    readonly divergence?: { error: Divergence; step: number; command: string },
    readonly replay?: string,
    /** The calls the failing run made on the implementation under test (adapters/contract/trace.ts), when it is traced. */
    readonly calls?: RenderedTrace,
  ) {
    super(message);
    this.name = 'FuzzFailure';
  }
}

function realOf(sut: System, reference: System | undefined, options: FuzzOptions): Real {
  return { sut, reference, trace: [], pendingListSize: Number((options.limits?.pendingListSize as number | undefined) ?? 50) };
}

/**
 * One run pipelined (properties/pipeline.ts): passes with its trace, or says what it found first
 * and how much of the trace leads to it.
 */
async function pipelinedRun(impl: Implementation, cmds: GroupCommand[], options: FuzzOptions): Promise<{ trace: string[]; failure?: PipelineFailure }> {
  const sut = await newSystem(impl, options.limits);
  const reference = await newSystem(simulatorImplementation(), options.limits);
  const differential = options.differential !== false;
  const real = realOf(sut, differential ? reference : undefined, options);
  // without differential checks the reference only foresees outcomes (Pipeline: a wrong guess sends the run step by step)
  if (!differential) real.shadow = reference;
  const pipe = new Pipeline(real, reference);
  driveWith(real, pipe);
  const model = emptyModel();
  let thrown: PipelineFailure | undefined;
  try {
    for (const c of cmds) {
      if (c.check(model)) await c.run(model, real);
      if (pipe.failure !== undefined) break;
    }
  } catch (error) {
    thrown = { error, traceLength: real.trace.length };
  }
  try {
    // a queued check of an earlier step comes first
    const failure = (await pipe.settle()) ?? thrown;
    return failure === undefined ? { trace: real.trace } : { trace: real.trace, failure };
  } finally {
    await sut.app.close();
    await reference.app.close();
  }
}

export async function fuzz(options: FuzzOptions): Promise<void> {
  const cfg = { ...fuzzConfig(), ...options.config };
  const seed = cfg.seed ?? Date.now() ^ (Math.random() * 0x7fffffff);
  let lastFailure: { trace: string[]; message: string; error: unknown; calls?: RenderedTrace | undefined } | undefined;
  // a replay path is fast-check's run path, then `@` and fc.commands' own replayPath (which the
  // shrunk command list needs to be rebuilt); both are printed together with a failure
  const [runPath, commandsPath] = cfg.path === undefined || cfg.path === '' ? [undefined, undefined] : (cfg.path.split('@') as [string, string | undefined]);
  const property = fc.asyncProperty(fc.commands(options.commands ?? commandArbitraries, { maxCommands: cfg.maxCommands, size: 'max', ...(commandsPath === undefined ? {} : { replayPath: commandsPath }) }), async (cmds) => {
    const impl = options.implementation();
    const inner = [...cmds].map((c) => (c as unknown as { cmd?: GroupCommand }).cmd);
    // fast-check marks each command it runs (hasRan: shrinking and the printed counterexample
    // keep those); a pipelined run goes ahead of its checks, so it runs the commands inside
    const pipelined = options.pipeline !== false && impl.inOrder === true && inner.every((c) => c !== undefined);
    const found = pipelined ? await pipelinedRun(impl, inner as GroupCommand[], options) : undefined;
    if (found?.failure === undefined && found !== undefined) {
      options.onRun?.(found.trace);
      return;
    }
    // step by step: the run itself, or the report of what a pipelined run found (the same commands again)
    const sut = await newSystem(impl, options.limits);
    const reference = options.differential === false ? undefined : await newSystem(simulatorImplementation(), options.limits);
    const real = realOf(sut, reference, options);
    try {
      await fc.asyncModelRun(() => ({ model: emptyModel() as Model, real }), cmds);
    } catch (e) {
      // the last failing run is the shrunk counterexample: its calls are rendered now, before its app closes
      lastFailure = { trace: [...real.trace], message: (e as Error).message, error: e, calls: await traceOf(sut.app)?.render() };
      throw e;
    } finally {
      await sut.app.close();
      await reference?.app.close();
    }
    const problem = found?.failure;
    // what is no divergence (a late read, a deadline passed while many calls were queued in one
    // batch) says nothing the step-by-step run has not judged
    if (problem === undefined || !(problem.error instanceof Divergence)) {
      options.onRun?.(real.trace);
      return;
    }
    // only the pipelined run failed: the implementation answered otherwise when its calls came batched
    const message = `${(problem.error as Error).message}\n(found with the calls pipelined; the same commands run one step at a time passed)`;
    lastFailure = { trace: found!.trace.slice(0, problem.traceLength), message, error: problem.error };
    throw problem.error;
  });
  const details = await fc.check(property, { numRuns: cfg.numRuns, seed, ...(runPath === undefined ? {} : { path: runPath }), ...(options.shrink === false ? { endOnFailure: true } : {}) });
  if (!details.failed) return;
  const shownCommands = (details.counterexample?.[0] as unknown as { toString(): string } | undefined)?.toString() ?? '';
  const replayPath = /replayPath="([^"]*)"/.exec(shownCommands)?.[1];
  const path = details.counterexamplePath === null ? undefined : `${details.counterexamplePath}${replayPath === undefined ? '' : `@${replayPath}`}`;
  const failure = lastFailure ?? { trace: [], message: String(details.errorInstance), error: details.errorInstance };
  const steps = failure.trace.filter((l) => l.startsWith('When '));
  const divergence = failure.error instanceof Divergence ? { error: failure.error, step: steps.length, command: steps[steps.length - 1] ?? '' } : undefined;
  const replay = (options.replayCommand ?? npmFuzzReplay)(details.seed, path);
  const scenario = renderScenario(failure.trace, { seed: details.seed, path, problem: failure.message, replay });
  const shown = shownCommands;
  throw new FuzzFailure(
    [
      `Property failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s).`,
      `Problem: ${failure.message}`,
      `Counterexample: ${shown}`,
      `Seed: ${details.seed}   Path: ${path ?? '(none)'}`,
      `Replay: ${replay}`,
      'As a Gherkin scenario:',
      scenario,
    ].join('\n'),
    details.seed,
    path,
    scenario,
    failure.trace,
    divergence,
    replay,
    failure.calls,
  );
}
