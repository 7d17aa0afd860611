/**
 * The shell around the pure core: sessions (an endpoint per user and device), the injected clock,
 * delivery of events to every logged-in device, and an event log tests can read.
 *
 * It owns no SDK shape: the surfaces above (simulator/sdk) implement `Endpoint` and hand one in on
 * login, so the shell never imports them. Imports: simulator/core and this folder only.
 */
import { EVENT, TYPES } from '../core/constants';
import { ChatError, ERR, type Refusal } from '../core/errors';
import {
  ADMIN_COMMANDS, closeSession, createState, DEFAULT_LIMITS, executeAdmin, executeUser, openSession, trialAdmin, trialUser, validateUser,
  type Actor, type AdminCommandName, type Audience, type Delivery, type Limits, type Outcome, type State, type UserCommandName,
} from '../core';
import { groupView, publicGroupView, seconds } from '../core/views';
import { groupsOf } from '../core/state';
import { describeIssue, schemas } from '../core/schemas';
import { FAST_PARSE, UNSURE } from '../core/fast-parse';
import { VirtualClock, type Clock } from './clock';
import { customGroupMessage, noticeMessage, tipMessage } from './messages';
import { clonePlain } from './clone';

export type LimitOverrides = Partial<Omit<Limits, 'memberCap'>> & { memberCap?: Partial<Limits['memberCap']> };

export interface SimulatorOptions {
  /** Where time comes from. Default: a virtual clock at 2026-01-01T00:00:00Z that moves only by `advance`. */
  clock?: Clock;
  /** Seeds generated group IDs. Same seed, same calls: same IDs. Default 1. */
  seed?: number;
  /** Overrides of the documented limits (member caps, quotas, pending list size, field sizes …). */
  limits?: LimitOverrides;
  /** The app admin's account, the operatorID of admin actions. Default 'administrator'. */
  adminUserID?: string;
  /**
   * The custom-field keys the app's console has enabled; a key outside a given list is refused
   * (10004). A list left out accepts any key (docs/ambiguities.md#a65-custom-field-keys-enabled).
   */
  customFields?: { group?: string[]; member?: string[] };
}

export interface DeliveredEvent {
  /** Position in the whole simulator's delivery order, from 1. */
  seq: number;
  userID: string;
  device: string;
  name: string;
  data: unknown;
}

/** One command as the hooks see it: who, what, with which input (as given). */
export interface CommandCall {
  readonly actor: Actor;
  readonly name: string;
  readonly input: unknown;
}

/** A "before" hook's partial veto: the command runs with `input` instead, its data passed through `amend`. */
export interface Amendment {
  readonly input: unknown;
  amend?(data: unknown): unknown;
}

/**
 * Interception points around commands, for what sits outside the pure core (the REST emulator's
 * webhooks). Absent, commands run exactly as without them; present, every command awaits `before`.
 */
export interface CommandHooks {
  /**
   * Runs before a command whose input is valid and which the service would carry out (a trial run
   * passed its checks, so an operation refused anyway reaches no hook). A refusal vetoes it and
   * nothing changes; an amendment runs it with another input. It may also reject with a ChatError
   * of its own (an app backend's code), which the caller gets as it is.
   */
  before?(call: CommandCall): Promise<Refusal | Amendment | undefined>;
  /** Runs after a command succeeded, with its data and what it delivered. Must not throw. */
  after?(call: CommandCall, data: unknown, deliveries: readonly Delivery[]): void;
}

/** What the shell needs of a logged-in device; the SDK surfaces above implement it. */
export interface Endpoint {
  readonly userID: string;
  readonly device: string;
  /**
   * Hands an event to the device's listeners (and records it through `record`). `again`, when
   * given, builds the same data afresh on every call (equal to `data`, sharing no object with it or
   * with the state): each listener's own copy is then built rather than copied, which is cheaper.
   */
  emit(name: string, data: unknown, again?: () => unknown): void;
  /**
   * Cuts the device off after a kick: it no longer reaches the service. `type` is the kick's
   * `TYPES.KICKED_OUT_*` (default: a login on the same device), which decides the code later calls fail with.
   */
  detach(type?: string): void;
}

export class Service<Chat extends Endpoint = Endpoint> {
  readonly clock: Clock;
  readonly limits: Limits;
  /** @internal the core state; read it through the API in tests. */
  readonly state: State;
  private readonly chats = new Map<string, Map<string, Chat>>();
  /** user -> when their entry was put into `chats`: the order `chats` iterates in. */
  private readonly loginOrder = new Map<string, number>();
  private loginSerial = 0;
  private readonly log: DeliveredEvent[] = [];
  private messageSeq = 0;
  /** Message IDs are `${seed}-${sequence}`: the seed's part, spelt once. */
  private readonly messageIDPrefix: string;
  private eventSeq = 0;
  /** Set by whoever needs them (webhooks); undefined keeps the direct, synchronous path. */
  hooks: CommandHooks | undefined;

  constructor(input: SimulatorOptions = {}) {
    // options the fast check vouches for (none at all, too) need no zod: it is loaded on the first call that has something to validate
    // (the drop-in makes its process-wide service at import, and an import must not pay for zod)
    const parsed = FAST_PARSE.SimulatorOptions!(input) !== UNSURE ? undefined : schemas().SimulatorOptions.safeParse(input);
    if (parsed?.success === false) {
      const { field, detail } = describeIssue(parsed.error);
      throw ChatError.from({ code: ERR.INVALID_PARAMETER, field: `createSimulator ${field}`, detail });
    }
    const options: SimulatorOptions = input ?? {};
    this.clock = options.clock ?? new VirtualClock();
    this.limits = {
      ...DEFAULT_LIMITS,
      ...options.limits,
      memberCap: { ...DEFAULT_LIMITS.memberCap, ...options.limits?.memberCap },
    } as Limits;
    const keys = options.customFields;
    this.state = createState(this.limits, options.seed ?? 1, { group: keys?.group && new Set(keys.group), member: keys?.member && new Set(keys.member) });
    this.messageIDPrefix = `${this.state.seed}-`;
  }

  /**
   * Opens `userID`'s session on `device` with the endpoint `make` builds. A session already open on
   * that device is kicked out first (KICKED_OUT, multipleAccount), as the SDK does.
   */
  protected attach(userID: string, device: string, unlimitedAVChatRoom: boolean, make: () => Chat): Chat {
    const previous = this.chats.get(userID)?.get(device);
    if (previous !== undefined) {
      previous.emit(EVENT.KICKED_OUT, { type: TYPES.KICKED_OUT_MULT_ACCOUNT });
      previous.detach();
    }
    openSession(this.state, userID, device, unlimitedAVChatRoom);
    const chat = make();
    let devices = this.chats.get(userID);
    if (devices === undefined) {
      devices = new Map();
      this.chats.set(userID, devices);
      this.loginOrder.set(userID, ++this.loginSerial);
    }
    devices.set(device, chat);
    chat.emit(EVENT.SDK_READY, {});
    return chat;
  }

  /** @internal called by Chat.logout and by a kick. */
  endSession(chat: Chat): void {
    const devices = this.chats.get(chat.userID);
    if (devices?.get(chat.device) !== chat) return;
    devices.delete(chat.device);
    if (devices.size === 0) {
      this.chats.delete(chat.userID);
      this.loginOrder.delete(chat.userID);
    }
    closeSession(this.state, chat.userID, chat.device);
  }

  /** Every event delivered so far, in order. */
  get events(): readonly DeliveredEvent[] {
    return this.log;
  }

  eventsFor(userID: string, device?: string): DeliveredEvent[] {
    return this.log.filter((e) => e.userID === userID && (device === undefined || e.device === device));
  }

  clearEvents(): void {
    this.log.length = 0;
  }

  /** @internal runs an SDK command for a Chat and delivers what it caused. */
  runUser(chat: Chat, name: UserCommandName, input: unknown): Promise<{ code: 0; data: unknown }> {
    if (this.hooks !== undefined) {
      const actor = { kind: 'user', userID: chat.userID, device: chat.device } as const;
      const valid = validateUser(name, input) === undefined;
      return this.hooked({ actor, name, input }, valid, (i, keep) => (keep ? executeUser : trialUser)(this.state, { now: this.clock.now() }, actor, name, i), chat);
    }
    const outcome = executeUser(this.state, { now: this.clock.now() }, { kind: 'user', userID: chat.userID, device: chat.device }, name, input);
    return this.settle(outcome, chat);
  }

  /** @internal */
  runAdmin(adminID: string, name: AdminCommandName, input: unknown): Promise<{ code: 0; data: unknown }> {
    if (this.hooks !== undefined) {
      const actor = { kind: 'admin', adminID } as const;
      const valid = ADMIN_COMMANDS[name]?.schema.safeParse(input).success === true;
      return this.hooked({ actor, name, input }, valid, (i, keep) => (keep ? executeAdmin : trialAdmin)(this.state, { now: this.clock.now() }, actor, name, i), undefined);
    }
    const outcome = executeAdmin(this.state, { now: this.clock.now() }, { kind: 'admin', adminID }, name, input);
    return this.settle(outcome, undefined);
  }

  /** `run(input, false)` is a trial: the command's checks, its changes undone. */
  private async hooked(call: CommandCall, valid: boolean, run: (input: unknown, keep: boolean) => Outcome, origin: Chat | undefined): Promise<{ code: 0; data: unknown }> {
    const hooks = this.hooks!;
    let input = call.input;
    let amend: ((data: unknown) => unknown) | undefined;
    if (valid && hooks.before !== undefined) {
      // the service's own checks come first: an operation it refuses anyway fires no callback
      // (docs/ambiguities.md#a72-before-callback-order)
      const trial = run(input, false);
      if (!trial.ok) return this.settle(trial, origin);
      const verdict = await hooks.before(call);
      if (verdict !== undefined && 'input' in verdict) ({ input, amend } = verdict);
      else if (verdict !== undefined) throw ChatError.from(verdict);
    }
    let outcome = run(input, true);
    if (outcome.ok && amend !== undefined) outcome = { ...outcome, data: amend(outcome.data) };
    const result = await this.settle(outcome, origin);
    if (outcome.ok) hooks.after?.(call, outcome.data, outcome.deliveries);
    return result;
  }

  /** @internal what an anonymous (logged-out) joinGroup sees of an AVChatRoom. */
  anonymousView(groupID: string) {
    const g = this.state.groups.get(groupID);
    return g === undefined ? undefined : { type: g.type, group: publicGroupView(this.state, g) };
  }

  private settle(outcome: Outcome, origin: Chat | undefined): Promise<{ code: 0; data: unknown }> {
    if (!outcome.ok) return Promise.reject(ChatError.from(outcome.refusal));
    for (const d of outcome.deliveries) this.deliver(d, origin);
    return Promise.resolve({ code: 0, data: outcome.data });
  }

  private recipients(to: Audience): Chat[] {
    const out: Chat[] = [];
    if ('users' in to) {
      const users = to.users;
      // one user (most deliveries) needs no de-duplication, and none (a group the app admin made
      // without an owner: 9,999 of them in one scenario) no Set
      if (users.length === 1) this.devicesOf(users[0]!, out);
      else if (users.length > 1) for (const u of new Set(users)) this.devicesOf(u, out);
      return out;
    }
    const g = this.state.groups.get(to.membersOf);
    if (g === undefined) return out;
    const except = to.except === undefined || to.except.length === 0 ? undefined : new Set(to.except);
    if (g.members.size < this.chats.size) {
      // fewer members than logged-in users: walk the members, then deliver in the order the walk
      // below would (login order), so the event log reads the same either way
      const found: Array<{ order: number; devices: Map<string, Chat> }> = [];
      g.members.forEach((m) => {
        if (except?.has(m.userID) === true) return;
        const devices = this.chats.get(m.userID);
        if (devices !== undefined) found.push({ order: this.loginOrder.get(m.userID)!, devices });
      });
      if (found.length > 1) found.sort((a, b) => a.order - b.order);
      for (const f of found) for (const c of f.devices.values()) out.push(c);
      return out;
    }
    // fewer logged-in users than members: walk them, not the members (a million-member room)
    for (const [userID, devices] of this.chats) {
      if (except?.has(userID) === true || !g.members.has(userID)) continue;
      for (const c of devices.values()) out.push(c);
    }
    return out;
  }

  private devicesOf(userID: string, out: Chat[]): void {
    const devices = this.chats.get(userID);
    if (devices !== undefined) for (const c of devices.values()) out.push(c);
  }

  private nextMessage() {
    const seq = ++this.messageSeq;
    return { ID: this.messageIDPrefix + seq, sequence: seq, time: seconds(this.clock.now()) };
  }

  private deliver(d: Delivery, origin: Chat | undefined): void {
    switch (d.kind) {
      // each message and list is built by a function that emit may call again for every listener's
      // own copy: the builders make every object afresh from the state, which does not change
      // between the calls (listeners run after all copies are made)
      case 'tip': {
        const id = this.nextMessage();
        const build = () => [tipMessage(id, d.groupID, d.payload, this.state.users)];
        for (const c of this.recipients(d.to)) c.emit(EVENT.MESSAGE_RECEIVED, build(), build);
        return;
      }
      case 'notice': {
        const id = this.nextMessage();
        for (const c of this.recipients(d.to)) {
          const build = () => [noticeMessage(id, c.userID, d.payload)];
          c.emit(EVENT.MESSAGE_RECEIVED, build(), build);
        }
        return;
      }
      case 'groupMessage': {
        const id = this.nextMessage();
        for (const c of this.recipients(d.to)) {
          // the sending device sees its own message as sent, not received
          if (c === origin) continue;
          const build = () => [customGroupMessage(id, d.groupID, d.from, d.data, c.userID === d.from ? 'out' : 'in')];
          c.emit(EVENT.MESSAGE_RECEIVED, build(), build);
        }
        return;
      }
      case 'groupListUpdated':
        for (const c of this.recipients(d.to)) {
          const build = () => this.groupListOf(c.userID);
          c.emit(EVENT.GROUP_LIST_UPDATED, build(), build);
        }
        return;
      case 'attributes':
        for (const c of this.recipients(d.to)) c.emit(EVENT.GROUP_ATTRIBUTES_UPDATED, clonePlain(d.data));
        return;
      case 'counter':
        for (const c of this.recipients(d.to)) c.emit(EVENT.GROUP_COUNTER_UPDATED, { ...d.data });
        return;
      case 'kickedOut': {
        // the app backend ended the session (REST kick, account deletion): the device hears why, then is cut off
        const c = this.chats.get(d.userID)?.get(d.device);
        c?.emit(EVENT.KICKED_OUT, { type: d.type });
        c?.detach(d.type);
        return;
      }
    }
  }

  private groupListOf(userID: string) {
    const list = [];
    for (const id of groupsOf(this.state, userID)) {
      const g = this.state.groups.get(id);
      if (g !== undefined && g.type !== 'AVChatRoom') list.push(groupView(this.state, g, userID));
    }
    return list;
  }

  /**
   * @internal appends to the event log; called by Chat.emit, whose `data` is fresh and handed to
   * no handler (they get copies), so the log keeps it rather than a copy of it.
   */
  record(chat: Chat, name: string, data: unknown): void {
    this.log.push({ seq: ++this.eventSeq, userID: chat.userID, device: chat.device, name, data });
  }
}

export type { Refusal };
export { ADMIN_COMMANDS };

