/**
 * The base of every fuzzed command: resolves its targets against the model, performs one call on
 * the implementation (and on the reference in differential mode), then checks, through the public
 * API, that a refusal carried a documented code and changed nothing, that the reference agrees, and
 * that every invariant still holds. A violation throws with a message naming the step.
 */
import type fc from 'fast-check';
import type { CallResult } from '../adapters/contract';
import { ERRORS } from '../simulator/core/errors';
import { deepEqual, preview, type Outcome } from '../matchers/matchers';
import { violations } from '../matchers/invariants';
import { observe, type Picture } from '../matchers/observe';
import { UNLIMITED_AV, type Model, type Real, type System } from './model';
import { normalise } from './normalise';
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
    const o = await perform(r.sut, plan);
    const ref = r.reference === undefined ? undefined : await perform(r.reference, plan);
    // the scenario pins what the model requires, else what the reference did (else what happened):
    // a counterexample must fail against the implementation it came from
    const truth = ref ?? o;
    const code = truth.ok ? plan.mustFail?.code : truth.code;
    const onSuccess = plan.thenOnSuccess ?? [];
    r.trace.push(plan.gherkin, ...(code !== undefined ? [`Then it fails with code ${code}`, 'And nothing has changed'] : onSuccess.length > 0 || ref === undefined ? onSuccess : ['Then it succeeds']));
    const where = `step ${this.label}`;

    const diverged = (message: string, expected: string, actual: string, named: readonly string[] = []) => new Divergence(`${where}: ${message}`, plan.method, named, expected, actual);
    if (plan.mustFail !== undefined && o.ok) throw diverged(`succeeded, but ${plan.mustFail.why}`, `refused with code ${plan.mustFail.code}`, `success ${preview(o.data)}`, rulesIn(plan.mustFail.why));
    if (!o.ok && (o.code === undefined || (!ERRORS.has(o.code) && !SDK_CODES.has(o.code)))) {
      throw diverged(`refused with an undocumented code ${o.code}: ${o.message}`, 'a documented code', `code ${o.code}: ${o.message}`);
    }
    if (r.reference !== undefined && ref !== undefined) {
      const a = normalise(o, r.sut.ids);
      const b = normalise(ref, r.reference.ids);
      if (!deepEqual(a, b)) throw diverged(`differs from the reference simulator:\n  implementation ${preview(a)}\n  reference      ${preview(b)}`, preview(b), preview(a));
      // an implementation that declares no events is not held to the reference's deliveries
      const ea = r.sut.impl.capabilities.events ? await newEvents(r.sut) : undefined;
      const eb = ea === undefined ? undefined : await newEvents(r.reference);
      const na = normalise(ea, r.sut.ids);
      const nb = normalise(eb, r.reference.ids);
      if (!deepEqual(na, nb)) throw diverged(`delivered events differ from the reference simulator:\n  implementation ${preview(na)}\n  reference      ${preview(nb)}`, `events ${preview(nb)}`, `events ${preview(na)}`);
      plan.apply?.(structuredClone(m), ref, r.reference);
    }
    plan.apply?.(m, o, r.sut);

    const after = await picture(r.sut);
    if (!o.ok && r.sut.last !== undefined && !deepEqual(stable(r.sut.last), stable(after))) {
      throw diverged(`refused (${o.code}) but changed state:\n  before ${preview(stable(r.sut.last))}\n  after  ${preview(stable(after))}`, `no change after refusal ${o.code}: ${preview(stable(r.sut.last))}`, preview(stable(after)));
    }
    r.sut.last = after;
    const found = violations(after, { unlimitedAV: UNLIMITED_AV, dismissed: r.sut.dismissed, pendingListSize: r.pendingListSize });
    if (found.length > 0) {
      const message = `invariant broken: ${found.map((v) => `${v.invariant.name} [${v.invariant.rules.join(', ')}]: ${v.problems.join('; ')}`).join(' | ')}`;
      throw diverged(message, found.map((v) => v.invariant.name).join('; '), found.flatMap((v) => v.problems).join('; '), [...new Set(found.flatMap((v) => v.invariant.rules))]);
    }
  }

  toString(): string {
    return this.label ?? this.describe();
  }
}

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

export async function picture(sys: System): Promise<Picture> {
  const groups = [...sys.ids].map(([alias, groupID]) => ({ alias, groupID, type: sys.types.get(alias)! }));
  return observe({ app: sys.app, sessions: sys.sessions, groups });
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
  try {
    const arg = typeof plan.arg === 'function' ? await (plan.arg as (s: System) => Promise<unknown>)(sys) : resolve(plan.arg, sys);
    const r = await callAs(sys, plan.actor, plan.method, arg);
    return { ok: true, data: r.data };
  } catch (e) {
    const t = thrown(e);
    return { ok: false, code: t.code, message: t.code === undefined ? `rejected with ${t.shown}` : t.message };
  }
}

async function newEvents(sys: System): Promise<unknown> {
  // reads only: issued at once, so a wire client sends them as one batch
  const all = [...sys.sessions].flatMap(([user, sessions]) => sessions.map((s) => ({ user, s })));
  const logs = await Promise.all(all.map(({ s }) => s.events()));
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
