/** docs/drop-in.md's generated sections are what the code and the installed packages say now. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodTable, regenerate } from './doc-tables';
import { VENDOR_METHODS } from '../../simulator/sdk/drop-in/methods';

const doc = readFileSync(resolve(__dirname, '..', '..', 'docs', 'drop-in.md'), 'utf8');

describe('docs/drop-in.md', () => {
  it('has not drifted from the code (run npm run docs:drop-in)', () => {
    expect(doc).toBe(regenerate(doc));
  });

  it('lists every vendor ChatSDK member in its method table', () => {
    const table = methodTable();
    for (const m of VENDOR_METHODS) expect(table).toContain(`| \`${m}\` |`);
    expect(VENDOR_METHODS).toHaveLength(148);
  });
});
