/**
 * What the Then steps read, in one place: each step that reads makes its read through these, and
 * names the same function in `reads(pattern, read)` (steps/reads-ahead.ts), so that over the wire
 * the very same call is issued behind the action and the step finds its answer. A read here issues
 * its calls at once and makes nothing but reads. A group still being created is named by a
 * reference to its ID (groupArg), so that its reads can go ahead behind the set-up too.
 */
import type { DeliveredEvent, Session } from '../adapters/contract';
import { eventuallyMs } from '../adapters/resolve';
import { ADMIN, Skip, type GroupWorld } from './world';

export const groupInfo = (w: GroupWorld, alias: string) => w.attempt(ADMIN, 'getGroupInfo', { groupID: w.groupArg(alias) });
/** groupInfo's data: the step fails if the read is refused (GroupWorld.must). */
export const groupData = (w: GroupWorld, alias: string) => w.must(ADMIN, 'getGroupInfo', { groupID: w.groupArg(alias) });
export const roleIn = (w: GroupWorld, u: string, alias: string) => w.must(ADMIN, 'getRoleInGroup', { groupID: w.groupArg(alias), userIDList: [u] });
export const groupListOf = (w: GroupWorld, u: string) => w.must(u, 'getGroupList');
/** isMember's first read (steps/outcomes.steps.ts): the only one for a group that is not an AVChatRoom. */
export const memberRead = (w: GroupWorld, u: string, alias: string) => (w.groupTypes.get(alias) === 'AVChatRoom' ? groupInfo(w, alias) : roleIn(w, u, alias));
export const membersRead = (w: GroupWorld, users: string[], alias: string) => Promise.all(users.map((u) => memberRead(w, u, alias)));
export const joinedGroupsOf = (w: GroupWorld, u: string) => w.must(ADMIN, 'getJoinedGroupList', { userID: u, withHugeGroups: true });
export const groupProfileOf = (w: GroupWorld, u: string, alias: string) => w.must(u, 'getGroupProfile', { groupID: w.groupArg(alias) });
/** A member's record as the app admin reads it (REST get_group_member_info, up to 200 members). */
export async function recordOf(w: GroupWorld, u: string, alias: string): Promise<any> {
  const r = await w.must(ADMIN, 'getGroupMemberInfo', { groupID: w.groupArg(alias), limit: 200 });
  const m = (r.memberList as Array<{ userID: string }>).find((x) => x.userID === u);
  if (m === undefined) throw new Error(`${u} is not a member of ${alias}`);
  return m;
}
/** groupInfo of the group named second (`{user} owns {string}`, `the {word} of {string} is {json}`). */
export const infoOfSecond = (w: GroupWorld, _a: unknown, alias: string) => groupInfo(w, alias);
export const recordOfSecond = (w: GroupWorld, _a: unknown, u: string, alias: string) => recordOf(w, u, alias);

/** The user's sessions, or only the one on the device named. */
export function sessionsOf(w: GroupWorld, u: string, device?: string): Session[] {
  const all = w.devicesOf(u);
  return device === undefined ? all : all.filter((s) => s.device === device);
}

/** The sessions whose events a step checks: not applicable without event delivery, a failure when none is logged in. */
export function devicesFor(w: GroupWorld, u: string, device: string | undefined): Session[] {
  if (!w.impl.capabilities.events) throw new Skip('event delivery');
  const sessions = sessionsOf(w, u, device);
  if (sessions.length === 0) throw new Error(`${u}${device === undefined ? '' : ` on ${device}`} is not logged in`);
  return sessions;
}

/** The events since the action of each of the user's devices (or of the one named). */
function eventsOf(w: GroupWorld, u: string, device?: string): Promise<DeliveredEvent[][]> {
  return Promise.all(sessionsOf(w, u, device).map((s) => w.eventsSinceAction(s)));
}
/** The events of the user named first, and of the user on the device named second. */
export const userEvents = (w: GroupWorld, u: string) => eventsOf(w, u);
export const deviceEvents = (w: GroupWorld, u: string, device: string) => eventsOf(w, u, device);
export const usersEvents = (w: GroupWorld, users: string[]) => Promise.all(users.map((u) => eventsOf(w, u)));
/** eventsOf the user named second (`the system notice {op} that {user} received …`). */
export const eventsOfSecond = (w: GroupWorld, _a: unknown, u: string) => eventsOf(w, u);

/** Polls until `check` passes or the eventually-timeout ends; returns the last failure or undefined. */
export async function eventually(check: () => Promise<string | undefined>): Promise<string | undefined> {
  const deadline = Date.now() + eventuallyMs();
  for (;;) {
    const failure = await check();
    if (failure === undefined || Date.now() >= deadline) return failure;
    await new Promise((r) => setTimeout(r, 10));
  }
}
