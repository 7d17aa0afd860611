/**
 * Normalisation for differential comparison: group IDs become the aliases the driver gave them, and
 * fields that legitimately differ between two correct implementations (times, message IDs,
 * sequence numbers, opaque application keys) are dropped.
 */
const VOLATILE = new Set(['createTime', 'lastInfoTime', 'joinTime', 'time', 'ID', 'sequence', 'clientSequence', 'random', 'messageKey', 'authentication', 'infoSequence', 'nextMessageSeq', 'muteUntil', 'lastTime', 'lastSequence']);

/**
 * The replacements for one system's IDs, and every string already rewritten with them. The
 * fuzzer normalises four values per step (outcomes and events of both sides), the same few
 * strings again and again: a string's rewrite was the largest single cost of a differential run
 * (a quarter of its CPU, docs/performance.md). Kept per ID map, rebuilt when its entries change.
 */
interface Rewriter {
  entries: Array<[string, string]>;
  byID: Map<string, string>;
  done: Map<string, string>;
}
const rewriters = new WeakMap<ReadonlyMap<string, string>, Rewriter>();

function rewriterFor(ids: ReadonlyMap<string, string>): Rewriter {
  const known = rewriters.get(ids);
  if (known !== undefined && known.entries.length === ids.size) {
    let i = 0;
    let same = true;
    for (const [alias, id] of ids) {
      const e = known.entries[i++]!;
      if (e[0] !== alias || e[1] !== id) {
        same = false;
        break;
      }
    }
    if (same) return known;
  }
  const r: Rewriter = { entries: [...ids], byID: new Map([...ids].map(([alias, id]) => [id, `<${alias}>`])), done: new Map() };
  rewriters.set(ids, r);
  return r;
}

function rewrite(s: string, r: Rewriter): string {
  const done = r.done.get(s);
  if (done !== undefined) return done;
  let out = r.byID.get(s) ?? s;
  // IDs embedded in longer strings: conversation IDs, messages naming a group
  for (const [id, alias] of r.byID) if (out.includes(id)) out = out.split(id).join(alias);
  r.done.set(s, out);
  return out;
}

export function normalise(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  const r = rewriterFor(ids);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return rewrite(v, r);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        if (VOLATILE.has(k)) continue;
        const x = walk((v as Record<string, unknown>)[k]);
        // an own "__proto__" key stays a key (as Object.fromEntries keeps it); assigning would set the prototype
        if (k === '__proto__') Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
        else out[k] = x;
      }
      return out;
    }
    return v;
  };
  return walk(value);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** One side of a differential comparison: a value and the ID map it is normalised with. */
export interface Side {
  value: unknown;
  ids: ReadonlyMap<string, string>;
}

/**
 * Whether normalise() makes the two sides the same plain data, key for key (then their canonical
 * JSON is the same: deepEqual holds), found by walking both at once without
 * building the normalised copies, which were a differential run's largest allocation over the
 * wire (docs/performance.md, round five). False only means "not vouched for": the caller then
 * normalises both and compares them as before.
 */
export function sameNormalised(a: Side, b: Side): boolean {
  const ra = rewriterFor(a.ids);
  const rb = rewriterFor(b.ids);
  const same = (x: unknown, y: unknown, depth: number): boolean => {
    if (typeof x === 'string') return typeof y === 'string' && rewrite(x, ra) === rewrite(y, rb);
    // any other primitive normalise keeps as it is (what JSON cannot carry is left to the caller)
    if (x === null || typeof x !== 'object') return x === y && typeof x !== 'bigint' && typeof x !== 'function' && (typeof x !== 'number' || Number.isFinite(x));
    if (y === null || typeof y !== 'object' || depth > 64) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!(i in x) || !(i in y) || !same(x[i], y[i], depth + 1)) return false;
      return true;
    }
    if (Array.isArray(y)) return false;
    // normalise keeps the own enumerable string keys less the volatile ones; deepEqual ignores their
    // order. `for in` (no key arrays) sees inherited keys too: those are compared only where own.
    let n = 0;
    for (const k in x) {
      if (!hasOwn(x, k) || VOLATILE.has(k)) continue;
      if (!hasOwn(y, k) || !same((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], depth + 1)) return false;
      n++;
    }
    for (const k in y) if (hasOwn(y, k) && !VOLATILE.has(k)) n--;
    return n === 0;
  };
  return same(a.value, b.value, 0);
}
