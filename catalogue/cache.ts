/**
 * What is derived from the feature files (the catalogue, the report's permission grid), kept on disk
 * in a checkout (node_modules/.cache/groupspec/features, or GROUPSPEC_FEATURES_CACHE; `off` turns it
 * off) under a hash of the root, every file's path and text, the deriving module's own code and
 * gherkin's version, so an edited feature or parser is never read stale. Each process of a run parsed
 * every feature file for each (~0.2 s of CPU apiece). v8's serializer keeps a value exactly (fields
 * present as undefined, shared objects). A cache that cannot be read or written is skipped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';

/**
 * `derive(sources)` of the feature files `files` under `root`, or its earlier result for the same
 * texts. `kind` names what is derived; `module` is the file of the code that derives it; `cache`
 * the directory (null: none).
 */
export function derivedFromFeatures<T>(kind: string, module: string, root: string, files: string[], derive: (sources: string[]) => T, cache: string | null = featuresCacheDir()): T {
  const sources = files.map((path) => readFileSync(path, 'utf8'));
  if (cache === null) return derive(sources);
  const hash = createHash('sha256').update(`${root}\0${readFileSync(module, 'utf8')}\0${gherkinVersion()}`);
  files.forEach((path, i) => hash.update(`\0${path}\0${sources[i]!.length}\0`).update(sources[i]!));
  // one file a kind and root: a changed feature replaces it (the prefix)
  const prefix = `${kind}-${createHash('sha256').update(root).digest('hex').slice(0, 16)}-`;
  const file = join(cache, `${prefix}${hash.digest('hex')}.v8`);
  try {
    return deserialize(readFileSync(file)) as T;
  } catch {
    // not cached yet (or unreadable): derive below
  }
  const value = derive(sources);
  try {
    mkdirSync(cache, { recursive: true });
    const partial = `${file}.${process.pid}.${threadId}`;
    writeFileSync(partial, serialize(value));
    renameSync(partial, file);
    for (const old of readdirSync(cache)) if (old.startsWith(prefix) && old.endsWith('.v8') && join(cache, old) !== file) rmSync(join(cache, old), { force: true });
  } catch {
    // an unwritable cache: the next run derives again
  }
  return value;
}

export function featuresCacheDir(): string | null {
  const dir = process.env.GROUPSPEC_FEATURES_CACHE;
  if (dir === 'off') return null;
  if (dir !== undefined && dir !== '') return dir;
  // a checkout's (its sources run as TypeScript); an installed package's directory is not written to
  return __filename.endsWith('.ts') ? join(__dirname, '..', 'node_modules', '.cache', 'groupspec', 'features') : null;
}

function gherkinVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@cucumber/gherkin/package.json') as { version: string }).version;
}
