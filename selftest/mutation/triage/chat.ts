/** Triage of the surviving mutants of simulator/sdk/chat.ts and simulator/sdk/admin.ts (see ../triage.ts). */
import type { TriageEntry } from '../entry';

const C = 'simulator/sdk/chat.ts';
const A = 'simulator/sdk/admin.ts';

const LISTENERS = "Chat.on/once/off listener bookkeeping: the adapter registers one handler per event at login and reads its own event log, never calling once or off";
const CHAT_GUARD = "invoke's guard against names that are not group methods of the Web SDK: an app calls the typed methods, and the suite only calls declared SDK methods";
const ADMIN_GUARD = "invoke's guard against names that are not app-admin commands: an app calls the typed methods, and the suite only calls declared admin commands";
const DEFECT = 'the 2903 path for a defect inside the simulator: no defect to trigger through the API';
const OPERATIONS = "METHODS is the operation list the embedded adapter declares and invoke's guard: an app calling chat.<method>() is unaffected, the suite skips the scenarios of an undeclared method as it must, and test/fidelity/tencent-rest.test.ts checks the list against the SDK's";
const DIRECT = 'the call then goes straight to the command with the same argument the typed method would pass (every typed method with a parameter passes it as given), so the result is the same';
const ARG_DROPPED = 'validation.bad-options-rejected: an argument given to getGroupApplicationList (which takes none) is dropped by the typed method instead of refused; Given alice has created a Public group "P", When alice calls getGroupApplicationList with {"groupID": "{{P}}"}, Then it fails with code 10004 naming "options" and nothing has changed';
const NULL_CRASH = 'validation.bad-options-rejected (null where the options belong): the REST destroyGroup/getGroupInfo dispatch throws an uncoded TypeError on null instead of passing it to validation; Given alice has created a Public group "P", When the app admin calls destroyGroup with null, Then it fails with code 10004 naming "options" and nothing has changed';
const UNDEFINED_CRASH = 'validation.bad-options-rejected (no options at all): the REST destroyGroup/getGroupInfo dispatch throws an uncoded TypeError on a missing argument instead of passing it to validation; Given alice has created a Public group "P", When the app admin calls destroyGroup (no argument), Then it fails with code 10004 naming "options" and nothing has changed';
const EXTRA_KEY = 'validation.bad-options-rejected (unknown options): an unknown option beside the groupID is dropped by the REST destroyGroup/getGroupInfo dispatch instead of refused; Given alice has created a Public group "P", When the app admin calls destroyGroup with {"groupID": "{{P}}", "reason": "spam"}, Then it fails with code 10004 naming "reason" and nothing has changed';
const BARE_SAME = "invoke then passes the REST-shaped argument straight to the command, which validates and runs the same {groupID} the typed method would rebuild, so the result is the same";
const PLAIN_ONLY = "the non-plain-options guard: only an object with another prototype (which no adapter's JSON carries) then reaches the typed method's rebuilt {groupID} instead of being refused";

export const triage: readonly TriageEntry[] = [
  // ---- chat.ts: session ----
  { file: C, line: "why: 'The user has not logged in' };", mutator: 'StringLiteral', code: "'The user has not logged in'", disposition: 'wording', why: 'the text of the 2024 message: the code is checked, no field is named' },
  { file: C, line: 'getLoginUser(): string {', mutator: 'BlockStatement', disposition: 'no-rule', why: "getLoginUser(): an SDK session method outside the group contract; no catalogued rule documents its answer" },
  { file: C, line: "return this.loggedIn ? this.userID : '';", mutator: 'StringLiteral', code: "''", disposition: 'no-rule', why: "getLoginUser()'s answer when logged out: no catalogued rule documents it" },
  { file: C, line: 'isReady(): boolean {', mutator: 'BlockStatement', disposition: 'no-rule', why: 'isReady(): an SDK session method outside the group contract; no catalogued rule documents its answer' },
  { file: C, line: 'if (this.loggedIn) {', mutator: 'ConditionalExpression', code: 'this.loggedIn', replacement: 'true', disposition: 'no-rule', why: 'a second logout (or one after a kick) emits sdkStateNotReady again (endSession ignores a session already ended): no catalogued rule documents that event' },
  { file: C, line: "this.emit('sdkStateNotReady', {});", mutator: 'StringLiteral', code: "'sdkStateNotReady'", disposition: 'no-rule', why: 'the SDK_NOT_READY event on logout: no catalogued rule documents it (the adapter does not record it)' },
  { file: C, line: 'return Promise.resolve({ code: 0, data: {} }) as Promise<unknown> as Promise<void>;', mutator: 'ObjectLiteral', code: '{ code: 0, data: {} }', disposition: 'no-rule', why: "what logout() resolves: no catalogued rule documents it (the SDK types it as Promise<void>)" },
  { file: C, line: 'destroy(): Promise<void> {', mutator: 'BlockStatement', disposition: 'no-rule', why: 'destroy(): an SDK session method outside the group contract; no catalogued rule documents it' },
  { file: C, line: "why: 'Kicked out: the account logged in on this device again' };", mutator: 'StringLiteral', disposition: 'wording', why: 'the text of the 3003 message after a kick: the code is checked, no field is named' },

  // ---- chat.ts: events ----
  { file: C, line: 'once(eventName: string, handler: Function, context?: unknown): void {', mutator: 'BlockStatement', disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'this.listeners(eventName).push({ handler: handler as Handler, context, once: true });', mutator: ['ObjectLiteral', 'BooleanLiteral'], disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'off(eventName: string, handler: Function, context?: unknown): void {', mutator: 'BlockStatement', disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'if (list === undefined) return;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'list === undefined', disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'const i = list.findIndex((l) => l.handler === handler && (context === undefined || l.context === context));', mutator: ['ArrowFunction', 'ConditionalExpression', 'LogicalOperator', 'EqualityOperator'], disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'if (i >= 0) list.splice(i, 1);', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'i >= 0', disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'const snapshot = listeners === undefined || listeners.length === 0 ? undefined : [...listeners];', mutator: 'ConditionalExpression', code: 'listeners.length === 0', replacement: 'false', disposition: 'equivalent', why: 'an empty snapshot delivers to nobody either (the loop over it runs no round)' },
  { file: C, line: 'if (l.once) this.off(name, l.handler, l.context);', mutator: 'ConditionalExpression', code: 'l.once', replacement: 'false', disposition: 'simulator-only', why: LISTENERS },
  { file: C, line: 'if (list === undefined) {', mutator: 'ConditionalExpression', code: 'list === undefined', replacement: 'true', disposition: 'simulator-only', why: `a second handler for one event replaces the first: ${LISTENERS}` },
  { file: C, line: 'list = [];', mutator: 'ArrayDeclaration', code: '[]', disposition: 'equivalent', why: "the bogus string entry's handler call throws inside emit's try and is skipped, and off never matches it, so every real handler gets the same events" },

  // ---- chat.ts: invoke and call ----
  { file: C, line: 'if (!Object.prototype.hasOwnProperty.call(Chat.prototype, method) || !METHODS.has(method)) {', mutator: ['ConditionalExpression', 'LogicalOperator', 'BlockStatement'], disposition: 'simulator-only', why: CHAT_GUARD },
  { file: C, line: "is not a group method of the Web SDK)`));", mutator: 'StringLiteral', disposition: 'simulator-only', why: CHAT_GUARD },
  { file: C, line: 'return typed.length === 0 && arg !== undefined ? this.untypedCall(method as UserCommandName, arg) : typed.call(this, arg);', mutator: 'ConditionalExpression', code: 'typed.length === 0 && arg !== undefined', replacement: 'true', disposition: 'equivalent', why: DIRECT },
  { file: C, line: 'return typed.length === 0 && arg !== undefined ? this.untypedCall(method as UserCommandName, arg) : typed.call(this, arg);', mutator: 'LogicalOperator', code: 'typed.length === 0 && arg !== undefined', disposition: 'equivalent', why: `${DIRECT}; getGroupApplicationList without an argument gets undefined either way` },
  { file: C, line: 'return typed.length === 0 && arg !== undefined ? this.untypedCall(method as UserCommandName, arg) : typed.call(this, arg);', mutator: 'ConditionalExpression', code: 'typed.length === 0', replacement: 'true', disposition: 'equivalent', why: DIRECT },
  { file: C, line: 'return typed.length === 0 && arg !== undefined ? this.untypedCall(method as UserCommandName, arg) : typed.call(this, arg);', mutator: 'ConditionalExpression', code: 'arg !== undefined', replacement: 'true', disposition: 'equivalent', why: `${DIRECT}; getGroupApplicationList without an argument gets undefined either way` },
  { file: C, line: '} catch (e) {', mutator: 'BlockStatement', disposition: 'simulator-only', why: DEFECT },
  { file: C, line: 'new ChatError(2903, `UNCAUGHT_ERROR in ${name}:', mutator: 'StringLiteral', disposition: 'simulator-only', why: DEFECT },

  // ---- chat.ts: logged-out calls ----
  { file: C, line: "if (!ALLOWED_LOGGED_OUT.has(name)) return Promise.reject(new ChatError(this.notReady.code,", mutator: 'StringLiteral', code: '`${this.notReady.why} | ${name} | SDK is not ready`', disposition: 'wording', why: 'the text of the 2024/3003 message: the code is checked, no field is named' },
  { file: C, line: 'const groupID = typeof input === \'object\' && input !== null ? (input as { groupID?: unknown }).groupID : undefined;', mutator: ['ConditionalExpression', 'LogicalOperator'], disposition: 'equivalent', why: "joinGroup's options passed validation just before, so input is always a non-null object" },
  { file: C, line: "const seen = typeof groupID === 'string' ? this.sim.anonymousView(groupID) : undefined;", mutator: 'ConditionalExpression', code: "typeof groupID === 'string'", replacement: 'true', disposition: 'equivalent', why: "joinGroup's options passed validation just before, so groupID is always a string" },

  // ---- chat.ts: the SDK method list ----

  // ---- admin.ts: invoke ----
  { file: A, line: 'if (!Object.prototype.hasOwnProperty.call(ADMIN_COMMANDS, method)) {', mutator: ['ConditionalExpression', 'BlockStatement'], disposition: 'simulator-only', why: ADMIN_GUARD },
  { file: A, line: "is not an app-admin command)`));", mutator: 'StringLiteral', disposition: 'simulator-only', why: ADMIN_GUARD },

  // ---- admin.ts: isGroupIDOnly (the REST {groupID} of destroyGroup/getGroupInfo) ----
  { file: A, line: 'function isGroupIDOnly(arg: unknown): arg is { groupID: string } {', mutator: 'BlockStatement', disposition: 'equivalent', why: BARE_SAME },
  { file: A, line: "if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return false;", mutator: 'ConditionalExpression', code: "typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype", replacement: 'true', disposition: 'equivalent', why: BARE_SAME },
  { file: A, line: "if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return false;", mutator: 'StringLiteral', code: "'object'", disposition: 'equivalent', why: `typeof is never '', so every argument takes the direct path: ${BARE_SAME}` },
  { file: A, line: "if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return false;", mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'Object.getPrototypeOf(arg) !== Object.prototype', disposition: 'simulator-only', why: PLAIN_ONLY },
  { file: A, line: "return keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string';", mutator: 'ConditionalExpression', code: "keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string'", replacement: 'false', disposition: 'equivalent', why: BARE_SAME },
  { file: A, line: "return keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string';", mutator: ['ConditionalExpression', 'EqualityOperator'], code: "keys[0] === 'groupID'", disposition: 'equivalent', why: `with one own key and a string groupID on a plain object, that key is groupID anyway; otherwise ${BARE_SAME}` },
  { file: A, line: "return keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string';", mutator: 'StringLiteral', code: "'groupID'", disposition: 'equivalent', why: `only an object whose one key is '' then qualifies, and its groupID is undefined: the direct path, ${BARE_SAME}` },
  { file: A, line: "return keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string';", mutator: ['ConditionalExpression', 'EqualityOperator'], code: "typeof (arg as { groupID?: unknown }).groupID === 'string'", disposition: 'equivalent', why: `the test only decides between the two paths for a lone groupID, and either path gives the command the same {groupID} whatever its type: ${BARE_SAME}` },
  { file: A, line: "return keys.length === 1 && keys[0] === 'groupID' && typeof (arg as { groupID?: unknown }).groupID === 'string';", mutator: 'StringLiteral', code: "'string'", disposition: 'equivalent', why: `typeof is never '', so every argument takes the direct path: ${BARE_SAME}` },
];
