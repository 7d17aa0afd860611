/**
 * The live adapter (adapters/tencent-cloud/) end to end, offline: `groupspec run --adapter
 * tencent-cloud` with its REST half pointed at the REST emulator (which verifies every UserSig the
 * adapter signs) and its users on the simulator's SDK shape over the wire protocol, both on one
 * simulated service. It must pass every rule it declares; the REST requests it made are recorded
 * by command next to the run's reports (reports/tencent-cloud-emulated/request-counts.json).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../simulator';
import { startEmulatedService } from '../../servers/rest/emulated-service';
import { ADMIN_RUNNERS, build, STORE_PATHS } from '../../adapters/tencent-cloud/rest';

const ROOT = join(__dirname, '..', '..');
/** Kept after the run (reports/ is not committed): the reports, and request-counts.json. */
const out = join(ROOT, 'reports', 'tencent-cloud-emulated');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

describe('groupspec run --adapter tencent-cloud against the REST emulator', () => {
  it('passes every rule the adapter declares, and its requests cover every admin command', async () => {
    const svc = await startEmulatedService(createSimulator(), { secretKey: 'emulated-ci-key', wire: {} });
    let code: number | null;
    let output = '';
    try {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'run', '--adapter', 'tencent-cloud', '--no-properties', '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          GROUPSPEC_TENCENT_SDKAPPID: '1400000000',
          GROUPSPEC_TENCENT_SECRET_KEY: 'emulated-ci-key',
          GROUPSPEC_TENCENT_ADMIN: 'administrator',
          GROUPSPEC_TENCENT_REST_URL: svc.rest.url,
          GROUPSPEC_TENCENT_SDK_URL: svc.wire!.url,
          // hundreds of sequential REST requests (the 500-member scenarios) on a busy CI machine
          GROUPSPEC_STEP_TIMEOUT_MS: '300000',
        },
      });
      child.stdout.on('data', (c) => (output += String(c)));
      child.stderr.on('data', (c) => (output += String(c)));
      code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    } finally {
      await svc.close();
    }
    const counts = Object.fromEntries([...svc.rest.requestCounts].sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(join(out, 'request-counts.json'), `${JSON.stringify(counts, null, 2)}\n`);
    expect({ code, tail: output.split('\n').slice(-25).join('\n') }).toMatchObject({ code: 0 });
    const result = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as { totals: Record<string, number> };
    expect(result.totals.failed ?? 0).toBe(0);
    expect(result.totals.passed).toBeGreaterThan(150);
    // every admin command of the adapter went over the emulator at least once, signed and accepted
    const sample: Record<string, unknown> = { groupID: 'g', userID: 'u', userIDList: ['u'], newOwnerID: 'u', content: 'c', muteTime: 1, type: 'Public', name: 'n' };
    const commands = Object.keys(ADMIN_RUNNERS).map((name) => {
      if (name in STORE_PATHS) return STORE_PATHS[name as keyof typeof STORE_PATHS];
      const req = (build as unknown as Record<string, (o: unknown) => { service: string; command: string }>)[name]!(sample);
      return `${req.service}/${req.command}`;
    });
    expect(commands.filter((c) => (counts[c] ?? 0) === 0)).toEqual([]);
  }, 900_000);
});
