/**
 * splitTarget splits a plain path (unreserved characters and slashes) without a URL object
 * (servers/http/routing.ts): it must give what the WHATWG URL road gives, and refuse what it
 * refuses, for every target, plain or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpFault } from '../../servers/http/fault';
import { splitTarget } from '../../servers/http/routing';

/** The road every target took before the plain-path shortcut: vet, parse as a URL, decode each segment. */
function byUrl(target: string): { pathname: string; segments: string[]; query: string } | string {
  try {
    const path = target.split(/[?#]/, 1)[0]!;
    if (/%2f|%5c|\\/i.test(path) || path.split('/').some((s) => /^(?:\.|%2e){1,2}$/i.test(s))) return 'bad-path';
    const url = new URL(target, 'http://groupspec.invalid');
    let segments: string[];
    try {
      segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    } catch {
      return 'invalid-request';
    }
    return { pathname: url.pathname, segments, query: url.searchParams.toString() };
  } catch (e) {
    return e instanceof HttpFault ? e.reason : String(e);
  }
}

function split(target: string): { pathname: string; segments: string[]; query: string } | string {
  try {
    const s = splitTarget(target);
    return { pathname: s.pathname, segments: [...s.segments], query: s.query.toString() };
  } catch (e) {
    return e instanceof HttpFault ? e.reason : String(e);
  }
}

const chars = fc.constantFrom(...'abcAZ09-._~/', '/', '/', '.', '%2e', '%2F', '%41', '%', '\\', '?', '#', '?a=1', ' ', '群', '@', ':');
const targets = fc.array(chars, { maxLength: 12 }).map((cs) => `/${cs.join('')}`);

describe('splitTarget', () => {
  it('splits a plain path as the URL road does, and refuses what it refuses', () => {
    fc.assert(
      fc.property(targets, (target) => {
        expect(split(target)).toEqual(byUrl(target));
      }),
      { numRuns: 5000, seed: 21 },
    );
  });

  it('refuses dot segments in plain paths', () => {
    for (const target of ['/v1/../apps', '/v1/./apps', '/..', '/v1/apps/..']) expect(split(target)).toBe('bad-path');
    expect(split('/v1/.well-known')).toEqual({ pathname: '/v1/.well-known', segments: ['v1', '.well-known'], query: '' });
  });
});
