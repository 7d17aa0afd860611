/**
 * The wire client's CPU, this checkout against another (issue 21, round four): not in `npm run
 * bench`. Both checkouts' wire clients run in this one process, in alternation, rounds alternating
 * their order, and the figure is the median of per-round ratios, so the machine's load moves both
 * alike.
 *
 * 1. Per request: four kinds of traffic against one wire server of this checkout in a child
 *    process (`groupspec serve`), the client's CPU (`process.cpuUsage` of this process) per request.
 * 2. The pipelined differential fuzzer (the gate's property mode), each checkout against a wire
 *    server of its own in this process: commands per CPU-second of client and server together.
 *
 *   BENCH_WIRE_CLIENT_BASELINE=<another checkout, node_modules installed> node -r ./runner/register-ts.js bench/wire-client.ts
 *   (BENCH_WIRE_CLIENT_N requests per sample (600), BENCH_WIRE_CLIENT_ROUNDS (7), BENCH_WIRE_CLIENT_FUZZ_REPS (7),
 *   BENCH_WIRE_CLIENT_KINDS=events,one… only the kinds whose names start so)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { App, Implementation, Session } from '../adapters/contract';
import { median } from './stats';

const ROOT = join(__dirname, '..');

interface Checkout {
  name: string;
  wireImplementation: (url: string, options?: object) => Promise<Implementation>;
  startServer: (o: { host: string; port: number }) => Promise<{ url: string; close(): Promise<void> }>;
  fuzz: (o: object) => Promise<unknown>;
}

function load(root: string, name: string): Checkout {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const at = (p: string) => require(join(root, p)) as Record<string, any>;
  return { name, wireImplementation: at('adapters/wire/client').wireImplementation, startServer: at('servers/wire/server').startServer, fuzz: at('properties/run').fuzz };
}

/** `groupspec serve` of this checkout in a child process; its URL and a stop function. */
async function serve(): Promise<{ url: string; stop: () => void }> {
  const p = spawn(process.execPath, [join(ROOT, 'bin', 'groupspec.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    p.on('error', reject);
    p.stdout.on('data', (d: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(d.toString());
      if (m !== null) resolve(m[1]!);
    });
  });
  return { url, stop: () => p.kill('SIGINT') };
}

type Kind = (s: { alice: Session; bob: Session; app: App }, n: number) => Promise<unknown>;
const KINDS: Record<string, Kind> = {
  'one call at a time': async (s, n) => {
    for (let i = 0; i < n; i++) await s.alice.call('getGroupList');
  },
  'batches of 6 calls (5 groups listed)': async (s, n) => {
    for (let i = 0; i < n / 6; i++) await Promise.all([0, 1, 2, 3, 4, 5].map(() => s.alice.call('getGroupList')));
  },
  'batches of 6 refusals': async (s, n) => {
    for (let i = 0; i < n / 6; i++) await Promise.all([0, 1, 2, 3, 4, 5].map(() => s.alice.call('getGroupProfile', { groupID: 'no-such-group' }).catch(() => undefined)));
  },
  'events reads, 3 a turn': async (s, n) => {
    for (let i = 0; i < n / 3; i++) await Promise.all([s.alice.events(), s.bob.events(), s.alice.events()]);
  },
  // a login answered, its logout written behind (it travels with the next login): two requests
  'logins, each logged out behind the next': async (s, n) => {
    for (let i = 0; i < n / 2; i++) void (await s.app.login('carol')).logout();
  },
};

async function perRequest(checkouts: Checkout[], n: number, rounds: number, log: (s: string) => void): Promise<void> {
  const server = await serve();
  try {
    const sides: Array<{ c: Checkout; app: App; alice: Session; bob: Session; close: () => Promise<void> }> = [];
    for (const c of checkouts) {
      const impl = await c.wireImplementation(server.url);
      const app = await impl.createApp();
      const alice = await app.login('alice');
      const bob = await app.login('bob');
      for (let i = 0; i < 5; i++) await alice.call('createGroup', { type: 'Private', name: `G${i}`, memberList: [{ userID: 'bob' }] });
      sides.push({ c, app, alice, bob, close: async () => impl.close?.() });
    }
    const only = process.env.BENCH_WIRE_CLIENT_KINDS?.split(',');
    for (const [kind, f] of Object.entries(KINDS).filter(([k]) => only === undefined || only.some((o) => k.startsWith(o)))) {
      const us: number[][] = sides.map(() => []);
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
        for (const i of order) {
          const c0 = process.cpuUsage();
          await f(sides[i]!, n);
          const u = process.cpuUsage(c0);
          us[i]!.push((u.user + u.system) / n);
        }
      }
      const ratio = us.length > 1 ? ` ${sides[0]!.c.name}/${sides[1]!.c.name} ${median(us[0]!.map((x, r) => x / us[1]![r]!)).toFixed(3)}` : '';
      log(`${kind.padEnd(38)} ${sides.map((s, i) => `${s.c.name} ${median(us[i]!).toFixed(1)} µs`).join('  ')}${ratio}`);
    }
    for (const s of sides) await s.close();
  } finally {
    server.stop();
  }
}

async function fuzzing(checkouts: Checkout[], reps: number, log: (s: string) => void): Promise<void> {
  const sides: Array<{ c: Checkout; server: { url: string; close(): Promise<void> }; wire: Implementation }> = [];
  for (const c of checkouts) {
    const server = await c.startServer({ host: '127.0.0.1', port: 0 });
    sides.push({ c, server, wire: await c.wireImplementation(server.url) });
  }
  const run = async (s: (typeof sides)[number], seed: number, runs: number) => {
    let commands = 0;
    const c0 = process.cpuUsage();
    await s.c.fuzz({
      implementation: () => s.wire,
      differential: true,
      config: { numRuns: runs, maxCommands: 50, seed, path: undefined },
      onRun: (trace: string[]) => (commands += trace.filter((l) => l.startsWith('When ')).length),
    });
    const u = process.cpuUsage(c0);
    return (commands * 1e6) / (u.user + u.system);
  };
  for (const s of sides) for (let i = 0; i < 2; i++) await run(s, 20_260_102, 30);
  const rates: number[][] = sides.map(() => []);
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? sides.map((_, i) => i) : sides.map((_, i) => sides.length - 1 - i);
    for (const i of order) rates[i]!.push(await run(sides[i]!, 20_260_101, 60));
  }
  const ratio = sides.length > 1 ? `, ${sides[0]!.c.name}/${sides[1]!.c.name} ${median(rates[0]!.map((x, r) => x / rates[1]![r]!)).toFixed(3)}` : '';
  log(`pipelined differential fuzz over the wire, commands per CPU-s (client and server): ${sides.map((s, i) => `${s.c.name} ${median(rates[i]!).toFixed(0)}`).join('  ')}${ratio}`);
  for (const s of sides) {
    await s.wire.close?.();
    await s.server.close();
  }
}

if (require.main === module) {
  const baseline = process.env.BENCH_WIRE_CLIENT_BASELINE;
  const checkouts = [load(ROOT, 'this'), ...(baseline === undefined ? [] : [load(baseline, 'baseline')])];
  const log = (s: string) => process.stdout.write(`${s}\n`);
  void (async () => {
    await perRequest(checkouts, Number(process.env.BENCH_WIRE_CLIENT_N ?? 600), Number(process.env.BENCH_WIRE_CLIENT_ROUNDS ?? 7), log);
    await fuzzing(checkouts, Number(process.env.BENCH_WIRE_CLIENT_FUZZ_REPS ?? 7), log);
    process.exit(0);
  })();
}
