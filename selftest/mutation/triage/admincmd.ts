/** Triage of the surviving mutants of simulator/core/admin-commands.ts and simulator/core/store-commands.ts (see ../triage.ts). */
import type { TriageEntry } from '../entry';

const A = 'simulator/core/admin-commands.ts';
const S = 'simulator/core/store-commands.ts';

const REST_ECHO = 'REST documents only ActionStatus, ErrorCode and ErrorInfo in this answer: the echoed fields are the simulator\'s own';

export const triage: readonly TriageEntry[] = [
  // createGroup
  { file: A, line: "if (type === 'Community' && o.groupID !== undefined && o.groupID !== '' && !o.groupID.startsWith('@TGS#_')) {", mutator: 'ConditionalExpression', code: "o.groupID !== ''", disposition: 'no-rule', why: "an empty groupID is taken as no groupID (a generated one), so a Community is not refused for it; no rule says what '' does" },
  { file: A, line: "if (type === 'Community' && o.groupID !== undefined && o.groupID !== '' && !o.groupID.startsWith('@TGS#_')) {", mutator: 'StringLiteral', code: "''", disposition: 'no-rule', why: "an empty groupID is taken as no groupID (a generated one), so a Community is not refused for it; no rule says what '' does" },

  // destroyGroup, deleteGroupMember, modifyGroupBaseInfo, sendGroupSystemNotification answers
  { file: A, line: 'return { groupID };', mutator: 'ObjectLiteral', code: '{ groupID }', disposition: 'no-rule', why: `destroy_group's answer: ${REST_ECHO}` },
  { file: A, line: 'return { groupID: g.groupID };', mutator: 'ObjectLiteral', code: '{ groupID: g.groupID }', disposition: 'no-rule', why: `the answer of delete_group_member, modify_group_base_info and send_group_system_notification: ${REST_ECHO}` },

  // deleteGroupMember
  { file: A, line: 'if (o.userIDList.length > s.limits.adminDeleteMemberList) refuse(', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'o.userIDList.length > s.limits.adminDeleteMemberList', disposition: 'no-rule', why: "REST delete_group_member's limit of 100 users is A12's reading only: no catalogued rule documents it" },
  { file: A, line: 'if (o.userIDList.length > s.limits.adminDeleteMemberList) refuse(', mutator: 'StringLiteral', code: "'userIDList'", disposition: 'no-rule', why: "the field named by the refusal of a 101-user REST removal: that limit itself is documented by no catalogued rule" },

  // modifyGroupMemberInfo
  { file: A, line: 'return { member: memberView(s, g, target) };', mutator: 'ObjectLiteral', code: '{ member: memberView(s, g, target) }', disposition: 'no-rule', why: `modify_group_member_info's answer: ${REST_ECHO}` },

  // forbidSendMsg

  // importAccount
  { file: 'simulator/core/state.ts', line: "export function newUser(userID: string, nick = '', avatar = ''): UserRecord {", mutator: 'StringLiteral', code: "''", disposition: 'no-rule', why: "the nick and avatar of an account imported without them (read back in member lists): no catalogued rule documents user profiles" },

  // getJoinedGroupList
  { file: A, line: "if (g !== undefined && (g.type !== 'AVChatRoom' || o.withHugeGroups === true)) groupIdList.push(", mutator: 'ConditionalExpression', code: 'g !== undefined', replacement: 'true', disposition: 'equivalent', why: 'memberships only name existing groups (destroy and recycling expel every member first), so g is never undefined' },

  // getGroupMemberInfo

  // store-commands: who is refused, in the detail text only
  { file: S, line: "memberGroup(tx, actor, o.groupID, 'write group attributes');", mutator: 'StringLiteral', code: "'write group attributes'", disposition: 'wording', why: "it only fills the non-member refusal's detail text (requireMember); the code and the field groupID stay" },
  { file: S, line: "memberGroup(tx, actor, o.groupID, 'read group attributes');", mutator: 'StringLiteral', code: "'read group attributes'", disposition: 'wording', why: "it only fills the non-member refusal's detail text (requireMember); the code and the field groupID stay" },
  { file: S, line: "counterGroup(tx, actor, o.groupID, 'write group counters');", mutator: 'StringLiteral', code: "'write group counters'", disposition: 'wording', why: "it only fills the non-member refusal's detail text (requireMember); the code and the field groupID stay" },
  { file: S, line: "counterGroup(tx, actor, o.groupID, 'read group counters');", mutator: 'StringLiteral', code: "'read group counters'", disposition: 'wording', why: "it only fills the non-member refusal's detail text (requireMember); the code and the field groupID stay" },

  // attributes
  { file: S, line: 'const updatedKeyList = [...next].filter(([k, v]) => g.attributes.get(k) !== v).map(([k]) => k);', mutator: 'ArrowFunction', code: '([k]) => k', disposition: 'no-rule', why: "the event's updatedKeyList, which the Web SDK does not document (its data is {groupID, groupAttributes})" },
  { file: S, line: 'const keys = o.keyList.length === 0 ? [...g.attributes.keys()] : o.keyList.filter((k) => g.attributes.has(k));', mutator: 'MethodExpression', code: 'o.keyList.filter((k) => g.attributes.has(k))', disposition: 'no-rule', why: 'a requested key the group lacks then reads as undefined rather than absent: no rule says what reading a missing key gives (and the steps compare JSON, where both look alike)' },

  // counters
  { file: S, line: "if ([...key].length > l.counterKeyChars) refuse(ERR.INVALID_PARAMETER, 'key',", mutator: 'MethodExpression', code: 'key.slice(0, 16)', disposition: 'wording', why: "it only shortens the key quoted in the refusal's detail text; the code and the field key stay" },
  { file: S, line: 'if (!Number.isSafeInteger(value)) refuse(ERR.INVALID_PARAMETER,', mutator: 'ConditionalExpression', code: '!Number.isSafeInteger(value)', replacement: 'false', disposition: 'no-rule', why: "values beyond JavaScript's safe integers are explicitly not modelled (counters feature header); the refusal is the simulator's own" },
  { file: S, line: 'if (!Number.isSafeInteger(value)) refuse(ERR.INVALID_PARAMETER,', mutator: 'StringLiteral', code: "'value'", disposition: 'no-rule', why: "the field named by the refusal of a value beyond the safe integers, which the counters feature says is not modelled" },
  { file: S, line: 'if (!g.counters.has(key) && g.counters.size >= l.counterKeys) refuse(ERR.COUNTER_TOO_MANY_KEYS,', mutator: 'StringLiteral', code: "'counters'", disposition: 'gap', why: 'counters.limits (a 21st key is refused naming "counters"): the existing scenario checks it, but the naming step also finds "counters" in the detail text ("at most 20 counters"); only a naming check on the field position, "(counters:", tells' },
  { file: S, line: 'if (g.counters.get(key) === value) return;', mutator: 'ConditionalExpression', code: 'g.counters.get(key) === value', replacement: 'false', disposition: 'no-rule', why: 'a counter write that changes nothing would be announced: A55 (no news without a change) is catalogued for attributes, roles and transfers, not counters' },
  { file: S, line: 'const keys = o.keyList === undefined || o.keyList.length === 0 ? [...g.counters.keys()] : o.keyList.filter((k) => g.counters.has(k));', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'no-rule', why: "which counters getGroupCounters answers for an empty or a given keyList: no counters rule documents reading (attributes.empty-key-list-means-all covers attributes only)" },
  { file: S, line: 'const keys = o.keyList === undefined || o.keyList.length === 0 ? [...g.counters.keys()] : o.keyList.filter((k) => g.counters.has(k));', mutator: 'MethodExpression', code: 'o.keyList.filter((k) => g.counters.has(k))', disposition: 'no-rule', why: 'a requested counter the group lacks then reads as undefined rather than absent: no rule says what reading a missing counter gives (and the steps compare JSON, where both look alike)' },
];
