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
