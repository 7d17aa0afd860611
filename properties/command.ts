/**
 * The base of every fuzzed command: resolves its targets against the model, performs one call on
 * the implementation (and on the reference in differential mode), then checks, through the public
 * API, that a refusal carried a documented code and changed nothing, that the reference agrees, and
 * that every invariant still holds. A violation throws with a message naming the step. A pipelined
 * run (properties/pipeline.ts) makes the same call and the same checks without waiting for each.
 */
import type fc from 'fast-check';
import type { App, CallResult, DeliveredEvent, Session } from '../adapters/contract';
import { ERRORS } from '../simulator/core/errors';
import { deepEqual, preview, type Outcome } from '../matchers/matchers';
import { violations } from '../matchers/invariants';
import { observe, type Picture } from '../matchers/observe';
import { UNLIMITED_AV, type Model, type Real, type System } from './model';
import { normalise, sameNormalised, type Side } from './normalise';
import { pickGroup, who } from './commands/pick';
import { Divergence } from './blame';
import { rulesIn } from './gherkin';
import { thrown } from '../matchers/thrown';

/** Codes the SDK raises itself, besides the registry's: documented in reference-sdk-surface §10. */
const SDK_CODES = new Set([2903]);

export interface Plan {
  /** User name, or '@admin' for the app admin. */
  actor: string;
  method: string;
  /** The argument; `{{alias}}` strings become the system's group IDs; a function computes it per system. */
  arg?: unknown | ((sys: System) => Promise<unknown>);
  /** The step as the suite writes it. */
  gherkin: string;
  /** What the model learns from the outcome. */
  apply?(m: Model, o: Outcome, sys: System): void;
  /**
   * The call must be refused (e.g. a second decision on one application); the code rendered into
   * the counterexample when it was not.
   */
  mustFail?: { code: number; why: string };
  /** Extra Gherkin outcome lines to render when the call succeeded. */
  thenOnSuccess?: string[];
  /** The group type the step creates, if any (skipped when the implementation lacks it). */
  groupType?: import('../adapters/contract').GroupTypeName;
  /**
   * The implementation's answer names what later calls use (a new group's ID, by `apply`): a
   * pipelined run (properties/pipeline.ts) waits for it before going on.
   */
  namesGroup?: boolean;
}

/** Runs a planned step other than one call after another (properties/pipeline.ts), when a run has one. */
export interface StepDriver {
  step(m: Model, plan: Plan, checks: StepChecks): Promise<void>;
}
const drivers = new WeakMap<Real, StepDriver>();

/** Whether the steps of `r` are pipelined (a command's own reads may then be issued together). */
export function pipelined(r: Real): boolean {
  return drivers.has(r);
}

/** Makes `driver` run every step of `r` from now on. */
export function driveWith(r: Real, driver: StepDriver): void {
  drivers.set(r, driver);
}

export abstract class GroupCommand implements fc.AsyncCommand<Model, Real, boolean> {
  private label: string | undefined;

  abstract check(m: Readonly<Model>): boolean;
  /** Resolves targets from the model; undefined when nothing fits right now. */
  abstract plan(m: Readonly<Model>): Plan | undefined;
  abstract describe(): string;
  /** Reads what planning needs from the system under test (most commands need nothing). */
  async prepare(_m: Readonly<Model>, _r: Real): Promise<void> {}

  async run(m: Model, r: Real): Promise<void> {
    await this.prepare(m, r);
    const plan = this.plan(m);
    if (plan === undefined || !applicable(plan, r)) return;
    this.label = plan.gherkin.replace(/^When /, '');
    const step = new StepChecks(plan, this.label);
    const driver = drivers.get(r);
    if (driver !== undefined) return driver.step(m, plan, step);
    const o = await perform(r.sut, plan);
    const ref = r.reference === undefined ? undefined : await perform(r.reference, plan);
    record(r.trace, plan, o, ref);
    // compared before apply: a step that names a group adds it to the ID maps
    step.outcome(o, ref === undefined ? undefined : [{ value: o, ids: r.sut.ids }, { value: ref, ids: r.reference!.ids }]);
    if (r.reference !== undefined && ref !== undefined) {
      // an implementation that declares no events is not held to the reference's deliveries
      const ea = r.sut.impl.capabilities.events ? await newEvents(r.sut) : undefined;
      const eb = ea === undefined ? undefined : await newEvents(r.reference);
      step.events([{ value: ea, ids: r.sut.ids }, { value: eb, ids: r.reference.ids }]);
      plan.apply?.(structuredClone(m), ref, r.reference);
    }
    plan.apply?.(m, o, r.sut);
    step.picture(o, r, await picture(r.sut));
  }

  toString(): string {
    return this.label ?? this.describe();
  }
}

/**
 * The Gherkin lines of a step. The scenario pins what the model requires, else what the reference
 * did (else what happened): a counterexample must fail against the implementation it came from.
 */
export function record(trace: string[], plan: Plan, o: Outcome, ref: Outcome | undefined): void {
  const truth = ref ?? o;
  const code = truth.ok ? plan.mustFail?.code : truth.code;
  const onSuccess = plan.thenOnSuccess ?? [];
  trace.push(plan.gherkin, ...(code !== undefined ? [`Then it fails with code ${code}`, 'And nothing has changed'] : onSuccess.length > 0 || ref === undefined ? onSuccess : ['Then it succeeds']));
}

/**
 * The checks of one step, in the order they are made, each throwing the step's Divergence: shared
 * by the step-by-step driver (above) and the pipelined one (properties/pipeline.ts).
 */
export class StepChecks {
  constructor(
    readonly plan: Plan,
    readonly label: string,
  ) {}

  private diverged(message: string, expected: string, actual: string, named: readonly string[] = []): Divergence {
    return new Divergence(`step ${this.label}: ${message}`, this.plan.method, named, expected, actual);
  }

  /** A required refusal, a documented code, and (differential) the reference's outcome: `compared` is both outcomes with their ID maps. */
  outcome(o: Outcome, compared: [Side, Side] | undefined): void {
    const plan = this.plan;
    if (plan.mustFail !== undefined && o.ok) throw this.diverged(`succeeded, but ${plan.mustFail.why}`, `refused with code ${plan.mustFail.code}`, `success ${preview(o.data)}`, rulesIn(plan.mustFail.why));
    if (!o.ok && (o.code === undefined || (!ERRORS.has(o.code) && !SDK_CODES.has(o.code)))) {
      throw this.diverged(`refused with an undocumented code ${o.code}: ${o.message}`, 'a documented code', `code ${o.code}: ${o.message}`);
    }
    if (compared === undefined || sameNormalised(...compared)) return;
    const [a, b] = normalised(compared);
    if (!deepEqual(a, b)) throw this.diverged(`differs from the reference simulator:\n  implementation ${preview(a)}\n  reference      ${preview(b)}`, preview(b), preview(a));
  }

  /** The events the step delivered on both sides, with their ID maps. */
  events(compared: [Side, Side]): void {
    if (sameNormalised(...compared)) return;
    const [na, nb] = normalised(compared);
    if (!deepEqual(na, nb)) throw this.diverged(`delivered events differ from the reference simulator:\n  implementation ${preview(na)}\n  reference      ${preview(nb)}`, `events ${preview(nb)}`, `events ${preview(na)}`);
  }

  /** The picture after the step: a refusal changed nothing since the last one, and every invariant holds. */
  picture(o: Outcome, r: Real, after: Picture): void {
    const sut = r.sut;
    if (!o.ok && sut.last !== undefined && !deepEqual(stable(sut.last), stable(after))) {
      throw this.diverged(`refused (${o.code}) but changed state:\n  before ${preview(stable(sut.last))}\n  after  ${preview(stable(after))}`, `no change after refusal ${o.code}: ${preview(stable(sut.last))}`, preview(stable(after)));
    }
    sut.last = after;
    const found = violations(after, { unlimitedAV: UNLIMITED_AV, dismissed: sut.dismissed, pendingListSize: r.pendingListSize });
    if (found.length > 0) {
      const message = `invariant broken: ${found.map((v) => `${v.invariant.name} [${v.invariant.rules.join(', ')}]: ${v.problems.join('; ')}`).join(' | ')}`;
      throw this.diverged(message, found.map((v) => v.invariant.name).join('; '), found.flatMap((v) => v.problems).join('; '), [...new Set(found.flatMap((v) => v.invariant.rules))]);
    }
  }
}

const normalised = ([a, b]: [Side, Side]): [unknown, unknown] => [normalise(a.value, a.ids), normalise(b.value, b.ids)];

/** What the implementation declares it lacks is never exercised: its absence is not a failure. */
function applicable(plan: Plan, r: Real): boolean {
  const caps = r.sut.impl.capabilities;
  if (plan.groupType !== undefined && !caps.groupTypes.includes(plan.groupType)) return false;
  return (plan.actor === '@admin' ? caps.adminOperations : caps.operations).includes(plan.method);
}

/** The picture of state, less the event-derived part that a refusal may legitimately leave alone. */
function stable(p: Picture): unknown {
  return { groups: p.groups, lists: p.lists, pending: p.pending };
}

/** The picture of every group the system knows, read through its app and sessions (or through stand-ins for them). */
export async function picture(sys: System, via: { app: App; sessions: Map<string, Session[]> } = sys): Promise<Picture> {
  const groups = [...sys.ids].map(([alias, groupID]) => ({ alias, groupID, type: sys.types.get(alias)! }));
  return observe({ app: via.app, sessions: via.sessions, groups });
}

/** Replaces `{{alias}}` strings with the system's group IDs (an alias it never created stays unresolved). */
export function resolve(value: unknown, sys: System): unknown {
  if (typeof value === 'string') return !value.includes('{{') ? value : value.replace(/\{\{([^}]+)\}\}/g, (_m, alias: string) => sys.ids.get(alias) ?? `unknown-${alias}`);
  if (Array.isArray(value)) return value.map((v) => resolve(v, sys));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, sys)]));
  return value;
}

/** One call as a user (on their first device) or as the app admin ('@admin'). */
export function callAs(sys: System, actor: string, method: string, arg: unknown): Promise<CallResult> {
  return actor === '@admin' ? sys.app.admin.call(method, arg) : sys.sessions.get(actor)![0]!.call(method, arg);
}

export async function perform(sys: System, plan: Plan): Promise<Outcome> {
  return (await issue(sys, plan)).outcome;
}

/**
 * Computes the argument (a function argument may read the system first) and issues the call;
 * resolves once the call has been issued, with its outcome to come (which never rejects).
 */
export async function issue(sys: System, plan: Plan): Promise<{ outcome: Promise<Outcome> }> {
  try {
    const arg = typeof plan.arg === 'function' ? await (plan.arg as (s: System) => Promise<unknown>)(sys) : resolve(plan.arg, sys);
    return { outcome: callAs(sys, plan.actor, plan.method, arg).then((r) => ({ ok: true, data: r.data }), refused) };
  } catch (e) {
    return { outcome: Promise.resolve(refused(e)) };
  }
}

function refused(e: unknown): Outcome {
  const t = thrown(e);
  return { ok: false, code: t.code, message: t.code === undefined ? `rejected with ${t.shown}` : t.message };
}

/** Every session of the system with its user, in the order their events are read and compared. */
export function sessionsOf(sys: System): Array<{ user: string; s: Session }> {
  return [...sys.sessions].flatMap(([user, sessions]) => sessions.map((s) => ({ user, s })));
}

/** What every session received since its cursor. */
export async function newEvents(sys: System): Promise<unknown> {
  // reads only: issued at once, so a wire client sends them as one batch
  const all = sessionsOf(sys);
  return eventsSince(sys, all, await Promise.all(all.map(({ s }) => s.events())));
}

/** What each session's log holds past its cursor (by `user/device`); the cursors move to the logs' ends. */
export function eventsSince(sys: System, all: ReadonlyArray<{ user: string; s: Session }>, logs: readonly DeliveredEvent[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  all.forEach(({ user, s }, i) => {
    const log = logs[i]!;
    const from = sys.cursors.get(s) ?? 0;
    sys.cursors.set(s, log.length);
    out[`${user}/${s.device}`] = log.slice(from);
  });
  return out;
}

/**
 * A command aimed at one live group, picked by a generated index, with an actor that may be
 * `@creator` (the group's creator): most commands have this shape.
 */
export abstract class LiveGroupCommand extends GroupCommand {
  constructor(readonly actor: string, readonly group: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.groups.some((g) => !g.dismissed);
  }
  plan(m: Readonly<Model>): Plan | undefined {
    const g = pickGroup(m, this.group);
    return g === undefined ? undefined : this.planFor(g, who(this.actor, g));
  }
  abstract planFor(g: import('./model').ModelGroup, actor: string): Plan;
}
