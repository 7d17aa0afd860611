/**
 * The methods outside the group rules that an app's start-up needs (TUIChatEngine calls them right
 * after SDK_READY), each the honest minimum the simulator backs: profiles over its accounts, a
 * conversation per joined group, and the lists nothing the fake simulates can fill, empty.
 */
import { ChatError, ERR } from '../../core/errors';
import type { Chat } from '../chat';
import { control } from './control';

const PROFILE_FIELDS: ReadonlySet<string> = new Set(['nick', 'avatar']);

/** A `Profile` as the SDK shapes it: the account's fields, the rest at their empty defaults. */
function profile(userID: string): Record<string, unknown> {
  const u = control.simulator.state.users.get(userID);
  return {
    userID,
    nick: u?.nick ?? '',
    avatar: u?.avatar ?? '',
    gender: '',
    selfSignature: '',
    allowType: '',
    birthday: 0,
    location: '',
    language: 0,
    messageSettings: 0,
    adminForbidType: '',
    level: 0,
    role: 0,
    lastUpdatedTime: 0,
    profileCustomField: [],
  };
}

const NO_MESSAGE = { lastTime: 0, lastSequence: 0, fromAccount: '', type: '', payload: {}, messageForShow: '', isRevoked: false, cloudCustomData: '', nick: '', nameCard: '' };

export class Extras {
  /** The methods this class answers: the method table's `real` and `empty` rows. */
  static readonly METHODS = [
    'getMyProfile', 'getUserProfile', 'updateMyProfile', 'getConversationList', 'getTotalUnreadMessageCount',
    'getFriendList', 'getFriendApplicationList', 'getFriendGroupList', 'getBlacklist', 'getConversationGroupList',
  ] as const;

  /** groupID -> the latest group message (a tip) this instance received. */
  private readonly lastMessages = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly session: () => Chat | undefined,
    private readonly emit: (name: string, data: unknown) => void,
  ) {}

  noteMessages(data: unknown): void {
    if (!Array.isArray(data)) return;
    for (const m of data as Array<Record<string, unknown>>) {
      if (m.conversationType === 'GROUP' && typeof m.to === 'string') this.lastMessages.set(m.to, m);
    }
  }

  forget(): void {
    this.lastMessages.clear();
  }

  call(name: string, arg: unknown): Promise<any> {
    const me = this.session()!;
    switch (name) {
      case 'getMyProfile':
        return ok(profile(me.userID));
      case 'getUserProfile': {
        const list = (arg as { userIDList?: unknown } | undefined)?.userIDList;
        if (!Array.isArray(list) || list.some((u) => typeof u !== 'string')) return bad('userIDList', 'must be an array of userIDs');
        const users = control.simulator.state.users;
        return ok((list as string[]).filter((u) => users.has(u)).map(profile));
      }
      case 'updateMyProfile':
        return this.updateMyProfile(me, arg);
      case 'getConversationList':
        return this.conversations(me, arg);
      case 'getFriendList':
      case 'getFriendGroupList':
      case 'getBlacklist':
      case 'getConversationGroupList':
        return ok([]);
      case 'getFriendApplicationList':
        return ok({ friendApplicationList: [], unreadCount: 0 });
      default:
        return Promise.reject(new ChatError(ERR.NOT_SIMULATED, `${name} is not simulated by groupspec/chat (see docs/drop-in.md)`, { method: name }));
    }
  }

  private async updateMyProfile(me: Chat, arg: unknown): Promise<any> {
    if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return bad('options', 'must be an object');
    const keys = Object.keys(arg);
    if (keys.length === 0) return bad('options', 'names no field to update');
    const other = keys.find((k) => !PROFILE_FIELDS.has(k));
    if (other !== undefined) return Promise.reject(new ChatError(ERR.NOT_SIMULATED, `updateMyProfile: the field ${other} is not simulated by groupspec/chat (nick and avatar are)`, { field: other }));
    const { nick, avatar } = arg as { nick?: unknown; avatar?: unknown };
    const current = profile(me.userID);
    // the account's store is the simulator's: account_import validates and writes it (10004 on bad input)
    await control.simulator.admin.importAccount({ userID: me.userID, nick: (nick ?? current.nick) as string, avatar: (avatar ?? current.avatar) as string });
    const updated = profile(me.userID);
    this.emit('onProfileUpdated', [updated]);
    return { code: 0, data: updated };
  }

  private async conversations(me: Chat, arg: unknown): Promise<any> {
    const wanted = Array.isArray(arg) ? new Set(arg) : undefined;
    if (arg !== undefined && wanted === undefined && (typeof arg !== 'object' || arg === null)) return bad('options', 'must be an array of conversationIDs or an options object');
    const { data } = (await me.getGroupList()) as { data: { groupList: Array<Record<string, any>> } };
    const conversationList = data.groupList
      .filter((g) => g.type !== 'AVChatRoom')
      .map((g) => {
        const m = this.lastMessages.get(g.groupID);
        const lastMessage = m === undefined ? { ...NO_MESSAGE } : { ...NO_MESSAGE, lastTime: m.time, lastSequence: m.sequence, fromAccount: m.from, type: m.type, payload: m.payload };
        return {
          conversationID: `GROUP${g.groupID}`, type: 'GROUP', subType: g.type, unreadCount: 0, lastMessage, groupProfile: g, userProfile: {},
          groupAtInfoList: [], remark: '', isPinned: false, messageRemindType: '', markList: [], customData: '', conversationGroupList: [], draftText: '',
        };
      })
      .filter((c) => wanted === undefined || wanted.has(c.conversationID));
    return { code: 0, data: { conversationList, isSyncCompleted: true } };
  }
}

function ok(data: unknown): Promise<{ code: 0; data: unknown }> {
  return Promise.resolve({ code: 0, data });
}

function bad(field: string, why: string): Promise<never> {
  return Promise.reject(new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (${field}: ${why})`, { field }));
}
