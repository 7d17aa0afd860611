/** Triage of the surviving mutants of simulator/core/member-table.ts (see ../triage.ts). */
import type { TriageEntry } from '../entry';

const F = 'simulator/core/member-table.ts';

/** restore() and put()'s non-append branch run only when a command is undone after a removal. */
const UNDO_ONLY = 'runs only when a command is rolled back after removing a member, and no command refuses (or fails) after expel(): every check comes first (no coverage)';
/** `dead` only times compaction. */
const COMPACTION_TIMING = 'only when compaction runs changes (never, always, or at another count); compaction keeps join order, the live count and the roles, so no page, rank, size or membership answer changes, only speed and memory (checked by a differential fuzz of the table)';

export const triage: readonly TriageEntry[] = [
  // fields (the first tree is NO_SLOTS, shared and never written: its size is grow()'s 16)

  // get

  // restore (undo of remove)
  { file: F, line: 'restore(r: Removed): void {', mutator: 'BlockStatement', disposition: 'equivalent', why: `restore() ${UNDO_ONLY}` },
  { file: F, line: 'if (this.slots[slot] === undefined && slot < this.slots.length) this.dead--;', mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator', 'UpdateOperator'], disposition: 'equivalent', why: `restore() ${UNDO_ONLY}; and dead only times compaction` },

  // remove
  { file: F, line: 'if (record === undefined) return undefined;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'record === undefined', disposition: 'equivalent', why: "remove() is only asked for a member: expel()'s callers pick members, and addMember's undo removes the member it just added" },
  { file: F, line: 'else if (had instanceof Map) {', mutator: 'ConditionalExpression', code: 'had instanceof Map', replacement: 'true', disposition: 'equivalent', why: "a single member record among the user's memberships is this group's (remove found it) and handled above, so had is a Map here" },
  { file: F, line: 'if (had.size === 2) {', mutator: 'ConditionalExpression', code: 'had.size === 2', replacement: 'false', disposition: 'equivalent', why: 'a Map of one membership reads as the bare record everywhere (groupsOf, quotaUse, membershipIn and add read or extend both); only memory differs' },
  { file: F, line: 'this.dead++;', mutator: 'UpdateOperator', code: 'this.dead++', disposition: 'equivalent', why: `only slower: a falling dead count means no compaction ever; ${COMPACTION_TIMING}` },
  { file: F, line: 'return { record, slot, had: had! };', mutator: 'ObjectLiteral', code: '{ record, slot, had: had! }', disposition: 'equivalent', why: "the record, slot and memberships are read only by the undo of a removal (restore, which never runs), and removeMember's only caller, expel(), ignores the record it returns" },

  // page / recent
  { file: F, line: 'if (offset >= this.live || count <= 0) return out;', mutator: ['ConditionalExpression', 'LogicalOperator'], code: 'offset >= this.live || count <= 0', disposition: 'equivalent', why: "an offset past the end makes select() return the tree's last position, at or past the last slot, so the loop adds nothing; a count <= 0 stops the loop at once (out.length < count is false)" },
  { file: F, line: 'if (offset >= this.live || count <= 0) return out;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'count <= 0', disposition: 'equivalent', why: 'a count <= 0 stops the loop at once (out.length < count is false), so the page is empty anyway' },
  { file: F, line: 'while (slot < this.slots.length && out.length < count) {', mutator: 'EqualityOperator', code: 'slot < this.slots.length', replacement: 'slot <= this.slots.length', disposition: 'equivalent', why: 'slots[slots.length] is undefined, so nothing is added, and the loop ends after it' },
  { file: F, line: 'if (count <= 0) return [];', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'count <= 0', disposition: 'equivalent', why: 'page() returns nothing for a count <= 0 itself (its own guard, and its offset max(0, live - count) is then >= live)' },
  { file: F, line: 'if (count <= 0) return [];', mutator: 'ArrayDeclaration', code: '[]', disposition: 'simulator-only', why: 'reached only with an avRecentMembers limit <= 0, which only the Simulator constructor\'s limits option can set (the default is 1000)' },

  // privilegedMembers

  // compact
  { file: F, line: 'compact(): void {', mutator: 'BlockStatement', disposition: 'equivalent', why: `only slower: no compaction ever; ${COMPACTION_TIMING}` },
  { file: F, line: 'if (this.dead < 64 || this.dead < this.live) return;', mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator'], disposition: 'equivalent', why: COMPACTION_TIMING },
  { file: F, line: 'const tree = new Int32Array(Math.max(16, members.length * 2) + 1);', mutator: 'ArithmeticOperator', code: 'Math.max(16, members.length * 2) + 1', disposition: 'equivalent', why: 'a tree of max(16, 2n) - 2 positions still covers the n compacted slots (14 >= n when 2n <= 16, else 2n - 2 >= n); later puts grow it as usual' },
  { file: F, line: 'for (let i = 1; i < tree.length; i++) {', mutator: 'EqualityOperator', code: 'i < tree.length', replacement: 'i <= tree.length', disposition: 'equivalent', why: 'in the extra round up is past the end, so the up < tree.length guard writes nothing' },
  { file: F, line: 'if (up < tree.length) tree[up]! += tree[i]!;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'up < tree.length', disposition: 'equivalent', why: 'a write past the end of an Int32Array is ignored' },

  // put
  { file: F, line: 'if (slot >= this.tree.length - 1) this.grow(slot + 1);', mutator: 'ConditionalExpression', code: 'slot >= this.tree.length - 1', replacement: 'true', disposition: 'equivalent', why: 'only slower: grow() with a tree already big enough rebuilds the same tree from the slots on every put' },
  { file: F, line: 'if (slot >= this.tree.length - 1) this.grow(slot + 1);', mutator: 'EqualityOperator', code: 'slot >= this.tree.length - 1', replacement: 'slot > this.tree.length - 1', disposition: 'equivalent', why: "a member put in the slot just past the tree is left out of it until the next put grows it; select() of the last rank still lands on that position, that very slot, so no page changes (checked by a differential fuzz)" },
  { file: F, line: 'if (slot === this.slots.length) this.slots.push(m);', mutator: 'ConditionalExpression', code: 'slot === this.slots.length', replacement: 'false', disposition: 'equivalent', why: 'for an append slot === slots.length, so the other branch (slots[slot] = m) appends too' },
  { file: F, line: 'if (slot === this.slots.length) this.slots.push(m);', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'slot === this.slots.length', disposition: 'equivalent', why: `add() always appends at slots.length; another slot comes only from restore(), which ${UNDO_ONLY}` },
  { file: F, line: 'if (slot > this.slots.length) this.slots.length = slot + 1;', mutator: ['ConditionalExpression', 'EqualityOperator', 'ArithmeticOperator'], disposition: 'equivalent', why: `put()'s non-append branch serves restore() only, which ${UNDO_ONLY}` },
  { file: F, line: 'else {', mutator: 'BlockStatement', when: (m) => m.original.includes('this.slots.length = slot + 1'), disposition: 'equivalent', why: `put()'s non-append branch serves restore() only, which ${UNDO_ONLY}` },

  // grow
  { file: F, line: 'let n = Math.max(16, this.tree.length - 1);', mutator: 'ArithmeticOperator', code: 'this.tree.length - 1', disposition: 'equivalent', why: 'the tree grows from two positions more (or from 16): larger, still covering every slot; the Fenwick descent works for any size' },
  { file: F, line: 'while (n < minSlots) n *= 2;', mutator: 'EqualityOperator', code: 'n < minSlots', replacement: 'n <= minSlots', disposition: 'equivalent', why: 'one more doubling when n equals minSlots: a larger tree, the same ranks' },
  { file: F, line: 'this.tree = new Int32Array(n + 1);', mutator: 'ArithmeticOperator', code: 'n + 1', disposition: 'equivalent', why: 'n is at least twice the old size P, so n - 2 positions still hold the slot being put (2P - 2 > P); later puts grow it as usual' },
  { file: F, line: 'for (let i = 0; i < this.slots.length; i++) {', mutator: 'EqualityOperator', code: 'i < this.slots.length', replacement: 'i <= this.slots.length', disposition: 'equivalent', why: 'slots[slots.length] is undefined and is skipped' },

  // bump / select
  { file: F, line: 'for (let i = slot + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;', mutator: 'EqualityOperator', code: 'i < this.tree.length', replacement: 'i <= this.tree.length', disposition: 'equivalent', why: 'the extra round writes past the end of the Int32Array, which is ignored' },
  { file: F, line: 'while (step * 2 < this.tree.length) step *= 2;', mutator: 'EqualityOperator', code: 'step * 2 < this.tree.length', replacement: 'step * 2 <= this.tree.length', disposition: 'equivalent', why: 'tree.length is always odd (16·2^k or max(16, 2n), plus 1), so the even step * 2 never equals it' },
  { file: F, line: 'while (step * 2 < this.tree.length) step *= 2;', mutator: 'ArithmeticOperator', code: 'step * 2', replacement: 'step / 2', disposition: 'equivalent', why: 'the descent then starts from a step past the tree and skips every step whose position is past it (next < tree.length), ending at the same position' },
  { file: F, line: 'if (next < this.tree.length && this.tree[next]! < rest) {', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'next < this.tree.length', disposition: 'equivalent', why: 'tree[next] past the end of an Int32Array is undefined, and undefined < rest is false, as the guard gives' },
];
