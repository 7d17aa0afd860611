/**
 * Simulator scaling: join, quit, membership check, role change and one member-list page in an
 * AVChatRoom and a Community of 1 000 … 1 000 000 members, plus heap bytes per member.
 *
 * Run by bench/run.ts as one child process per group type, with `--expose-gc` (the heap figures
 * need global.gc), so neither type's million-member heap weighs on the other's figures:
 *   BENCH_KINDS=Community node --expose-gc -r ts-node/register/transpile-only bench/scaling.ts <out.json>
 *
 * Every size of a type lives in the same process at once, so the sizes are measured side by side:
 * each repetition runs every operation on every size, alternating the order of sizes (small to
 * large, then large to small); the figures are medians over repetitions, and the cost relative to
 * the smallest size is the median of the per-repetition ratios.
 */
import { writeFileSync } from 'node:fs';
import { createSimulator, type Chat, type Simulator } from '../simulator';
import { executeUser, newUser } from '../simulator/core';
import { median } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;

export interface ScalingOptions {
  /** The group types measured in this process (run.ts runs one per process, so neither's heap weighs on the other). */
  kinds: Kind[];
  sizes: number[];
  repetitions: number;
  /** Timed duration of one sample, ms. */
  sampleMs: number;
}

export type Kind = 'Community' | 'AVChatRoom';
export const OPS = ['join', 'quit', 'check', 'role', 'page'] as const;
export type Op = (typeof OPS)[number];

/** What each operation is, per group type: the table's legend. */
export const OP_DESCRIPTIONS: Record<Kind, Record<Op, string>> = {
  Community: {
    join: 'joinGroup by a logged-in user not in the group (FreeAccess; a pool of 16 384 users, round robin): admitted, join tip and group-list update delivered',
    quit: 'quitGroup by that user',
    check: 'getGroupOnlineMemberCount by the owner: a membership check of the caller, then one per logged-in user (5: the four owners and an idle user)',
    role: 'setGroupMemberRole by the owner on a member at the middle rank, alternating Admin / Member',
    page: 'getGroupMemberList, 100 members at offset 0.9 × size',
  },
  AVChatRoom: {
    join: 'joinGroup by a logged-in user not in the room (a pool of 16 384 users, round robin): admitted, join tip delivered',
    quit: 'quitGroup by that user',
    check: 'getGroupOnlineMemberCount by the owner: a membership check of the caller, then one per logged-in user (5: the four owners and an idle user)',
    role: 'no roles in an AVChatRoom: setGroupMemberMuteTime by the owner on a member at the middle rank, alternating 60 s / 0 (what applies)',
    page: 'getGroupMemberList: the recent-members list (first page: 500 of the 1 000 most recent)',
  },
};

interface Group {
  kind: Kind;
  size: number;
  groupID: string;
  owner: Chat;
  /** A member at the middle rank (role change / mute target). */
  middle: string;
  heapBytesPerMember: number;
  populateMs: number;
  flip: boolean;
}

export interface ScalingResult {
  sizes: number[];
  repetitions: number;
  sampleMs: number;
  population: Record<Kind, string>;
  /** kind -> op -> size -> median ops/s */
  opsPerSecond: Record<Kind, Record<Op, Record<string, number>>>;
  /** kind -> op -> size -> every repetition's ops/s */
  samples: Record<Kind, Record<Op, Record<string, number[]>>>;
  /**
   * kind -> op -> size -> cost relative to the smallest size: the median over repetitions of
   * (ops/s at the smallest size / ops/s at this size), both from the same repetition
   */
  costRatio: Record<Kind, Record<Op, Record<string, number>>>;
  /** kind -> size -> heap bytes per member (heapUsed delta around populating / members added) */
  heapBytesPerMember: Record<Kind, Record<string, number>>;
  /** heap bytes per imported account (the user record, not a membership), measured on the biggest import */
  heapBytesPerAccount: number;
  populateMs: Record<Kind, Record<string, number>>;
  descriptions: typeof OP_DESCRIPTIONS;
  /** ops timed in all repetitions, per kind and op (all sizes) */
  opsMeasured: Record<Kind, Record<Op, number>>;
  totalMs: number;
}

function heapUsed(): number {
  if (gc === undefined) throw new Error('bench/scaling.ts needs node --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function populateCommunity(sim: Simulator, size: number): Promise<{ g: Group; accountBytes: number }> {
  const ownerID = `c${size}-owner`;
  const owner = sim.login(ownerID, { device: 'bench' });
  const { data } = await sim.admin.createGroup({ type: 'Community', name: `c${size}`, ownerAccount: ownerID });
  const groupID = data.groupID;
  const ids: string[] = [];
  for (let i = 1; i < size; i++) ids.push(`c${size}-u${i}`);
  // accounts first: a user record is the app's, not the group's, so it is measured apart
  const a0 = heapUsed();
  for (const userID of ids) await sim.admin.importAccount({ userID });
  const a1 = heapUsed();
  const t0 = process.hrtime.bigint();
  const h0 = heapUsed();
  const batch = sim.limits.adminAddMemberList;
  for (let i = 0; i < ids.length; i += batch) {
    await sim.admin.addGroupMember({ groupID, userIDList: ids.slice(i, i + batch), silence: true });
  }
  const h1 = heapUsed();
  const populateMs = ms(t0);
  return {
    g: { kind: 'Community', size, groupID, owner, middle: ids[Math.floor(ids.length / 2)]!, heapBytesPerMember: (h1 - h0) / ids.length, populateMs, flip: false },
    accountBytes: ids.length > 0 ? (a1 - a0) / ids.length : 0,
  };
}

/**
 * An AVChatRoom cannot be filled by logged-in users at this scale: every login is a Chat, and
 * every join tip is delivered to every logged-in member, so filling a room of n that way is
 * O(n²). Viewers join through the core's joinGroup command itself (the same validation, rules
 * and state changes as Chat.joinGroup) without a session: its deliveries would reach logged-in
 * members only, of whom there are none yet, so nothing observable is skipped.
 */
async function populateAV(sim: Simulator, size: number): Promise<Group> {
  const ownerID = `a${size}-owner`;
  const owner = sim.login(ownerID, { device: 'bench' });
  const { data } = await sim.admin.createGroup({ type: 'AVChatRoom', name: `a${size}`, ownerAccount: ownerID });
  const groupID = data.groupID;
  const ids: string[] = [];
  for (let i = 1; i < size; i++) ids.push(`a${size}-u${i}`);
  // every viewer has an account (a login makes one), measured apart as for a Community: the record
  // an import or a login makes, put in directly rather than parsing a million option objects
  for (const userID of ids) sim.state.users.set(userID, newUser(userID));
  const t0 = process.hrtime.bigint();
  const h0 = heapUsed();
  for (const userID of ids) {
    const o = executeUser(sim.state, { now: sim.clock.now() }, { kind: 'user', userID, device: 'web' }, 'joinGroup', { groupID });
    if (!o.ok) throw new Error(`populating ${groupID}: ${JSON.stringify(o.refusal)}`);
  }
  const h1 = heapUsed();
  return { kind: 'AVChatRoom', size, groupID, owner, middle: ids[Math.floor(ids.length / 2)]!, heapBytesPerMember: (h1 - h0) / ids.length, populateMs: ms(t0), flip: false };
}

let joinerSerial = 0;
/**
 * Joiners come from a pool, round robin: enough of them that no one user's ID is inserted into and
 * deleted from the app's maps often (see bench/hazards.ts, rejoin), few enough that the users they
 * leave behind do not grow the heap while other operations are measured.
 */
const JOINER_POOL = 16_384;

/** Ops per timed chunk: a chunk is never cut short, and the clock is read between chunks only. */
const CHUNK = 16;

/**
 * One operation on one group, repeated in chunks until `ms` of it have been timed; returns how many
 * ran and the ns they took. Joins and quits are by a different user each time (logged in before,
 * out after, untimed): people coming and going, as in a real room. One user rejoining again and
 * again is a different load, measured in bench/hazards.ts.
 */
async function runOp(sim: Simulator, op: Op, g: Group, ms: number): Promise<{ ops: number; ns: number }> {
  const { groupID, owner } = g;
  const budget = BigInt(Math.round(ms * 1e6));
  let elapsed = 0n;
  let ops = 0;
  while (elapsed < budget) {
    switch (op) {
      case 'join':
      case 'quit': {
        // join and quit alternate so the size stays put; each is timed on its own
        for (let i = 0; i < CHUNK; i++) {
          const joiner = sim.login(`j${++joinerSerial % JOINER_POOL}`, { device: 'bench' });
          const t0 = process.hrtime.bigint();
          await joiner.joinGroup({ groupID });
          const t1 = process.hrtime.bigint();
          await joiner.quitGroup(groupID);
          const t2 = process.hrtime.bigint();
          await joiner.logout();
          elapsed += op === 'join' ? t1 - t0 : t2 - t1;
        }
        break;
      }
      case 'check': {
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < CHUNK; i++) await owner.getGroupOnlineMemberCount(groupID);
        elapsed += process.hrtime.bigint() - t0;
        break;
      }
      case 'role': {
        const t0 = process.hrtime.bigint();
        if (g.kind === 'Community') {
          for (let i = 0; i < CHUNK; i++) {
            g.flip = !g.flip;
            await owner.setGroupMemberRole({ groupID, userID: g.middle, role: g.flip ? 'Admin' : 'Member' });
          }
        } else {
          for (let i = 0; i < CHUNK; i++) {
            g.flip = !g.flip;
            await owner.setGroupMemberMuteTime({ groupID, userID: g.middle, muteTime: g.flip ? 60 : 0 });
          }
        }
        elapsed += process.hrtime.bigint() - t0;
        break;
      }
      case 'page': {
        const offset = Math.floor(g.size * 0.9);
        const t0 = process.hrtime.bigint();
        if (g.kind === 'Community') {
          for (let i = 0; i < CHUNK; i++) {
            const r = await owner.getGroupMemberList({ groupID, count: 100, offset });
            if (r.data.memberList.length !== 100) throw new Error(`page of ${groupID} at ${offset} holds ${r.data.memberList.length}`);
          }
        } else {
          for (let i = 0; i < CHUNK; i++) await owner.getGroupMemberList({ groupID });
        }
        elapsed += process.hrtime.bigint() - t0;
        break;
      }
    }
    ops += CHUNK;
    // untimed: the event log would otherwise hold every event of the sample, and what it holds
    // outlives the young generation, so major collections of the whole heap would land in samples
    sim.clearEvents();
  }
  return { ops, ns: Number(elapsed) };
}

export async function scaling(opts: ScalingOptions): Promise<ScalingResult> {
  const started = process.hrtime.bigint();
  const sizes = [...opts.sizes].sort((a, b) => a - b);
  const biggest = sizes[sizes.length - 1]!;
  // caps with room for the joiner on top of the biggest group
  const sim = createSimulator({ limits: { memberCap: { Community: biggest + 1000 } } });

  // smallest first, so the forced GCs around the small groups run on a small heap
  const groups: Group[] = [];
  let accountBytes = 0;
  const { kinds } = opts;
  for (const size of sizes) {
    if (kinds.includes('Community')) {
      const { g, accountBytes: a } = await populateCommunity(sim, size);
      groups.push(g);
      if (size === biggest) accountBytes = a;
      process.stderr.write(`  scaling: Community of ${size} populated in ${g.populateMs.toFixed(0)} ms (${g.heapBytesPerMember.toFixed(0)} heap bytes/member)\n`);
    }
    if (!kinds.includes('AVChatRoom')) continue;
    const av = await populateAV(sim, size);
    groups.push(av);
    process.stderr.write(`  scaling: AVChatRoom of ${size} populated in ${av.populateMs.toFixed(0)} ms (${av.heapBytesPerMember.toFixed(0)} heap bytes/member)\n`);
  }
  // the owners (one per size), the joiner of the moment and one idle user
  sim.login('idle', { device: 'bench' });
  sim.clearEvents();

  // quick looks only: BENCH_OPS=page,check narrows the operations measured
  const ops = OPS.filter((op) => process.env.BENCH_OPS === undefined || process.env.BENCH_OPS.split(',').includes(op));
  const of = (kind: Kind, size: number) => groups.find((g) => g.kind === kind && g.size === size)!;

  // warm up every op on every group
  for (const kind of kinds) {
    for (const op of ops) {
      for (const size of sizes) {
        await runOp(sim, op, of(kind, size), opts.sampleMs / 2);
        sim.clearEvents();
      }
    }
  }

  const samples = {} as ScalingResult['samples'];
  const opsCount = {} as ScalingResult['opsMeasured'];
  for (const kind of kinds) {
    samples[kind] = {} as Record<Op, Record<string, number[]>>;
    opsCount[kind] = {} as Record<Op, number>;
    for (const op of OPS) {
      samples[kind][op] = {};
      opsCount[kind][op] = 0;
      for (const size of sizes) samples[kind][op][size] = [];
    }
  }
  for (let rep = 0; rep < opts.repetitions; rep++) {
    const order = rep % 2 === 0 ? sizes : [...sizes].reverse();
    for (const kind of kinds) {
      for (const op of ops) {
        for (const size of order) {
          const { ops, ns } = await runOp(sim, op, of(kind, size), opts.sampleMs);
          samples[kind][op][size]!.push((ops * 1e9) / ns);
          opsCount[kind][op] += ops;
          sim.clearEvents();
        }
      }
    }
    process.stderr.write(`  scaling: repetition ${rep + 1}/${opts.repetitions} done\n`);
  }

  const opsPerSecond = {} as ScalingResult['opsPerSecond'];
  const costRatio = {} as ScalingResult['costRatio'];
  const heapBytesPerMember = {} as ScalingResult['heapBytesPerMember'];
  const populateMs = {} as ScalingResult['populateMs'];
  for (const kind of kinds) {
    opsPerSecond[kind] = {} as Record<Op, Record<string, number>>;
    costRatio[kind] = {} as Record<Op, Record<string, number>>;
    for (const op of OPS) {
      opsPerSecond[kind][op] = {};
      costRatio[kind][op] = {};
      const base = samples[kind][op][sizes[0]!]!;
      for (const size of sizes) {
        opsPerSecond[kind][op][size] = median(samples[kind][op][size]!);
        costRatio[kind][op][size] = median(samples[kind][op][size]!.map((x, rep) => base[rep]! / x));
      }
    }
    heapBytesPerMember[kind] = {};
    populateMs[kind] = {};
    for (const size of sizes) {
      heapBytesPerMember[kind][size] = of(kind, size).heapBytesPerMember;
      populateMs[kind][size] = of(kind, size).populateMs;
    }
  }
  return {
    sizes,
    repetitions: opts.repetitions,
    sampleMs: opts.sampleMs,
    population: {
      Community: 'accounts through sim.admin.importAccount, then sim.admin.addGroupMember in batches of 300 with silence (limits: memberCap.Community raised to the biggest size + 1000)',
      AVChatRoom: "viewers, each with an account (made first, measured apart as for a Community), join through the core's joinGroup command (executeUser) without a login: the same command as Chat.joinGroup, minus delivery to logged-in devices, of which there are none while filling",
    },
    opsPerSecond,
    samples,
    costRatio,
    heapBytesPerMember,
    heapBytesPerAccount: accountBytes,
    populateMs,
    descriptions: OP_DESCRIPTIONS,
    opsMeasured: opsCount,
    totalMs: ms(started),
  };
}

if (require.main === module) {
  const out = process.argv[2];
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
  const kinds = (process.env.BENCH_KINDS ?? 'Community,AVChatRoom').split(',') as Kind[];
  scaling({ kinds, sizes, repetitions: Number(process.env.BENCH_REPS ?? 9), sampleMs: Number(process.env.BENCH_SAMPLE_MS ?? 50) })
    .then((r) => {
      const json = JSON.stringify(r, null, 2);
      if (out === undefined) process.stdout.write(`${json}\n`);
      else writeFileSync(out, json);
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}

/** One result from the per-kind results of separate processes. */
export function mergeScaling(parts: ScalingResult[]): ScalingResult {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('no scaling results to merge');
  const out: ScalingResult = structuredClone(first);
  for (const p of rest) {
    Object.assign(out.opsPerSecond, p.opsPerSecond);
    Object.assign(out.samples, p.samples);
    Object.assign(out.costRatio, p.costRatio);
    Object.assign(out.heapBytesPerMember, p.heapBytesPerMember);
    Object.assign(out.populateMs, p.populateMs);
    Object.assign(out.opsMeasured, p.opsMeasured);
    if (p.heapBytesPerAccount > 0) out.heapBytesPerAccount = p.heapBytesPerAccount;
    out.totalMs += p.totalMs;
  }
  return out;
}
