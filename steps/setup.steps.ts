/** Given: apps, users, devices, groups and the roles people hold in them. */
import type { DataTable } from '@cucumber/cucumber';
import type { GroupTypeName } from '../adapters/contract';
import { AHEAD, Given, check } from './dsl';
import { ADMIN, Skip, wireType, type GroupWorld } from './world';
import { withArticle } from '../matchers/article';
import { ERR } from '../simulator/core/errors';

function setLimit(w: GroupWorld, path: string, value: number): void {
  if (w.appStarted()) throw new Error('limits must be set before anyone logs in or any group exists (put them first)');
  if (!w.impl.capabilities.limitOverrides) throw new Skip('limit overrides');
  const limits = (w.appOptions.limits ??= {}) as Record<string, any>;
  const [head, tail] = path.split('.');
  if (tail === undefined) limits[head!] = value;
  else (limits[head!] ??= {})[tail] = value;
}

Given('an app with these limits:', function (this: GroupWorld, table: DataTable) {
  for (const [path, value] of table.raw()) setLimit(this, path!, Number(value));
});
Given('an app where a/an {type} group holds at most {int} members', function (this: GroupWorld, t: GroupTypeName, n: number) {
  setLimit(this, `memberCap.${wireType(t)}`, n);
});
Given('an app where a user may belong to at most {int} groups', function (this: GroupWorld, n: number) {
  setLimit(this, 'userGroupQuota', n);
});
Given('an app where at most {int} groups may be created a day', function (this: GroupWorld, n: number) {
  setLimit(this, 'dailyNetCreations', n);
});

Given('{users} is/are logged in', AHEAD, async function (this: GroupWorld, users: string[]) {
  await this.loginAll(users);
});
Given('{user} is logged in on her/his/their {word}', AHEAD, async function (this: GroupWorld, u: string, device: string) {
  await this.login(u, device);
});
Given('{user} is logged in on her/his/their {word} and her/his/their {word}', AHEAD, async function (this: GroupWorld, u: string, d1: string, d2: string) {
  // one exchange for a wire client (GroupWorld.eachInTurn); registered in this order either way
  await this.eachInTurn([d1, d2], (d) => this.login(u, d));
});
Given('{user} is logged in with unlimited AVChatRooms', AHEAD, async function (this: GroupWorld, u: string) {
  await this.login(u, 'web', { unlimitedAVChatRoom: true });
});
Given('the account(s) {users} exist(s)', AHEAD, async function (this: GroupWorld, users: string[]) {
  await this.importAccounts(users);
});

async function create(w: GroupWorld, owner: string, t: GroupTypeName, alias: string, extra: Record<string, unknown> = {}): Promise<void> {
  w.requireType(t);
  // an implementation with references gets the later set-up calls that name the group in the same exchange
  if (w.impl.references === true) return w.createAhead(owner, alias, t, { type: wireType(t), name: alias, ...extra });
  w.registerGroup(alias, t, await w.must(owner, 'createGroup', { type: wireType(t), name: alias, ...extra }));
}

/** Reads a two-column table of options, parsing JSON values where they parse. */
export function options(w: GroupWorld, table: DataTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of table.raw()) {
    const text = w.substitute(v!);
    try {
      out[k!] = JSON.parse(text);
    } catch {
      out[k!] = text;
    }
  }
  return out;
}

Given('{user} has created a/an {type} group {string}', AHEAD, async function (this: GroupWorld, owner: string, t: GroupTypeName, alias: string) {
  await create(this, owner, t, alias);
});
Given('{user} has created a/an {type} group {string} with members {users}', AHEAD, async function (this: GroupWorld, owner: string, t: GroupTypeName, alias: string, members: string[]) {
  await this.importAccounts(members.filter((m) => !this.sessions.has(m)));
  await create(this, owner, t, alias, { memberList: members.map((userID) => ({ userID })) });
});
Given('{user} has created a/an {type} group {string} with:', async function (this: GroupWorld, owner: string, t: GroupTypeName, alias: string, table: DataTable) {
  await create(this, owner, t, alias, options(this, table));
});
Given('the app admin has created a/an {type} group {string} without an owner', AHEAD, async function (this: GroupWorld, t: GroupTypeName, alias: string) {
  await create(this, ADMIN, t, alias);
});
Given('the app admin has created a/an {type} group {string} owned by {user}', AHEAD, async function (this: GroupWorld, t: GroupTypeName, alias: string, owner: string) {
  if (!this.sessions.has(owner)) await this.must(ADMIN, 'importAccount', { userID: owner });
  await create(this, ADMIN, t, alias, { ownerAccount: owner });
});

/**
 * Makes users members by the most direct documented route for the group's type (`loggingIn`: their
 * accounts exist, they are being logged in). Set-up issued ahead (GroupWorld.sequence): the next
 * step that settles awaits it.
 */
export async function enrol(w: GroupWorld, users: string[], alias: string, loggingIn = false): Promise<void> {
  const groupID = w.groupArg(alias);
  if (w.groupTypes.get(alias) === 'AVChatRoom') {
    // logged in first; a user already logged in is not awaited (awaiting a plain value yields, and
    // a call the caller issues next, such as the grid's promotion, would then go before the joins)
    if (w.impl.references === true) {
      for (const u of users) {
        const s = w.session(u);
        if (s instanceof Promise) await s;
      }
    }
    await w.sequence(
      users.map((u) => async () => {
        const r = await w.must(u, 'joinGroup', { groupID });
        if (r.status !== 'JoinedSuccess' && r.status !== 'AlreadyInGroup') throw new Error(`${u} could not enter ${alias}: ${r.status}`);
      }),
      true,
    );
    return;
  }
  await w.sequence([() => w.importAccounts(loggingIn ? [] : users.filter((u) => !w.sessions.has(u))), () => w.must(ADMIN, 'addGroupMember', { groupID, userIDList: users, silence: false })], true);
}

Given('{users} belong(s) to {string}', AHEAD, async function (this: GroupWorld, users: string[], alias: string) {
  await enrol(this, users, alias);
});
Given('{users} is/are (an )admin(s) of {string}', AHEAD, async function (this: GroupWorld, users: string[], alias: string) {
  await enrol(this, users, alias);
  await this.sequence(users.map((u) => () => this.must(ADMIN, 'modifyGroupMemberInfo', { groupID: this.groupArg(alias), userID: u, role: 'Admin' })), true);
});
Given('{user} has asked to join {string}', AHEAD, async function (this: GroupWorld, u: string, alias: string) {
  const r = await this.afterPending(this.must(u, 'joinGroup', { groupID: this.groupArg(alias), applyMessage: `${u} asks to join` }));
  check(r.status === 'WaitAdminApproval' ? undefined : `expected ${u}'s request to wait for approval, got ${r.status}`);
});
Given('{user} has asked to join {string} saying {string}', AHEAD, async function (this: GroupWorld, u: string, alias: string, note: string) {
  const r = await this.afterPending(this.must(u, 'joinGroup', { groupID: this.groupArg(alias), applyMessage: note }));
  check(r.status === 'WaitAdminApproval' ? undefined : `expected ${u}'s request to wait for approval, got ${r.status}`);
});
Given('{user} has muted {user} in {string} for {int} seconds', AHEAD, async function (this: GroupWorld, by: string, u: string, alias: string, s: number) {
  await this.afterPending(this.must(by, 'setGroupMemberMuteTime', { groupID: this.groupArg(alias), userID: u, muteTime: s }));
});

/** Makes adam an admin of the group (the permission grid's admin). */
async function promote(w: GroupWorld, alias: string, type: GroupTypeName | undefined): Promise<void> {
  const promotion = { groupID: w.groupArg(alias), userID: 'adam', role: 'Admin' };
  if (type !== 'Work' && type !== 'AVChatRoom') {
    await w.must(ADMIN, 'modifyGroupMemberInfo', promotion);
    return;
  }
  // these types have no admins: the promotion of a member is refused (10007) and adam acts as an
  // ordinary member; another refusal (adam not a member yet: 10004) would prove nothing
  const r = await w.attempt(ADMIN, 'modifyGroupMemberInfo', promotion);
  check(r.ok ? `${withArticle(type)} group accepted an admin` : r.code !== ERR.NO_PERMISSION ? `promoting adam in ${withArticle(type)} group was refused with ${r.code ?? 'no code'} (${r.message}), not ${ERR.NO_PERMISSION} (no admins)` : undefined);
}

/**
 * The permission grid: "the actor" takes one of five roles in a group. Owner is the group's
 * creator; admin, member and non-member are fresh users set up for the part; app admin is the app admin.
 */
Given('the actor is the {gridRole} of {string}', AHEAD, async function (this: GroupWorld, role: string, alias: string) {
  await actorIs(this, role, alias);
});

/** The permission grid's role taking (exported for test/wire/grid-order.test.ts). */
export async function actorIs(w: GroupWorld, role: string, alias: string): Promise<void> {
  // the group may still be being created (GroupWorld.createAhead): it is named by groupArg
  const groupID = w.groupArg(alias);
  const type = w.groupTypes.get(alias);
  switch (role) {
    case 'owner': {
      const info = await w.afterPending(w.must(ADMIN, 'getGroupInfo', { groupID }));
      w.actor = info.ownerID;
      return;
    }
    case 'app admin':
      w.actor = ADMIN;
      return;
    case 'non-member':
      w.actor = 'nina';
      await w.afterPending(w.login('nina'));
      return;
    case 'member':
    case 'admin': {
      const u = role === 'member' ? 'mia' : 'adam';
      w.actor = u;
      const steps: Array<() => Promise<unknown>> = [() => enrol(w, [u], alias, true)];
      if (role === 'admin') steps.push(() => promote(w, alias, type));
      // an AVChatRoom member enters it through their own session: the login is awaited first; else
      // the login, the enrolment and the promotion are issued at once (GroupWorld.sequence)
      if (type === 'AVChatRoom') await w.afterPending(w.login(u));
      else steps.unshift(() => w.login(u));
      await w.sequence(steps);
      return;
    }
  }
}

Given('{int} seconds have passed', async function (this: GroupWorld, s: number) {
  await this.advanceClock(s);
});

Given('{user} has dismissed {string}', AHEAD, async function (this: GroupWorld, u: string, alias: string) {
  await this.afterPending(this.must(u, 'dismissGroup', this.groupArg(alias)));
});
Given('{user} has quit {string}', AHEAD, async function (this: GroupWorld, u: string, alias: string) {
  await this.afterPending(this.must(u, 'quitGroup', this.groupArg(alias)));
});
Given('{user} has joined {string}', AHEAD, async function (this: GroupWorld, u: string, alias: string) {
  const r = await this.afterPending(this.must(u, 'joinGroup', { groupID: this.groupArg(alias) }));
  check(r.status === 'JoinedSuccess' ? undefined : `expected ${u} to join ${alias}, got ${r.status}`);
});
Given('{user} has made {user} an admin of {string}', AHEAD, async function (this: GroupWorld, by: string, u: string, alias: string) {
  await this.afterPending(this.must(by, 'setGroupMemberRole', { groupID: this.groupArg(alias), userID: u, role: 'Admin' }));
});
Given('{user} has given {user} the role {string} in {string}', AHEAD, async function (this: GroupWorld, by: string, u: string, role: string, alias: string) {
  await this.afterPending(this.must(by, 'setGroupMemberRole', { groupID: this.groupArg(alias), userID: u, role }));
});
