/** The picture of the state the World takes before an action, for "nothing has changed": what the app admin can read of every named group, and each user's group list. */
import type { GroupTypeName, Implementation } from '../adapters/contract';
import type { Outcome } from '../matchers/matchers';

/** What a picture needs of the World (steps/world.ts, which imports this file). */
export interface Pictured {
  readonly impl: Implementation;
  readonly groups: ReadonlyMap<string, string>;
  namedGroups(): ReadonlyArray<readonly [string, unknown]>;
  readonly groupTypes: ReadonlyMap<string, GroupTypeName>;
  readonly sessions: ReadonlyMap<string, unknown>;
  appStarted(): boolean;
  attempt(actor: string, method: string, arg?: unknown): Promise<Outcome>;
}

/** `admin` is the actor name of the app admin (world.ts's ADMIN). */
export async function picture(w: Pictured, ADMIN: string): Promise<unknown> {
  if (!w.appStarted() || !w.impl.capabilities.adminOperations.includes('getGroupInfo')) return undefined;
  // reads only: issued at once to an implementation that runs calls in issue order (a wire client
  // sends them as one batch); the members of a group that turns out to be gone are read but not used
  if (w.impl.inOrder !== true) return pictureInTurn(w, ADMIN);
  // a group still being created is read by a reference to its ID: the set-up goes before these reads
  const groups = w.namedGroups().map(([alias, id]) => {
    const members = w.groupTypes.get(alias) === 'AVChatRoom' ? undefined : w.attempt(ADMIN, 'getGroupMemberInfo', { groupID: id, limit: 200 });
    return { alias, info: w.attempt(ADMIN, 'getGroupInfo', { groupID: id }), members };
  });
  const users = [...w.sessions.keys()].map((user) => ({ user, list: w.attempt(user, 'getGroupList') }));
  const picture: Record<string, unknown> = {};
  for (const g of groups) {
    const info = await g.info;
    const members = info.ok ? await g.members : undefined;
    picture[g.alias] = { info: info.ok ? info.data : info.code, members: members?.ok ? members.data : undefined };
  }
  const lists: Record<string, unknown> = {};
  for (const { user, list } of users) {
    const l = await list;
    lists[user] = l.ok ? (l.data.groupList as Array<{ groupID: string }>).map((g) => g.groupID) : l.code;
  }
  return { picture, lists };
}

/** picture(), one read after another (an implementation that does not declare inOrder). */
async function pictureInTurn(w: Pictured, ADMIN: string): Promise<unknown> {
  const picture: Record<string, unknown> = {};
  for (const [alias, id] of w.groups) {
    const info = await w.attempt(ADMIN, 'getGroupInfo', { groupID: id });
    const members = w.groupTypes.get(alias) === 'AVChatRoom' || !info.ok ? undefined : await w.attempt(ADMIN, 'getGroupMemberInfo', { groupID: id, limit: 200 });
    picture[alias] = { info: info.ok ? info.data : info.code, members: members?.ok ? members.data : undefined };
  }
  const lists: Record<string, unknown> = {};
  for (const user of w.sessions.keys()) {
    const l = await w.attempt(user, 'getGroupList');
    lists[user] = l.ok ? (l.data.groupList as Array<{ groupID: string }>).map((g) => g.groupID) : l.code;
  }
  return { picture, lists };
}
