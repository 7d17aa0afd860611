/**
 * Test control of the shared service: reset to empty, and snapshot / restore. A snapshot is a deep
 * copy of the core state, kept in this process (the state holds Maps, Sets, typed arrays and the
 * member table's class instances, which JSON would flatten), so snapshots are named by ID and do
 * not survive a restart. Sessions are the live logins: neither reset nor restore logs anyone out,
 * and a user logged in is a user that exists afterwards.
 */
import { createState, newUser, type State } from '../../simulator/core';
import type { Service } from '../../simulator/shell/service';

/** A copy of plain data, Maps, Sets, typed arrays and class instances (prototype kept), cycles included. */
function copy<T>(value: T, seen = new Map<unknown, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (value instanceof Map) {
    const m = new Map();
    seen.set(value, m);
    for (const [k, v] of value) m.set(copy(k, seen), copy(v, seen));
    return m as T;
  }
  if (value instanceof Set) {
    const s = new Set();
    seen.set(value, s);
    for (const v of value) s.add(copy(v, seen));
    return s as T;
  }
  if (ArrayBuffer.isView(value)) return (value as unknown as Int32Array).slice() as T;
  if (Array.isArray(value)) {
    const a: unknown[] = [];
    seen.set(value, a);
    for (let i = 0; i < value.length; i++) a[i] = copy(value[i], seen);
    return a as T;
  }
  const o = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  seen.set(value, o);
  for (const k of Object.keys(value)) o[k] = copy((value as Record<string, unknown>)[k], seen);
  return o as T;
}

/** Puts `next` in place of the service's state, keeping the live sessions (and their users). */
function replace(service: Service<any>, next: State): void {
  const state = service.state;
  const sessions = state.sessions;
  const users = state.users;
  Object.assign(state, next);
  state.sessions = sessions;
  // a fresh record: the old one names the groups of the state being replaced
  for (const userID of sessions.keys()) {
    const was = users.get(userID);
    if (!state.users.has(userID)) state.users.set(userID, newUser(userID, was?.nick, was?.avatar));
  }
}

export class StateControl {
  private readonly snapshots = new Map<string, State>();
  private serial = 0;

  constructor(private readonly service: Service<any>) {}

  /** Empties the service: no groups, no applications, no users but those logged in. Snapshots are kept. */
  reset(): void {
    const s = this.service.state;
    replace(this.service, createState(s.limits, s.seed));
  }

  snapshot(): string {
    const id = `snap-${++this.serial}`;
    this.snapshots.set(id, copy(this.service.state));
    return id;
  }

  /** False when no snapshot has that ID. A snapshot can be restored any number of times. */
  restore(id: string): boolean {
    const snap = this.snapshots.get(id);
    if (snap === undefined) return false;
    replace(this.service, copy(snap));
    return true;
  }

  get snapshotIDs(): string[] {
    return [...this.snapshots.keys()];
  }
}
