/**
 * Projections of records into the SDK's data shapes (Group, GroupMember, application items).
 * Pure functions of the state; the same view serves responses and event payloads.
 */
import type { MemberRecord } from './member-table';
import type { ApplicationRecord, GroupRecord, State } from './state';

export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

export function muteUntilOf(g: GroupRecord, userID: string): number {
  return g.muted.get(userID) ?? 0;
}

export function memberView(s: State, g: GroupRecord, m: MemberRecord) {
  const u = s.users.get(m.userID);
  return {
    userID: m.userID,
    avatar: u?.avatar ?? '',
    nick: u?.nick ?? '',
    role: m.role,
    joinTime: m.joinTime,
    nameCard: m.nameCard,
    muteUntil: muteUntilOf(g, m.userID),
    memberCustomField: m.memberCustomField.map((f) => ({ ...f })),
  };
}
export type GroupMemberView = ReturnType<typeof memberView>;

/** The member fields an AVChatRoom list gives: it stores no profiles. */
export function avMemberView(s: State, m: MemberRecord) {
  const u = s.users.get(m.userID);
  return { userID: m.userID, nick: u?.nick ?? '', avatar: u?.avatar ?? '', joinTime: m.joinTime };
}

/** A group as its member sees it (full profile, with selfInfo). */
export function groupView(s: State, g: GroupRecord, viewer: string | undefined) {
  const self = viewer === undefined ? undefined : g.members.get(viewer);
  return {
    groupID: g.groupID,
    name: g.name,
    avatar: g.avatar,
    type: g.type,
    introduction: g.introduction,
    notification: g.notification,
    ownerID: g.ownerID,
    createTime: g.createTime,
    infoSequence: g.infoSequence,
    lastInfoTime: g.lastInfoTime,
    selfInfo:
      self === undefined
        ? {}
        : {
            messageRemindType: self.messageRemindType ?? (g.type === 'ChatRoom' || g.type === 'AVChatRoom' ? 'AcceptNotNotify' : 'AcceptAndNotify'),
            joinTime: self.joinTime,
            nameCard: self.nameCard,
            role: self.role,
            userID: self.userID,
            memberCustomField: self.memberCustomField.map((f) => ({ ...f })),
          },
    lastMessage: { lastTime: 0, lastSequence: 0, fromAccount: '', messageForShow: '' },
    nextMessageSeq: g.nextMessageSeq,
    memberCount: g.members.size,
    maxMemberCount: capForView(g.maxMemberCount),
    memberNum: g.members.size,
    maxMemberNum: capForView(g.maxMemberCount),
    muteAllMembers: g.muteAllMembers,
    joinOption: g.joinOption,
    inviteOption: g.inviteOption,
    groupCustomField: g.groupCustomField.map((f) => ({ ...f })),
    isSupportTopic: g.isSupportTopic,
  };
}
export type GroupView = ReturnType<typeof groupView>;

/**
 * What a non-member may read of a group that is public (every type but Work): the fields a
 * searcher needs to decide whether to join, not the notice or custom fields meant for members.
 */
export function publicGroupView(s: State, g: GroupRecord): GroupView {
  return { ...groupView(s, g, undefined), notification: '', groupCustomField: [] };
}

/** Infinity does not survive JSON: an uncapped AVChatRoom reports 0, meaning no limit. */
export function capForView(cap: number): number {
  return Number.isFinite(cap) ? cap : 0;
}

export function applicationView(s: State, a: ApplicationRecord) {
  const g = s.groups.get(a.groupID);
  return {
    applicant: a.applicant,
    applicantNick: s.users.get(a.applicant)?.nick ?? '',
    groupName: g?.name ?? '',
    groupID: a.groupID,
    authentication: `auth-${a.key}`,
    messageKey: a.key,
    applicationType: a.applicationType,
    userID: a.userID,
    note: a.note,
  };
}
export type ApplicationView = ReturnType<typeof applicationView>;
