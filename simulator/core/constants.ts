/**
 * Runtime constants of `@tencentcloud/chat` 3.6.6 that concern groups, with their exact values.
 * A test compares every key here with the real package, so a value is never guessed.
 * Apps pass these values around as plain strings and numbers, which is why they are `as const`
 * objects rather than TypeScript enums.
 */
export const TYPES = {
  // group types; GRP_PRIVATE and GRP_CHATROOM are the SDK's legacy aliases
  GRP_WORK: 'Private',
  GRP_PRIVATE: 'Private',
  GRP_PUBLIC: 'Public',
  GRP_MEETING: 'ChatRoom',
  GRP_CHATROOM: 'ChatRoom',
  GRP_AVCHATROOM: 'AVChatRoom',
  GRP_COMMUNITY: 'Community',
  // member roles
  GRP_MBR_ROLE_OWNER: 'Owner',
  GRP_MBR_ROLE_ADMIN: 'Admin',
  GRP_MBR_ROLE_MEMBER: 'Member',
  GRP_MBR_ROLE_CUSTOM: 'Custom',
  // join and invite options, join results
  JOIN_OPTIONS_FREE_ACCESS: 'FreeAccess',
  JOIN_OPTIONS_NEED_PERMISSION: 'NeedPermission',
  JOIN_OPTIONS_DISABLE_APPLY: 'DisableApply',
  INVITE_OPTIONS_FREE_ACCESS: 'FreeAccess',
  INVITE_OPTIONS_NEED_PERMISSION: 'NeedPermission',
  INVITE_OPTIONS_DISABLE_INVITE: 'DisableInvite',
  JOIN_STATUS_SUCCESS: 'JoinedSuccess',
  JOIN_STATUS_ALREADY_IN_GROUP: 'AlreadyInGroup',
  JOIN_STATUS_WAIT_APPROVAL: 'WaitAdminApproval',
  // group profile filter keys
  GRP_PROFILE_OWNER_ID: 'ownerID',
  GRP_PROFILE_CREATE_TIME: 'createTime',
  GRP_PROFILE_LAST_INFO_TIME: 'lastInfoTime',
  GRP_PROFILE_MEMBER_NUM: 'memberNum',
  GRP_PROFILE_MAX_MEMBER_NUM: 'maxMemberNum',
  GRP_PROFILE_JOIN_OPTION: 'joinOption',
  GRP_PROFILE_INVITE_OPTION: 'inviteOption',
  GRP_PROFILE_INTRODUCTION: 'introduction',
  GRP_PROFILE_NOTIFICATION: 'notification',
  GRP_PROFILE_MUTE_ALL_MBRS: 'muteAllMembers',
  // group tip operation types (Web numbering, not the native one)
  GRP_TIP_MBR_JOIN: 1,
  GRP_TIP_MBR_QUIT: 2,
  GRP_TIP_MBR_KICKED_OUT: 3,
  GRP_TIP_MBR_SET_ADMIN: 4,
  GRP_TIP_MBR_CANCELED_ADMIN: 5,
  GRP_TIP_GRP_PROFILE_UPDATED: 6,
  GRP_TIP_MBR_PROFILE_UPDATED: 7,
  GRP_TIP_BAN_AVCHATROOM_MEMBER: 10,
  GRP_TIP_UNBAN_AVCHATROOM_MEMBER: 11,
  // messages and conversations that carry group notifications
  MSG_TEXT: 'TIMTextElem',
  MSG_CUSTOM: 'TIMCustomElem',
  MSG_GRP_TIP: 'TIMGroupTipElem',
  MSG_GRP_SYS_NOTICE: 'TIMGroupSystemNoticeElem',
  MSG_PRIORITY_NORMAL: 'Normal',
  CONV_C2C: 'C2C',
  CONV_GROUP: 'GROUP',
  CONV_SYSTEM: '@TIM#SYSTEM',
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify',
  MSG_REMIND_ACPT_NOT_NOTE: 'AcceptNotNotify',
  MSG_REMIND_DISCARD: 'Discard',
  KICKED_OUT_MULT_ACCOUNT: 'multipleAccount',
  KICKED_OUT_MULT_DEVICE: 'multipleDevice',
  KICKED_OUT_USERSIG_EXPIRED: 'userSigExpired',
  KICKED_OUT_REST_API: 'REST_API_Kick',
} as const;

export const EVENT = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  MESSAGE_RECEIVED: 'onMessageReceived',
  GROUP_LIST_UPDATED: 'onGroupListUpdated',
  GROUP_ATTRIBUTES_UPDATED: 'groupAttributesUpdated',
  GROUP_COUNTER_UPDATED: 'onGroupCounterUpdated',
  KICKED_OUT: 'kickedOut',
  ERROR: 'error',
} as const;

/** The five group types the SDK accepts, by their wire values. */
export const GROUP_TYPES = ['Private', 'Public', 'ChatRoom', 'AVChatRoom', 'Community'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/** Readable names used in rule tags and reports (`@type:Work`). */
export const TYPE_NAMES: Record<GroupType, 'Work' | 'Public' | 'Meeting' | 'AVChatRoom' | 'Community'> = {
  Private: 'Work',
  Public: 'Public',
  ChatRoom: 'Meeting',
  AVChatRoom: 'AVChatRoom',
  Community: 'Community',
};

export type Role = 'Owner' | 'Admin' | 'Member' | 'Custom';
export type JoinOption = 'FreeAccess' | 'NeedPermission' | 'DisableApply';
export type InviteOption = 'FreeAccess' | 'NeedPermission' | 'DisableInvite';
export type EventName = (typeof EVENT)[keyof typeof EVENT];

/** Group system notice operation types (Web numbering, [WGM-OLD] table). */
export const NOTICE = {
  JOIN_REQUEST: 1,
  APPLICATION_APPROVED: 2,
  APPLICATION_REJECTED: 3,
  KICKED: 4,
  DISMISSED: 5,
  CREATED: 6,
  INVITED: 7,
  QUIT: 8,
  SET_ADMIN: 9,
  CANCELED_ADMIN: 10,
  CUSTOM: 255,
} as const;
