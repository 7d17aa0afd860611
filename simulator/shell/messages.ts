/**
 * Builds the SDK's Message objects for group tips, group system notices and the `group_create`
 * custom message. A fresh object for every device: handlers may mutate what they receive.
 */
import { TYPES } from '../core/constants';
import type { NoticePayload, TipPayload } from '../core/deliveries';
import { clonePlain } from './clone';

export interface MessageIdentity {
  ID: string;
  sequence: number;
  time: number;
}

/**
 * One Message, built as one object literal: the fields every message has, then the kind's. (Not
 * `Object.assign(base(), more)`: adding properties to a 26-property object one by one costs V8 a
 * map transition each; a literal is one allocation from a boilerplate. Not `{ ...x, more }`
 * either: on Node 20 (V8 11.3) adding properties after a spread costs about a microsecond each
 * time, docs/performance.md.) The keys and their order are the SDK's.
 */
function message(
  id: MessageIdentity,
  flow: 'in' | 'out',
  type: string,
  conversationID: string,
  conversationType: string,
  to: string,
  from: string,
  isSystemMessage: boolean,
  payload: object,
) {
  return {
    ID: id.ID,
    flow,
    time: id.time,
    status: 'success',
    isRevoked: false,
    priority: TYPES.MSG_PRIORITY_NORMAL,
    nick: '',
    avatar: '',
    isPeerRead: false,
    nameCard: '',
    atUserList: [] as string[],
    cloudCustomData: '',
    isDeleted: false,
    isModified: false,
    needReadReceipt: false,
    readReceiptInfo: {},
    isBroadcastMessage: false,
    isSupportExtension: false,
    revoker: '',
    revokerInfo: { userID: '', nick: '', avatar: '' },
    revokeReason: '',
    sequence: id.sequence,
    hasRiskContent: false,
    clientSequence: id.sequence,
    random: id.sequence,
    type,
    conversationID,
    conversationType,
    to,
    from,
    isSystemMessage,
    payload,
  };
}

/** The user records, for the nick and avatar a tip shows of its operator and members. */
export type Users = ReadonlyMap<string, { nick: string; avatar: string }>;

function profile(users: Users, userID: string): { nick: string; avatar: string } {
  const u = users.get(userID);
  return { nick: u?.nick ?? '', avatar: u?.avatar ?? '' };
}

/**
 * The tip's payload: a copy of the core's, the operator's profile and each member's. A payload with
 * the six fields every tip has is copied field by field; one that also carries `memberList` or
 * `newGroupProfile` goes through the generic copy, which keeps its keys in their order.
 */
function tipPayload(p: TipPayload, users: Users) {
  const op = users.get(p.operatorID);
  const operatorInfo = { userID: p.operatorID, nick: op?.nick ?? '', avatar: op?.avatar ?? '' };
  if (p.memberList === undefined && p.newGroupProfile === undefined) {
    const ids = p.userIDList;
    const userIDList = new Array<string>(ids.length);
    const memberList = new Array<{ nick: string; avatar: string; userID: string }>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const userID = ids[i]!;
      const u = users.get(userID);
      userIDList[i] = userID;
      memberList[i] = { nick: u?.nick ?? '', avatar: u?.avatar ?? '', userID };
    }
    return {
      operationType: p.operationType,
      operatorID: p.operatorID,
      userIDList,
      groupProfile: { groupID: p.groupProfile.groupID, groupName: p.groupProfile.groupName },
      memberNum: p.memberNum,
      memberCount: p.memberCount,
      operatorInfo,
      memberList,
    };
  }
  return Object.assign(clonePlain(p), {
    operatorInfo,
    memberList: (p.memberList ?? p.userIDList.map((userID) => ({ userID }))).map((m) => Object.assign(profile(users, m.userID), m)),
  });
}

export function tipMessage(id: MessageIdentity, groupID: string, payload: TipPayload, users: Users) {
  return message(id, 'in', TYPES.MSG_GRP_TIP, `GROUP${groupID}`, TYPES.CONV_GROUP, groupID, '@TIM#SYSTEM', false, tipPayload(payload, users));
}

export function noticeMessage(id: MessageIdentity, to: string, p: NoticePayload) {
  // every field of a notice payload is a string or a number but the group profile: copied by hand
  const payload = {
    operationType: p.operationType,
    operatorID: p.operatorID,
    groupProfile: { groupID: p.groupProfile.groupID, name: p.groupProfile.name, groupType: p.groupProfile.groupType },
    handleMessage: p.handleMessage,
    authentication: p.authentication,
    messageKey: p.messageKey,
    userDefinedField: p.userDefinedField,
  };
  return message(id, 'in', TYPES.MSG_GRP_SYS_NOTICE, TYPES.CONV_SYSTEM, TYPES.CONV_SYSTEM, to, '@TIM#SYSTEM', true, payload);
}

/** The `group_create` custom message: `flow` is 'out' on the sender's other devices. */
export function customGroupMessage(id: MessageIdentity, groupID: string, from: string, data: string, flow: 'in' | 'out') {
  return message(id, flow, TYPES.MSG_CUSTOM, `GROUP${groupID}`, TYPES.CONV_GROUP, groupID, from, false, { data, description: '', extension: '' });
}
