/**
 * What an implementation shows through its public API, gathered into one picture: the ground on
 * which every invariant is checked. Reads only; the same picture before and after a refused call
 * must be identical (failure atomicity).
 */
import type { App, GroupTypeName, Session } from '../adapters/contract';

export interface GroupPicture {
  alias: string;
  groupID: string;
  type: GroupTypeName;
  exists: boolean;
  info?: { ownerID: string; memberNum: number; maxMemberNum: number; type: string; [k: string]: unknown };
  /** userID -> role, for types that store members (not AVChatRoom). */
  roles?: Record<string, string>;
  /** AVChatRoom: members as the owner's recent-member list shows them. */
  avMembers?: string[];
}

export interface Picture {
  groups: GroupPicture[];
  /** user -> group IDs of getGroupList (first device). */
  lists: Record<string, string[]>;
  /** user -> number of pending applications in getGroupApplicationList. */
  pending: Record<string, number>;
  /** user -> device -> group IDs of the last GROUP_LIST_UPDATED received, if any. */
  deviceLists: Record<string, Record<string, string[] | undefined>>;
}

export interface Known {
  app: App;
  sessions: Map<string, Session[]>;
  groups: Array<{ alias: string; groupID: string; type: GroupTypeName }>;
}

const dataOf = (r: { data: any }): any => r.data;
const nothing = (): undefined => undefined;
/** A read's data, or undefined when it was refused: one `then`, not an async function's machinery (~9.5 reads a step). */
function ok(p: Promise<{ data: any }>): Promise<any | undefined> {
  return p.then(dataOf, nothing);
}

/**
 * The owner each AVChatRoom had at the last picture of its app. The room's members are read as its
 * owner, so they could only be asked for once the group's info had named the owner: a second round
 * trip over the wire. Asked for as the owner seen last time, together with the info, they are
 * read again only when the owner has changed. Every read sees the same state, so the picture is the
 * one the owner named by the info would have read.
 */
const lastOwners = new WeakMap<App, Map<string, string>>();

/**
 * userID -> role, as `Object.fromEntries` builds it (own data properties in list order, a later
 * duplicate overwriting in place, a `__proto__` ID an ordinary key) without a pair array per member.
 */
function rolesOf(list: ReadonlyArray<{ userID: string; role: string }>): Record<string, string> {
  const roles: Record<string, string> = {};
  for (const m of list) {
    if (m.userID === '__proto__') Object.defineProperty(roles, m.userID, { value: m.role, writable: true, enumerable: true, configurable: true });
    else roles[m.userID] = m.role;
  }
  return roles;
}

/** The group IDs of a device's last GROUP_LIST_UPDATED, sorted, found from the end: the log grows by every step of a run. */
function lastListIn(log: ReadonlyArray<{ name: string; data: unknown }>): string[] | undefined {
  let i = log.length - 1;
  while (i >= 0 && log[i]!.name !== 'onGroupListUpdated') i--;
  const last = log[i];
  return last === undefined ? undefined : (last.data as Array<{ groupID: string }>).map((g) => g.groupID).sort();
}

/**
 * Issues every independent read at once, so a transport that coalesces (the wire client sends what
 * is issued in one turn of the event loop as one batch) makes one round trip of them; the picture
 * is assembled in the order the reads were once made one by one.
 */
export async function observe(k: Known): Promise<Picture> {
  const owners = lastOwners.get(k.app) ?? new Map<string, string>();
  lastOwners.set(k.app, owners);
  const avMembersAs = (owner: string, groupID: string): Promise<string[] | undefined> | undefined => {
    const ownerSession = k.sessions.get(owner)?.[0];
    if (ownerSession === undefined) return undefined;
    return ok(ownerSession.call('getGroupMemberList', { groupID, count: 100 })).then((list) =>
      ((list?.memberList ?? []) as Array<{ userID: string }>).map((m) => m.userID).sort(),
    );
  };
  // then-chains rather than an async function per group, user and device: the same reads, issued
  // in the same order, without the suspended frames (the picture is taken after every step)
  const groups = Promise.all(
    k.groups.map((g): Promise<GroupPicture> => {
      const infoRead = ok(k.app.admin.call('getGroupInfo', { groupID: g.groupID }));
      const av = g.type === 'AVChatRoom';
      const guess = av ? owners.get(g.groupID) : undefined;
      const avRead = guess === undefined ? undefined : avMembersAs(guess, g.groupID);
      // read even if the group turns out to be gone: then it is not used
      const membersRead = av ? undefined : ok(k.app.admin.call('getGroupMemberInfo', { groupID: g.groupID, limit: 200 }));
      return infoRead.then((info) => {
        const pic: GroupPicture = { alias: g.alias, groupID: g.groupID, type: g.type, exists: info !== undefined };
        if (info === undefined) return pic;
        pic.info = info;
        if (av) {
          const owner = info.ownerID as string;
          owners.set(g.groupID, owner);
          const read = owner === guess ? avRead : avMembersAs(owner, g.groupID);
          if (read === undefined) return pic;
          return read.then((members) => {
            if (members !== undefined) pic.avMembers = members;
            return pic;
          });
        }
        return membersRead!.then((members) => {
          pic.roles = rolesOf((members?.memberList ?? []) as Array<{ userID: string; role: string }>);
          return pic;
        });
      });
    }),
  );
  const users = Promise.all(
    [...k.sessions].map(([user, sessions]) => {
      const first = sessions[0];
      if (first === undefined) return undefined;
      const reads = [
        ok(first.call('getGroupList')),
        ok(first.call('getGroupApplicationList')),
        Promise.all(sessions.map((s) => s.events().then((log) => [s.device, lastListIn(log)] as const))),
      ] as const;
      return Promise.all(reads).then(([l, a, devices]) => ({
        user,
        list: ((l?.groupList ?? []) as Array<{ groupID: string }>).map((g) => g.groupID).sort(),
        pending: ((a?.applicationList ?? []) as unknown[]).length,
        devices,
      }));
    }),
  );
  const [groupPictures, userPictures] = await Promise.all([groups, users]);
  const lists: Record<string, string[]> = {};
  const pending: Record<string, number> = {};
  const deviceLists: Picture['deviceLists'] = {};
  for (const u of userPictures) {
    if (u === undefined) continue;
    lists[u.user] = u.list;
    pending[u.user] = u.pending;
    deviceLists[u.user] = {};
    for (const [device, ids] of u.devices) deviceLists[u.user]![device] = ids;
  }
  return { groups: groupPictures, lists, pending, deviceLists };
}
