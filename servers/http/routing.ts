/**
 * Routing by verb and path segments. A request target is vetted first (checkTarget): dot segments
 * and encoded slashes are refused, never resolved, so `/v1/apps/a/../b/...` cannot reach app b and
 * `a%2Fb` cannot pose as two segments.
 */
import { HttpFault } from './fault';

export interface Route<H> {
  readonly verb: string;
  /** Path segments after the server's mount point; `:name` captures that segment as params.name. */
  readonly path: readonly string[];
  readonly handler: H;
}

export type Params = Readonly<Record<string, string>>;

/** Where a request goes: its route, the captured segments and its query. */
export interface Target<H> {
  readonly route: Route<H>;
  readonly params: Params;
  readonly query: URLSearchParams;
}

/** A request target split: the path as sent, its decoded segments (the leading empty one dropped) and the query. */
export interface SplitTarget {
  readonly pathname: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

/** `.` or `..`, spelt plainly or percent-encoded in any mix (`%2e%2E`, `.%2e`). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/** An encoded slash or backslash: one segment that decoding would turn into two, or a Windows path. */
const ENCODED_SEPARATOR = /%2f|%5c|\\/i;

/**
 * A path of unreserved characters and slashes only (no query, fragment, percent-encoding or
 * backslash): what the protocols' own paths look like. WHATWG URL parsing leaves such a path as it
 * is (dot segments aside, which checkTarget refuses first), so it is split without a URL object.
 */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~/]*$/;
/**
 * A plain path with no dot segment (one would follow a slash) and not starting with `//` (which a
 * URL reads as a host): nothing for checkTarget to refuse, nothing for URL parsing to change.
 */
const plainPath = (target: string): boolean => PLAIN_PATH.test(target) && !target.includes('/.') && !target.startsWith('//');

/**
 * Refuses a target whose path has a dot segment or an encoded separator (400 bad-path). Run before
 * any URL parsing, since a WHATWG URL resolves dot segments silently and reads a backslash as `/`.
 */
export function checkTarget(target: string): void {
  if (plainPath(target)) return;
  const path = target.split(/[?#]/, 1)[0]!;
  if (ENCODED_SEPARATOR.test(path)) {
    throw new HttpFault(400, 'bad-path', `path ${JSON.stringify(path)} contains an encoded slash or a backslash; servers never split or join segments on them`);
  }
  if (path.split('/').some((s) => DOT_SEGMENT.test(s))) {
    throw new HttpFault(400, 'bad-path', `path ${JSON.stringify(path)} contains a dot segment (. or ..); servers never resolve them`);
  }
}

/** Vets and splits a request target; bad percent-encoding is 400 invalid-request. */
export function splitTarget(target: string): SplitTarget {
  if (plainPath(target)) return { pathname: target, segments: target.slice(1).split('/'), query: new URLSearchParams() };
  checkTarget(target);
  let url: URL;
  try {
    url = new URL(target, 'http://groupspec.invalid');
  } catch {
    // e.g. `//[x`, which a URL reads as a host it cannot parse: the client's fault, not the server's
    throw new HttpFault(400, 'invalid-request', `path ${JSON.stringify(target)} cannot be parsed as a request target`);
  }
  let segments: string[];
  try {
    segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    throw new HttpFault(400, 'invalid-request', `invalid percent-encoding in path ${url.pathname}`);
  }
  return { pathname: url.pathname, segments, query: url.searchParams };
}

/** `:`, which starts a pattern segment that captures. */
const COLON = 0x3a;

/** Whether `segments` fit `pattern` (its literal segments equal, as many segments); allocates nothing. */
function fits(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.charCodeAt(0) !== COLON && p !== segments[i]) return false;
  }
  return true;
}

/** The captured segments of a path that fits its pattern. */
function paramsOf(pattern: readonly string[], segments: readonly string[]): Params {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.charCodeAt(0) === COLON) params[p.slice(1)] = segments[i]!;
  }
  return params;
}

/** A route table. Order matters only between routes of the same verb whose patterns overlap. */
export class Router<H> {
  private readonly routes: Route<H>[];

  constructor(routes: Iterable<Route<H>> = []) {
    this.routes = [...routes];
  }

  add(route: Route<H>): void {
    this.routes.push(route);
  }

  /**
   * The route for a verb and segments, checked as docs/protocol.md §5 orders it: the endpoint
   * (404 unknown-endpoint), then the HTTP method (405 method-not-allowed, with Allow).
   */
  find(verb: string | undefined, segments: readonly string[], pathname: string): { route: Route<H>; params: Params } {
    // the route of the verb first, without building the candidates: a found route is the common case
    for (const route of this.routes) {
      if (route.verb === verb && fits(route.path, segments)) return { route, params: paramsOf(route.path, segments) };
    }
    const allowed = this.routes.filter((r) => fits(r.path, segments)).map((r) => r.verb);
    if (allowed.length === 0) throw new HttpFault(404, 'unknown-endpoint', `no endpoint ${pathname}`);
    const allow = allowed.join(', ');
    throw new HttpFault(405, 'method-not-allowed', `${verb ?? '?'} is not allowed on ${pathname} (allowed: ${allow})`, { Allow: allow });
  }
}

/**
 * A route lookup for request targets. A plain path (PLAIN_PATH; most targets), with or without a
 * query, is split at its slashes and found directly: the WHATWG URL road would give the same path,
 * segments and query. Any other target (percent-encoding, a fragment, dot segments ...) takes that
 * road, through a cache by verb and path (the query aside) since parsing a URL is a measurable
 * share of a small request's cost; a target with a fragment is not cached, the cache is dropped
 * when it fills, and lookups that throw are not cached, so a refused path is vetted again each time.
 */
export function cachedResolver<H>(
  find: (verb: string | undefined, target: Pick<SplitTarget, 'pathname' | 'segments'>) => { route: Route<H>; params: Params },
  size = 4096,
): (verb: string | undefined, target: string) => Target<H> {
  const route = (verb: string | undefined, target: string): Target<H> => {
    const split = splitTarget(target);
    return { ...find(verb, split), query: split.query };
  };
  const routed = new Map<string, Target<H>>();
  return (verb, target) => {
    const q = target.indexOf('?');
    const pathname = q < 0 ? target : target.slice(0, q);
    // a fragment goes the URL road (which drops it from the query); in a plain path there is none
    if (plainPath(pathname) && (q < 0 || !target.includes('#', q))) {
      const found = find(verb, { pathname, segments: pathname.slice(1).split('/') });
      return new Routed(found.route, found.params, q < 0 ? '' : target.slice(q + 1));
    }
    if (target.includes('#')) return route(verb, target);
    const key = `${verb} ${pathname}`;
    let found = routed.get(key);
    if (found === undefined) {
      found = route(verb, target);
      if (routed.size >= size) routed.clear();
      routed.set(key, found);
    }
    return new Routed(found.route, found.params, q < 0 ? '' : target.slice(q + 1));
  };
}

/** A cached route with this request's query, parsed only when read (most endpoints take none). */
class Routed<H> implements Target<H> {
  private parsed: URLSearchParams | undefined;
  constructor(
    readonly route: Route<H>,
    readonly params: Params,
    private readonly search: string,
  ) {}
  get query(): URLSearchParams {
    return (this.parsed ??= new URLSearchParams(this.search));
  }
}
