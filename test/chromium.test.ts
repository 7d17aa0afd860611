/** Which Chromium the report's browser test launches (test/chromium.ts), and that npm's one runs. */
import { accessSync, constants } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium';

describe('findChromium', () => {
  it('takes GROUPSPEC_CHROMIUM first, and names it when the path does not exist', async () => {
    await expect(findChromium({ GROUPSPEC_CHROMIUM: process.execPath })).resolves.toEqual({ path: process.execPath, source: 'GROUPSPEC_CHROMIUM' });
    await expect(findChromium({ GROUPSPEC_CHROMIUM: '/no/such/chromium' })).rejects.toThrow('GROUPSPEC_CHROMIUM points at /no/such/chromium, which does not exist.');
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('otherwise inflates the npm package\'s binary into node_modules/.cache, once', async () => {
    const first = await findChromium({});
    expect(first.source).toBe('@sparticuz/chromium');
    expect(first.path).toMatch(/node_modules\/\.cache\/groupspec\/chromium-147\.0\.0\/chromium$/);
    accessSync(first.path, constants.X_OK);
    await expect(findChromium({})).resolves.toEqual(first);
  }, 60_000);
});
