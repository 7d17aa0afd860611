/**
 * Pipelined differential fuzzing: the fuzzer over the wire without a round trip per step.
 *
 * In differential mode the reference simulator runs in lockstep, so the model can learn each
 * step's outcome from the reference instead of from the implementation: the next step need not wait
 * for the implementation's answers. For an implementation that declares `inOrder` (calls issued
 * without waiting run in issue order; the wire client sends what one turn of the event loop issues
 * as one batch), each step issues its call, its events reads and its picture's reads at once and
 * queues its checks, which run in step order as the answers come. The driver waits for the
 * implementation only where it needs an answer to go on: a created group's ID (`Plan.namesGroup`),
 * a command's own reads while planning (`prepare`, a function argument), and the end of the run.
 *
 * While every step agrees with the reference, the model, the plans and the reads are exactly those
 * of the step-by-step run (the model learns `ok` from the reference's outcome, and the check of that
 * step compares it with the implementation's). A pipelined run only decides pass or fail: when it
 * finds a problem, properties/run.ts runs the same commands again one step at a time, and that run
 * is the one reported, so messages, blame, counterexample, shrinking and call traces are those of
 * the step-by-step driver.
 *
 * A run without differential checks is pipelined the same way: the reference still runs in
 * lockstep, but only to foresee each outcome (Real.shadow), and nothing is compared with it (no
 * outcome or events check). The model learns only whether a step succeeded, and the trace records
 * the implementation's code: when an answer comes, an outcome other than the foreseen one (another
 * `ok`, or another code) means the later steps were planned on a model the step-by-step run would
 * not have had, so the run is not judged (PipelineMiss) and is made again step by step.
 */
import type { App, DeliveredEvent, Session } from '../adapters/contract';
import type { Picture } from '../matchers/observe';
import type { Outcome } from '../matchers/matchers';
import { emptyModel, type Model, type Real, type System } from './model';
import { eventsSince, issue, newEvents, perform, picture, record, sessionsOf, type Plan, type StepChecks, type StepDriver } from './command';

/**
 * The pipelined run could not be judged like the step-by-step one: the picture needed a read that
 * could only be issued after later steps' calls (an AVChatRoom's members, read as its owner, when
 * the implementation's owner was not the reference's). Not a failure: the run is made again one step
 * at a time, and that run decides.
 */
export class PipelineMiss extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineMiss';
  }
}

/** A promise's result as a function that returns it or throws: held for later without an unhandled rejection. */
type Later<T> = () => T;
const later = <T>(p: Promise<T>): Promise<Later<T>> =>
  p.then(
    (v) => () => v,
    (e: unknown) => () => {
      throw e;
    },
  );

/** The first problem a pipelined run found: the error and how long the trace was at the failing step. */
export interface PipelineFailure {
  error: unknown;
  traceLength: number;
}

export class Pipeline implements StepDriver {
  /** The checks queued so far, each after the one before. */
  private tail: Promise<void> = Promise.resolve();
  failure: PipelineFailure | undefined;

  /** `ref` is the reference simulator: compared with in a differential run (r.reference), else only foreseeing outcomes (r.shadow). */
  constructor(
    private readonly r: Real,
    private readonly ref: System,
  ) {}

  async step(m: Model, plan: Plan, checks: StepChecks): Promise<void> {
    const { sut, trace } = this.r;
    const ref = this.ref;
    const differential = this.r.reference !== undefined;
    // the implementation's ID map before the step (a step that names a group replaces it)
    const ids = sut.ids;
    // the call, issued now (a function argument reads first; nothing else is issued meanwhile)
    const { outcome } = await issue(sut, plan);
    let answered: Outcome | undefined;
    if (plan.namesGroup === true) {
      answered = await outcome;
      sut.ids = new Map(sut.ids);
      plan.apply?.(emptyModel(), answered, sut);
    }

    // the reference, in process: its outcome, its deliveries, and what the model learns
    const truth = await perform(ref, plan);
    // the lines the step-by-step run records: from the reference's outcome (differential), else from
    // the implementation's, foreseen here as the reference's and checked when it comes
    record(trace, plan, truth, differential ? truth : undefined);
    const traceLength = trace.length;
    const events = sut.impl.capabilities.events;
    const delivered = events && differential ? await newEvents(ref) : undefined;
    // compared later with the reference's ID map of now: a step that names a group gets a new map (as the implementation's)
    const refIds = ref.ids;
    if (plan.namesGroup === true) ref.ids = new Map(ref.ids);
    plan.apply?.(m, truth, ref);
    const owners = await avOwners(sut, ref);

    // what the step delivered and the picture after it, issued behind the call
    const all = sessionsOf(sut);
    const logs = all.map(({ s }) => s.events());
    const read = readPicture(sut, logs, owners);
    const logsLater = later(Promise.all(logs));

    this.tail = this.tail.then(async () => {
      if (this.failure !== undefined) return;
      try {
        const o = answered ?? (await outcome);
        // the model learnt the reference's outcome: only whether it succeeded (and its code, in the trace)
        if (!differential && (o.ok !== truth.ok || (!o.ok && !truth.ok && o.code !== truth.code))) throw new PipelineMiss(`step ${checks.label}: the implementation's outcome was not the one foreseen`);
        checks.outcome(o, differential ? [{ value: o, ids }, { value: truth, ids: refIds }] : undefined);
        if (differential) {
          const got = (await logsLater)();
          checks.events([{ value: events ? eventsSince(sut, all, got) : undefined, ids }, { value: delivered, ids: refIds }]);
        }
        if (plan.namesGroup !== true) plan.apply?.(emptyModel(), o, sut);
        const after = (await read.picture)();
        if (read.late()) throw new PipelineMiss(`step ${checks.label}: the picture needed a read issued after later steps`);
        checks.picture(o, this.r, after);
      } catch (error) {
        this.failure = { error, traceLength };
      }
    });
  }

  /** Waits for every queued check; the first problem, if any. */
  async settle(): Promise<PipelineFailure | undefined> {
    await this.tail;
    return this.failure;
  }
}

/** Each AVChatRoom's owner in the reference after the step, by the implementation's group ID: the user its members are read as. */
async function avOwners(sut: System, ref: System): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const [alias, groupID] of sut.ids) {
    if (sut.types.get(alias) !== 'AVChatRoom') continue;
    const refID = ref.ids.get(alias);
    if (refID === undefined) continue;
    try {
      const owner = (await ref.app.admin.call('getGroupInfo', { groupID: refID })).data?.ownerID;
      if (typeof owner === 'string') owners.set(groupID, owner);
    } catch {
      // gone in the reference: no members are read
    }
  }
  return owners;
}

/**
 * Issues the picture's reads now, through stand-ins for the sessions: each session's events read
 * is the step's own (issued with the step's deliveries), and each AVChatRoom's members are read at
 * once as the reference's owner, since observe() reads them as the owner its info read names, which
 * it knows only once that read is answered, after later steps' calls. A read observe() makes after
 * this turn that none of these answers is late (`late()`): the run is then judged step by step.
 */
function readPicture(sut: System, logs: ReadonlyArray<Promise<DeliveredEvent[]>>, owners: ReadonlyMap<string, string>): { picture: Promise<Later<Picture>>; late(): boolean } {
  let open = true;
  let late = false;
  const members = new Map<string, Promise<unknown>>();
  for (const [groupID, owner] of owners) {
    const first = sut.sessions.get(owner)?.[0];
    if (first === undefined) continue;
    const read = first.call('getGroupMemberList', { groupID, count: 100 });
    read.catch(() => undefined);
    members.set(`${owner}\n${groupID}`, read);
  }
  const tooLate = <T>(): Promise<T> => {
    late = true;
    return Promise.reject(new PipelineMiss('read after its turn'));
  };
  let i = 0;
  const stand = new Map<string, Session[]>();
  for (const [user, sessions] of sut.sessions) {
    stand.set(
      user,
      sessions.map((s) => {
        const log = logs[i++]!;
        const standIn: Session = {
          userID: s.userID,
          device: s.device,
          call: (method, arg) => {
            const early = method === 'getGroupMemberList' ? members.get(`${user}\n${(arg as { groupID?: string } | undefined)?.groupID}`) : undefined;
            if (early !== undefined) return early as ReturnType<Session['call']>;
            return open ? s.call(method, arg) : tooLate();
          },
          events: () => (open ? log : tooLate()),
          logout: () => s.logout(),
        };
        return standIn;
      }),
    );
  }
  const app: App = {
    admin: { call: (method, arg) => (open ? sut.app.admin.call(method, arg) : tooLate()) },
    login: () => tooLate(),
    close: () => sut.app.close(),
  };
  // a stand-in app of its own per step: observe() then remembers no owner from an earlier picture
  // (whose info may not have been answered yet) and reads each room's members as the owner named
  const p = later(picture(sut, { app, sessions: stand }));
  open = false;
  return { picture: p, late: () => late };
}
