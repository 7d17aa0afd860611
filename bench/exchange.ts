/**
 * The CPU of one wire-protocol HTTP exchange, client and server apart (issue 21 item 1: the gate
 * over the wire is bound by about 9 400 exchanges). Clients: the wire client's `exchange`
 * (adapters/wire/exchange.ts) and a bare node:http keep-alive client (the floor it is weighed
 * against). Servers, each in a child process that reports its own CPU: this checkout's wire server
 * (`servers/wire`, the shared base `servers/http` under it) and a bare node:http server answering a
 * constant. With BENCH_EXCHANGE_BASELINE=<another checkout> (its node_modules installed or linked),
 * that checkout's `exchange` and wire server are measured in the same run, for a before/after.
 * One more pairing sends batches of 6 (the gate's average) to the wire server: a request's cost
 * apart from its exchange's. Every pairing runs N sequential exchanges per round (alternating a
 * POST call and a GET), the
 * pairings in turn, rounds alternating their order; the figure is the median over rounds of CPU
 * µs per exchange (process.cpuUsage). Every pairing parses its answers, as the wire client does
 * (since round seven: earlier figures of this bench left the parse out).
 *
 * The stream (docs/protocol.md §4.12, round seven) is measured beside: the wire client's
 * StreamCarrier on one WebSocket to the wire server, the same lone requests (each a message of one
 * request) and the same batches of 6, so the two carriers are compared request for request.
 *
 *   node -r ./runner/register-ts.js bench/exchange.ts [out.json]
 *   BENCH_EXCHANGE_N=2000 BENCH_EXCHANGE_ROUNDS=5 BENCH_EXCHANGE_BASELINE=/tmp/main ...
 *   BENCH_EXCHANGE_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' ...   (profiles the servers)
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { StreamCarrier } from '../adapters/wire/stream';
import { median } from './stats';
import { writeResult } from './script';

const ROOT = join(__dirname, '..');
const REGISTER = join(ROOT, 'runner', 'register-ts.js');

type Exchange = (url: string, what: string, verb: string, payload: string | undefined, timeoutMs: number) => Promise<{ status: number; text: string }>;

/** The child: serves, answers 'cpu' with its CPU µs so far. */
async function serve(kind: string, root: string): Promise<void> {
  let url: string;
  if (kind === 'bare') {
    const body = '{"ok":true,"result":{"code":0,"data":{"groupList":[]}}}';
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) });
        res.end(body);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startServer } = require(join(root, 'servers', 'wire', 'server')) as typeof import('../servers/wire/server');
    url = (await startServer()).url;
  }
  process.on('message', (m) => {
    // exit cleanly (not killed), so that a --cpu-prof run writes the server's profile too
    if (m === 'exit') process.exit(0);
    if (m === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ cpu: user + system });
    }
  });
  process.send!({ url });
}

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  /** the call path used for the POST (a logged-in session of a fresh app on the wire servers) */
  call: string;
  get: string;
}

function ask<T>(child: ChildProcess, key: string, message?: string): Promise<T> {
  return new Promise((done) => {
    const on = (m: Record<string, T>) => {
      if (m && key in m) {
        child.off('message', on);
        done(m[key]!);
      }
    };
    child.on('message', on);
    if (message !== undefined) child.send(message);
  });
}

async function startChild(name: string, kind: string, root: string): Promise<Server> {
  const child = fork(__filename, ['--serve', kind, root], { execArgv: ['-r', REGISTER, ...(process.env.BENCH_EXCHANGE_SERVER_ARGS ?? '').split(' ').filter(Boolean)], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await ask<string>(child, 'url');
  if (kind === 'bare') return { name, child, url, call: '/v1/apps/a/sessions/s/call', get: '/v1/apps/a/clock' };
  const post = async (path: string, body: unknown) => JSON.parse((await nodeHttpExchange(`${url}${path}`, path, 'POST', JSON.stringify(body), 10_000)).text) as Record<string, string>;
  const { appID } = await post('/v1/apps', {});
  const { sessionID } = await post(`/v1/apps/${appID}/sessions`, { userID: 'alice' });
  return { name, child, url, call: `/v1/apps/${appID}/sessions/${sessionID}/call`, get: `/v1/apps/${appID}/clock` };
}

/** The floor: node:http with a keep-alive agent, the body as a string (one write), nothing else. */
const agent = new http.Agent({ keepAlive: true });
const nodeHttpExchange: Exchange = (url, _what, verb, payload) =>
  new Promise((done, fail) => {
    const headers: http.OutgoingHttpHeaders = payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) };
    const req = http.request(url, { method: verb, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(payload);
  });

/**
 * The stream as an Exchange: a batch's body is one message, a lone request a message of one
 * request, on one stream per server (what the wire client does, adapters/wire/transport.ts).
 */
const streams = new Map<string, StreamCarrier>();
const streamExchange: Exchange = async (url, what, verb, payload) => {
  const { origin, pathname, search } = new URL(url);
  let stream = streams.get(origin);
  if (stream === undefined) streams.set(origin, (stream = new StreamCarrier(`${origin.replace(/^http/, 'ws')}/v1/stream`, 4 * 1024 * 1024, 10_000)));
  const path = `${pathname}${search}`;
  const body = path === '/v1/batch' ? payload! : `{"requests":[{"method":"${verb}","path":${JSON.stringify(path)}${payload === undefined ? '' : `,"body":${payload}`}}]}`;
  const answer = await stream.send(body, what);
  if (path !== '/v1/batch' && answer.status === 200) return { status: (answer.body as { responses: Array<{ status: number }> }).responses[0]!.status, text: '' };
  return { status: answer.status, text: '' };
};

const CALL = JSON.stringify({ method: 'getGroupList', arg: {} });

/**
 * A batch of the gate's average size (53 354 requests in 9 404 exchanges: about 6), half calls
 * and half clock reads, so that the cost of a request can be told from the cost of an exchange.
 */
const BATCH_SIZE = 6;
const batchOf = (server: Server) =>
  JSON.stringify({ requests: Array.from({ length: BATCH_SIZE }, (_, i) => (i % 2 === 0 ? { method: 'POST', path: server.call, body: JSON.parse(CALL) as unknown } : { method: 'GET', path: server.get })) });

async function cell(client: Exchange, server: Server, n: number, batch: boolean): Promise<{ clientUs: number; serverUs: number }> {
  const s0 = await ask<number>(server.child, 'cpu', 'cpu');
  const c0 = process.cpuUsage();
  const body = batch ? batchOf(server) : '';
  for (let i = 0; i < n; i++) {
    const { status, text } = batch
      ? await client(`${server.url}/v1/batch`, 'batch', 'POST', body, 10_000)
      : i % 2 === 0
        ? await client(`${server.url}${server.call}`, 'call', 'POST', CALL, 10_000)
        : await client(`${server.url}${server.get}`, 'clock', 'GET', undefined, 10_000);
    if (status !== 200) throw new Error(`${server.name} answered ${status}`);
    // the wire client parses every answer (the stream's carrier parses its messages itself)
    if (text !== '') JSON.parse(text);
  }
  const c = process.cpuUsage(c0);
  const s1 = await ask<number>(server.child, 'cpu', 'cpu');
  return { clientUs: (c.user + c.system) / n, serverUs: (s1 - s0) / n };
}

export async function benchExchange(n = Number(process.env.BENCH_EXCHANGE_N ?? 2000), rounds = Number(process.env.BENCH_EXCHANGE_ROUNDS ?? 5), baseline = process.env.BENCH_EXCHANGE_BASELINE) {
  const started = Date.now();
  const clients: [string, Exchange][] = [
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ['exchange', (require('../adapters/wire/exchange') as typeof import('../adapters/wire/exchange')).exchange],
    ['node:http floor', nodeHttpExchange],
  ];
  const servers = [await startChild('wire server', 'wire', ROOT), await startChild('node:http floor', 'bare', ROOT)];
  if (baseline !== undefined) {
    const root = resolve(baseline);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    clients.push(['baseline exchange', (require(join(root, 'adapters', 'wire', 'exchange')) as typeof import('../adapters/wire/exchange')).exchange]);
    servers.push(await startChild('baseline wire server', 'wire', root));
  }
  const pairs = clients.flatMap(([c, f]) => servers.map((s) => ({ name: `${c} -> ${s.name}`, client: f, server: s, batch: false })));
  // the wire server only: the floor answers a constant
  pairs.push({ name: `exchange -> wire server, batches of ${BATCH_SIZE}`, client: clients[0]![1], server: servers[0]!, batch: true });
  // the stream to this checkout's wire server: lone requests and batches, as the HTTP pairings above
  pairs.push({ name: 'stream -> wire server', client: streamExchange, server: servers[0]!, batch: false });
  pairs.push({ name: `stream -> wire server, batches of ${BATCH_SIZE}`, client: streamExchange, server: servers[0]!, batch: true });
  const samples = new Map<string, { clientUs: number[]; serverUs: number[] }>(pairs.map((p) => [p.name, { clientUs: [], serverUs: [] }]));
  try {
    for (const p of pairs) await cell(p.client, p.server, Math.min(n, 500), p.batch); // warm-up
    for (let r = 0; r < rounds; r++) {
      for (const p of r % 2 === 0 ? pairs : [...pairs].reverse()) {
        const { clientUs, serverUs } = await cell(p.client, p.server, n, p.batch);
        samples.get(p.name)!.clientUs.push(clientUs);
        samples.get(p.name)!.serverUs.push(serverUs);
      }
    }
  } finally {
    for (const stream of streams.values()) stream.close();
    for (const s of servers) s.child.send('exit');
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  const pairings = pairs.map((p) => {
    const s = samples.get(p.name)!;
    return { pairing: p.name, clientUs: round(median(s.clientUs)), serverUs: round(median(s.serverUs)), clientSamples: s.clientUs.map(round), serverSamples: s.serverUs.map(round) };
  });
  // per round, so that load changing between rounds cancels out: median of the round's ratios
  const ratio = (a: number[], b: number[]) => Math.round(median(a.map((x, i) => x / b[i]!)) * 100) / 100;
  const of = (name: string) => samples.get(name)!;
  const ratios: Record<string, number> = {
    'client: exchange / node:http floor (wire server)': ratio(of('exchange -> wire server').clientUs, of('node:http floor -> wire server').clientUs),
    'server: wire server / node:http floor (node:http floor client)': ratio(of('node:http floor -> wire server').serverUs, of('node:http floor -> node:http floor').serverUs),
    [`client + server: a batch of ${BATCH_SIZE} / one lone request`]: ratio(
      of(`exchange -> wire server, batches of ${BATCH_SIZE}`).clientUs.map((c, i) => c + of(`exchange -> wire server, batches of ${BATCH_SIZE}`).serverUs[i]!),
      of('exchange -> wire server').clientUs.map((c, i) => c + of('exchange -> wire server').serverUs[i]!),
    ),
  };
  const both = (name: string) => of(name).clientUs.map((c, i) => c + of(name).serverUs[i]!);
  ratios['client: stream / exchange (wire server, lone requests)'] = ratio(of('stream -> wire server').clientUs, of('exchange -> wire server').clientUs);
  ratios['server: stream / HTTP (wire server, lone requests)'] = ratio(of('stream -> wire server').serverUs, of('exchange -> wire server').serverUs);
  ratios[`client: stream / exchange (wire server, batches of ${BATCH_SIZE})`] = ratio(of(`stream -> wire server, batches of ${BATCH_SIZE}`).clientUs, of(`exchange -> wire server, batches of ${BATCH_SIZE}`).clientUs);
  ratios[`server: stream / HTTP (wire server, batches of ${BATCH_SIZE})`] = ratio(of(`stream -> wire server, batches of ${BATCH_SIZE}`).serverUs, of(`exchange -> wire server, batches of ${BATCH_SIZE}`).serverUs);
  ratios[`client + server: stream / HTTP (batches of ${BATCH_SIZE})`] = ratio(both(`stream -> wire server, batches of ${BATCH_SIZE}`), both(`exchange -> wire server, batches of ${BATCH_SIZE}`));
  if (baseline !== undefined) {
    ratios['client: exchange / baseline exchange (baseline wire server)'] = ratio(of('exchange -> baseline wire server').clientUs, of('baseline exchange -> baseline wire server').clientUs);
    ratios['server: wire server / baseline wire server (node:http floor client)'] = ratio(of('node:http floor -> wire server').serverUs, of('node:http floor -> baseline wire server').serverUs);
    ratios['both: this checkout / baseline (CPU of client + server)'] = ratio(
      of('exchange -> wire server').clientUs.map((c, i) => c + of('exchange -> wire server').serverUs[i]!),
      of('baseline exchange -> baseline wire server').clientUs.map((c, i) => c + of('baseline exchange -> baseline wire server').serverUs[i]!),
    );
  }
  return { exchangesPerRound: n, rounds, baseline: baseline ?? null, ratios, pairings, totalMs: Date.now() - started };
}

if (require.main === module) {
  if (process.argv[2] === '--serve') void serve(process.argv[3]!, process.argv[4]!);
  else writeResult(benchExchange());
}
