/**
 * The live adapter's user half (adapters/tencent-cloud/sdk.ts) driven by a fake SDK module shaped
 * like @tencentcloud/chat 3.6.6 (create/login/on/setLogLevel, `{code, data}` results, coded
 * rejections, the synchronous `Params validate failed.`), so the translation between the
 * contract and the SDK is tested without a network. The real SDK's offline behaviour is tested
 * in client-side-checks.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ChatError } from '../../simulator/core/errors';
import { IdSpace } from '../../adapters/tencent-cloud/ids';
import { FetchXMLHttpRequest, installBrowserGlobals, loadFreshSdk, SdkSession, type SdkInstance, type SdkModule } from '../../adapters/tencent-cloud/sdk';

const EVENT = { SDK_READY: 'sdkStateReady', MESSAGE_RECEIVED: 'onMessageReceived', GROUP_LIST_UPDATED: 'onGroupListUpdated' };

/** A fake SDK: records calls; `behaviour` decides each method's answer. */
function fakeSdk(behaviour: Record<string, (arg: unknown) => unknown>, opts: { ready?: boolean } = {}) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const handlers = new Map<string, Array<(e: { name: string; data: unknown }) => void>>();
  const emit = (name: string, data: unknown) => (handlers.get(name) ?? []).forEach((h) => h({ name, data }));
  let created: Record<string, unknown> | undefined;
  const instance: SdkInstance = {
    login: async (o: { userID: string; userSig: string }) => {
      calls.push({ method: 'login', args: [o] });
      if (opts.ready !== false) setTimeout(() => emit(EVENT.SDK_READY, {}), 1);
      return { code: 0, data: {} };
    },
    logout: async () => {
      calls.push({ method: 'logout', args: [] });
      return { code: 0, data: {} };
    },
    destroy: async () => {
      calls.push({ method: 'destroy', args: [] });
      return { code: 0, data: {} };
    },
    on: (name, h) => handlers.set(name, [...(handlers.get(name) ?? []), h]),
    setLogLevel: (level: number) => calls.push({ method: 'setLogLevel', args: [level] }),
  };
  for (const [method, fn] of Object.entries(behaviour)) {
    instance[method] = (...args: unknown[]) => {
      calls.push({ method, args });
      return fn(args[0]);
    };
  }
  const sdk: SdkModule = {
    create: (o) => {
      created = o;
      return instance;
    },
    EVENT,
    VERSION: '3.6.6',
  };
  return { sdk, calls, emit, created: () => created };
}

const ids = new IdSpace('gst1_');
async function open(sdk: SdkModule, extra: { loginTimeoutMs?: number; unlimitedAVChatRoom?: boolean } = {}) {
  return SdkSession.open({
    sdk, sdkAppID: 1400000000, userID: 'alice', device: 'web', userSig: 'sig', ids, originals: new Map(),
    loginTimeoutMs: extra.loginTimeoutMs ?? 1000, logLevel: 4, ...(extra.unlimitedAVChatRoom === true ? { unlimitedAVChatRoom: true } : {}),
  });
}

describe('SdkSession over a fake SDK', () => {
  it('logs in as the prefixed user with its UserSig, quietly, and waits for SDK_READY', async () => {
    const f = fakeSdk({});
    const s = await open(f.sdk, { unlimitedAVChatRoom: true });
    expect(f.created()).toEqual({ SDKAppID: 1400000000, unlimitedAVChatRoom: true });
    expect(f.calls.slice(0, 2)).toEqual([
      { method: 'setLogLevel', args: [4] },
      { method: 'login', args: [{ userID: 'gst1_alice', userSig: 'sig' }] },
    ]);
    expect([s.userID, s.device]).toEqual(['alice', 'web']);
  });

  it('a login that never becomes ready fails (uncoded) and destroys the instance', async () => {
    const f = fakeSdk({}, { ready: false });
    await expect(open(f.sdk, { loginTimeoutMs: 20 })).rejects.toThrow(/not ready within 20 ms/);
    expect(f.calls.map((c) => c.method)).toContain('destroy');
  });

  it('a login that fails after its deadline is reported once, as the timeout, never as an unhandled rejection', async () => {
    const f = fakeSdk({}, { ready: false });
    f.sdk.create = () => ({
      ...fakeSdk({}).sdk.create({ SDKAppID: 1 })!,
      login: () => new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error('late'), { code: 2801 })), 30)),
    });
    await expect(open(f.sdk, { loginTimeoutMs: 5 })).rejects.toThrow(/not ready within 5 ms/);
    await new Promise((r) => setTimeout(r, 60));
  });

  it('a login the SDK refuses keeps its code', async () => {
    const f = fakeSdk({});
    f.sdk.create = () => ({
      ...fakeSdk({}).sdk.create({ SDKAppID: 1 })!,
      login: async () => {
        throw Object.assign(new Error('gst1_alice: UserSig expired'), { code: 70001 });
      },
    });
    await expect(open(f.sdk)).rejects.toMatchObject({ code: 70001, message: 'alice: UserSig expired' });
  });

  it('calls go out with prefixed IDs; results come back as plain data without the prefix', async () => {
    class Group {
      groupID = 'gst1_my-group';
      ownerID = 'gst1_alice';
      memberCount = 1;
      describe() {
        return 'a method is not data';
      }
    }
    const f = fakeSdk({ createGroup: async () => ({ code: 0, data: { group: new Group(), overLimitUserIDList: [] } }), quitGroup: async (id) => ({ code: 0, data: { groupID: id } }) });
    const s = await open(f.sdk);
    const r = await s.call('createGroup', { name: 'G', type: 'Public', groupID: 'my-group', memberList: [{ userID: 'bob' }] });
    expect(f.calls.at(-1)).toEqual({ method: 'createGroup', args: [{ name: 'G', type: 'Public', groupID: 'gst1_my-group', memberList: [{ userID: 'gst1_bob' }] }] });
    expect(r).toEqual({ code: 0, data: { group: { groupID: 'my-group', ownerID: 'alice', memberCount: 1 }, overLimitUserIDList: [] } });
    expect(await s.call('quitGroup', 'my-group')).toEqual({ code: 0, data: { groupID: 'my-group' } });
    expect(f.calls.at(-1)?.args).toEqual(['gst1_my-group']);
  });

  it("the SDK's synchronous `Params validate failed.` becomes the simulator's 10004, marked as thrown by the SDK", async () => {
    const f = fakeSdk({
      quitGroup: () => {
        throw new Error('Params validate failed.');
      },
    });
    const s = await open(f.sdk);
    const p = s.call('quitGroup', 123);
    await expect(p).rejects.toBeInstanceOf(ChatError);
    await expect(p).rejects.toMatchObject({ code: 10004, data: { sdkThrewSynchronously: true } });
  });

  it('coded rejections keep their code (prefix removed from message and data); anything else is an uncoded Error', async () => {
    const f = fakeSdk({
      dismissGroup: async () => {
        throw Object.assign(new Error('gst1_alice may not dismiss'), { code: 10007, data: { who: 'gst1_alice' } });
      },
      getGroupList: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'type')");
      },
      getGroupProfile: async () => ({ unexpected: true }),
    });
    const s = await open(f.sdk);
    await expect(s.call('dismissGroup', 'g')).rejects.toMatchObject({ code: 10007, message: 'alice may not dismiss', data: { who: 'alice' } });
    const crash = await s.call('getGroupList').catch((e: unknown) => e);
    expect(crash).toBeInstanceOf(Error);
    expect((crash as { code?: unknown }).code).toBeUndefined();
    await expect(s.call('getGroupProfile', { groupID: 'g' })).rejects.toThrow(/not \{code: 0, data\}/);
  });

  it('a method that is not a group method of the SDK is refused with 10004 without reaching the SDK', async () => {
    const f = fakeSdk({ sendMessage: async () => ({ code: 0, data: {} }) });
    const s = await open(f.sdk);
    await expect(s.call('sendMessage', {})).rejects.toMatchObject({ code: 10004 });
    await expect(s.call('createGroup', { name: 'G' })).rejects.toMatchObject({ code: 10004 });
    expect(f.calls.map((c) => c.method)).not.toContain('sendMessage');
  });

  it('records the group events as plain, unprefixed data, and hands back the SDK objects an application refers to', async () => {
    const application = { applicant: 'gst1_bob', groupID: 'gst1_g', messageKey: 42, applicationType: 0, userID: 'gst1_bob', internal: { marker: 'original' } };
    const f = fakeSdk({
      getGroupApplicationList: async () => ({ code: 0, data: { applicationList: [application] } }),
      handleGroupApplication: async () => ({ code: 0, data: { group: { groupID: 'gst1_g' } } }),
    });
    const s = await open(f.sdk);
    f.emit(EVENT.GROUP_LIST_UPDATED, [{ groupID: 'gst1_g' }]);
    f.emit('someOtherEvent', {});
    expect(await s.events()).toEqual([{ name: EVENT.GROUP_LIST_UPDATED, data: [{ groupID: 'g' }] }]);

    const listed = (await s.call('getGroupApplicationList')).data.applicationList[0];
    expect(listed.applicant).toBe('bob');
    await s.call('handleGroupApplication', { handleAction: 'Agree', application: listed });
    expect((f.calls.at(-1)?.args[0] as { application: unknown }).application).toBe(application);

    // an application the SDK never handed out is sent with its IDs prefixed
    await s.call('handleGroupApplication', { handleAction: 'Reject', application: { groupID: 'g', applicant: 'carol', messageKey: 7, applicationType: 0 } });
    expect((f.calls.at(-1)?.args[0] as { application: unknown }).application).toEqual({ groupID: 'gst1_g', applicant: 'gst1_carol', messageKey: 7, applicationType: 0 });
  });

  it('logout keeps the instance (later calls meet the SDK not-ready refusal); dispose destroys it', async () => {
    const f = fakeSdk({});
    const s = await open(f.sdk);
    await s.logout();
    expect(f.calls.map((c) => c.method)).not.toContain('destroy');
    await s.dispose();
    await s.dispose();
    expect(f.calls.filter((c) => c.method === 'destroy')).toHaveLength(1);
  });
});

describe('browser globals for the SDK in Node', () => {
  const saved = { WebSocket: (globalThis as any).WebSocket, XMLHttpRequest: (globalThis as any).XMLHttpRequest, fetch: globalThis.fetch };
  afterEach(() => {
    (globalThis as any).WebSocket = saved.WebSocket;
    (globalThis as any).XMLHttpRequest = saved.XMLHttpRequest;
    globalThis.fetch = saved.fetch;
  });

  it('installs the WebSocket given and a fetch-based XMLHttpRequest when none exists', () => {
    class WS {}
    delete (globalThis as any).XMLHttpRequest;
    installBrowserGlobals(WS);
    expect((globalThis as any).WebSocket).toBe(WS);
    expect((globalThis as any).XMLHttpRequest).toBe(FetchXMLHttpRequest);
  });

  it('FetchXMLHttpRequest answers the way the SDK reads it: readyState 4, status, responseText, onreadystatechange', async () => {
    globalThis.fetch = (async () => new Response('{"a":1}', { status: 200 })) as typeof fetch;
    const xhr = new FetchXMLHttpRequest();
    const done = new Promise<void>((r) => (xhr.onreadystatechange = () => r()));
    xhr.open('GET', 'https://example.invalid/x');
    xhr.send();
    await done;
    expect([xhr.readyState, xhr.status, xhr.responseText]).toEqual([4, 200, '{"a":1}']);

    globalThis.fetch = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    const failing = new FetchXMLHttpRequest();
    const failed = new Promise<void>((r) => (failing.onerror = () => r()));
    failing.open('GET', 'https://example.invalid/x');
    failing.send();
    await failed;
    expect([failing.readyState, failing.status]).toEqual([4, 0]);
  });

  it('loadFreshSdk gives an independent copy of the real package each time', () => {
    const a = loadFreshSdk();
    const b = loadFreshSdk();
    expect(a).not.toBe(b);
    expect([a.VERSION, typeof a.create, a.EVENT.SDK_READY]).toEqual(['3.6.6', 'function', 'sdkStateReady']);
  });
});
