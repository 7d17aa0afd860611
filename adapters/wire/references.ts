/**
 * The client's half of batch references (docs/protocol.md §4.11, "References"): a call argument's
 * Refs encoded for the batch its request goes in. A Ref to a request of the same batch travels as
 * `{"$ref": {"request": k, "pointer": "/result" + pointer}}`; a Ref to a request answered before
 * travels as the value itself, taken from that answer here, as the server would take it.
 */
import { Ref, UnresolvedReference, innermost, isObject, pointerAt } from '../contract/refs';
import type { Queued } from './queued';

/**
 * Which queued request each call's (or events read's) promise stands for: one per transport, kept
 * on the promise under a symbol of its own. A WeakMap did the same at a cost: every call and events
 * read made an entry that the fuzzer over the wire almost never looks up (~15 a fuzzed command),
 * each an ephemeron the garbage collector walks.
 */
export class Sources {
  private readonly key = Symbol('the wire request this promise stands for');
  get(p: Promise<unknown>): Queued | undefined {
    return (p as unknown as Record<symbol, Queued | undefined>)[this.key];
  }
  set(p: Promise<unknown>, q: Queued): void {
    // a symbol key: no for-in, Object.keys or JSON.stringify of the promise sees it
    (p as unknown as Record<symbol, Queued>)[this.key] = q;
  }
}

/**
 * The client's own reference into an earlier request's whole answer body, not into a call's
 * `result` (an events read's `next`, docs/protocol.md §4.6): `pointer` goes on the wire as it is.
 */
export class AnswerRef extends Ref {
  constructor(read: Promise<unknown>, pointer: string) {
    super(read as Ref['call'], pointer);
  }
}


/** The object's one defined key, as JSON.stringify would write it, if it has exactly one. */
function soleKey(o: Record<string, unknown>): string | undefined {
  let only: string | undefined;
  for (const k in o) {
    if (o[k] === undefined) continue;
    if (only !== undefined) return undefined;
    only = k;
  }
  return only;
}

/** The value a Ref to an answered request names, as the server resolves it (servers/wire/references.ts). */
function answeredValue(source: Queued, ref: Ref): unknown {
  if (source.reply === undefined) {
    throw new UnresolvedReference(`${source.what} ${source.failed === undefined ? 'has not been answered' : 'failed'}, and a later call refers to its answer`, { cause: source.failed });
  }
  const { status, body } = source.reply;
  const doc = body as { ok?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  if (status < 200 || status > 299 || !isObject(doc) || doc.ok !== true) {
    const why = isObject(doc) && isObject(doc.error) ? ` (${String(doc.error.code)}: ${String(doc.error.message)})` : '';
    throw new UnresolvedReference(`not called: it refers to the answer of ${source.what}, which did not succeed: status ${status}${why}`);
  }
  const found = pointerAt(ref instanceof AnswerRef ? doc : doc.result, ref.pointer);
  if ('missing' in found) throw new UnresolvedReference(`not called: it refers to ${JSON.stringify(ref.pointer)} in the answer of ${source.what}, which names nothing: ${found.missing}`);
  return found.value;
}

/**
 * A body as it goes in a batch whose earlier requests are `chunk`: its Refs as references (to the
 * chunk) or values, and an object that would read as a reference or a literal wrapped in
 * `{"$literal": …}`. `references` says whether the batch must be sent with `references: true`.
 * Throws UnresolvedReference when a Ref cannot be had.
 */
export function encodeBody(body: unknown, chunk: readonly Queued[], sources: Sources): { text: string; references: boolean } {
  let references = false;
  const encode = (v: unknown): string => {
    if (v instanceof Ref) {
      const source = sources.get(innermost(v.call));
      if (source === undefined) throw new UnresolvedReference(`not called: a reference names a promise that is not one this implementation's calls returned (refTo takes the promise call() returned)`);
      const k = source.chunk === chunk ? source.k! : -1;
      if (k >= 0) {
        references = true;
        return `{"$ref":{"request":${k},"pointer":${JSON.stringify(v instanceof AnswerRef ? v.pointer : `/result${v.pointer}`)}}}`;
      }
      return encode(answeredValue(source, v));
    }
    if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : encode(x))).join(',')}]`;
    if (isObject(v)) {
      const only = soleKey(v);
      if (only === '$ref' || only === '$literal') {
        // the server would read it as a reference or a literal; "$literal" keeps it as written
        references = true;
        return `{"$literal":${JSON.stringify(v)}}`;
      }
      const parts: string[] = [];
      for (const k of Object.keys(v)) if (v[k] !== undefined) parts.push(`${JSON.stringify(k)}:${encode(v[k])}`);
      return `{${parts.join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return { text: encode(body), references };
}
