/**
 * The app's enabled custom-field keys (createSimulator's customFields), custom fields pulled by
 * filter, and a member's own message-receiving option (setMessageRemindType): the core's checks,
 * each refusal changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../simulator';
import { refusal, refusedUnchanged, world } from '../helpers';

describe('enabled custom-field keys', () => {
  it('refuses a key outside the declared lists everywhere a custom field is written, and changes nothing', async () => {
    const { sim, chats: c } = world(['A', 'B'], { customFields: { group: ['level'], member: ['rank'] } });
    const groupID = (await c.A!.createGroup({ type: 'Public', name: 'P', groupCustomField: [{ key: 'level', value: '1' }], memberList: [{ userID: 'B', memberCustomField: [{ key: 'rank', value: 'x' }] }] })).data.group.groupID as string;
    const e1 = await refusedUnchanged(sim, () => c.A!.updateGroupProfile({ groupID, groupCustomField: [{ key: 'level', value: '2' }, { key: 'other', value: '3' }] }), 10004);
    expect(e1.data.field).toBe('groupCustomField[1].key');
    const e2 = await refusedUnchanged(sim, () => c.B!.setGroupMemberCustomField({ groupID, memberCustomField: [{ key: 'other', value: 'y' }] }), 10004);
    expect(e2.data.field).toBe('memberCustomField[0].key');
    const e3 = await refusedUnchanged(sim, () => sim.admin.invoke('modifyGroupMemberInfo', { groupID, userID: 'B', memberCustomField: [{ key: 'other', value: 'y' }] }), 10004);
    expect(e3.data.field).toBe('memberCustomField[0].key');
    await refusedUnchanged(sim, () => c.A!.createGroup({ type: 'Private', name: 'W', memberList: [{ userID: 'B', memberCustomField: [{ key: 'other', value: 'y' }] }] }), 10004);
  });

  it('accepts any key when a list is left out, and refuses a malformed declaration with 10004', async () => {
    const { chats: c } = world(['A'], { customFields: { member: [] } });
    await expect(c.A!.createGroup({ type: 'Public', name: 'P', groupCustomField: [{ key: 'anything', value: '1' }] })).resolves.toMatchObject({ code: 0 });
    expect(() => createSimulator({ customFields: { group: 'level' as unknown as string[] } })).toThrow(expect.objectContaining({ code: 10004 }));
  });
});

describe('custom fields by filter', () => {
  it('getGroupProfile gives only the named group fields, none without a filter, and ignores memberCustomFieldFilter', async () => {
    const { chats: c } = world(['A']);
    const groupID = (await c.A!.createGroup({ type: 'Public', name: 'P', groupCustomField: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] })).data.group.groupID as string;
    expect((await c.A!.getGroupProfile({ groupID })).data.group.groupCustomField).toEqual([]);
    expect((await c.A!.getGroupProfile({ groupID, groupCustomFieldFilter: ['b', 'z'] })).data.group.groupCustomField).toEqual([{ key: 'b', value: '2' }]);
    await c.A!.setGroupMemberCustomField({ groupID, memberCustomField: [{ key: 'm', value: '1' }] });
    const self = (await c.A!.getGroupProfile({ groupID, memberCustomFieldFilter: [] })).data.group.selfInfo;
    expect(self.memberCustomField).toEqual([{ key: 'm', value: '1' }]);
    // the creation's own answer keeps the complete profile
    expect((await c.A!.getGroupList()).data.groupList[0]!.groupCustomField).toHaveLength(2);
  });
});

describe('setMessageRemindType', () => {
  it("sets the caller's own option only, resolves {}, tells nobody, and is forgotten on leaving", async () => {
    const { sim, chats: c } = world(['A', 'B']);
    const groupID = (await c.A!.createGroup({ type: 'Public', name: 'P', joinOption: 'FreeAccess' })).data.group.groupID as string;
    await c.B!.joinGroup({ groupID });
    sim.clearEvents();
    expect(await c.B!.setMessageRemindType({ groupID, messageRemindType: 'Discard' })).toEqual({ code: 0, data: {} });
    expect(sim.events).toEqual([]);
    expect((await c.B!.getGroupProfile({ groupID })).data.group.selfInfo.messageRemindType).toBe('Discard');
    expect((await c.A!.getGroupProfile({ groupID })).data.group.selfInfo.messageRemindType).toBe('AcceptAndNotify');
    await c.B!.quitGroup(groupID);
    await c.B!.joinGroup({ groupID });
    expect((await c.B!.getGroupProfile({ groupID })).data.group.selfInfo.messageRemindType).toBe('AcceptAndNotify');
  });

  it('refuses another user, a non-member, an unknown value and an AVChatRoom, changing nothing', async () => {
    const { sim, chats: c } = world(['A', 'B']);
    const groupID = (await c.A!.createGroup({ type: 'Public', name: 'P' })).data.group.groupID as string;
    const av = (await c.A!.createGroup({ type: 'AVChatRoom', name: 'AV' })).data.group.groupID as string;
    expect((await refusedUnchanged(sim, () => c.A!.setMessageRemindType({ groupID, userID: 'B', messageRemindType: 'Discard' } as never), 10004)).message).toContain("unknown option 'userID'");
    await refusedUnchanged(sim, () => c.B!.setMessageRemindType({ groupID, messageRemindType: 'Discard' }), 10007);
    expect((await refusedUnchanged(sim, () => c.A!.setMessageRemindType({ groupID, messageRemindType: 'Mute' }), 10004)).data.field).toBe('messageRemindType');
    await refusedUnchanged(sim, () => c.A!.setMessageRemindType({ groupID: av, messageRemindType: 'Discard' }), 2687);
    await refusal(c.A!.setMessageRemindType({ groupID: 'no-such-group', messageRemindType: 'Discard' }), 10010);
  });
});
