/**
 * Batch references (docs/protocol.md §4.11, "References"): in a batch sent with `references: true`,
 * a request's body may name a value of an earlier request's answer in the same batch, so a request
 * that needs an answer (the group ID a createGroup made) travels in the same exchange as it.
 *
 * `{"$ref": {"request": k, "pointer": "/result/data/groupID"}}` stands for the value the JSON
 * pointer (RFC 6901) names in the body of request k's answer; `{"$literal": v}` stands for v as
 * written (nothing inside it is a reference), so any JSON value can still be sent.
 */
import { isObject, pointerAt } from '../../adapters/contract/refs';
import { WireFault } from './bodies';

/** Most references one batch may carry: a resolved value is copied into the body, so this bounds what a batch can make the server build. */
export const MAX_REFERENCES = 1024;
/** Longest pointer accepted. */
const MAX_POINTER = 1024;

export interface Reference {
  readonly request: number;
  readonly pointer: string;
}

const soleKey = (o: Record<string, unknown>): string | undefined => {
  let only: string | undefined;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    if (only !== undefined) return undefined;
    only = k;
  }
  return only;
};

function invalid(i: number, where: string, message: string): WireFault {
  return new WireFault(400, 'invalid-request', `invalid request body: requests.${i}.body${where}: ${message}`);
}

/** The reference an object of the one key "$ref" makes, checked: the batch is refused whole when one is malformed. */
function parseReference(i: number, where: string, value: unknown): Reference {
  if (!isObject(value)) throw invalid(i, where, '"$ref" must be an object {"request": <index of an earlier request>, "pointer": <JSON pointer>}');
  for (const k of Object.keys(value)) if (k !== 'request' && k !== 'pointer') throw invalid(i, where, `unknown field "${k}" in "$ref" (only "request" and "pointer")`);
  const { request, pointer } = value;
  if (typeof request !== 'number' || !Number.isInteger(request) || request < 0) throw invalid(i, where, '"$ref".request must be the index of an earlier request (an integer from 0)');
  if (request >= i) throw invalid(i, where, `"$ref".request ${request} is not an earlier request (references point backwards: at most ${i - 1})`);
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) throw invalid(i, where, '"$ref".pointer must be a JSON pointer ("" or starting with "/")');
  if (pointer.length > MAX_POINTER) throw invalid(i, where, `"$ref".pointer is longer than ${MAX_POINTER} characters`);
  if (/~(?![01])/.test(pointer)) throw invalid(i, where, `"$ref".pointer ${JSON.stringify(pointer)} has a "~" not followed by 0 or 1 (RFC 6901)`);
  return { request, pointer };
}

/**
 * Checks request i's body for references before anything runs; counts them into `tally`. Returns
 * whether the body must be rewritten (it holds a reference or a literal); most bodies are left untouched.
 */
export function scanBody(i: number, body: unknown, tally: { references: number }): boolean {
  let rewrite = false;
  // the path to where the walk is, as segments: joined only for a reference (every POST body of a batch is walked)
  const path: string[] = [];
  const where = () => path.map((k) => `.${k}`).join('');
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) {
        path.push(String(k));
        walk(v[k]);
        path.pop();
      }
      return;
    }
    if (!isObject(v)) return;
    const only = soleKey(v);
    if (only === '$literal') {
      rewrite = true;
      return;
    }
    if (only === '$ref') {
      rewrite = true;
      parseReference(i, where(), v.$ref);
      if (++tally.references > MAX_REFERENCES) throw new WireFault(413, 'batch-too-large', `a batch carries at most ${MAX_REFERENCES} references, got more`);
      return;
    }
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      path.push(k);
      walk(v[k]);
      path.pop();
    }
  };
  walk(body);
  return rewrite;
}

/** An earlier request's answer, as the batch has it. */
export interface Answered {
  readonly status: number;
  readonly text: string;
  /** Top-level scalar fields known without parsing the text (an events page's `ok`, `next`, `more`). */
  readonly top?: Readonly<Record<string, unknown>>;
  /** Parsed on first use: most answers are never referred to. */
  parsed?: unknown;
}

/** A pointer to one top-level field whose name needs no unescaping. */
const TOP_POINTER = /^\/([^/~]+)$/;

const unresolved = (i: number, message: string) => new WireFault(424, 'unresolved-reference', `request ${i} was not run: ${message}`);

/**
 * Request i's body with its references replaced by the values they name and its literals
 * unwrapped. Throws a 424 unresolved-reference (the request is then answered with it and not run)
 * when a referenced request did not succeed or the pointer names nothing in its answer.
 */
export function resolveBody(i: number, body: unknown, answers: readonly Answered[]): unknown {
  const value = (ref: Reference): unknown => {
    const a = answers[ref.request]!;
    // a chained events read names `/next` of the page before: a scalar the handler gave beside the text
    if (a.top !== undefined && a.top.ok === true && a.status >= 200 && a.status <= 299) {
      const key = TOP_POINTER.exec(ref.pointer)?.[1];
      if (key !== undefined && Object.prototype.hasOwnProperty.call(a.top, key)) return a.top[key];
    }
    a.parsed ??= JSON.parse(a.text) as unknown;
    const doc = a.parsed as { ok?: unknown; error?: { code?: unknown; reason?: unknown; message?: unknown } };
    if (a.status < 200 || a.status > 299 || !isObject(doc) || doc.ok !== true) {
      const e = isObject(doc) && isObject(doc.error) ? ` (${String(doc.error.code)}${doc.error.reason === undefined ? '' : `, ${String(doc.error.reason)}`}: ${String(doc.error.message)})` : '';
      throw unresolved(i, `it refers to request ${ref.request}, which did not succeed: status ${a.status}${e}`);
    }
    const found = pointerAt(doc, ref.pointer);
    if ('missing' in found) throw unresolved(i, `it refers to ${JSON.stringify(ref.pointer)} in the answer of request ${ref.request}, which names nothing: ${found.missing}`);
    // a copy: two references to one value must not share it, whatever the handler does with its
    // argument (a string, number, boolean or null is its own copy: most references name an ID)
    return typeof found.value === 'object' && found.value !== null ? structuredClone(found.value) : found.value;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    const only = soleKey(v);
    if (only === '$literal') return v.$literal;
    if (only === '$ref') return value(v.$ref as Reference);
    const out: Record<string, unknown> = {};
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      // defineProperty, not assignment, for "__proto__": it stays a key, as JSON.parse made it
      if (k === '__proto__') Object.defineProperty(out, k, { value: walk(v[k]), enumerable: true, writable: true, configurable: true });
      else out[k] = walk(v[k]);
    }
    return out;
  };
  return walk(body);
}
