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

async function ok(p: Promise<{ data: any }>): Promise<any | undefined> {
  try {
    return (await p).data;
  } catch {
    return undefined;
  }
}

export async function observe(k: Known): Promise<Picture> {
  const groups: GroupPicture[] = [];
  for (const g of k.groups) {
    const info = await ok(k.app.admin.call('getGroupInfo', { groupID: g.groupID }));
    const pic: GroupPicture = { alias: g.alias, groupID: g.groupID, type: g.type, exists: info !== undefined };
    if (info !== undefined) {
      pic.info = info;
      if (g.type === 'AVChatRoom') {
        const owner = info.ownerID as string;
        const ownerSession = k.sessions.get(owner)?.[0];
        if (ownerSession !== undefined) {
          const list = await ok(ownerSession.call('getGroupMemberList', { groupID: g.groupID, count: 100 }));
          pic.avMembers = ((list?.memberList ?? []) as Array<{ userID: string }>).map((m) => m.userID).sort();
        }
      } else {
        const members = await ok(k.app.admin.call('getGroupMemberInfo', { groupID: g.groupID, limit: 200 }));
        pic.roles = Object.fromEntries(((members?.memberList ?? []) as Array<{ userID: string; role: string }>).map((m) => [m.userID, m.role]));
      }
    }
    groups.push(pic);
  }
  const lists: Record<string, string[]> = {};
  const pending: Record<string, number> = {};
  const deviceLists: Picture['deviceLists'] = {};
  for (const [user, sessions] of k.sessions) {
    const first = sessions[0];
    if (first === undefined) continue;
    const l = await ok(first.call('getGroupList'));
    lists[user] = ((l?.groupList ?? []) as Array<{ groupID: string }>).map((g) => g.groupID).sort();
    const a = await ok(first.call('getGroupApplicationList'));
    pending[user] = ((a?.applicationList ?? []) as unknown[]).length;
    deviceLists[user] = {};
    for (const s of sessions) {
      const updates = (await s.events()).filter((e) => e.name === 'onGroupListUpdated');
      const last = updates[updates.length - 1];
      deviceLists[user]![s.device] = last === undefined ? undefined : (last.data as Array<{ groupID: string }>).map((g) => g.groupID).sort();
    }
  }
  return { groups, lists, pending, deviceLists };
}
