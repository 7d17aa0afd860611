/**
 * Loads that the scaling table does not show, each measured against its own baseline in one run:
 *
 * - rejoin: one user joining and quitting the same big group again and again. V8 leaves a deleted
 *   Map entry in its hash chain until the table is rehashed, so a key inserted and deleted over and
 *   over makes lookups of it, while absent, walk one dead entry per round trip.
 * - logged-in users: an event in a small group while many users are logged in elsewhere (delivery
 *   and the online-member count used to walk every logged-in user; both now walk the smaller of the
 *   group's members and the sessions).
 * - pending applications: a join while many applications are pending in another group (admit used
 *   to scan them all; the state now indexes them by group and user).
 *
 *   node -r ts-node/register/transpile-only bench/hazards.ts <out.json>
 */
import { createSimulator, type Chat, type Simulator } from '../simulator';
import { executeUser, newUser } from '../simulator/core';
import { median } from './stats';
import { writeResult } from './script';

export interface HazardsResult {
  rejoin: Record<'Community' | 'AVChatRoom', { size: number; rounds: number; earlyPairUs: number; latePairUs: number; ratio: number }>;
  loggedIn: Array<{ loggedIn: number; roleChangeUs: number; onlineCountUs: number }>;
  pendingApplications: Array<{ pending: number; joinUs: number }>;
  notes: string[];
  totalMs: number;
}

const us = (ns: bigint | number, n: number) => Number(ns) / 1e3 / n;

async function fill(sim: Simulator, type: 'Community' | 'AVChatRoom', size: number, prefix: string): Promise<{ groupID: string; owner: Chat }> {
  const ownerID = `${prefix}-owner`;
  const owner = sim.login(ownerID, { device: 'bench' });
  const { data } = await sim.admin.createGroup({ type, name: prefix, ownerAccount: ownerID });
  const groupID = data.groupID as string;
  for (let i = 1; i < size; i++) {
    // every member has an account (a login makes one): the record an import or a login makes
    const userID = `${prefix}-u${i}`;
    sim.state.users.set(userID, newUser(userID));
    const o = executeUser(sim.state, { now: sim.clock.now() }, { kind: 'user', userID, device: 'web' }, 'joinGroup', { groupID });
    if (!o.ok) throw new Error(`filling ${groupID}: ${JSON.stringify(o.refusal)}`);
  }
  return { groupID, owner };
}

/** Mean µs of a join + quit pair by `chat`, over `n` pairs. */
async function pairs(chat: Chat, groupID: string, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await chat.joinGroup({ groupID });
    await chat.quitGroup(groupID);
  }
  return us(process.hrtime.bigint() - t0, n);
}

async function rejoin(size: number, rounds: number): Promise<HazardsResult['rejoin']> {
  const out = {} as HazardsResult['rejoin'];
  for (const type of ['Community', 'AVChatRoom'] as const) {
    const sim = createSimulator({ limits: { memberCap: { Community: size + 10 } } });
    const { groupID } = await fill(sim, type, size, type === 'Community' ? 'rc' : 'ra');
    // warm up the code paths with distinct users, so the first window measures no JIT warm-up
    for (let i = 0; i < 500; i++) {
      const warm = sim.login(`warm${i}`, { device: 'bench' });
      await pairs(warm, groupID, 1);
      await warm.logout();
    }
    sim.clearEvents();
    const chat = sim.login('rejoiner', { device: 'bench' });
    const window = 500;
    const early = await pairs(chat, groupID, window);
    for (let done = window; done < rounds - window; done += 1000) {
      await pairs(chat, groupID, Math.min(1000, rounds - window - done));
      sim.clearEvents();
    }
    const late = await pairs(chat, groupID, window);
    out[type] = { size, rounds, earlyPairUs: early, latePairUs: late, ratio: late / early };
  }
  return out;
}

async function loggedIn(levels: number[], reps: number): Promise<HazardsResult['loggedIn']> {
  const sim = createSimulator();
  const owner = sim.login('lo-owner', { device: 'bench' });
  const { data } = await owner.createGroup({ type: 'Community', name: 'small', memberList: [] });
  const groupID = data.group.groupID as string;
  for (let i = 0; i < 9; i++) await sim.admin.importAccount({ userID: `lo-m${i}` });
  await sim.admin.addGroupMember({ groupID, userIDList: Array.from({ length: 9 }, (_, i) => `lo-m${i}`), silence: true });
  const out: HazardsResult['loggedIn'] = [];
  let online = 1;
  let flip = false;
  // warm-up at the first level, not measured
  for (let i = 0; i < 2000; i++) {
    flip = !flip;
    await owner.setGroupMemberRole({ groupID, userID: 'lo-m4', role: flip ? 'Admin' : 'Member' });
    await owner.getGroupOnlineMemberCount(groupID);
  }
  for (const level of levels) {
    for (; online < level; online++) sim.login(`lo-idle${online}`, { device: 'bench' });
    sim.clearEvents();
    const role: number[] = [];
    const count: number[] = [];
    for (let r = 0; r < reps; r++) {
      const n = 2000;
      let t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) {
        flip = !flip;
        await owner.setGroupMemberRole({ groupID, userID: 'lo-m4', role: flip ? 'Admin' : 'Member' });
      }
      role.push(us(process.hrtime.bigint() - t0, n));
      sim.clearEvents();
      const m = Math.max(20, Math.min(2000, Math.round(2_000_000 / level)));
      t0 = process.hrtime.bigint();
      for (let i = 0; i < m; i++) await owner.getGroupOnlineMemberCount(groupID);
      count.push(us(process.hrtime.bigint() - t0, m));
    }
    out.push({ loggedIn: level, roleChangeUs: median(role), onlineCountUs: median(count) });
  }
  return out;
}

async function pendingApplications(levels: number[], reps: number): Promise<HazardsResult['pendingApplications']> {
  const sim = createSimulator();
  const { groupID } = await fill(sim, 'Community', 1000, 'pa');
  const gate = sim.login('pa-gate', { device: 'bench' });
  const { data } = await gate.createGroup({ type: 'Public', name: 'gated', joinOption: 'NeedPermission' });
  const gated = data.group.groupID as string;
  const out: HazardsResult['pendingApplications'] = [];
  let pending = 0;
  let serial = 0;
  // warm up the join path first, so the first level measures no JIT warm-up
  for (let i = 0; i < 2000; i++) {
    const joiner = sim.login(`pa-w${i}`, { device: 'bench' });
    await joiner.joinGroup({ groupID });
    await joiner.quitGroup(groupID);
    await joiner.logout();
  }
  sim.clearEvents();
  for (const level of levels) {
    for (; pending < level; pending++) {
      const o = executeUser(sim.state, { now: sim.clock.now() }, { kind: 'user', userID: `pa-app${pending}`, device: 'web' }, 'joinGroup', { groupID: gated, applyMessage: 'hi' });
      if (!o.ok) throw new Error(`applying: ${JSON.stringify(o.refusal)}`);
    }
    sim.clearEvents();
    const samples: number[] = [];
    for (let r = 0; r < reps; r++) {
      const n = 1000;
      let elapsed = 0n;
      for (let i = 0; i < n; i++) {
        const joiner = sim.login(`pa-j${++serial}`, { device: 'bench' });
        const t0 = process.hrtime.bigint();
        await joiner.joinGroup({ groupID });
        elapsed += process.hrtime.bigint() - t0;
        await joiner.quitGroup(groupID);
        await joiner.logout();
        // untimed, as in bench/scaling.ts: a log of every event of the sample would outlive the
        // young generation, and its collection would weigh on the level with more joins
        if (i % 16 === 15) sim.clearEvents();
      }
      samples.push(us(elapsed, n));
      sim.clearEvents();
    }
    out.push({ pending: level, joinUs: median(samples) });
  }
  return out;
}

export async function hazards(): Promise<HazardsResult> {
  const started = process.hrtime.bigint();
  const r = await rejoin(100_000, 10_000);
  process.stderr.write('  hazards: rejoin done\n');
  const l = await loggedIn([10, 10_000, 100_000], 3);
  process.stderr.write('  hazards: logged-in users done\n');
  const p = await pendingApplications([0, 10_000], 3);
  process.stderr.write('  hazards: pending applications done\n');
  return {
    rejoin: r,
    loggedIn: l,
    pendingApplications: p,
    notes: [
      'rejoin: mean µs per join + quit pair by one logged-in user in a group of 100 000, over the first 500 pairs and over pairs 9 501-10 000',
      'logged-in users: a Community of 10; role change = setGroupMemberRole by the owner (tip to logged-in members, notice, list update); online count = getGroupOnlineMemberCount (the smaller of the members and the sessions is walked)',
      'pending applications: joinGroup into a Community of 1 000 by a fresh logged-in user while N applications wait in another group',
    ],
    totalMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

if (require.main === module) {
  writeResult(hazards());
}
