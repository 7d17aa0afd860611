/**
 * The one simulated service a process's `groupspec/chat` instances share, and the handle tests hold
 * to it (`TencentCloudChat.groupspec`): the app admin, the clock, seed and limits, `reset()` between
 * tests, `use(sim)` to bind the drop-in to a `createSimulator()` of the test's own, and the app's
 * secret key when UserSigs are to be checked.
 */
import { ChatError, ERR } from '../../core/errors';
import type { Limits } from '../../core';
import type { Clock } from '../../shell/clock';
import type { SimulatorOptions } from '../../shell/service';
import { Simulator } from '../simulator';
import type { AppAdmin } from '../admin';

export interface ResetOptions extends SimulatorOptions {
  /**
   * The app's secret key: logins must then carry a UserSig made with it (tls-sig-api-v2) for their
   * SDKAppID and userID, unexpired by the simulator's clock. Without it any non-empty UserSig passes.
   */
  secretKey?: string;
}

/** What an instance needs of the control: the service of the moment and the reset signal. */
export interface Member {
  /** The service was replaced: the session, if any, is gone without a word (no event). */
  serviceReset(): void;
}

export class DropInControl {
  private sim: Simulator;
  private key: string | undefined;
  private readonly members = new Set<Member>();

  constructor() {
    this.sim = new Simulator();
  }

  /** The simulator every instance logs in to. */
  get simulator(): Simulator {
    return this.sim;
  }
  get admin(): AppAdmin {
    return this.sim.admin;
  }
  get clock(): Clock {
    return this.sim.clock;
  }
  get seed(): number {
    return this.sim.state.seed;
  }
  get limits(): Limits {
    return this.sim.limits;
  }
  get secretKey(): string | undefined {
    return this.key;
  }

  /**
   * A fresh service (state, clock, event log) with these options; every instance's session ends
   * silently, so the next test starts from nothing. Bad options are 10004, as for createSimulator.
   */
  reset(options: ResetOptions = {}): void {
    if (typeof options !== 'object' || options === null) throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (reset options: must be an object)');
    const { secretKey, ...simOptions } = options;
    if (secretKey !== undefined && (typeof secretKey !== 'string' || secretKey === '')) {
      throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (secretKey: must be a non-empty string)');
    }
    this.replace(new Simulator(simOptions), secretKey);
  }

  /** Binds every instance to `sim` (a `createSimulator()` of the test's), ending their sessions. */
  use(sim: Simulator, options: { secretKey?: string } = {}): void {
    if (!(sim instanceof Simulator)) throw new ChatError(ERR.INVALID_PARAMETER, 'Invalid parameter (use: expects a createSimulator() instance)');
    this.replace(sim, options.secretKey);
  }

  /** @internal */
  join(m: Member): void {
    this.members.add(m);
  }
  /** @internal */
  leave(m: Member): void {
    this.members.delete(m);
  }

  private replace(sim: Simulator, secretKey: string | undefined): void {
    this.sim = sim;
    this.key = secretKey;
    for (const m of this.members) m.serviceReset();
    this.members.clear();
  }
}

/** The process-wide service. */
export const control = new DropInControl();
