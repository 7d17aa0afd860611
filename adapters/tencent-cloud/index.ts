/**
 * The Implementation contract on the live Tencent Cloud Chat service (docs/tencent-cloud.md):
 * users are real `@tencentcloud/chat` 3.6.6 instances, the app admin is the REST API.
 *
 *   GROUPSPEC_ADAPTER=$PWD/adapters/tencent-cloud/index.ts \
 *   GROUPSPEC_TENCENT_SDKAPPID=… GROUPSPEC_TENCENT_SECRET_KEY=… GROUPSPEC_TENCENT_ADMIN=administrator \
 *   GROUPSPEC_TENCENT_REGION=sgp npm run conformance
 *
 * Each app lives under a fresh ID prefix and close() removes what it created: its groups (those
 * it created, and those owned by its users) and its accounts. Not exercised against the live
 * service in this project's CI.
 */
import type { ChatSDK } from '@tencentcloud/chat';
import { ADMIN_COMMANDS } from '../../simulator/core';
import { ChatError, ERR } from '../../simulator/core/errors';
import { describeIssue } from '../../simulator/core/schemas';
import {
  CONTRACT_VERSION, GROUP_TYPE_NAMES, NotApplicable,
  type AdminSurface, type App, type AppOptions, type CallResult, type Capabilities, type Implementation, type Session,
} from '../contract';
import { ENV, readConfig, SetupError, type TencentConfig } from './config';
import { restSender, userSigFactory, type FetchLike } from './client';
import { IdSpace, newPrefix } from './ids';
import { ADMIN_COMMAND_NAMES, ADMIN_RUNNERS, build, runAdmin, TencentRestError, type AdminCommand, type Send } from './rest';
import { installBrowserGlobals, loadFreshSdk, resolveWebSocket, SdkSession, type Originals, type SdkModule } from './sdk';
import { ShapeSession } from './shape-session';

export { SetupError } from './config';
export { TencentRestError } from './rest';

/** The Web SDK methods the adapter drives: every group method of the contract, each a real ChatSDK method. */
export const SDK_OPERATIONS = [
  'createGroup', 'joinGroup', 'quitGroup', 'dismissGroup', 'changeGroupOwner', 'getGroupList', 'getGroupProfile',
  'updateGroupProfile', 'searchGroupByID', 'getGroupOnlineMemberCount', 'getGroupApplicationList', 'handleGroupApplication',
  'addGroupMember', 'deleteGroupMember', 'setGroupMemberRole', 'setGroupMemberMuteTime', 'setGroupMemberNameCard',
  'setGroupMemberCustomField', 'getGroupMemberList', 'getGroupMemberProfile', 'setMessageRemindType', 'initGroupAttributes', 'setGroupAttributes',
  'deleteGroupAttributes', 'getGroupAttributes', 'setGroupCounters', 'increaseGroupCounter', 'decreaseGroupCounter', 'getGroupCounters',
] as const satisfies readonly (keyof ChatSDK)[];

export const CAPABILITIES: Capabilities = {
  groupTypes: [...GROUP_TYPE_NAMES],
  operations: [...SDK_OPERATIONS],
  adminOperations: [...ADMIN_COMMAND_NAMES],
  // the service's clock cannot be moved, and its limits are the plan's
  clock: false,
  events: true,
  limitOverrides: false,
};

export interface TencentOptions {
  /** Where the configuration is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** A browser-compatible WebSocket class, for runtimes without a global one. */
  webSocket?: unknown;
  /** The HTTP client for the REST API (default the global fetch). */
  fetch?: FetchLike;
  /**
   * A module with the Web SDK's shape to run the users on instead of `@tencentcloud/chat`: the
   * drop-in `groupspec/chat` bound to the REST emulator's simulator (servers/rest/tencent-drop-in.ts).
   * The users then call `create`, `login`, the group methods and `on` exactly as on the live
   * service; no WebSocket is needed. Its `groupspec.clock`, when it has one, is the service's clock.
   */
  sdk?: SdkModule & { groupspec?: { clock: { now(): number } } };
}

/**
 * The adapter, configured from the environment. Throws a SetupError naming every missing or
 * invalid variable (and a missing WebSocket) before anything touches the network.
 */
export function createImplementation(options: TencentOptions = {}): Implementation {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const variables: string[] = [];
  let config: TencentConfig | undefined;
  try {
    config = readConfig(env);
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    problems.push(e.message);
    variables.push(...e.variables);
  }
  // users on the simulator's SDK shape (GROUPSPEC_TENCENT_SDK_URL) or on an injected SDK module need neither a WebSocket nor the Web SDK
  const shape = (env[ENV.SDK_URL] ?? '').trim() !== '' || options.sdk !== undefined;
  const ws = shape ? { ws: undefined } : resolveWebSocket(options.webSocket, env[ENV.WEBSOCKET]);
  if ('problem' in ws && ws.problem !== undefined) {
    problems.push(`Also, ${ws.problem}.`);
    if ((env[ENV.WEBSOCKET] ?? '') !== '') variables.push(ENV.WEBSOCKET);
  }
  try {
    if (!shape) require.resolve('@tencentcloud/chat');
  } catch {
    problems.push('Also, @tencentcloud/chat is not installed: it is a devDependency of groupspec (npm ci in a checkout; next to an installed groupspec, npm install @tencentcloud/chat@3.6.6).');
  }
  if (problems.length > 0 || config === undefined) throw new SetupError(problems.join(' '), variables);
  return new TencentImplementation(config, ws.ws, options.fetch, env, options.sdk);
}

function logLevel(env: NodeJS.ProcessEnv): number {
  const n = Number(env.GROUPSPEC_TENCENT_LOG_LEVEL ?? 4);
  return Number.isInteger(n) && n >= 0 && n <= 4 ? n : 4;
}

class TencentImplementation implements Implementation {
  readonly name: string;
  readonly contractVersion = CONTRACT_VERSION;
  readonly capabilities = CAPABILITIES;
  private readonly apps = new Set<TencentApp>();
  private send: Send | undefined;
  private sign: ((userID: string) => string) | undefined;
  /** The wire implementation whose SDK shape stands in for the Web SDK (GROUPSPEC_TENCENT_SDK_URL). */
  private shape: Implementation | undefined;

  constructor(
    private readonly config: TencentConfig,
    private readonly webSocket: unknown,
    private readonly fetchImpl: FetchLike | undefined,
    private readonly env: NodeJS.ProcessEnv,
    private readonly sdk: TencentOptions['sdk'],
  ) {
    const users = sdk !== undefined ? `, users on the injected SDK module ${sdk.VERSION === undefined ? '' : `(${String(sdk.VERSION)})`}` : config.sdkUrl === undefined ? '' : `, users on the SDK shape at ${config.sdkUrl}`;
    this.name = config.restBaseUrl === undefined
      ? `Tencent Cloud Chat (live: SDKAppID ${config.sdkAppID}, region ${config.region}${users})`
      : `Tencent Cloud Chat adapter (REST at ${config.restBaseUrl}${users}; SDKAppID ${config.sdkAppID})`;
  }

  async createApp(options: AppOptions = {}): Promise<App> {
    if (options.limits !== undefined && Object.keys(options.limits).length > 0) throw new NotApplicable('limit overrides (the live service has its plan limits)');
    if (this.config.sdkUrl === undefined && this.sdk === undefined) installBrowserGlobals(this.webSocket);
    this.sign ??= userSigFactory(this.config);
    this.send ??= restSender({ config: this.config, userSig: this.sign, ...(this.fetchImpl === undefined ? {} : { fetch: this.fetchImpl }) });
    let shapeApp: App | undefined;
    if (this.config.sdkUrl !== undefined && this.sdk === undefined) {
      // loaded only for the SDK shape: a live run needs no wire client
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { wireImplementation } = require('../wire/client') as typeof import('../wire/client');
      this.shape ??= await wireImplementation(this.config.sdkUrl);
      shapeApp = await this.shape.createApp();
    }
    const app = new TencentApp(this.config, new IdSpace(newPrefix()), this.send, this.sign, logLevel(this.env), () => this.apps.delete(app), shapeApp, this.sdk);
    this.apps.add(app);
    return app;
  }

  async close(): Promise<void> {
    for (const app of [...this.apps]) await app.close();
    await this.shape?.close?.();
  }
}

class TencentApp implements App {
  private readonly sessions: Array<{ dispose(): Promise<void> }> = [];
  /** Service-side IDs this app created, for close(). */
  private readonly users = new Set<string>();
  private readonly groups = new Set<string>();
  private readonly originals: Originals = new Map();
  private closed = false;
  readonly admin: AdminSurface = { call: (method, arg) => this.adminCall(method, arg) };

  constructor(
    private readonly config: TencentConfig,
    private readonly ids: IdSpace,
    private readonly send: Send,
    private readonly sign: (userID: string) => string,
    private readonly logLevel: number,
    private readonly onClose: () => void,
    /** Set when the users run on the simulator's SDK shape rather than the Web SDK. */
    private readonly shapeApp?: App,
    /** Set when the users run on an injected module with the Web SDK's shape (the drop-in). */
    private readonly sdk?: TencentOptions['sdk'],
  ) {}

  async login(userID: string, options: { device?: string; unlimitedAVChatRoom?: boolean } = {}): Promise<Session> {
    if (this.closed) throw new Error('the app is closed');
    const serviceID = this.ids.user(userID);
    // the account exists for the admin before the SDK's first login, and close() deletes it
    await this.send(build.importAccount({ userID: serviceID }));
    this.users.add(serviceID);
    if (this.shapeApp !== undefined) {
      const inner = await this.shapeApp.login(serviceID, options);
      const shaped = new ShapeSession(inner, this.ids, userID);
      this.sessions.push({ dispose: () => inner.logout().catch(() => undefined) });
      return new TrackedSession(shaped, (groupID) => this.groups.add(this.ids.group(groupID)));
    }
    const session = await SdkSession.open({
      // the vendor caches one instance per SDKAppID per module copy; an injected module makes a new one per create()
      sdk: this.sdk ?? loadFreshSdk(),
      ...(this.sdk === undefined ? {} : { createOptions: { device: options.device ?? 'web' } }),
      sdkAppID: this.config.sdkAppID,
      userID,
      device: options.device ?? 'web',
      userSig: this.sign(serviceID),
      ids: this.ids,
      originals: this.originals,
      ...(options.unlimitedAVChatRoom === true ? { unlimitedAVChatRoom: true } : {}),
      loginTimeoutMs: this.config.loginTimeoutMs,
      logLevel: this.logLevel,
    });
    this.sessions.push(session);
    return new TrackedSession(session, (groupID) => this.groups.add(this.ids.group(groupID)));
  }

  private async adminCall(method: string, arg: unknown): Promise<CallResult> {
    if (!Object.prototype.hasOwnProperty.call(ADMIN_RUNNERS, method)) {
      throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (method: '${method}' is not an app-admin command)`);
    }
    const name = method as AdminCommand;
    // the input is checked with the simulator's schema: REST-side validation of malformed shapes is not exercised
    const parsed = ADMIN_COMMANDS[name].schema.safeParse(arg);
    if (!parsed.success) {
      const { field, detail } = describeIssue(parsed.error);
      throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (${field}: ${detail})`, { field });
    }
    const input = this.ids.out(parsed.data) as Record<string, unknown>;
    try {
      const result = await runAdmin(this.send, name, input);
      if (name === 'createGroup') this.groups.add(String((result.data as { groupID: string }).groupID));
      if (name === 'importAccount') this.users.add(String(input.userID));
      return { code: 0, data: this.ids.strip(result.data) };
    } catch (e) {
      if (e instanceof ChatError) throw new ChatError(e.code, this.ids.stripText(e.message), this.ids.strip(e.data));
      if (e instanceof TencentRestError) e.message = this.ids.stripText(e.message);
      throw e;
    }
  }

  /** The service's clock: the wall clock on the live service (keep the machine synchronised), the emulator's own otherwise. */
  async now(): Promise<number> {
    if (this.shapeApp?.now !== undefined) return this.shapeApp.now();
    return this.sdk?.groupspec?.clock.now() ?? Date.now();
  }

  /** Logs every session out, then destroys this app's groups and deletes its accounts. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    for (const s of this.sessions) await s.dispose();
    await this.shapeApp?.close();
    const leftovers: string[] = [];
    // groups owned by this app's users, found even if their creation answer never arrived
    for (const u of this.users) {
      try {
        const res = await this.send(build.joinedGroupsWithOwner(u));
        for (const g of Array.isArray(res.GroupIdList) ? res.GroupIdList : []) {
          const row = g as { GroupId?: unknown; Owner_Account?: unknown };
          if (typeof row.GroupId === 'string' && typeof row.Owner_Account === 'string' && this.users.has(row.Owner_Account)) this.groups.add(row.GroupId);
        }
      } catch {
        // the tracked groups are still destroyed below
      }
    }
    for (const g of this.groups) {
      try {
        await this.send(build.destroyGroup({ groupID: g }));
      } catch (e) {
        if (!(e instanceof ChatError && e.code === ERR.GROUP_NOT_FOUND)) leftovers.push(`group ${g}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    // the REST emulator never forgets a user (account_delete is not emulated): nothing to delete there
    const users = this.config.restBaseUrl === undefined ? [...this.users] : [];
    for (let i = 0; i < users.length; i += 100) {
      try {
        const res = await this.send(build.deleteAccounts(users.slice(i, i + 100)));
        // per-account results; 70107: the account does not exist (already gone)
        for (const item of Array.isArray(res.ResultItem) ? res.ResultItem : []) {
          const r = item as { ResultCode?: unknown; ResultInfo?: unknown; UserID?: unknown };
          if (typeof r.ResultCode === 'number' && r.ResultCode !== 0 && r.ResultCode !== 70107) leftovers.push(`account ${String(r.UserID)}: ${r.ResultCode} ${String(r.ResultInfo ?? '')}`);
        }
      } catch (e) {
        leftovers.push(`accounts ${users.slice(i, i + 100).join(', ')}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (leftovers.length > 0) process.emitWarning(`groupspec tencent-cloud: could not remove ${leftovers.length} item(s) under ${this.ids.prefix}: ${leftovers.join('; ')}`);
  }
}

/** A session that tells the app which groups it created, so close() can destroy them. */
class TrackedSession implements Session {
  constructor(
    private readonly inner: Session,
    private readonly created: (groupID: string) => void,
  ) {}
  get userID() {
    return this.inner.userID;
  }
  get device() {
    return this.inner.device;
  }
  async call(method: string, arg?: unknown): Promise<CallResult> {
    const r = await this.inner.call(method, arg);
    const id = (r.data as { group?: { groupID?: unknown } } | undefined)?.group?.groupID;
    if (method === 'createGroup' && typeof id === 'string') this.created(id);
    return r;
  }
  events() {
    return this.inner.events();
  }
  logout() {
    return this.inner.logout();
  }
}

export default createImplementation;
