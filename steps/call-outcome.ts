/**
 * What a call's answer or failure means for the scenario (GroupWorld.attempt): an Outcome, and the
 * incident to report when the implementation broke the contract or missed its deadline. Kept apart
 * from the World so that the call path can run them as the one reaction to an answer (no async
 * function and no extra `then` per call: each promise costs cucumber's AsyncLocalStorage hooks,
 * docs/performance.md, round six).
 */
import { NotApplicable, type CallResult } from '../adapters/contract';
import { Deadlines } from '../adapters/contract/deadline';
import { UnresolvedReference } from '../adapters/contract/refs';
import type { Outcome } from '../matchers/matchers';
import { isTimeout, thrown } from '../matchers/thrown';
import type { Hold } from './reads-ahead';
import { answerIssue, fastResponseIssue } from './response-check';
import { ADMIN, Skip, type Incident } from './world-terms';

/** Every World's calls share one deadline timer (see Deadlines): the same deadlines, not a timer per call. */
export const DEADLINES = new Deadlines();

/** Records an incident (the first one of a scenario is the one reported). */
export type Report = (incident: Incident) => void;

/** A settled answer: the contract's `{code: 0, data}`, or a crash when it is malformed. */
export function answered(actor: string, method: string, r: unknown, hold: Hold, report: Report): Outcome {
  const issue = answerIssue(method, r) ?? (actor === ADMIN ? undefined : fastResponseIssue(method, (r as { data: unknown }).data));
  if (issue !== undefined) {
    hold(() => report({ kind: 'crashed', message: issue }));
    return { ok: false, code: undefined, message: issue };
  }
  return { ok: true, data: (r as { data: unknown }).data };
}

/**
 * A rejected answer, as the World's deadline hands it on (GroupWorld.deadline): an operation the
 * implementation does not have makes the step not applicable, a timeout is reported as one.
 */
export function rejected(method: string, e: unknown, hold: Hold, report: Report): Outcome {
  try {
    screen(e, hold, report);
  } catch (inner) {
    if (inner instanceof Skip) throw inner;
    // a rejection that cannot even be inspected (a revoked Proxy): what inspecting it threw is the crash
    return failed(method, inner, hold, report);
  }
  return failed(method, e, hold, report);
}

/**
 * What every rejection of the implementation's is looked at for first (GroupWorld.deadline, rejected):
 * an operation it does not have makes the step not applicable (throws Skip), a missed deadline is reported.
 */
export function screen(e: unknown, hold: Hold, report: Report): void {
  if (e instanceof NotApplicable) throw new Skip(e.message);
  const t = thrown(e);
  if (isTimeout(t)) hold(() => report({ kind: 'timeout', message: t.message }));
}

/** A call that threw or rejected: a refusal (an Error carrying a numeric code), or an incident. */
export function failed(method: string, e: unknown, hold: Hold, report: Report): Outcome {
  if (e instanceof Skip) throw e;
  // not made: a set-up call it refers to failed, and that failure is reported where it is awaited
  if (e instanceof UnresolvedReference) return { ok: false, code: undefined, message: e.message };
  const t = thrown(e);
  // the contract: a refusal rejects with an Error carrying a numeric code; anything else is a crash
  if (t.code === undefined) {
    const incident: Incident = isTimeout(t) ? { kind: 'timeout', message: `${method}: ${t.message}` } : { kind: 'crashed', message: `${method}: rejected with ${t.shown}, not an Error carrying a numeric code` };
    hold(() => report(incident));
  }
  return { ok: false, code: t.code, message: t.message };
}

/** The outcome of a call issued (its answer bounded by its deadline), made in the one reaction to the answer. */
export function outcomeOf(answer: Promise<CallResult>, actor: string, method: string, hold: Hold, report: Report): Promise<Outcome> {
  return answer.then(
    (r) => {
      try {
        return answered(actor, method, r, hold, report);
      } catch (e) {
        // an answer that cannot even be read (a hostile implementation's) fails the call, as a throw would
        return failed(method, e, hold, report);
      }
    },
    (e: unknown) => rejected(method, e, hold, report),
  );
}

/** `failed` for a call that threw as it was issued, as the promise an async function would have returned. */
export function failedAtOnce(method: string, e: unknown, hold: Hold, report: Report): Promise<Outcome> {
  try {
    return Promise.resolve(failed(method, e, hold, report));
  } catch (skip) {
    return Promise.reject(skip);
  }
}

/** `f()`'s promise, or a rejected one when `f` throws: what an async function calling it would return. */
export function settled<T>(f: () => Promise<T>): Promise<T> {
  try {
    return f();
  } catch (e) {
    return Promise.reject(e);
  }
}
