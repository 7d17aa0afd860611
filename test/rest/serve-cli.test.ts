/**
 * `groupspec serve --rest` as a backend's CI job starts it: a child process printing its URL,
 * answering REST requests with the flags' SDKAppID, admin and secret key, stopping on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'groupspec.js');
const { Api } = createRequire(__filename)('tls-sig-api-v2') as { Api: new (appID: number, key: string) => { genUserSig(id: string, expire: number): string } };

describe('groupspec serve --rest', () => {
  it('--help documents the flags, and a REST-only flag without --rest is a usage error', () => {
    const help = spawnSync(process.execPath, [BIN, 'serve', '--rest', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const flag of ['--sdkappid', '--secret-key', '--admin', '--callback-url', '--wire-port', '/groupspec/reset']) expect(help.stdout).toContain(flag);
    const bad = spawnSync(process.execPath, [BIN, 'serve', '--secret-key', 'k'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--secret-key is a flag of serve --rest');
  });
  it('serves the REST API with the given SDKAppID, admin and key until SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--rest', '--port', '0', '--sdkappid', '1400012345', '--admin', 'ops', '--secret-key', 'k3y'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += String(c);
          const m = /REST API on (http:\/\/[^/\s]+)/.exec(out);
          if (m !== null) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const call = async (usersig: string) => {
        const q = new URLSearchParams({ sdkappid: '1400012345', identifier: 'ops', usersig, random: '7', contenttype: 'json' });
        return (await (await fetch(`${url}/v4/group_open_http_svc/create_group?${q}`, { method: 'POST', body: JSON.stringify({ Type: 'Public', Name: 'ci' }) })).json()) as { ErrorCode: number; GroupId?: string };
      };
      expect((await call(new Api(1400012345, 'k3y').genUserSig('ops', 600))).ErrorCode).toBe(0);
      expect((await call(new Api(1400012345, 'other').genUserSig('ops', 600))).ErrorCode).toBe(70009);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (c) => r(c))));
    expect(code).toBe(0);
  });
});
