/**
 * How a bench part runs as a script (bench/run.ts starts each in its own process): its result as
 * JSON to the file named by the first argument, or to stdout without one; a failure's stack to
 * stderr and exit code 1.
 */
import { writeFileSync } from 'node:fs';

export function writeResult(result: Promise<unknown>, out: string | undefined = process.argv[2]): void {
  result
    .then((r) => {
      const json = `${JSON.stringify(r, null, 2)}\n`;
      if (out === undefined) process.stdout.write(json);
      else writeFileSync(out, json);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
