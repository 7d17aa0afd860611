/**
 * The Implementation contract: how the conformance suite reaches a group-management
 * implementation, whether it is the embedded simulator, a user's in-process adapter or a server
 * behind the wire protocol. Steps and properties use nothing else.
 *
 * Bump CONTRACT_VERSION on any change that breaks an existing adapter.
 */
export const CONTRACT_VERSION = 1;

export type GroupTypeName = 'Work' | 'Public' | 'Meeting' | 'AVChatRoom' | 'Community';
export const GROUP_TYPE_NAMES: readonly GroupTypeName[] = ['Work', 'Public', 'Meeting', 'AVChatRoom', 'Community'];

/** What an implementation supports. What it lacks is reported as not applicable, never as a failure. */
export interface Capabilities {
  groupTypes: GroupTypeName[];
  /** Web SDK method names it implements (createGroup, joinGroup, …). */
  operations: string[];
  /** App-admin command names it implements (createGroup, destroyGroup, importAccount, …). */
  adminOperations: string[];
  /** It can advance its clock on request (mute expiry, daily quotas). */
  clock: boolean;
  /** It delivers SDK events (MESSAGE_RECEIVED, GROUP_LIST_UPDATED, …) to sessions. */
  events: boolean;
  /** It accepts limit overrides in AppOptions (small caps make limit rules testable). */
  limitOverrides: boolean;
}

export interface AppOptions {
  /** Overrides of documented limits, by the simulator's Limits names (e.g. {memberCap: {Private: 3}}). */
  limits?: Record<string, unknown>;
  /** Seed for generated IDs, where the implementation has one. */
  seed?: number;
  /** The custom-field keys the app has enabled in its console (group and member level); left out: any key. */
  customFields?: { group?: string[]; member?: string[] };
}

/** A successful call: the SDK's `{code: 0, data}`. A refused call rejects with `{code, message}`. */
export interface CallResult {
  code: 0;
  data: any;
}

export interface DeliveredEvent {
  /** SDK event name, e.g. 'onMessageReceived'. */
  name: string;
  data: unknown;
}

/** One user's SDK instance on one device. */
export interface Session {
  readonly userID: string;
  readonly device: string;
  /** Calls a Web SDK method by name with its single argument (options object or group ID). */
  call(method: string, arg?: unknown): Promise<CallResult>;
  /** Every event this session has been delivered so far, in order. */
  events(): Promise<DeliveredEvent[]>;
  logout(): Promise<void>;
}

export interface AdminSurface {
  /** Calls an app-admin command by name. */
  call(method: string, arg?: unknown): Promise<CallResult>;
}

/** One isolated app: its own users, groups and clock. */
export interface App {
  login(userID: string, options?: { device?: string; unlimitedAVChatRoom?: boolean }): Promise<Session>;
  readonly admin: AdminSurface;
  /** Present when capabilities.clock is true. */
  advanceClock?(ms: number): Promise<void>;
  /** The app's current time in ms, where the implementation can tell (mute deadlines are checked against it). */
  now?(): Promise<number>;
  close(): Promise<void>;
}

export interface Implementation {
  readonly name: string;
  readonly contractVersion: number;
  readonly capabilities: Capabilities;
  /** A fresh app per scenario or property run: nothing is shared between apps. */
  createApp(options?: AppOptions): Promise<App>;
  /** Releases whatever the implementation holds (connections, servers). */
  close?(): Promise<void>;
  /**
   * Calls issued without waiting for one another are run in the order they were issued, each to
   * its end before the next starts (the wire client, which sends them as one batch). The suite then
   * issues the reads it takes just before an action together with the action, instead of waiting
   * for the reads first. Absent means no such promise: the suite waits.
   */
  readonly inOrder?: boolean;
  /**
   * Call arguments may hold references to an earlier call's answer (`refTo` in ./refs.ts), which the
   * implementation resolves itself without the caller waiting for that answer (the wire client
   * sends both calls in one batch, docs/protocol.md §4.11 "References"). Absent: the suite passes
   * no references (it awaits the answer and passes the value), so an adapter needs nothing new.
   */
  readonly references?: boolean;
}

export { Ref, refTo, resolveRefs, hasRefs, UnresolvedReference } from './refs';

/** Thrown (or rejected) by an adapter for a capability it lacks; the suite reports not applicable. */
export class NotApplicable extends Error {
  constructor(what: string) {
    super(`not applicable: ${what}`);
    this.name = 'NotApplicable';
  }
}
