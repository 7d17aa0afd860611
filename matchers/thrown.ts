/**
 * What a rejection or a throw carried, read without trusting it. An implementation may reject with
 * anything: null, undefined, a string, a number, a frozen object without a message, an Error whose
 * getters throw, a cyclic object. Reading such a value must never throw in the gate's own code, and
 * the report must show what was thrown.
 */
import { inspect } from 'node:util';

export interface Thrown {
  /** The numeric Tencent code, when the value is an object carrying one. */
  code: number | undefined;
  /** The Error's name, when it has a readable string one. */
  name: string | undefined;
  /** The Error's message, or the value shown when it has none. */
  message: string;
  /** The value as a report shows it: `TypeError: …`, `null`, `"a string"`, `{ reason: 'x' }`. */
  shown: string;
}

/** Longest text kept of a thrown value: an implementation's 20 MB message must not reach every report whole. */
const MAX_SHOWN = 1000;

function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function clip(s: string): string {
  return s.length <= MAX_SHOWN ? s : `${s.slice(0, MAX_SHOWN)}… (${s.length} characters)`;
}

function inspected(value: object): string {
  try {
    return inspect(value, { depth: 2, breakLength: Infinity, maxStringLength: MAX_SHOWN, maxArrayLength: 20 });
  } catch {
    // its getters throw even for util.inspect: name what it is, at least
    const ctor = read(value, 'constructor');
    const name = typeof ctor === 'function' ? read(ctor, 'name') : undefined;
    return `a ${typeof name === 'string' && name !== '' ? name : 'object'} whose properties throw when read`;
  }
}

export function thrown(value: unknown): Thrown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    const shown = clip(typeof value === 'string' ? JSON.stringify(value) : String(value));
    return { code: undefined, name: undefined, message: shown, shown };
  }
  const code = read(value, 'code');
  const name = read(value, 'name');
  const message = read(value, 'message');
  const text = typeof message === 'string' ? clip(message) : undefined;
  const nameText = typeof name === 'string' ? name : undefined;
  const shown = text !== undefined ? `${nameText ?? 'Error'}: ${text}` : clip(inspected(value));
  return { code: typeof code === 'number' ? code : undefined, name: nameText, message: text ?? shown, shown };
}

/** Whether a thrown value is the gate's deadline firing (adapters/contract/deadline.ts's TimeoutError). */
export function isTimeout(t: Thrown): boolean {
  return t.name === 'TimeoutError' && t.code === undefined;
}
