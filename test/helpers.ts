/** Small helpers shared by the simulator's unit tests. */
import { expect } from 'vitest';
import { createSimulator, type Chat, type Simulator, type SimulatorOptions } from '../simulator';
import { groupsOf } from '../simulator/core/state';

/** Awaits a call that must fail, and returns the error for further checks. */
export async function refusal(p: Promise<unknown>, code: number): Promise<Error & { code: number; data: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as { code: unknown }).code, (e as Error).message).toBe(code);
    expect(typeof (e as Error).message).toBe('string');
    return e as Error & { code: number; data: Record<string, unknown> };
  }
  throw new Error(`expected a refusal with code ${code}, but the call succeeded`);
}

export interface World {
  sim: Simulator;
  chats: Record<string, Chat>;
}

/** A simulator with the named users logged in (one device each, called 'web'). */
export function world(users: string[], options?: SimulatorOptions): World {
  const sim = createSimulator(options);
  const chats: Record<string, Chat> = {};
  for (const u of users) chats[u] = sim.login(u);
  return { sim, chats };
}

/** Names of events a user's device received since the log was last cleared, with tip/notice types. */
export function received(sim: Simulator, userID: string, device = 'web'): string[] {
  return sim.eventsFor(userID, device).map((e) => {
    const first = Array.isArray(e.data) ? (e.data[0] as { type?: string; payload?: { operationType?: number } } | undefined) : undefined;
    if (first?.type === 'TIMGroupTipElem') return `tip:${first.payload?.operationType}`;
    if (first?.type === 'TIMGroupSystemNoticeElem') return `notice:${first.payload?.operationType}`;
    if (first?.type === 'TIMCustomElem') return 'custom';
    return e.name;
  });
}

/** A deep, comparable picture of everything the API can read: for failure-atomicity checks. */
export function snapshot(sim: Simulator): unknown {
  const s = sim.state;
  return JSON.parse(
    JSON.stringify(
      {
        groups: [...s.groups.values()].map((g) => ({ ...g, members: [...g.members], muted: [...g.muted], banned: [...g.banned], attributes: [...g.attributes], counters: [...g.counters] })),
        // what each user belongs to: a user in no group ('' or an empty Set) reads as []
        memberships: [...s.users.keys()].map((u) => [u, [...groupsOf(s, u)].sort()]),
        // '' marks a user who left their AVChatRoom: the same as no entry
        avRoom: [...s.avRoom].filter(([, room]) => room !== ''),
        applications: [...s.applications],
        // an index: its order means nothing
        applicationIndex: [...s.applicationIndex].map(([g, byUser]) => [g, [...byUser].map(([u, keys]) => [u, [...keys].sort()]).sort()]).sort(),
        creations: s.creations,
        nextSerial: s.nextSerial,
        users: [...s.users].map(([id, u]) => [id, u.userID, u.nick, u.avatar]),
      },
      (_k, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v),
    ),
  );
}

/** A refusal with `code` that changes nothing and delivers nothing. */
export async function refusedUnchanged(sim: Simulator, call: () => Promise<unknown>, code: number) {
  const before = snapshot(sim);
  sim.clearEvents();
  const e = await refusal(call(), code);
  expect(snapshot(sim)).toEqual(before);
  expect(sim.events).toEqual([]);
  return e;
}

/** Users that exist (imported by the app admin) without being logged in. */
export async function imported(sim: Simulator, prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  for (const userID of ids) await sim.admin.importAccount({ userID });
  return ids;
}
