/**
 * Pure matchers over what an implementation returned or delivered. No cucumber, no fast-check:
 * steps, properties and reports share them. Each returns `undefined` when the expectation holds
 * and a one-line explanation when it does not.
 */
import type { DeliveredEvent } from '../adapters/contract';

export type Outcome = { ok: true; data: any } | { ok: false; code: number | undefined; message: string };

export function expectSuccess(o: Outcome | undefined): string | undefined {
  if (o === undefined) return 'no call was made';
  if (o.ok) return undefined;
  return `expected success, got code ${o.code}: ${o.message}`;
}

export function expectCode(o: Outcome | undefined, code: number): string | undefined {
  if (o === undefined) return 'no call was made';
  if (o.ok) return `expected code ${code}, but the call succeeded with ${preview(o.data)}`;
  if (o.code !== code) return `expected code ${code}, got ${o.code}: ${o.message}`;
  return undefined;
}

/** Reads `a.b[2].c` from a value. */
export function at(value: unknown, path: string): unknown {
  if (path === '' || path === '.') return value;
  let cur: any = value;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((p) => p !== '')) {
    if (cur === null || cur === undefined) return undefined;
    cur = cur[part];
  }
  return cur;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  // the direct walk answers the common case (equal plain data) without building two JSON texts;
  // anything it does not vouch for is compared as canonical JSON, which defines equality here
  return samePlainData(a, b, 0) || JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Whether `a` and `b` are the same plain data: equal primitives, or arrays / plain objects with the
 * same keys (in any order) holding the same plain data. Then their canonical JSON is the same
 * text. False for anything else (a Date, NaN, a class instance …), which the caller then compares
 * as JSON: false here only means "not vouched for".
 */
function samePlainData(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return typeof a !== 'bigint' && (typeof a !== 'number' || Number.isFinite(a));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 64) return false;
  const pa = Object.getPrototypeOf(a);
  if (pa !== Object.getPrototypeOf(b)) return false;
  if (pa === Array.prototype) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!samePlainData(x[i], y[i], depth + 1)) return false;
    return true;
  }
  if (pa !== Object.prototype && pa !== null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    const va = (a as Record<string, unknown>)[k];
    // JSON drops undefined and functions: leave those to the JSON comparison
    if (va === undefined || typeof va === 'function' || !samePlainData(va, (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function preview(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export interface MessageQuery {
  kind: 'tip' | 'notice' | 'custom';
  operationType?: number;
  groupID?: string;
  userIDList?: string[];
}

const MESSAGE_TYPE = { tip: 'TIMGroupTipElem', notice: 'TIMGroupSystemNoticeElem', custom: 'TIMCustomElem' } as const;

/** Messages delivered through MESSAGE_RECEIVED that match the query. */
export function findMessages(events: readonly DeliveredEvent[], q: MessageQuery): any[] {
  const out: any[] = [];
  for (const e of events) {
    if (e.name !== 'onMessageReceived' || !Array.isArray(e.data)) continue;
    for (const m of e.data as any[]) {
      if (m?.type !== MESSAGE_TYPE[q.kind]) continue;
      const p = m.payload ?? {};
      if (q.operationType !== undefined && p.operationType !== q.operationType) continue;
      if (q.groupID !== undefined && (q.kind === 'custom' ? m.to : p.groupProfile?.groupID) !== q.groupID) continue;
      if (q.userIDList !== undefined && !deepEqual([...(p.userIDList ?? [])].sort(), [...q.userIDList].sort())) continue;
      out.push(m);
    }
  }
  return out;
}

export function findEvents(events: readonly DeliveredEvent[], name: string, where: (data: any) => boolean = () => true): DeliveredEvent[] {
  return events.filter((e) => e.name === name && where(e.data));
}

/** The group IDs in the last GROUP_LIST_UPDATED, or undefined if none arrived. */
export function lastGroupList(events: readonly DeliveredEvent[]): string[] | undefined {
  const updates = findEvents(events, 'onGroupListUpdated');
  const last = updates[updates.length - 1];
  return last === undefined ? undefined : (last.data as Array<{ groupID: string }>).map((g) => g.groupID);
}

/** UTF-8 byte length, the unit of every documented field limit. */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Whether events hold the `group_create` message of a group. */
export function hasGroupCreate(events: readonly DeliveredEvent[], groupID: string, data?: Record<string, unknown>): boolean {
  return findMessages(events, { kind: 'custom', groupID }).some((m) => {
    try {
      const parsed = JSON.parse(m.payload.data) as { businessID?: unknown };
      return parsed.businessID === 'group_create' && (data === undefined || missingFields(parsed, data) === undefined);
    } catch {
      return false;
    }
  });
}

/**
 * Whether `actual` holds every field of `expected` with the same value (objects compared field by
 * field, recursively; arrays and other values exactly). Returns the first difference.
 */
export function missingFields(actual: unknown, expected: unknown, path = ''): string | undefined {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path || 'the value'} is ${preview(actual)}, expected an object`;
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      const failure = missingFields((actual as Record<string, unknown>)[k], v, path === '' ? k : `${path}.${k}`);
      if (failure !== undefined) return failure;
    }
    return undefined;
  }
  return deepEqual(actual, expected) ? undefined : `${path || 'the value'} is ${preview(actual)}, expected ${preview(expected)}`;
}
