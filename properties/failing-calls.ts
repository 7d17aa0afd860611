/**
 * The calls behind a failed property other than the fuzzer (races, time, bad input). fast-check
 * ends on the shrunk counterexample, so the last failing run is the one reported; its calls are
 * rendered at once, while its app is still open, because rendering reads the sessions' event logs.
 */
import type { App } from '../adapters/contract';
import { traceOf, type RenderedTrace } from '../adapters/contract/trace';

export class FailingCalls {
  calls: RenderedTrace | undefined;

  /** Runs one property run on `app`, keeping its calls when it fails. */
  async watch<T>(app: App, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      // a trace that cannot be rendered must not hide the property's own failure
      this.calls = await traceOf(app)?.render().catch(() => undefined);
      throw e;
    }
  }
}

const CALLS = new WeakMap<object, RenderedTrace>();

/** The error a property failed with, carrying the calls of its counterexample when there are any. */
export function withCalls(e: unknown, calls: RenderedTrace | undefined): unknown {
  if (calls !== undefined && typeof e === 'object' && e !== null) CALLS.set(e, calls);
  return e;
}

export function callsOf(e: unknown): RenderedTrace | undefined {
  return typeof e === 'object' && e !== null ? CALLS.get(e) : undefined;
}
