/**
 * A small "team rooms" service, written only against the vendor SDK `@tencentcloud/chat`: rooms are
 * Public groups that need approval; the owner invites, people ask to join, the owner approves,
 * members leave. Nothing here knows about groupspec: its tests alias the vendor module to the fake
 * (vitest.config.mjs) and run it unchanged.
 */
import TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK } from '@tencentcloud/chat';

export interface Room {
  roomID: string;
  name: string;
  owner: string;
}

export interface JoinRequest {
  roomID: string;
  userID: string;
  note: string;
  /** The SDK's application object, handed back to approve or reject it. */
  application: unknown;
}

export class TeamRooms {
  private constructor(private readonly chat: ChatSDK, readonly userID: string) {}

  /** Creates an SDK instance, logs in and resolves once the SDK is ready. */
  static async connect(SDKAppID: number, userID: string, userSig: string): Promise<TeamRooms> {
    const chat = TencentCloudChat.create({ SDKAppID });
    const ready = new Promise<void>((resolve) => {
      const onReady = () => {
        chat.off(TencentCloudChat.EVENT.SDK_READY, onReady);
        resolve();
      };
      chat.on(TencentCloudChat.EVENT.SDK_READY, onReady);
    });
    await chat.login({ userID, userSig });
    await ready;
    return new TeamRooms(chat, userID);
  }

  async createRoom(name: string): Promise<Room> {
    const { data } = await this.chat.createGroup({ name, type: TencentCloudChat.TYPES.GRP_PUBLIC, joinOption: TencentCloudChat.TYPES.JOIN_OPTIONS_NEED_PERMISSION });
    return { roomID: data.group.groupID, name: data.group.name, owner: data.group.ownerID };
  }

  /** Adds people straight in (the owner's power); returns who was added. */
  async invite(roomID: string, userIDs: string[]): Promise<string[]> {
    const { data } = await this.chat.addGroupMember({ groupID: roomID, userIDList: userIDs });
    return data.successUserIDList;
  }

  /** 'joined' or 'pending' (the owner must approve). */
  async askToJoin(roomID: string, note: string): Promise<'joined' | 'pending'> {
    const { data } = await this.chat.joinGroup({ groupID: roomID, applyMessage: note });
    return data.status === TencentCloudChat.TYPES.JOIN_STATUS_WAIT_APPROVAL ? 'pending' : 'joined';
  }

  async pendingRequests(): Promise<JoinRequest[]> {
    const { data } = await this.chat.getGroupApplicationList();
    return data.applicationList.map((a: { groupID: string; applicant: string; note: string }) => ({ roomID: a.groupID, userID: a.applicant, note: a.note, application: a }));
  }

  async approve(request: JoinRequest): Promise<void> {
    await this.chat.handleGroupApplication({ handleAction: 'Agree', application: request.application as never });
  }

  async reject(request: JoinRequest, reason: string): Promise<void> {
    await this.chat.handleGroupApplication({ handleAction: 'Reject', handleMessage: reason, application: request.application as never });
  }

  async leave(roomID: string): Promise<void> {
    await this.chat.quitGroup(roomID);
  }

  async close(roomID: string): Promise<void> {
    await this.chat.dismissGroup(roomID);
  }

  async myRooms(): Promise<string[]> {
    const { data } = await this.chat.getGroupList();
    return data.groupList.map((g: { name: string }) => g.name).sort();
  }

  async members(roomID: string): Promise<string[]> {
    const { data } = await this.chat.getGroupMemberList({ groupID: roomID, count: 100, offset: 0 });
    return data.memberList.map((m: { userID: string }) => m.userID).sort();
  }

  async logout(): Promise<void> {
    await this.chat.logout();
  }
}
