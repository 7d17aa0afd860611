/**
 * A command's changes, with an undo log. Handlers check first and change after, but the log makes
 * atomicity a property of the mechanism rather than of each handler's care: whatever a failing
 * command changed is put back, in reverse order, before the refusal leaves the core.
 */
import type { MemberRecord } from './member-table';
import type { Delivery } from './deliveries';
import { noEntries, type ApplicationRecord, type GroupRecord, type KeyedStore, type State } from './state';

export class Tx {
  private readonly undo: Array<() => void> = [];
  readonly deliveries: Delivery[] = [];
  /** Groups whose member tables may hold tombstones worth compacting after commit (most commands: none). */
  private touched: GroupRecord[] | undefined;

  constructor(readonly state: State) {}

  set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const old = target[key];
    if (old === value) return;
    target[key] = value;
    this.undo.push(() => {
      target[key] = old;
    });
  }

  /** The group's own store `key`, made (undoably) in place of the shared empty one on the first write. */
  own<S extends KeyedStore>(g: GroupRecord, key: S): GroupRecord[S] {
    const m = g[key];
    if (m !== noEntries()) return m;
    const mine = new Map() as GroupRecord[S];
    this.set(g, key, mine);
    return mine;
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

  /** Makes `m` a member of `g` (the table also files it with the user's account: member-table.ts). */
  addMember(g: GroupRecord, m: MemberRecord): void {
    g.members.add(m);
    const { userID } = m;
    this.undo.push(() => {
      g.members.remove(userID);
    });
  }

  removeMember(g: GroupRecord, userID: string): MemberRecord | undefined {
    const removed = g.members.remove(userID);
    if (removed === undefined) return undefined;
    this.touchGroup(g);
    this.undo.push(() => g.members.restore(removed));
    return removed.record;
  }

  /** Files an application, or replaces the pending one with its key, keeping `applicationIndex`. */
  putApplication(a: ApplicationRecord): void {
    const fresh = !this.state.applications.has(a.key);
    this.mapSet(this.state.applications, a.key, a);
    if (!fresh) return;
    indexApplication(this.state, a);
    this.undo.push(() => unindexApplication(this.state, a));
  }

  /** Removes a pending application and its index entry. */
  dropApplication(key: string): void {
    const a = this.state.applications.get(key);
    if (a === undefined) return;
    this.mapDelete(this.state.applications, key);
    unindexApplication(this.state, a);
    this.undo.push(() => indexApplication(this.state, a));
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
    if (this.touched !== undefined) for (const g of this.touched) g.members.compact();
  }

  private touchGroup(g: GroupRecord): void {
    if (this.touched === undefined) this.touched = [g];
    else if (!this.touched.includes(g)) this.touched.push(g);
  }
}

function indexApplication(s: State, a: ApplicationRecord): void {
  let byUser = s.applicationIndex.get(a.groupID);
  if (byUser === undefined) {
    byUser = new Map();
    s.applicationIndex.set(a.groupID, byUser);
  }
  const keys = byUser.get(a.userID);
  if (keys === undefined) byUser.set(a.userID, [a.key]);
  else keys.push(a.key);
}

function unindexApplication(s: State, a: ApplicationRecord): void {
  const byUser = s.applicationIndex.get(a.groupID);
  const keys = byUser?.get(a.userID);
  if (byUser === undefined || keys === undefined) return;
  const i = keys.indexOf(a.key);
  if (i >= 0) keys.splice(i, 1);
  if (keys.length > 0) return;
  byUser.delete(a.userID);
  if (byUser.size === 0) s.applicationIndex.delete(a.groupID);
}
