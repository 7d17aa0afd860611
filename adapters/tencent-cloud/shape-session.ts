/**
 * Users on the simulator's SDK shape instead of real `@tencentcloud/chat` instances: a session of
 * a wire-protocol server (the REST emulator's `--wire-port`, the same service the REST half talks
 * to), with the app's ID prefix applied on the way out and removed on the way back, as SdkSession
 * does for the real SDK. What runs the users is then groupspec's simulator, so this exercises the
 * adapter's REST half and its ID handling end to end, not the Web SDK.
 */
import type { CallResult, DeliveredEvent, Session } from '../contract';
import { ChatError } from '../../simulator/core/errors';
import { OPAQUE_KEYS, type IdSpace } from './ids';

export class ShapeSession implements Session {
  constructor(
    private readonly inner: Session,
    private readonly ids: IdSpace,
    readonly userID: string,
  ) {}

  get device() {
    return this.inner.device;
  }

  async call(method: string, arg?: unknown): Promise<CallResult> {
    try {
      const r = await this.inner.call(method, arg === undefined ? undefined : this.out(arg));
      return { code: 0, data: this.ids.strip(r.data) };
    } catch (e) {
      if (e instanceof ChatError || (typeof (e as { code?: unknown }).code === 'number' && e instanceof Error)) {
        const c = e as ChatError;
        throw new ChatError(c.code, this.ids.stripText(c.message), this.ids.strip((c.data ?? {}) as Record<string, unknown>));
      }
      if (e instanceof Error) e.message = this.ids.stripText(e.message);
      throw e;
    }
  }

  /**
   * The argument for the service. Unlike the Web SDK, the SDK shape takes back plain data, so an
   * application or notice message the suite hands back gets its IDs prefixed like any option
   * (SdkSession must restore the SDK's own object instead).
   */
  private out(arg: unknown): unknown {
    const out = this.ids.outArg(arg);
    if (typeof out !== 'object' || out === null || Array.isArray(out)) return out;
    const o = { ...(out as Record<string, unknown>) };
    for (const k of OPAQUE_KEYS) if (o[k] !== undefined) o[k] = this.ids.out(o[k]);
    return o;
  }

  async events(): Promise<DeliveredEvent[]> {
    const all = await this.inner.events();
    return all.map((e) => ({ name: e.name, data: this.ids.strip(e.data) }));
  }

  logout(): Promise<void> {
    return this.inner.logout();
  }
}
