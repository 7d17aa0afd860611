/**
 * How the core stores memberships, AVChatRoom presence and the application index: the compact
 * forms (a group ID for a user in one group, '' marks instead of deletes) and the index kept by
 * apply, admission, decisions, dismissal and the undo log.
 */
import { describe, expect, it } from 'vitest';
import { ERR } from '../../simulator/core/errors';
import { Tx } from '../../simulator/core/tx';
import { newMember } from '../../simulator/core/rules';
import { MemberTable } from '../../simulator/core/member-table';
import { applicationKeys, avRoomOf, groupsOf, newUser, type GroupRecord, type State } from '../../simulator/core/state';
import { refusal, world } from '../helpers';

/** The application index as sorted plain data (its order means nothing). */
/**
 * A user's memberships as their form: '' none, the group ID of the one member record, or the Map's
 * group IDs in join order (each entry the record of that group).
 */
function form(s: State, userID: string): string | string[] {
  const j = s.users.get(userID)!.groups;
  if (j === '') return '';
  if (!(j instanceof Map)) return j.groupID;
  for (const [groupID, m] of j) expect(m.groupID).toBe(groupID);
  return [...j.keys()];
}

const index = (s: State) => [...s.applicationIndex].map(([g, byUser]) => [g, [...byUser].map(([u, keys]) => [u, [...keys].sort()]).sort()]).sort();

describe('memberships', () => {
  it('stores one membership as its record on the user record, upgrades to a Map on the second, and none as \'\'', async () => {
    const { sim, chats } = world(['A', 'B']);
    const g1 = (await chats.A!.createGroup({ type: 'Community', name: 'one' })).data.group.groupID as string;
    const g2 = (await chats.A!.createGroup({ type: 'Community', name: 'two' })).data.group.groupID as string;
    await chats.B!.joinGroup({ groupID: g1 });
    expect(form(sim.state, 'B')).toBe(g1);
    expect(sim.state.users.get('B')!.groups).toBe(sim.state.groups.get(g1)!.members.get('B'));
    await chats.B!.joinGroup({ groupID: g2 });
    expect(form(sim.state, 'B')).toEqual([g1, g2]);
    expect([...groupsOf(sim.state, 'B')]).toEqual([g1, g2]);
    await chats.B!.quitGroup(g1);
    expect(form(sim.state, 'B')).toBe(g2);
    await chats.B!.quitGroup(g2);
    expect(form(sim.state, 'B')).toBe('');
    expect([...groupsOf(sim.state, 'B')]).toEqual([]);
    expect((await chats.B!.getGroupList()).data.groupList).toEqual([]);
    await chats.B!.joinGroup({ groupID: g2 });
    expect(form(sim.state, 'B')).toBe(g2);
  });

  it('keeps a Map of three or more, in join order', async () => {
    const { sim, chats } = world(['A', 'B']);
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const g = (await chats.A!.createGroup({ type: 'Community', name })).data.group.groupID as string;
      await chats.B!.joinGroup({ groupID: g });
      ids.push(g);
    }
    await chats.B!.quitGroup(ids[1]!);
    expect(form(sim.state, 'B')).toEqual([ids[0], ids[2]]);
    expect((await chats.B!.getGroupList()).data.groupList.map((g: { groupID: string }) => g.groupID)).toEqual([ids[0], ids[2]]);
  });

  it('undo puts every form back as it was', () => {
    const { sim } = world([]);
    const s = sim.state;
    const ctx = { now: 0 };
    const make = (groupID: string) => {
      // a bare group record is enough for the member table and the user's groups
      const g = { groupID, type: 'Community', members: new MemberTable(groupID, s.users) } as unknown as GroupRecord;
      s.groups.set(groupID, g);
      return g;
    };
    const [a, b, c] = [make('a'), make('b'), make('c')];
    s.users.set('u', newUser('u'));
    const before = () => [...s.users.keys()].map((u) => [u, form(s, u)]);
    const check = (change: (tx: Tx) => void) => {
      const was = before();
      const tx = new Tx(s);
      change(tx);
      tx.rollback();
      expect(before()).toEqual(was);
    };
    check((tx) => tx.addMember(a, newMember('u', 'a', 'Member', ctx)));
    expect(s.users.get('u')!.groups).toBe('');
    let tx = new Tx(s);
    tx.addMember(a, newMember('u', 'a', 'Member', ctx));
    tx.commit();
    check((tx) => tx.addMember(b, newMember('u', 'b', 'Member', ctx)));
    check((tx) => tx.removeMember(a, 'u'));
    tx = new Tx(s);
    tx.addMember(b, newMember('u', 'b', 'Member', ctx));
    tx.commit();
    check((tx) => tx.removeMember(a, 'u'));
    check((tx) => {
      tx.removeMember(a, 'u');
      tx.addMember(c, newMember('u', 'c', 'Member', ctx));
    });
    expect(form(s, 'u')).toEqual(['a', 'b']);
  });
});

describe("a group's keyed stores (mutes, bans, attributes, counters)", () => {
  it('start as one shared empty map, become the group\'s own on the first write (undone by rollback), and the shared one refuses writes', async () => {
    const { sim, chats } = world(['alice', 'bob']);
    const one = (await chats.alice!.createGroup({ name: 'A', type: 'Public', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    const two = (await chats.alice!.createGroup({ name: 'B', type: 'Public' })).data.group.groupID;
    const [a, b] = [sim.state.groups.get(one)!, sim.state.groups.get(two)!];
    for (const k of ['muted', 'banned', 'attributes', 'counters'] as const) expect(a[k]).toBe(b[k]);
    const shared = a.muted;
    expect(() => shared.set('x' as never, 1 as never)).toThrow(/shared empty store/);
    // a write rolled back puts the shared one back
    const tx = new Tx(sim.state);
    tx.mapSet(tx.own(a, 'muted'), 'bob', 60);
    expect(a.muted).not.toBe(shared);
    tx.rollback();
    expect(a.muted).toBe(shared);
    await chats.alice!.setGroupMemberMuteTime({ groupID: one, userID: 'bob', muteTime: 60 });
    await chats.alice!.setGroupCounters({ groupID: one, counters: { k: 1 } });
    expect(a.muted).not.toBe(shared);
    expect([...a.muted.keys()]).toEqual(['bob']);
    expect(Object.fromEntries(a.counters)).toEqual({ k: 1 });
    // the other group's are still the shared, empty ones
    expect(b.muted).toBe(shared);
    expect(b.counters.size).toBe(0);
    expect(shared.size).toBe(0);
  });
});

describe('AVChatRoom presence', () => {
  it('marks a viewer who left instead of deleting the entry, and reuses it on the way back', async () => {
    const { sim, chats } = world(['V']);
    await sim.admin.importAccount({ userID: 'O' });
    const { data } = await sim.admin.createGroup({ type: 'AVChatRoom', name: 'live', ownerAccount: 'O' });
    const room = data.groupID as string;
    await chats.V!.joinGroup({ groupID: room });
    expect(avRoomOf(sim.state, 'V')).toBe(room);
    await chats.V!.quitGroup(room);
    expect(sim.state.avRoom.get('V')).toBe('');
    expect(avRoomOf(sim.state, 'V')).toBeUndefined();
    expect(form(sim.state, 'V')).toBe('');
    expect((await chats.V!.joinGroup({ groupID: room })).data.status).toBe('JoinedSuccess');
    expect(avRoomOf(sim.state, 'V')).toBe(room);
    expect(sim.state.avRoom.size).toBe(1);
  });
});

describe('application index', () => {
  async function gated() {
    const w = world(['A', 'B', 'C']);
    const g = (await w.chats.A!.createGroup({ type: 'Public', name: 'club', joinOption: 'NeedPermission' })).data.group.groupID as string;
    return { ...w, g };
  }

  it('follows applying, re-applying, admission and decisions', async () => {
    const { sim, chats, g } = await gated();
    const s = sim.state;
    await chats.B!.joinGroup({ groupID: g, applyMessage: 'one' });
    await chats.C!.joinGroup({ groupID: g });
    const [keyB] = applicationKeys(s, g, 'B');
    expect(applicationKeys(s, g, 'B')).toHaveLength(1);
    await chats.B!.joinGroup({ groupID: g, applyMessage: 'again' });
    expect(applicationKeys(s, g, 'B')).toEqual([keyB]);
    expect(s.applications.get(keyB!)?.note).toBe('again');
    // the app admin adds B: the pending application is moot
    await sim.admin.addGroupMember({ groupID: g, userIDList: ['B'] });
    expect(applicationKeys(s, g, 'B')).toEqual([]);
    expect(s.applications.has(keyB!)).toBe(false);
    const [keyC] = applicationKeys(s, g, 'C');
    await chats.A!.handleGroupApplication({ handleAction: 'Reject', application: { groupID: g, applicationType: 0, messageKey: keyC! } });
    expect(index(s)).toEqual([]);
    expect(s.applications.size).toBe(0);
  });

  it('drops a dismissed group\'s applications, and a refused approval leaves it as it was', async () => {
    const { sim, chats, g } = await gated();
    const s = sim.state;
    await chats.B!.joinGroup({ groupID: g });
    await chats.C!.joinGroup({ groupID: g });
    const [keyB] = applicationKeys(s, g, 'B');
    await chats.A!.updateGroupProfile({ groupID: g, maxMemberNum: 1 });
    const was = index(s);
    // (not refusedUnchanged: undoing the decision re-files the application at the end of the
    // application map, a known reordering of equal-time applications the index does not change)
    await refusal(chats.A!.handleGroupApplication({ handleAction: 'Agree', application: { groupID: g, applicationType: 0, messageKey: keyB! } }), ERR.GROUP_FULL);
    expect(index(s)).toEqual(was);
    expect(s.applications.get(keyB!)?.userID).toBe('B');
    await chats.A!.dismissGroup(g);
    expect(index(s)).toEqual([]);
    expect(s.applications.size).toBe(0);
  });

  it('finds an application to one group among many pending elsewhere without scanning', async () => {
    const { sim, chats, g } = await gated();
    for (let i = 0; i < 50; i++) {
      const c = sim.login(`x${i}`);
      await c.joinGroup({ groupID: g });
    }
    const other = (await chats.A!.createGroup({ type: 'Public', name: 'other', joinOption: 'NeedPermission' })).data.group.groupID as string;
    await chats.B!.joinGroup({ groupID: other });
    expect(sim.state.applicationIndex.get(g)?.size).toBe(50);
    expect(applicationKeys(sim.state, other, 'B')).toHaveLength(1);
    expect(applicationKeys(sim.state, g, 'B')).toEqual([]);
  });
});
