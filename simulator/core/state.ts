/**
 * The simulator's state: plain data, owned by the core. Nothing here reads a clock or a random
 * source; time and identity come in through `Context`.
 */
import type { GroupType, InviteOption, JoinOption, Role } from './constants';
import type { Joined, MemberTable } from './member-table';

export interface Limits {
  /** Member cap by type when createGroup names none. AVChatRoom: unlimited. */
  memberCap: Record<GroupType, number>;
  /** Groups (other than AVChatRooms) one user may own or belong to. */
  userGroupQuota: number;
  /** Net group creations (created minus dismissed) per app per UTC day. */
  dailyNetCreations: number;
  /** Entries one user's pending-application list shows. */
  pendingListSize: number;
  createMemberList: number;
  addMemberList: number;
  adminCreateMemberList: number;
  adminAddMemberList: number;
  adminDeleteMemberList: number;
  nameBytes: number;
  introductionBytes: number;
  notificationBytes: number;
  avatarBytes: number;
  nameCardBytes: number;
  groupIDBytes: number;
  memberListPageMax: number;
  memberListPageDefault: number;
  memberProfileMax: number;
  avRecentMembers: number;
  avMemberPage: number;
  attributeKeys: number;
  attributeKeyBytes: number;
  attributeValueBytes: number;
  attributeTotalBytes: number;
  counterKeys: number;
  counterKeyChars: number;
  memberCustomFields: number;
  memberCustomValueBytes: number;
  groupCustomFields: number;
  groupCustomValueBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  memberCap: { Private: 200, Public: 2000, ChatRoom: 10000, AVChatRoom: Number.POSITIVE_INFINITY, Community: 100000 },
  userGroupQuota: 500,
  dailyNetCreations: 10000,
  pendingListSize: 50,
  createMemberList: 500,
  addMemberList: 500,
  adminCreateMemberList: 100,
  adminAddMemberList: 300,
  adminDeleteMemberList: 100,
  nameBytes: 30,
  introductionBytes: 240,
  notificationBytes: 300,
  avatarBytes: 100,
  nameCardBytes: 50,
  groupIDBytes: 48,
  memberListPageMax: 100,
  memberListPageDefault: 15,
  memberProfileMax: 50,
  avRecentMembers: 1000,
  avMemberPage: 500,
  attributeKeys: 16,
  attributeKeyBytes: 32,
  attributeValueBytes: 4000,
  attributeTotalBytes: 16000,
  counterKeys: 20,
  counterKeyChars: 128,
  memberCustomFields: 5,
  memberCustomValueBytes: 64,
  groupCustomFields: 10,
  groupCustomValueBytes: 512,
};

export interface UserRecord {
  userID: string;
  nick: string;
  avatar: string;
  /**
   * The user's memberships, in join order (AVChatRooms included): '' for none, the member record
   * itself for one group, a Map by group ID from the second on (member-table.ts `Joined`). The
   * member tables find their members here and keep it; read the group IDs through `groupsOf`.
   * On the record rather than in tables of their own: a join reads the record anyway (the tip
   * shows the joiner's nick), and each table of every user or member cost a join a cache miss on
   * the joiner's entry (docs/performance.md, round four). Every member has a record: members are
   * admitted only once their account exists, and an account is deleted only after it has left
   * every group.
   */
  groups: Joined;
}

export interface GroupRecord {
  groupID: string;
  type: GroupType;
  name: string;
  introduction: string;
  notification: string;
  avatar: string;
  /** '' when the group has no owner (a Work group whose owner quit, or made so by the app admin). */
  ownerID: string;
  /** Who created it: decides 10021 against 10025 when the ID is reused. */
  creatorID: string;
  createTime: number;
  infoSequence: number;
  lastInfoTime: number;
  maxMemberCount: number;
  joinOption: JoinOption;
  inviteOption: InviteOption;
  muteAllMembers: boolean;
  isSupportTopic: boolean;
  groupCustomField: Array<{ key: string; value: string }>;
  members: MemberTable;
  /** Mute deadlines (seconds) by user; kept apart from membership because a mute survives leaving. */
  muted: Map<string, number>;
  /** AVChatRoom bans (removal with a duration): user -> seconds until which joining is refused. */
  banned: Map<string, number>;
  attributes: Map<string, string>;
  counters: Map<string, number>;
  nextMessageSeq: number;
}

/** A group's stores that start empty and are written in place (through Tx.own). */
export type KeyedStore = 'muted' | 'banned' | 'counters';

const written = (): never => {
  throw new Error("a group's shared empty store was written: write through Tx.own");
};
/** The empty store every group starts with (noEntries): writing it would write every group's, so it throws. */
class NoEntries extends Map<never, never> {
  override set = written;
  override delete = written;
  override clear = written;
}
const NO_ENTRIES = new NoEntries();

/**
 * The shared empty map a new group holds for its mutes, bans, attributes and counters until it
 * has one: four empty Maps a group were 60 % of a group's heap (~750 of 1,280 bytes), and the
 * features make 10,000 groups in one scenario (docs/performance.md, round five).
 */
export function noEntries<K, V>(): Map<K, V> {
  return NO_ENTRIES as unknown as Map<K, V>;
}

export interface ApplicationRecord {
  /** The application's `messageKey`: unique per app. */
  key: string;
  groupID: string;
  /** 0: a join request; 2: a member's invitation awaiting owner or admin approval. */
  applicationType: 0 | 2;
  /** Who asked: the joiner (type 0) or the inviting member (type 2). */
  applicant: string;
  /** Who would join. */
  userID: string;
  note: string;
  time: number;
  /**
   * Filing order (the serial of its key), kept when the application is refreshed: the list's
   * order among equal times. Not the Map's order, which an undone removal would change.
   */
  seq: number;
}

export interface State {
  limits: Limits;
  seed: number;
  nextSerial: number;
  users: Map<string, UserRecord>;
  groups: Map<string, GroupRecord>;
  /**
   * user -> the AVChatRoom they entered with joinGroup; '' once they left it. Marked, not deleted:
   * V8 keeps a deleted Map entry in its hash chain until the table is rehashed, which a big table
   * rarely is, so a viewer entering and leaving again and again would slow every lookup of their
   * ID (docs/performance.md). Read it through `avRoomOf`.
   */
  avRoom: Map<string, string>;
  /** user -> device -> whether that login allows several AVChatRooms. */
  sessions: Map<string, Map<string, { unlimitedAVChatRoom: boolean }>>;
  /** Pending applications by messageKey. Decided ones are removed: deciding is once only. */
  applications: Map<string, ApplicationRecord>;
  /**
   * The messageKeys of `applications` by group and user (at most one per application type), so a
   * join, an application or a group's removal finds its applications without scanning them all.
   * Kept by the Tx (`putApplication`, `dropApplication`) together with `applications`.
   */
  applicationIndex: Map<string, Map<string, string[]>>;
  creations: { day: number; net: number };
  /** The custom-field keys the app's console has enabled; undefined: any key (docs/ambiguities.md#a65-custom-field-keys-enabled). */
  customFieldKeys: CustomFieldKeys;
}

export interface CustomFieldKeys {
  group?: ReadonlySet<string> | undefined;
  member?: ReadonlySet<string> | undefined;
}

export interface Context {
  /** Milliseconds since the epoch, from the injected clock. */
  now: number;
}

export type Actor =
  | { kind: 'user'; userID: string; device: string }
  | { kind: 'admin'; adminID: string };

export function createState(limits: Limits, seed: number, customFieldKeys: CustomFieldKeys = {}): State {
  return {
    limits,
    seed: seed >>> 0,
    nextSerial: 1,
    users: new Map(),
    groups: new Map(),
    avRoom: new Map(),
    sessions: new Map(),
    applications: new Map(),
    applicationIndex: new Map(),
    creations: { day: -1, net: 0 },
    customFieldKeys,
  };
}

const NO_GROUPS: readonly string[] = [];

/** The groups `userID` belongs to, in join order. */
export function groupsOf(s: State, userID: string): Iterable<string> {
  const joined = s.users.get(userID)?.groups;
  if (joined === undefined || joined === '') return NO_GROUPS;
  return joined instanceof Map ? joined.keys() : [joined.groupID];
}

/** The AVChatRoom `userID` entered with joinGroup and is still in, if any. */
export function avRoomOf(s: State, userID: string): string | undefined {
  const room = s.avRoom.get(userID);
  return room === '' ? undefined : room;
}

/** The pending applications' keys for `userID` in `groupID` (at most one per type). */
export function applicationKeys(s: State, groupID: string, userID: string): readonly string[] {
  return s.applicationIndex.get(groupID)?.get(userID) ?? NO_GROUPS;
}

/** A new account's record: in no group. */
export function newUser(userID: string, nick = '', avatar = ''): UserRecord {
  return { userID, nick, avatar, groups: '' };
}

export type { GroupType, InviteOption, JoinOption, Joined, Role };
