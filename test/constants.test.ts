/**
 * Every constant groupspec exports under TYPES and EVENT has the exact runtime value of the real
 * `@tencentcloud/chat` 3.6.6 package, key by key. (Requiring the package prints one console line.)
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EVENT, TYPES } from '../simulator';

const requireCjs = createRequire(__filename);
const real = requireCjs('@tencentcloud/chat') as {
  VERSION: string;
  TYPES: Record<string, unknown>;
  EVENT: Record<string, unknown>;
};

describe('the real package', () => {
  it('is @tencentcloud/chat 3.6.6', () => {
    expect(real.VERSION).toBe('3.6.6');
  });
});

describe.each([
  ['TYPES', TYPES as Record<string, unknown>, real.TYPES],
  ['EVENT', EVENT as Record<string, unknown>, real.EVENT],
] as const)('%s', (name, ours, theirs) => {
  it('exports at least one key', () => {
    expect(Object.keys(ours).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(ours))(`${name}.%s exists in the real package with the same value`, (key) => {
    expect(Object.prototype.hasOwnProperty.call(theirs, key), `${name}.${key} is not a key of the real ${name}`).toBe(true);
    expect(ours[key], `${name}.${key}`).toStrictEqual(theirs[key]);
  });
});
