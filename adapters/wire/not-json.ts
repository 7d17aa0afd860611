/** What JSON cannot carry: an argument the wire client refuses before sending (transport.ts). */
import { Ref } from '../contract/refs';

/**
 * JSON silently turns NaN into null, drops undefined array items and flattens a Date or a class
 * instance; the server would then judge a different argument than the suite meant. Such an argument
 * cannot cross the wire, so it is refused before sending. Returns where the first offender sits.
 * Every call's argument is walked: the path is built only for an offender, and the objects being
 * walked are a stack, not a Set (no allocation for an argument JSON can carry).
 */
export function notJson(value: unknown, path: string): string | undefined {
  const found = offender(value, []);
  return found === undefined ? undefined : `${path}${found.where} ${found.what}`;
}

function offender(value: unknown, walking: object[]): { where: string; what: string } | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { where: '', what: `is ${value}` };
    case 'object': {
      if (value === null || value instanceof Ref) return undefined;
      if (walking.includes(value)) return { where: '', what: 'is a cycle' };
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return { where: '', what: 'is not a plain array' };
        walking.push(value);
        for (let i = 0; i < value.length; i++) {
          const bad = value[i] === undefined ? { where: '', what: 'is undefined' } : offender(value[i], walking);
          if (bad !== undefined) return { where: `[${i}]${bad.where}`, what: bad.what };
        }
        walking.pop();
        return undefined;
      }
      if (proto !== Object.prototype && proto !== null) return { where: '', what: `is a ${proto?.constructor?.name ?? 'non-plain'} object` };
      walking.push(value);
      for (const k of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[k];
        // an undefined property means "absent", which is exactly what omitting it says
        if (v === undefined) continue;
        const bad = offender(v, walking);
        if (bad !== undefined) return { where: `.${k}${bad.where}`, what: bad.what };
      }
      walking.pop();
      return undefined;
    }
    default:
      return { where: '', what: `is a ${typeof value}` };
  }
}
