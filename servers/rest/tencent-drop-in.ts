/**
 * The live adapter (adapters/tencent-cloud/) against the emulated service, both halves in this
 * process: its REST half over HTTP to a REST emulator started here, its users on the drop-in
 * `groupspec/chat` (the Web SDK's own API: `TencentCloudChat.create`, `login`, the group methods,
 * `on`) bound to that emulator's simulator. One service, one clock, as for an app under test.
 *
 *   groupspec run --adapter tencent-cloud-emulated      (GROUPSPEC_TENCENT_SDKAPPID, _SECRET_KEY, _ADMIN)
 *
 * The emulator verifies every REST UserSig and the drop-in every login's UserSig with the
 * GROUPSPEC_TENCENT_SECRET_KEY, so the adapter's signing is exercised on both halves. With
 * GROUPSPEC_TENCENT_REQUEST_COUNTS=<file>, the REST requests answered, by command, are written there
 * as JSON when the process ends (the gate runs an adapter in a child process).
 *
 * The other offline mode, the emulator in another process (`groupspec serve --rest --wire-port`),
 * stays: GROUPSPEC_TENCENT_REST_URL and GROUPSPEC_TENCENT_SDK_URL with `--adapter tencent-cloud`.
 */
import { writeFileSync } from 'node:fs';
import type { Implementation } from '../../adapters/contract';
import { createImplementation as tencentCloud } from '../../adapters/tencent-cloud';
import { ENV } from '../../adapters/tencent-cloud/config';
import type { SdkModule } from '../../adapters/tencent-cloud/sdk';
import { createSimulator } from '../../simulator';
import TencentCloudChat = require('../../simulator/sdk/drop-in');
import { startEmulatedService, type EmulatedService } from './emulated-service';

export const REQUEST_COUNTS_ENV = 'GROUPSPEC_TENCENT_REQUEST_COUNTS';

export async function createImplementation(env: NodeJS.ProcessEnv = process.env): Promise<Implementation> {
  const sdkAppID = Number((env[ENV.SDKAPPID] ?? '').trim());
  const secretKey = (env[ENV.SECRET_KEY] ?? '').trim();
  const admin = (env[ENV.ADMIN] ?? '').trim();
  const sim = createSimulator(admin === '' ? {} : { adminUserID: admin });
  const svc = await startEmulatedService(sim, {
    ...(Number.isSafeInteger(sdkAppID) && sdkAppID > 0 ? { sdkAppID } : {}),
    ...(secretKey === '' ? {} : { secretKey }),
    ...(admin === '' ? {} : { admins: [admin] }),
  });
  TencentCloudChat.groupspec.use(sim, secretKey === '' ? {} : { secretKey });
  const countsFile = (env[REQUEST_COUNTS_ENV] ?? '').trim();
  if (countsFile !== '') process.once('exit', () => writeCounts(svc, countsFile));
  let inner: Implementation;
  try {
    // DropInChat has the vendor's methods but no index signature; the adapter reaches them by name
    // the adapter's own configuration check (missing variables are one SetupError) still applies
    inner = tencentCloud({ env: { ...env, [ENV.REST_URL]: svc.rest.url, [ENV.SDK_URL]: '' }, sdk: TencentCloudChat as unknown as SdkModule });
  } catch (e) {
    await svc.close();
    throw e;
  }
  return {
    name: `${inner.name}, emulated in process (REST ${svc.rest.url}, users on groupspec/chat)`,
    contractVersion: inner.contractVersion,
    capabilities: inner.capabilities,
    createApp: (options) => inner.createApp(options),
    async close() {
      await inner.close?.();
      await svc.close();
    },
  };
}

function writeCounts(svc: EmulatedService, file: string): void {
  const counts = Object.fromEntries([...svc.rest.requestCounts].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(counts, null, 2)}\n`);
}

export default createImplementation;
