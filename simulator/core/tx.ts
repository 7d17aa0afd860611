/**
 * A command's changes, with an undo log. Handlers check first and change after, but the log makes
 * atomicity a property of the mechanism rather than of each handler's care: whatever a failing
 * command changed is put back, in reverse order, before the refusal leaves the core.
 */
import type { MemberRecord } from './member-table';
import type { Delivery } from './deliveries';
import type { ApplicationRecord, GroupRecord, Joined, State, UserRecord } from './state';

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
    const { userID } = m;
    const u = this.account(userID);
    g.members.add(m);
    const groupID = g.groupID;
    const had = u.groups;
    // one group: its ID; the second upgrades to a Set, in join order
    if (had === '') u.groups = groupID;
    else if (typeof had === 'string') u.groups = new Set([had, groupID]);
    else had.add(groupID);
    this.undo.push(() => {
      g.members.remove(userID);
      if (typeof had === 'string') u.groups = had;
      else had.delete(groupID);
    });
  }

  removeMember(g: GroupRecord, userID: string): MemberRecord | undefined {
    const removed = g.members.remove(userID);
    if (removed === undefined) return undefined;
    const u = this.account(userID);
    const groupID = g.groupID;
    const had = u.groups;
    // '' when no group is left; a Set of two is left as it was, for undo, and replaced by the one
    // ID that remains
    let restore: Joined | undefined;
    if (had === groupID) {
      u.groups = '';
      restore = had;
    } else if (typeof had === 'object') {
      if (had.size === 2 && had.has(groupID)) {
        for (const id of had) if (id !== groupID) u.groups = id;
        restore = had;
      } else {
        had.delete(groupID);
      }
    }
    this.touchGroup(g);
    this.undo.push(() => {
      g.members.restore(removed.record, removed.slot);
      if (restore !== undefined) u.groups = restore;
      // re-adding moves the group to the end of the user's join order; acceptable for an undo
      else if (typeof had === 'object') had.add(groupID);
    });
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

  /** A member's account record, which holds their groups (every member has one: state.ts). */
  private account(userID: string): UserRecord {
    const u = this.state.users.get(userID);
    if (u === undefined) throw new Error(`${userID} has no account record, yet is a member`);
    return u;
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
