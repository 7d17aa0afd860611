/**
 * Reads issued ahead, for a wire client (Implementation.inOrder): the reads the Then steps after an
 * action will make are issued right behind the action, so they travel in the action's batch and
 * each Then step finds its answer instead of making an HTTP exchange of its own (issue 21: an
 * exchange costs the client and the server far more than a request in a batch).
 *
 * Each Then step still makes its own check on its own answer, so a failure is reported on the step
 * that checks it, and only that step may take the answers read for it; an incident a read meets
 * (a malformed answer, a missed deadline) is reported only when a step takes the answer. What is
 * left is dropped by any call through GroupWorld.attempt that was not read ahead (an events read
 * drops nothing: it changes nothing), by a login, a logout or a clock advance of the World, by a
 * new action, and by any step outside the Then steps right after the action. A state change made
 * some other way (a session's call made directly) is not seen: steps make theirs through the
 * World. What a step declares it reads (`reads`) only decides what is sent ahead: a step whose
 * read does not match one read ahead (another argument, a group created by the action) makes it
 * itself, as before.
 */
import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { PickleStep } from '@cucumber/messages';

/** Issues a step's reads through the World (in recording mode: they are kept, not awaited). */
export type ReadAhead<W> = (w: W, ...args: any[]) => unknown;

interface Reader {
  readonly pattern: string;
  readonly read: ReadAhead<any>;
  expression?: CucumberExpression;
}

const registry = new ParameterTypeRegistry();
const readers: Reader[] = [];
/** Step text -> its reads and their arguments (null: no step of `readers` matches). */
const matched = new Map<string, { read: ReadAhead<any>; args: unknown[] } | null>();

/** The suite's parameter types, for matching step texts here as cucumber matches them (steps/dsl.ts defines both). */
export function defineReadParameterType(name: string, regexp: RegExp, transformer: (s: string) => unknown): void {
  registry.defineParameterType(new ParameterType(name, regexp, null, transformer, true, false));
}

/**
 * `Then(reads(pattern, read), body)`: the step's pattern, with what the step reads, so that a wire
 * run issues it right behind the action before the step. `read` must issue its calls at once (no
 * await before them) and make nothing but reads.
 */
export function reads<W>(pattern: string, read: ReadAhead<W>): string {
  readers.push({ pattern, read });
  return pattern;
}

function readerOf(text: string): { read: ReadAhead<any>; args: unknown[] } | null {
  let found = matched.get(text);
  if (found !== undefined) return found;
  found = null;
  for (const r of readers) {
    r.expression ??= new CucumberExpression(r.pattern, registry);
    const args = r.expression.match(text);
    if (args !== null) {
      found = { read: r.read, args: args.map((a) => a.getValue(null)) };
      break;
    }
  }
  matched.set(text, found);
  return found;
}

/** Raised while reading ahead when a read cannot be made yet (a group the action creates, a user not logged in). */
export class NotYet extends Error {}

const ignore = () => undefined;

/**
 * An answer read ahead, the step that declared the read (the only step that may take it), and the
 * incidents its read met (a malformed answer, a missed deadline), reported only once a step takes it.
 */
interface Answer {
  step: number;
  answer: Promise<unknown>;
  held: Array<() => void>;
}

/** Runs a report now, or (reading ahead) holds it with the answer until a step takes that answer. */
export type Hold = (report: () => void) => void;
export const NOW: Hold = (report) => report();

function push<K>(map: Map<K, Answer[]>, key: K, a: Answer): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [a]);
  else list.push(a);
}

/** Per scenario: which reads go behind which action, and the answers read ahead not yet used. */
export class ReadsAhead<W> {
  /**
   * Calls read ahead, in the order issued, by their key (actor, method, argument): a key is made once
   * the reads are used, when the groups the argument names by reference have their IDs.
   */
  private recorded: Array<{ key: () => string } & Answer> = [];
  private calls: Map<string, Answer[]> | undefined;
  /**
   * Events reads read ahead, by session, in the order issued. Only the step that declared a read
   * takes its answer: a "never" step that waits before it reads must not take an answer read
   * right after the action for a later step.
   */
  private events = new Map<object, Answer[]>();
  /** The step running, and while recording, the step whose reads are being issued. */
  private current = -1;
  private recordingFor = -1;
  /** The last step the answers read ahead are for; -1: there are none. */
  private until = -1;
  /** The action step whose reads are due once its call is issued. */
  private armed = -1;
  /** While the reads ahead are being issued. */
  recording = false;

  private constructor(private readonly plan: ReadonlyMap<number, { last: number; reads: Array<{ step: number; read: ReadAhead<W>; args: unknown[] }> }>) {}

  /** The plan for a scenario's steps: for each action, the reads of the Then steps right after it; undefined if there are none. */
  static of<W>(steps: readonly PickleStep[]): ReadsAhead<W> | undefined {
    const plan = new Map<number, { last: number; reads: Array<{ step: number; read: ReadAhead<W>; args: unknown[] }> }>();
    for (let i = 0; i < steps.length; i++) {
      if (steps[i]!.type !== 'Action') continue;
      const reads: Array<{ step: number; read: ReadAhead<W>; args: unknown[] }> = [];
      let j = i + 1;
      for (; j < steps.length && steps[j]!.type === 'Outcome'; j++) {
        const r = readerOf(steps[j]!.text);
        if (r !== null) reads.push({ step: j, ...r });
      }
      if (reads.length > 0) plan.set(i, { last: j - 1, reads });
    }
    return plan.size > 0 ? new ReadsAhead(plan) : undefined;
  }

  /** A step starts: outside the Then steps the answers are for, they are dropped. */
  stepStarted(step: number): void {
    this.current = step;
    if (step > this.until) this.drop();
  }

  /** The action of `step` is issued next (after the reads before it, markActionStart): its reads go right behind it (issued). */
  arm(step: number): void {
    this.drop();
    this.armed = this.plan.has(step) ? step : -1;
  }

  /** A call was issued at `step`: if it is the armed action, its reads are issued now. */
  issued(w: W, step: number): void {
    if (this.armed < 0) return;
    const plan = this.armed === step ? this.plan.get(step) : undefined;
    this.armed = -1;
    if (plan === undefined) return;
    this.until = plan.last;
    this.recording = true;
    try {
      for (const { step: reader, read, args } of plan.reads) {
        this.recordingFor = reader;
        try {
          Promise.resolve(read(w, ...args)).catch(ignore);
        } catch {
          // not readable yet (NotYet) or not at all: the step makes its read itself
        }
      }
    } finally {
      this.recording = false;
    }
  }

  /** A call: recorded while reading ahead, else its answer read ahead if there is one (else what was read ahead is dropped). */
  call<T>(key: () => string, make: (hold: Hold) => Promise<T>): Promise<T> {
    if (this.recording) {
      const a = this.record(make);
      this.recorded.push({ key, ...a });
      return a.answer as Promise<T>;
    }
    if (this.until < 0) return make(NOW);
    if (this.calls === undefined) {
      this.calls = new Map();
      for (const r of this.recorded) push(this.calls, r.key(), r);
      this.recorded = [];
    }
    return this.take(this.calls, key(), make, true);
  }

  /** An events read of a session: as call(), but a read that was not made ahead drops nothing (reading events changes nothing). */
  eventsOf<T>(session: object, make: (hold: Hold) => Promise<T>): Promise<T> {
    return this.take(this.events, session, make, false);
  }

  private record<T>(make: (hold: Hold) => Promise<T>): Answer {
    const held: Array<() => void> = [];
    const answer = make((report) => held.push(report));
    answer.catch(ignore);
    return { step: this.recordingFor, answer, held };
  }

  private take<K, T>(map: Map<K, Answer[]>, key: K, make: (hold: Hold) => Promise<T>, dropOnMiss: boolean): Promise<T> {
    if (this.recording) {
      const a = this.record(make);
      push(map, key, a);
      return a.answer as Promise<T>;
    }
    const list = map.get(key);
    const i = list === undefined ? -1 : list.findIndex((a) => a.step === this.current);
    if (i >= 0) {
      // the read's incidents are held until the answer settles (make reports them before it does)
      const { answer, held } = list!.splice(i, 1)[0]!;
      const report = () => held.forEach((r) => r());
      return answer.then(
        (v) => (report(), v),
        (e: unknown) => {
          report();
          throw e;
        },
      ) as Promise<T>;
    }
    if (dropOnMiss) this.drop();
    return make(NOW);
  }

  drop(): void {
    if (this.until < 0) return;
    this.until = -1;
    this.recorded = [];
    this.calls = undefined;
    this.events = new Map();
  }
}
