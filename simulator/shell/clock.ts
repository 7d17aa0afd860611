/** Time for the simulator comes only from here, so runs are reproducible. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** 2026-01-01T00:00:00Z: a fixed start, so IDs, times and quotas repeat from run to run. */
export const DEFAULT_START = Date.UTC(2026, 0, 1);

export class VirtualClock implements Clock {
  private t: number;
  constructor(start: number = DEFAULT_START) {
    if (!Number.isFinite(start) || start < 0) throw new RangeError(`clock start must be a non-negative number of ms, got ${start}`);
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  /** Moves time forward; time never goes back. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance takes a non-negative number of ms, got ${ms}`);
    this.t += ms;
    return this.t;
  }
}
