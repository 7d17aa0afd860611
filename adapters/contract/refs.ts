/**
 * References to an earlier call's answer (issue 21): the suite can name a value of a call's answer
 * (the group ID a createGroup made) in a later call's argument before that answer has arrived. An
 * implementation that declares `Implementation.references` takes such arguments and resolves them
 * itself (the wire client sends both calls in one batch, docs/protocol.md §4.11 "References"); any
 * other is never given one (the suite awaits the answer and passes the value), so in-process
 * adapters need no change. An adapter that uses Refs itself over a backend without them resolves
 * them with `resolveRefs`, which awaits the answers.
 *
 *   const created = session.call('createGroup', {type: 'Public', name: 'g'});
 *   const added = admin.call('addGroupMember', {groupID: refTo(created, '/data/group/groupID'), userIDList: ['bob']});
 */
/** index.ts's CallResult, restated: index.ts re-exports this file, and imports may not go in a circle. */
interface CallResult {
  code: 0;
  data: any;
}

/** A value of an earlier call's answer: `pointer` (a JSON pointer, RFC 6901) into its `{code: 0, data}`. */
export class Ref {
  constructor(
    /** The promise the call returned (not one derived from it: an implementation recognises its own calls by it). */
    readonly call: Promise<CallResult>,
    readonly pointer: string,
  ) {
    if (pointer !== '' && !pointer.startsWith('/')) throw new RangeError(`a reference's pointer is a JSON pointer ("" or starting with "/"), got ${JSON.stringify(pointer)}`);
  }
}

const INNER = new WeakMap<Promise<unknown>, Promise<unknown>>();

/**
 * Says that a wrapper's promise (withDeadlines bounds each call with a promise of its own) stands
 * for the call it wraps, so that a Ref made from either names the same call. Returns `outer`.
 */
export function sameCall<T>(outer: Promise<T>, inner: Promise<unknown>): Promise<T> {
  INNER.set(outer, inner);
  return outer;
}

/** The promise an implementation's own call returned, under any wrappers' (sameCall). */
export function innermost(p: Promise<unknown>): Promise<unknown> {
  let q = p;
  for (let next = INNER.get(q); next !== undefined; next = INNER.get(q)) q = next;
  return q;
}

/** Names the value at `pointer` in the answer `call` will have (e.g. '/data/group/groupID'). */
export function refTo(call: Promise<CallResult>, pointer: string): Ref {
  return new Ref(call, pointer);
}

/**
 * A call that was not made because a value it referred to could not be had: the referenced call
 * failed (its own error is the cause), or the pointer names nothing in its answer. It carries no
 * numeric code: it is no refusal of the implementation's.
 */
export class UnresolvedReference extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnresolvedReference';
  }
}

/** A JSON object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value `pointer` names in `doc` (RFC 6901: "~1" is "/", "~0" is "~"; own properties only), or why it names nothing. */
export function pointerAt(doc: unknown, pointer: string): { value: unknown } | { missing: string } {
  if (pointer === '') return { value: doc };
  let v = doc;
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const here = path === '' ? 'the answer' : path;
    if (Array.isArray(v)) {
      if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= v.length) return { missing: `${here} is an array of ${v.length} without an item ${JSON.stringify(key)}` };
      v = v[Number(key)];
    } else if (isObject(v)) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) return { missing: `${here} has no field ${JSON.stringify(key)}` };
      v = v[key];
    } else {
      return { missing: `${here} is ${v === null ? 'null' : typeof v}, not an object or array` };
    }
    path += `/${raw}`;
  }
  return { value: v };
}

/** Whether a call argument holds a Ref anywhere. */
export function hasRefs(v: unknown): boolean {
  if (v instanceof Ref) return true;
  if (Array.isArray(v)) return v.some(hasRefs);
  if (isObject(v)) {
    for (const k in v) if (hasRefs(v[k])) return true;
  }
  return false;
}

/** The value a reference names once its call has answered; rejects with UnresolvedReference. */
export async function refValue(ref: Ref): Promise<unknown> {
  let answer: CallResult;
  try {
    answer = await ref.call;
  } catch (e) {
    throw new UnresolvedReference(`not called: it refers to an earlier call that failed (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const found = pointerAt(answer, ref.pointer);
  if ('missing' in found) throw new UnresolvedReference(`not called: it refers to ${JSON.stringify(ref.pointer)} in an earlier call's answer, which names nothing: ${found.missing}`);
  return found.value;
}

/** The argument with every Ref replaced by the value it names, awaiting the calls (for implementations without `references`). */
export async function resolveRefs(v: unknown): Promise<unknown> {
  if (v instanceof Ref) return refValue(v);
  if (Array.isArray(v)) return Promise.all(v.map(resolveRefs));
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await resolveRefs(x);
    return out;
  }
  return v;
}
