/**
 * Normalisation for differential comparison: group IDs become the aliases the driver gave them, and
 * fields that legitimately differ between two correct implementations (times, message IDs,
 * sequence numbers, opaque application keys) are dropped.
 */
const VOLATILE = new Set(['createTime', 'lastInfoTime', 'joinTime', 'time', 'ID', 'sequence', 'clientSequence', 'random', 'messageKey', 'authentication', 'infoSequence', 'nextMessageSeq', 'muteUntil', 'lastTime', 'lastSequence']);

export function normalise(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  const byID = new Map([...ids].map(([alias, id]) => [id, `<${alias}>`]));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = byID.get(v) ?? v;
      // IDs embedded in longer strings: conversation IDs, messages naming a group
      for (const [id, alias] of byID) if (s.includes(id)) s = s.split(id).join(alias);
      return s;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => !VOLATILE.has(k)).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value);
}
