/**
 * Importing the drop-in must not load zod (issue 21: `require('groupspec/chat')` within 60 ms; zod
 * alone costs about 80 ms). The drop-in makes its process-wide service at import, with no options,
 * so nothing needs validating until the first call that has something to check. Structural, not
 * timed: bench/import.ts measures the time.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const zodLoadedAfter = (code: string): boolean =>
  JSON.parse(
    execFileSync(process.execPath, ['-r', './runner/register-ts.js', '-e', `${code}; console.log(JSON.stringify(Object.keys(require.cache).some((k) => k.includes('/node_modules/zod/'))))`], { cwd: ROOT, encoding: 'utf8' }).trim(),
  ) as boolean;

it('importing groupspec/chat (and groupspec) loads no zod', () => {
  expect(zodLoadedAfter("require('./simulator/sdk/drop-in')")).toBe(false);
  expect(zodLoadedAfter("require('./simulator')")).toBe(false);
}, 60_000);

it('the first call that zod validates does load it; input a fast path vouches for (simulator/core/fast-parse.ts) does not', () => {
  expect(zodLoadedAfter("require('./simulator').createSimulator({ limits: { memberCap: { Public: 10 } } })")).toBe(true);
  expect(zodLoadedAfter("require('./simulator').createSimulator({ seed: 2 }).login('alice', { device: 'phone' })")).toBe(false);
}, 60_000);
