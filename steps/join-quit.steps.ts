/**
 * Sentences for joining, join requests, quitting, AVChatRooms and sessions that the shared
 * vocabulary lacks: crowds of applicants or viewers, logging out as a fact, logging in again on
 * the same device (the earlier session is kept under its own name so the scenario can still call
 * it), and the KICKED_OUT event.
 */
import { Given, Then, When, check, reads } from './dsl';
import { findEvents, preview } from '../matchers/matchers';
import type { GroupWorld } from './world';
import { deviceEvents } from './reads';

/** The name under which a session replaced by a later login on the same device stays reachable. */
function replacedKey(u: string, device: string): string {
  return `${u}'s replaced ${device} session`;
}

function replaced(w: GroupWorld, u: string, device: string): string {
  const key = replacedKey(u, device);
  if (!w.sessions.has(key)) throw new Error(`${u} has not logged in again on ${device}`);
  return key;
}

/** Users `<prefix>0001` … `<prefix>NNNN`: the crowd's members, in the order they acted. */
function crowd(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_v, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);
}

/**
 * A crowd acts in chunks: each chunk's users log in together, then act, one user after another in
 * crowd order, each user's calls issued before the next user's (a wire client sends a chunk's
 * logins as one batch and its acts as another, which the server runs in order): the outcome of one
 * user after another, in a round trip or two per chunk instead of two per user.
 */
const CROWD_CHUNK = 50;

async function crowdActs(w: GroupWorld, users: string[], act: (u: string) => Promise<any>, check: (u: string, r: any) => void): Promise<void> {
  for (let i = 0; i < users.length; i += CROWD_CHUNK) {
    const chunk = users.slice(i, i + CROWD_CHUNK);
    await w.loginAll(chunk.filter((u) => !w.sessions.has(u)));
    const results = await w.eachInTurn(chunk, act);
    chunk.forEach((u, k) => check(u, results[k]));
  }
}

Given('{int} users have asked to join {string}', async function (this: GroupWorld, n: number, alias: string) {
  const groupID = this.groupID(alias);
  await crowdActs(this, crowd('applicant', n), (u) => this.must(u, 'joinGroup', { groupID, applyMessage: `${u} asks to join` }), (u, r) =>
    check(r.status === 'WaitAdminApproval' ? undefined : `expected ${u}'s request to wait for approval, got ${r.status}`),
  );
});

/**
 * Viewers enter an AVChatRoom one after the other, each logging out before the next enters, so that
 * the room's later events are not fanned out to a thousand idle devices. Logging out does not take
 * them out of the room (see session.calls-need-login).
 */
Given('{int} viewers have entered {string} and logged out', async function (this: GroupWorld, n: number, alias: string) {
  const groupID = this.groupID(alias);
  const enter = async (u: string) => {
    const entered = this.must(u, 'joinGroup', { groupID });
    // issued right after the viewer's entry and before the next viewer's: no viewer who has entered
    // is logged in when the next enters, so none receives another's entry tip (without inOrder the
    // entry is awaited first, as always)
    if (this.impl.inOrder !== true) await entered;
    const out = Promise.all(this.devicesOf(u).map((s) => s.logout()));
    return (await Promise.all([entered, out]))[0];
  };
  await crowdActs(this, crowd('viewer', n), enter, (u, r) => check(r.status === 'JoinedSuccess' ? undefined : `expected ${u} to enter ${alias}, got ${r.status}`));
});

Given('{user} has logged out', async function (this: GroupWorld, u: string) {
  await this.logout(this.devicesOf(u));
});

When('{user} logs in again on her/his/their {word}', async function (this: GroupWorld, u: string, device: string) {
  await this.markActionStart();
  const earlier = this.sessions.get(u)?.get(device);
  if (earlier === undefined) throw new Error(`${u} is not logged in on ${device}`);
  this.sessions.set(replacedKey(u, device), new Map([[device, earlier]]));
  await this.login(u, device);
});

When('{user}\'s replaced session on her/his/their {word} lists her/his/their groups', async function (this: GroupWorld, u: string, device: string) {
  await this.call(replaced(this, u, device), 'getGroupList');
});
When('{user}\'s replaced session on her/his/their {word} reads the profile of {string}', async function (this: GroupWorld, u: string, device: string, alias: string) {
  await this.call(replaced(this, u, device), 'getGroupProfile', { groupID: this.groupID(alias) });
});

Then('{user}\'s replaced session on her/his/their {word} was kicked out with reason {string}', async function (this: GroupWorld, u: string, device: string, reason: string) {
  const s = this.sessions.get(replaced(this, u, device))!.get(device)!;
  const kicks = findEvents(await this.eventsSinceAction(s), 'kickedOut');
  check(kicks.some((e) => (e.data as { type?: unknown })?.type === reason) ? undefined : `${u}'s replaced ${device} session got no kickedOut ${reason}: ${preview(kicks)}`);
});
Then(reads('{user} on her/his/their {word} was not kicked out', deviceEvents), async function (this: GroupWorld, u: string, device: string) {
  const s = this.sessions.get(u)?.get(device);
  if (s === undefined) throw new Error(`${u} is not logged in on ${device}`);
  const kicks = findEvents(await this.eventsSinceAction(s), 'kickedOut');
  check(kicks.length === 0 ? undefined : `${u} on ${device} was kicked out: ${preview(kicks)}`);
});

// ---- decided requests and invitations as facts of the setup ----

/** The pending item of `applicant`'s request to a group, as the handler's list shows it. */
async function pendingItem(w: GroupWorld, handler: string, applicant: string, alias: string): Promise<unknown> {
  const list = await w.must(handler, 'getGroupApplicationList');
  const item = (list.applicationList as Array<{ groupID: string; userID: string }>).find((a) => a.groupID === w.groupID(alias) && a.userID === applicant);
  if (item === undefined) throw new Error(`${handler} has no pending application of ${applicant} to ${alias}`);
  return item;
}
Given('{user} has approved the application of {user} to {string}', async function (this: GroupWorld, by: string, u: string, alias: string) {
  await this.must(by, 'handleGroupApplication', { handleAction: 'Agree', application: await pendingItem(this, by, u, alias) });
});
Given('{user} has rejected the application of {user} to {string}', async function (this: GroupWorld, by: string, u: string, alias: string) {
  await this.must(by, 'handleGroupApplication', { handleAction: 'Reject', application: await pendingItem(this, by, u, alias) });
});
Given('{actor} has added {users} to {string}', async function (this: GroupWorld, a: string, users: string[], alias: string) {
  const actor = this.resolveActor(a);
  await this.must(actor, 'addGroupMember', { groupID: this.groupID(alias), userIDList: users });
});
Given('{user} has removed {users} from {string} for {int} seconds', async function (this: GroupWorld, by: string, users: string[], alias: string, s: number) {
  await this.must(by, 'deleteGroupMember', { groupID: this.groupID(alias), userIDList: users, duration: s });
});
