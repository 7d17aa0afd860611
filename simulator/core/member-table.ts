/**
 * Members of one group, kept so that a million-member AVChatRoom stays fast:
 * membership check, join and quit are O(1) (O(log n) for the rank index), a page of the member list
 * at any offset costs O(log n + page), and join order is preserved.
 *
 * Members live in slots in join order. Leaving tombstones the slot; a Fenwick tree over the slots
 * answers "which slot holds the k-th live member" in O(log n). Tombstones are compacted only by
 * `compact()`, which the core calls between commands, never inside one, so undo can restore a slot.
 */
export interface MemberRecord {
  userID: string;
  role: 'Owner' | 'Admin' | 'Member' | 'Custom';
  joinTime: number;
  nameCard: string;
  muteUntil: number;
  memberCustomField: Array<{ key: string; value: string }>;
  /** The member's own message-receiving option, once set (setMessageRemindType); unset: the type's default. */
  messageRemindType?: MessageRemindType;
}

export type MessageRemindType = 'AcceptAndNotify' | 'AcceptNotNotify' | 'Discard';

/** The index's mark for a user who left: see `remove`. */
const GONE = -1;

export class MemberTable {
  /** userID -> slot; GONE for a user who left since the last compaction. */
  private index = new Map<string, number>();
  private live = 0;
  private slots: Array<MemberRecord | undefined> = [];
  private tree: Int32Array = new Int32Array(16 + 1);
  private dead = 0;
  /** Owner, admins and custom roles: few, so role-filtered pages of them stay cheap. */
  private readonly privileged = new Set<string>();

  get size(): number {
    return this.live;
  }

  has(userID: string): boolean {
    const slot = this.index.get(userID);
    return slot !== undefined && slot !== GONE;
  }

  get(userID: string): MemberRecord | undefined {
    const slot = this.index.get(userID);
    return slot === undefined || slot === GONE ? undefined : this.slots[slot];
  }

  /** Appends a member; returns its slot. */
  add(m: MemberRecord): number {
    const slot = this.slots.length;
    this.put(m, slot);
    return slot;
  }

  /** Puts a member back into the slot it had (undo of `remove`). */
  restore(m: MemberRecord, slot: number): void {
    if (this.slots[slot] === undefined && slot < this.slots.length) this.dead--;
    this.put(m, slot);
  }

  /** Removes a member; returns the record and the slot it held, for undo. */
  remove(userID: string): { record: MemberRecord; slot: number } | undefined {
    const slot = this.index.get(userID);
    if (slot === undefined || slot === GONE) return undefined;
    const record = this.slots[slot]!;
    // Marked, not deleted: V8 leaves a deleted Map entry in its hash chain until the table is
    // rehashed, which a big table rarely is, so a user who joins and leaves again and again would
    // make every lookup of their absent ID walk one dead entry per departure (docs/performance.md).
    // Overwriting keeps one entry per user; compact() drops the marks with the tombstones.
    this.index.set(userID, GONE);
    this.live--;
    this.privileged.delete(userID);
    this.slots[slot] = undefined;
    this.dead++;
    this.bump(slot, -1);
    return { record, slot };
  }

  /** Keeps the privileged-role index true after a role change. */
  noteRole(m: MemberRecord): void {
    if (m.role === 'Member') this.privileged.delete(m.userID);
    else this.privileged.add(m.userID);
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
    return [...this.privileged].map((id) => this.get(id)!).sort((a, b) => this.index.get(a.userID)! - this.index.get(b.userID)!);
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
    // A new index of the members alone: the departed users' marks go without deleting them one by
    // one, which would leave dead entries in the old table's hash chains (see `remove`). The live
    // count and the privileged roles do not change.
    const index = new Map<string, number>();
    for (let i = 0; i < members.length; i++) index.set(members[i]!.userID, i);
    this.index = index;
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

  private put(m: MemberRecord, slot: number): void {
    if (slot >= this.tree.length - 1) this.grow(slot + 1);
    // appending (every join) pushes: setting an array's length is a slow builtin call
    if (slot === this.slots.length) this.slots.push(m);
    else {
      if (slot > this.slots.length) this.slots.length = slot + 1;
      this.slots[slot] = m;
    }
    const previous = this.index.get(m.userID);
    if (previous === undefined || previous === GONE) this.live++;
    this.index.set(m.userID, slot);
    this.noteRole(m);
    this.bump(slot, +1);
  }

  private grow(minSlots: number): void {
    let n = this.tree.length - 1;
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
