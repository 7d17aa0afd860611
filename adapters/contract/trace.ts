/**
 * Call traces: what the suite asked an implementation and what it answered, so that a failed
 * scenario or a property counterexample shows the calls that led to it (actor, method, argument,
 * result or error, and the events each session was seen to receive between calls).
 *
 * `traced` wraps an Implementation at the one seam every run goes through (adapters/resolve.ts), so
 * the embedded simulator, an --adapter in its child process and a --url server all get traces. It
 * must not change what the suite sees: a call's own promise is handed back untouched and the trace
 * listens on a side branch. It must stay cheap on passing scenarios: the last TRACE_CALLS calls live
 * in a ring buffer; an argument is snapshotted at call time as JSON cut to TRACE_CHARS (a hostile
 * adapter may mutate it afterwards); answers (the call's own promise) and events are kept by
 * reference and only read and rendered to text when something failed (`Trace.render`).
 */
import type { App, DeliveredEvent, Implementation, Session } from '.';
import { atOnceAs } from './at-once';

/** How many calls a trace keeps: the last ones; the earlier are counted as omitted. */
export const TRACE_CALLS = 40;
/** How many characters of one value (an argument, a result's data, a message, an event's data) a trace keeps. */
export const TRACE_CHARS = 300;
/** How many events a trace shows between two calls, per gap; the rest are counted. */
export const TRACE_EVENTS = 8;
/** How long rendering waits for a session's last events (a failure's trace must never hang the run). */
const FINAL_EVENTS_MS = 1000;

/** One call as a report shows it (conformance.json's `failure.trace.calls[]`). */
export interface TracedCall {
  /** 1-based number of the call within the app. */
  n: number;
  /** `user/device`, `app admin`, or `app` (createApp, advanceClock). */
  actor: string;
  method: string;
  /** The argument as JSON, cut to TRACE_CHARS; absent when there was none. */
  arg?: string;
  /** ok: answered; error: rejected or threw; pending: had not answered when the trace was rendered. */
  outcome: 'ok' | 'error' | 'pending';
  /** The answer's or the error's code. */
  code?: number;
  /** A success's data as JSON, cut to TRACE_CHARS. */
  data?: string;
  /** An error's message, cut to TRACE_CHARS. */
  message?: string;
  /** Events the suite saw delivered after this call and before the next one. */
  events?: Array<{ to: string; name: string; data?: string }>;
  /** How many more events arrived in that gap than `events` shows. */
  moreEvents?: number;
}

export interface RenderedTrace {
  calls: TracedCall[];
  /** Earlier calls the ring buffer dropped ("… K earlier calls omitted"). */
  omitted: number;
  /** The caps the trace was taken with. */
  limits: { calls: number; chars: number; events: number };
}

interface Entry {
  n: number;
  actor: string;
  method: string;
  arg: string | undefined;
  state: 0 | 1 | 2; // pending, ok, error
  value: unknown;
  /** The call's own promise: listened to only when the trace is rendered, so a passing call pays nothing for its answer. */
  answer: Promise<unknown> | undefined;
}

interface Seen {
  /** The call after which these events were first seen. */
  after: number;
  to: string;
  from: number;
  until: number;
  log: readonly DeliveredEvent[];
}

/** Text of a value, cut to the cap; never throws (cycles, BigInt, throwing getters, toJSON that throws). */
export function snapshot(value: unknown, cap = TRACE_CHARS): string {
  let s: string;
  try {
    s = value === undefined ? 'undefined' : typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch (e) {
    s = `[not JSON: ${safeMessage(e)}]`;
  }
  return cut(s, cap);
}

function cut(s: string, cap: number): string {
  return s.length <= cap ? s : `${s.slice(0, cap)}… (${s.length - cap} more characters)`;
}

function safeMessage(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unreadable';
  }
}

function field(o: unknown, k: string): unknown {
  try {
    return typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined;
  } catch {
    return undefined;
  }
}

/** The calls made on one app, newest last. */
export class Trace {
  private readonly ring: Array<Entry | undefined> = new Array<Entry | undefined>(TRACE_CALLS);
  private count = 0;
  private readonly seen: Seen[] = [];
  /** Events seen so far per session, and the session itself (for a last look at rendering). */
  private readonly sessions = new Map<Session, { label: string; seen: number }>();

  /** Records a call and keeps its answer's promise; hands the call's own result back untouched. */
  record<T>(actor: string, method: string, arg: unknown, hasArg: boolean, call: () => T): T {
    const entry = this.enter(actor, method, arg, hasArg);
    let r: T;
    try {
      r = call();
    } catch (e) {
      throw this.threw(entry, e);
    }
    return this.answered(entry, r);
  }

  /**
   * `target.call(method, arg)` recorded as `record` records it, passing on as many arguments as
   * the caller gave (`given`): the one call every step makes, without a closure and an argument
   * array for each.
   */
  recordCall<T>(actor: string, target: { call(method: string, arg?: unknown): T }, method: string, arg: unknown, given: number): T {
    const entry = this.enter(actor, method, arg, given > 1 && arg !== undefined);
    let r: T;
    try {
      r = given > 1 ? target.call(method, arg) : target.call(method);
    } catch (e) {
      throw this.threw(entry, e);
    }
    return this.answered(entry, r);
  }

  private enter(actor: string, method: string, arg: unknown, hasArg: boolean): Entry {
    const entry: Entry = { n: ++this.count, actor, method, arg: hasArg ? snapshot(arg) : undefined, state: 0, value: undefined, answer: undefined };
    this.ring[(entry.n - 1) % TRACE_CALLS] = entry;
    return entry;
  }

  private threw(entry: Entry, e: unknown): unknown {
    entry.state = 2;
    entry.value = e;
    return e;
  }

  private answered<T>(entry: Entry, r: T): T {
    if (r instanceof Promise) entry.answer = r;
    else ((entry.state = 1), (entry.value = r));
    return r;
  }

  session(s: Session, label: string): void {
    this.sessions.set(s, { label, seen: 0 });
  }

  /** A session's event log as the suite read it: what is new since the last read was delivered after the latest call. */
  events(s: Session, log: unknown): void {
    const known = this.sessions.get(s);
    if (known === undefined || !Array.isArray(log) || log.length <= known.seen) return;
    this.seen.push({ after: this.count, to: known.label, from: known.seen, until: log.length, log: log as DeliveredEvent[] });
    if (this.seen.length > TRACE_CALLS * 4) this.seen.splice(0, this.seen.length - TRACE_CALLS * 4);
    known.seen = log.length;
  }

  /** The trace as a report shows it. Reads each session's events once more first (bounded), for what arrived after the suite's last look. */
  async render(): Promise<RenderedTrace> {
    await Promise.all(
      [...this.sessions.keys()].map((s) =>
        Promise.race([Promise.resolve().then(() => s.events()), new Promise((r) => setTimeout(r, FINAL_EVENTS_MS).unref())]).then(
          (log) => this.events(s, log),
          () => undefined,
        ),
      ),
    );
    const first = Math.max(1, this.count - TRACE_CALLS + 1);
    // the answers that have come: each settled promise's handler runs before the next macrotask; the rest stay pending
    for (let n = first; n <= this.count; n++) {
      const e = this.ring[(n - 1) % TRACE_CALLS]!;
      e.answer?.then(
        (v) => ((e.state = 1), (e.value = v), (e.answer = undefined)),
        (x: unknown) => ((e.state = 2), (e.value = x), (e.answer = undefined)),
      );
    }
    await new Promise((r) => setImmediate(r));
    const calls: TracedCall[] = [];
    for (let n = first; n <= this.count; n++) {
      const e = this.ring[(n - 1) % TRACE_CALLS]!;
      const call: TracedCall = { n, actor: e.actor, method: e.method, ...(e.arg === undefined ? {} : { arg: e.arg }), outcome: e.state === 0 ? 'pending' : e.state === 1 ? 'ok' : 'error' };
      const code = field(e.value, 'code');
      if (typeof code === 'number') call.code = code;
      if (e.state === 1 && field(e.value, 'data') !== undefined) call.data = snapshot(field(e.value, 'data'));
      if (e.state === 2) call.message = cut(typeof field(e.value, 'message') === 'string' ? (field(e.value, 'message') as string) : snapshot(e.value), TRACE_CHARS);
      calls.push(call);
    }
    for (const s of this.seen) {
      const call = calls.find((c) => c.n === s.after);
      if (call === undefined) continue;
      for (let i = s.from; i < s.until; i++) {
        const events = (call.events ??= []);
        if (events.length >= TRACE_EVENTS) {
          call.moreEvents = (call.moreEvents ?? 0) + 1;
          continue;
        }
        const ev = s.log[i];
        const name = field(ev, 'name');
        const data = field(ev, 'data');
        events.push({ to: s.to, name: typeof name === 'string' ? cut(name, TRACE_CHARS) : snapshot(name), ...(data === undefined ? {} : { data: snapshot(data) }) });
      }
    }
    return { calls, omitted: first - 1, limits: { calls: TRACE_CALLS, chars: TRACE_CHARS, events: TRACE_EVENTS } };
  }
}

const TRACES = new WeakMap<App, Trace>();

/** The trace of an app made by a `traced` implementation (or by a wrapper that passed it on with `shareTrace`). */
export function traceOf(app: App | undefined): Trace | undefined {
  return app === undefined ? undefined : TRACES.get(app);
}

/** A wrapper of an app (withDeadlines) keeps the trace of the app it wraps. */
export function shareTrace(wrapper: App, inner: App): void {
  const t = TRACES.get(inner);
  if (t !== undefined) TRACES.set(wrapper, t);
}

/** The implementation with every app's calls recorded in a Trace (traceOf(app)). */
export function traced(impl: Implementation): Implementation {
  if (TRACED.has(impl)) return impl;
  const wrapped: Implementation = {
    get name() {
      return impl.name;
    },
    get contractVersion() {
      return impl.contractVersion;
    },
    get capabilities() {
      return impl.capabilities;
    },
    createApp(options) {
      const trace = new Trace();
      const app = trace.record('app', 'createApp', options, options !== undefined, () => impl.createApp(options));
      return atOnceAs(app, app.then((a) => tracedApp(a, trace)));
    },
    ...(impl.close === undefined ? {} : { close: () => impl.close!() }),
    // the trace records each call as it is issued and issues it at once, so the issue order is the implementation's
    ...(impl.inOrder === undefined ? {} : { inOrder: impl.inOrder }),
    // each call's own promise is returned, so a Ref to it names the implementation's call
    ...(impl.references === undefined ? {} : { references: impl.references }),
  };
  TRACED.add(wrapped);
  return wrapped;
}
const TRACED = new WeakSet<Implementation>();

function tracedApp(app: App, trace: Trace): App {
  const session = (s: Session): Session => {
    const label = `${safeText(() => s.userID)}/${safeText(() => s.device)}`;
    const out: Session = {
      get userID() {
        return s.userID;
      },
      get device() {
        return s.device;
      },
      call(method: string, arg?: unknown) {
        // eslint-disable-next-line prefer-rest-params
        return trace.recordCall(label, s, method, arg, arguments.length);
      },
      events: () => {
        const p = s.events();
        if (p instanceof Promise) p.then((log) => trace.events(out, log), () => undefined);
        return p;
      },
      logout: () => trace.record(label, 'logout', undefined, false, () => s.logout()),
    };
    trace.session(out, label);
    return out;
  };
  const out: App = {
    login: (userID, options) => {
      const p = trace.record(`${String(userID)}/${options?.device ?? 'web'}`, 'login', options, options !== undefined, () => app.login(userID, options));
      return atOnceAs(p, p.then(session));
    },
    admin: {
      call(method: string, arg?: unknown) {
        // eslint-disable-next-line prefer-rest-params
        return trace.recordCall('app admin', app.admin, method, arg, arguments.length);
      },
    },
    close: () => app.close(),
    ...(app.advanceClock === undefined ? {} : { advanceClock: (ms: number) => trace.record('app', 'advanceClock', ms, true, () => app.advanceClock!(ms)) }),
    ...(app.now === undefined ? {} : { now: () => app.now!() }),
  };
  TRACES.set(out, trace);
  return out;
}

function safeText(f: () => unknown): string {
  try {
    return String(f());
  } catch {
    return '?';
  }
}
