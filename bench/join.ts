/**
 * Join and quit through the SDK surface against their floor: a stub that only builds what an app
 * observes of the same join or quit (issue 21 item 5).
 *
 * The floor is taken from the simulator itself: one real join and quit of a Community are
 * recorded (every event delivered: recipient, name, data; and the response), and the stub is a
 * function of object literals that builds exactly those objects afresh per operation, appends the
 * events to a log with a sequence number, and resolves a promise with the response, which the
 * caller awaits. No membership, no rules, no validation: what an app observes of a join costs at
 * least that.
 *
 * Measured side by side in one process: blocks of 256 joins+quits by the real simulator and
 * blocks of the stub alternate; each block's time is taken on its own, the ratio is the median
 * over pairs of neighbouring blocks. The group has `BENCH_JOIN_SIZE` members (100 000); joiners
 * come from a pool of 16 384 users, round robin, logged in before and out after, untimed, as in
 * bench/scaling.ts.
 *
 *   node -r ./runner/register-ts.js bench/join.ts <out.json>
 */
import { createSimulator, type Chat, type ChatResponse } from '../simulator';
import { median } from './stats';
import { writeResult } from './script';

export interface JoinResult {
  size: number;
  blocks: number;
  /** ns per operation, medians over blocks */
  ns: { join: number; quit: number; floorJoin: number; floorQuit: number };
  /** real / floor, median over neighbouring block pairs */
  ratio: { join: number; quit: number };
  /** what the floor builds per operation */
  observed: { join: string[]; quit: string[] };
  totalMs: number;
}

interface Recorded {
  events: Array<{ userID: string; device: string; name: string; data: unknown }>;
  response: ChatResponse;
}

const POOL = 16_384;
const BLOCK = 256;

/** JavaScript source of an object literal building `v` afresh (plain data only). */
function literal(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(literal).join(',')}]`;
  if (typeof v === 'object' && v !== null) return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${literal(x)}`).join(',')}}`;
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

/**
 * The floor of one recorded operation: a function made of object literals that builds every event
 * and the response afresh (the cheapest way V8 builds an object), appends the events to a log with
 * a sequence number, and resolves the response.
 */
function floorOf(r: Recorded): (log: unknown[], seq: { n: number }) => Promise<ChatResponse> {
  const pushes = r.events.map((e) => `log.push({seq: ++seq.n, userID: ${JSON.stringify(e.userID)}, device: ${JSON.stringify(e.device)}, name: ${JSON.stringify(e.name)}, data: ${literal(e.data)}});`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('log', 'seq', `${pushes.join('\n')}\nreturn Promise.resolve({code: 0, data: ${literal(r.response.data)}});`) as (log: unknown[], seq: { n: number }) => Promise<ChatResponse>;
}

export async function joinBench(size: number, blocks: number): Promise<JoinResult> {
  const started = process.hrtime.bigint();
  const sim = createSimulator({ limits: { memberCap: { Community: size + 1000 } } });
  const ownerID = 'owner';
  sim.login(ownerID, { device: 'bench' });
  const { data } = await sim.admin.createGroup({ type: 'Community', name: 'c', ownerAccount: ownerID });
  const groupID = data.groupID as string;
  const ids: string[] = [];
  for (let i = 1; i < size; i++) ids.push(`u${i}`);
  for (const userID of ids) await sim.admin.importAccount({ userID });
  for (let i = 0; i < ids.length; i += sim.limits.adminAddMemberList) {
    await sim.admin.addGroupMember({ groupID, userIDList: ids.slice(i, i + sim.limits.adminAddMemberList), silence: true });
  }
  sim.login('idle', { device: 'bench' });
  sim.clearEvents();

  // record one join and one quit: what the floor builds
  const record = async (f: () => Promise<ChatResponse>): Promise<Recorded> => {
    sim.clearEvents();
    const response = await f();
    const events = sim.events.map((e) => ({ userID: e.userID, device: e.device, name: e.name, data: e.data }));
    return { events, response };
  };
  const probe = sim.login('j0', { device: 'bench' });
  const join = await record(() => probe.joinGroup({ groupID }));
  const quit = await record(() => probe.quitGroup(groupID));
  await probe.logout();
  sim.clearEvents();
  const floorJoin = floorOf(join);
  const floorQuit = floorOf(quit);
  if (JSON.stringify(await floorJoin([], { n: 0 })) !== JSON.stringify(join.response)) throw new Error('the floor builds another response');

  let next = 0;
  const real = async (): Promise<[number, number]> => {
    let tj = 0n;
    let tq = 0n;
    for (let i = 0; i < BLOCK; i++) {
      // logged in before, out after, untimed: people coming and going (as bench/scaling.ts)
      const j: Chat = sim.login(`j${next++ % POOL}`, { device: 'bench' });
      const t0 = process.hrtime.bigint();
      await j.joinGroup({ groupID });
      const t1 = process.hrtime.bigint();
      await j.quitGroup(groupID);
      tq += process.hrtime.bigint() - t1;
      tj += t1 - t0;
      await j.logout();
      // the log is cleared as often as in bench/scaling.ts: what it keeps would outlive the young generation
      if ((i & 15) === 15) sim.clearEvents();
    }
    return [Number(tj) / BLOCK, Number(tq) / BLOCK];
  };
  const stub = async (): Promise<[number, number]> => {
    const log: unknown[] = [];
    const seq = { n: 0 };
    let tj = 0n;
    let tq = 0n;
    for (let i = 0; i < BLOCK; i++) {
      const t0 = process.hrtime.bigint();
      await floorJoin(log, seq);
      const t1 = process.hrtime.bigint();
      await floorQuit(log, seq);
      tq += process.hrtime.bigint() - t1;
      tj += t1 - t0;
      if ((i & 15) === 15) log.length = 0;
    }
    return [Number(tj) / BLOCK, Number(tq) / BLOCK];
  };
  for (let i = 0; i < 20; i++) {
    await real();
    await stub();
  }
  const rj: number[] = [];
  const rq: number[] = [];
  const fj: number[] = [];
  const fq: number[] = [];
  for (let b = 0; b < blocks; b++) {
    // alternate which goes first
    let a: [number, number];
    let s: [number, number];
    if (b % 2 === 0) {
      a = await real();
      s = await stub();
    } else {
      s = await stub();
      a = await real();
    }
    rj.push(a[0]);
    rq.push(a[1]);
    fj.push(s[0]);
    fq.push(s[1]);
  }
  const describe = (r: Recorded) => [...r.events.map((e) => `${e.name} to ${e.userID}`), 'the response, awaited'];
  return {
    size,
    blocks,
    ns: { join: median(rj), quit: median(rq), floorJoin: median(fj), floorQuit: median(fq) },
    ratio: { join: median(rj.map((x, i) => x / fj[i]!)), quit: median(rq.map((x, i) => x / fq[i]!)) },
    observed: { join: describe(join), quit: describe(quit) },
    totalMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

if (require.main === module) {
  writeResult(joinBench(Number(process.env.BENCH_JOIN_SIZE ?? 100_000), Number(process.env.BENCH_JOIN_BLOCKS ?? 31)));
}
