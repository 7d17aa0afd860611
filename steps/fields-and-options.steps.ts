/**
 * Sentences for what an app configures and what a member asks for: the custom-field keys the app
 * enabled, custom fields pulled by filter, a member's own message-receiving option, group lists
 * compared with getGroupList, and a day's creations made in bulk to reach the documented default.
 */
import { Given, Then, When, check, reads } from './dsl';
import { deepEqual, findEvents, preview } from '../matchers/matchers';
import { ADMIN, Skip, type GroupWorld } from './world';
import { groupListOf, groupProfileOf, userEvents } from './reads';

/** `"a, b"` -> ['a', 'b']; `""` -> [] (an empty filter). */
const keys = (list: string) => list.split(',').map((s) => s.trim()).filter((s) => s !== '');

function enable(w: GroupWorld, kind: 'group' | 'member', list: string): void {
  if (w.appStarted()) throw new Error('enabled custom fields must be set before anyone logs in or any group exists (put them first)');
  if (!w.impl.capabilities.limitOverrides) throw new Skip('app configuration (custom fields)');
  (w.appOptions.customFields ??= {})[kind] = keys(list);
}

Given('an app that has enabled only the group custom fields {string}', function (this: GroupWorld, list: string) {
  enable(this, 'group', list);
});
Given('an app that has enabled only the member custom fields {string}', function (this: GroupWorld, list: string) {
  enable(this, 'member', list);
});

When('{actor} reads the profile of {string} asking for the custom fields {string}', async function (this: GroupWorld, a: string, alias: string, list: string) {
  await this.call(this.resolveActor(a), 'getGroupProfile', { groupID: this.groupID(alias), groupCustomFieldFilter: keys(list) });
});
When('{actor} reads the member profile of {user} in {string} asking for the custom fields {string}', async function (this: GroupWorld, a: string, u: string, alias: string, list: string) {
  await this.call(this.resolveActor(a), 'getGroupMemberProfile', { groupID: this.groupID(alias), userIDList: [u], memberCustomFieldFilter: keys(list) });
});

When('{actor} sets her/his/their message option in {string} to {word}', async function (this: GroupWorld, a: string, alias: string, option: string) {
  await this.call(this.resolveActor(a), 'setMessageRemindType', { groupID: this.groupID(alias), messageRemindType: option });
});

/** The option as the member's own SDK shows it: selfInfo in getGroupProfile and in getGroupList. */
Then(reads('{user}\'s message option in {string} is {word}', (w: GroupWorld, u: string, alias: string) => Promise.all([groupProfileOf(w, u, alias), groupListOf(w, u)])), async function (this: GroupWorld, u: string, alias: string, option: string) {
  const groupID = this.groupID(alias);
  const profile = await groupProfileOf(this, u, alias);
  const list = await groupListOf(this, u);
  const listed = (list.groupList as Array<{ groupID: string; selfInfo?: { messageRemindType?: unknown } }>).find((x) => x.groupID === groupID);
  const seen = [profile.group?.selfInfo?.messageRemindType, listed?.selfInfo?.messageRemindType];
  check(seen.every((x) => x === option) ? undefined : `${u}'s messageRemindType in ${alias} is ${preview(seen[0])} in getGroupProfile and ${preview(seen[1])} in getGroupList, expected ${option}`);
});

/** Every device's last GROUP_LIST_UPDATED holds the very Group objects that device's getGroupList returns. */
Then(reads('the latest group list {user} received is the one getGroupList returns', userEvents), async function (this: GroupWorld, u: string) {
  if (!this.impl.capabilities.events) throw new Skip('event delivery');
  const sessions = this.devicesOf(u);
  if (sessions.length === 0) throw new Error(`${u} is not logged in`);
  for (const s of sessions) {
    const updates = findEvents(await this.eventsSinceAction(s), 'onGroupListUpdated');
    const pushed = updates[updates.length - 1]?.data;
    const pulled = (await s.call('getGroupList')).data.groupList;
    check(deepEqual(pushed, pulled) ? undefined : `${u} on ${s.device}: GROUP_LIST_UPDATED carried ${preview(pushed)}, getGroupList returns ${preview(pulled)}`);
  }
});

/**
 * Groups the app admin creates without an owner: they count against the day's net creations and
 * reach nobody. Sent 200 at a time, so a wire client carries each lot in one batch.
 */
Given('the app admin has created {int} groups today', async function (this: GroupWorld, n: number) {
  for (let first = 1; first <= n; first += 200) {
    const lot = Array.from({ length: Math.min(200, n - first + 1) }, (_v, k) => this.must(ADMIN, 'createGroup', { type: 'Public', name: `bulk ${first + k}` }));
    await Promise.all(lot);
  }
});

Given('{user} has set her/his/their own custom field {string} in {string} to {string}', async function (this: GroupWorld, u: string, key: string, alias: string, value: string) {
  await this.must(u, 'setGroupMemberCustomField', { groupID: this.groupID(alias), memberCustomField: [{ key, value }] });
});

Given('{user} has set her/his/their message option in {string} to {word}', async function (this: GroupWorld, u: string, alias: string, option: string) {
  await this.must(u, 'setMessageRemindType', { groupID: this.groupID(alias), messageRemindType: option });
});
