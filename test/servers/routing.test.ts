/**
 * splitTarget splits a plain path (unreserved characters and slashes) without a URL object
 * (servers/http/routing.ts): it must give what the WHATWG URL road gives, and refuse what it
 * refuses, for every target, plain or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpFault } from '../../servers/http/fault';
import { Router, cachedResolver, splitTarget } from '../../servers/http/routing';

/** The road every target took before the plain-path shortcut: vet, parse as a URL, decode each segment. */
function byUrl(target: string): { pathname: string; segments: string[]; query: string } | string {
  try {
    const path = target.split(/[?#]/, 1)[0]!;
    if (/%2f|%5c|\\/i.test(path) || path.split('/').some((s) => /^(?:\.|%2e){1,2}$/i.test(s))) return 'bad-path';
    let url: URL;
    try {
      url = new URL(target, 'http://groupspec.invalid');
    } catch {
      // a target no URL can be made of (`//[x`) is the client's fault (round six's review; it was a 500)
      return 'invalid-request';
    }
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

  it('refuses a target no URL can be made of with 400 invalid-request, not a crash of the server', () => {
    for (const target of ['//[x', '//a:b/', '//[::1/x']) {
      const fault = (() => {
        try {
          splitTarget(target);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(fault, target).toBeInstanceOf(HttpFault);
      expect([(fault as HttpFault).status, (fault as HttpFault).reason], target).toEqual([400, 'invalid-request']);
    }
  });

  it('refuses dot segments in plain paths', () => {
    for (const target of ['/v1/../apps', '/v1/./apps', '/..', '/v1/apps/..']) expect(split(target)).toBe('bad-path');
    expect(split('/v1/.well-known')).toEqual({ pathname: '/v1/.well-known', segments: ['v1', '.well-known'], query: '' });
  });
});

describe('cachedResolver', () => {
  type H = string;
  const router = new Router<H>([
    { verb: 'GET', path: ['v1', 'capabilities'], handler: 'capabilities' },
    { verb: 'POST', path: ['v1', 'apps', ':app', 'sessions', ':session', 'call'], handler: 'call' },
    { verb: 'GET', path: ['v1', 'apps', ':app', 'sessions', ':session', 'events'], handler: 'events' },
    { verb: 'POST', path: ['v1', 'apps', ':app', 'sessions', ':session', 'events'], handler: 'events-post' },
    { verb: 'DELETE', path: ['v1', 'apps', ':app'], handler: 'delete' },
    { verb: 'POST', path: ['v1', 'apps', ':app', 'admin', 'call'], handler: 'admin' },
  ]);
  const find = (verb: string | undefined, { pathname, segments }: { pathname: string; segments: readonly string[] }) => router.find(verb, segments, pathname);

  /** Router.find as it was before it matched without allocating: a params object per route tried. */
  function findBefore(verb: string | undefined, segments: readonly string[], pathname: string) {
    const routes = [...(router as unknown as { routes: Array<{ verb: string; path: readonly string[]; handler: H }> }).routes];
    const matchPath = (pattern: readonly string[]) => {
      if (pattern.length !== segments.length) return undefined;
      const params: Record<string, string> = {};
      for (let i = 0; i < pattern.length; i++) {
        if (pattern[i]!.startsWith(':')) params[pattern[i]!.slice(1)] = segments[i]!;
        else if (pattern[i] !== segments[i]) return undefined;
      }
      return params;
    };
    for (const route of routes) {
      if (route.verb !== verb) continue;
      const params = matchPath(route.path);
      if (params !== undefined) return { route, params };
    }
    const allowed = routes.filter((r) => matchPath(r.path) !== undefined).map((r) => r.verb);
    if (allowed.length === 0) throw new HttpFault(404, 'unknown-endpoint', `no endpoint ${pathname}`);
    throw new HttpFault(405, 'method-not-allowed', `${verb ?? '?'} is not allowed on ${pathname} (allowed: ${allowed.join(', ')})`, { Allow: allowed.join(', ') });
  }

  /** The road every target took before plain paths were routed directly: URL parsing, the query as sent after `?` (a fragment's target: the URL's). */
  function byUrl(verb: string, target: string): unknown {
    try {
      const split = splitTarget(target);
      const { route, params } = findBefore(verb, split.segments, split.pathname);
      const q = target.indexOf('?');
      const query = target.includes('#') ? split.query : new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
      return { handler: route.handler, params: { ...params }, query: [...query] };
    } catch (e) {
      return e instanceof HttpFault ? [e.status, e.reason, e.message, e.headers] : String(e);
    }
  }

  function resolved(resolve: ReturnType<typeof cachedResolver<H>>, verb: string, target: string): unknown {
    try {
      const t = resolve(verb, target);
      return { handler: t.route.handler, params: { ...t.params }, query: [...t.query] };
    } catch (e) {
      return e instanceof HttpFault ? [e.status, e.reason, e.message, e.headers] : String(e);
    }
  }

  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('v1', 'apps', 'app-1', 'sessions', 's-2', 'call', 'events', 'admin', 'capabilities', '') },
    { weight: 2, arbitrary: fc.array(chars, { minLength: 1, maxLength: 3 }).map((cs) => cs.join('')) },
  );
  const query = fc.oneof(fc.constant(''), fc.constantFrom('?after=3', '?after=0&after=7', '?', '?a=%41', '?x=1#f', '?x=群', '#frag', '?p=/../y'));
  const template = fc.constantFrom('v1/capabilities', 'v1/apps/*/sessions/*/call', 'v1/apps/*/sessions/*/events', 'v1/apps/*', 'v1/apps/*/admin/call', 'v1/apps/*/sessions/*');
  const path = fc.oneof(
    fc.array(segment, { maxLength: 7 }).map((segs) => segs.join('/')),
    fc.tuple(template, fc.array(segment, { minLength: 2, maxLength: 2 })).map(([t, [a, b]]) => t.replace('*', a!).replace('*', b!)),
  );
  const wireTargets = fc.tuple(path, query).map(([p, q]) => `/${p}${q}`);

  it('routes every target as the URL road does (route, params, query, or the same fault), cached or not', () => {
    const resolve = cachedResolver<H>(find, 8);
    fc.assert(
      fc.property(fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'), wireTargets, (verb, target) => {
        const expected = byUrl(verb, target);
        // twice: the second lookup of a URL-road target may come from the cache
        expect(resolved(resolve, verb, target)).toEqual(expected);
        expect(resolved(resolve, verb, target)).toEqual(expected);
      }),
      { numRuns: 5000, seed: 21 },
    );
  });
});
