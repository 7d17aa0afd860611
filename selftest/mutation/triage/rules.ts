/** Triage of the surviving mutants of simulator/core/rules.ts (see ../triage.ts). */
import type { TriageEntry } from '../entry';

const F = 'simulator/core/rules.ts';

export const triage: readonly TriageEntry[] = [
  // checkBytes: without its `value === undefined` return, utf8Bytes(undefined) throws (it counts,
  // no longer encodes: TextEncoder made '' of undefined), so that mutant is no longer equivalent

  // quotaUse / overQuota
  { file: F, line: "if (!(joined instanceof Map)) return s.groups.get(joined.groupID)?.type !== 'AVChatRoom' ? 1 : 0;", mutator: 'OptionalChaining', code: 's.groups.get(joined.groupID)?.type', disposition: 'equivalent', why: 'memberships only name existing groups (a group is deleted only once it has no members), so the lookup never gives undefined' },
  { file: F, line: "for (const id of joined.keys()) if (s.groups.get(id)?.type !== 'AVChatRoom') n++;", mutator: 'OptionalChaining', code: 's.groups.get(id)?.type', disposition: 'equivalent', why: 'memberships only name existing groups (a group is deleted only once it has no members), so the lookup never gives undefined' },

  // generated group IDs
  { file: F, line: "let out = '';", mutator: 'StringLiteral', code: "''", disposition: 'no-rule', why: 'the spelling of a generated ID after @TGS#: create.generated-id documents only the prefix and uniqueness' },
  { file: F, line: 'for (let i = 0; i < length; i++) {', mutator: 'EqualityOperator', code: 'i < length', replacement: 'i <= length', disposition: 'no-rule', why: 'the length of a generated ID: create.generated-id documents only the @TGS# prefix and uniqueness' },
  { file: F, line: 'x = (x + 0x9e3779b9) >>> 0;', mutator: 'ArithmeticOperator', code: 'x + 0x9e3779b9', disposition: 'no-rule', why: 'the spelling of a generated ID after @TGS#: create.generated-id documents only the prefix and uniqueness' },
  { file: F, line: "`@TGS#${n % 3 === 0 ? 'a' : '2'}${body}`", mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'n % 3 === 0', disposition: 'no-rule', why: "the 'a' or '2' after @TGS# in a generated ID: create.generated-id documents only the prefix and uniqueness" },
  { file: F, line: "`@TGS#${n % 3 === 0 ? 'a' : '2'}${body}`", mutator: 'ArithmeticOperator', code: 'n % 3', disposition: 'no-rule', why: "the 'a' or '2' after @TGS# in a generated ID: create.generated-id documents only the prefix and uniqueness" },
  { file: F, line: "`@TGS#${n % 3 === 0 ? 'a' : '2'}${body}`", mutator: 'StringLiteral', code: "'a'", disposition: 'no-rule', why: "the 'a' or '2' after @TGS# in a generated ID: create.generated-id documents only the prefix and uniqueness" },
  { file: F, line: "`@TGS#${n % 3 === 0 ? 'a' : '2'}${body}`", mutator: 'StringLiteral', code: "'2'", disposition: 'no-rule', why: "the 'a' or '2' after @TGS# in a generated ID: create.generated-id documents only the prefix and uniqueness" },
  { file: F, line: 'if (!tx.state.groups.has(id)) return id;', mutator: 'ConditionalExpression', code: '!tx.state.groups.has(id)', replacement: 'true', disposition: 'gap', why: "create.generated-id (unique): a Community's custom ID equal to the next generated one is overwritten; in app 1 alice creates a Community (ID X); in a fresh app of the same seed, When alice creates a Community with groupID X and then one without an ID, Then both exist with different IDs" },

  // deliveries
  { file: F, line: 'if (extra !== undefined) Object.assign(payload, extra);', mutator: 'ConditionalExpression', code: 'extra !== undefined', replacement: 'true', disposition: 'equivalent', why: 'Object.assign(payload, undefined) changes nothing' },
  { file: F, line: 'if (to.length === 0) return;', mutator: 'ConditionalExpression', code: 'to.length === 0', replacement: 'false', disposition: 'no-rule', why: "a notice to nobody still takes a message sequence number, so later messages' sequence and ID skip one: the app-wide numbering is the simulator's own" },

  // admit / expel / recycling
  { file: F, line: 'if (moot.length > 0) for (const key of [...moot]) tx.dropApplication(key);', mutator: 'ConditionalExpression', code: 'moot.length > 0', replacement: 'true', disposition: 'equivalent', why: 'looping over no pending applications drops nothing either' },
  { file: F, line: 'if (moot.length > 0) for (const key of [...moot]) tx.dropApplication(key);', mutator: 'EqualityOperator', code: 'moot.length > 0', replacement: 'moot.length >= 0', disposition: 'equivalent', why: 'looping over no pending applications drops nothing either' },
  { file: F, line: "if (tx.state.avRoom.get(userID) === g.groupID) tx.mapSet(tx.state.avRoom, userID, '');", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "the marker then names no group (no group has that text as its ID), so the next join's leave of the previous room finds none, as with ''" },
  { file: F, line: 'const keys: string[] = [];', mutator: 'ArrayDeclaration', code: '[]', disposition: 'equivalent', why: "dropApplication of a key no application has returns at once (keys are '<groupID>#<seq>')" },
];
