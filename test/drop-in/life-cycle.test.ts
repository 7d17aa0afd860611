/**
 * groupspec/chat's life cycle: create, login, SDK_READY, isReady, not-ready refusals, logout,
 * kick, on/off with a context, destroy, setLogLevel, registerPlugin; the shared service and its
 * control; UserSig checks; the surface outside the group rules.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import TencentCloudChat from '../../simulator/sdk/drop-in';
import { METHOD_TABLE, VENDOR_METHODS } from '../../simulator/sdk/drop-in/methods';
import { createSimulator, ERRORS, VirtualClock } from '../../simulator';

const SDKAppID = 1400000016;
const { EVENT, TYPES, groupspec } = TencentCloudChat;
const TLSSigAPIv2 = createRequire(__filename)('tls-sig-api-v2') as { Api: new (id: number, key: string) => { genUserSig(u: string, expire: number): string } };

type Instance = ReturnType<typeof TencentCloudChat.create>;

async function rejection(p: unknown): Promise<{ code?: number; message?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: number; message?: string };
  }
  throw new Error('expected a rejection');
}

function nextEvent(chat: Instance, name: string): Promise<{ name: string; data: unknown }> {
  return new Promise((ok) => {
    const h = (e: { name: string; data: unknown }) => {
      chat.off(name, h);
      ok(e);
    };
    chat.on(name, h);
  });
}

async function ready(userID: string): Promise<Instance> {
  const chat = TencentCloudChat.create({ SDKAppID });
  const isReady = nextEvent(chat, EVENT.SDK_READY);
  await chat.login({ userID, userSig: 'any' });
  await isReady;
  return chat;
}

beforeEach(() => groupspec.reset());
afterEach(() => groupspec.reset());

describe('create', () => {
  it('exposes create, EVENT, TYPES, TSignaling and VERSION where the vendor module has them', () => {
    expect(typeof TencentCloudChat.create).toBe('function');
    expect(TencentCloudChat.VERSION).toBe('3.6.6');
    expect(EVENT.SDK_READY).toBe('sdkStateReady');
    expect(TYPES.GRP_WORK).toBe('Private');
  });

  it.each([[undefined], [{}], [{ SDKAppID: '1400000016' }], [{ SDKAppID: 0 }], [{ SDKAppID: 1.5 }]])('refuses %j with 2000 NO_SDKAPPID (the vendor returns null)', (options) => {
    expect(() => TencentCloudChat.create(options as never)).toThrow(expect.objectContaining({ code: 2000 }));
  });

  it('gives a new instance per call (the vendor caches one per SDKAppID)', () => {
    expect(TencentCloudChat.create({ SDKAppID })).not.toBe(TencentCloudChat.create({ SDKAppID }));
  });
});

describe('login and SDK_READY', () => {
  it('resolves {code: 0, data: {repeatLogin: false}}; SDK_READY comes after, asynchronously; then isReady() and getLoginUser()', async () => {
    const chat = TencentCloudChat.create({ SDKAppID });
    const seen: string[] = [];
    chat.on(EVENT.SDK_READY, () => seen.push('ready'));
    const res = await chat.login({ userID: 'alice', userSig: 'sig' });
    expect(res).toEqual({ code: 0, data: { actionStatus: 'OK', errorCode: 0, errorInfo: '', repeatLogin: false } });
    expect(seen).toEqual([]);
    expect(chat.isReady()).toBe(false);
    await vi.waitFor(() => expect(seen).toEqual(['ready']));
    expect(chat.isReady()).toBe(true);
    expect(chat.getLoginUser()).toBe('alice');
  });

  it('logging the same user in again resolves repeatLogin: true; another user is 2025 until logout', async () => {
    const chat = await ready('alice');
    expect((await chat.login({ userID: 'alice', userSig: 'sig' })).data.repeatLogin).toBe(true);
    expect((await rejection(chat.login({ userID: 'bob', userSig: 'sig' }))).code).toBe(2025);
    await chat.logout();
    await chat.login({ userID: 'bob', userSig: 'sig' });
    await vi.waitFor(() => expect(chat.getLoginUser()).toBe('bob'));
  });

  it.each([
    [{ userSig: 's' }, 2002],
    [{ userID: '', userSig: 's' }, 2002],
    [{ userID: 7, userSig: 's' }, 2002],
    [{ userID: 'alice' }, 2003],
    [{ userID: 'alice', userSig: '' }, 2003],
    [undefined, 2002],
  ])('login(%j) is refused with %i and logs nobody in', async (options, code) => {
    const chat = TencentCloudChat.create({ SDKAppID });
    expect((await rejection(chat.login(options as never))).code).toBe(code);
    expect(chat.isReady()).toBe(false);
    expect(groupspec.simulator.events).toEqual([]);
  });

  it('SDK_READY is delivered even when the test installed fake timers after the module loaded', async () => {
    vi.useFakeTimers();
    try {
      const chat = TencentCloudChat.create({ SDKAppID });
      const isReady = nextEvent(chat, EVENT.SDK_READY);
      await chat.login({ userID: 'alice', userSig: 'sig' });
      await isReady;
      expect(chat.isReady()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('not ready', () => {
  it('before login: group calls reject with 2024 naming the method; the allow-listed ones answer as logged out', async () => {
    const chat = TencentCloudChat.create({ SDKAppID });
    const e = await rejection(chat.createGroup({ name: 'x', type: TYPES.GRP_WORK }));
    expect(e.code).toBe(2024);
    expect(e.message).toContain('| createGroup |');
    expect((await rejection(chat.getConversationList())).code).toBe(2024);
    expect((await rejection(chat.createTextMessage({ to: 'bob', conversationType: TYPES.CONV_C2C, payload: { text: 'hi' } }))).code).toBe(2024);
    expect(await chat.getGroupOnlineMemberCount('g1')).toEqual({ code: 0, data: { memberCount: 0 } });
    expect((await rejection(chat.quitGroup('g1'))).code).toBe(2623);
    expect(chat.getLoginUser()).toBe('');
    expect((await rejection(chat.destroy())).code).toBe(2024);
  });

  it('logout emits SDK_NOT_READY; later calls reject with 2024', async () => {
    const chat = await ready('alice');
    const notReady = nextEvent(chat, EVENT.SDK_NOT_READY);
    expect(await chat.logout()).toEqual({ code: 0, data: {} });
    await notReady;
    expect(chat.isReady()).toBe(false);
    expect((await rejection(chat.getGroupList())).code).toBe(2024);
  });

  it('a second login of the same user on the same device kicks the first: KICKED_OUT multipleAccount, then 3003', async () => {
    const first = await ready('alice');
    const kicked = nextEvent(first, EVENT.KICKED_OUT);
    const second = await ready('alice');
    expect((await kicked).data).toEqual({ type: TYPES.KICKED_OUT_MULT_ACCOUNT });
    expect(first.isReady()).toBe(false);
    expect((await rejection(first.getGroupList())).code).toBe(3003);
    expect(second.isReady()).toBe(true);
    await second.createGroup({ name: 'still here', type: TYPES.GRP_WORK });
    // the kicked instance may log in again: until its SDK_READY it answers 2024, no longer 3003
    const back = nextEvent(first, EVENT.SDK_READY);
    await first.login({ userID: 'alice', userSig: 'sig' });
    expect((await rejection(first.getGroupList())).code).toBe(2024);
    await back;
    expect(first.isReady()).toBe(true);
    expect(second.isReady()).toBe(false);
  });

  // the app backend's REST kick and account deletion (issue 17), as 3.6.6's onRestApiKickedOut reports them
  it.each([
    ['kick', () => groupspec.simulator.admin.kick({ userID: 'alice' })],
    ['deleteAccounts', () => groupspec.simulator.admin.deleteAccounts({ userIDList: ['alice'] })],
  ])('the backend\'s %s: KICKED_OUT REST_API_Kick, not ready, later calls 3006; a new login is ready again', async (_name, end) => {
    const chat = await ready('alice');
    const kicked = nextEvent(chat, EVENT.KICKED_OUT);
    await end();
    expect((await kicked).data).toEqual({ type: TYPES.KICKED_OUT_REST_API });
    expect(TYPES.KICKED_OUT_REST_API).toBe('REST_API_Kick');
    expect(chat.isReady()).toBe(false);
    expect((await rejection(chat.getGroupList())).code).toBe(3006);
    const back = nextEvent(chat, EVENT.SDK_READY);
    await chat.login({ userID: 'alice', userSig: 'any' });
    await back;
    expect((await chat.getGroupList()).code).toBe(0);
  });
});

describe('events', () => {
  it('on(name, handler, context) calls the handler with that context; off removes only the pair given', async () => {
    const chat = TencentCloudChat.create({ SDKAppID });
    const a = { who: 'a', seen: 0 };
    const b = { who: 'b', seen: 0 };
    function handler(this: { seen: number }) {
      this.seen++;
    }
    chat.on(EVENT.GROUP_LIST_UPDATED, handler, a);
    chat.on(EVENT.GROUP_LIST_UPDATED, handler, b);
    chat.off(EVENT.GROUP_LIST_UPDATED, handler, a);
    const isReady = nextEvent(chat, EVENT.SDK_READY);
    await chat.login({ userID: 'alice', userSig: 'sig' });
    await isReady;
    await chat.createGroup({ name: 'g', type: TYPES.GRP_WORK });
    expect([a.seen, b.seen]).toEqual([0, 1]);
  });

  it('listeners outlive a logout and serve the next login', async () => {
    const chat = await ready('alice');
    const updates: unknown[] = [];
    chat.on(EVENT.GROUP_LIST_UPDATED, (e: { data: unknown }) => updates.push(e.data));
    await chat.logout();
    await chat.login({ userID: 'alice', userSig: 'sig' });
    await vi.waitFor(() => expect(chat.isReady()).toBe(true));
    await chat.createGroup({ name: 'g', type: TYPES.GRP_WORK });
    expect(updates).toHaveLength(1);
  });

  it.each([[() => undefined, 'on'], ['x', 'on'], [undefined, 'off']])('bad listener arguments are 10004', (bad, method) => {
    const chat = TencentCloudChat.create({ SDKAppID });
    const args = typeof bad === 'function' ? [5, bad] : [EVENT.SDK_READY, bad];
    expect(() => (chat[method as 'on'] as (...a: unknown[]) => void)(...args)).toThrow(expect.objectContaining({ code: 10004 }));
  });
});

describe('destroy, setLogLevel, registerPlugin', () => {
  it('destroy logs out, emits SDK_NOT_READY then SDK_DESTROY, and the instance refuses every later call', async () => {
    const chat = await ready('alice');
    const seen: string[] = [];
    chat.on(EVENT.SDK_NOT_READY, () => seen.push('notReady'));
    chat.on(EVENT.SDK_DESTROY, () => seen.push('destroy'));
    expect(await chat.destroy()).toEqual({ code: 0, data: {} });
    expect(seen).toEqual(['notReady', 'destroy']);
    expect((await rejection(chat.login({ userID: 'alice', userSig: 'sig' }))).code).toBe(2024);
    expect((await rejection(chat.getGroupList())).code).toBe(2024);
  });

  it('setLogLevel takes 0-5 (10004 otherwise); registerPlugin takes a plugin map (10004 otherwise)', () => {
    const chat = TencentCloudChat.create({ SDKAppID });
    chat.setLogLevel(4);
    expect(chat.getLogLevel()).toBe(4);
    expect(() => chat.setLogLevel(9)).toThrow(expect.objectContaining({ code: 10004 }));
    expect(chat.getLogLevel()).toBe(4);
    chat.registerPlugin({ 'tim-upload-plugin': {} });
    expect(chat.registeredPlugins()).toEqual(['tim-upload-plugin']);
    expect(() => chat.registerPlugin(5 as never)).toThrow(expect.objectContaining({ code: 10004 }));
  });
});

describe('the shared service', () => {
  it('every instance meets in one service, which the control reaches: admin, clock, seed, limits', async () => {
    groupspec.reset({ seed: 42, limits: { memberCap: { Private: 3 } } });
    expect(groupspec.seed).toBe(42);
    expect(groupspec.limits.memberCap.Private).toBe(3);
    const alice = await ready('alice');
    const bob = await ready('bob');
    const { data } = await alice.createGroup({ name: 'shared', type: TYPES.GRP_WORK, memberList: [{ userID: 'bob' }] });
    const seen = await bob.getGroupProfile({ groupID: data.group.groupID });
    expect(seen.data.group.name).toBe('shared');
    const info = await groupspec.admin.getGroupInfo(data.group.groupID);
    expect(info.code).toBe(0);
    expect(groupspec.clock.now()).toBe(Date.UTC(2026, 0, 1));
  });

  it('reset() ends every session silently and empties the state', async () => {
    const alice = await ready('alice');
    const { data } = await alice.createGroup({ name: 'gone', type: TYPES.GRP_WORK });
    const notReady = vi.fn();
    alice.on(EVENT.SDK_NOT_READY, notReady);
    groupspec.reset();
    expect(notReady).not.toHaveBeenCalled();
    expect(alice.isReady()).toBe(false);
    expect((await rejection(alice.getGroupList())).code).toBe(2024);
    expect((await rejection(groupspec.admin.getGroupInfo(data.group.groupID))).code).toBe(10010);
  });

  it('use(sim) binds every instance to a createSimulator() of the test', async () => {
    const sim = createSimulator({ seed: 3 });
    groupspec.use(sim);
    const alice = await ready('alice');
    const { data } = await alice.createGroup({ name: 'mine', type: TYPES.GRP_WORK });
    const theirs = await sim.login('carol').searchGroupByID(data.group.groupID).catch((e: { code: number }) => e.code);
    expect(theirs).toBe(10007); // a Work group cannot be searched: it is there, in the test's simulator
    expect((await sim.admin.getGroupInfo(data.group.groupID)).code).toBe(0);
    expect(() => groupspec.use({} as never)).toThrow(expect.objectContaining({ code: 10004 }));
  });
});

describe('UserSig, with the app secret given to the fake', () => {
  const key = 'test-secret-key';
  const sign = (userID: string, expire = 86400, appID = SDKAppID, secret = key) => new TLSSigAPIv2.Api(appID, secret).genUserSig(userID, expire);

  beforeEach(() => groupspec.reset({ secretKey: key, clock: new VirtualClock(Date.now()) }));

  it('accepts a UserSig made with tls-sig-api-v2 for this SDKAppID and userID', async () => {
    const chat = TencentCloudChat.create({ SDKAppID });
    expect((await chat.login({ userID: 'alice', userSig: sign('alice') })).code).toBe(0);
  });

  it.each([
    ['signed with another key', 70009, () => sign('alice', 86400, SDKAppID, 'other-key')],
    ['made for another user', 70013, () => sign('bob')],
    ['made for another SDKAppID', 70014, () => sign('alice', 86400, 1400000099)],
    ['not a UserSig', 70003, () => 'forged'],
  ])('refuses one %s with %i', async (_what, code, make) => {
    const chat = TencentCloudChat.create({ SDKAppID });
    expect((await rejection(chat.login({ userID: 'alice', userSig: make() }))).code).toBe(code);
    expect(chat.isReady()).toBe(false);
  });

  it('refuses an expired one with 70001, by the simulator clock', async () => {
    const sig = sign('alice', 60);
    (groupspec.clock as VirtualClock).advance(120_000);
    const chat = TencentCloudChat.create({ SDKAppID });
    expect((await rejection(chat.login({ userID: 'alice', userSig: sig }))).code).toBe(70001);
  });

  it('every code it uses is in the error registry', () => {
    for (const code of [70001, 70003, 70009, 70013, 70014, 2000, 2002, 2003, 2025, 99001]) expect(ERRORS.has(code), String(code)).toBe(true);
  });
});

describe('outside the group rules', () => {
  it('every vendor ChatSDK member is a function, and none fails with anything but a registered code', async () => {
    const chat = await ready('alice');
    for (const name of VENDOR_METHODS) {
      const fn = (chat as unknown as Record<string, unknown>)[name];
      expect(typeof fn, name).toBe('function');
      if (name === 'destroy' || name === 'logout' || name === 'login') continue;
      let outcome: unknown;
      try {
        outcome = await (fn as () => unknown).call(chat);
      } catch (e) {
        outcome = e;
      }
      if (outcome instanceof Error) expect(ERRORS.has((outcome as { code?: number }).code ?? -1), `${name}: ${outcome.message}`).toBe(true);
    }
  });

  it('a method that is not simulated rejects with 99001, naming the method', async () => {
    const chat = await ready('alice');
    const e = await rejection(chat.sendMessage({} as never));
    expect(e.code).toBe(99001);
    expect(e.message).toContain('sendMessage');
    expect(METHOD_TABLE.sendMessage.status).toBe('not-simulated');
    expect((await rejection(chat.callExperimentalAPI('getSomething', {}))).code).toBe(99001);
    // found by the bad-input property: an object without a prototype cannot be turned into a string
    expect((await rejection(chat.callExperimentalAPI(Object.create(null), {}))).code).toBe(99001);
    expect(await chat.callExperimentalAPI('isCommercialAbilityEnabled', 1)).toEqual({ code: 0, data: { enabled: false } });
  });

  it('profiles: getMyProfile, updateMyProfile (nick, avatar; PROFILE_UPDATED), getUserProfile from another instance', async () => {
    const alice = await ready('alice');
    const bob = await ready('bob');
    expect((await alice.getMyProfile()).data).toMatchObject({ userID: 'alice', nick: '' });
    const updated = nextEvent(alice, EVENT.PROFILE_UPDATED);
    await alice.updateMyProfile({ nick: 'Alice' });
    expect((await updated).data).toEqual([expect.objectContaining({ userID: 'alice', nick: 'Alice' })]);
    expect((await bob.getUserProfile({ userIDList: ['alice', 'nobody'] })).data).toEqual([expect.objectContaining({ userID: 'alice', nick: 'Alice' })]);
    const e = await rejection(alice.updateMyProfile({ gender: TYPES.GENDER_FEMALE }));
    expect([e.code, e.message?.includes('gender')]).toEqual([99001, true]);
    expect((await rejection(alice.updateMyProfile({ nick: 5 as never }))).code).toBe(10004);
    expect((await alice.getMyProfile()).data.nick).toBe('Alice');
  });

  it('the conversation list has a GROUP conversation per joined group, its last message the latest tip', async () => {
    const alice = await ready('alice');
    const bob = await ready('bob');
    const { data } = await alice.createGroup({ name: 'room', type: TYPES.GRP_PUBLIC, joinOption: TYPES.JOIN_OPTIONS_FREE_ACCESS });
    const groupID = data.group.groupID as string;
    const listUpdated = nextEvent(alice, EVENT.CONVERSATION_LIST_UPDATED);
    await bob.joinGroup({ groupID });
    const list = (await alice.getConversationList()).data;
    expect(list.isSyncCompleted).toBe(true);
    expect(list.conversationList.map((c: { conversationID: string; type: string }) => [c.conversationID, c.type])).toEqual([[`GROUP${groupID}`, TYPES.CONV_GROUP]]);
    expect(list.conversationList[0].lastMessage).toMatchObject({ type: TYPES.MSG_GRP_TIP, payload: { operationType: TYPES.GRP_TIP_MBR_JOIN } });
    expect(((await listUpdated).data as unknown[]).length).toBe(1);
    expect((await bob.getConversationList()).data.conversationList).toHaveLength(1);
    expect(alice.getTotalUnreadMessageCount()).toBe(0);
  });

  it('friends, friend applications, friend groups and the blacklist are empty', async () => {
    const chat = await ready('alice');
    expect((await chat.getFriendList()).data).toEqual([]);
    expect((await chat.getFriendApplicationList()).data).toEqual({ friendApplicationList: [], unreadCount: 0 });
    expect((await chat.getBlacklist()).data).toEqual([]);
  });
});
