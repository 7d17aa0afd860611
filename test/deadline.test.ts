/**
 * Deadlines (one shared timer) must time calls out exactly as `bounded` (a timer per call) does:
 * the World relies on it for every step's call.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bounded, Deadlines, withDeadlines } from '../adapters/contract/deadline';
import { answeredAtOnce } from '../adapters/contract/at-once';
import { innermost } from '../adapters/contract/refs';
import { simulatorImplementation } from '../adapters/simulator';

const never = () => new Promise<never>(() => undefined);
const after = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

/** When (fake ms) and how each promise settles. */
function track(p: Promise<unknown>): { settled?: { at: number; ok: boolean; value: unknown } } {
  const out: { settled?: { at: number; ok: boolean; value: unknown } } = {};
  const t0 = Date.now();
  p.then(
    (value) => (out.settled = { at: Date.now() - t0, ok: true, value }),
    (e: Error) => (out.settled = { at: Date.now() - t0, ok: false, value: `${e.name}: ${e.message}` }),
  );
  return out;
}

describe('Deadlines', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('settles like bounded: an answer in time passes through, a silent call times out at its deadline', async () => {
    const d = new Deadlines();
    const cases = [
      { what: 'fast', ms: 100, p: () => after(10, 'ok') },
      { what: 'slow', ms: 100, p: () => after(500, 'late') },
      { what: 'silent', ms: 50, p: never },
      { what: 'failing', ms: 100, p: () => after(20, undefined).then(() => Promise.reject(Object.assign(new Error('no'), { name: 'ChatError' }))) },
    ];
    const shared = cases.map((c) => track(d.bound(c.what, c.ms, c.p())));
    const single = cases.map((c) => track(bounded(c.what, c.ms, c.p())));
    await vi.advanceTimersByTimeAsync(1000);
    expect(shared.map((s) => s.settled)).toEqual(single.map((s) => s.settled));
    expect(shared.map((s) => s.settled)).toEqual([
      { at: 10, ok: true, value: 'ok' },
      { at: 100, ok: false, value: 'TimeoutError: slow did not answer within 100 ms' },
      { at: 50, ok: false, value: 'TimeoutError: silent did not answer within 50 ms' },
      { at: 20, ok: false, value: 'ChatError: no' },
    ]);
  });

  it('times out a later call with a longer deadline on time, after an earlier one fired', async () => {
    const d = new Deadlines();
    const first = track(d.bound('first', 30, never()));
    await vi.advanceTimersByTimeAsync(10);
    const second = track(d.bound('second', 100, never()));
    await vi.advanceTimersByTimeAsync(25);
    expect(first.settled?.ok).toBe(false);
    expect(second.settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(second.settled).toEqual({ at: 100, ok: false, value: 'TimeoutError: second did not answer within 100 ms' });
  });

  it('arms one timer for calls one after another, and none is left pending once they answered', async () => {
    const d = new Deadlines();
    const armed = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 20; i++) {
      const call = d.bound(`call ${i}`, 1000, Promise.resolve(i));
      await expect(call).resolves.toBe(i);
    }
    expect(armed).toHaveBeenCalledTimes(1);
    armed.mockRestore();
    // the armed timer finds nothing due and does not re-arm
    await vi.advanceTimersByTimeAsync(2000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('hands an answer marked answeredAtOnce back as it is, arming no timer; an unmarked one is still bounded', async () => {
    const d = new Deadlines();
    const armed = vi.spyOn(globalThis, 'setTimeout');
    const marked = answeredAtOnce(Promise.resolve('now'));
    expect(d.bound('marked', 100, marked)).toBe(marked);
    expect(bounded('marked', 100, marked)).toBe(marked);
    expect(armed).not.toHaveBeenCalled();
    // what is no promise is bounded, and fails, as before
    await expect(d.bound('nothing', 100, undefined as never)).rejects.toThrow(TypeError);
    const plain = Promise.resolve('later');
    expect(d.bound('plain', 100, plain)).not.toBe(plain);
    expect(armed).toHaveBeenCalledTimes(1);
    armed.mockRestore();
    await vi.advanceTimersByTimeAsync(200);
  });

  it('an answer that only pretends to be marked (a Proxy answering every property, true under every symbol) is still bounded', async () => {
    const d = new Deadlines();
    // an answer that never settles, as an implementation's thenable may be
    const never = { then: () => undefined } as unknown as Promise<string>;
    const liar = new Proxy(never, { get: (t, k) => (typeof k === 'symbol' ? true : Reflect.get(t, k)) as unknown });
    const symbols = Promise.resolve('x');
    const mark = Object.getOwnPropertySymbols(answeredAtOnce(Promise.resolve('y')))[0]!;
    (symbols as unknown as Record<symbol, unknown>)[mark] = true;
    const [lied, marked] = [d.bound('liar', 100, liar), d.bound('marked', 100, symbols)];
    expect(lied).not.toBe(liar);
    expect(marked).not.toBe(symbols);
    await expect(marked).resolves.toBe('x');
    const late = expect(lied).rejects.toThrow('liar did not answer within 100 ms');
    await vi.advanceTimersByTimeAsync(200);
    await late;
  });

  it("the embedded simulator's answers are marked: withDeadlines passes them through, and a Ref still names the call", async () => {
    const sim = simulatorImplementation();
    const impl = withDeadlines({ ...sim, references: true }, 100);
    const app = await impl.createApp();
    const alice = await app.login('alice');
    const call = alice.call('createGroup', { name: 'g', type: 'Public' });
    // the bound of a marked answer is the answer itself: no sameCall loop
    expect(innermost(call)).toBe(call);
    await expect(call).resolves.toMatchObject({ code: 0 });
    await expect(alice.call('quitGroup', 'nope')).rejects.toMatchObject({ code: expect.any(Number) });
  });
});
