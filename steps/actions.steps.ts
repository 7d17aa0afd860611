/** When: the actions under test. Each records its outcome for the Then steps. */
import type { DataTable } from '@cucumber/cucumber';
import type { GroupTypeName } from '../adapters/contract';
import { AHEAD, When } from './dsl';
import type { Ref } from '../adapters/contract/refs';
import { options } from './setup.steps';
import { sessionsOf } from './reads';
import { ADMIN, Skip, wireType, type GroupWorld } from './world';

/**
 * The group as a call's argument: while it is still being created (set-up issued ahead), a
 * reference to its ID. The When steps that name groups only so take AHEAD: their action is issued
 * behind the set-up, in its exchange, and GroupWorld.call awaits the set-up before the outcome.
 */
function g(w: GroupWorld, alias: string): string | Ref {
  return w.groupArg(alias);
}

async function createAs(w: GroupWorld, actorName: string, t: GroupTypeName | undefined, alias: string, extra: Record<string, unknown>) {
  if (t !== undefined) w.requireType(t);
  const actor = w.resolveActor(actorName);
  const type = t === undefined ? {} : { type: wireType(t) };
  await w.creates(alias, t ?? 'Work', actor === ADMIN, (issued) => w.call(actor, 'createGroup', { name: alias, ...type, ...extra }, issued));
}

When('{actor} creates a/an {type} group {string}', AHEAD, async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string) {
  await createAs(this, a, t, alias, {});
});
When('{actor} creates a group {string} without a type', AHEAD, async function (this: GroupWorld, a: string, alias: string) {
  await createAs(this, a, undefined, alias, {});
});
When('{actor} creates a/an {type} group {string} with:', async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, table: DataTable) {
  await createAs(this, a, t, alias, options(this, table));
});
When('{actor} creates a/an {type} group {string} with members {users}', AHEAD, async function (this: GroupWorld, a: string, t: GroupTypeName, alias: string, users: string[]) {
  await createAs(this, a, t, alias, { memberList: users.map((userID) => ({ userID })) });
});

When('{actor} joins {string}', AHEAD, async function (this: GroupWorld, a: string, alias: string) {
  await this.call(this.resolveActor(a), 'joinGroup', { groupID: g(this, alias) });
});
When('{actor} asks to join {string} saying {string}', AHEAD, async function (this: GroupWorld, a: string, alias: string, note: string) {
  await this.call(this.resolveActor(a), 'joinGroup', { groupID: g(this, alias), applyMessage: note });
});
When('{actor} quits {string}', AHEAD, async function (this: GroupWorld, a: string, alias: string) {
  await this.call(this.resolveActor(a), 'quitGroup', g(this, alias));
});
When('{actor} dismisses {string}', AHEAD, async function (this: GroupWorld, a: string, alias: string) {
  const actor = this.resolveActor(a);
  if (actor === ADMIN) await this.call(ADMIN, 'destroyGroup', { groupID: g(this, alias) });
  else await this.call(actor, 'dismissGroup', g(this, alias));
});
When('{actor} transfers {string} to {user}', AHEAD, async function (this: GroupWorld, a: string, alias: string, to: string) {
  await this.call(this.resolveActor(a), 'changeGroupOwner', { groupID: g(this, alias), newOwnerID: to });
});
When('{actor} adds {users} to {string}', AHEAD, async function (this: GroupWorld, a: string, users: string[], alias: string) {
  await this.call(this.resolveActor(a), 'addGroupMember', { groupID: g(this, alias), userIDList: users });
});
When('{actor} removes {users} from {string}', AHEAD, async function (this: GroupWorld, a: string, users: string[], alias: string) {
  await this.call(this.resolveActor(a), 'deleteGroupMember', { groupID: g(this, alias), userIDList: users });
});
When('{actor} removes {users} from {string} for {int} seconds', AHEAD, async function (this: GroupWorld, a: string, users: string[], alias: string, s: number) {
  await this.call(this.resolveActor(a), 'deleteGroupMember', { groupID: g(this, alias), userIDList: users, duration: s });
});

async function setRole(w: GroupWorld, a: string, u: string, alias: string, role: string) {
  const actor = w.resolveActor(a);
  if (actor === ADMIN) await w.call(ADMIN, 'modifyGroupMemberInfo', { groupID: g(w, alias), userID: u, role });
  else await w.call(actor, 'setGroupMemberRole', { groupID: g(w, alias), userID: u, role });
}
When('{actor} makes {user} an admin of {string}', AHEAD, async function (this: GroupWorld, a: string, u: string, alias: string) {
  await setRole(this, a, u, alias, 'Admin');
});
When('{actor} makes {user} an ordinary member of {string}', AHEAD, async function (this: GroupWorld, a: string, u: string, alias: string) {
  await setRole(this, a, u, alias, 'Member');
});
When('{actor} sets the role of {user} in {string} to {string}', AHEAD, async function (this: GroupWorld, a: string, u: string, alias: string, role: string) {
  await setRole(this, a, u, alias, role);
});

async function muteAs(w: GroupWorld, a: string, u: string, alias: string, seconds: number) {
  const actor = w.resolveActor(a);
  if (actor === ADMIN) await w.call(ADMIN, 'forbidSendMsg', { groupID: g(w, alias), userIDList: [u], muteTime: seconds });
  else await w.call(actor, 'setGroupMemberMuteTime', { groupID: g(w, alias), userID: u, muteTime: seconds });
}
When('{actor} mutes {user} in {string} for {int} seconds', AHEAD, async function (this: GroupWorld, a: string, u: string, alias: string, s: number) {
  await muteAs(this, a, u, alias, s);
});
When('{actor} unmutes {user} in {string}', AHEAD, async function (this: GroupWorld, a: string, u: string, alias: string) {
  await muteAs(this, a, u, alias, 0);
});

When('{actor} sets the name card of {user} in {string} to {string}', AHEAD, async function (this: GroupWorld, a: string, u: string, alias: string, card: string) {
  const actor = this.resolveActor(a);
  if (actor === ADMIN) await this.call(ADMIN, 'modifyGroupMemberInfo', { groupID: g(this, alias), userID: u, nameCard: card });
  else await this.call(actor, 'setGroupMemberNameCard', { groupID: g(this, alias), userID: u, nameCard: card });
});
When('{actor} sets her/his/their own name card in {string} to {string}', AHEAD, async function (this: GroupWorld, a: string, alias: string, card: string) {
  await this.call(this.resolveActor(a), 'setGroupMemberNameCard', { groupID: g(this, alias), nameCard: card });
});
When('{actor} sets the custom field {string} of {user} in {string} to {string}', AHEAD, async function (this: GroupWorld, a: string, key: string, u: string, alias: string, value: string) {
  const actor = this.resolveActor(a);
  const memberCustomField = [{ key, value }];
  if (actor === ADMIN) await this.call(ADMIN, 'modifyGroupMemberInfo', { groupID: g(this, alias), userID: u, memberCustomField });
  else await this.call(actor, 'setGroupMemberCustomField', { groupID: g(this, alias), userID: u, memberCustomField });
});

async function updateProfile(w: GroupWorld, a: string, alias: string, change: Record<string, unknown>) {
  const actor = w.resolveActor(a);
  await w.call(actor, actor === ADMIN ? 'modifyGroupBaseInfo' : 'updateGroupProfile', { groupID: g(w, alias), ...change });
}
When('{actor} changes the {word} of {string} to {string}', AHEAD, async function (this: GroupWorld, a: string, field: string, alias: string, value: string) {
  await updateProfile(this, a, alias, { [field]: value });
});
When('{actor} updates {string} with:', async function (this: GroupWorld, a: string, alias: string, table: DataTable) {
  await updateProfile(this, a, alias, options(this, table));
});

/** Finds the pending application of `applicant` to a group in the handler's application list. */
async function applicationOf(w: GroupWorld, handler: string, applicant: string, alias: string): Promise<unknown> {
  if (handler === ADMIN) throw new Skip('the app admin handles no applications through the SDK');
  const list = await w.attempt(handler, 'getGroupApplicationList');
  const found = list.ok ? (list.data.applicationList as Array<{ groupID: string; userID: string; applicant: string }>).find((a) => a.groupID === w.groupID(alias) && (a.userID === applicant || a.applicant === applicant)) : undefined;
  // a handler who cannot see the application still tries, with the item the owner would have had
  return found ?? { groupID: w.groupID(alias), applicationType: 0, messageKey: `not-visible-to-${handler}`, userID: applicant, applicant };
}
When('{actor} approves the application of {user} to {string}', async function (this: GroupWorld, a: string, u: string, alias: string) {
  const actor = this.resolveActor(a);
  await this.call(actor, 'handleGroupApplication', { handleAction: 'Agree', application: await applicationOf(this, actor, u, alias) });
});
When('{actor} rejects the application of {user} to {string} saying {string}', async function (this: GroupWorld, a: string, u: string, alias: string, note: string) {
  const actor = this.resolveActor(a);
  await this.call(actor, 'handleGroupApplication', { handleAction: 'Reject', handleMessage: note, application: await applicationOf(this, actor, u, alias) });
});
When('{actor} approves the application of {user} to {string} saying {string}', async function (this: GroupWorld, a: string, u: string, alias: string, note: string) {
  const actor = this.resolveActor(a);
  await this.call(actor, 'handleGroupApplication', { handleAction: 'Agree', handleMessage: note, application: await applicationOf(this, actor, u, alias) });
});
When('{actor} approves the application of {user} to {string} from its system notice', async function (this: GroupWorld, a: string, u: string, alias: string) {
  const actor = this.resolveActor(a);
  if (!this.impl.capabilities.events) throw new Skip('event delivery');
  const events = (await Promise.all(this.devicesOf(actor).map((s) => s.events()))).flat();
  const notice = events
    .filter((e) => e.name === 'onMessageReceived')
    .flatMap((e) => e.data as any[])
    .find((m) => m?.type === 'TIMGroupSystemNoticeElem' && m.payload?.operationType === 1 && m.payload?.operatorID === u && m.payload?.groupProfile?.groupID === g(this, alias));
  if (notice === undefined) throw new Error(`${actor} holds no join-request notice from ${u} for ${alias}`);
  await this.call(actor, 'handleGroupApplication', { handleAction: 'Agree', message: notice });
});

When('{actor} reads the profile of {string}', async function (this: GroupWorld, a: string, alias: string) {
  const actor = this.resolveActor(a);
  if (actor === ADMIN) await this.call(ADMIN, 'getGroupInfo', { groupID: g(this, alias) });
  else await this.call(actor, 'getGroupProfile', { groupID: g(this, alias) });
});
When('{actor} searches for {string}', async function (this: GroupWorld, a: string, alias: string) {
  await this.call(this.resolveActor(a), 'searchGroupByID', g(this, alias));
});
When('{actor} lists her/his/their groups', async function (this: GroupWorld, a: string) {
  await this.call(this.resolveActor(a), 'getGroupList');
});
When('{actor} lists the members of {string}', async function (this: GroupWorld, a: string, alias: string) {
  await this.call(this.resolveActor(a), 'getGroupMemberList', { groupID: g(this, alias) });
});
When('{actor} lists the members of {string} with:', async function (this: GroupWorld, a: string, alias: string, table: DataTable) {
  await this.call(this.resolveActor(a), 'getGroupMemberList', { groupID: g(this, alias), ...options(this, table) });
});
When('{actor} lists her/his/their pending applications', async function (this: GroupWorld, a: string) {
  await this.call(this.resolveActor(a), 'getGroupApplicationList');
});

/** The escape hatch: any method with a JSON argument, {{alias}} replaced by the group's ID. */
When('{actor} calls {word} with:', async function (this: GroupWorld, a: string, method: string, doc: string) {
  await this.call(this.resolveActor(a), method, JSON.parse(this.substitute(doc)));
});
When('{actor} calls {word} with {string}', async function (this: GroupWorld, a: string, method: string, arg: string) {
  await this.call(this.resolveActor(a), method, this.substitute(arg));
});
When('{actor} calls {word}', async function (this: GroupWorld, a: string, method: string) {
  await this.call(this.resolveActor(a), method);
});

When('{user} logs out', async function (this: GroupWorld, u: string) {
  await this.markActionStart();
  await this.logout(this.devicesOf(u));
});
When('{user} on her/his/their {word} logs out', async function (this: GroupWorld, u: string, device: string) {
  await this.markActionStart();
  const sessions = sessionsOf(this, u, device);
  if (sessions.length === 0) throw new Error(`${u} is not logged in on ${device}`);
  await this.logout(sessions);
});
When('{int} seconds pass', async function (this: GroupWorld, s: number) {
  await this.advanceClock(s);
});
