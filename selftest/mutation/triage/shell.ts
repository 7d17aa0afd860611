/** Triage of the surviving mutants of simulator/shell/service.ts, simulator/sdk/simulator.ts, messages.ts, clock.ts, clone.ts (see ../triage.ts). */
import type { TriageEntry } from '../entry';

const S = 'simulator/shell/service.ts';
const L = 'simulator/sdk/simulator.ts';
const M = 'simulator/shell/messages.ts';
const K = 'simulator/shell/clock.ts';
const C = 'simulator/shell/clone.ts';
/** createSimulator's options schema moved into the core's lazily built schemas (issue 21). */
const SO = 'simulator/core/schemas.ts';

const CLOCK = "VirtualClock's own argument check: the simulator's machinery, not an SDK or REST surface";
const OPTIONS = "createSimulator's option validation: the simulator's own constructor, which no app reaches as SDK or REST";
const LOG = "the simulator's event log and its inspection API (events/eventsFor/clearEvents): the adapter keeps its own log from its handlers";
const LOGIN = "Simulator.login's own argument check: the adapter logs in named users with valid options only, and the SDK's login surface is not this method";
const ORDER = 'only the interleaving of deliveries across different users changes, which only the global event log (seq) shows; each device receives the same events in the same order';
const NO_EXCEPT = "the core never sets an Audience's except list, so it is always undefined";
const SAME_COPY = 'the value then goes to structuredClone, which copies the plain data the shell builds (objects, arrays, strings, numbers, booleans) exactly as this copy does';
const UNREACHED = 'every caller passes an object or array of plain data, so this primitive/function/symbol branch never runs';
const NO_PROTO_KEY = 'no event data has an own "__proto__" key (zod drops it from app-supplied records), and defining or assigning any other key on a fresh {} gives the same property';
const ALIAS = 'the copy becomes the original itself: a handler that mutated its event data would change what other handlers, devices and the log see; no catalogued rule says delivered data are independent copies';
const NO_NULL = 'the event data the shell builds holds no null or undefined, so only strings/numbers/booleans reach here and they fall back to structuredClone, which copies plain data the same';
const TIP_PROFILES = "the nick and avatar a tip carries for its operator (operatorInfo) and members (memberList): no catalogued rule documents tips' profile fields";
const NO_RECORD = 'only a member with no user record (never logged in nor imported) reaches this; no catalogued rule documents what a tip shows of such a user';
const MSG_FIELD = "a Message field no catalogued rule documents (events.tips-and-notices-are-messages quotes the type and conversation only)";
const BAN_TIP = "avchatroom.removal-bans-until-duration-ends: the ban tip's memberList loses userID/muteTime; killed at HEAD by 'The ban tip carries the duration of each removed viewer' (added in 5bdc13d, after 64c6d55)";
const GENERIC_SAME = 'the generic copy builds the same payload, keys in the same order, for tips without memberList or newGroupProfile (the fast path exists only for speed)';

export const triage: readonly TriageEntry[] = [
  // ---- clock.ts ----
  { file: K, line: 'clock start must be a non-negative number of ms', mutator: ['StringLiteral', 'ConditionalExpression', 'LogicalOperator', 'EqualityOperator'], disposition: 'simulator-only', why: CLOCK },
  { file: K, line: 'clock.advance takes a non-negative number of ms', mutator: ['StringLiteral', 'ConditionalExpression', 'LogicalOperator'], disposition: 'simulator-only', why: CLOCK },

  // ---- clone.ts: clonePlain ----
  { file: C, line: "if (typeof value !== 'object' || value === null) {", mutator: 'BlockStatement', disposition: 'equivalent', why: UNREACHED },
  { file: C, line: "return typeof value === 'function' || typeof value === 'symbol' ? structuredClone(value) : value;", mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator', 'StringLiteral'], disposition: 'equivalent', why: UNREACHED },
  { file: C, line: '} catch (e) {', mutator: 'BlockStatement', disposition: 'equivalent', why: 'plain data never makes copy throw, so the catch never runs' },
  { file: C, line: 'if (e === NOT_PLAIN) return structuredClone(value);', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'equivalent', why: 'plain data never makes copy throw, so the catch never runs' },
  { file: C, line: "if (typeof value !== 'object' || value === null) {", mutator: 'ConditionalExpression', code: "typeof value !== 'object' || value === null", replacement: 'true', disposition: 'no-rule', why: ALIAS },
  { file: C, line: "if (typeof value !== 'object' || value === null) {", mutator: ['ConditionalExpression', 'LogicalOperator'], when: (m) => m.replacement !== 'true' && !/=== 'object'|!== null/.test(m.replacement), disposition: 'equivalent', why: `${UNREACHED}; an object goes to copy either way` },
  { file: C, line: "if (typeof value !== 'object' || value === null) {", mutator: ['EqualityOperator', 'StringLiteral'], disposition: 'no-rule', why: ALIAS },

  // ---- clone.ts: copy ----
  { file: C, line: "if (typeof v !== 'object' || v === null) {", mutator: 'ConditionalExpression', code: "typeof v !== 'object' || v === null", replacement: 'true', disposition: 'no-rule', why: ALIAS },
  { file: C, line: "if (typeof v !== 'object' || v === null) {", mutator: ['ConditionalExpression', 'LogicalOperator'], when: (m) => m.replacement !== 'true', disposition: 'equivalent', why: NO_NULL },
  { file: C, line: "if (typeof v !== 'object' || v === null) {", mutator: ['EqualityOperator', 'StringLiteral'], disposition: 'no-rule', why: ALIAS },
  { file: C, line: "if (typeof v === 'function' || typeof v === 'symbol') throw NOT_PLAIN;", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'equivalent', why: 'event data holds no functions or symbols' },
  { file: C, line: "if (typeof v === 'function' || typeof v === 'symbol') throw NOT_PLAIN;", mutator: 'EqualityOperator', code: "typeof v === 'symbol'", disposition: 'equivalent', why: SAME_COPY },
  { file: C, line: 'if (depth > MAX_DEPTH) throw NOT_PLAIN;', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'equivalent', why: `event data is a few levels deep, never 64; ${SAME_COPY}` },
  { file: C, line: 'if (Array.isArray(v)) {', mutator: ['ConditionalExpression', 'BlockStatement'], disposition: 'equivalent', why: SAME_COPY },
  { file: C, line: 'if (proto !== Array.prototype) throw NOT_PLAIN;', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'equivalent', why: `event arrays are plain; ${SAME_COPY}` },
  { file: C, line: 'const out = new Array<unknown>(n);', mutator: 'ArrayDeclaration', disposition: 'equivalent', why: 'the loop fills every index in order, so the array ends with the same length and elements' },
  { file: C, line: 'for (let i = 0; i < n; i++) {', mutator: ['EqualityOperator', 'UpdateOperator'], disposition: 'equivalent', why: `the stray index is not in the array, which throws NOT_PLAIN: ${SAME_COPY}` },
  { file: C, line: 'if (!(i in v)) throw NOT_PLAIN;', mutator: ['BooleanLiteral', 'ConditionalExpression'], disposition: 'equivalent', why: `event arrays have no holes; ${SAME_COPY}` },
  { file: C, line: 'out[i] = copy(v[i], depth + 1);', mutator: 'ArithmeticOperator', disposition: 'equivalent', why: 'event data is a few levels deep, never near the depth limit' },
  { file: C, line: 'const value = copy(src[k], depth + 1);', mutator: 'ArithmeticOperator', disposition: 'equivalent', why: 'event data is a few levels deep, never near the depth limit' },
  { file: C, line: 'if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;', mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator'], disposition: 'equivalent', why: `event objects have Object.prototype; ${SAME_COPY}` },
  { file: C, line: "if (k === '__proto__') Object.defineProperty(out, k,", mutator: ['ConditionalExpression', 'EqualityOperator', 'StringLiteral', 'ObjectLiteral', 'BooleanLiteral'], disposition: 'equivalent', why: NO_PROTO_KEY },

  // ---- messages.ts ----
  { file: M, line: "return { nick: u?.nick ?? '', avatar: u?.avatar ?? '' };", mutator: ['ObjectLiteral', 'LogicalOperator'], disposition: 'no-rule', why: TIP_PROFILES },
  { file: M, line: "return { nick: u?.nick ?? '', avatar: u?.avatar ?? '' };", mutator: ['OptionalChaining', 'StringLiteral'], disposition: 'no-rule', why: NO_RECORD },
  { file: M, line: "const operatorInfo = { userID: p.operatorID, nick: op?.nick ?? '', avatar: op?.avatar ?? '' };", mutator: ['ObjectLiteral', 'LogicalOperator', 'StringLiteral'], disposition: 'no-rule', why: TIP_PROFILES },
  { file: M, line: 'if (p.memberList === undefined && p.newGroupProfile === undefined) {', mutator: 'ConditionalExpression', code: 'p.memberList === undefined && p.newGroupProfile === undefined', replacement: 'false', disposition: 'equivalent', why: GENERIC_SAME },
  { file: M, line: 'const userIDList = new Array<string>(ids.length);', mutator: 'ArrayDeclaration', disposition: 'equivalent', why: 'the loop fills every index in order' },
  { file: M, line: 'const memberList = new Array<{ nick: string; avatar: string; userID: string }>(ids.length);', mutator: 'ArrayDeclaration', disposition: 'equivalent', why: 'the loop fills every index in order' },
  { file: M, line: "memberList[i] = { nick: u?.nick ?? '', avatar: u?.avatar ?? '', userID };", mutator: ['ObjectLiteral', 'LogicalOperator'], disposition: 'no-rule', why: TIP_PROFILES },
  { file: M, line: "memberList[i] = { nick: u?.nick ?? '', avatar: u?.avatar ?? '', userID };", mutator: ['OptionalChaining', 'StringLiteral'], disposition: 'no-rule', why: NO_RECORD },
  { file: M, line: 'return Object.assign(clonePlain(p), {', mutator: 'ObjectLiteral', disposition: 'no-rule', why: TIP_PROFILES },
  { file: M, line: 'memberList: (p.memberList ?? p.userIDList.map((userID) => ({ userID }))).map(', mutator: ['ArrowFunction', 'ObjectLiteral'], code: '(userID) => ({ userID })', disposition: 'equivalent', why: 'only tips with newGroupProfile and no memberList take this map, and they name no users (userIDList is empty)' },
  { file: M, line: 'memberList: (p.memberList ?? p.userIDList.map((userID) => ({ userID }))).map(', mutator: 'ObjectLiteral', code: '{ userID }', disposition: 'equivalent', why: 'only tips with newGroupProfile and no memberList take this map, and they name no users (userIDList is empty)' },
  { file: M, line: "return message(id, 'in', TYPES.MSG_GRP_TIP,", mutator: 'StringLiteral', code: "'in'", disposition: 'no-rule', why: `a tip's flow: ${MSG_FIELD}` },
  { file: M, line: "return message(id, 'in', TYPES.MSG_GRP_TIP,", mutator: 'StringLiteral', code: "'@TIM#SYSTEM'", disposition: 'no-rule', why: `a tip's from: ${MSG_FIELD}` },
  { file: M, line: "return message(id, 'in', TYPES.MSG_GRP_SYS_NOTICE,", mutator: 'StringLiteral', code: "'in'", disposition: 'no-rule', why: `a notice's flow: ${MSG_FIELD}` },
  { file: M, line: "return message(id, 'in', TYPES.MSG_GRP_SYS_NOTICE,", mutator: 'StringLiteral', code: "'@TIM#SYSTEM'", disposition: 'no-rule', why: `a notice's from: ${MSG_FIELD}` },
  { file: M, line: 'return message(id, flow, TYPES.MSG_CUSTOM, `GROUP${groupID}`', mutator: 'StringLiteral', code: '`GROUP${groupID}`', disposition: 'gap', why: 'create.group-create-message (sent into the group, whose conversation is GROUP<id> per the d.ts quote in events.tips-and-notices-are-messages): Given alice and bob are logged in, When alice creates a Work group "G" with members bob, Then the group_create message bob received is in the conversation "GROUP{{G}}" (new step)' },
  { file: M, line: 'return message(id, flow, TYPES.MSG_CUSTOM, `GROUP${groupID}`', mutator: 'BooleanLiteral', code: 'false', disposition: 'no-rule', why: `the group_create message's isSystemMessage: ${MSG_FIELD}` },
  { file: M, line: 'return message(id, flow, TYPES.MSG_CUSTOM, `GROUP${groupID}`', mutator: 'StringLiteral', code: "''", disposition: 'no-rule', why: "the group_create payload's description/extension: the rule quotes only its data" },

  // ---- simulator.ts: constructor options ----
  { file: SO, line: "clock: z.custom<{ now(): number }>((c) => typeof c === 'object'", mutator: ['ConditionalExpression', 'LogicalOperator', 'StringLiteral'], disposition: 'simulator-only', why: OPTIONS },
  { file: SO, line: "...Object.fromEntries(Object.keys(DEFAULT_LIMITS).filter((k) => k !== 'memberCap')", mutator: ['MethodExpression', 'ConditionalExpression', 'StringLiteral', 'ArrowFunction'], disposition: 'simulator-only', why: OPTIONS },
  { file: SO, line: 'adminUserID: z.string().min(1).optional(),', mutator: 'MethodExpression', disposition: 'simulator-only', why: OPTIONS },
  { file: S, line: 'if (parsed?.success === false) {', mutator: ['ConditionalExpression', 'BlockStatement'], disposition: 'simulator-only', why: OPTIONS },
  { file: S, line: 'throw ChatError.from({ code: ERR.INVALID_PARAMETER, field: `createSimulator ${field}`, detail });', mutator: ['ObjectLiteral', 'StringLiteral'], disposition: 'simulator-only', why: OPTIONS },
  { file: S, line: 'this.state = createState(this.limits, options.seed ?? 1, { group: keys?.group && new Set(keys.group), member: keys?.member && new Set(keys.member) });', mutator: 'LogicalOperator', disposition: 'simulator-only', why: 'the seed option: generated IDs keep the documented @TGS# prefix and uniqueness whatever the seed' },
  { file: S, line: 'this.messageIDPrefix = `${this.state.seed}-`;', mutator: 'StringLiteral', disposition: 'no-rule', why: 'the spelling of a message ID: no catalogued rule documents it (IDs stay unique)' },

  // ---- simulator.ts: login and sessions ----
  { file: L, line: "if (typeof userID !== 'string' || userID === '') throw new ChatError(ERR.INVALID_PARAMETER,", mutator: ['ConditionalExpression', 'LogicalOperator', 'StringLiteral'], disposition: 'simulator-only', why: LOGIN },
  { file: L, line: 'if (!parsed.success) throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (login options:', mutator: ['ConditionalExpression', 'StringLiteral', 'LogicalOperator', 'OptionalChaining'], disposition: 'simulator-only', why: LOGIN },
  { file: L, line: "const device = parsed.data?.device ?? 'web';", mutator: 'StringLiteral', code: "'web'", disposition: 'simulator-only', why: "the default device's name, seen only in the simulator's event log; logins without a device still share one" },
  { file: S, line: 'this.loginOrder.set(userID, ++this.loginSerial);', mutator: 'UpdateOperator', disposition: 'simulator-only', why: ORDER },
  { file: S, line: 'if (devices?.get(chat.device) !== chat) return;', mutator: ['ConditionalExpression', 'OptionalChaining'], disposition: 'equivalent', why: 'endSession is called only for a logged-in Chat (logout checks loggedIn; a kick detaches before the new Chat is stored), which is always the current one' },
  { file: S, line: 'if (devices.size === 0) {', mutator: ['ConditionalExpression', 'BlockStatement'], when: (m) => m.replacement !== 'true', disposition: 'simulator-only', why: `an empty device map delivers to nobody; the user's kept login order means ${ORDER}` },

  // ---- simulator.ts: the event log ----
  { file: S, line: 'private readonly log: DeliveredEvent[] = [];', mutator: 'ArrayDeclaration', disposition: 'simulator-only', why: LOG },
  { file: S, line: 'get events(): readonly DeliveredEvent[] {', mutator: 'BlockStatement', disposition: 'simulator-only', why: LOG },
  { file: S, line: 'eventsFor(userID: string, device?: string): DeliveredEvent[] {', mutator: 'BlockStatement', disposition: 'simulator-only', why: LOG },
  { file: S, line: 'return this.log.filter((e) => e.userID === userID && (device === undefined || e.device === device));', mutator: ['MethodExpression', 'ArrowFunction', 'ConditionalExpression', 'LogicalOperator', 'EqualityOperator'], disposition: 'simulator-only', why: LOG },
  { file: S, line: 'clearEvents(): void {', mutator: 'BlockStatement', disposition: 'simulator-only', why: LOG },
  { file: S, line: 'record(chat: Chat, name: string, data: unknown): void {', mutator: 'BlockStatement', disposition: 'simulator-only', why: LOG },
  { file: S, line: 'this.log.push({ seq: ++this.eventSeq, userID: chat.userID, device: chat.device, name, data });', mutator: ['ObjectLiteral', 'UpdateOperator'], disposition: 'simulator-only', why: LOG },

  // ---- simulator.ts: recipients ----
  { file: S, line: 'if (users.length === 1) this.devicesOf(users[0]!, out);', mutator: 'ConditionalExpression', disposition: 'equivalent', why: 'the Set path gives the same devices for one user' },
  { file: S, line: 'const except = to.except === undefined || to.except.length === 0 ? undefined : new Set(to.except);', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'equivalent', why: NO_EXCEPT },
  { file: S, line: 'if (g.members.size < this.chats.size) {', mutator: ['ConditionalExpression', 'EqualityOperator', 'BlockStatement'], disposition: 'equivalent', why: 'both walks find the same devices in the same (login) order; without the block the second walk runs' },
  { file: S, line: 'if (except?.has(m.userID) === true) return;', mutator: ['ConditionalExpression', 'BooleanLiteral'], disposition: 'equivalent', why: NO_EXCEPT },
  { file: S, line: 'if (found.length > 1) found.sort((a, b) => a.order - b.order);', mutator: 'ConditionalExpression', code: 'found.length > 1', replacement: 'true', disposition: 'equivalent', why: 'sorting zero or one entry changes nothing' },
  { file: S, line: 'if (found.length > 1) found.sort((a, b) => a.order - b.order);', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'found.length > 1', when: (m) => m.replacement !== 'true', disposition: 'simulator-only', why: ORDER },
  { file: S, line: 'if (found.length > 1) found.sort((a, b) => a.order - b.order);', mutator: ['MethodExpression', 'ArrowFunction', 'ArithmeticOperator'], disposition: 'simulator-only', why: ORDER },
  { file: S, line: 'if (except?.has(userID) === true || !g.members.has(userID)) continue;', mutator: ['ConditionalExpression', 'BooleanLiteral'], when: (m) => m.original === 'except?.has(userID) === true' || m.original === 'true', disposition: 'equivalent', why: NO_EXCEPT },

  // ---- simulator.ts: messages and deliveries ----
  { file: S, line: 'const seq = ++this.messageSeq;', mutator: 'UpdateOperator', disposition: 'no-rule', why: "message sequence numbers and IDs: no catalogued rule documents them" },
  { file: S, line: 'return { ID: this.messageIDPrefix + seq, sequence: seq, time: seconds(this.clock.now()) };', mutator: ['ObjectLiteral', 'ArithmeticOperator'], disposition: 'no-rule', why: "a message's ID, sequence and time: no catalogued rule documents them" },
  { file: S, line: "c.userID === d.from ? 'out' : 'in'", mutator: ['ConditionalExpression', 'EqualityOperator', 'StringLiteral'], disposition: 'no-rule', why: "the group_create message's flow: create.group-create-message documents who receives it, not its flow" },
  { file: S, line: "case 'kickedOut': {", mutator: ['ConditionalExpression', 'StringLiteral', 'BlockStatement'], disposition: 'equivalent', why: 'no core command produces a kickedOut delivery (the shell emits KICKED_OUT itself at login)' },
  { file: S, line: 'const c = this.chats.get(d.userID)?.get(d.device);', mutator: 'OptionalChaining', disposition: 'equivalent', why: 'no core command produces a kickedOut delivery' },
  { file: S, line: 'c?.emit(EVENT.KICKED_OUT, { type: d.type });', mutator: ['OptionalChaining', 'ObjectLiteral'], disposition: 'equivalent', why: 'no core command produces a kickedOut delivery' },
  { file: S, line: "if (g !== undefined && g.type !== 'AVChatRoom') list.push(groupView(this.state, g, userID));", mutator: 'ConditionalExpression', code: 'g !== undefined', disposition: 'equivalent', why: 'memberships only name existing groups, so g is never undefined' },
];
