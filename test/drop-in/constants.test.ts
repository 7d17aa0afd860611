/**
 * groupspec/chat's constants are the vendor module's, key for key and value for value, both ways
 * (the drop-in carries them rather than reading the vendor package, which an alias replaces).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import TencentCloudChat from '../../simulator/sdk/drop-in';

const vendor = createRequire(__filename)('@tencentcloud/chat') as Record<string, unknown>;

describe('constants of groupspec/chat', () => {
  it('has exactly the keys of the vendor module, plus the groupspec handle', () => {
    expect(Object.keys(TencentCloudChat).sort()).toEqual([...Object.keys(vendor), 'groupspec'].sort());
  });

  it.each(['TYPES', 'EVENT', 'TSignaling', 'VERSION'] as const)('%s equals the vendor’s', (name) => {
    expect(TencentCloudChat[name]).toStrictEqual(vendor[name]);
  });
});
