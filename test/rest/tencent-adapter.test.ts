/**
 * The live adapter (adapters/tencent-cloud/) end to end, offline: `groupspec run --adapter
 * tencent-cloud-emulated` runs it with its REST half over HTTP to a REST emulator (which verifies
 * every UserSig the adapter signs) and its users on the drop-in `groupspec/chat` (the Web SDK's own
 * API: create, login with a UserSig the drop-in verifies, the group methods, events), both on one
 * simulated service in the adapter's process (servers/rest/tencent-drop-in.ts). It must pass every
 * rule it declares; the REST requests it made are recorded by command next to the run's reports
 * (reports/tencent-cloud-emulated/request-counts.json).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_RUNNERS, build, IMPORT_PATHS, STORE_PATHS } from '../../adapters/tencent-cloud/rest';

const ROOT = join(__dirname, '..', '..');
/** Kept after the run (reports/ is not committed): the reports, and request-counts.json. */
const out = join(ROOT, 'reports', 'tencent-cloud-emulated');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

describe('groupspec run --adapter tencent-cloud against the REST emulator', () => {
  it('passes every rule the adapter declares, and its requests cover every admin command', async () => {
    const countsFile = join(out, 'request-counts.json');
    let output = '';
    // the 30 s call deadline: the adapter and the emulator share one process, and a setup step sends
    // 200 creations at once; on a loaded CI machine the last of them can wait past the default 5 s
    const args = ['run', '--adapter', 'tencent-cloud-emulated', '--no-properties', '--call-timeout', '30000', '--out', out];
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GROUPSPEC_TENCENT_SDKAPPID: '1400000000',
        GROUPSPEC_TENCENT_SECRET_KEY: 'emulated-ci-key',
        GROUPSPEC_TENCENT_ADMIN: 'administrator',
        GROUPSPEC_TENCENT_REQUEST_COUNTS: countsFile,
        // hundreds of sequential REST requests (the 500-member scenarios) on a busy CI machine
        GROUPSPEC_STEP_TIMEOUT_MS: '300000',
      },
    });
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect({ code, tail: output.split('\n').slice(-25).join('\n') }).toMatchObject({ code: 0 });
    // the users ran on the drop-in, not on the wire client or the Web SDK
    expect(output).toMatch(/users on groupspec\/chat/);
    const counts = JSON.parse(readFileSync(countsFile, 'utf8')) as Record<string, number>;
    const result = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as { totals: Record<string, number> };
    expect(result.totals.failed ?? 0).toBe(0);
    expect(result.totals.passed).toBeGreaterThan(150);
    // every admin command of the adapter went over the emulator at least once, signed and accepted
    const sample: Record<string, unknown> = { groupID: 'g', userID: 'u', userIDList: ['u'], newOwnerID: 'u', content: 'c', muteTime: 1, type: 'Public', name: 'n' };
    const commands = Object.keys(ADMIN_RUNNERS).map((name) => {
      if (name in IMPORT_PATHS) return IMPORT_PATHS[name as keyof typeof IMPORT_PATHS];
      if (name in STORE_PATHS) return STORE_PATHS[name as keyof typeof STORE_PATHS];
      const req = (build as unknown as Record<string, (o: unknown) => { service: string; command: string }>)[name]!(sample);
      return `${req.service}/${req.command}`;
    });
    expect(commands.filter((c) => (counts[c] ?? 0) === 0)).toEqual([]);
    // the cleanup deletes the app's accounts against the emulator too, since it emulates account_delete
    expect(counts['im_open_login_svc/account_delete'] ?? 0).toBeGreaterThan(0);
  }, 900_000);
});
