import { describe, expect, it } from 'vitest';
import { notJson } from '../../adapters/wire/not-json';

describe('notJson: what the wire client refuses to send', () => {
  it('names the first offender by its path', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(notJson({ a: [1, { b: Number.NaN }] }, 'arg')).toBe('arg.a[1].b is NaN');
    expect(notJson([1, undefined], 'arg')).toBe('arg[1] is undefined');
    expect(notJson({ when: new Date(0) }, 'arg')).toBe('arg.when is a Date object');
    expect(notJson({ f: () => 1 }, 'arg')).toBe('arg.f is a function');
    expect(notJson(cyclic, 'arg')).toBe('arg.self.back is a cycle');
    expect(notJson(Infinity, 'arg')).toBe('arg is Infinity');
  });

  it('lets through what JSON carries as it is, a shared (not cyclic) object twice included', () => {
    const shared = { x: [1, 'two', null, true] };
    expect(notJson({ a: shared, b: shared, c: undefined, d: Object.create(null) }, 'arg')).toBeUndefined();
    expect(notJson([[shared], [shared]], 'arg')).toBeUndefined();
  });
});
