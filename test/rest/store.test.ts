/**
 * The group attribute, counter and AVChatRoom ban commands over real HTTP: bad input answers its
 * documented code and changes nothing, and users logged in on the same simulator observe the
 * backend's writes as they observe a member's (events, a refused or allowed rejoin on the virtual clock).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, EVENT, VirtualClock } from '../../simulator';
import { snapshot } from '../helpers';
import { importAccounts, startHarness, type Harness } from './helpers';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const G = 'group_open_http_svc';
const clock = () => new VirtualClock();

const accounts = (...ids: string[]) => importAccounts(h, ...ids);
async function group(Type: string, owner = 'owner'): Promise<string> {
  await accounts(owner);
  const r = await h.post(`${G}/create_group`, { Owner_Account: owner, Type, Name: 'g', ApplyJoinOption: 'FreeAccess' });
  expect(r.ErrorCode).toBe(0);
  return r.GroupId as string;
}
/** Posts a request that must fail with `code`, naming `mentions` in ErrorInfo, and change nothing. */
async function refused(command: string, body: unknown, code: number, mentions: string) {
  const before = snapshot(h.sim);
  h.sim.clearEvents();
  const r = await h.post(`${G}/${command}`, body);
  expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  expect(r.ErrorInfo).toContain(mentions);
  expect(snapshot(h.sim)).toEqual(before);
  expect(h.sim.events).toEqual([]);
}

describe('bad input: the documented code, a clear ErrorInfo, no state change', () => {
  it('group attributes', async () => {
    h = await startHarness();
    const pub = await group('Public');
    const community = await group('Community');
    expect((await h.post(`${G}/set_group_attr`, { GroupId: pub, GroupAttr: [{ key: 'a', value: '1' }] })).ErrorCode).toBe(0);
    await refused('modify_group_attr', { GroupId: pub }, 10004, 'GroupAttr');
    await refused('modify_group_attr', { GroupId: pub, GroupAttr: [] }, 10004, 'at least one attribute');
    await refused('modify_group_attr', { GroupId: pub, GroupAttr: [{ key: 'b', value: 1 }] }, 10004, 'GroupAttr[0].value');
    await refused('set_group_attr', { GroupId: pub, GroupAttr: [{ key: 'b', value: '1' }, { key: 'b', value: '2' }] }, 10004, "key 'b' is given twice");
    await refused('modify_group_attr', { GroupId: pub, GroupAttr: [{ key: 'k'.repeat(33), value: '1' }] }, 10045, '33 bytes');
    await refused('modify_group_attr', { GroupId: '@TGS#missing', GroupAttr: [{ key: 'b', value: '1' }] }, 10010, '@TGS#missing');
    await refused('delete_group_attr', { GroupId: pub, GroupAttr: [{ key: 'a' }, { key: 'zz' }] }, 10050, "'zz'");
    await refused('clear_group_attr', { GroupId: community }, 10007, 'communities');
  });
  it('group counters', async () => {
    h = await startHarness();
    const pub = await group('Public');
    const community = await group('Community');
    const one = [{ Key: 'like', Value: 1 }];
    await refused('update_group_counter', { GroupId: pub, GroupCounter: one, Mode: 'Multiply' }, 10004, 'Mode');
    await refused('update_group_counter', { GroupId: pub, GroupCounter: [{ Key: 'like', Value: 1.5 }] }, 10004, 'GroupCounter[0].Value');
    await refused('update_group_counter', { GroupId: pub, GroupCounter: [{ Key: 'like', Value: '5' }] }, 10004, 'GroupCounter[0].Value');
    await refused('update_group_counter', { GroupId: pub, GroupCounter: [] }, 10004, 'at least one counter');
    const many = Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: i }));
    await refused('update_group_counter', { GroupId: pub, GroupCounter: many }, 10063, '20');
    await refused('update_group_counter', { GroupId: community, GroupCounter: one }, 10007, 'communities');
    await refused('delete_group_counter', { GroupId: community }, 10007, 'communities');
  });
  it('AVChatRoom bans', async () => {
    h = await startHarness();
    const room = await group('AVChatRoom');
    const pub = await group('Public');
    await accounts('v');
    await refused('ban_group_member', { GroupId: room, Members_Account: [7], Duration: 60 }, 60015, 'Members_Account[0]');
    await refused('ban_group_member', { GroupId: room, Members_Account: ['v'] }, 10004, 'Duration');
    await refused('ban_group_member', { GroupId: room, Members_Account: ['v'], Duration: 0 }, 10004, 'duration');
    await refused('ban_group_member', { GroupId: room, Members_Account: ['v'], Duration: -1 }, 10004, 'duration');
    await refused('ban_group_member', { GroupId: room, Members_Account: ['v'], Duration: 60, Description: 'x'.repeat(1001) }, 10004, 'description');
    await refused('ban_group_member', { GroupId: pub, Members_Account: ['v'], Duration: 60 }, 10007, 'AVChatRooms only');
    await refused('ban_group_member', { GroupId: room, Members_Account: ['owner'], Duration: 60 }, 10007, 'owner');
    await refused('ban_group_member', { GroupId: room, Members_Account: ['nobody'], Duration: 60 }, 10019, 'nobody');
    await refused('ban_group_member', { GroupId: room, Members_Account: Array.from({ length: 21 }, () => 'v'), Duration: 60 }, 10005, '21 accounts > 20');
    await refused('unban_group_member', { GroupId: pub, Members_Account: ['v'] }, 10007, 'AVChatRooms only');
    await refused('get_group_ban_member', { GroupId: room, Limit: 101 }, 10004, '101 > 100');
  });
});

describe('users on the same simulator observe the backend\'s writes as a member\'s', () => {
  it('modify_group_attr and update_group_counter reach the members as GROUP_ATTRIBUTES_UPDATED and GROUP_COUNTER_UPDATED', async () => {
    h = await startHarness();
    const id = await group('Public');
    const alice = h.sim.login('alice');
    await alice.joinGroup({ groupID: id });
    h.sim.clearEvents();
    expect((await h.post(`${G}/modify_group_attr`, { GroupId: id, GroupAttr: [{ key: 'stage', value: 'on' }] })).ErrorCode).toBe(0);
    expect(h.sim.eventsFor('alice').filter((e) => e.name === EVENT.GROUP_ATTRIBUTES_UPDATED).map((e) => e.data)).toEqual([
      { groupID: id, groupAttributes: { stage: 'on' }, updatedKeyList: ['stage'], deletedKeyList: [] },
    ]);
    await alice.setGroupCounters({ groupID: id, counters: { like: 2 } });
    h.sim.clearEvents();
    const r = await h.post(`${G}/update_group_counter`, { GroupId: id, GroupCounter: [{ Key: 'like', Value: 3 }], Mode: 'Increase' });
    expect(r.GroupCounter).toEqual([{ Key: 'like', Value: 5 }]);
    expect(h.sim.eventsFor('alice').filter((e) => e.name === EVENT.GROUP_COUNTER_UPDATED).map((e) => e.data)).toEqual([{ groupID: id, key: 'like', value: 5 }]);
    expect((await alice.getGroupCounters({ groupID: id })).data.counters).toEqual({ like: 5 });
  });
  it('a REST ban keeps an SDK user out until it ends on the virtual clock; the ban list empties then', async () => {
    const c = clock();
    h = await startHarness({}, createSimulator({ clock: c }));
    const room = await group('AVChatRoom');
    const viewer = h.sim.login('viewer');
    expect((await viewer.joinGroup({ groupID: room })).data.status).toBe('JoinedSuccess');
    expect((await h.post(`${G}/ban_group_member`, { GroupId: room, Members_Account: ['viewer'], Duration: 120, Description: 'flood' })).ErrorCode).toBe(0);
    const notices = h.sim.eventsFor('viewer').flatMap((e) => (Array.isArray(e.data) ? e.data : [])).filter((m: { type?: string }) => m.type === 'TIMGroupSystemNoticeElem');
    expect(notices.map((m: { payload: { operationType: number; handleMessage: string } }) => [m.payload.operationType, m.payload.handleMessage])).toEqual([[4, 'flood']]);
    await expect(viewer.joinGroup({ groupID: room })).rejects.toMatchObject({ code: 10007 });
    c.advance(119_000);
    await expect(viewer.joinGroup({ groupID: room })).rejects.toMatchObject({ code: 10007 });
    expect((await h.post(`${G}/get_group_ban_member`, { GroupId: room })).BannedAccountList).toHaveLength(1);
    c.advance(1_000);
    expect((await viewer.joinGroup({ groupID: room })).data.status).toBe('JoinedSuccess');
    expect(await h.post(`${G}/get_group_ban_member`, { GroupId: room })).toMatchObject({ BannedAccountList: [], NextOffset: 0 });
  });
  it('an owner\'s SDK ban is listed over REST and lifted by unban_group_member', async () => {
    h = await startHarness();
    const room = await group('AVChatRoom', 'host');
    const host = h.sim.login('host');
    const viewer = h.sim.login('viewer');
    await host.joinGroup({ groupID: room });
    await viewer.joinGroup({ groupID: room });
    await host.deleteGroupMember({ groupID: room, userIDList: ['viewer'], duration: 600 });
    expect((await h.post(`${G}/get_group_ban_member`, { GroupId: room })).BannedAccountList.map((b: { Member_Account: string }) => b.Member_Account)).toEqual(['viewer']);
    await expect(viewer.joinGroup({ groupID: room })).rejects.toMatchObject({ code: 10007 });
    expect((await h.post(`${G}/unban_group_member`, { GroupId: room, Members_Account: ['viewer'] })).ErrorCode).toBe(0);
    expect((await viewer.joinGroup({ groupID: room })).data.status).toBe('JoinedSuccess');
  });
});
