/**
 * Sentences for transfer, profile, lists, admin, events, attributes, counters and validation.
 * Thin like the shared steps: one adapter call through the World plus a pure matcher.
 */
import type { GroupTypeName } from '../adapters/contract';
import { Given, Then, When, check, reads } from './dsl';
import { at, deepEqual, findEvents, findMessages, lastGroupList, missingFields, preview, type MessageQuery } from '../matchers/matchers';
import { ADMIN, Skip, wireType, type GroupWorld } from './world';
import { eventually, eventsOfSecond, userEvents } from './reads';

function aliases(list: string): string[] {
  return list.split(/,\s*|\s+and\s+/).map((s) => s.trim()).filter((s) => s !== '');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return deepEqual([...a].sort(), [...b].sort());
}

/** Replaces every JSON string value equal to `token` by `text`. */
function expand(value: unknown, token: string, text: string): unknown {
  if (value === token) return text;
  if (Array.isArray(value)) return value.map((v) => expand(v, token, text));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k === token ? text : k, expand(v, token, text)]));
  }
  return value;
}

async function ownerOf(w: GroupWorld, alias: string): Promise<string> {
  const info = await w.must(ADMIN, 'getGroupInfo', { groupID: w.groupID(alias) });
  if (info.ownerID === '') throw new Error(`${alias} has no owner to read it through`);
  return info.ownerID as string;
}

// ---- actions ----

When('{actor} requests the member list of {string}', async function (this: GroupWorld, a: string, alias: string) {
  const actor = this.resolveActor(a);
  if (actor === ADMIN) await this.call(ADMIN, 'getGroupMemberInfo', { groupID: this.groupID(alias) });
  else await this.call(actor, 'getGroupMemberList', { groupID: this.groupID(alias) });
});

When('{actor} calls {word} with {string} standing for {int} copies of {string}:', async function (this: GroupWorld, a: string, method: string, token: string, n: number, unit: string, doc: string) {
  const arg = expand(JSON.parse(this.substitute(doc)), token, unit.repeat(n));
  await this.call(this.resolveActor(a), method, arg);
});

When('{actor} creates a/an {type} group {string} with {int} newly imported accounts as members', async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, n: number) {
  this.requireType(t);
  const actor = this.resolveActor(a);
  const userIDs = Array.from({ length: n }, (_, i) => `account${i + 1}`);
  await this.importAccounts(userIDs);
  const memberList = userIDs.map((userID) => ({ userID }));
  await this.creates(alias, t, actor === ADMIN, (issued) => this.call(actor, 'createGroup', { type: wireType(t), name: alias, memberList }, issued));
});

When('{actor} sets the attribute {string} of {string} to {string} repeated {int} times', async function (this: GroupWorld, a: string, key: string, alias: string, unit: string, n: number) {
  await this.call(this.resolveActor(a), 'setGroupAttributes', { groupID: this.groupID(alias), groupAttributes: { [key]: unit.repeat(n) } });
});

// ---- setup ----

Given('{user} has set the attribute {string} of {string} to {string} repeated {int} times', async function (this: GroupWorld, u: string, key: string, alias: string, unit: string, n: number) {
  await this.must(u, 'setGroupAttributes', { groupID: this.groupID(alias), groupAttributes: { [key]: unit.repeat(n) } });
});
Given('{user} has set the group attributes of {string} to {json}', async function (this: GroupWorld, u: string, alias: string, attrs: unknown) {
  await this.must(u, 'setGroupAttributes', { groupID: this.groupID(alias), groupAttributes: attrs });
});
Given('{user} has set the group counters of {string} to {json}', async function (this: GroupWorld, u: string, alias: string, counters: unknown) {
  await this.must(u, 'setGroupCounters', { groupID: this.groupID(alias), counters });
});

// ---- outcomes ----

Then('the returned profile is that of {string}', function (this: GroupWorld, alias: string) {
  const data = this.resultAt('') as { group?: { groupID?: string }; groupID?: string };
  const id = data.group?.groupID ?? data.groupID;
  check(id === this.groupID(alias) ? undefined : `the returned profile is of ${preview(id)}, expected ${alias} (${this.groupID(alias)})`);
});

Then('the returned group list holds exactly {string}', function (this: GroupWorld, list: string) {
  const groups = this.resultAt('groupList') as Array<{ groupID: string }>;
  const ids = groups.map((g) => g.groupID);
  const want = aliases(list).map((x) => this.groupID(x));
  check(sameSet(ids, want) ? undefined : `the returned group list is ${preview(ids)}, expected ${preview(want)} (${list})`);
});

Then('the group attributes of {string} are {json}', async function (this: GroupWorld, alias: string, expected: unknown) {
  const r = await this.must(await ownerOf(this, alias), 'getGroupAttributes', { groupID: this.groupID(alias), keyList: [] });
  check(deepEqual(r.groupAttributes, expected) ? undefined : `${alias}'s attributes are ${preview(r.groupAttributes)}, expected ${preview(expected)}`);
});

Then('the group counters of {string} are {json}', async function (this: GroupWorld, alias: string, expected: unknown) {
  const r = await this.must(await ownerOf(this, alias), 'getGroupCounters', { groupID: this.groupID(alias) });
  check(deepEqual(r.counters, expected) ? undefined : `${alias}'s counters are ${preview(r.counters)}, expected ${preview(expected)}`);
});

async function eachDevice(w: GroupWorld, user: string, what: string, test: (events: Awaited<ReturnType<GroupWorld['eventsSinceAction']>>) => boolean): Promise<void> {
  if (!w.impl.capabilities.events) throw new Skip('event delivery');
  const sessions = w.devicesOf(user);
  if (sessions.length === 0) throw new Error(`${user} is not logged in`);
  for (const s of sessions) check(await eventually(async () => (test(await w.eventsSinceAction(s)) ? undefined : `${user} on ${s.device} did not receive ${what}`)));
}

Then(reads('{user} eventually receives the group tip {op} about {string} whose {word} is {json}', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string, path: string, expected: unknown) {
  const q: MessageQuery = { kind: 'tip', operationType: op, groupID: this.groupID(alias) };
  await eachDevice(this, u, `group tip ${op} in ${alias} whose ${path} is ${preview(expected)}`, (ev) => findMessages(ev, q).some((m) => deepEqual(at(m.payload, path), expected)));
});

/** A tip or notice whose message (its SDK fields, and its payload under "payload") holds the JSON's fields. */
async function carrying(w: GroupWorld, kind: 'tip' | 'notice', op: number, u: string, alias: string, doc: string): Promise<void> {
  const q: MessageQuery = { kind, operationType: op, groupID: w.groupID(alias) };
  const want = JSON.parse(w.substitute(doc)) as unknown;
  let last = `no ${kind} ${op} about ${alias}`;
  await eachDevice(w, u, `a ${kind} ${op} about ${alias} carrying ${preview(want)}`, (ev) =>
    findMessages(ev, q).some((m) => {
      last = missingFields(m, want) ?? '';
      return last === '';
    }),
  ).catch((e: Error) => {
    if (e instanceof Skip) throw e;
    throw new Error(`${e.message}: ${last}`);
  });
}
Then(reads('{user} eventually receives the group tip {op} about {string} carrying:', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string, doc: string) {
  await carrying(this, 'tip', op, u, alias, doc);
});
Then(reads('{user} eventually receives the system notice {op} about {string} carrying:', userEvents), async function (this: GroupWorld, u: string, op: number, alias: string, doc: string) {
  await carrying(this, 'notice', op, u, alias, doc);
});

async function conversationOf(w: GroupWorld, kind: 'tip' | 'notice', op: number, u: string, alias: string, conversation: string): Promise<void> {
  const q: MessageQuery = { kind, operationType: op, groupID: w.groupID(alias) };
  const want = w.substitute(conversation);
  await eachDevice(w, u, `a ${kind} ${op} about ${alias} in conversation ${want}`, (ev) => {
    const found = findMessages(ev, q);
    return found.length > 0 && found.every((m) => m.conversationID === want);
  });
}
Then(reads('the group tip {op} that {user} received about {string} is in the conversation {string}', eventsOfSecond), async function (this: GroupWorld, op: number, u: string, alias: string, conversation: string) {
  await conversationOf(this, 'tip', op, u, alias, conversation);
});
Then(reads('the system notice {op} that {user} received about {string} is in the conversation {string}', eventsOfSecond), async function (this: GroupWorld, op: number, u: string, alias: string, conversation: string) {
  await conversationOf(this, 'notice', op, u, alias, conversation);
});

Then(reads('{user} receives no KICKED_OUT event', userEvents), async function (this: GroupWorld, u: string) {
  if (!this.impl.capabilities.events) throw new Skip('event delivery');
  for (const s of this.devicesOf(u)) {
    const kicked = findEvents(await this.eventsSinceAction(s), 'kickedOut');
    check(kicked.length === 0 ? undefined : `${u} on ${s.device} received KICKED_OUT ${preview(kicked.map((e) => e.data))}`);
  }
});

Then(reads('the latest group list {user} received holds exactly {string}', userEvents), async function (this: GroupWorld, u: string, list: string) {
  const want = aliases(list).map((x) => this.groupID(x));
  await eachDevice(this, u, `a group list of exactly ${list}`, (ev) => {
    const l = lastGroupList(ev);
    return l !== undefined && sameSet(l, want);
  });
});

Then('the returned group list shows {string} with {word} {json}', function (this: GroupWorld, alias: string, path: string, expected: unknown) {
  const groups = this.resultAt('groupList') as Array<{ groupID: string }>;
  const entry = groups.find((g) => g.groupID === this.groupID(alias));
  if (entry === undefined) throw new Error(`the returned group list lacks ${alias}`);
  const actual = at(entry, path);
  check(deepEqual(actual, expected) ? undefined : `${alias}'s ${path} in the group list is ${preview(actual)}, expected ${preview(expected)}`);
});

Then('the group attributes of {string} have exactly the keys {string}', async function (this: GroupWorld, alias: string, list: string) {
  const r = await this.must(await ownerOf(this, alias), 'getGroupAttributes', { groupID: this.groupID(alias), keyList: [] });
  const keys = Object.keys(r.groupAttributes as Record<string, string>);
  const want = aliases(list);
  check(sameSet(keys, want) ? undefined : `${alias}'s attribute keys are ${preview(keys)}, expected ${preview(want)}`);
});

Then('the group counters of {string} number {int}', async function (this: GroupWorld, alias: string, n: number) {
  const r = await this.must(await ownerOf(this, alias), 'getGroupCounters', { groupID: this.groupID(alias) });
  const keys = Object.keys(r.counters as Record<string, number>);
  check(keys.length === n ? undefined : `${alias} has ${keys.length} counters (${preview(keys)}), expected ${n}`);
});
