/**
 * The strongest proof that groupspec/chat is a drop-in: Tencent's own TUIChatEngine
 * (@tencentcloud/chat-uikit-engine 2.5.8, the engine under the chat UIKits), which nobody on this
 * project wrote, driven through its own API with chats from groupspec/chat. Only what the engine
 * returns and what its TUIStore holds is asserted, never the simulator's insides.
 *
 * The engine is a singleton (one user per page), so each user gets a copy of the module of its
 * own: importing it under a distinct query string gives Node a separate module instance. The
 * engine still imports the real @tencentcloud/chat, for its constants only. No browser global is
 * provided: the engine's storage helper looks for `navigator`, logs the ReferenceError and carries
 * on, so the test silences the console while the engine runs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import TencentCloudChat from '../../simulator/sdk/drop-in';

const SDKAppID = 1400000016;
const ENGINE = require.resolve('@tencentcloud/chat-uikit-engine');

type Engine = typeof import('@tencentcloud/chat-uikit-engine');
interface User {
  id: string;
  engine: Engine;
  chat: ReturnType<typeof TencentCloudChat.create>;
}

async function loginEngine(id: string): Promise<User & { response: unknown }> {
  const engine = (await import(`${ENGINE}?user=${id}`)) as Engine;
  const chat = TencentCloudChat.create({ SDKAppID });
  const response = await engine.TUIChatEngine.login({ SDKAppID, userID: id, userSig: `sig-${id}`, chat: chat as never });
  return { id, engine, chat, response };
}

function groupIDs(u: User): string[] {
  const list = u.engine.TUIStore.getData(u.engine.StoreName.GRP, 'groupList') as Array<{ groupID: string }>;
  return list.map((g) => g.groupID);
}

function conversationIDs(u: User): string[] {
  const list = u.engine.TUIStore.getData(u.engine.StoreName.CONV, 'conversationList') as Array<{ conversationID: string }>;
  return list.map((c) => c.conversationID);
}

async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: number }).code;
  }
}

/** Events reach the engines' stores through their listeners: let them run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

let alice: User;
let bob: User;
let TYPES: Engine['TUIChatEngine']['TYPES'];

beforeAll(async () => {
  for (const k of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, k).mockImplementation(() => undefined);
  TencentCloudChat.groupspec.reset({ seed: 16 });
  alice = await loginEngine('alice');
  bob = await loginEngine('bob');
  TYPES = alice.engine.TUIChatEngine.TYPES;
});

afterAll(() => {
  vi.restoreAllMocks();
  TencentCloudChat.groupspec.reset();
});

describe('TUIChatEngine over groupspec/chat', () => {
  it('logs two users in: login resolves after SDK_READY, the engines are ready, the stores start empty', async () => {
    expect(alice.engine.TUIStore).not.toBe(bob.engine.TUIStore);
    expect(alice.engine.TUIChatEngine.isReady()).toBe(true);
    expect(bob.engine.TUIChatEngine.isReady()).toBe(true);
    expect(alice.engine.TUIChatEngine.getMyUserID()).toBe('alice');
    expect(groupIDs(alice)).toEqual([]);
    expect(groupIDs(bob)).toEqual([]);
    const me = await alice.engine.TUIUserService.getUserProfile();
    expect(me).toMatchObject({ code: 0, data: { userID: 'alice' } });
  });

  let publicID = '';
  it('creates a Public group; the other user applies, the owner agrees, both stores list it', async () => {
    const created = await alice.engine.TUIGroupService.createGroup({ name: 'Rooftop', type: TYPES.GRP_PUBLIC, joinOption: TYPES.JOIN_OPTIONS_NEED_PERMISSION } as never);
    publicID = (created as { data: { group: { groupID: string } } }).data.group.groupID;
    await settle();
    expect(groupIDs(alice)).toEqual([publicID]);
    expect(conversationIDs(alice)).toEqual([`GROUP${publicID}`]);

    const applied = await bob.engine.TUIGroupService.joinGroup({ groupID: publicID, applyMessage: 'let me in' } as never);
    expect((applied as { data: { status: string } }).data.status).toBe(TYPES.JOIN_STATUS_WAIT_APPROVAL);
    await settle();
    expect(groupIDs(bob)).toEqual([]);

    const apps = (await alice.engine.TUIGroupService.getGroupApplicationList()) as { data: { applicationList: Array<{ applicant: string; groupID: string }> } };
    expect(apps.data.applicationList.map((a) => [a.applicant, a.groupID])).toEqual([['bob', publicID]]);
    await alice.engine.TUIGroupService.handleGroupApplication({ handleAction: 'Agree', application: apps.data.applicationList[0] } as never);
    await settle();

    expect(groupIDs(alice)).toEqual([publicID]);
    expect(groupIDs(bob)).toEqual([publicID]);
    expect(conversationIDs(bob)).toEqual([`GROUP${publicID}`]);
    const members = (await alice.engine.TUIGroupService.getGroupMemberList({ groupID: publicID, count: 10, offset: 0 } as never)) as { data: { memberList: Array<{ userID: string; role: string }> } };
    expect(members.data.memberList.map((m) => [m.userID, m.role]).sort()).toEqual([['alice', TYPES.GRP_MBR_ROLE_OWNER], ['bob', TYPES.GRP_MBR_ROLE_MEMBER]]);
  });

  let workID = '';
  it('refuses a join request to a Work group with 10007, and a transfer by a non-owner with 10007', async () => {
    const created = await alice.engine.TUIGroupService.createGroup({ name: 'Desk', type: TYPES.GRP_WORK } as never);
    workID = (created as { data: { group: { groupID: string } } }).data.group.groupID;
    expect(await codeOf(bob.engine.TUIGroupService.joinGroup({ groupID: workID } as never))).toBe(10007);
    expect(await codeOf(bob.engine.TUIGroupService.changeGroupOwner({ groupID: publicID, newOwnerID: 'alice' } as never))).toBe(10007);
    await settle();
    expect(groupIDs(bob)).toEqual([publicID]);
    expect(groupIDs(alice).sort()).toEqual([publicID, workID].sort());
  });

  it('refuses to dismiss a Work group (10007); the group stays in the owner’s store', async () => {
    expect(await codeOf(alice.engine.TUIGroupService.dismissGroup(workID))).toBe(10007);
    await settle();
    expect(groupIDs(alice)).toContain(workID);
  });

  it('quit and dismiss update the stores', async () => {
    await bob.engine.TUIGroupService.quitGroup(publicID);
    await settle();
    expect(groupIDs(bob)).toEqual([]);
    expect(groupIDs(alice)).toContain(publicID);

    await alice.engine.TUIGroupService.dismissGroup(publicID);
    await settle();
    expect(groupIDs(alice)).toEqual([workID]);
    expect(await codeOf(alice.engine.TUIGroupService.getGroupProfile({ groupID: publicID } as never))).toBe(10010);
  });

  it('logout through the engine ends the session: neither the engine nor its chat is ready, the chat refuses with 2024', async () => {
    const notReady = vi.fn();
    bob.chat.on(TencentCloudChat.EVENT.SDK_NOT_READY, notReady);
    await bob.engine.TUIChatEngine.logout();
    expect(notReady).toHaveBeenCalledTimes(1);
    expect(bob.engine.TUIChatEngine.isReady()).toBe(false);
    expect(bob.chat.isReady()).toBe(false);
    expect(await codeOf(bob.chat.getGroupProfile({ groupID: workID }))).toBe(2024);
    // alice, on her own engine, is untouched
    expect(alice.engine.TUIChatEngine.isReady()).toBe(true);
    expect(groupIDs(alice)).toEqual([workID]);
  });
});
