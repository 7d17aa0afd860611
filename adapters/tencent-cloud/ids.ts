/**
 * Isolation on a shared, persistent service: every app of a run lives under its own prefix
 * (`gs<timestamp36><2 random><n36>_`). The suite speaks of `alice` and `my-group`; the service sees
 * `gslz8k3m2aq71_alice` and `gslz8k3m2aq71_my-group`; everything the service answers has the prefix
 * removed again, so scenarios read their own names.
 *
 * Custom group IDs are prefixed only where that cannot change a rule's outcome: an ID the rules
 * refuse or that sits at a limit (over 48 - prefix bytes, outside printable ASCII, or beginning
 * with `@TGS#` other than the Community form `@TGS#_…`) is sent as written, and then relies on
 * close() to remove it. Server-assigned IDs (`@TGS#…`) are never touched.
 */

import { randomInt } from 'node:crypto';

export const MAX_GROUP_ID_BYTES = 48;

/** Option keys whose string value is a user ID, and keys whose value is a list of user IDs. */
const USER_KEYS = new Set(['userID', 'newOwnerID', 'ownerAccount', 'ownerID', 'applicant']);
const USER_LIST_KEYS = new Set(['userIDList', 'toMembers']);
const GROUP_KEYS = new Set(['groupID']);
/** Objects the SDK handed out and expects back as they were: never rewritten field by field. */
export const OPAQUE_KEYS = new Set(['application', 'message']);

let runStamp: string | undefined;
let appCounter = 0;

/**
 * A fresh prefix for one app: the run's timestamp (base 36) with two random characters (parallel
 * workers may start in the same millisecond), then the app's number.
 */
export function newPrefix(now = Date.now()): string {
  runStamp ??= `${now.toString(36)}${randomInt(36 * 36).toString(36).padStart(2, '0')}`;
  appCounter += 1;
  return `gs${runStamp}${appCounter.toString(36)}_`;
}

function printableAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

export class IdSpace {
  constructor(readonly prefix: string) {
    if (!/^[A-Za-z0-9]+_$/.test(prefix)) throw new Error(`invalid ID prefix ${JSON.stringify(prefix)}`);
  }

  user(id: string): string {
    // an empty ID stays empty: prefixed, it would turn a 10004 (missing) into a 10019 (unknown user)
    if (id === '') return id;
    return id.startsWith(this.prefix) ? id : `${this.prefix}${id}`;
  }

  /** A group ID as the service should see it (see the module comment for what is left alone). */
  group(id: string): string {
    if (id === '' || id.includes(this.prefix) || !printableAscii(id)) return id;
    let candidate: string;
    if (id.startsWith('@TGS#_')) {
      // a server-assigned Community ID (@TGS#_@TGS#…) is the service's own
      if (id.startsWith('@TGS#_@TGS#')) return id;
      candidate = `@TGS#_${this.prefix}${id.slice('@TGS#_'.length)}`;
    } else if (id.startsWith('@TGS#')) {
      return id;
    } else {
      candidate = `${this.prefix}${id}`;
    }
    return Buffer.byteLength(candidate, 'utf8') <= MAX_GROUP_ID_BYTES ? candidate : id;
  }

  /** Rewrites a call's argument for the service, by option name. */
  out(value: unknown, key?: string): unknown {
    if (typeof value === 'string') {
      if (key !== undefined && (USER_KEYS.has(key) || USER_LIST_KEYS.has(key))) return this.user(value);
      if (key !== undefined && GROUP_KEYS.has(key)) return this.group(value);
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => this.out(v, key !== undefined && USER_LIST_KEYS.has(key) ? key : undefined));
    if (typeof value === 'object' && value !== null) {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) o[k] = OPAQUE_KEYS.has(k) ? v : this.out(v, k);
      return o;
    }
    return value;
  }

  /** A positional argument (quitGroup(groupID) and the like) is a group ID. */
  outArg(arg: unknown): unknown {
    return typeof arg === 'string' ? this.group(arg) : this.out(arg);
  }

  /** Removes the prefix from every string of a (plain) value, keys included. */
  strip<T>(value: T): T {
    return stripDeep(value, this.prefix) as T;
  }

  stripText(s: string): string {
    return s.split(this.prefix).join('');
  }
}

function stripDeep(value: unknown, prefix: string): unknown {
  if (typeof value === 'string') return value.includes(prefix) ? value.split(prefix).join('') : value;
  if (Array.isArray(value)) return value.map((v) => stripDeep(v, prefix));
  if (typeof value === 'object' && value !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) o[stripDeep(k, prefix) as string] = stripDeep(v, prefix);
    return o;
  }
  return value;
}

/**
 * A JSON-safe copy of what the SDK returned: class instances become plain objects of their own
 * enumerable fields, functions are dropped, and cycles are cut.
 */
export function plain(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (seen.has(value) || depth > 40) return undefined;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => plain(v, seen, depth + 1) ?? null);
    if (value instanceof Date) return value.getTime();
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = plain(v, seen, depth + 1);
      if (c !== undefined) o[k] = c;
    }
    return o;
  } finally {
    seen.delete(value);
  }
}
