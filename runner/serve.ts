/**
 * `groupspec serve`: the reference simulator over the wire protocol (or, with --rest, the Tencent
 * REST emulator). bin/groupspec.js loads this module alone for `serve`, not runner/cli.ts: the gate's
 * modules (cucumber, the catalogue, the reports: about 600 modules) are not what a server needs, and
 * loading them cost `groupspec serve` about 0.4 s of CPU at every start (docs/performance.md,
 * "Round four, the wire server"). Keep this module's imports to the servers and runner/usage.ts.
 */
import { parseArgs } from 'node:util';
import type { RunningServer, ServerLimits } from '../servers/wire/server';
import type * as RestServeCli from '../servers/rest/serve-cli';
import { HELP, wantsHelp } from './help';
import { UsageError, num, reportUsage } from './usage';

// the servers load when `serve` runs: `run` does not need them (~60 ms of every run's start-up)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wireServer = () => require('../servers/wire/server') as typeof import('../servers/wire/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const restServe = () => require('../servers/rest/serve-cli') as typeof RestServeCli;

/** `serve` flags for the server limits (docs/protocol.md §6), by ServerLimits name. */
const SERVE_LIMITS = {
  'max-body-bytes': 'maxBodyBytes',
  'headers-timeout': 'headersTimeoutMs',
  'request-timeout': 'requestTimeoutMs',
  'keep-alive-timeout': 'keepAliveTimeoutMs',
  'idle-timeout': 'idleTimeoutMs',
  'max-connections': 'maxConnections',
} as const satisfies Record<string, keyof ServerLimits>;

/** `serve --rest` flags (servers/rest/serve-cli.ts). */
const REST_FLAGS = {
  rest: { type: 'boolean' },
  help: { type: 'boolean' },
  sdkappid: { type: 'string' },
  'secret-key': { type: 'string' },
  admin: { type: 'string', multiple: true },
  'callback-url': { type: 'string' },
  'callback-timeout': { type: 'string' },
  'wire-port': { type: 'string' },
} as const;

async function serveRestCommand(values: Record<string, string | boolean | string[] | undefined>, limits: Partial<ServerLimits>): Promise<number> {
  if (values.help === true) {
    process.stdout.write(restServe().REST_SERVE_HELP);
    return 0;
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  let started: Awaited<ReturnType<typeof RestServeCli.serveRest>>;
  try {
    started = await restServe().serveRest({
      port: num('--port', str('port'), 8765),
      host: str('host') ?? '127.0.0.1',
      sdkappid: str('sdkappid'),
      'secret-key': str('secret-key'),
      admin: values.admin as string[] | undefined,
      'callback-url': str('callback-url'),
      'callback-timeout': str('callback-timeout') === undefined ? undefined : num('--callback-timeout', str('callback-timeout'), 2000),
      'wire-port': str('wire-port') === undefined ? undefined : num('--wire-port', str('wire-port'), 0),
      limits,
    });
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new UsageError(e.message);
    throw e;
  }
  for (const line of started.lines) process.stdout.write(`${line}\n`);
  await new Promise<void>((done) => {
    const stop = () => void started.service.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export async function serve(argv: string[]): Promise<number> {
  const limitFlags = Object.fromEntries(Object.keys(SERVE_LIMITS).map((f) => [f, { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, strict: true, options: { port: { type: 'string' }, host: { type: 'string' }, 'no-stream': { type: 'boolean' }, ...limitFlags, ...REST_FLAGS } });
  const limits: Partial<ServerLimits> = {};
  for (const [flag, name] of Object.entries(SERVE_LIMITS)) {
    const v = (values as Record<string, string | undefined>)[flag];
    if (v !== undefined) limits[name] = num(`--${flag}`, v, 0);
  }
  if (values.rest === true) {
    if (values['no-stream'] === true) throw new UsageError('--no-stream is a flag of serve without --rest');
    return serveRestCommand(values, limits);
  }
  const restOnly = Object.keys(REST_FLAGS).filter((f) => f !== 'rest' && f !== 'help' && (values as Record<string, unknown>)[f] !== undefined);
  if (restOnly.length > 0) throw new UsageError(`--${restOnly[0]} is a flag of serve --rest`);
  if (values.help === true) {
    process.stdout.write(HELP.serve);
    return 0;
  }
  let server: RunningServer;
  try {
    server = await wireServer().startServer({ port: num('--port', values.port, 8765, 65535), host: values.host ?? '127.0.0.1', limits, ...(values['no-stream'] === true ? { stream: false } : {}) });
  } catch (e) {
    // the server names its limits; the user typed flags
    if (e instanceof RangeError) throw new UsageError(Object.entries(SERVE_LIMITS).reduce((m, [flag, name]) => m.replaceAll(name, `--${flag}`), e.message));
    throw e;
  }
  process.stdout.write(`groupspec serve: listening on ${server.url}\n`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** The command line with `serve` as its command (bin/groupspec.js): the same help, exit codes and messages as through runner/cli.ts. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'serve') throw new Error(`runner/serve.ts runs only the serve command, got ${String(command)}`);
  try {
    if (wantsHelp(rest)) {
      // serve --rest is its own server with its own flags (servers/rest/serve-cli.ts)
      process.stdout.write(rest.includes('--rest') ? restServe().REST_SERVE_HELP : HELP.serve);
      return 0;
    }
    return await serve(rest);
  } catch (e) {
    reportUsage(e);
  }
}
