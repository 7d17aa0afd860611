/**
 * Answers that can miss no deadline: an implementation whose calls settle before anything else
 * runs (the embedded simulator, whose core is synchronous: its answer is settled when handed over)
 * marks them, and `bounded` and `Deadlines` (deadline.ts) hand them back as they are instead of
 * racing them against a timer. A deadline can only pass on a later macrotask, by when such an
 * answer has long settled; so the outcome is the same, without the two promises and two closures a
 * bound costs (some 36 calls a scenario: docs/performance.md, round five).
 */
// a property of the promise, not a WeakSet: a WeakSet of 40,000 short-lived promises cost more
// (~0.1 s of CPU in a feature run) than the bounds it saved. Its value is an object of this module's
// own, not `true`: an implementation's answer that is a Proxy answering every property (or one
// that sets `true` under every symbol) would otherwise escape its deadline and could hang a run.
// This module is not part of the package's exports (package.json), so only our adapters mark.
const AT_ONCE: unique symbol = Symbol('answered at once');
const TOKEN: object = Object.freeze({});
type Marked = Promise<unknown> & { [AT_ONCE]?: object };

/** Marks an answer that settles before any timer can fire; returns it. */
export function answeredAtOnce<T>(p: Promise<T>): Promise<T> {
  (p as Marked)[AT_ONCE] = TOKEN;
  return p;
}

export function isAnsweredAtOnce(p: Promise<unknown>): boolean {
  try {
    return (p as Marked)[AT_ONCE] === TOKEN;
  } catch {
    // not a promise at all (undefined, a proxy that throws): the bound fails on it as it always did
    return false;
  }
}

/** `derived` (a `then` of `p`, settling a microtask after it) marked as `p` is. */
export function atOnceAs<T>(p: Promise<unknown>, derived: Promise<T>): Promise<T> {
  return isAnsweredAtOnce(p) ? answeredAtOnce(derived) : derived;
}
