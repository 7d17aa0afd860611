/**
 * Users on the live service: one real `@tencentcloud/chat` instance per user and device, in this
 * Node process.
 *
 * The Web SDK is written for browsers. In Node it needs a global `WebSocket` (Node 22+, Node 20
 * with `--experimental-websocket`, or a browser-compatible class injected by the caller) and
 * `XMLHttpRequest`, which Node lacks: a small fetch-based one is installed when none is present
 * (the SDK only uses it to download its error-message table and for a network check).
 *
 * `TencentCloudChat.create()` caches its instance per SDKAppID, so each session loads its own copy
 * of the SDK module to get an independent instance.
 */
import type { DeliveredEvent, Session, CallResult } from '../contract';
import { RECORDED_EVENTS } from '../simulator';
import { METHODS } from '../../simulator/sdk/chat';
import { ChatError, ERR } from '../../simulator/core/errors';
import { OPAQUE_KEYS, plain, type IdSpace } from './ids';

/** The parts of the SDK instance the adapter uses. */
export interface SdkInstance {
  login(options: { userID: string; userSig: string }): Promise<unknown>;
  logout(): Promise<unknown>;
  destroy(): Promise<unknown>;
  on(name: string, handler: (event: { name: string; data: unknown }) => void): void;
  setLogLevel(level: number): void;
  [method: string]: unknown;
}
export interface SdkModule {
  create(options: { SDKAppID: number; unlimitedAVChatRoom?: boolean; [option: string]: unknown }): SdkInstance | null;
  EVENT: Record<string, string>;
  VERSION: string;
}

/** The SDK's message for a failed parameter check: thrown synchronously, with no code. */
export const PARAMS_VALIDATE_FAILED = 'Params validate failed.';

// ---- browser globals ----

/** A minimal XMLHttpRequest over fetch: enough for the SDK's two GET requests. */
export class FetchXMLHttpRequest {
  readyState = 0;
  status = 0;
  responseText = '';
  response = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  onreadystatechange: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  private controller: AbortController | undefined;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getResponseHeader(): string | null {
    return null;
  }
  getAllResponseHeaders(): string {
    return '';
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  abort(): void {
    this.controller?.abort();
  }
  send(body?: string | null): void {
    this.controller = new AbortController();
    const timer = this.timeout > 0 ? setTimeout(() => this.controller?.abort(), this.timeout) : undefined;
    const done = (status: number, text: string, failed: boolean) => {
      clearTimeout(timer);
      this.readyState = 4;
      this.status = status;
      this.responseText = text;
      this.response = text;
      this.onreadystatechange?.();
      if (failed) this.onerror?.(new Error('network error'));
      else this.onload?.();
    };
    fetch(this.url, { method: this.method, headers: this.headers, body: body ?? undefined, signal: this.controller.signal })
      .then(async (r) => done(r.status, await r.text(), false))
      .catch(() => done(0, '', true));
  }
}

/** A WebSocket class from an injected value, a module named by GROUPSPEC_TENCENT_WEBSOCKET, or the global. */
export function resolveWebSocket(injected: unknown, moduleName: string | undefined): { ws?: unknown; problem?: string } {
  if (injected !== undefined) return typeof injected === 'function' ? { ws: injected } : { problem: 'the injected webSocket option is not a class' };
  if (moduleName !== undefined && moduleName.trim() !== '') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(moduleName.trim()) as { WebSocket?: unknown; default?: unknown } | ((...a: unknown[]) => unknown);
      const ws = typeof mod === 'function' ? mod : (mod.WebSocket ?? mod.default);
      return typeof ws === 'function' ? { ws } : { problem: `GROUPSPEC_TENCENT_WEBSOCKET=${moduleName} exports no WebSocket class` };
    } catch (e) {
      return { problem: `GROUPSPEC_TENCENT_WEBSOCKET=${moduleName} cannot be loaded: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const g = (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof g === 'function') return { ws: g };
  return {
    problem:
      'this runtime has no WebSocket, which the Web SDK needs: use Node 22+, run Node 20 with NODE_OPTIONS=--experimental-websocket, ' +
      'or set GROUPSPEC_TENCENT_WEBSOCKET to a module exporting a browser-compatible WebSocket class',
  };
}

export function installBrowserGlobals(webSocket: unknown): void {
  const g = globalThis as { WebSocket?: unknown; XMLHttpRequest?: unknown };
  if (g.WebSocket !== webSocket) g.WebSocket = webSocket;
  g.XMLHttpRequest ??= FetchXMLHttpRequest;
}

/** A fresh copy of the SDK module: `create()` caches one instance per SDKAppID per copy. */
export function loadFreshSdk(): SdkModule {
  const path = require.resolve('@tencentcloud/chat');
  delete require.cache[path];
  // the bundle logs its version on load
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return quietly(() => require(path) as SdkModule);
}

/** Runs `f` with the console silenced: the SDK logs on load and in create(), before setLogLevel can apply. */
export function quietly<T>(f: () => T, silence = true): T {
  if (!silence) return f();
  const keys = ['log', 'info', 'warn', 'debug'] as const;
  const saved = keys.map((k) => console[k]);
  for (const k of keys) console[k] = () => {};
  try {
    return f();
  } finally {
    keys.forEach((k, i) => (console[k] = saved[i]!));
  }
}

// ---- sessions ----

/** Objects the SDK handed out (applications, notice messages) by messageKey, to hand back unaltered. */
export type Originals = Map<string, unknown>;

/** Keeps every object with a messageKey the service handed out, so it can be handed back as it was. */
export function remember(originals: Originals, value: unknown, depth = 0): void {
  if (typeof value !== 'object' || value === null || depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) remember(originals, v, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  const key = originalKey(o);
  if (key !== undefined) originals.set(key, value);
  for (const k of ['applicationList', 'payload']) if (k in o) remember(originals, o[k], depth + 1);
}

/**
 * A notice message (it has a payload) and the pending-list item for the same request share a
 * messageKey: each is kept under its own kind, so the one handed back is restored as itself.
 */
function originalKey(v: unknown): string | undefined {
  const key = messageKeyOf(v);
  return key === undefined ? undefined : `${'payload' in (v as object) ? 'message' : 'item'}:${key}`;
}

function messageKeyOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const key = o.messageKey ?? (o.payload as Record<string, unknown> | undefined)?.messageKey;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/** An application or notice message the suite hands back is replaced by the object the service gave. */
export function restoreOriginals(arg: unknown, originals: Originals, ids: IdSpace): unknown {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return arg;
  const o = { ...(arg as Record<string, unknown>) };
  for (const k of OPAQUE_KEYS) {
    if (o[k] === undefined) continue;
    const key = typeof o[k] === 'object' && o[k] !== null ? originalKey(o[k]) : undefined;
    // one the service never handed out (built by hand) gets its IDs prefixed like any option
    o[k] = key !== undefined && originals.has(key) ? originals.get(key) : ids.out(o[k]);
  }
  return o;
}

export interface SessionOptions {
  sdk: SdkModule;
  sdkAppID: number;
  userID: string;
  device: string;
  userSig: string;
  ids: IdSpace;
  originals: Originals;
  unlimitedAVChatRoom?: boolean;
  /** More create() options, for an SDK module that reads them (the drop-in's `device`). */
  createOptions?: Record<string, unknown>;
  loginTimeoutMs: number;
  logLevel: number;
}

export class SdkSession implements Session {
  private readonly log: DeliveredEvent[] = [];
  private closed = false;

  private constructor(
    private readonly chat: SdkInstance,
    private readonly ids: IdSpace,
    private readonly originals: Originals,
    readonly userID: string,
    readonly device: string,
  ) {}

  /** Creates the SDK instance, logs in with the user's UserSig and waits for SDK_READY. */
  static async open(o: SessionOptions): Promise<SdkSession> {
    const chat = quietly(() => o.sdk.create({ ...o.createOptions, SDKAppID: o.sdkAppID, ...(o.unlimitedAVChatRoom === true ? { unlimitedAVChatRoom: true } : {}) }), o.logLevel >= 4);
    if (chat === null) throw new Error(`TencentCloudChat.create refused SDKAppID ${o.sdkAppID}`);
    chat.setLogLevel(o.logLevel);
    const session = new SdkSession(chat, o.ids, o.originals, o.userID, o.device);
    for (const name of RECORDED_EVENTS) chat.on(name, (e) => session.record(e));
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve) => chat.on(o.sdk.EVENT.SDK_READY ?? 'sdkStateReady', () => resolve()));
    const loggedIn = (async () => {
      await chat.login({ userID: o.ids.user(o.userID), userSig: o.userSig });
      await ready;
    })();
    // a login that fails after the deadline must not surface as an unhandled rejection
    loggedIn.catch(() => undefined);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${o.userID} was not ready within ${o.loginTimeoutMs} ms of logging in`)), o.loginTimeoutMs);
    });
    try {
      await Promise.race([loggedIn, deadline]);
    } catch (e) {
      await chat.destroy().catch(() => undefined);
      throw session.error('login', e);
    } finally {
      clearTimeout(timer);
    }
    return session;
  }

  private record(e: { name: string; data: unknown }): void {
    remember(this.originals, e.data);
    this.log.push({ name: e.name, data: this.ids.strip(plain(e.data)) });
  }

  async call(method: string, arg?: unknown): Promise<CallResult> {
    const fn = this.chat[method];
    if (!METHODS.has(method) || typeof fn !== 'function') {
      throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (method: '${method}' is not a group method of the Web SDK)`);
    }
    const out = this.restoreOriginals(this.ids.outArg(arg));
    let pending: unknown;
    try {
      pending = arg === undefined ? fn.call(this.chat) : fn.call(this.chat, out);
    } catch (e) {
      if (e instanceof Error && e.message === PARAMS_VALIDATE_FAILED && !('code' in e)) {
        // the documented deviation (docs/tencent-cloud.md): the SDK throws, uncoded, where groupspec's reading is 10004
        throw new ChatError(ERR.INVALID_PARAMETER, `${PARAMS_VALIDATE_FAILED} (thrown synchronously by the SDK, without a code)`, { sdkThrewSynchronously: true });
      }
      throw this.error(method, e);
    }
    let result: unknown;
    try {
      result = await pending;
    } catch (e) {
      throw this.error(method, e);
    }
    const r = result as { code?: unknown; data?: unknown } | undefined;
    if (r === undefined || r === null || r.code !== 0) throw new Error(`${method}: the SDK resolved with ${JSON.stringify(plain(result)).slice(0, 200)}, not {code: 0, data}`);
    remember(this.originals, r.data);
    return { code: 0, data: this.ids.strip(plain(r.data ?? {})) };
  }

  private restoreOriginals(arg: unknown): unknown {
    return restoreOriginals(arg, this.originals, this.ids);
  }

  /** A coded SDK error keeps its code; anything else stays uncoded, so the suite counts a crash. */
  private error(method: string, e: unknown): Error {
    const err = e as { code?: unknown; message?: unknown; data?: unknown } | undefined;
    const message = this.ids.stripText(String(err?.message ?? e));
    if (typeof err?.code === 'number') return new ChatError(err.code, message === '' ? `${method} failed with ${err.code}` : message, (this.ids.strip(plain(err.data ?? {})) ?? {}) as Record<string, unknown>);
    return new Error(`${method}: ${message}`);
  }

  async events(): Promise<DeliveredEvent[]> {
    return [...this.log];
  }

  /** Logs out as an app would: the instance stays, and later calls get the SDK's not-ready refusal. */
  async logout(): Promise<void> {
    if (this.closed) return;
    await this.chat.logout().catch(() => undefined);
  }

  /** Ends the instance for good (the app's close): logs out and destroys it, stopping its timers. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.chat.logout().catch(() => undefined);
    await this.chat.destroy().catch(() => undefined);
  }
}
