/**
 * Members of one group, kept so that a million-member AVChatRoom stays fast:
 * membership check, join and quit are O(1) (O(log n) for the rank index), a page of the member list
 * at any offset costs O(log n + page), and join order is preserved.
 *
 * Members live in slots in join order. Leaving tombstones the slot; a Fenwick tree over the slots
 * answers "which slot holds the k-th live member" in O(log n). Tombstones are compacted only by
 * `compact()`, which the core calls between commands, never inside one, so undo can restore a slot.
 *
 * A member is found from its user: each account record holds its member records (`Joined`), so the
 * table keeps no index of its own. A join used to insert the joiner into a per-group map of every
 * member, a cache miss on the joiner's entry in a table of a hundred thousand that cost a third of
 * the join (docs/performance.md, round four); the account record is one the join reads anyway.
 */
export interface MemberRecord {
  userID: string;
  /** The group the record is a membership of: the account's records are found by it. */
  groupID: string;
  role: 'Owner' | 'Admin' | 'Member' | 'Custom';
  joinTime: number;
  nameCard: string;
  muteUntil: number;
  memberCustomField: Array<{ key: string; value: string }>;
  /** Where the record is in its table (join order); kept by the table. */
  slot: number;
  /** The member's own message-receiving option, once set (setMessageRemindType); unset: the type's default. */
  messageRemindType?: MessageRemindType;
}

export type MessageRemindType = 'AcceptAndNotify' | 'AcceptNotNotify' | 'Discard';

/**
 * One user's memberships, in join order: '' none, the member record itself for one group (most
 * users: a Map of two costs about 200 heap bytes, twice a member of a big room), a Map by group ID
 * from the second group on.
 */
export type Joined = '' | MemberRecord | Map<string, MemberRecord>;

/** What the table needs of an account: its memberships. */
export interface Account {
  groups: Joined;
}

/** The member record of `groupID` among a user's memberships. */
export function membershipIn(joined: Joined, groupID: string): MemberRecord | undefined {
  if (joined === '') return undefined;
  if (joined instanceof Map) return joined.get(groupID);
  return joined.groupID === groupID ? joined : undefined;
}

/** What `remove` took away, for undo: the record, its slot, and the account's memberships as they were. */
export interface Removed {
  record: MemberRecord;
  slot: number;
  had: Joined;
}

/**
 * The tree of a table with no slot yet, shared: bump() never writes it (it stops at its length) and
 * the first put grows it. A typed array and a Set made for every group cost a third of creating one
 * (an admin's create_group with no owner fills neither: docs/performance.md, round five).
 */
const NO_SLOTS = new Int32Array(1);

export class MemberTable {
  private live = 0;
  private slots: Array<MemberRecord | undefined> = [];
  private tree: Int32Array = NO_SLOTS;
  private dead = 0;
  /** Owner, admins and custom roles: few, so role-filtered pages of them stay cheap; made with the first. */
  private privileged: Set<string> | undefined;

  constructor(
    readonly groupID: string,
    /** The accounts, by user ID: every member has one (state.ts). */
    private readonly accounts: ReadonlyMap<string, Account>,
  ) {}

  get size(): number {
    return this.live;
  }

  has(userID: string): boolean {
    return this.get(userID) !== undefined;
  }

  get(userID: string): MemberRecord | undefined {
    const a = this.accounts.get(userID);
    return a === undefined ? undefined : membershipIn(a.groups, this.groupID);
  }

  /** Appends a member (not one already); the account's memberships gain it, in join order. */
  add(m: MemberRecord): number {
    if (m.groupID !== this.groupID) throw new Error(`a member record of ${m.groupID} added to ${this.groupID}`);
    const slot = this.slots.length;
    const a = this.account(m.userID);
    const had = a.groups;
    // one group: the record itself; the second upgrades to a Map, in join order
    if (had === '') a.groups = m;
    else if (had instanceof Map) had.set(this.groupID, m);
    else a.groups = new Map([[had.groupID, had], [this.groupID, m]]);
    this.put(m, slot);
    return slot;
  }

  /**
   * Puts a member back into the slot it had and the account's memberships as they were (undo of
   * `remove`): re-adding to a Map moves the group to the end of the user's join order, acceptable
   * for an undo.
   */
  restore(r: Removed): void {
    const { record: m, slot, had } = r;
    if (this.slots[slot] === undefined && slot < this.slots.length) this.dead--;
    const a = this.account(m.userID);
    if (had instanceof Map && a.groups === had) had.set(this.groupID, m);
    else a.groups = had;
    this.put(m, slot);
  }

  /** Removes a member; returns what undo needs to put it back. */
  remove(userID: string): Removed | undefined {
    const a = this.accounts.get(userID);
    const had = a?.groups;
    const record = had === undefined ? undefined : membershipIn(had, this.groupID);
    if (record === undefined) return undefined;
    // none left: ''; a Map of two is left as it was, for undo, and replaced by the one that remains
    if (had === record) a!.groups = '';
    else if (had instanceof Map) {
      if (had.size === 2) {
        for (const other of had.values()) if (other !== record) a!.groups = other;
      } else {
        had.delete(this.groupID);
      }
    }
    const slot = record.slot;
    this.live--;
    this.privileged?.delete(userID);
    this.slots[slot] = undefined;
    this.dead++;
    this.bump(slot, -1);
    return { record, slot, had: had! };
  }

  /** Keeps the privileged-role index true after a role change. */
  noteRole(m: MemberRecord): void {
    if (m.role === 'Member') this.privileged?.delete(m.userID);
    else (this.privileged ??= new Set()).add(m.userID);
  }

  /** Members in join order, `count` of them starting at live position `offset`. */
  page(offset: number, count: number): MemberRecord[] {
    const out: MemberRecord[] = [];
    if (offset >= this.live || count <= 0) return out;
    let slot = this.select(offset);
    while (slot < this.slots.length && out.length < count) {
      const m = this.slots[slot++];
      if (m !== undefined) out.push(m);
    }
    return out;
  }

  /**
   * The `count` most recent joiners, newest last: the page that ends at the last live member, so
   * tombstones left at the end by viewers who came and went cost nothing.
   */
  recent(count: number): MemberRecord[] {
    if (count <= 0) return [];
    return this.page(Math.max(0, this.live - count), count);
  }

  /** Owner, admins and custom-role members, in join order. */
  privilegedMembers(): MemberRecord[] {
    return [...(this.privileged ?? [])].map((id) => this.get(id)!).sort((a, b) => a.slot - b.slot);
  }

  /** Calls `visit` on every member in join order: the iterator without a generator's cost. */
  forEach(visit: (m: MemberRecord) => void): void {
    for (const m of this.slots) if (m !== undefined) visit(m);
  }

  *[Symbol.iterator](): IterableIterator<MemberRecord> {
    for (const m of this.slots) if (m !== undefined) yield m;
  }

  /** Drops tombstones once they outnumber live members: amortised O(1) per removal. */
  compact(): void {
    if (this.dead < 64 || this.dead < this.live) return;
    const members = this.slots.filter((m): m is MemberRecord => m !== undefined);
    // the live count and the privileged roles do not change; each record learns its new slot
    for (let i = 0; i < members.length; i++) members[i]!.slot = i;
    this.slots = members;
    this.dead = 0;
    // every slot is live: the Fenwick tree of all ones, built in O(n)
    const tree = new Int32Array(Math.max(16, members.length * 2) + 1);
    for (let i = 1; i <= members.length; i++) tree[i]! += 1;
    for (let i = 1; i < tree.length; i++) {
      const up = i + (i & -i);
      if (up < tree.length) tree[up]! += tree[i]!;
    }
    this.tree = tree;
  }

  private account(userID: string): Account {
    const a = this.accounts.get(userID);
    if (a === undefined) throw new Error(`${userID} has no account record, yet is a member of ${this.groupID}`);
    return a;
  }

  private put(m: MemberRecord, slot: number): void {
    if (slot >= this.tree.length - 1) this.grow(slot + 1);
    // appending (every join) pushes: setting an array's length is a slow builtin call
    if (slot === this.slots.length) this.slots.push(m);
    else {
      if (slot > this.slots.length) this.slots.length = slot + 1;
      this.slots[slot] = m;
    }
    m.slot = slot;
    this.live++;
    this.noteRole(m);
    this.bump(slot, +1);
  }

  private grow(minSlots: number): void {
    let n = Math.max(16, this.tree.length - 1);
    while (n < minSlots) n *= 2;
    // rebuilding from the slots is O(n) and happens on doubling only: amortised O(1)
    this.tree = new Int32Array(n + 1);
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] === undefined) continue;
      this.bump(i, +1);
    }
  }

  private bump(slot: number, delta: number): void {
    for (let i = slot + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** Slot of the live member at 0-based rank `k` (Fenwick descent). */
  private select(k: number): number {
    let pos = 0;
    let rest = k + 1;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.tree.length && this.tree[next]! < rest) {
        pos = next;
        rest -= this.tree[next]!;
      }
    }
    return pos; // 0-based slot = (1-based pos + 1) - 1
  }
}
