/**
 * Pipelined differential fuzzing over the wire (properties/pipeline.ts, issue 21 item 3): the
 * fuzzer issues steps without waiting for the implementation's answers, yet a divergence is
 * reported exactly as the step-by-step fuzzer reports it (message, blame, counterexample, seed and
 * path, call trace), and far fewer HTTP exchanges are made. Without differential checks too: the
 * reference then only foresees outcomes, and a wrong guess sends the run step by step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Implementation } from '../../adapters/contract';
import { traced } from '../../adapters/contract/trace';
import { simulatorImplementation } from '../../adapters/simulator';
import { wireImplementation } from '../../adapters/wire/client';
import { countedServer } from './exchanges';
import { breakImplementation, type Break } from '../../selftest/broken/decorate';
import { findBreak } from '../../selftest/broken/catalogue';
import { fuzz, FuzzFailure, type FuzzOptions } from '../../properties/run';
import { CreateGroup } from '../../properties/commands/create-group';
import { JoinGroup } from '../../properties/commands/join-group';
import { USERS } from '../../properties/model';

const { server, counted } = countedServer();
let wire: Implementation;

beforeAll(async () => {
  wire = await wireImplementation(server().url, { timeoutMs: 10_000 });
});

afterAll(async () => {
  await wire?.close?.();
});

/**
 * A break over the wire that declares inOrder: its interceptors call the real method at once and
 * only change the answer, so calls still reach the server in the order the fuzzer issued them.
 */
const inOrder = (impl: Implementation): Implementation => ({ ...impl, inOrder: true });

async function failureOf(options: FuzzOptions): Promise<FuzzFailure> {
  try {
    await fuzz(options);
  } catch (e) {
    if (e instanceof FuzzFailure) return e;
    throw e;
  }
  throw new Error('the fuzzer found nothing');
}

/** What a report shows of a failure: everything but timings. */
function shown(f: FuzzFailure) {
  return {
    message: f.message,
    seed: f.seed,
    path: f.path,
    scenario: f.scenario,
    counterexample: f.counterexample,
    replay: f.replay,
    divergence: f.divergence === undefined ? undefined : { step: f.divergence.step, command: f.divergence.command, message: f.divergence.error.message, method: f.divergence.error.method, named: f.divergence.error.named },
    calls: f.calls?.calls.map((c) => ({ n: c.n, actor: c.actor, method: c.method, arg: c.arg, outcome: c.outcome, code: c.code, events: c.events?.map((e) => `${e.to} ${e.name}`) })),
    omitted: f.calls?.omitted,
  };
}

const config = (seed: number) => ({ numRuns: 40, maxCommands: 50, seed, path: undefined });

/** The same passing runs pipelined as step by step, with far fewer exchanges per command. */
async function sameRunsWithFewerExchanges(differential: boolean): Promise<void> {
  const runs = async (pipeline: boolean) => {
    const traces: string[][] = [];
    const { exchanges } = await counted(() => fuzz({ implementation: () => wire, differential, pipeline, config: { numRuns: 15, maxCommands: 30, seed: 99, path: undefined }, onRun: (t) => traces.push([...t]) }));
    return { traces, perCommand: exchanges / traces.flat().filter((l) => l.startsWith('When ')).length };
  };
  const stepByStep = await runs(false);
  const pipelined = await runs(true);
  expect(pipelined.traces).toEqual(stepByStep.traces);
  expect(stepByStep.perCommand).toBeGreaterThan(1.5);
  expect(pipelined.perCommand).toBeLessThan(0.6);
}

/** An implementation that counts the apps made, and how many runs asked for it: a run made again step by step makes two apps. */
function countingRuns(impl: Implementation) {
  const n = { apps: 0, runs: 0 };
  const counting: Implementation = { ...impl, createApp: (o) => ((n.apps += 1), impl.createApp(o)) };
  return { n, implementation: () => ((n.runs += 1), counting) };
}

/** Commands that only create groups of one type and join them: the two small runs below. */
function createsAndJoins(type: 'AVChatRoom' | 'Public', joinOption: string | undefined) {
  return [
    fc.constantFrom(...USERS).map((u) => new CreateGroup(u, type, [], joinOption)),
    fc.tuple(fc.constantFrom(...USERS), fc.nat({ max: 7 })).map(([u, g]) => new JoinGroup(u, g)),
  ];
}

/** The traces of 10 runs of up to 12 of `commands` on seed 5 (a failure throws). */
async function tracesOf(implementation: () => Implementation, commands: FuzzOptions['commands'], options: Pick<FuzzOptions, 'differential' | 'shrink'>): Promise<string[][]> {
  const traces: string[][] = [];
  await fuzz({ implementation, commands, ...options, config: { numRuns: 10, maxCommands: 12, seed: 5, path: undefined }, onRun: (t) => traces.push([...t]) });
  return traces;
}

describe('pipelined differential fuzzing over the wire', () => {
  it('is used for an implementation that declares inOrder: far fewer exchanges, the same runs', () => sameRunsWithFewerExchanges(true), 120_000);

  // each break changes answers only, and catches on seed 1 in the middle of a run (bench/catch.ts):
  // an invariant on an admin read, a differential outcome, a created group's own answer (a step that
  // waits for its answer), events held back from one device
  it.each(['member-count-off-by-one', 'group-list-without-names', 'meeting-creator-reported-as-member', 'second-device-misses-list-updates'])(
    '%s: found at the same step, with the same message, blame, counterexample and calls as step by step in process',
    async (id) => {
      const brk = findBreak(id)!;
      const local = traced(breakImplementation(simulatorImplementation(), brk));
      const remote = traced(inOrder(breakImplementation(wire, brk)));
      expect(remote.inOrder).toBe(true);
      const expected = await failureOf({ implementation: () => local, config: config(1) });
      const { value: got, exchanges } = await counted(() => failureOf({ implementation: () => remote, config: config(1) }));
      expect(shown(got)).toEqual(shown(expected));
      expect(got.divergence, 'a divergence names its step').toBeDefined();
      expect(exchanges).toBeGreaterThan(0);
    },
    300_000,
  );

  it('without shrinking, the first failing run is cut at its failing step, as step by step', async () => {
    const brk = findBreak('member-count-off-by-one')!;
    const expected = await failureOf({ implementation: () => breakImplementation(simulatorImplementation(), brk), shrink: false, config: config(1) });
    const got = await failureOf({ implementation: () => inOrder(breakImplementation(wire, brk)), shrink: false, config: config(1) });
    expect(got.counterexample).toEqual(expected.counterexample);
    expect(got.message).toBe(expected.message);
    expect(got.path).toBe(expected.path);
    // mid-run: later steps were issued before the divergence was seen, and left out of the report
    expect(got.counterexample.filter((l) => l.startsWith('When ')).length).toBeGreaterThan(1);
  }, 120_000);

  it('a room whose owner is not the reference\'s (the picture would need a late read) is judged step by step', async () => {
    // the implementation names the room's first joiner as the owner of an AVChatRoom: the picture
    // reads the room's members as that user, whom the fuzzer cannot know before the info read is
    // answered (the reference names the creator)
    const liar: Break = {
      id: 'av-owner-is-first-joiner',
      rule: 'n/a',
      description: "getGroupInfo names an AVChatRoom's first joiner as its owner",
      interceptor: {
        async call(ctx, s, method, arg, next) {
          const r = await next();
          const groupID = (arg as { groupID?: string } | undefined)?.groupID;
          if (method === 'joinGroup' && groupID !== undefined && !ctx.memo.has(groupID)) ctx.memo.set(groupID, s.userID);
          return r;
        },
        async admin(ctx, method, arg, next) {
          const r = await next();
          const joiner = ctx.memo.get((arg as { groupID?: string } | undefined)?.groupID ?? '');
          if (method !== 'getGroupInfo' || r.data?.type !== 'AVChatRoom' || joiner === undefined) return r;
          return { ...r, data: { ...r.data, ownerID: joiner } };
        },
      },
    };
    const commands = createsAndJoins('AVChatRoom', undefined);
    const verdict = async (implementation: () => Implementation) => {
      try {
        return { passed: await tracesOf(implementation, commands, { shrink: false }) };
      } catch (e) {
        return { failed: e instanceof FuzzFailure ? shown(e) : String(e) };
      }
    };
    const expected = await verdict(() => breakImplementation(simulatorImplementation(), liar));
    const { n, implementation } = countingRuns(inOrder(breakImplementation(wire, liar)));
    const got = await verdict(implementation);
    expect(got).toEqual(expected);
    // a pipelined run that passes makes one app; one made again step by step, two. Besides the
    // failing run, some passing runs were made again: their pictures could not be read pipelined
    expect(n.apps - n.runs - ('failed' in got ? 1 : 0)).toBeGreaterThan(0);
  }, 120_000);
});

describe('pipelined fuzzing without differential checks (the reference only foresees outcomes)', () => {
  it('makes the same runs as step by step with far fewer exchanges', () => sameRunsWithFewerExchanges(false), 120_000);

  it('finds an invariant break as step by step in process does', async () => {
    const brk = findBreak('member-count-off-by-one')!;
    const expected = await failureOf({ implementation: () => traced(breakImplementation(simulatorImplementation(), brk)), differential: false, config: config(1) });
    const got = await failureOf({ implementation: () => traced(inOrder(breakImplementation(wire, brk))), differential: false, config: config(1) });
    expect(shown(got)).toEqual(shown(expected));
  }, 300_000);

  it('an outcome other than the foreseen one (a documented refusal the reference does not make) sends the run step by step, with the same verdict', async () => {
    // without differential checks an implementation may refuse what the reference allows: carol may not join
    const strict: Break = {
      id: 'carol-may-not-join',
      rule: 'n/a',
      description: 'joinGroup refuses carol with 10007',
      interceptor: {
        async call(_ctx, s, method, _arg, next) {
          if (method === 'joinGroup' && s.userID === 'carol') throw Object.assign(new Error('Insufficient operation permission'), { code: 10007 });
          return next();
        },
      },
    };
    const commands = createsAndJoins('Public', 'FreeAccess');
    const traces = (implementation: () => Implementation) => tracesOf(implementation, commands, { differential: false });
    const expected = await traces(() => breakImplementation(simulatorImplementation(), strict));
    const { n, implementation } = countingRuns(inOrder(breakImplementation(wire, strict)));
    const got = await traces(implementation);
    expect(got).toEqual(expected);
    expect(got.flat().some((l) => l === 'Then it fails with code 10007')).toBe(true);
    // a pipelined run that passes makes one app; one made again step by step, two
    expect(n.apps - n.runs).toBeGreaterThan(0);
  }, 120_000);
});

describe('the wire client reads events in issue order', () => {
  it('two reads issued with a call between them, before either is answered, see the log as it was at their point', async () => {
    const app = await wire.createApp();
    const [alice, bob] = await Promise.all([app.login('alice'), app.login('bob')]);
    const created = await alice.call('createGroup', { type: 'Public', name: 'P', joinOption: 'FreeAccess' });
    const groupID = created.data.group.groupID as string;
    const before = await alice.events();
    // issued in one turn: read, join (which tells alice), read
    const first = alice.events();
    const join = bob.call('joinGroup', { groupID });
    const second = alice.events();
    const [a, , b] = await Promise.all([first, join, second]);
    expect(a).toEqual(before);
    expect(b.length).toBeGreaterThan(a.length);
    expect(b.slice(0, a.length)).toEqual(a);
    // a later read adds nothing twice
    expect(await alice.events()).toEqual(b);
    await app.close();
  });
});
