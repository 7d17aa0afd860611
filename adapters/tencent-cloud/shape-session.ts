/**
 * Users on the simulator's SDK shape instead of real `@tencentcloud/chat` instances: a session of
 * a wire-protocol server (the REST emulator's `--wire-port`, the same service the REST half talks
 * to), with the app's ID prefix applied on the way out and removed on the way back, as SdkSession
 * does for the real SDK. What runs the users is then groupspec's simulator, so this exercises the
 * adapter's REST half and its ID handling end to end, not the Web SDK.
 */
import type { CallResult, DeliveredEvent, Session } from '../contract';
import { ChatError } from '../../simulator/core/errors';
import type { IdSpace } from './ids';
import { remember, restoreOriginals, type Originals } from './sdk';

export class ShapeSession implements Session {
  private seen = 0;

  constructor(
    private readonly inner: Session,
    private readonly ids: IdSpace,
    private readonly originals: Originals,
    readonly userID: string,
  ) {}

  get device() {
    return this.inner.device;
  }

  async call(method: string, arg?: unknown): Promise<CallResult> {
    const out = arg === undefined ? undefined : restoreOriginals(this.ids.outArg(arg), this.originals, this.ids);
    try {
      const r = await this.inner.call(method, out);
      remember(this.originals, r.data);
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

  async events(): Promise<DeliveredEvent[]> {
    const all = await this.inner.events();
    for (const e of all.slice(this.seen)) remember(this.originals, e.data);
    this.seen = all.length;
    return all.map((e) => ({ name: e.name, data: this.ids.strip(e.data) }));
  }

  logout(): Promise<void> {
    return this.inner.logout();
  }
}
