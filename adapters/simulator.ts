/**
 * The embedded reference simulator as an Implementation: the default the suite runs against.
 */
import { createSimulator, EVENT, type Chat, type LimitOverrides, type Simulator } from '../simulator';
import { ADMIN_COMMANDS } from '../simulator/core';
import { METHODS } from '../simulator/sdk/chat';
import { VirtualClock } from '../simulator/shell/clock';
import { CONTRACT_VERSION, GROUP_TYPE_NAMES, type App, type AppOptions, type DeliveredEvent, type Implementation, type Session } from './contract';
import { answeredAtOnce } from './contract/at-once';

/**
 * Runs a call into the simulator without capturing stack traces. A refused call rejects with a
 * ChatError, and V8 collects its stack when it is constructed: 2-8 µs on this machine, a tenth of
 * a fuzzed command's CPU (docs/performance.md, issue 21). The suite reads a rejection's code,
 * name and message (matchers/thrown.ts), never its stack; an app calls the Chat itself and keeps
 * its stacks. The call runs synchronously up to the rejection (the core, then delivery to this
 * adapter's own record, Chat.tap), so no other code runs while the limit is off.
 */
export function stackless<T>(call: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return call();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `stackless(() => target.invoke(method, arg))` without a closure a call (the Chat's and the admin's calls). */
function invokeStackless(target: { invoke(method: string, arg: unknown): Promise<unknown> }, method: string, arg: unknown): Promise<any> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return target.invoke(method, arg);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The events a session records: the group-related ones the suite asserts on. */
export const RECORDED_EVENTS = [EVENT.MESSAGE_RECEIVED, EVENT.GROUP_LIST_UPDATED, EVENT.GROUP_ATTRIBUTES_UPDATED, EVENT.GROUP_COUNTER_UPDATED, EVENT.KICKED_OUT];
/** The same, as the set Chat.tap takes (this adapter's sessions and the wire server's record through it). */
export const RECORDED: ReadonlySet<string> = new Set(RECORDED_EVENTS);

class SimSession implements Session {
  private readonly log: DeliveredEvent[] = [];
  constructor(private readonly chat: Chat) {
    // the log's own data, no handler's copy: the simulator's log is this adapter's alone (Chat.tap)
    chat.tap(RECORDED, (name, data) => this.log.push({ name, data }));
  }
  get userID() {
    return this.chat.userID;
  }
  get device() {
    return this.chat.device;
  }
  // Every answer here is marked answeredAtOnce: the simulator runs without hooks, so nothing it does
  // waits on anything outside this process, and each answer settles before any timer could fire.
  call(method: string, arg?: unknown) {
    return answeredAtOnce(invokeStackless(this.chat, method, arg));
  }
  events() {
    return answeredAtOnce(Promise.resolve([...this.log]));
  }
  logout() {
    return answeredAtOnce(logoutOf(this.chat));
  }
}

async function logoutOf(chat: Chat): Promise<void> {
  await chat.logout();
}

export function simulatorImplementation(): Implementation {
  return {
    name: 'groupspec reference simulator',
    contractVersion: CONTRACT_VERSION,
    capabilities: {
      groupTypes: [...GROUP_TYPE_NAMES],
      operations: [...METHODS],
      adminOperations: Object.keys(ADMIN_COMMANDS),
      clock: true,
      events: true,
      limitOverrides: true,
    },
    createApp: (options) => answeredAtOnce(createApp(options)),
  };
}

async function createApp(options: AppOptions = {}): Promise<App> {
  const clock = new VirtualClock();
  const sim = createSimulator({ clock, seed: options.seed ?? 1, limits: options.limits as LimitOverrides, ...(options.customFields === undefined ? {} : { customFields: options.customFields }) });
  return {
    login: (userID, opts) => answeredAtOnce(login(sim, userID, opts)),
    admin: { call: (method, arg) => answeredAtOnce(invokeStackless(sim.admin, method, arg)) },
    advanceClock: (ms) => answeredAtOnce(advance(clock, ms)),
    now: () => answeredAtOnce(nowOf(clock)),
    close: () => answeredAtOnce(Promise.resolve()),
  };
}

async function login(sim: Simulator, userID: string, opts: { device?: string; unlimitedAVChatRoom?: boolean } | undefined): Promise<Session> {
  return new SimSession(sim.login(userID, opts));
}

async function nowOf(clock: VirtualClock): Promise<number> {
  return clock.now();
}

async function advance(clock: VirtualClock, ms: number): Promise<void> {
  clock.advance(ms);
}
