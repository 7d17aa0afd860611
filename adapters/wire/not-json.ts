/** What JSON cannot carry: an argument the wire client refuses before sending (transport.ts). */
import { Ref } from '../contract/refs';

/**
 * JSON silently turns NaN into null, drops undefined array items and flattens a Date or a class
 * instance; the server would then judge a different argument than the suite meant. Such an argument
 * cannot cross the wire, so it is refused before sending. Returns where the first offender sits.
 */
export function notJson(value: unknown, path: string, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value}`;
    case 'object': {
      if (value === null || value instanceof Ref) return undefined;
      if (seen.has(value)) return `${path} is a cycle`;
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return `${path} is not a plain array`;
        seen.add(value);
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined) return `${path}[${i}] is undefined`;
          const bad = notJson(value[i], `${path}[${i}]`, seen);
          if (bad !== undefined) return bad;
        }
        seen.delete(value);
        return undefined;
      }
      if (proto !== Object.prototype && proto !== null) return `${path} is a ${proto?.constructor?.name ?? 'non-plain'} object`;
      seen.add(value);
      for (const [k, v] of Object.entries(value)) {
        // an undefined property means "absent", which is exactly what omitting it says
        if (v === undefined) continue;
        const bad = notJson(v, `${path}.${k}`, seen);
        if (bad !== undefined) return bad;
      }
      seen.delete(value);
      return undefined;
    }
    default:
      return `${path} is a ${typeof value}`;
  }
}
