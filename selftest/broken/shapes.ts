/**
 * The shapes most breaks take, named so that a break reads as the one rule it breaks:
 *
 * - `onRefusal` / `onAdminRefusal`: a call the implementation refuses is answered differently
 *   (it succeeds after all, is refused with another code, or half-applies before the refusal);
 * - `hideOnCall` / `hideOnAdmin`: some of the deliveries a call makes are hidden from some sessions;
 * - `onAnswer`, `answersGroupBefore`: a call that succeeds answers something else;
 * - `groupInfoFromMemo`: the app admin's getGroupInfo shows what the break remembered of a group.
 *
 * Each touches only the methods it names: every other call, and every other refusal, passes as it was.
 */
import type { CallResult, Session } from '../../adapters/contract';
import { attempt, refusal, type BreakContext, type Interceptor, type Next } from './decorate';
import { groupInfo, groupOf, hiding, isFailure, isMessage, memoMap, rethrow, withEdits, type Failure, type HidePredicate } from './kit';

/** One method, several, or `'*'` for every method. */
export type Methods = string | readonly string[];

function oneOf(methods: Methods): (method: string) => boolean {
  if (methods === '*') return () => true;
  return typeof methods === 'string' ? (m) => m === methods : (m) => methods.includes(m);
}

// ---- answering a refusal differently ----

/** What the answer to a refused call is told. */
export interface RefusedCall {
  ctx: BreakContext;
  method: string;
  /** The call's argument, as the caller gave it. */
  arg: any;
  /** The refusal the real call ended with. */
  refused: Failure;
  /** Performs the real call again (with a changed argument if given). */
  next: Next;
}

/** What a refused SDK call is answered with instead: a result; undefined lets the refusal stand (after any effect); or a throw (another refusal). */
export type RefusalAnswer = (c: RefusedCall & { s: Session }) => Promise<CallResult | undefined>;

async function answered<C extends RefusedCall>(c: C, answer: (c: C) => Promise<CallResult | undefined>, code: number | undefined): Promise<CallResult> {
  if (code === undefined || c.refused.code === code) {
    const r = await answer(c);
    if (r !== undefined) return r;
  }
  rethrow(c.refused);
}

/** SDK calls of `methods` refused with `code` (any code if undefined) are answered by `answer` instead. */
export function onRefusal(methods: Methods, code: number | undefined, answer: RefusalAnswer): Interceptor {
  const is = oneOf(methods);
  return {
    async call(ctx, s, method, arg, next) {
      if (!is(method)) return next();
      const r = await attempt(next());
      return isFailure(r) ? answered({ ctx, s, method, arg, refused: r, next }, answer, code) : r;
    },
  };
}

/** The same for the app admin's calls. */
export function onAdminRefusal(methods: Methods, code: number | undefined, answer: (c: RefusedCall) => Promise<CallResult | undefined>): Interceptor {
  const is = oneOf(methods);
  return {
    async admin(ctx, method, arg, next) {
      if (!is(method)) return next();
      const r = await attempt(next());
      return isFailure(r) ? answered({ ctx, method, arg, refused: r, next }, answer, code) : r;
    },
  };
}

/** An answer to a refusal: refused with another code instead. */
export function refuseWith(code: number, message: string): () => Promise<never> {
  return () => Promise.reject(refusal(code, message));
}

/** A refusal overruled: when `when` holds for the caller, `effect` is done behind the scenes and answers instead. */
export function overrule(
  method: string,
  code: number,
  when: (ctx: BreakContext, userID: string, arg: any) => Promise<boolean>,
  effect: (ctx: BreakContext, s: Session, arg: any) => Promise<CallResult>,
): Interceptor {
  return onRefusal(method, code, async ({ ctx, s, arg }) => ((await when(ctx, s.userID, arg)) ? effect(ctx, s, arg) : undefined));
}

// ---- answering a success differently ----

/** What the answer to a successful call is changed with. */
export interface AnsweredCall {
  ctx: BreakContext;
  s: Session;
  arg: any;
}

/** Successful SDK calls of `methods` answer what `change` makes of the real answer's data (undefined: the answer as it was). */
export function onAnswer(methods: Methods, change: (data: any, c: AnsweredCall) => unknown): Interceptor {
  const is = oneOf(methods);
  return {
    async call(ctx, s, method, arg, next) {
      const r = await next();
      if (!is(method)) return r;
      const data = await change(r.data, { ctx, s, arg });
      return data === undefined ? r : { ...r, data };
    },
  };
}

/** Successful app-admin calls of `methods` answer what `change` makes of the real answer's data. */
export function onAdminAnswer(methods: Methods, change: (data: any) => unknown): Interceptor {
  const is = oneOf(methods);
  return {
    async admin(_ctx, method, _arg, next) {
      const r = await next();
      return is(method) ? { ...r, data: change(r.data) } : r;
    },
  };
}

/** SDK calls of `method` answer with the group as the caller saw it before the call (where it could read it). */
export function answersGroupBefore(method: string, groupOfCall: (arg: unknown) => string | undefined = groupOf): Interceptor {
  return {
    async call(_ctx, s, m, arg, next) {
      const g = groupOfCall(arg);
      if (m !== method || g === undefined) return next();
      const before = await attempt(s.call('getGroupProfile', { groupID: g }));
      const r = await next();
      return isFailure(before) ? r : { ...r, data: { ...r.data, group: before.data.group } };
    },
  };
}

// ---- hiding deliveries ----

/** Which deliveries of a call to hide, chosen when the call is made (`caller` is undefined for the app admin's calls). */
export type HideChoice<C = { ctx: BreakContext; arg: any }> = (c: C) => HidePredicate | Promise<HidePredicate>;

/** SDK calls of `methods` run with the deliveries `choose` selects hidden from every session. */
export function hideOnCall(methods: Methods, choose: HideChoice<{ ctx: BreakContext; caller: Session; arg: any }>): Interceptor {
  const is = oneOf(methods);
  return withEdits({ call: async (ctx, caller, method, arg, next) => (is(method) ? hiding(ctx, await choose({ ctx, caller, arg }), next) : next()) });
}

/** The same for the app admin's calls. */
export function hideOnAdmin(methods: Methods, choose: HideChoice): Interceptor {
  const is = oneOf(methods);
  return withEdits({ admin: async (ctx, method, arg, next) => (is(method) ? hiding(ctx, await choose({ ctx, arg }), next) : next()) });
}

/** Hides system notice `op` about the call's group from everyone but the group's owner. */
export function noticeOnlyToOwner(op: number): HideChoice {
  return async ({ ctx, arg }) => {
    const owner = (await groupInfo(ctx, groupOf(arg)))?.ownerID;
    return (to, _e, m) => to.userID !== owner && isMessage(m, 'notice', op);
  };
}

// ---- the app admin's reads ----

/**
 * The app admin's getGroupInfo answers, for a group the break remembered something of (in
 * `memoMap(ctx, key)`, by group ID), what `patch` makes of the real answer and the remembered value.
 */
export function groupInfoFromMemo<V>(key: string, patch: (info: any, remembered: V) => any): Interceptor {
  return {
    async admin(ctx, method, arg, next) {
      const r = await next();
      const remembered = memoMap<string, V>(ctx, key).get(groupOf(arg) ?? '');
      return method === 'getGroupInfo' && remembered !== undefined ? { ...r, data: patch(r.data, remembered) } : r;
    },
  };
}

/** One interceptor of two: where both wrap the same calls, `outer` wraps `inner`. */
export function combine(outer: Interceptor, inner: Interceptor): Interceptor {
  const out: Interceptor = { ...inner, ...outer };
  if (outer.call !== undefined && inner.call !== undefined) {
    const [o, i] = [outer.call, inner.call];
    out.call = (ctx, s, method, arg, next) => o(ctx, s, method, arg, (a = arg) => i(ctx, s, method, a, next));
  }
  if (outer.admin !== undefined && inner.admin !== undefined) {
    const [o, i] = [outer.admin, inner.admin];
    out.admin = (ctx, method, arg, next) => o(ctx, method, arg, (a = arg) => i(ctx, method, a, next));
  }
  return out;
}
