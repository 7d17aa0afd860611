/** Then: what the last call returned, what the API reads back, what each device received. */
import type { GroupTypeName } from '../adapters/contract';
import { Then, check, reads } from './dsl';
import { deviceEvents, devicesFor, eventually, groupData, eventsOfSecond, userEvents, groupInfo, groupListOf, infoOfSecond, membersRead, recordOf, recordOfSecond, roleIn, usersEvents } from './reads';
import { at, deepEqual, expectCode, expectSuccess, findEvents, findMessages, hasGroupCreate, lastGroupList, preview, type MessageQuery } from '../matchers/matchers';
import { Skip, type GroupWorld } from './world';
import { waitToSettle } from './world-terms';
import { violations } from '../matchers/invariants';
import { observe } from '../matchers/observe';

Then('it succeeds', function (this: GroupWorld) {
  check(expectSuccess(this.last));
});
Then('it fails with code {int}', function (this: GroupWorld, code: number) {
  check(expectCode(this.last, code));
});
Then('it fails with code {int} naming {string}', function (this: GroupWorld, code: number, field: string) {
  check(expectCode(this.last, code));
  const message = this.last !== undefined && !this.last.ok ? this.last.message : '';
  check(message.includes(field) ? undefined : `the message "${message}" does not name ${field}`);
});
Then(reads('nothing has changed', (w: GroupWorld) => w.observe()), async function (this: GroupWorld) {
  const now = await this.observe();
  check(deepEqual(now, this.before) ? undefined : `state changed:\n before ${preview(this.before)}\n after  ${preview(now)}`);
});

Then('the result\'s {word} is {json}', function (this: GroupWorld, path: string, expected: unknown) {
  const actual = this.resultAt(path);
  const want = typeof expected === 'string' ? this.substitute(expected) : expected;
  check(deepEqual(actual, want) ? undefined : `result ${path} is ${preview(actual)}, expected ${preview(want)}`);
});
Then('the result\'s {word} is the ID of {string}', function (this: GroupWorld, path: string, alias: string) {
  const actual = this.resultAt(path);
  check(actual === this.groupID(alias) ? undefined : `result ${path} is ${preview(actual)}, expected ${this.groupID(alias)}`);
});
Then('the result\'s {word} matches {string}', function (this: GroupWorld, path: string, pattern: string) {
  const actual = this.resultAt(path);
  check(typeof actual === 'string' && new RegExp(pattern).test(actual) ? undefined : `result ${path} is ${preview(actual)}, not matching /${pattern}/`);
});
Then('the result has no {word}', function (this: GroupWorld, path: string) {
  const actual = this.resultAt(path);
  check(actual === undefined ? undefined : `result ${path} is ${preview(actual)}, expected it absent`);
});
Then('the result\'s {word} lists {users}', function (this: GroupWorld, path: string, users: string[]) {
  const actual = this.resultAt(path) as unknown[];
  const ids = Array.isArray(actual) ? actual.map((x) => (typeof x === 'object' && x !== null ? (x as { userID?: string }).userID : x)) : actual;
  check(deepEqual(ids, users) ? undefined : `result ${path} is ${preview(ids)}, expected ${preview(users)}`);
});
Then('the result\'s {word} is empty', function (this: GroupWorld, path: string) {
  const actual = this.resultAt(path);
  check(Array.isArray(actual) && actual.length === 0 ? undefined : `result ${path} is ${preview(actual)}, expected []`);
});
Then('the result\'s {word} has {int} entries', function (this: GroupWorld, path: string, n: number) {
  const actual = this.resultAt(path);
  check(Array.isArray(actual) && actual.length === n ? undefined : `result ${path} has ${Array.isArray(actual) ? actual.length : preview(actual)} entries, expected ${n}`);
});
Then('the join status is {string}', function (this: GroupWorld, status: string) {
  check(expectSuccess(this.last));
  const actual = this.resultAt('status');
  check(actual === status ? undefined : `join status is ${preview(actual)}, expected ${status}`);
});

// ---- state read back through the API ----


/** Membership as the app admin sees it; for an AVChatRoom, via the owner's recent-member list. */
async function isMember(w: GroupWorld, user: string, alias: string): Promise<boolean> {
  if (w.groupTypes.get(alias) === 'AVChatRoom') {
    const info = await groupData(w, alias);
    if (info.ownerID === user) return true;
    const owner = info.ownerID as string;
    const list = await w.must(owner, 'getGroupMemberList', { groupID: w.groupID(alias), count: 100 });
    return (list.memberList as Array<{ userID: string }>).some((m) => m.userID === user);
  }
  const r = await roleIn(w, user, alias);
  return r.userIdList[0].role !== 'NotMember';
}

Then(reads('{users} is/are (a )member(s) of {string}', membersRead), async function (this: GroupWorld, users: string[], alias: string) {
  for (const u of users) check((await isMember(this, u, alias)) ? undefined : `${u} is not a member of ${alias}`);
});
Then(reads('{users} is/are not (a )member(s) of {string}', membersRead), async function (this: GroupWorld, users: string[], alias: string) {
  for (const u of users) check((await isMember(this, u, alias)) ? `${u} is still a member of ${alias}` : undefined);
});
Then(reads('the role of {user} in {string} is {word}', roleIn), async function (this: GroupWorld, u: string, alias: string, role: string) {
  const r = await roleIn(this, u, alias);
  const actual = r.userIdList[0].role;
  check(actual === role ? undefined : `${u}'s role in ${alias} is ${actual}, expected ${role}`);
});
Then(reads('{string} has {int} member(s)', groupInfo), async function (this: GroupWorld, alias: string, n: number) {
  const info = await groupData(this, alias);
  check(info.memberNum === n ? undefined : `${alias} has ${info.memberNum} members, expected ${n}`);
});
Then(reads('{string} has no owner', groupInfo), async function (this: GroupWorld, alias: string) {
  const info = await groupData(this, alias);
  check(info.ownerID === '' ? undefined : `${alias} is owned by ${info.ownerID}`);
});
Then(reads('{user} owns {string}', infoOfSecond), async function (this: GroupWorld, u: string, alias: string) {
  const info = await groupData(this, alias);
  check(info.ownerID === u ? undefined : `${alias} is owned by ${preview(info.ownerID)}, expected ${u}`);
});
Then(reads('{string} no longer exists', groupInfo), async function (this: GroupWorld, alias: string) {
  const r = await groupInfo(this, alias);
  check(expectCode(r, 10010));
});
Then(reads('{string} still exists', groupInfo), async function (this: GroupWorld, alias: string) {
  check(expectSuccess(await groupInfo(this, alias)));
});
Then(reads('the {word} of {string} is {json}', infoOfSecond), async function (this: GroupWorld, field: string, alias: string, expected: unknown) {
  const info = await groupData(this, alias);
  const actual = at(info, field);
  check(deepEqual(actual, expected) ? undefined : `${alias}'s ${field} is ${preview(actual)}, expected ${preview(expected)}`);
});
Then(reads('{user}\'s group list contains {string}', groupListOf), async function (this: GroupWorld, u: string, alias: string) {
  const l = await groupListOf(this, u);
  const ids = (l.groupList as Array<{ groupID: string }>).map((x) => x.groupID);
  check(ids.includes(this.groupID(alias)) ? undefined : `${u}'s group list ${preview(ids)} lacks ${alias}`);
});
Then(reads('{user}\'s group list does not contain {string}', groupListOf), async function (this: GroupWorld, u: string, alias: string) {
  const l = await groupListOf(this, u);
  const ids = (l.groupList as Array<{ groupID: string }>).map((x) => x.groupID);
  check(ids.includes(this.groupID(alias)) ? `${u}'s group list still holds ${alias}` : undefined);
});

Then(reads('the name card of {user} in {string} is {string}', recordOf), async function (this: GroupWorld, u: string, alias: string, card: string) {
  const m = await recordOf(this, u, alias);
  check(m.nameCard === card ? undefined : `${u}'s name card is ${preview(m.nameCard)}, expected ${preview(card)}`);
});
Then(reads('the custom field {string} of {user} in {string} is {string}', recordOfSecond), async function (this: GroupWorld, key: string, u: string, alias: string, value: string) {
  const m = await recordOf(this, u, alias);
  const f = (m.memberCustomField as Array<{ key: string; value: string }>).find((x) => x.key === key);
  check(f?.value === value ? undefined : `${u}'s field ${key} is ${preview(f?.value)}, expected ${preview(value)}`);
});

async function nowSeconds(w: GroupWorld): Promise<number> {
  const app = await w.app();
  if (app.now === undefined) throw new Skip('reading the app clock');
  return Math.floor((await app.now()) / 1000);
}
Then(reads('{user} is muted in {string} for {int} more seconds', recordOf), async function (this: GroupWorld, u: string, alias: string, s: number) {
  const m = await recordOf(this, u, alias);
  const now = await nowSeconds(this);
  check(m.muteUntil === now + s ? undefined : `${u}'s muteUntil is ${m.muteUntil}, expected now (${now}) + ${s}`);
});
Then(reads('{user} is not muted in {string}', recordOf), async function (this: GroupWorld, u: string, alias: string) {
  const m = await recordOf(this, u, alias);
  const now = await nowSeconds(this);
  check(m.muteUntil <= now ? undefined : `${u} is muted until ${m.muteUntil} (now ${now})`);
});

// ---- events, per user (every device) or per device ----

function messageQuery(w: GroupWorld, kind: MessageQuery['kind'], op: number, alias: string, users?: string[]): MessageQuery {
  return { kind, operationType: op, groupID: w.groupID(alias), ...(users === undefined ? {} : { userIDList: users }) };
}

async function eventuallyEach(w: GroupWorld, user: string, device: string | undefined, what: string, test: (events: Awaited<ReturnType<GroupWorld['eventsSinceAction']>>) => boolean): Promise<void> {
  for (const s of devicesFor(w, user, device)) {
    check(await eventually(async () => (test(await w.eventsSinceAction(s)) ? undefined : `${user} on ${s.device} did not receive ${what}`)));
  }
}

async function never(w: GroupWorld, user: string, what: string, test: (events: Awaited<ReturnType<GroupWorld['eventsSinceAction']>>) => boolean): Promise<void> {
  if (!w.impl.capabilities.events) throw new Skip('event delivery');
  await waitToSettle();
  for (const s of w.devicesOf(user)) check(test(await w.eventsSinceAction(s)) ? `${user} on ${s.device} received ${what}` : undefined);
}

Then(reads('{users} receive(s) nothing', usersEvents), async function (this: GroupWorld, users: string[]) {
  for (const u of users) {
    if (this.devicesOf(u).length === 0) throw new Error(`${u} is not logged in`);
    await never(this, u, 'an event', (ev) => ev.length > 0);
  }
});
Then(reads('{user} eventually receives the system notice {op} about {string}', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string) {
  const q = messageQuery(this, 'notice', op, alias);
  await eventuallyEach(this, u, undefined, `system notice ${op} about ${alias}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('{user} on her/his/their {word} eventually receives the system notice {op} about {string}', deviceEvents), async function (this: GroupWorld, u: string, device: string, op: number, alias: string) {
  const q = messageQuery(this, 'notice', op, alias);
  await eventuallyEach(this, u, device, `system notice ${op} about ${alias}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('{user} receives no system notice {op} about {string}', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string) {
  const q = messageQuery(this, 'notice', op, alias);
  await never(this, u, `system notice ${op} about ${alias}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('{user} eventually receives the group tip {op} about {string}', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string) {
  const q = messageQuery(this, 'tip', op, alias);
  await eventuallyEach(this, u, undefined, `group tip ${op} in ${alias}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('{user} on her/his/their {word} eventually receives the group tip {op} about {string}', deviceEvents), async function (this: GroupWorld, u: string, device: string, op: number, alias: string) {
  const q = messageQuery(this, 'tip', op, alias);
  await eventuallyEach(this, u, device, `group tip ${op} in ${alias}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('{user} eventually receives the group tip {op} about {string} naming {users}', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string, users: string[]) {
  const q = messageQuery(this, 'tip', op, alias, users);
  await eventuallyEach(this, u, undefined, `group tip ${op} in ${alias} naming ${users.join(', ')}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('{user} receives no group tip {op} about {string}', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string) {
  const q = messageQuery(this, 'tip', op, alias);
  await never(this, u, `group tip ${op} in ${alias}`, (ev) => findMessages(ev, q).length > 0);
});
Then(reads('the system notice {op} that {user} received about {string} says {string}', eventsOfSecond), async function (this: GroupWorld, op: number, u: string, alias: string, text: string) {
  const q = messageQuery(this, 'notice', op, alias);
  for (const s of this.devicesOf(u)) {
    const found = findMessages(await this.eventsSinceAction(s), q);
    check(found.some((m) => m.payload.handleMessage === text || m.payload.userDefinedField === text) ? undefined : `no notice ${op} to ${u} on ${s.device} says ${preview(text)}: ${preview(found.map((m) => m.payload))}`);
  }
});
Then(reads('{user}\'s group list is eventually updated to include {string}', userEvents), async function (this: GroupWorld, u: string, alias: string) {
  const id = this.groupID(alias);
  await eventuallyEach(this, u, undefined, `a group list holding ${alias}`, (ev) => lastGroupList(ev)?.includes(id) === true);
});
Then(reads('{user}\'s group list is eventually updated to exclude {string}', userEvents), async function (this: GroupWorld, u: string, alias: string) {
  const id = this.groupID(alias);
  await eventuallyEach(this, u, undefined, `a group list without ${alias}`, (ev) => {
    const l = lastGroupList(ev);
    return l !== undefined && !l.includes(id);
  });
});
Then(reads('{user}\'s group list is not updated', userEvents), async function (this: GroupWorld, u: string) {
  await never(this, u, 'a group list update', (ev) => findEvents(ev, 'onGroupListUpdated').length > 0);
});
Then(reads('{user} eventually receives the group_create message in {string}', userEvents), async function (this: GroupWorld, u: string, alias: string) {
  const id = this.groupID(alias);
  await eventuallyEach(this, u, undefined, `the group_create message in ${alias}`, (ev) => hasGroupCreate(ev, id));
});
Then(reads('{user} eventually receives the group_create message in {string} whose data holds {json}', userEvents), async function (this: GroupWorld, u: string, alias: string, data: Record<string, unknown>) {
  const id = this.groupID(alias);
  await eventuallyEach(this, u, undefined, `the group_create message in ${alias} with ${JSON.stringify(data)}`, (ev) => hasGroupCreate(ev, id, data));
});
Then(reads('{user} eventually receives an attribute update for {string} with {json}', userEvents), async function (this: GroupWorld, u: string, alias: string, attrs: unknown) {
  const id = this.groupID(alias);
  await eventuallyEach(this, u, undefined, `an attribute update ${preview(attrs)}`, (ev) => findEvents(ev, 'groupAttributesUpdated', (d) => d.groupID === id && deepEqual(d.groupAttributes, attrs)).length > 0);
});
Then(reads('{user} eventually receives a counter update for {string}: {word} = {int}', userEvents), async function (this: GroupWorld, u: string, alias: string, key: string, value: number) {
  const id = this.groupID(alias);
  await eventuallyEach(this, u, undefined, `counter ${key} = ${value}`, (ev) => findEvents(ev, 'onGroupCounterUpdated', (d) => d.groupID === id && d.key === key && d.value === value).length > 0);
});

export type { GroupTypeName };

/** The fuzzer's invariants, as one step: what a rendered counterexample ends with. */
Then('the group invariants hold', async function (this: GroupWorld) {
  const groups = [...this.groups].map(([alias, groupID]) => ({ alias, groupID, type: this.groupTypes.get(alias) ?? 'Work' }));
  const sessions = new Map([...this.sessions].map(([u, devices]) => [u, [...devices.values()]]));
  const picture = await observe({ app: await this.app(), sessions, groups });
  const pendingListSize = Number((this.appOptions.limits as { pendingListSize?: number } | undefined)?.pendingListSize ?? 50);
  const found = violations(picture, { unlimitedAV: this.unlimitedAV, dismissed: new Set(), pendingListSize });
  check(found.length === 0 ? undefined : found.map((v) => `${v.invariant.name} [${v.invariant.rules.join(', ')}]: ${v.problems.join('; ')}`).join(' | '));
});

// the app backend's REST kick or account deletion (issue 17): every device of the user hears it
Then(reads('{user} is eventually kicked out on every device with reason {string}', userEvents), async function (this: GroupWorld, u: string, reason: string) {
  await eventuallyEach(this, u, undefined, `KICKED_OUT with type ${reason}`, (ev) => findEvents(ev, 'kickedOut').some((e) => (e.data as { type?: unknown } | undefined)?.type === reason));
});
