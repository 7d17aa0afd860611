/**
 * The scenario's world: one fresh app of the implementation under test, the sessions of the
 * users the sentences name, the groups they named (aliases to real IDs), the last call's outcome,
 * and per-session event cursors so assertions look at what happened since the last action.
 */
import { setWorldConstructor, World } from '@cucumber/cucumber';
import type { App, AppOptions, CallResult, DeliveredEvent, GroupTypeName, Implementation, Session } from '../adapters/contract';
import { Ref, refTo } from '../adapters/contract/refs';
import { at, type Outcome } from '../matchers/matchers';
import { callTimeoutMs, currentImplementation } from '../adapters/resolve';
import { DEADLINES, failed, failedAtOnce, outcomeOf, screen, settled } from './call-outcome';
import { GROUP_TYPE_NAMES } from '../adapters/contract';
import { traceOf, type RenderedTrace } from '../adapters/contract/trace';
import { picture } from './picture';
import { NOW, NotYet, type Hold, type ReadsAhead } from './reads-ahead';
import { ADMIN, NOTHING_HAS_CHANGED, SETTLE_MS, Skip, eachInTurn, wireType, type Incident } from './world-terms';

export { ADMIN, NOTHING_HAS_CHANGED, SETTLE_MS, Skip, wireType } from './world-terms';

export class GroupWorld extends World {
  impl: Implementation = currentImplementation();
  private appPromise: Promise<App> | undefined;
  /** The app, once created: calls reach it without awaiting appPromise again. */
  private appValue: App | undefined;
  appOptions: AppOptions = {};
  /** user -> device -> session */
  readonly sessions = new Map<string, Map<string, Session>>();
  /** alias (the quoted name in the sentence) -> group ID */
  readonly groups = new Map<string, string>();
  readonly groupTypes = new Map<string, GroupTypeName>();
  /** Users logged in with unlimitedAVChatRoom (an invariant fact). */
  readonly unlimitedAV = new Set<string>();
  /** Who "the actor" is in permission-grid scenarios. */
  actor: string | undefined;
  last: Outcome | undefined;
  /**
   * Groups whose creation was issued ahead (Implementation.references): alias -> a reference to the
   * ID its createGroup will answer. Steps that take a group as a reference (groupArg) run without
   * waiting for it; any other step first waits for every set-up call issued ahead (settle).
   */
  private readonly pendingGroups = new Map<string, Ref>();
  /** What the references of pendingGroups named, once answered (for the keys of reads ahead). */
  private readonly refIDs = new WeakMap<Ref, string>();
  /** Set-up calls issued ahead, not yet awaited, in issue order (a failure fails the next step that settles). */
  private pending: Array<Promise<unknown>> = [];
  /** Session key -> index of the first event that counts for assertions. */
  private readonly cursors = new Map<Session, number>();
  /** Whether the scenario compares states ("nothing has changed"): only then is a picture of the state taken before
   * each action. The Before hook sets it from the scenario's steps (default: taken). */
  comparesStates = true;
  private picture: unknown;
  /** The deadline of one call, read once per scenario. */
  private readonly callTimeout = callTimeoutMs();
  /** Set when the implementation broke the contract (an uncoded error, a malformed response) or missed a deadline:
   * the runner reports the scenario as crashed or timed out, not as failed. */
  incident: Incident | undefined;
  /** The step running (its index in the scenario: the step wrapper counts, steps/dsl.ts). */
  private step = -1;
  /** Over the wire, the reads the Then steps after an action make, issued behind it (set by the Before hook). */
  ahead: ReadsAhead<GroupWorld> | undefined;

  app(): Promise<App> {
    this.appPromise ??= this.deadline('createApp', this.impl.createApp(this.appOptions)).then((a) => (this.appValue = a));
    return this.appPromise;
  }

  /** Bounds one call to the implementation: a hanging implementation gives a timeout, never a hung run. */
  deadline<T>(what: string, p: Promise<T>, hold: Hold = NOW): Promise<T> {
    return DEADLINES.bound(what, this.callTimeout, p).then(undefined, (e: unknown) => {
      screen(e, hold, this.report);
      throw e;
    });
  }

  /** The calls this scenario made so far, rendered for a report; undefined when no app was made or the implementation is not traced. */
  async trace(): Promise<RenderedTrace | undefined> {
    return traceOf(this.appValue)?.render();
  }

  appStarted(): boolean {
    return this.appPromise !== undefined;
  }

  resolveActor(name: string): string {
    if (name === 'the actor') {
      if (this.actor === undefined) throw new Error('no actor was chosen: use "Given the actor is …"');
      return this.actor;
    }
    return name === 'the app admin' ? ADMIN : name;
  }

  /** Called by the step wrapper as each step starts. */
  stepStarted(): void {
    this.ahead?.stepStarted(++this.step);
  }

  groupID(alias: string): string {
    if (this.ahead?.recording === true && !this.groups.has(alias)) throw new NotYet(alias);
    if (this.pendingGroups.has(alias)) throw new Error(`group "${alias}" is still being created: this step must settle() first (steps/dsl.ts: AHEAD)`);
    return this.groups.get(alias) ?? alias;
  }

  /** The group's ID, or a reference to the ID its createGroup will answer while that is issued ahead (for calls only). */
  groupArg(alias: string): string | Ref {
    return this.pendingGroups.get(alias) ?? this.groupID(alias);
  }

  /** The named groups; one still being created is named by a reference to its ID (groupArg: for calls only). */
  namedGroups(): Array<[string, string | Ref]> {
    return this.pendingGroups.size === 0 ? [...this.groups] : [...this.groups, ...this.pendingGroups];
  }

  /** Whether set-up calls were issued ahead and not yet awaited. */
  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Waits for the set-up calls issued ahead, in issue order; the first failure is the step's. */
  async settle(): Promise<void> {
    while (this.pending.length > 0) {
      const pending = this.pending;
      this.pending = [];
      for (const p of pending) await p;
    }
  }

  /**
   * Issues a group's createGroup ahead: the step returns without its answer, and later set-up calls
   * name the group by a reference (groupArg). Only for an implementation with `references`; the
   * call is issued before this returns (its session exists), so issue order is kept.
   */
  async createAhead(owner: string, alias: string, type: GroupTypeName, arg: Record<string, unknown>): Promise<void> {
    // the one place a Ref enters a call's argument: attempt() passes arguments on as they are
    if (this.impl.references !== true) throw new Error(`createAhead needs an implementation with references (${this.impl.name} has none): create the group and await it`);
    if (owner !== ADMIN) await this.session(owner);
    else await this.app();
    let issued: Promise<CallResult> | undefined;
    const data = this.must(owner, 'createGroup', arg, (p) => (issued = p));
    if (issued === undefined) {
      // not issued at once after all: wait, as create did before
      this.registerGroup(alias, type, await data);
      return;
    }
    this.groupTypes.set(alias, type);
    this.pendingGroups.set(alias, refTo(issued, owner === ADMIN ? '/data/groupID' : '/data/group/groupID'));
    const done = data.then(
      (d: any) => this.registerGroup(alias, type, d),
      (e: unknown) => {
        this.pendingGroups.delete(alias);
        this.groupTypes.delete(alias);
        throw e;
      },
    );
    // awaited by settle(); marked handled so that a failure is reported there, not as unhandled
    done.catch(() => undefined);
    this.pending.push(done);
  }

  /** `p`, once the set-up calls issued ahead have been awaited (their failure comes first: it is the cause). */
  async afterPending<T>(p: Promise<T>): Promise<T> {
    p.catch(() => undefined);
    await this.settle();
    return p;
  }

  /** Makes the action that creates `alias` (`create`); meanwhile calls name the group by reference (the Then steps' reads ahead). */
  async creates(alias: string, type: GroupTypeName, byAdmin: boolean, create: (issued: (call: Promise<CallResult>) => void) => Promise<Outcome>): Promise<void> {
    const o = await create((call) => {
      if (this.impl.references !== true) return;
      this.pendingGroups.set(alias, refTo(call, byAdmin ? '/data/groupID' : '/data/group/groupID'));
      this.groupTypes.set(alias, type);
    });
    if (o.ok) this.registerGroup(alias, type, o.data);
    else if (this.pendingGroups.delete(alias)) this.groupTypes.delete(alias);
  }

  /** Records a created group: alias -> ID, and its type. */
  registerGroup(alias: string, type: GroupTypeName, data: any): void {
    const id: string = data.groupID ?? data.group.groupID;
    const ref = this.pendingGroups.get(alias);
    if (ref !== undefined) this.refIDs.set(ref, id);
    this.pendingGroups.delete(alias);
    this.groups.set(alias, id);
    this.groupTypes.set(alias, type);
  }

  /** Replaces {{alias}} in a text with the group's real ID. */
  substitute(text: string): string {
    return text.replace(/\{\{([^}]+)\}\}/g, (_m, alias: string) => this.groupID(alias));
  }

  /** The user's session on the device, logging them in first if needed (no await when they are). */
  session(userID: string, device = 'web'): Session | Promise<Session> {
    return this.loggedIn(userID, device) ?? this.login(userID, device);
  }

  /** The user's session on the device (on 'web': their first one), if they are logged in there. */
  private loggedIn(userID: string, device = 'web'): Session | undefined {
    const devices = this.sessions.get(userID);
    return devices?.get(device) ?? (device === 'web' && devices !== undefined ? devices.values().next().value : undefined);
  }

  async login(userID: string, device = 'web', opts: { unlimitedAVChatRoom?: boolean } = {}): Promise<Session> {
    // a login changes what others observe (events, the picture): answers read ahead are stale
    this.ahead?.drop();
    // no await once the app exists: the login is then issued at once (GroupWorld.sequence)
    const app = this.appValue ?? (await this.app());
    return this.register(userID, device, opts, await this.deadline(`login ${userID}`, app.login(userID, { device, ...opts })));
  }

  /** Logs several users in on 'web', issued as eachInTurn issues them, registered in this order. */
  async loginAll(users: readonly string[]): Promise<void> {
    await this.eachInTurn(users, (u) => this.login(u));
  }

  /** Imports accounts (setup that must succeed), issued as eachInTurn issues them. */
  async importAccounts(users: readonly string[]): Promise<void> {
    await this.eachInTurn(users, (userID) => this.must(ADMIN, 'importAccount', { userID }));
  }

  /** Runs `f` for each item in order: all issued at once to an implementation with inOrder (eachInTurn). */
  eachInTurn<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
    return eachInTurn(this.impl, items, f);
  }

  /**
   * Runs set-up calls in order. To an implementation with `references` (which runs calls in issue
   * order) each is started without waiting for the one before (each must issue its calls before it
   * first awaits), so they share an exchange with what was issued ahead; they are awaited after it
   * or, `ahead`, left to the next step that settles (GroupWorld.call, for a When that takes AHEAD).
   * Any other implementation gets them one after another, as always.
   */
  async sequence(steps: ReadonlyArray<() => Promise<unknown>>, ahead = false): Promise<void> {
    if (this.impl.references !== true) {
      for (const f of steps) await f();
      return;
    }
    const done = Promise.all(steps.map((f) => f()));
    if (!ahead) return void (await this.afterPending(done));
    done.catch(() => undefined);
    this.pending.push(done);
  }

  private register(userID: string, device: string, opts: { unlimitedAVChatRoom?: boolean }, s: Session): Session {
    if (opts.unlimitedAVChatRoom === true) this.unlimitedAV.add(userID);
    let devices = this.sessions.get(userID);
    if (devices === undefined) {
      devices = new Map();
      this.sessions.set(userID, devices);
    }
    devices.set(device, s);
    return s;
  }

  /** Logs sessions out, one after another; like a login, it makes answers read ahead stale. */
  async logout(sessions: readonly Session[]): Promise<void> {
    this.ahead?.drop();
    for (const s of sessions) await s.logout();
  }

  /** Advances the implementation's clock; answers read ahead are stale after it. */
  async advanceClock(seconds: number): Promise<void> {
    const app = await this.app();
    if (app.advanceClock === undefined || !this.impl.capabilities.clock) throw new Skip('clock control');
    this.ahead?.drop();
    await app.advanceClock(seconds * 1000);
  }

  devicesOf(userID: string): Session[] {
    return [...(this.sessions.get(userID)?.values() ?? [])];
  }

  /** Makes a call as a user (through their first session) or as the app admin, recording the outcome. */
  async call(actor: string, method: string, arg?: unknown, issued?: (call: Promise<CallResult>) => void): Promise<Outcome> {
    // log the actor in first, so the "before" picture already holds their group list
    if (actor !== ADMIN) await this.session(actor);
    if (this.impl.inOrder === true) {
      // the reads before the action and the action are issued at once, reads first: an
      // implementation that runs calls in issue order (a wire client: one batch) runs them so
      // set-up issued ahead goes before them, and is awaited first: its failure is the cause
      const [, outcome] = await this.afterPending(Promise.all([this.markActionStart(), this.attempt(actor, method, arg, issued)]));
      this.last = outcome;
    } else {
      await this.markActionStart();
      this.last = await this.attempt(actor, method, arg, issued);
    }
    return this.last;
  }

  /** A call whose outcome is not the scenario's subject (setup, read-back); its answer if it was read ahead (only by users logged in: a login is no read). */
  attempt(actor: string, method: string, arg?: unknown, issued?: (call: Promise<CallResult>) => void): Promise<Outcome> {
    const ahead = this.ahead;
    if (ahead === undefined) return this.attemptNow(actor, method, arg, issued);
    if (ahead.recording && actor !== ADMIN && this.loggedIn(actor) === undefined) throw new NotYet(actor);
    const key = () => `${actor}\n${method}\n${JSON.stringify(arg, (_k, v: unknown) => (v instanceof Ref ? (this.refIDs.get(v) ?? v) : v))}`;
    return ahead.call(key, (hold) => this.attemptNow(actor, method, arg, issued, hold));
  }

  /** `hold`: an incident is reported when the answer is used (a read ahead no step uses changes no verdict). With the app
   * and the session at hand, the call is issued at once (Implementation.inOrder), its outcome made in one reaction. */
  private attemptNow(actor: string, method: string, arg?: unknown, issued?: (call: Promise<CallResult>) => void, hold: Hold = NOW): Promise<Outcome> {
    const target = actor === ADMIN ? this.appValue?.admin : this.loggedIn(actor);
    return target === undefined ? this.attemptLater(actor, method, arg, issued, hold) : this.issue(actor, method, arg, issued, hold, target);
  }

  /** Not attemptNow again: a target the implementation handed over as undefined must crash the call, not make it anew. */
  private issue(actor: string, method: string, arg: unknown, issued: ((call: Promise<CallResult>) => void) | undefined, hold: Hold, target: Pick<Session, 'call'>): Promise<Outcome> {
    let call: Promise<CallResult>;
    try {
      this.requireOperation(actor, method, arg);
      call = target.call(method, arg);
      issued?.(call);
      this.ahead?.issued(this, this.step);
    } catch (e) {
      return failedAtOnce(method, e, hold, this.report);
    }
    return outcomeOf(DEADLINES.bound(method, this.callTimeout, call), actor, method, hold, this.report);
  }

  /** attemptNow when the app or the session must be made first. */
  private async attemptLater(actor: string, method: string, arg: unknown, issued: ((call: Promise<CallResult>) => void) | undefined, hold: Hold): Promise<Outcome> {
    this.requireOperation(actor, method, arg);
    let target: Pick<Session, 'call'>;
    try {
      target = actor === ADMIN ? (this.appValue ?? (await this.app())).admin : await this.session(actor);
    } catch (e) {
      return failed(method, e, hold, this.report);
    }
    return this.issue(actor, method, arg, issued, hold, target);
  }

  /** The scenario's incident: the first one reported. */
  private readonly report = (incident: Incident): void => void (this.incident ??= incident);

  /** A setup call that must succeed. */
  must(actor: string, method: string, arg?: unknown, issued?: (call: Promise<CallResult>) => void): Promise<any> {
    // not an async function: one promise less a call, for cucumber's AsyncLocalStorage hooks to track
    return settled(() => this.attempt(actor, method, arg, issued)).then((o) => {
      if (!o.ok) throw new Error(`setup call ${method} by ${actor} failed with ${o.code ?? 'no code'}: ${o.message}`);
      return o.data;
    });
  }

  /** Skips the step when the implementation lacks the operation, or the type of group it creates. */
  requireOperation(actor: string, method: string, arg?: unknown): void {
    const caps = this.impl.capabilities;
    const list = actor === ADMIN ? caps.adminOperations : caps.operations;
    if (!list.includes(method)) throw new Skip(`${actor === ADMIN ? 'admin command' : 'method'} ${method}`);
    // creating a group of a type the implementation lacks is not applicable, whichever step does it
    const type = method === 'createGroup' ? GROUP_TYPE_NAMES.find((t) => wireType(t) === (arg as { type?: unknown } | undefined)?.type) : undefined;
    if (type !== undefined) this.requireType(type);
  }

  requireType(t: GroupTypeName): void {
    if (!this.impl.capabilities.groupTypes.includes(t)) throw new Skip(`group type ${t}`);
  }

  /** Starts counting events afresh for every session, and remembers the state for comparisons. */
  async markActionStart(): Promise<void> {
    // reads only: the events reads issued at once, as always; with Implementation.inOrder the
    // picture's reads too, all before this returns its promise (the action then follows them)
    const all = [...this.sessions.values()].flatMap((devices) => [...devices.values()]);
    const logs = Promise.all(all.map((s) => this.deadline('events', s.events())));
    const picture = this.comparesStates && this.impl.inOrder === true ? this.observe() : undefined;
    this.ahead?.arm(this.step);
    (await logs).forEach((log, i) => this.cursors.set(all[i]!, log.length));
    if (picture !== undefined) this.picture = await picture;
    else if (this.comparesStates) this.picture = await this.observe();
  }

  /** Observable state just before the last action, for "nothing has changed". */
  get before(): unknown {
    if (!this.comparesStates) throw new Error(`no picture of the state was taken: the scenario has no "${NOTHING_HAS_CHANGED}" step`);
    return this.picture;
  }

  /** Events delivered since the last action; an implementation without events makes the step not applicable. */
  async eventsSinceAction(s: Session): Promise<DeliveredEvent[]> {
    if (!this.impl.capabilities.events) throw new Skip('event delivery');
    // a "never" check waits GROUPSPEC_SETTLE_MS before it reads: then no read is made ahead of it
    if (this.ahead?.recording === true && SETTLE_MS > 0) throw new NotYet('events');
    const log = this.ahead === undefined ? this.deadline('events', s.events()) : this.ahead.eventsOf(s, (hold) => this.deadline('events', s.events(), hold));
    return (await log).slice(this.cursors.get(s) ?? 0);
  }

  /** What the app admin can read of every named group: the comparison base for atomicity (steps/picture.ts). */
  observe(): Promise<unknown> {
    return picture(this, ADMIN);
  }

  resultAt(path: string): unknown {
    if (this.last === undefined || !this.last.ok) throw new Error(`the last call did not succeed: ${JSON.stringify(this.last)}`);
    return at(this.last.data, path);
  }
}

setWorldConstructor(GroupWorld);
