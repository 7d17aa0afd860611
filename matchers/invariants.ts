/**
 * The invariants of group management, as pure functions of a Picture (and of a few facts only the
 * test driver knows). Each names the rule IDs it checks, and returns the violations it finds.
 */
import type { Picture } from './observe';
import { withArticle } from './article';

export interface Facts {
  /** Users logged in with unlimitedAVChatRoom. */
  unlimitedAV: ReadonlySet<string>;
  /** Group IDs whose dismissal succeeded. */
  dismissed: ReadonlySet<string>;
  /** The pending-list size in force. */
  pendingListSize: number;
}

export interface Invariant {
  name: string;
  rules: string[];
  check(p: Picture, f: Facts): string[];
}

const ROLES_BY_TYPE: Record<string, string[]> = {
  Work: ['Owner', 'Member'],
  AVChatRoom: ['Owner', 'Member'],
  Public: ['Owner', 'Admin', 'Member'],
  Meeting: ['Owner', 'Admin', 'Member'],
  Community: ['Owner', 'Admin', 'Member', 'Custom'],
};

export const INVARIANTS: Invariant[] = [
  {
    name: 'a group has at most one owner, and only a Work group may have none',
    rules: ['transfer.only-owner-transfers', 'quit.owner-may-leave-work-group'],
    check: (p) =>
      p.groups.flatMap((g) => {
        if (!g.exists || g.info === undefined) return [];
        const owners = g.roles === undefined ? [] : Object.entries(g.roles).filter(([, r]) => r === 'Owner').map(([u]) => u);
        const out: string[] = [];
        if (owners.length > 1) out.push(`${g.alias} has ${owners.length} owners: ${owners.join(', ')}`);
        if (g.info.ownerID === '' && g.type !== 'Work') out.push(`${g.alias} (${g.type}) has no owner`);
        if (g.roles !== undefined && g.info.ownerID !== '' && g.roles[g.info.ownerID] !== 'Owner') out.push(`${g.alias}'s ownerID ${g.info.ownerID} is not listed as its Owner`);
        return out;
      }),
  },
  {
    name: "every member's role is one the group type allows",
    rules: ['members.no-admins-in-work-or-avchatroom', 'members.role-values'],
    check: (p) =>
      p.groups.flatMap((g) =>
        Object.entries(g.roles ?? {})
          .filter(([, r]) => !ROLES_BY_TYPE[g.type]!.includes(r))
          .map(([u, r]) => `${u} is ${r} in ${g.alias}, ${withArticle(g.type)} group`),
      ),
  },
  {
    name: "member count equals the member list's length and never exceeds the cap",
    rules: ['limits.member-cap'],
    check: (p) =>
      p.groups.flatMap((g) => {
        if (g.info === undefined) return [];
        const out: string[] = [];
        const listed = g.roles !== undefined ? Object.keys(g.roles).length : g.avMembers?.length;
        if (listed !== undefined && listed !== g.info.memberNum) out.push(`${g.alias} reports ${g.info.memberNum} members but lists ${listed}`);
        if (g.info.maxMemberNum > 0 && g.info.memberNum > g.info.maxMemberNum) out.push(`${g.alias} holds ${g.info.memberNum} members, over its cap of ${g.info.maxMemberNum}`);
        return out;
      }),
  },
  {
    name: 'a user is an ordinary member of at most one AVChatRoom, unless logged in with unlimitedAVChatRoom',
    rules: ['avchatroom.one-room-at-a-time'],
    check: (p, f) => {
      const rooms = new Map<string, string[]>();
      for (const g of p.groups) {
        if (g.avMembers === undefined) continue;
        for (const u of g.avMembers) if (u !== g.info?.ownerID) rooms.set(u, [...(rooms.get(u) ?? []), g.alias]);
      }
      return [...rooms].filter(([u, rs]) => rs.length > 1 && !f.unlimitedAV.has(u)).map(([u, rs]) => `${u} is in ${rs.length} AVChatRooms: ${rs.join(', ')}`);
    },
  },
  {
    name: "a dismissed group is unreachable and in nobody's list",
    rules: ['dismiss.dismissed-group-unreachable', 'dismiss.members-told-of-dismissal'],
    check: (p, f) =>
      p.groups.flatMap((g) => {
        const dismissed = f.dismissed.has(g.groupID);
        if (g.exists && !dismissed) return [];
        const out = dismissed && g.exists ? [`${g.alias} was dismissed but can still be read`] : [];
        for (const [u, l] of Object.entries(p.lists)) if (l.includes(g.groupID)) out.push(`${g.alias} no longer exists but is in ${u}'s group list`);
        return out;
      }),
  },
  {
    name: "a user's group list holds exactly the groups whose member lists contain the user",
    rules: ['lists.joined-groups'],
    check: (p) => {
      const out: string[] = [];
      const known = new Set<string>();
      for (const g of p.groups) known.add(g.groupID);
      for (const u of Object.keys(p.lists)) {
        const list = p.lists[u]!;
        const expected: string[] = [];
        for (const g of p.groups) if (g.exists && g.type !== 'AVChatRoom' && g.roles !== undefined && g.roles[u] !== undefined) expected.push(g.groupID);
        expected.sort();
        const shown = list.filter((id) => known.has(id));
        if (!sameStrings(shown, expected)) out.push(`${u}'s group list ${JSON.stringify(shown)} differs from the groups listing ${u}: ${JSON.stringify(expected)}`);
      }
      return out;
    },
  },
  {
    name: 'pending application lists never exceed their size',
    rules: ['applications.pending-list-holds-50'],
    check: (p, f) => Object.entries(p.pending).filter(([, n]) => n > f.pendingListSize).map(([u, n]) => `${u}'s pending list holds ${n} > ${f.pendingListSize}`),
  },
  {
    name: 'every device of a user agrees with the others once events are delivered',
    rules: ['events.group-list-updated-when-own-list-changes'],
    check: (p) => {
      const out: string[] = [];
      for (const u of Object.keys(p.deviceLists)) {
        const devices = p.deviceLists[u]!;
        const names = Object.keys(devices);
        // once any device has heard of a change, every device of the user must have heard the same
        if (!names.some((d) => devices[d] !== undefined)) continue;
        for (const d of names) {
          const l = devices[d];
          if (!sameJSON(l, p.lists[u])) out.push(`${u}'s ${d} last heard the group list ${JSON.stringify(l ?? null)}, but the list is ${JSON.stringify(p.lists[u])}`);
        }
      }
      return out;
    },
  },
];

/**
 * JSON.stringify(a) === JSON.stringify(b), the comparison these invariants define, without building
 * the texts when the lists hold the same values element by element (every step of a passing run).
 */
function sameStrings(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length) return true;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameJSON(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  return a === undefined || b === undefined ? JSON.stringify(a) === JSON.stringify(b) : sameStrings(a, b);
}

export function violations(p: Picture, f: Facts): Array<{ invariant: Invariant; problems: string[] }> {
  return INVARIANTS.map((invariant) => ({ invariant, problems: invariant.check(p, f) })).filter((v) => v.problems.length > 0);
}
