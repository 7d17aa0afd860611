/**
 * `groupspec serve --rest`: the command line's side of the emulator (runner/cli.ts passes the
 * parsed flags here, so its own change stays one branch).
 */
import { createSimulator } from '../../simulator';
import type { ServerLimits } from '../http';
import { startEmulatedService, type EmulatedService } from './emulated-service';
import { DEFAULT_SDKAPPID } from './server';

export const REST_SERVE_HELP = `groupspec serve --rest: Tencent Cloud Chat's REST API and group webhooks, emulated over the reference simulator

Usage:
  groupspec serve --rest [--port N] [--host H] [--sdkappid N] [--secret-key KEY] [--admin ID]...
                         [--callback-url URL] [--callback-timeout MS] [--wire-port N] [limit flags]

  --port N               REST port (default 8765; 0 picks a free one)
  --host H               bind address (default 127.0.0.1)
  --sdkappid N           the app's SDKAppID (default ${DEFAULT_SDKAPPID}); other values get 60006
  --secret-key KEY       verify every usersig with tls-sig-api-v2 and this key (70001/70003/70009/70013/70014);
                         without it any non-empty usersig passes
  --admin ID             an app admin account, repeatable (default administrator); others get 60010
  --callback-url URL     send the group webhooks there (Group.CallbackBeforeCreateGroup and the others)
  --callback-timeout MS  how long a "before" webhook may take before the operation proceeds (default 2000)
  --wire-port N          also serve the wire protocol over the same simulator (the SDK half of a test)

Requests: POST http://H:N/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json
Test control: POST /groupspec/reset, /groupspec/snapshot, /groupspec/restore {"snapshot": ID},
/groupspec/clock/advance {"ms": N}; GET /groupspec/clock, /groupspec/requests. See docs/rest-emulator.md.
`;

export interface RestServeFlags {
  port: number;
  host: string;
  sdkappid?: string | undefined;
  'secret-key'?: string | undefined;
  admin?: string[] | undefined;
  'callback-url'?: string | undefined;
  'callback-timeout'?: number | undefined;
  'wire-port'?: number | undefined;
  limits: Partial<ServerLimits>;
}

/** Starts the emulator as the flags say; a bad flag value is a RangeError the CLI reports as usage. */
export async function serveRest(flags: RestServeFlags): Promise<{ service: EmulatedService; lines: string[] }> {
  const sdkAppID = flags.sdkappid === undefined ? DEFAULT_SDKAPPID : Number(flags.sdkappid);
  if (!Number.isSafeInteger(sdkAppID) || sdkAppID <= 0) throw new RangeError(`--sdkappid takes a positive integer, got "${flags.sdkappid}"`);
  const callbackUrl = flags['callback-url'];
  if (callbackUrl !== undefined && !/^https?:\/\//.test(callbackUrl)) throw new RangeError(`--callback-url must be an http(s) URL, got "${callbackUrl}"`);
  const { maxBodyBytes, ...limits } = flags.limits;
  const service = await startEmulatedService(createSimulator(), {
    port: flags.port,
    host: flags.host,
    sdkAppID,
    limits,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    ...(flags['secret-key'] === undefined ? {} : { secretKey: flags['secret-key'] }),
    ...(flags.admin === undefined ? {} : { admins: flags.admin }),
    ...(callbackUrl === undefined ? {} : { callbackUrl }),
    ...(flags['callback-timeout'] === undefined ? {} : { callbackTimeoutMs: flags['callback-timeout'] }),
    ...(flags['wire-port'] === undefined ? {} : { wire: { port: flags['wire-port'] } }),
  });
  const lines = [`groupspec serve --rest: REST API on ${service.rest.url}/v4/<service>/<command> (SDKAppID ${sdkAppID}${flags['secret-key'] === undefined ? ', usersig not checked' : ''})`];
  if (callbackUrl !== undefined) lines.push(`groupspec serve --rest: webhooks to ${callbackUrl}`);
  if (service.wire !== undefined) lines.push(`groupspec serve --rest: wire protocol on ${service.wire.url} (same service)`);
  return { service, lines };
}
