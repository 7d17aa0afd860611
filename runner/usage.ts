/**
 * What every command of the command line shares: a usage error (exit 2 with a one-line reason) and
 * the reading of numeric flags. A module of its own, importing nothing, so that `groupspec serve`
 * (runner/serve.ts) starts without loading the gate's modules.
 */

/** A usage or setup problem: exit code 2 with a one-line reason. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function fail(reason: string): never {
  process.stderr.write(`groupspec: ${reason}\n`);
  process.exit(2);
}

/** A whole-number flag's value, `dflt` when absent. */
export function num(name: string, v: string | undefined, dflt: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${name} takes a whole number, got "${v}"`);
  if (n > max) throw new UsageError(`${name} takes a number from 0 to ${max}, got ${v}`);
  return n;
}

/** A command's error as the command line reports it: a usage error or a bad flag is exit 2 with its reason; anything else is thrown on. */
export function reportUsage(e: unknown): never {
  if (e instanceof UsageError) fail(e.message);
  if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) fail((e as Error).message);
  throw e;
}
