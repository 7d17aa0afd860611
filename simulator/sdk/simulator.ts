/**
 * The simulator as an app's tests meet it: the shell's service plus the SDK-shaped surfaces, a
 * `Chat` per logged-in device and the app admin.
 */
import { ChatError, ERR } from '../core/errors';
import { schemas } from '../core/schemas';
import { FAST_PARSE, UNSURE } from '../core/fast-parse';
import { Service, type SimulatorOptions } from '../shell/service';
import { Chat } from './chat';
import { AppAdmin } from './admin';

export class Simulator extends Service<Chat> {
  readonly admin: AppAdmin;

  constructor(input: SimulatorOptions = {}) {
    super(input);
    this.admin = new AppAdmin(this, input?.adminUserID ?? 'administrator');
  }

  /**
   * Logs `userID` in on `device` (default 'web') and returns that device's Chat. Logging in again
   * on the same device kicks the earlier Chat out (KICKED_OUT, multipleAccount).
   */
  login(userID: string, options?: { device?: string; unlimitedAVChatRoom?: boolean }): Chat {
    if (typeof userID !== 'string' || userID === '') throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (userID: must be a non-empty string)');
    // no options, nothing to check (zod is loaded on the first call that has something to validate)
    const fast = FAST_PARSE.LoginOptions!(options) as { device?: string; unlimitedAVChatRoom?: boolean } | undefined | typeof UNSURE;
    const parsed = fast !== UNSURE ? { success: true as const, data: fast } : schemas().LoginOptions.safeParse(options);
    if (!parsed.success) throw new ChatError(ERR.INVALID_PARAMETER, `Invalid parameter (login options: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
    const device = parsed.data?.device ?? 'web';
    return this.attach(userID, device, parsed.data?.unlimitedAVChatRoom === true, () => new Chat(this, userID, device));
  }
}

export function createSimulator(options?: SimulatorOptions): Simulator {
  return new Simulator(options);
}
