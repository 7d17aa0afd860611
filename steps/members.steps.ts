/**
 * Sentences for reading group members that the shared vocabulary lacks: numbered ranges of
 * accounts (for page and query limits), member-profile queries, reading back
 * the entries of a member list, and a member's own custom field.
 */
import { Given, When, Then, check } from './dsl';
import { deepEqual, preview } from '../matchers/matchers';
import { ADMIN, Skip, type GroupWorld } from './world';

/** "guest1" to "guest3" -> guest1, guest2, guest3 (the same prefix, numbered without padding). */
export function accountRange(first: string, last: string): string[] {
  const a = /^(.*?)(\d+)$/.exec(first);
  const b = /^(.*?)(\d+)$/.exec(last);
  if (a === null || b === null || a[1] !== b[1]) throw new Error(`"${first}" to "${last}" is not a numbered range of one prefix`);
  const from = Number(a[2]);
  const to = Number(b[2]);
  if (to < from) throw new Error(`"${last}" comes before "${first}"`);
  return Array.from({ length: to - from + 1 }, (_v, i) => `${a[1]}${from + i}`);
}

/** The entries of the last result's memberList, by userID. */
function listedMembers(w: GroupWorld): Array<Record<string, unknown>> {
  const list = w.resultAt('memberList');
  if (!Array.isArray(list)) throw new Error(`the result has no memberList: ${preview(list)}`);
  return list as Array<Record<string, unknown>>;
}

function listedMember(w: GroupWorld, u: string): Record<string, unknown> {
  const m = listedMembers(w).find((x) => x.userID === u);
  if (m === undefined) throw new Error(`the result's memberList does not list ${u}`);
  return m;
}

/** The implementation's clock in seconds; not applicable where it exposes none. */
async function nowSeconds(w: GroupWorld): Promise<number> {
  const app = await w.app();
  if (app.now === undefined) throw new Skip('reading the app clock');
  return Math.floor((await app.now()) / 1000);
}

// ---- setup ----

/** Imports the accounts and has the app admin add them, 100 to a request (below every REST batch limit). */
Given('the accounts {string} to {string} belong to {string}', async function (this: GroupWorld, first: string, last: string, alias: string) {
  const users = accountRange(first, last);
  await this.importAccounts(users);
  for (let i = 0; i < users.length; i += 100) {
    await this.must(ADMIN, 'addGroupMember', { groupID: this.groupID(alias), userIDList: users.slice(i, i + 100), silence: true });
  }
});

// ---- actions ----

When('{actor} reads the member profiles of {users} in {string}', async function (this: GroupWorld, a: string, users: string[], alias: string) {
  await this.call(this.resolveActor(a), 'getGroupMemberProfile', { groupID: this.groupID(alias), userIDList: users });
});

When('{actor} reads the member profiles of the accounts {string} to {string} in {string}', async function (this: GroupWorld, a: string, first: string, last: string, alias: string) {
  await this.call(this.resolveActor(a), 'getGroupMemberProfile', { groupID: this.groupID(alias), userIDList: accountRange(first, last) });
});

When('{actor} sets her/his/their own custom field {string} in {string} to {string}', async function (this: GroupWorld, a: string, key: string, alias: string, value: string) {
  await this.call(this.resolveActor(a), 'setGroupMemberCustomField', { groupID: this.groupID(alias), memberCustomField: [{ key, value }] });
});

// ---- outcomes ----

Then('the listed member {user} has {word} {json}', function (this: GroupWorld, u: string, field: string, expected: unknown) {
  const actual = listedMember(this, u)[field];
  check(deepEqual(actual, expected) ? undefined : `listed member ${u}'s ${field} is ${preview(actual)}, expected ${preview(expected)}`);
});

Then('the listed member {user} has the custom field {string} set to {string}', function (this: GroupWorld, u: string, key: string, value: string) {
  const fields = listedMember(this, u).memberCustomField;
  const f = Array.isArray(fields) ? (fields as Array<{ key: string; value: string }>).find((x) => x.key === key) : undefined;
  check(f?.value === value ? undefined : `listed member ${u}'s field ${key} is ${preview(f?.value)}, expected ${preview(value)}`);
});

Then('the listed member {user} joined {int} seconds ago', async function (this: GroupWorld, u: string, s: number) {
  const now = await nowSeconds(this);
  const joinTime = listedMember(this, u).joinTime;
  check(joinTime === now - s ? undefined : `listed member ${u} joined at ${preview(joinTime)}, expected now (${now}) - ${s}`);
});

Then('the listed member {user} is muted for {int} more seconds', async function (this: GroupWorld, u: string, s: number) {
  const now = await nowSeconds(this);
  const muteUntil = listedMember(this, u).muteUntil;
  check(muteUntil === now + s ? undefined : `listed member ${u}'s muteUntil is ${preview(muteUntil)}, expected now (${now}) + ${s}`);
});

Then('the listed members do not include {user}', function (this: GroupWorld, u: string) {
  check(listedMembers(this).some((x) => x.userID === u) ? `the result's memberList lists ${u}` : undefined);
});
