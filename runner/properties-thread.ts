/**
 * The second thread of an in-process run (runner/properties.ts starts it): its own embedded
 * simulator, the properties of the selected rules, and back to the run their results and log lines.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveImplementation } from '../adapters/resolve';
import type { PropertyResult } from './model';
import { runProperties, type BesideOutcome, type PropertyRunOptions } from './properties';

async function main(): Promise<void> {
  const { options, ids } = workerData as { options: PropertyRunOptions; ids: string[] };
  const impl = await resolveImplementation();
  const results: PropertyResult[] = [];
  const logs: string[] = [];
  await runProperties(options, impl, new Set(ids), results, { log: (line) => logs.push(line) });
  parentPort!.postMessage({ results, logs } satisfies BesideOutcome);
}

// a failure here is the thread's 'error' event: the run then checks the properties itself
void main().catch((e: unknown) => {
  throw e;
});
