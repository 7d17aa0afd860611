/** Triage of the surviving mutants of simulator/core/group-commands.ts (see ../triage.ts). */
import { after } from '../predicates';
import type { TriageEntry } from '../entry';

const F = 'simulator/core/group-commands.ts';


export const triage: readonly TriageEntry[] = [
  // default join and invite options
  { file: F, line: "Private: 'DisableApply', Public: 'NeedPermission', ChatRoom: 'FreeAccess'", mutator: 'StringLiteral', code: "'DisableApply'", disposition: 'equivalent', why: "a Work group's join option is fixed (FIXED_JOIN), so its default is never read" },
  { file: F, line: "Private: 'DisableApply', Public: 'NeedPermission', ChatRoom: 'FreeAccess'", mutator: 'StringLiteral', code: "'FreeAccess'", when: after(/(?:^|[\s,])(?:AV)?ChatRoom: $/), disposition: 'equivalent', why: "Meeting and AVChatRoom join options are fixed (FIXED_JOIN), so their defaults are never read" },
  { file: F, line: "Private: 'FreeAccess', Public: 'DisableInvite', ChatRoom: 'DisableInvite'", mutator: 'StringLiteral', code: "'FreeAccess'", when: after(/^\s*Private: $/), disposition: 'equivalent', why: "a Work group's invite option is fixed (FIXED_INVITE), so its default is never read" },
  { file: F, line: "Private: 'FreeAccess', Public: 'DisableInvite', ChatRoom: 'DisableInvite'", mutator: 'StringLiteral', code: "'DisableInvite'", when: after(/AVChatRoom: $/), disposition: 'equivalent', why: "an AVChatRoom's invite option is fixed (FIXED_INVITE), so its default is never read" },

  // checkProfileFields / custom field limits
  { file: F, line: 'if (merged.size > s.limits.groupCustomFields) refuse(', mutator: ['ConditionalExpression', 'EqualityOperator'], code: 'merged.size > s.limits.groupCustomFields', disposition: 'no-rule', why: 'the limit of 10 group custom fields is a simulator limit that no catalogued rule documents' },
  { file: F, line: 'if (merged.size > s.limits.groupCustomFields) refuse(', mutator: 'StringLiteral', code: "'groupCustomField'", disposition: 'no-rule', why: 'the field named by the refusal of an 11th custom field: the 10-field limit itself is undocumented' },

  // checkMaxMemberNum

  // createGroupRecord
  { file: F, line: "if (spec.groupID !== undefined && spec.groupID !== '') checkCustomGroupID(", mutator: 'ConditionalExpression', code: "spec.groupID !== ''", disposition: 'no-rule', why: "an empty groupID is taken as no groupID (a generated one); create.generated-id speaks of a groupID 'not specified' only" },
  { file: F, line: "if (spec.groupID !== undefined && spec.groupID !== '') checkCustomGroupID(", mutator: 'StringLiteral', code: "''", disposition: 'no-rule', why: "an empty groupID is taken as no groupID (a generated one); create.generated-id speaks of a groupID 'not specified' only" },
  { file: F, line: "const groupID = spec.groupID !== undefined && spec.groupID !== '' ? spec.groupID", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'no-rule', why: "an empty groupID is taken as no groupID (a generated one); create.generated-id speaks of a groupID 'not specified' only" },
  { file: F, line: "const operator = spec.ownerID !== '' ? spec.ownerID : creator;", mutator: 'ConditionalExpression', code: "spec.ownerID !== ''", replacement: 'false', disposition: 'equivalent', why: 'the creator is the owner whenever there is one (SDK: the caller; REST: ownerAccount), so creator is the operator either way' },
  { file: F, line: "const operator = spec.ownerID !== '' ? spec.ownerID : creator;", mutator: ['ConditionalExpression', 'EqualityOperator', 'StringLiteral'], disposition: 'no-rule', why: "the operatorID of notice 7 to the initial members of an ownerless REST-created group ('' instead of the admin): no rule says who operates a REST creation" },
  { file: F, line: "if (spec.ownerID !== '') notice(tx, g, NOTICE.CREATED, operator, [spec.ownerID]);", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'no-rule', why: "a creation notice to the absent owner '' reaches nobody but takes a message sequence number: the app-wide numbering is the simulator's own" },
  { file: F, line: "listChangedFor(tx, g, { users: spec.ownerID === '' ? added : [spec.ownerID, ...added] });", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'equivalent', why: "the extra list update goes to user '' (the condition made false, or compared with the mutant's marker text), who has no device logged in" },

  // createGroup (SDK)
  { file: F, line: "if (typeof type !== 'string' || !(GROUP_TYPES as readonly string[]).includes(type)) {", mutator: 'ConditionalExpression', code: "typeof type !== 'string'", replacement: 'false', disposition: 'equivalent', why: 'GROUP_TYPES holds strings only, so includes() of a non-string is false and the refusal follows anyway' },
  { file: F, line: 'refuse(ERR.ILLEGAL_GRP_TYPE,', mutator: 'StringLiteral', code: "'type'", disposition: 'simulator-only', why: "the message still names type through 2600's meaning 'Illegal group type'; only err.data.field loses it" },
  { file: F, line: "if (o.groupID !== undefined && o.groupID !== '') {", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'no-rule', why: "an empty groupID is taken as no groupID (a generated one), so a Community is not refused for it; no rule says what '' does" },

  // joinGroup
  { file: F, line: 'if (mine === undefined) checkCapacity(g, 1);', mutator: 'ConditionalExpression', code: 'mine === undefined', replacement: 'true', disposition: 'simulator-only', why: "an AVChatRoom has no cap (A08); only the simulator's limits.memberCap option makes one its entering owner could fill" },
  { file: F, line: 'if (previous !== undefined && previous !== g.groupID && !unlimitedAV()) leaveAVChatRoom(', mutator: ['ConditionalExpression', 'LogicalOperator'], disposition: 'equivalent', why: "with no previous room, leaving 'undefined' finds no group and only clears the room marker set again below; the room the user is in is never g here (its members returned AlreadyInGroup above)" },
  { file: F, line: 'tip(tx, g, TIP.JOIN, me, [me]);', mutator: 'ArrayDeclaration', code: '[me]', disposition: 'no-rule', why: "whom an AVChatRoom's join tip names: join tips are documented for invitations only (invite.invitee-and-members-notified)" },
  { file: F, line: "if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'a Work group cannot be joined", mutator: 'ConditionalExpression', code: "g.type === 'Private'", disposition: 'wording', why: "a Work group is then refused by its fixed DisableApply join option: the same 10007 naming groupID, only the wording differs" },
  { file: F, line: "if (g.type === 'Private') refuse(ERR.NO_PERMISSION, 'groupID', 'a Work group cannot be joined", mutator: 'StringLiteral', code: "'Private'", disposition: 'wording', why: "a Work group is then refused by its fixed DisableApply join option: the same 10007 naming groupID, only the wording differs" },
  { file: F, line: "const option = g.type === 'ChatRoom' ? 'FreeAccess' : g.joinOption;", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'equivalent', why: "a Meeting group's join option is fixed at FreeAccess, and an empty option is neither DisableApply nor NeedPermission, so the join is free either way" },

  // apply / leaveAVChatRoom
  { file: F, line: '.find((k) => s.applications.get(k)?.applicationType === applicationType);', mutator: 'OptionalChaining', disposition: 'equivalent', why: 'the application index holds only keys of existing applications' },
  { file: F, line: 'const seq = existing === undefined ? nextSerial(tx) : s.applications.get(existing)!.seq;', mutator: 'ConditionalExpression', code: 'existing === undefined', replacement: 'true', disposition: 'no-rule', why: 'a refreshed request moves behind those filed in the same second, and later generated IDs are spelt differently: A36 orders by time only, create.generated-id fixes only the prefix' },
  { file: F, line: 'authentication: `auth-${key}`', mutator: 'StringLiteral', code: '`auth-${key}`', disposition: 'no-rule', why: "the join-request notice's authentication token is opaque; no rule says what it holds (decisions use messageKey)" },
  { file: F, line: "tx.mapSet(tx.state.avRoom, userID, '');", mutator: 'StringLiteral', code: "''", disposition: 'equivalent', why: "joinGroup sets the user's room to the new group right after, whatever this wrote" },
  { file: F, line: "if (g === undefined || roleIn(g, userID) === 'Owner') return;", mutator: 'ConditionalExpression', code: 'g === undefined', replacement: 'false', disposition: 'equivalent', why: "destroy expels every member, which clears their room, so the room a user is in always exists" },

  // quitGroup
  { file: F, line: 'if (g === undefined || role === undefined) refuse(ERR.MEMBER_NOT_IN_GRP', mutator: 'ConditionalExpression', code: 'g === undefined', replacement: 'false', disposition: 'equivalent', why: 'with no group, role is undefined too, and the other half of the test refuses the same way' },

  // transfer
  { file: F, line: "const old = g.ownerID === '' ? undefined : g.members.get(g.ownerID);", mutator: ['ConditionalExpression', 'StringLiteral'], disposition: 'equivalent', why: "'' is never a user ID, so looking up the member '' gives undefined as well" },
  { file: F, line: "tx.set(g, 'infoSequence', g.infoSequence + 1);", mutator: ['StringLiteral', 'ArithmeticOperator'], disposition: 'no-rule', why: "the profile's infoSequence after a change or transfer: no catalogued rule documents it" },
  { file: F, line: 'tip(tx, g, TIP.PROFILE, operatorID, [], { newGroupProfile: { ownerID: newOwnerID } });', mutator: 'ArrayDeclaration', code: '[]', disposition: 'no-rule', why: "whom a transfer's profile tip (6) names in userIDList: no rule says" },

  // getGroupList
  { file: F, line: "if (g !== undefined && g.type !== 'AVChatRoom') groupList.push(", mutator: 'ConditionalExpression', code: 'g !== undefined', replacement: 'true', disposition: 'equivalent', why: 'memberships only name existing groups, so g is never undefined' },

  // profile rights and changes
  { file: F, line: "if (g.type === 'AVChatRoom') {", mutator: ['ConditionalExpression', 'StringLiteral', 'BlockStatement'], disposition: 'wording', why: "an AVChatRoom has no admins, so the manager check below refuses the same non-owners with the same 10007 naming groupID" },
  { file: F, line: "tx.set(g, 'lastInfoTime', seconds(ctx.now));", mutator: 'StringLiteral', code: "'lastInfoTime'", disposition: 'no-rule', why: "the profile's lastInfoTime after a change: no catalogued rule documents it" },
  { file: F, line: 'tip(tx, g, TIP.PROFILE, actorID(actor), [], { newGroupProfile: changed });', mutator: 'ArrayDeclaration', code: '[]', disposition: 'no-rule', why: "whom a profile tip (6) names in userIDList: no rule says" },
  { file: F, line: "opUser: tx.state.users.get(actor.userID)?.nick || actor.userID", mutator: 'OptionalChaining', code: 'tx.state.users.get(actor.userID)?.nick', disposition: 'equivalent', why: 'a user acts only once logged in, and logging in creates her user record, so the record is never missing' },
];
