import { describe, expect, it } from 'vitest';
import { createSimulator, EVENT, TYPES } from '../../simulator';
import { received, refusal } from '../helpers';

describe('delivery to devices', () => {
  it('delivers to every device of every user concerned, each with its own copy', async () => {
    const sim = createSimulator();
    const phone = sim.login('alice', { device: 'phone' });
    const laptop = sim.login('alice', { device: 'laptop' });
    const bob = sim.login('bob');
    const seen: Array<{ device: string; data: unknown }> = [];
    phone.on(EVENT.GROUP_LIST_UPDATED, (e) => seen.push({ device: 'phone', data: e.data }));
    laptop.on(EVENT.GROUP_LIST_UPDATED, (e) => {
      (e.data as unknown[]).length = 0; // a handler that mutates its copy must not affect the others
      seen.push({ device: 'laptop', data: e.data });
    });
    const { data } = await phone.createGroup({ name: 'G', memberList: [{ userID: 'bob' }] });
    expect(seen.map((s) => s.device)).toEqual(['phone', 'laptop']);
    expect((seen[0]!.data as Array<{ groupID: string }>)[0]!.groupID).toBe(data.group.groupID);
    expect(received(sim, 'alice', 'laptop')).toEqual(['sdkStateReady', 'notice:6', 'onGroupListUpdated', 'custom']);
    // the creating device sees its own group_create message as sent, not received
    expect(received(sim, 'alice', 'phone')).toEqual(['sdkStateReady', 'notice:6', 'onGroupListUpdated']);
    expect(received(sim, 'bob')).toEqual(['sdkStateReady', 'notice:7', 'onGroupListUpdated', 'custom']);
    void bob;
  });

  it('gives every handler a copy equal to the logged event, keys in order, sharing no object with the log or another copy', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    const bob = sim.login('bob');
    const got: Array<{ seq: number; name: string; copies: unknown[] }> = [];
    for (const chat of [alice, bob]) {
      for (const name of [EVENT.MESSAGE_RECEIVED, EVENT.GROUP_LIST_UPDATED]) {
        // two handlers per event: each must get its own object
        const copies: unknown[] = [];
        chat.on(name, (e) => {
          copies.push(e.data);
          if (copies.length === 2) got.push({ seq: sim.events.length, name, copies: copies.splice(0) });
        });
        chat.on(name, (e) => {
          copies.push(e.data);
          if (copies.length === 2) got.push({ seq: sim.events.length, name, copies: copies.splice(0) });
        });
      }
    }
    // a group message (group_create), notices, tips and list updates, to both users
    const g = (await alice.createGroup({ name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    await alice.setGroupMemberRole({ groupID: g, userID: 'bob', role: 'Admin' });
    await bob.quitGroup(g);
    await bob.joinGroup({ groupID: g });
    const objects = (v: unknown, out: object[] = []): object[] => {
      if (typeof v === 'object' && v !== null) {
        out.push(v);
        for (const x of Object.values(v)) objects(x, out);
      }
      return out;
    };
    expect(got.length).toBeGreaterThan(8);
    for (const { seq, copies } of got) {
      const logged = sim.events[seq - 1]!.data;
      const seen = new Set(objects(logged));
      for (const copy of copies) {
        expect(copy).toStrictEqual(logged);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(logged));
        for (const o of objects(copy)) {
          expect(seen.has(o)).toBe(false);
          seen.add(o);
        }
      }
    }
  });

  it("hands a tap (the embedded adapter's record) the log's own data for the names it asks, beside the handlers' copies", async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    const bob = sim.login('bob');
    const tapped: Array<{ name: string; data: unknown }> = [];
    const handled: unknown[] = [];
    bob.tap(new Set([EVENT.GROUP_LIST_UPDATED]), (name, data) => tapped.push({ name, data }));
    bob.on(EVENT.GROUP_LIST_UPDATED, (e) => handled.push(e.data));
    const g = (await alice.createGroup({ name: 'G', type: 'Public', memberList: [{ userID: 'bob' }] })).data.group.groupID;
    await bob.quitGroup(g);
    const logged = sim.events.filter((e) => e.userID === 'bob' && e.name === EVENT.GROUP_LIST_UPDATED);
    expect(logged.length).toBe(2);
    // the very objects the log keeps, in order; no other event names
    expect(tapped.map((t) => t.name)).toEqual([EVENT.GROUP_LIST_UPDATED, EVENT.GROUP_LIST_UPDATED]);
    tapped.forEach((t, i) => expect(t.data).toBe(logged[i]!.data));
    // a handler still gets its own copy
    expect(handled).toStrictEqual(logged.map((e) => e.data));
    handled.forEach((h, i) => expect(h).not.toBe(logged[i]!.data));
  });

  it('builds tips and notices with the SDK payload shapes', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    const bob = sim.login('bob');
    const msgs: any[] = [];
    bob.on(EVENT.MESSAGE_RECEIVED, (e) => msgs.push(...(e.data as unknown[])));
    alice.on(EVENT.MESSAGE_RECEIVED, (e) => msgs.push(...(e.data as unknown[])));
    const g = (await alice.createGroup({ name: 'Room', type: 'ChatRoom' })).data.group.groupID;
    msgs.length = 0;
    await bob.joinGroup({ groupID: g });
    const tip = msgs.find((m) => m.type === TYPES.MSG_GRP_TIP);
    expect(tip).toMatchObject({
      type: 'TIMGroupTipElem',
      conversationID: `GROUP${g}`,
      conversationType: 'GROUP',
      to: g,
      flow: 'in',
      payload: { operationType: TYPES.GRP_TIP_MBR_JOIN, operatorID: 'bob', userIDList: ['bob'], groupProfile: { groupID: g, groupName: 'Room' }, memberCount: 2, memberNum: 2 },
    });
    msgs.length = 0;
    await bob.quitGroup(g);
    const notice = msgs.find((m) => m.type === TYPES.MSG_GRP_SYS_NOTICE);
    expect(notice).toMatchObject({
      conversationID: '@TIM#SYSTEM',
      conversationType: '@TIM#SYSTEM',
      isSystemMessage: true,
      to: 'bob',
      payload: { operationType: 8, operatorID: 'bob', groupProfile: { groupID: g, name: 'Room', groupType: 'ChatRoom' } },
    });
    expect(typeof notice.ID).toBe('string');
    expect(typeof notice.time).toBe('number');
  });

  it('stops delivering after off, and once fires once', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    let onCount = 0;
    let onceCount = 0;
    const h = () => onCount++;
    alice.on(EVENT.GROUP_LIST_UPDATED, h);
    alice.once(EVENT.GROUP_LIST_UPDATED, () => onceCount++);
    await alice.createGroup({ name: 'A' });
    alice.off(EVENT.GROUP_LIST_UPDATED, h);
    await alice.createGroup({ name: 'B' });
    expect([onCount, onceCount]).toEqual([1, 1]);
  });

  it('keeps delivering when a handler throws', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    let after = 0;
    alice.on(EVENT.GROUP_LIST_UPDATED, () => {
      throw new Error('app bug');
    });
    alice.on(EVENT.GROUP_LIST_UPDATED, () => after++);
    await alice.createGroup({ name: 'A' });
    expect(after).toBe(1);
  });

  it('numbers the event log in delivery order and can clear it', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    await alice.createGroup({ name: 'A' });
    const seqs = sim.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    sim.clearEvents();
    expect(sim.events).toEqual([]);
    await alice.createGroup({ name: 'B' });
    expect(sim.events[0]!.seq).toBeGreaterThan(seqs[seqs.length - 1]!);
  });
});

describe('sessions', () => {
  it('rejects calls after logout with 2024 and delivers nothing more', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    const bob = sim.login('bob');
    const g = (await alice.createGroup({ name: 'M', type: 'ChatRoom' })).data.group.groupID;
    await bob.logout();
    expect(bob.isReady()).toBe(false);
    expect(bob.getLoginUser()).toBe('');
    await refusal(bob.getGroupList(), 2024);
    await refusal(bob.createGroup({ name: 'x' }), 2024);
    sim.clearEvents();
    await alice.updateGroupProfile({ groupID: g, name: 'M2' });
    expect(sim.eventsFor('bob')).toEqual([]);
  });

  it('follows the SDK allow-list when logged out', async () => {
    const sim = createSimulator();
    const alice = sim.login('alice');
    const bob = sim.login('bob');
    const m = (await alice.createGroup({ name: 'M', type: 'ChatRoom' })).data.group.groupID;
    const av = (await alice.createGroup({ name: 'AV', type: 'AVChatRoom' })).data.group.groupID;
    await bob.logout();
    await refusal(bob.joinGroup({ groupID: m }), 2662);
    expect((await bob.joinGroup({ groupID: av })).data.status).toBe('JoinedSuccess');
    expect((await sim.admin.getGroupInfo(av)).data.memberNum).toBe(1); // an anonymous viewer is not a member
    await refusal(bob.quitGroup(m), 2623);
    expect((await bob.getGroupOnlineMemberCount(m)).data).toEqual({ memberCount: 0 });
  });

  it('kicks the earlier session out when the same device logs in again', async () => {
    const sim = createSimulator();
    const first = sim.login('alice', { device: 'phone' });
    const kicks: unknown[] = [];
    first.on(EVENT.KICKED_OUT, (e) => kicks.push(e.data));
    const second = sim.login('alice', { device: 'phone' });
    expect(kicks).toEqual([{ type: 'multipleAccount' }]);
    await refusal(first.getGroupList(), 3003);
    expect((await second.getGroupList()).code).toBe(0);
  });

  it('refuses bad login arguments with 10004', () => {
    const sim = createSimulator();
    expect(() => sim.login('')).toThrow(expect.objectContaining({ code: 10004 }));
    expect(() => sim.login('a', { device: 3 } as never)).toThrow(expect.objectContaining({ code: 10004 }));
  });
});
