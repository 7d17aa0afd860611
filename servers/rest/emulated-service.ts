/**
 * One simulated service behind both halves of an app: the REST emulator for its backend and,
 * optionally, the wire protocol for its clients (every app a client creates over the wire is a view
 * of this same service), on the same groups and the same virtual clock. In process, a test drives
 * the users through `sim.login(...)` directly.
 *
 *   const svc = await startEmulatedService(createSimulator());
 *   await fetch(`${svc.rest.url}/v4/group_open_http_svc/create_group?sdkappid=1400000000&identifier=administrator&usersig=x&random=1&contenttype=json`, …);
 *   const alice = svc.sim.login('alice');
 *
 * Any Simulator will do, so the drop-in `groupspec/chat`'s shared service can be bound to it.
 */
import { createSimulator, type Simulator } from '../../simulator';
import { startServer, type RunningServer } from '../wire/server';
import { startRestEmulator, type RestEmulator, type RestEmulatorOptions } from './server';

export interface EmulatedServiceOptions extends RestEmulatorOptions {
  /** Also serve the wire protocol over the same simulator (port 0: a free one). */
  wire?: { port?: number; host?: string };
}

export interface EmulatedService {
  readonly sim: Simulator;
  readonly rest: RestEmulator;
  /** The wire server, when asked for: `groupspec run --url <wire.url>` and adapters/wire/client.ts reach the same service. */
  readonly wire: RunningServer | undefined;
  close(): Promise<void>;
}

export async function startEmulatedService(sim: Simulator = createSimulator(), options: EmulatedServiceOptions = {}): Promise<EmulatedService> {
  const { wire: wireOptions, ...restOptions } = options;
  const rest = await startRestEmulator(sim, restOptions);
  let wire: RunningServer | undefined;
  try {
    // the wire server makes a simulator per app; here every app is the one shared service
    if (wireOptions !== undefined) wire = await startServer({ ...wireOptions, host: wireOptions.host ?? options.host ?? '127.0.0.1', implementation: () => sim });
  } catch (e) {
    await rest.close();
    throw e;
  }
  return {
    sim,
    rest,
    wire,
    async close() {
      await Promise.all([rest.close(), wire?.close()]);
    },
  };
}
