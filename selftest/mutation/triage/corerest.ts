/** Triage of the surviving mutants of simulator/core/index.ts, views.ts, tx.ts, state.ts (see ../triage.ts). */
import { whole } from '../predicates';
import type { TriageEntry } from '../entry';

const I = 'simulator/core/index.ts';
const V = 'simulator/core/views.ts';
const T = 'simulator/core/tx.ts';
const S = 'simulator/core/state.ts';


const NOT_PLAIN = "the in-process fake's own guard against options that are not plain data (inherited fields, class instances, cycles, nesting past 32 levels): nothing of the kind crosses the adapter contract's JSON, so no conformance scenario can send it, and Tencent documents no such check";
const UNDO_UNREACHED = 'every command checks before it adds or removes a member, so this undo never runs (no command refuses after admit or expel)';
const STALE_INDEX = "a stale key left in applicationIndex is harmless: every reader looks the key up in applications and skips it when no application has it";
const COMPACT = 'compaction only drops tombstones: has, get, page and iteration give the same members in the same order without it (time and memory only)';
const LOGGED_OUT_VALIDATION = 'validation.bad-options-rejected (docs/tencent-cloud.md: the SDK validates the allow-listed methods before login too): Given bob is logged in and has logged out, When bob calls quitGroup with 42, Then it fails with code 10004 naming "groupID" (the mutant answers 2623 or throws an uncoded error)';
const PER_LOGIN = "avchatroom.one-room-at-a-time (unlimitedAVChatRoom is per login, A22): another device's login or its replacement drops the first login's option; Given bob is logged in with unlimited AVChatRooms and on his laptop, bob has joined AVChatRoom A, When bob logs in again on his laptop and bob joins AVChatRoom B, Then bob is a member of A and of B";
const MOOT_INDEX = 'applications.moot-once-applicant-joins: the application index loses a pending request, so joining another way no longer withdraws it';
const MOOT_OTHERS = `${MOOT_INDEX} (deciding one applicant's request unindexes the group's others); Given carol and then dave have asked to join Public group "P", When alice approves dave's application and the app admin adds carol, Then alice's pending list is empty`;

export const triage: readonly TriageEntry[] = [
  // ---- index.ts ----
  { file: I, line: 'const unlimited = (tx: Tx, a: UserActor)', mutator: 'OptionalChaining', code: 'tx.state.sessions.get(a.userID)?.get(a.device)?.unlimitedAVChatRoom', disposition: 'equivalent', why: "the core acts only for a logged-in device (the shell answers logged-out calls itself), so the device's session entry exists" },
  { file: I, line: 'const unlimited = (tx: Tx, a: UserActor)', mutator: 'OptionalChaining', code: 'tx.state.sessions.get(a.userID)?.get', disposition: 'equivalent', why: "the core acts only for a logged-in device (the shell answers logged-out calls itself), so the user's session map exists" },

  // impurePath / parse: the plain-data guard
  { file: I, line: 'function impurePath(value: unknown, path: string, depth: number): string | undefined {', mutator: 'BlockStatement', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "if (typeof value !== 'object' || value === null) return undefined;", mutator: 'ConditionalExpression', code: "typeof value !== 'object' || value === null", replacement: 'true', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "if (typeof value !== 'object' || value === null) return undefined;", mutator: 'StringLiteral', code: "'object'", disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'if (depth > 32) return path;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'depth > 32', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'if (proto !== Array.prototype) return path;', mutator: 'ConditionalExpression', code: 'proto !== Array.prototype', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'for (let i = 0; i < value.length; i++) {', mutator: 'ConditionalExpression', code: 'i < value.length', replacement: 'false', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'for (let i = 0; i < value.length; i++) {', mutator: 'EqualityOperator', code: 'i < value.length', replacement: 'i <= value.length', disposition: 'equivalent', why: 'value[value.length] is undefined, which impurePath passes as plain' },
  { file: I, line: 'for (let i = 0; i < value.length; i++) {', mutator: 'BlockStatement', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'const bad = impurePath(value[i], `${path}[${i}]`, depth + 1);', mutator: ['StringLiteral', 'ArithmeticOperator'], disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'if (bad !== undefined) return bad;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'bad !== undefined', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'if (proto !== Object.prototype && proto !== null) return path;', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'for (const key of Object.keys(value)) {', mutator: 'BlockStatement', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "path === '' ? key : `${path}.${key}`, depth + 1);", mutator: ['ConditionalExpression', 'EqualityOperator', 'StringLiteral', 'ArithmeticOperator'], disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "const impure = impurePath(input, '', 0);", mutator: 'StringLiteral', code: "''", disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'if (impure !== undefined) {', mutator: 'ConditionalExpression', code: 'impure !== undefined', replacement: 'false', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: 'if (impure !== undefined) {', mutator: 'BlockStatement', disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "field: impure === '' ? 'options' : impure", mutator: ['ConditionalExpression', 'EqualityOperator'], code: "impure === ''", disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "field: impure === '' ? 'options' : impure", mutator: 'StringLiteral', code: "''", disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "field: impure === '' ? 'options' : impure", mutator: 'StringLiteral', code: "'options'", disposition: 'simulator-only', why: NOT_PLAIN },
  { file: I, line: "field: impure === '' ? 'options' : impure", mutator: 'StringLiteral', code: "'must be plain data (no prototype, class instance or cycle)'", disposition: 'wording', why: "the refusal's detail text: the code and the field it names are unchanged" },
  { file: I, line: "const field = (schema as z.ZodType) === schemas().GroupIDArg && described.field === 'options' ? 'groupID' : described.field;", mutator: 'ConditionalExpression', code: "described.field === 'options'", replacement: 'true', disposition: 'equivalent', why: "GroupIDArg is a bare string schema: its issue has no path, so the field is always 'options'" },

  // run / validateUser
  { file: I, line: 'if (e instanceof RefusalSignal) return { ok: false, refusal: e.refusal };', mutator: 'ConditionalExpression', code: 'e instanceof RefusalSignal', replacement: 'true', disposition: 'simulator-only', why: 'the defect path of a command: no command throws anything but a refusal' },
  { file: I, line: 'if (e instanceof RefusalSignal) return e.refusal;', mutator: 'ConditionalExpression', code: 'e instanceof RefusalSignal', replacement: 'true', disposition: 'simulator-only', why: 'the defect path of validation: parse throws nothing but a refusal (only a throwing getter in the options would reach it)' },

  // openSession / closeSession
  { file: I, line: 'devices?.delete(device);', mutator: 'OptionalChaining', code: 'devices?.delete', disposition: 'equivalent', why: 'the shell closes only a session it opened, so the user\'s session map exists' },
  { file: I, line: 'if (devices?.size === 0) state.sessions.delete(userID);', mutator: 'ConditionalExpression', code: 'devices?.size === 0', replacement: 'false', disposition: 'equivalent', why: 'an empty device map left behind counts nobody online (size > 0 is checked) and gives no device an unlimited login' },
  { file: I, line: 'if (devices?.size === 0) state.sessions.delete(userID);', mutator: 'OptionalChaining', code: 'devices?.size', disposition: 'equivalent', why: 'the shell closes only a session it opened, so the user\'s session map exists' },

  // ---- views.ts ----
  { file: V, line: "avatar: u?.avatar ?? '',", mutator: 'LogicalOperator', code: "u?.avatar ?? ''", when: whole("avatar: u?.avatar ?? '',"), disposition: 'no-rule', why: "a member's avatar in a non-AVChatRoom member list or profile: members.member-information-readable covers role, join time, name card and custom fields only" },
  { file: V, line: "nick: u?.nick ?? '',", mutator: 'LogicalOperator', code: "u?.nick ?? ''", when: whole("nick: u?.nick ?? '',"), disposition: 'no-rule', why: "a member's nick in a non-AVChatRoom member list or profile: members.member-information-readable covers role, join time, name card and custom fields only" },
  { file: V, line: "u?.avatar ?? ''", mutator: 'OptionalChaining', code: 'u?.avatar', disposition: 'equivalent', why: 'every member has a user record (members are logged in or imported first), so u is never undefined' },
  { file: V, line: "u?.nick ?? ''", mutator: 'OptionalChaining', code: 'u?.nick', disposition: 'equivalent', why: 'every member has a user record (members are logged in or imported first), so u is never undefined' },
  { file: V, line: "u?.avatar ?? ''", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "unreachable: every user record has nick and avatar strings, so the '' fallback never runs" },
  { file: V, line: "u?.nick ?? ''", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "unreachable: every user record has nick and avatar strings, so the '' fallback never runs" },
  { file: V, line: 'const self = viewer === undefined ? undefined : g.members.get(viewer);', mutator: 'ConditionalExpression', code: 'viewer === undefined', replacement: 'false', disposition: 'equivalent', why: 'members.get(undefined) is undefined, the same as the explicit branch' },
  { file: V, line: "messageRemindType: self.messageRemindType ?? (g.type === 'ChatRoom' || g.type === 'AVChatRoom' ? 'AcceptNotNotify' : 'AcceptAndNotify'),", mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator', 'StringLiteral'], disposition: 'no-rule', why: "selfInfo.messageRemindType's default by type: members.own-message-remind-type (issue 20) now asserts the defaults of Work, Public, Meeting and Community groups, so only the AVChatRoom default (AcceptNotNotify) is left without a rule: AVChatRooms store no member settings (docs/ambiguities.md A61, A67). Entry kept until a Stryker rerun of views.ts says which mutants still survive" },
  { file: V, line: "lastMessage: { lastTime: 0, lastSequence: 0, fromAccount: '', messageForShow: '' },", mutator: ['ObjectLiteral', 'StringLiteral'], disposition: 'no-rule', why: "a group's lastMessage placeholder: the simulator keeps no chat history and no catalogued rule documents the field" },
  { file: V, line: "applicantNick: s.users.get(a.applicant)?.nick ?? '',", mutator: 'LogicalOperator', disposition: 'no-rule', why: "an application item's applicantNick: applications.* rules document applicant, userID, applicationType and note, not the nick" },
  { file: V, line: "applicantNick: s.users.get(a.applicant)?.nick ?? '',", mutator: 'OptionalChaining', disposition: 'equivalent', why: 'an applicant has a user record (logged in, or checked by requireUser as an invitee), so the lookup never gives undefined' },
  { file: V, line: "applicantNick: s.users.get(a.applicant)?.nick ?? '',", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "unreachable: an applicant's user record always has a nick string, so the '' fallback never runs" },
  { file: V, line: "groupName: g?.name ?? '',", mutator: 'LogicalOperator', disposition: 'no-rule', why: "an application item's groupName: applications.* rules identify the group by groupID only" },
  { file: V, line: "groupName: g?.name ?? '',", mutator: 'OptionalChaining', disposition: 'equivalent', why: "a pending application's group exists: dismissal and repossession drop the group's applications" },
  { file: V, line: "groupName: g?.name ?? '',", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "unreachable: a pending application's group exists, so the '' fallback never runs" },
  { file: V, line: 'authentication: `auth-${a.key}`,', mutator: 'StringLiteral', disposition: 'no-rule', why: "the item's authentication token is opaque; no rule says what it holds (decisions use messageKey)" },

  // ---- tx.ts ----
  { file: T, line: 'readonly deliveries: Delivery[] = [];', mutator: 'ArrayDeclaration', disposition: 'equivalent', why: "a delivery with no kind matches no case of the shell's deliver switch, so nothing more is sent" },
  { file: T, line: 'if (old === value) return;', mutator: 'ConditionalExpression', code: 'old === value', replacement: 'false', disposition: 'equivalent', why: 'the extra undo entry restores the value the field already had' },
  { file: T, line: 'if (!map.has(key)) return;', mutator: 'ConditionalExpression', code: '!map.has(key)', replacement: 'false', disposition: 'equivalent', why: 'no command refuses after deleting an absent key (an unmute is last in its command), so the extra undo entry never runs' },
  { file: T, line: 'this.undo.push(() => {', mutator: 'BlockStatement', code: '{\n      g.members.remove(userID);\n    }', disposition: 'equivalent', why: UNDO_UNREACHED },
  { file: T, line: 'if (removed === undefined) return undefined;', mutator: 'ConditionalExpression', code: 'removed === undefined', replacement: 'false', disposition: 'equivalent', why: 'every caller removes a user it has just found among the members (quit, removal, a room left, dismissal)' },
  { file: T, line: 'this.undo.push(() => g.members.restore(removed));', mutator: 'ArrowFunction', disposition: 'equivalent', why: UNDO_UNREACHED },
  { file: T, line: 'if (!fresh) return;', mutator: 'ConditionalExpression', code: '!fresh', replacement: 'false', disposition: 'equivalent', why: STALE_INDEX + ' (a refreshed request is indexed twice; its undo never runs, nothing refuses after filing)' },
  { file: T, line: 'this.undo.push(() => unindexApplication(this.state, a));', mutator: 'ArrowFunction', disposition: 'equivalent', why: 'no command refuses after filing an application (apply is the last change of join and invite), so this undo never runs' },
  { file: T, line: 'if (a === undefined) return;', mutator: 'ConditionalExpression', code: 'a === undefined', replacement: 'false', disposition: 'equivalent', why: 'the index holds only keys of pending applications and a decision finds its application first, so every dropped key names one' },
  { file: T, line: 'commit(): void {', mutator: 'BlockStatement', disposition: 'equivalent', why: COMPACT },
  { file: T, line: 'if (this.touched !== undefined) for (const g of this.touched) g.members.compact();', mutator: 'ConditionalExpression', code: 'this.touched !== undefined', replacement: 'false', disposition: 'equivalent', why: COMPACT },
  { file: T, line: 'private touchGroup(g: GroupRecord): void {', mutator: 'BlockStatement', disposition: 'equivalent', why: COMPACT },
  { file: T, line: 'if (this.touched === undefined) this.touched = [g];', mutator: 'ConditionalExpression', code: 'this.touched === undefined', replacement: 'true', disposition: 'equivalent', why: COMPACT },
  { file: T, line: 'if (this.touched === undefined) this.touched = [g];', mutator: 'ArrayDeclaration', code: '[g]', disposition: 'equivalent', why: COMPACT },
  { file: T, line: 'else if (!this.touched.includes(g)) this.touched.push(g);', mutator: ['BooleanLiteral', 'ConditionalExpression'], disposition: 'equivalent', why: COMPACT + ' (a second compact() of a group is a no-op)' },
  { file: T, line: 'function unindexApplication(s: State, a: ApplicationRecord): void {', mutator: 'BlockStatement', disposition: 'equivalent', why: STALE_INDEX },
  { file: T, line: 'const keys = byUser?.get(a.userID);', mutator: 'OptionalChaining', disposition: 'equivalent', why: 'a pending application is always indexed, so its group entry exists' },
  { file: T, line: 'if (byUser === undefined || keys === undefined) return;', mutator: ['ConditionalExpression', 'LogicalOperator'], disposition: 'equivalent', why: 'a pending application is always indexed, so both entries exist; always returning only leaves a stale key, which readers skip' },
  { file: T, line: 'if (byUser === undefined || keys === undefined) return;', mutator: 'EqualityOperator', disposition: 'equivalent', why: STALE_INDEX + ' (a pending application is always indexed, so this returns at once and unindexes nothing)' },
  { file: T, line: 'if (i >= 0) keys.splice(i, 1);', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'equivalent', why: 'a pending application\'s key is always in the index (i >= 0); a key not spliced is only stale, and readers skip it' },
  { file: T, line: 'if (keys.length > 0) return;', mutator: 'ConditionalExpression', code: 'keys.length > 0', replacement: 'true', disposition: 'equivalent', why: 'an empty key list left in the index reads as no applications' },
  { file: T, line: 'if (keys.length > 0) return;', mutator: 'EqualityOperator', code: 'keys.length > 0', replacement: 'keys.length >= 0', disposition: 'equivalent', why: 'an empty key list left in the index reads as no applications' },
  { file: T, line: 'if (byUser.size === 0) s.applicationIndex.delete(a.groupID);', mutator: 'ConditionalExpression', code: 'byUser.size === 0', replacement: 'false', disposition: 'equivalent', why: "an empty group entry left in the index reads as no applications" },

  // ---- state.ts ----
  { file: S, line: 'creations: { day: -1, net: 0 },', mutator: ['ObjectLiteral', 'UnaryOperator'], disposition: 'equivalent', why: 'with no net creations recorded the count is 0 whatever day is stored (or none): both readers compare the day, then fall back to 0' },
  { file: S, line: 'const NO_GROUPS: readonly string[] = [];', mutator: 'ArrayDeclaration', disposition: 'equivalent', why: 'every caller looks each ID up (groups, applications) and skips one that names nothing; no group or application has that text as its ID' },
  { file: S, line: "if (joined === undefined || joined === '') return NO_GROUPS;", mutator: 'ConditionalExpression', code: "joined === ''", replacement: 'false', disposition: 'equivalent', why: "[''] then: every caller of groupsOf looks the ID up and skips one that names no group, and '' names none" },
  { file: S, line: "if (joined === undefined || joined === '') return NO_GROUPS;", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "[''] then: every caller of groupsOf looks the ID up and skips one that names no group, and '' names none" },
  { file: S, line: "return room === '' ? undefined : room;", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'equivalent', why: "'' is then the previous room: leaving it finds no group and only rewrites the marker the join overwrites, and '' equals no group ID" },
];
