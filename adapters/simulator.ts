/**
 * The embedded reference simulator as an Implementation: the default the suite runs against.
 */
import { createSimulator, EVENT, type Chat, type LimitOverrides } from '../simulator';
import { ADMIN_COMMANDS } from '../simulator/core';
import { METHODS } from '../simulator/sdk/chat';
import { VirtualClock } from '../simulator/shell/clock';
import { CONTRACT_VERSION, GROUP_TYPE_NAMES, type App, type DeliveredEvent, type Implementation, type Session } from './contract';

/**
 * Runs a call into the simulator without capturing stack traces. A refused call rejects with a
 * ChatError, and V8 collects its stack when it is constructed: 2-8 µs on this machine, a tenth of
 * a fuzzed command's CPU (docs/performance.md, issue 21). The suite reads a rejection's code,
 * name and message (matchers/thrown.ts), never its stack; an app calls the Chat itself and keeps
 * its stacks. The call runs synchronously up to the rejection (the core, then delivery to this
 * adapter's own handlers), so no other code runs while the limit is off.
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

/** The events a session records: the group-related ones the suite asserts on. */
export const RECORDED_EVENTS = [EVENT.MESSAGE_RECEIVED, EVENT.GROUP_LIST_UPDATED, EVENT.GROUP_ATTRIBUTES_UPDATED, EVENT.GROUP_COUNTER_UPDATED, EVENT.KICKED_OUT];

class SimSession implements Session {
  private readonly log: DeliveredEvent[] = [];
  constructor(private readonly chat: Chat) {
    for (const name of RECORDED_EVENTS) chat.on(name, (e) => this.log.push({ name: e.name, data: e.data }));
  }
  get userID() {
    return this.chat.userID;
  }
  get device() {
    return this.chat.device;
  }
  call(method: string, arg?: unknown) {
    return stackless(() => this.chat.invoke(method, arg));
  }
  async events() {
    return [...this.log];
  }
  async logout() {
    await this.chat.logout();
  }
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
    async createApp(options = {}): Promise<App> {
      const clock = new VirtualClock();
      const sim = createSimulator({ clock, seed: options.seed ?? 1, limits: options.limits as LimitOverrides, ...(options.customFields === undefined ? {} : { customFields: options.customFields }) });
      return {
        async login(userID, opts) {
          return new SimSession(sim.login(userID, opts));
        },
        admin: { call: (method, arg) => stackless(() => sim.admin.invoke(method, arg)) },
        async advanceClock(ms) {
          clock.advance(ms);
        },
        async now() {
          return clock.now();
        },
        async close() {},
      };
    },
  };
}
