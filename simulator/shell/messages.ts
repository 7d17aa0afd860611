/**
 * Builds the SDK's Message objects for group tips, group system notices and the `group_create`
 * custom message. A fresh object for every device: handlers may mutate what they receive.
 */
import { TYPES } from '../constants';
import type { NoticePayload, TipPayload } from '../core/deliveries';
import { clonePlain } from './clone';

export interface MessageIdentity {
  ID: string;
  sequence: number;
  time: number;
}

function base(id: MessageIdentity) {
  return {
    ID: id.ID,
    flow: 'in',
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
  };
}

export function tipMessage(id: MessageIdentity, groupID: string, payload: TipPayload, nick: (u: string) => { nick: string; avatar: string }) {
  const op = nick(payload.operatorID);
  // Object.assign onto fresh literals rather than `{ ...x, more }`: on Node 20 (V8 11.3) adding
  // properties after a spread costs about a microsecond each time (docs/performance.md); the keys,
  // their order and the values are the same
  return Object.assign(base(id), {
    type: TYPES.MSG_GRP_TIP,
    conversationID: `GROUP${groupID}`,
    conversationType: TYPES.CONV_GROUP,
    to: groupID,
    from: '@TIM#SYSTEM',
    isSystemMessage: false,
    payload: Object.assign(clonePlain(payload), {
      operatorInfo: { userID: payload.operatorID, nick: op.nick, avatar: op.avatar },
      memberList: (payload.memberList ?? payload.userIDList.map((userID) => ({ userID }))).map((m) => Object.assign({}, nick(m.userID), m)),
    }),
  });
}

export function noticeMessage(id: MessageIdentity, to: string, payload: NoticePayload) {
  return Object.assign(base(id), {
    type: TYPES.MSG_GRP_SYS_NOTICE,
    conversationID: TYPES.CONV_SYSTEM,
    conversationType: TYPES.CONV_SYSTEM,
    to,
    from: '@TIM#SYSTEM',
    isSystemMessage: true,
    payload: clonePlain(payload),
  });
}

export function customGroupMessage(id: MessageIdentity, groupID: string, from: string, data: string) {
  return Object.assign(base(id), {
    type: TYPES.MSG_CUSTOM,
    conversationID: `GROUP${groupID}`,
    conversationType: TYPES.CONV_GROUP,
    to: groupID,
    from,
    isSystemMessage: false,
    payload: { data, description: '', extension: '' },
  });
}
