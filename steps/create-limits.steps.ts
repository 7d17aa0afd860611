/**
 * Sentences for creation, limits and communities: numbered crowds of accounts (u1 to uN) for
 * batch and cap limits, profile values built to an exact UTF-8 byte length, group-list sizes,
 * and per-device checks of the `group_create` message.
 */
import type { DeliveredEvent, GroupTypeName } from '../adapters/contract';
import { Given, Then, When, check, reads } from './dsl';
import { deviceEvents, devicesFor, eventually, groupData, groupListOf, groupInfo, infoOfSecond, joinedGroupsOf, recordOf, userEvents } from './reads';
import { deepEqual, hasGroupCreate, preview, utf8Length } from '../matchers/matchers';
import { ADMIN, wireType, type GroupWorld } from './world';
import { waitToSettle } from './world-terms';

// ---- pure helpers ----

/** `u1` … `uN`: the accounts a crowd sentence names. */
export function crowd(n: number): string[] {
  return Array.from({ length: n }, (_v, i) => `u${i + 1}`);
}

/** `unit` repeated `times` times, then `tail`; fails unless it is exactly `bytes` UTF-8 bytes long. */
export function sized(unit: string, times: number, tail: string, bytes: number): string {
  const value = unit.repeat(times) + tail;
  const n = utf8Length(value);
  if (n !== bytes) throw new Error(`the sentence says ${bytes} bytes, but ${preview(value)} is ${n} UTF-8 bytes`);
  return value;
}


// ---- setup ----

async function importCrowd(w: GroupWorld, n: number): Promise<string[]> {
  const users = crowd(n);
  await w.importAccounts(users);
  return users;
}

Given('the accounts u1 to u{int} exist', async function (this: GroupWorld, n: number) {
  await importCrowd(this, n);
});

/** Fills a group through the app admin, silently, in batches the REST add command accepts. */
Given('u1 to u{int} belong to {string}', async function (this: GroupWorld, n: number, alias: string) {
  const users = await importCrowd(this, n);
  for (let i = 0; i < users.length; i += 100) {
    await this.must(ADMIN, 'addGroupMember', { groupID: this.groupID(alias), userIDList: users.slice(i, i + 100), silence: true });
  }
});

// ---- actions ----

async function createAs(w: GroupWorld, actorName: string, t: GroupTypeName, alias: string, extra: Record<string, unknown>): Promise<void> {
  w.requireType(t);
  const actor = w.resolveActor(actorName);
  await w.creates(alias, t, actor === ADMIN, (issued) => w.call(actor, 'createGroup', { name: alias, type: wireType(t), ...extra }, issued));
}

When('{actor} creates a/an {type} group {string} with members u1 to u{int}', async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, n: number) {
  await createAs(this, a, t, alias, { memberList: crowd(n).map((userID) => ({ userID })) });
});
When('{actor} adds u1 to u{int} to {string}', async function (this: GroupWorld, a: string, n: number, alias: string) {
  await this.call(this.resolveActor(a), 'addGroupMember', { groupID: this.groupID(alias), userIDList: crowd(n) });
});
/** n custom fields k1..kn, each value `bytes` ASCII bytes long. */
const customFields = (n: number, bytes: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i + 1}`, value: 'x'.repeat(bytes) }));

When('{actor} creates a/an {type} group {string} with {int} custom field(s) of {int} bytes', async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, n: number, bytes: number) {
  await createAs(this, a, t, alias, { groupCustomField: customFields(n, bytes) });
});
When('{actor} sets {int} custom field(s) of {int} bytes on her/his/their own membership of {string}', async function (this: GroupWorld, a: string, n: number, bytes: number, alias: string) {
  await this.call(this.resolveActor(a), 'setGroupMemberCustomField', { groupID: this.groupID(alias), memberCustomField: customFields(n, bytes) });
});
Then(reads('{string} has {int} custom field(s) of {int} bytes', groupInfo), async function (this: GroupWorld, alias: string, n: number, bytes: number) {
  const info = await groupData(this, alias);
  const fields = (info.groupCustomField ?? []) as Array<{ key: string; value: string }>;
  check(deepEqual(fields, customFields(n, bytes)) ? undefined : `${alias}'s custom fields are ${preview(fields)}, expected ${n} of ${bytes} bytes`);
});
Then(reads('{user} has {int} custom field(s) of {int} bytes in {string}', (w: GroupWorld, u: string, _n: number, _b: number, alias: string) => recordOf(w, u, alias)), async function (this: GroupWorld, u: string, n: number, bytes: number, alias: string) {
  const fields = (await recordOf(this, u, alias)).memberCustomField ?? [];
  check(deepEqual(fields, customFields(n, bytes)) ? undefined : `${u}'s custom fields in ${alias} are ${preview(fields)}, expected ${n} of ${bytes} bytes`);
});
When('the app admin mutes u1 to u{int} in {string} for {int} seconds', async function (this: GroupWorld, n: number, alias: string, seconds: number) {
  await this.call(ADMIN, 'forbidSendMsg', { groupID: this.groupID(alias), userIDList: crowd(n), muteTime: seconds });
});
When(
  '{actor} creates a/an {type} group {string} whose {word} is {string} repeated {int} time(s) \\({int} bytes\\)',
  async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, field: string, unit: string, times: number, bytes: number) {
    await createAs(this, a, t, alias, { [field]: sized(unit, times, '', bytes) });
  },
);
When(
  '{actor} creates a/an {type} group {string} whose {word} is {string} repeated {int} time(s) and then {string} \\({int} bytes\\)',
  async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, field: string, unit: string, times: number, tail: string, bytes: number) {
    await createAs(this, a, t, alias, { [field]: sized(unit, times, tail, bytes) });
  },
);

// ---- outcomes ----

Then(reads('the {word} of {string} consists of {string} repeated {int} time(s)', infoOfSecond), async function (this: GroupWorld, field: string, alias: string, unit: string, times: number) {
  const info = await groupData(this, alias);
  const want = unit.repeat(times);
  check(deepEqual(info[field], want) ? undefined : `${alias}'s ${field} is ${preview(info[field])}, expected ${preview(unit)} × ${times}`);
});

Then(reads('{user}\'s group list holds {int} group(s)', groupListOf), async function (this: GroupWorld, u: string, n: number) {
  const l = await groupListOf(this, u);
  const ids = (l.groupList as Array<{ groupID: string }>).map((g) => g.groupID);
  check(ids.length === n ? undefined : `${u}'s group list holds ${ids.length} groups ${preview(ids)}, expected ${n}`);
});

Then('{string} and {string} have different IDs', function (this: GroupWorld, a: string, b: string) {
  for (const alias of [a, b]) if (!this.groups.has(alias)) throw new Error(`no group "${alias}" was created`);
  check(this.groupID(a) !== this.groupID(b) ? undefined : `"${a}" and "${b}" share the ID ${this.groupID(a)}`);
});

Then(reads('{user} on her/his/their {word} eventually receives the group_create message in {string}', deviceEvents), async function (this: GroupWorld, u: string, device: string, alias: string) {
  const id = this.groupID(alias);
  for (const s of devicesFor(this, u, device)) {
    check(await eventually(async () => (hasGroupCreate(await this.eventsSinceAction(s), id) ? undefined : `${u} on ${s.device} did not receive the group_create message in ${alias}`)));
  }
});
Then(reads('{user} on her/his/their {word} receives no group_create message in {string}', deviceEvents), async function (this: GroupWorld, u: string, device: string, alias: string) {
  const id = this.groupID(alias);
  const sessions = devicesFor(this, u, device);
  await waitToSettle();
  for (const s of sessions) check(hasGroupCreate(await this.eventsSinceAction(s), id) ? `${u} on ${s.device} received the group_create message in ${alias}` : undefined);
});
Then(reads('{user} receives no group_create message in {string}', userEvents), async function (this: GroupWorld, u: string, alias: string) {
  const id = this.groupID(alias);
  const sessions = devicesFor(this, u, undefined);
  await waitToSettle();
  for (const s of sessions) check(hasGroupCreate(await this.eventsSinceAction(s), id) ? `${u} on ${s.device} received the group_create message in ${alias}` : undefined);
});

Then(reads('the {word} of {string} consists of {string} repeated {int} time(s) and then {string}', infoOfSecond), async function (this: GroupWorld, field: string, alias: string, unit: string, times: number, tail: string) {
  const info = await groupData(this, alias);
  const want = unit.repeat(times) + tail;
  check(deepEqual(info[field], want) ? undefined : `${alias}'s ${field} is ${preview(info[field])}, expected ${preview(unit)} × ${times} + ${preview(tail)}`);
});

/** Every group the user is in, as the app admin sees it: AVChatRooms, which no SDK list shows, included. */
Then(reads('{user} is a member of {int} group(s), AVChatRooms included', joinedGroupsOf), async function (this: GroupWorld, u: string, n: number) {
  const r = await joinedGroupsOf(this, u);
  const ids = (r.groupIdList as Array<{ groupID: string }>).map((g) => g.groupID);
  check(ids.length === n ? undefined : `${u} is in ${ids.length} groups ${preview(ids)}, expected ${n}`);
});
