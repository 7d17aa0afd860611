/**
 * The drop-in `groupspec/chat` as an Implementation (`groupspec run --adapter drop-in`): every
 * session is a `TencentCloudChat.create()` instance logged in with `login({userID, userSig})` and
 * ready on SDK_READY, every call goes through the instance's public method of that name, and the
 * app admin, clock, seed and limits come from `TencentCloudChat.groupspec`. The whole suite passing
 * here shows the drop-in keeps the simulator's semantics through the vendor-shaped surface.
 *
 * The drop-in has one service per process, so apps are one at a time: createApp resets it.
 */
import TencentCloudChat from '../simulator/sdk/drop-in';
import { ChatError, ERR } from '../simulator/core/errors';
import { VirtualClock } from '../simulator/shell/clock';
import { METHODS } from '../simulator/sdk/chat';
import type { LimitOverrides } from '../simulator';
import { RECORDED_EVENTS, simulatorImplementation } from './simulator';
import { CONTRACT_VERSION, type App, type DeliveredEvent, type Implementation, type Session } from './contract';

const SDKAppID = 1400000000;
type Instance = ReturnType<typeof TencentCloudChat.create>;

class DropInSession implements Session {
  private readonly log: DeliveredEvent[] = [];
  constructor(
    private readonly chat: Instance,
    readonly userID: string,
    readonly device: string,
  ) {
    for (const name of RECORDED_EVENTS) chat.on(name, (e: { name: string; data: unknown }) => this.log.push({ name: e.name, data: e.data }));
  }
  call(method: string, arg?: unknown) {
    // the group methods only, as the embedded simulator's sessions: anything else is 10004 there too
    if (!METHODS.has(method)) return Promise.reject(new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (method: '${method}' is not a group method of the Web SDK)`));
    return (this.chat as unknown as Record<string, (a: unknown) => Promise<{ code: 0; data: any }>>)[method]!(arg);
  }
  async events() {
    return [...this.log];
  }
  async logout() {
    // a kicked or logged-out instance has no session to end (its logout would reject, as the SDK's)
    if (this.chat.isReady()) await this.chat.logout();
  }
}

async function login(userID: string, opts: { device?: string; unlimitedAVChatRoom?: boolean } = {}): Promise<Session> {
  const device = opts.device ?? 'web';
  const chat = TencentCloudChat.create({ SDKAppID, device, ...(opts.unlimitedAVChatRoom === true ? { unlimitedAVChatRoom: true } : {}) });
  const ready = new Promise<void>((ok) => chat.on(TencentCloudChat.EVENT.SDK_READY, () => ok()));
  const session = new DropInSession(chat, userID, device);
  await chat.login({ userID, userSig: 'groupspec' });
  await ready;
  return session;
}

export function createImplementation(): Implementation {
  const { capabilities } = simulatorImplementation();
  return {
    name: 'groupspec/chat (drop-in)',
    contractVersion: CONTRACT_VERSION,
    capabilities,
    async createApp(options = {}): Promise<App> {
      const clock = new VirtualClock();
      TencentCloudChat.groupspec.reset({ clock, seed: options.seed ?? 1, limits: options.limits as LimitOverrides, ...(options.customFields === undefined ? {} : { customFields: options.customFields }) });
      const control = TencentCloudChat.groupspec;
      const sim = control.simulator;
      const live = () => {
        if (control.simulator !== sim) throw new Error('groupspec/chat serves one app at a time: a later createApp replaced this one');
      };
      return {
        async login(userID, opts) {
          live();
          return login(userID, opts);
        },
        admin: {
          call: (method, arg) => {
            live();
            return sim.admin.invoke(method, arg);
          },
        },
        async advanceClock(ms) {
          clock.advance(ms);
        },
        async now() {
          return clock.now();
        },
        async close() {},
      };
    },
  };
}

export default createImplementation;
