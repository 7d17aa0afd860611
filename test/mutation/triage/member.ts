/** Triage of the surviving mutants of simulator/core/member-commands.ts (see ../triage.ts). */
import { readFileSync } from 'node:fs';
import type { Mutant } from '../score';
import type { TriageEntry } from '../triage';

const F = 'simulator/core/member-commands.ts';

let lines: string[] | undefined;
/** The line just above the mutant's contains `anchor`: tells apart equal lines of the file by what precedes them. */
const below = (anchor: string) => (m: Mutant) => (lines ??= readFileSync(F, 'utf8').split('\n'))[m.line - 2]?.includes(anchor) ?? false;

/** The mutant's line up to where it starts (the column is in its key), to tell apart equal literals of one line. */
const after = (prefix: RegExp) => (m: Mutant) => prefix.test(m.lineText.slice(0, Number(m.key.split(':')[2]!.split('-')[0]) - 1));

const ONLINE_FEW = 'lists.online-member-count (the walk over members, taken when more users are online than the group has members, is never run): Given alice, bob, nina and olga are logged in, alice has created a Public group "P", bob and carol belong to "P", When alice calls getGroupOnlineMemberCount with "{{P}}", Then the result\'s memberCount is 2';
const QUOTA_APPROVAL = 'limits.user-group-quota (a user at the quota cannot join, approval included): Given an app where a user may belong to at most 1 groups, dave has asked to join Public "P", dave has created a Work group "D", When alice approves the application of dave to "P", Then it fails with code 10037 naming "application" and dave is not a member of "P"';
const PENDING_ORDER = 'applications.pending-list-holds-50 (A36: oldest first; a refreshed request takes its new time): Given carol has asked to join "P", 10 seconds have passed, dave has asked to join "P", 10 seconds have passed, When carol asks to join "P" again and alice lists her pending applications, Then applicationList[0].userID is "dave" and [1] is "carol"';

export const triage: readonly TriageEntry[] = [
  // addMembers / addGroupMember
  { file: F, line: 'const out: AddOutcome = { successUserIDList: [], failureUserIDList: []', mutator: 'ArrayDeclaration', code: '[]', when: after(/pendingUserIDList: $/), disposition: 'equivalent', why: 'the initial pendingUserIDList is replaced when invitations need approval, and dropped from both answers (SDK and REST) otherwise' },
  { file: F, line: "const role = requireMember(g, actor.userID, 'invite').role;", mutator: 'StringLiteral', code: "'invite'", disposition: 'wording', why: "the verb in a non-member's refusal text; the code and the field (groupID) stay" },
  { file: F, line: "if (g.type !== 'Private' && !isManager(role)) {", mutator: 'ConditionalExpression', code: "g.type !== 'Private'", replacement: 'true', disposition: 'equivalent', why: "a Work group's inviteOption is fixed at FreeAccess (FIXED_INVITE, and updates skip it), so the member branch neither refuses nor asks approval there" },
  { file: F, line: "if (g.type !== 'Private' && !isManager(role)) {", mutator: 'StringLiteral', code: "'Private'", disposition: 'equivalent', why: "a Work group's inviteOption is fixed at FreeAccess (FIXED_INVITE, and updates skip it), so the member branch neither refuses nor asks approval there" },
  { file: F, line: "} else if (g.type !== 'Private' && g.inviteOption === 'DisableInvite') {", mutator: 'ConditionalExpression', code: "g.type !== 'Private'", disposition: 'equivalent', why: "a Work group's inviteOption is fixed at FreeAccess (FIXED_INVITE, and updates skip it), so it is never DisableInvite" },
  { file: F, line: "} else if (g.type !== 'Private' && g.inviteOption === 'DisableInvite') {", mutator: 'StringLiteral', code: "'Private'", disposition: 'equivalent', why: "a Work group's inviteOption is fixed at FreeAccess (FIXED_INVITE, and updates skip it), so it is never DisableInvite" },

  // checkRemoval / removeMembers / deleteGroupMember
  { file: F, line: "if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'in a Work group only the owner may remove members');", mutator: 'ConditionalExpression', code: "g.type === 'Private'", disposition: 'wording', why: 'a Work group has no admins, so a non-owner then falls to "ordinary members cannot remove anyone": the same 10007 naming groupID, other prose' },
  { file: F, line: "if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'in a Work group only the owner may remove members');", mutator: 'StringLiteral', code: "'Private'", disposition: 'wording', why: 'a Work group has no admins, so a non-owner then falls to "ordinary members cannot remove anyone": the same 10007 naming groupID, other prose' },
  { file: F, line: 'if (opts.banSeconds !== undefined) tx.mapSet(g.banned, id, opts.nowSeconds + opts.banSeconds);', mutator: 'ConditionalExpression', code: 'opts.banSeconds !== undefined', replacement: 'true', disposition: 'equivalent', why: 'bans are read only when joining an AVChatRoom, and removals without a ban are never from one (the NaN written is never > now either)' },
  { file: F, line: 'const memberList = removed.map((userID) => ({ userID, reason: opts.reason }));', mutator: 'ObjectLiteral', code: '{ userID, reason: opts.reason }', disposition: 'no-rule', why: "the kick tip's memberList entries (userID, reason): A53 puts the reason in the removed member's notice 4 only, and A19 gives tip 3 no memberList" },
  { file: F, line: 'else tip(tx, g, TIP.KICKED, operatorID, removed, { memberList });', mutator: 'ObjectLiteral', code: '{ memberList }', disposition: 'no-rule', why: "the kick tip's memberList entries (userID, reason): A53 puts the reason in the removed member's notice 4 only, and A19 gives tip 3 no memberList" },
  { file: F, line: "if (o.duration === undefined || o.duration <= 0) refuse(ERR.BAN_DURATION_INVALID, 'duration'", mutator: 'StringLiteral', code: "'duration'", disposition: 'simulator-only', why: "the message still names duration through 2686's meaning and the detail; only err.data.field loses it" },

  // setRole
  { file: F, line: "has no admins`);", mutator: ['ConditionalExpression', 'EqualityOperator'], code: "g.type === 'Private'", disposition: 'wording', why: 'which type the refusal text says has no admins; the code and the field (groupID) stay' },
  { file: F, line: "has no admins`);", mutator: 'StringLiteral', code: "'Private'", disposition: 'wording', why: 'which type the refusal text says has no admins; the code and the field (groupID) stay' },
  { file: F, line: "has no admins`);", mutator: 'StringLiteral', code: "'AVChatRoom'", disposition: 'wording', why: 'which type the refusal text says has no admins; the code and the field (groupID) stay' },
  { file: F, line: "if (!allowed.includes(o.role)) refuse(ERR.INVALID_MEMBER_ROLE, 'role'", mutator: 'StringLiteral', code: "'role'", disposition: 'simulator-only', why: "the message still names the role through 2683's meaning 'Invalid member role'; only err.data.field loses it" },

  // mute
  { file: F, line: 'const until = muteTime === 0 ? 0 : seconds(ctx.now) + muteTime;', mutator: 'ConditionalExpression', code: 'muteTime === 0', replacement: 'false', disposition: 'no-rule', why: "an unmuted member's muteUntil reads the time of the unmute instead of 0: both mean not muted (muteUntil not later than now); no rule says which value" },
  { file: F, line: 'if (until === 0) tx.mapDelete(g.muted, userID);', mutator: 'ConditionalExpression', code: 'until === 0', replacement: 'false', disposition: 'equivalent', why: 'muteUntil is read only as muted.get(userID) ?? 0, so storing 0 reads the same as deleting' },
  { file: F, line: 'if (!silent) tip(tx, g, TIP.MEMBER_PROFILE, operatorID, [userID], { memberList: [{ userID, muteTime }] });', mutator: 'ConditionalExpression', code: '!silent', replacement: 'true', disposition: 'equivalent', why: 'no caller passes silent (SDK mute, REST modify_group_member_info and forbid_send_msg all leave it false)' },
  { file: F, line: "if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'Work groups do not support muting');", mutator: 'ConditionalExpression', code: "g.type === 'Private'", when: below('const g = findGroup(s, o.groupID);'), disposition: 'no-rule', why: 'mute() repeats the Work-group refusal; only which refusal wins changes when the target is not a member (10004 userID) or is the owner (userID): no rule orders these checks' },
  { file: F, line: "if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'Work groups do not support muting');", mutator: 'StringLiteral', code: "'Private'", when: below('const g = findGroup(s, o.groupID);'), disposition: 'no-rule', why: 'mute() repeats the Work-group refusal; only which refusal wins changes when the target is not a member (10004 userID) or is the owner (userID): no rule orders these checks' },
  { file: F, line: "const role = requireMember(g, actor.userID, 'mute').role;", mutator: 'StringLiteral', code: "'mute'", disposition: 'wording', why: "the verb in a non-member's refusal text; the code and the field (groupID) stay" },
  { file: F, line: "if (g.type === 'AVChatRoom' && role !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'only the owner may mute in an AVChatRoom');", mutator: 'ConditionalExpression', code: "g.type === 'AVChatRoom' && role !== 'Owner'", replacement: 'false', disposition: 'no-rule', why: "an AVChatRoom has no admins, so a viewer is refused with 10007 anyway; only a viewer muting the owner then names userID, not groupID: no rule orders the caller's and the target's checks" },
  { file: F, line: "if (g.type === 'AVChatRoom' && role !== 'Owner') refuse(ERR.NO_PERMISSION, 'groupID', 'only the owner may mute in an AVChatRoom');", mutator: 'StringLiteral', code: "'AVChatRoom'", disposition: 'no-rule', why: "an AVChatRoom has no admins, so a viewer is refused with 10007 anyway; only a viewer muting the owner then names userID, not groupID: no rule orders the caller's and the target's checks" },
  { file: F, line: "if (target.role === 'Owner') refuse(ERR.NO_PERMISSION, 'userID', 'the owner cannot be muted');", mutator: 'ConditionalExpression', code: "target.role === 'Owner'", replacement: 'false', disposition: 'no-rule', why: "an admin muting the owner is refused the same way below; only an ordinary member muting the owner then names groupID, not userID (both 10007): no rule orders the caller's and the target's checks" },
  { file: F, line: "if (target.role === 'Owner') refuse(ERR.NO_PERMISSION, 'userID', 'the owner cannot be muted');", mutator: 'StringLiteral', code: "'Owner'", disposition: 'no-rule', why: "an admin muting the owner is refused the same way below; only an ordinary member muting the owner then names groupID, not userID (both 10007): no rule orders the caller's and the target's checks" },

  // name cards and custom fields
  { file: F, line: "refuse(ERR.NO_PERMISSION, 'userID', `${operatorRole === 'Admin' ?", mutator: ['ConditionalExpression', 'EqualityOperator'], code: "operatorRole === 'Admin'", disposition: 'wording', why: "which of two sentences the refusal text uses; the code and the field (userID) stay" },
  { file: F, line: "refuse(ERR.NO_PERMISSION, 'userID', `${operatorRole === 'Admin' ?", mutator: 'StringLiteral', code: "'Admin'", disposition: 'wording', why: "which of two sentences the refusal text uses; the code and the field (userID) stay" },
  { file: F, line: 'const role = requireMember(g, actor.userID, `set ${what}`).role;', mutator: 'StringLiteral', code: '`set ${what}`', disposition: 'wording', why: "the verb in a non-member's refusal text; the code and the field (groupID) stay" },
  { file: F, line: "memberProfileTarget(tx, actor, o.groupID, o.userID, 'name card');", mutator: 'StringLiteral', code: "'name card'", disposition: 'wording', why: "the noun in a refusal's text; the code and the field stay" },
  { file: F, line: "memberProfileTarget(tx, actor, o.groupID, o.userID, 'custom fields');", mutator: 'StringLiteral', code: "'custom fields'", disposition: 'wording', why: "the noun in a refusal's text; the code and the field stay" },

  // getGroupMemberList
  { file: F, line: "const start = typeof o.offset === 'string' ? (o.offset === '' ? 0", mutator: 'ConditionalExpression', code: "typeof o.offset === 'string'", replacement: 'true', disposition: 'equivalent', why: "zod's int() admits only safe integers, for which parseInt(String(n), 10) === n; an absent offset gives NaN || 0 = 0 as before" },
  { file: F, line: "const start = typeof o.offset === 'string' ? (o.offset === '' ? 0", mutator: 'ConditionalExpression', code: "o.offset === ''", replacement: 'false', disposition: 'equivalent', why: "'' then goes through parseInt, which gives NaN || 0 = 0, the same as the '' branch" },
  { file: F, line: "const start = typeof o.offset === 'string' ? (o.offset === '' ? 0", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "'' then goes through parseInt, which gives NaN || 0 = 0, the same as the '' branch" },

  // getGroupMemberProfile
  { file: F, line: "requireMember(g, actor.userID, 'read member profiles');", mutator: 'StringLiteral', code: "'read member profiles'", disposition: 'wording', why: "the verb in a non-member's refusal text; the code and the field (groupID) stay" },
  { file: F, line: 'if (m === undefined) continue;', mutator: 'ConditionalExpression', code: 'm === undefined', replacement: 'false', disposition: 'no-rule', why: 'a user who is not a member is left out of getGroupMemberProfile (the mutant crashes into 2903): no rule says what a non-member\'s ID gives there' },
  { file: F, line: 'if (o.memberCustomFieldFilter !== undefined) view.memberCustomField =', mutator: ['ConditionalExpression', 'MethodExpression', 'ArrowFunction'], disposition: 'no-rule', why: "getGroupMemberProfile's memberCustomFieldFilter: no catalogued rule documents it" },

  // pending applications
  { file: F, line: 'if (g !== undefined && isManager(roleIn(g, userID))) out.push(a);', mutator: 'ConditionalExpression', code: 'g !== undefined', replacement: 'true', disposition: 'equivalent', why: "a group's applications are dropped whenever it is deleted (destroy, recycleIfEmpty), so g is never undefined" },
  { file: F, line: 'out.sort((a, b) => a.time - b.time || a.seq - b.seq);', mutator: 'ArithmeticOperator', code: 'a.seq - b.seq', disposition: 'no-rule', why: 'the order of requests filed in the same second (by filing, seq): A36 orders by time only, and the list is already in filing order but after a rolled-back decision' },

  // handleGroupApplication
  { file: F, line: "if (a === undefined || a.groupID !== g.groupID) refuse(ERR.ALREADY_PROCESSED, 'application'", mutator: 'ConditionalExpression', code: 'a.groupID !== g.groupID', replacement: 'false', disposition: 'gap', why: 'applications.only-owner-and-admins-decide (an owner of P decides a request to Q, admitting the user to P): Given alice owns Public "P", bob owns Public "Q", dave has asked to join "Q", When alice calls handleGroupApplication with {"handleAction": "Agree", "application": {"groupID": "{{P}}", "applicationType": 0, "messageKey": "<the key of dave\'s request to Q>"}}, Then it fails with code 10024 and dave is not a member of "P"' },
  { file: F, line: "if (a === undefined || a.groupID !== g.groupID) refuse(ERR.ALREADY_PROCESSED, 'application'", mutator: 'StringLiteral', code: "'application'", disposition: 'simulator-only', why: "the message still names the application through 10024's meaning and the detail; only err.data.field loses it" },

  // getGroupOnlineMemberCount
  { file: F, line: 'if (s.sessions.size <= g.members.size) {', mutator: ['ConditionalExpression', 'EqualityOperator'], disposition: 'equivalent', why: 'both walks count the same members with a logged-in device; the test only picks the shorter walk' },
  { file: F, line: 'for (const [userID, devices] of s.sessions) if (devices.size > 0 && g.members.has(userID)) memberCount++;', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'devices.size > 0', disposition: 'equivalent', why: "a user's session entry is deleted with its last device (closeSession), so every entry has a device" },
];
