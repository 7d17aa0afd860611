/**
 * Soak of the wire server (issue 18): 100 000 requests from 50 concurrent keep-alive clients against
 * `groupspec serve`'s server in this process, on loopback, about 5 % of them malformed (bad JSON, an
 * unknown path, a dot segment, an oversized body). Every good call must come back 200 with its
 * result, every malformed one with its status and JSON error, the heap after GC must not grow
 * with the number of requests, and every connection must be closed at the end. Bounded: it stops
 * at SOAK_DEADLINE_MS whatever it has done (and the time target is then missed).
 *
 *   node --expose-gc -r ./runner/register-ts.js bench/soak.ts <out.json>
 *   BENCH_SOAK_CALLS=20000 BENCH_SOAK_CLIENTS=10 for a quick look.
 */
import { writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { startServer } from '../servers/wire/server';

/** The good calls only read, so the state they touch does not grow: heap growth would be a leak. */
const GOOD_SHARE = 0.95;
/**
 * The soak's body cap is 64 KiB, not the default 4 MiB, so that its oversized bodies (96 KiB) cost
 * loopback megabytes rather than gigabytes; the cap is the same code at any size.
 */
const MAX_BODY_BYTES = 64 * 1024;
const SOAK_DEADLINE_MS = 60_000;

export interface SoakResult {
  calls: number;
  clients: number;
  done: number;
  good: { sent: number; errors: number; firstError?: string };
  malformed: Record<Malformed, { sent: number; wrong: number }> & { firstWrong?: string };
  wallMs: number;
  callsPerSecond: number;
  /** After GC, before the measured calls (after a warm-up) and after them. */
  memory: { before: Memory; after: Memory; heapGrowthBytes: number };
  connectionsOpenAtEnd: number;
  deadlineHit: boolean;
}

interface Memory {
  heapUsed: number;
  rss: number;
}

type Malformed = 'bad-json' | 'unknown-path' | 'dot-segment' | 'oversized';
const MALFORMED: Record<Malformed, { status: number; reason: string }> = {
  'bad-json': { status: 400, reason: 'malformed-json' },
  'unknown-path': { status: 404, reason: 'unknown-endpoint' },
  'dot-segment': { status: 400, reason: 'bad-path' },
  oversized: { status: 413, reason: 'body-too-large' },
};
const OVERSIZED = JSON.stringify({ method: 'getGroupList', arg: { pad: 'x'.repeat(96 * 1024) } });

function send(agent: http.Agent, port: number, method: string, path: string, body?: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (e) {
          reject(e);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}

/** A deterministic stream of numbers in [0, 1) per client (no Math.random: the run repeats). */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

export async function soak(calls: number, clients: number, log: (s: string) => void): Promise<SoakResult> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') throw new Error('bench/soak.ts needs node --expose-gc');
  const server = await startServer({ port: 0, maxBodyBytes: MAX_BODY_BYTES });
  const port = Number(new URL(server.url).port);
  const agents = Array.from({ length: clients }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const result: SoakResult = {
    calls,
    clients,
    done: 0,
    good: { sent: 0, errors: 0 },
    malformed: Object.fromEntries(Object.keys(MALFORMED).map((k) => [k, { sent: 0, wrong: 0 }])) as unknown as SoakResult['malformed'],
    wallMs: 0,
    callsPerSecond: 0,
    memory: { before: { heapUsed: 0, rss: 0 }, after: { heapUsed: 0, rss: 0 }, heapGrowthBytes: 0 },
    connectionsOpenAtEnd: -1,
    deadlineHit: false,
  };
  try {
    // each client its own app, user and group, so the calls are real simulator work
    const setups = await Promise.all(
      agents.map(async (agent, i) => {
        const appID = (await send(agent, port, 'POST', '/v1/apps', '{}')).json.appID as string;
        const sessionID = (await send(agent, port, 'POST', `/v1/apps/${appID}/sessions`, JSON.stringify({ userID: `soak${i}` }))).json.sessionID as string;
        const created = await send(agent, port, 'POST', `/v1/apps/${appID}/sessions/${sessionID}/call`, JSON.stringify({ method: 'createGroup', arg: { type: 'Public', name: `g${i}` } }));
        return { appID, sessionID, groupID: created.json.result.data.group.groupID as string };
      }),
    );

    let next = 0;
    const deadline = Date.now() + SOAK_DEADLINE_MS;
    const client = async (i: number, budget: () => boolean): Promise<void> => {
      const agent = agents[i]!;
      const { appID, sessionID, groupID } = setups[i]!;
      const call = `/v1/apps/${appID}/sessions/${sessionID}/call`;
      const rand = lcg(i + 1);
      while (budget()) {
        const r = rand();
        if (r < GOOD_SHARE) {
          result.good.sent++;
          const x = r / GOOD_SHARE;
          const [method, path, body] =
            x < 0.7 ? ['POST', call, JSON.stringify({ method: 'getGroupProfile', arg: { groupID } })] : x < 0.9 ? ['POST', call, JSON.stringify({ method: 'getGroupList' })] : ['GET', `/v1/apps/${appID}/clock`, undefined];
          try {
            const a = await send(agent, port, method, path, body);
            if (a.status !== 200 || a.json.ok !== true) throw new Error(`${method} ${path}: ${a.status} ${JSON.stringify(a.json).slice(0, 200)}`);
          } catch (e) {
            result.good.errors++;
            result.good.firstError ??= e instanceof Error ? e.message : String(e);
          }
        } else {
          const kinds = Object.keys(MALFORMED) as Malformed[];
          const kind = kinds[Math.floor(((r - GOOD_SHARE) / (1 - GOOD_SHARE)) * kinds.length)]!;
          result.malformed[kind].sent++;
          const [method, path, body] =
            kind === 'bad-json' ? ['POST', call, '{"method":'] : kind === 'unknown-path' ? ['GET', '/v1/nowhere', undefined] : kind === 'dot-segment' ? ['GET', `/v1/apps/${appID}/../${setups[(i + 1) % clients]!.appID}/clock`, undefined] : ['POST', call, OVERSIZED];
          try {
            const a = await send(agent, port, method, path, body);
            const want = MALFORMED[kind];
            if (a.status !== want.status || a.json?.error?.reason !== want.reason) throw new Error(`${kind}: ${a.status} ${JSON.stringify(a.json).slice(0, 200)}`);
          } catch (e) {
            result.malformed[kind].wrong++;
            result.malformed.firstWrong ??= e instanceof Error ? e.message : String(e);
          }
        }
        result.done++;
      }
    };
    const run = async (count: number): Promise<void> => {
      const stop = next + count;
      const budget = () => {
        if (Date.now() > deadline) result.deadlineHit = true;
        return !result.deadlineHit && next++ < stop;
      };
      await Promise.all(agents.map((_, i) => client(i, budget)));
      next = stop;
    };

    // warm-up: JIT, agents' sockets, the server's route cache; then measure from a collected heap
    const warm = Math.min(5000, Math.floor(calls / 10));
    await run(warm);
    result.done = 0;
    result.good = { sent: 0, errors: 0 };
    for (const k of Object.keys(MALFORMED) as Malformed[]) result.malformed[k] = { sent: 0, wrong: 0 };
    delete result.malformed.firstWrong;
    result.memory.before = memory();
    log(`soak: ${calls} calls from ${clients} keep-alive clients (after ${warm} warm-up calls)…`);
    const t0 = process.hrtime.bigint();
    await run(calls);
    result.wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    result.callsPerSecond = (result.done / result.wallMs) * 1000;
    for (const a of agents) a.destroy();
    // the server sees the agents' sockets close a moment after the client does
    for (let i = 0; i < 50 && server.connections() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    result.connectionsOpenAtEnd = server.connections();
    result.memory.after = memory();
    result.memory.heapGrowthBytes = result.memory.after.heapUsed - result.memory.before.heapUsed;
    return result;
  } finally {
    for (const a of agents) a.destroy();
    await server.close();
  }
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

/** The soak's targets, in bench/run.ts's shape. */
export function soakTargets(r: SoakResult): Array<{ target: string; measured: string; met: boolean }> {
  const wrong = Object.values(r.malformed).reduce((n, m) => n + (typeof m === 'object' ? m.wrong : 0), 0);
  return [
    { target: `soak: ${r.calls.toLocaleString('en-US')} calls from ${r.clients} clients before the ${SOAK_DEADLINE_MS / 1000} s deadline (warm-up included)`, measured: `${r.done.toLocaleString('en-US')} in ${(r.wallMs / 1000).toFixed(1)} s`, met: !r.deadlineHit && r.done === r.calls },
    { target: 'soak: zero errors on the good calls', measured: `${r.good.errors} of ${r.good.sent.toLocaleString('en-US')}`, met: r.good.errors === 0 && r.good.sent > 0 },
    { target: 'soak: every malformed call answered with its status and JSON error', measured: `${wrong} wrong`, met: wrong === 0 },
    { target: 'soak: heap after GC grows < 16 MiB over the run', measured: `${r.memory.heapGrowthBytes >= 0 ? '+' : ''}${mib(r.memory.heapGrowthBytes)}`, met: r.memory.heapGrowthBytes < 16 * 2 ** 20 },
    { target: 'soak: no connection left open at the end', measured: String(r.connectionsOpenAtEnd), met: r.connectionsOpenAtEnd === 0 },
  ];
}

export function soakReport(r: SoakResult): string {
  const m = r.malformed;
  return [
    `Soak: ${r.done.toLocaleString('en-US')} calls from ${r.clients} keep-alive clients, ${Math.round(r.callsPerSecond).toLocaleString('en-US')} calls/s, ${(r.wallMs / 1000).toFixed(1)} s`,
    `  good ${r.good.sent.toLocaleString('en-US')} (${r.good.errors} errors${r.good.firstError === undefined ? '' : `; first: ${r.good.firstError}`})`,
    `  malformed: ${(Object.keys(MALFORMED) as Malformed[]).map((k) => `${k} ${m[k].sent} (${m[k].wrong} wrong)`).join(', ')}${m.firstWrong === undefined ? '' : `; first wrong: ${m.firstWrong}`}`,
    `  memory after GC: heap ${mib(r.memory.before.heapUsed)} -> ${mib(r.memory.after.heapUsed)}, RSS ${mib(r.memory.before.rss)} -> ${mib(r.memory.after.rss)}`,
  ].join('\n');
}

if (require.main === module) {
  soak(Number(process.env.BENCH_SOAK_CALLS ?? 100_000), Number(process.env.BENCH_SOAK_CLIENTS ?? 50), (s) => process.stderr.write(`${s}\n`))
    .then((r) => {
      const json = JSON.stringify(r, null, 2);
      if (process.argv[2] === undefined) process.stdout.write(`${json}\n${soakReport(r)}\n`);
      else writeFileSync(process.argv[2], json);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
