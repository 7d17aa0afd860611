import type { FailingCalls } from './failing-calls';

/** What one run of a property is given and reports: shared by the catalogue and every property. */
export interface PropertyRunConfig {
  numRuns: number;
  seed: number;
  /** A fast-check counterexample path: replay only that case (`groupspec run --replay SEED:PATH`). */
  path?: string;
  /** The command that replays a failure, given its seed and path (printed with the counterexample). */
  replayCommand?: (seed: number, path: string | undefined) => string;
  /** Keeps the calls of the last failing run (properties/failing-calls.ts), for the reports. */
  failing?: FailingCalls;
}

export interface PropertyStats {
  runs: number;
  commands: number;
}
