/**
 * A command's changes, with an undo log. Handlers check first and change after, but the log makes
 * atomicity a property of the mechanism rather than of each handler's care: whatever a failing
 * command changed is put back, in reverse order, before the refusal leaves the core.
 */
import type { MemberRecord } from './member-table';
import type { Delivery } from './deliveries';
import type { GroupRecord, State } from './state';

export class Tx {
  private readonly undo: Array<() => void> = [];
  readonly deliveries: Delivery[] = [];
  /** Groups whose member tables may hold tombstones worth compacting after commit. */
  readonly touched = new Set<GroupRecord>();

  constructor(readonly state: State) {}

  set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const old = target[key];
    if (old === value) return;
    target[key] = value;
    this.undo.push(() => {
      target[key] = old;
    });
  }

  mapSet<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const old = map.get(key);
    map.set(key, value);
    this.undo.push(() => {
      if (had) map.set(key, old as V);
      else map.delete(key);
    });
  }

  mapDelete<K, V>(map: Map<K, V>, key: K): void {
    if (!map.has(key)) return;
    const old = map.get(key) as V;
    map.delete(key);
    this.undo.push(() => map.set(key, old));
  }

  addMember(g: GroupRecord, m: MemberRecord): void {
    g.members.add(m);
    this.membership(m.userID).add(g.groupID);
    this.undo.push(() => {
      g.members.remove(m.userID);
      this.state.memberships.get(m.userID)?.delete(g.groupID);
    });
  }

  removeMember(g: GroupRecord, userID: string): MemberRecord | undefined {
    const removed = g.members.remove(userID);
    if (removed === undefined) return undefined;
    const joined = this.state.memberships.get(userID);
    joined?.delete(g.groupID);
    this.touched.add(g);
    this.undo.push(() => {
      g.members.restore(removed.record, removed.slot);
      // re-adding moves the group to the end of the user's join order; acceptable for an undo
      this.membership(userID).add(g.groupID);
    });
    return removed.record;
  }

  setRole(g: GroupRecord, m: MemberRecord, role: MemberRecord['role']): void {
    const old = m.role;
    m.role = role;
    g.members.noteRole(m);
    this.undo.push(() => {
      m.role = old;
      g.members.noteRole(m);
    });
  }

  deliver(d: Delivery): void {
    this.deliveries.push(d);
  }

  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!();
    this.undo.length = 0;
    this.deliveries.length = 0;
  }

  commit(): void {
    for (const g of this.touched) g.members.compact();
  }

  private membership(userID: string): Set<string> {
    let s = this.state.memberships.get(userID);
    if (s === undefined) {
      s = new Set();
      this.state.memberships.set(userID, s);
    }
    return s;
  }
}
