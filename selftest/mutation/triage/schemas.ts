/** Triage of the surviving mutants of simulator/core/schemas.ts, simulator/core/errors.ts, simulator/core/constants.ts (see ../triage.ts). */
import { inside } from '../predicates';
import type { TriageEntry } from '../entry';

const S = 'simulator/core/schemas.ts';
const E = 'simulator/core/errors.ts';
const C = 'simulator/core/constants.ts';


const DETAIL = "only the refusal's detail prose in the message changes: the code and the field it names stay";
const FIELD_DATA = 'err.data.field: the Web SDK\'s errors carry data: {}, so no conformance scenario can require a field there';

export const triage: readonly TriageEntry[] = [
  // errors.ts: the registry, refuse(), renderMessage, ChatError
  { file: E, line: 'new Map(entries.map((e) => [e.code, e]))', mutator: 'ArrowFunction', code: '(e) => [e.code, e]', disposition: 'gap', why: 'killed since by: every scenario (new Map of undefined entries throws when the simulator is imported; cucumber-js fails at load), though Stryker scored this static mutant Survived' },
  { file: E, line: 'return field === undefined ? (detail === undefined ? { code } : { code, detail })', mutator: 'ConditionalExpression', code: 'field === undefined', replacement: 'false', disposition: 'equivalent', why: 'the refusal then has field: undefined, and its only readers (renderMessage, ChatError.from) test field === undefined, as for an absent key' },
  { file: E, line: 'return field === undefined ? (detail === undefined ? { code } : { code, detail })', mutator: 'ConditionalExpression', code: 'detail === undefined', replacement: 'false', disposition: 'equivalent', why: 'the refusal then has detail: undefined, and renderMessage, its only reader, tests detail === undefined, as for an absent key' },
  { file: E, line: 'return field === undefined ? (detail === undefined ? { code } : { code, detail })', mutator: 'ConditionalExpression', code: 'detail === undefined', replacement: 'true', disposition: 'wording', why: DETAIL },
  { file: E, line: 'return field === undefined ? (detail === undefined ? { code } : { code, detail })', mutator: 'EqualityOperator', code: 'detail === undefined', disposition: 'wording', why: DETAIL },
  { file: E, line: 'const meaning = ERRORS.get(r.code)?.meaning ?? `Error ${r.code}`;', mutator: 'LogicalOperator', disposition: 'wording', why: "the code's meaning text becomes 'Error <code>': prose only, the code and the field named stay" },
  { file: E, line: 'const meaning = ERRORS.get(r.code)?.meaning ?? `Error ${r.code}`;', mutator: 'OptionalChaining', code: 'ERRORS.get(r.code)?.meaning', disposition: 'equivalent', why: 'refusals carry only ERR codes and all 35 have a registry entry, so the lookup never misses' },
  { file: E, line: 'const meaning = ERRORS.get(r.code)?.meaning ?? `Error ${r.code}`;', mutator: 'StringLiteral', code: '`Error ${r.code}`', disposition: 'equivalent', why: 'refusals carry only ERR codes and all 35 have a registry entry, so the fallback is never used' },
  { file: E, line: "const about = r.field === undefined ? '' : ` (${r.field}", mutator: 'ConditionalExpression', code: 'r.field === undefined', replacement: 'false', disposition: 'wording', why: "a refusal without a field gets ' (undefined)' in its message: prose only, the code stays and no field is named" },
  { file: E, line: "const about = r.field === undefined ? '' : ` (${r.field}", mutator: 'StringLiteral', code: "''", disposition: 'wording', why: 'message prose only: the code and the field named stay' },
  { file: E, line: "const about = r.field === undefined ? '' : ` (${r.field}", mutator: 'ConditionalExpression', code: 'r.detail === undefined', replacement: 'false', disposition: 'wording', why: "a refusal without a detail gets ': undefined' after its field: prose only, the field is still named" },
  { file: E, line: 'const plain = r.field === undefined && r.detail !== undefined ? ` (${r.detail})`', mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator', 'StringLiteral'], disposition: 'wording', why: 'the detail shown for a refusal without a field (dropped, repeated or "undefined"): message prose only, the code and the field named stay' },
  { file: E, line: "this.name = 'Error';", mutator: 'StringLiteral', code: "'Error'", disposition: 'world', why: 'err.name: the World keeps only the code and message of a failure' },
  { file: E, line: 'return new ChatError(r.code, renderMessage(r), r.field === undefined ? {} : { field: r.field });', mutator: ['ObjectLiteral', 'ConditionalExpression', 'EqualityOperator'], disposition: 'simulator-only', why: FIELD_DATA },
  { file: E, line: 'export function isCodedError(e: unknown)', mutator: 'BlockStatement', disposition: 'simulator-only', why: 'a helper the wire server uses to pass errors on; no SDK or REST call runs it (the embedded suite never calls it)' },
  { file: E, line: "return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number'", mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator', 'StringLiteral'], disposition: 'simulator-only', why: 'a helper the wire server uses to pass errors on; no SDK or REST call runs it (the embedded suite never calls it)' },

  // schemas.ts: option schemas
  { file: S, line: "name: z.string().min(1, 'must not be empty').optional(),", mutator: 'StringLiteral', code: "'must not be empty'", disposition: 'wording', why: 'the validation message text: the code and the field named (name) stay' },
  { file: S, line: "const userIDList = z.array(reqStr).min(1, 'must name at least one user');", mutator: 'StringLiteral', code: "'must name at least one user'", disposition: 'wording', why: 'the validation message text: the code and the field named (userIDList) stay' },
  { file: S, line: "memberCustomField: z.array(kv).min(1, 'is required'),", mutator: 'StringLiteral', code: "'is required'", disposition: 'wording', why: 'the validation message text: the code and the field named (memberCustomField) stay' },

  // schemas.ts: describeIssue
  { file: S, line: "if (issue === undefined) return { field: 'options', detail: 'invalid' };", mutator: ['ConditionalExpression', 'ObjectLiteral', 'StringLiteral'], disposition: 'equivalent', why: 'a failed zod parse always has at least one issue, so this branch never runs' },
  { file: S, line: "if (issue.code === 'unrecognized_keys') detail = `unknown option", mutator: 'ConditionalExpression', code: "issue.code === 'unrecognized_keys'", replacement: 'false', disposition: 'wording', why: "zod's own 'Unrecognized key: \"x\"' then stands as the detail: prose only, the field (options or the nested path) and the key still show" },
  { file: S, line: "if (issue.code === 'unrecognized_keys') detail = `unknown option", mutator: 'StringLiteral', code: "'unrecognized_keys'", disposition: 'wording', why: "zod's own 'Unrecognized key: \"x\"' then stands as the detail: prose only, the field (options or the nested path) and the key still show" },
  { file: S, line: "if (issue.code === 'unrecognized_keys') detail = `unknown option", mutator: 'StringLiteral', code: "', '", disposition: 'wording', why: 'the separator between several unknown option names in the detail: prose only' },

  // constants.ts
  { file: C, line: "export const TYPE_NAMES: Record<GroupType, 'Work' | 'Public' | 'Meeting' | 'AVChatRoom' | 'Community'> = {", mutator: 'ObjectLiteral', disposition: 'simulator-only', why: "an exported table of readable type names for reports; the simulator never reads it and no SDK or REST call returns it" },
  { file: C, line: "Private: 'Work',", mutator: 'StringLiteral', code: "'Work'", disposition: 'simulator-only', why: "an exported table of readable type names for reports; the simulator never reads it and no SDK or REST call returns it" },
  { file: C, line: "Public: 'Public',", mutator: 'StringLiteral', code: "'Public'", disposition: 'simulator-only', why: "an exported table of readable type names for reports; the simulator never reads it and no SDK or REST call returns it" },
];
