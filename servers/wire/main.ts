/**
 * `node -r ts-node/register/transpile-only servers/wire/main.ts [--port N] [--host H]`: serves the
 * reference simulator over the wire protocol until SIGINT or SIGTERM. Kept to argument parsing and
 * signal handling so that `groupspec serve` can call startServer itself and behave the same.
 */
import { startServer } from './server';

const USAGE = 'usage: wire-main [--port N] [--host H]';

function parseArgs(argv: string[]): { port: number; host: string } {
  let port = 0;
  let host = '127.0.0.1';
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined || (flag !== '--port' && flag !== '--host')) throw new Error(USAGE);
    if (flag === '--host') host = value;
    else if (/^\d+$/.test(value) && Number(value) <= 65535) port = Number(value);
    else throw new Error(`--port takes a number from 0 to 65535, got ${JSON.stringify(value)}\n${USAGE}`);
  }
  return { port, host };
}

async function main(): Promise<void> {
  let args: { port: number; host: string };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startServer(args);
  process.stdout.write(`groupspec serve: listening on ${server.url}\n`);
  let stopping = false;
  const stop = () => {
    // a second signal means the operator no longer wants to wait for in-flight requests
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => {
        process.exitCode = 0;
      },
      (e: unknown) => {
        process.stderr.write(`groupspec serve: close failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`groupspec serve: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
