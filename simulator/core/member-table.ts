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
}

export class MemberTable {
  private readonly index = new Map<string, number>();
  private slots: Array<MemberRecord | undefined> = [];
  private tree: Int32Array = new Int32Array(16 + 1);
  private dead = 0;
  /** Owner, admins and custom roles: few, so role-filtered pages of them stay cheap. */
  private readonly privileged = new Set<string>();

  get size(): number {
    return this.index.size;
  }

  has(userID: string): boolean {
    return this.index.has(userID);
  }

  get(userID: string): MemberRecord | undefined {
    const slot = this.index.get(userID);
    return slot === undefined ? undefined : this.slots[slot];
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
    if (slot === undefined) return undefined;
    const record = this.slots[slot]!;
    this.index.delete(userID);
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
    if (offset >= this.index.size || count <= 0) return out;
    let slot = this.select(offset);
    while (slot < this.slots.length && out.length < count) {
      const m = this.slots[slot++];
      if (m !== undefined) out.push(m);
    }
    return out;
  }

  /** The `count` most recent joiners, newest last. */
  recent(count: number): MemberRecord[] {
    const out: MemberRecord[] = [];
    for (let slot = this.slots.length - 1; slot >= 0 && out.length < count; slot--) {
      const m = this.slots[slot];
      if (m !== undefined) out.push(m);
    }
    return out.reverse();
  }

  /** Owner, admins and custom-role members, in join order. */
  privilegedMembers(): MemberRecord[] {
    return [...this.privileged].map((id) => this.get(id)!).sort((a, b) => this.index.get(a.userID)! - this.index.get(b.userID)!);
  }

  *[Symbol.iterator](): IterableIterator<MemberRecord> {
    for (const m of this.slots) if (m !== undefined) yield m;
  }

  /** Drops tombstones once they outnumber live members: amortised O(1) per removal. */
  compact(): void {
    if (this.dead < 64 || this.dead < this.index.size) return;
    const live = this.slots.filter((m): m is MemberRecord => m !== undefined);
    this.slots = [];
    this.index.clear();
    this.dead = 0;
    this.tree = new Int32Array(Math.max(16, live.length * 2) + 1);
    for (const m of live) this.put(m, this.slots.length);
  }

  private put(m: MemberRecord, slot: number): void {
    if (slot >= this.tree.length - 1) this.grow(slot + 1);
    if (slot >= this.slots.length) this.slots.length = slot + 1;
    this.slots[slot] = m;
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
