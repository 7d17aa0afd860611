/**
 * What `TencentCloudChat.create()` returns: one app instance with the vendor `ChatSDK`'s whole
 * surface, over the shared service (control.ts). It keeps its own listeners (they outlive logins,
 * as the SDK's do) and, while logged in, a simulator `Chat` whose events it forwards; every group
 * method runs through that `Chat`, so the semantics are the simulator's by construction.
 */
import { ChatError, ERR } from '../../core/errors';
import { Chat, METHODS, type ChatResponse } from '../chat';
import { EVENT } from './constants';
import { control, type Member } from './control';
import { METHOD_TABLE, NOT_SIMULATED, type MethodsWith } from './methods';
import { checkUserSig } from './usersig';
import { Extras } from './extras';

type Listener = { handler: Function; context: unknown };

/** The SDK's ready-check allow-list (reference: the SDK's middleware), as far as the fake has them. */
const ALLOWED_NOT_READY = new Set(['login', 'logout', 'getLoginUser', 'destroy', 'on', 'off', 'setLogLevel', 'joinGroup', 'quitGroup', 'registerPlugin', 'getGroupOnlineMemberCount', 'isReady', 'callExperimentalAPI']);
const FORWARDED: readonly string[] = Object.values(EVENT).filter((e) => e !== EVENT.SDK_READY);

/**
 * setTimeout as it was when this module loaded: SDK_READY comes in a later macrotask, as the
 * SDK's does, even in a test that installed fake timers afterwards (vi.useFakeTimers).
 */
const later = globalThis.setTimeout.bind(globalThis);

function notSimulated(name: string): ChatError {
  return new ChatError(ERR.NOT_SIMULATED, `${name} is not simulated by groupspec/chat (see docs/drop-in.md)`, { method: name });
}

/** The vendor's create options (and the untyped ones its runtime reads); only SDKAppID matters here. */
export interface CreateOptions {
  SDKAppID: number;
  proxyServer?: unknown;
  fileUploadProxy?: unknown;
  fileDownloadProxy?: unknown;
  scene?: unknown;
  modules?: unknown;
  /** The vendor's: this instance may join any number of AVChatRooms at once. */
  unlimitedAVChatRoom?: unknown;
  /**
   * groupspec's, not the vendor's: the device this instance logs in from (default 'web'). Two
   * instances of one user on one device kick each other, on two devices they coexist.
   */
  device?: string;
}

export class DropInChat implements Member {
  private readonly listeners = new Map<string, Listener[]>();
  private session: Chat | undefined;
  /** Answers the allow-listed group calls before the first login, as a logged-out SDK does. */
  private ghost: Chat | undefined;
  private ready = false;
  private destroyed = false;
  private notReady = { code: ERR.USER_NOT_LOGGED_IN as number, why: 'The user has not logged in' };
  private logLevel = 0;
  private readonly plugins = new Set<string>();
  private readonly extras = new Extras(
    () => this.session,
    (name, data) => this.dispatch(name, data),
  );

  constructor(readonly options: Readonly<CreateOptions>) {}

  // ---- life cycle ----

  login(options: { userID: string; userSig: string }): Promise<ChatResponse<LoginData>> {
    if (this.destroyed) return Promise.reject(this.destroyedError('login'));
    const o = (typeof options === 'object' && options !== null ? options : {}) as { userID?: unknown; userSig?: unknown };
    if (typeof o.userID !== 'string' || o.userID === '') return Promise.reject(new ChatError(ERR.NO_IDENTIFIER, 'No userID: login needs a non-empty string userID', { field: 'userID' }));
    if (typeof o.userSig !== 'string' || o.userSig === '') return Promise.reject(new ChatError(ERR.NO_USERSIG, 'No userSig: login needs a non-empty string userSig', { field: 'userSig' }));
    const { userID, userSig } = o as { userID: string; userSig: string };
    if (this.session?.isReady() === true) {
      if (this.session.userID !== userID) return Promise.reject(new ChatError(ERR.REPEAT_LOGIN, `Repeated login: ${this.session.userID} is logged in on this instance; log out first`));
      return Promise.resolve(loginResponse(true));
    }
    const sim = control.simulator;
    const key = control.secretKey;
    if (key !== undefined) {
      const bad = checkUserSig({ sdkAppID: this.options.SDKAppID, userID, userSig, secretKey: key, nowSeconds: Math.floor(sim.clock.now() / 1000) });
      if (bad !== undefined) return Promise.reject(new ChatError(bad.code, bad.why));
    }
    let chat: Chat;
    try {
      chat = sim.login(userID, { device: this.options.device ?? 'web', unlimitedAVChatRoom: this.options.unlimitedAVChatRoom === true });
    } catch (e) {
      return Promise.reject(e);
    }
    control.join(this);
    this.session = chat;
    // until SDK_READY, calls are refused as before any login (not with an earlier kick's code)
    this.notReady = { code: ERR.USER_NOT_LOGGED_IN, why: 'The user has not logged in' };
    for (const name of FORWARDED) chat.on(name, (e: { data: unknown }) => this.forward(chat, name, e.data));
    later(() => {
      if (this.session !== chat || !chat.isReady()) return;
      this.ready = true;
      this.dispatch(EVENT.SDK_READY, {});
    }, 0);
    return Promise.resolve(loginResponse(false));
  }

  /** Typed as the vendor's (`Promise<void>`); resolves `{code: 0, data: {}}` at run time, as the SDK does. */
  logout(): Promise<void> {
    const chat = this.session;
    // observed on the real SDK: logout() with nobody logged in rejects with the not-ready reason
    if (chat?.isReady() !== true) return Promise.reject(new ChatError(this.notReady.code, `${this.notReady.why} | logout | SDK is not ready`));
    this.ready = false;
    this.notReady = { code: ERR.USER_NOT_LOGGED_IN, why: 'The user has not logged in' };
    // the session's own logout emits SDK_NOT_READY, which forward() hands on
    return chat.logout().then(() => ({ code: 0, data: {} }) as unknown as void);
  }

  destroy(): Promise<void> {
    if (this.destroyed) return Promise.resolve({ code: 0, data: {} } as unknown as void);
    // observed on the real SDK: destroy() before login rejects with 2024
    if (this.session?.isReady() !== true) return Promise.reject(new ChatError(this.notReady.code, `${this.notReady.why} | destroy | SDK is not ready`));
    return this.logout().then(() => {
      this.dispatch(EVENT.SDK_DESTROY, {});
      this.destroyed = true;
      this.listeners.clear();
      control.leave(this);
      return { code: 0, data: {} } as unknown as void;
    });
  }

  isReady(): boolean {
    return this.ready && this.session?.isReady() === true;
  }

  getLoginUser(): string {
    return this.isReady() ? this.session!.userID : '';
  }

  getServerTime(): number {
    return Math.floor(control.clock.now() / 1000);
  }

  setLogLevel(level: number): void {
    if (!Number.isInteger(level) || level < 0 || level > 5) throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (level: an integer from 0 to 5)', { field: 'level' });
    this.logLevel = level;
  }

  /** The log level last set (the fake prints nothing at any level). */
  getLogLevel(): number {
    return this.logLevel;
  }

  registerPlugin(options: Object): void {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (registerPlugin: expects an object of plugins by name)', { field: 'options' });
    }
    for (const name of Object.keys(options)) this.plugins.add(name);
  }

  /** Plugins registered so far, by name (none of them runs). */
  registeredPlugins(): string[] {
    return [...this.plugins];
  }

  callExperimentalAPI(api: string, _param?: unknown): Promise<ChatResponse<{ enabled: boolean }>> {
    // TUIChatEngine asks this for every paid feature right after login; none is simulated
    if (api === 'isCommercialAbilityEnabled') return Promise.resolve({ code: 0, data: { enabled: false } });
    return Promise.reject(notSimulated(`callExperimentalAPI('${typeof api === 'string' ? api : typeof api}')`));
  }

  /** @internal the control replaced the service: the session is gone, silently. */
  serviceReset(): void {
    this.session = undefined;
    this.extras.forget();
    this.ghost = undefined;
    this.ready = false;
    this.notReady = { code: ERR.USER_NOT_LOGGED_IN, why: 'The user has not logged in' };
  }

  // ---- events ----

  on(eventName: string, handler: Function, context?: unknown): void {
    checkListener('on', eventName, handler);
    const list = this.listeners.get(eventName) ?? [];
    list.push({ handler, context });
    this.listeners.set(eventName, list);
  }

  off(eventName: string, handler: Function, context?: unknown): void {
    checkListener('off', eventName, handler);
    const list = this.listeners.get(eventName);
    if (list === undefined) return;
    const i = list.findIndex((l) => l.handler === handler && (context === undefined || l.context === context));
    if (i >= 0) list.splice(i, 1);
  }

  private forward(chat: Chat, name: string, data: unknown): void {
    if (this.session !== chat) return;
    if (name === EVENT.KICKED_OUT) {
      this.ready = false;
      this.notReady = { code: ERR.KICKED_OUT_MULT_ACCOUNT, why: 'Kicked out: the account logged in on this device again' };
    }
    if (name === EVENT.MESSAGE_RECEIVED) this.extras.noteMessages(data);
    this.dispatch(name, data);
    // the conversation list follows the group list and each group's latest message, as the SDK's does
    if ((name === EVENT.GROUP_LIST_UPDATED || name === EVENT.MESSAGE_RECEIVED) && this.isReady()) {
      this.extras.call('getConversationList', undefined).then(
        (r: { data: { conversationList: unknown[] } }) => {
          if (this.session === chat && this.isReady()) this.dispatch(EVENT.CONVERSATION_LIST_UPDATED, r.data.conversationList);
        },
        () => undefined,
      );
    }
  }

  private dispatch(name: string, data: unknown): void {
    const list = this.listeners.get(name);
    if (list === undefined) return;
    for (const l of [...list]) {
      try {
        l.handler.call(l.context, { name, data });
      } catch {
        // one app handler that throws must not stop the others, as in the SDK
      }
    }
  }

  // ---- calls ----

  /** @internal a group method, through the session's Chat (or the SDK's logged-out answers). */
  run(name: string, arg: unknown): Promise<ChatResponse> {
    if (this.destroyed) return Promise.reject(this.destroyedError(name));
    if (this.isReady()) return this.session!.invoke(name, arg);
    if (!ALLOWED_NOT_READY.has(name)) return Promise.reject(new ChatError(this.notReady.code, `${this.notReady.why} | ${name} | SDK is not ready`));
    const answering = this.session ?? (this.ghost ??= new Chat(control.simulator, '', 'web', false));
    return answering.invoke(name, arg);
  }

  /** @internal a method outside the group rules that the fake backs (extras.ts). */
  runExtra(name: string, arg: unknown): Promise<any> {
    if (this.destroyed) return Promise.reject(this.destroyedError(name));
    if (!this.isReady()) return Promise.reject(new ChatError(this.notReady.code, `${this.notReady.why} | ${name} | SDK is not ready`));
    return this.extras.call(name, arg);
  }

  /** @internal */
  refuse(name: string): Promise<never> {
    if (this.destroyed) return Promise.reject(this.destroyedError(name));
    if (!this.isReady() && !ALLOWED_NOT_READY.has(name)) return Promise.reject(new ChatError(this.notReady.code, `${this.notReady.why} | ${name} | SDK is not ready`));
    return Promise.reject(notSimulated(name));
  }

  private destroyedError(name: string): ChatError {
    return new ChatError(ERR.USER_NOT_LOGGED_IN, `The instance was destroyed | ${name} | SDK is not ready`);
  }
}

interface LoginData {
  actionStatus: 'OK';
  errorCode: 0;
  errorInfo: string;
  repeatLogin: boolean;
}

function loginResponse(repeatLogin: boolean): ChatResponse<LoginData> {
  return { code: 0, data: { actionStatus: 'OK', errorCode: 0, errorInfo: '', repeatLogin } };
}

function checkListener(method: string, eventName: unknown, handler: unknown): void {
  if (typeof eventName !== 'string' || eventName === '') throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (${method}: eventName must be a non-empty string)`, { field: 'eventName' });
  if (typeof handler !== 'function') throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (${method}: handler must be a function)`, { field: 'handler' });
}

// ---- the rest of the surface, from the method table ----

/**
 * Typed as the simulator's Chat: the SDK's options, and `data` per method (simulator/core/responses.ts).
 * The vendor's setMessageRemindType also serves one-to-one chats (`userIDList`, no `groupID`), so
 * its options stay as wide as the vendor's here; a call without a groupID is refused at run time.
 */
type GroupMethods = {
  [K in MethodsWith<'group'>]: K extends 'setMessageRemindType' ? (options: Partial<Parameters<Chat[K]>[0]>) => ReturnType<Chat[K]> : Chat[K];
};
type RealOrEmpty = { [K in MethodsWith<'real' | 'empty'>]: K extends 'getTotalUnreadMessageCount' ? () => number : (options?: any) => Promise<any> };
/** Typed `any` so every vendor signature (sync ones included) accepts them; at run time each rejects. */
type NotSimulatedMethods = { [K in MethodsWith<'not-simulated'>]: (...args: any[]) => any };

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface DropInChat extends GroupMethods, RealOrEmpty, NotSimulatedMethods {}

const proto = DropInChat.prototype as unknown as Record<string, unknown>;
for (const name of METHODS) {
  if (METHOD_TABLE[name as keyof typeof METHOD_TABLE]?.status !== 'group') throw new Error(`groupspec/chat: ${name} is a simulator method the vendor table does not list as a group method`);
  proto[name] = function (this: DropInChat, arg?: unknown) {
    return this.run(name, arg);
  };
}
for (const name of Extras.METHODS) {
  proto[name] =
    name === 'getTotalUnreadMessageCount'
      ? function (this: DropInChat) {
          // synchronous in the SDK, which still answers a rejected promise when not ready
          return this.isReady() ? 0 : this.refuse(name);
        }
      : function (this: DropInChat, arg?: unknown) {
          return this.runExtra(name, arg);
        };
}
for (const name of NOT_SIMULATED) {
  proto[name] = function (this: DropInChat) {
    return this.refuse(name);
  };
}
