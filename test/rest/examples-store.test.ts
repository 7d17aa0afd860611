/**
 * Tencent's documented examples for the group attribute, counter and AVChatRoom ban commands
 * (test/fidelity/fixtures/rest-examples-store.ts, each with its page) as conformance tests of the
 * emulator: each documented request goes over HTTP after its documented preconditions are set up,
 * and the answer has the documented response's fields, types and codes; the change it makes is
 * read back.
 *
 * Values that may differ: the group ID (the example's is replaced by the ID of the group the
 * preconditions created), `BannedUntil` (the simulator's virtual clock plus the ban's duration)
 * and `NextOffset` (the example answers 2 for two bans; the emulator answers 0 once the list is
 * complete, as the page's request comment says "If `NextOffset` is 0, the entire list … is obtained").
 */
import { describe, expect, it } from 'vitest';
import * as doc from '../fidelity/fixtures/rest-examples-store';
import { importAccounts, shapeDifferences, type Harness, harnessPerTest } from './helpers';

let h!: Harness;
harnessPerTest((started) => (h = started));

const G = 'group_open_http_svc';
const accounts = (...ids: string[]) => importAccounts(h, ...ids);
async function group(Type: string): Promise<string> {
  await accounts('leckie');
  const r = await h.post(`${G}/create_group`, { Owner_Account: 'leckie', Type, Name: 'TestGroup' });
  expect(r.ErrorCode).toBe(0);
  return r.GroupId as string;
}
const withID = <T extends Record<string, unknown>>(request: T, GroupId: string): T => ({ ...request, GroupId });
const attrs = async (GroupId: string) => (await h.post('group_open_attr_http_svc/get_group_attr', { GroupId })).GroupAttrAry;

describe('group attributes (1047/44189, 44190, 59499)', () => {
  it('set_group_attr answers the documented envelope and the attributes read back', async () => {
    const id = await group('Public');
    expect(await h.post(`${G}/set_group_attr`, withID(doc.setGroupAttr.request, id))).toEqual(doc.setGroupAttr.response);
    expect(await attrs(id)).toEqual(doc.setGroupAttr.request.GroupAttr);
  });
  it('delete_group_attr after the set example removes both keys', async () => {
    const id = await group('Public');
    await h.post(`${G}/set_group_attr`, withID(doc.setGroupAttr.request, id));
    expect(await h.post(`${G}/delete_group_attr`, withID(doc.deleteGroupAttr.request, id))).toEqual(doc.deleteGroupAttr.response);
    expect(await attrs(id)).toEqual([]);
  });
  it('clear_group_attr after the set example leaves none', async () => {
    const id = await group('AVChatRoom');
    await h.post(`${G}/set_group_attr`, withID(doc.setGroupAttr.request, id));
    expect(await h.post(`${G}/clear_group_attr`, withID(doc.clearGroupAttr.request, id))).toEqual(doc.clearGroupAttr.response);
    expect(await attrs(id)).toEqual([]);
  });
});

describe('group counters (1047/53427, 53428, 53429)', () => {
  it('update_group_counter answers the documented response exactly; get_group_counter then answers its documented response', async () => {
    const id = await group('Public');
    expect(await h.post(`${G}/update_group_counter`, withID(doc.updateGroupCounter.request, id))).toEqual(doc.updateGroupCounter.response);
    expect(await h.post(`${G}/get_group_counter`, withID(doc.getGroupCounter.request, id))).toEqual(doc.getGroupCounter.response);
  });
  it('delete_group_counter answers the documented envelope and the counters are gone', async () => {
    const id = await group('Public');
    await h.post(`${G}/update_group_counter`, withID(doc.updateGroupCounter.request, id));
    expect(await h.post(`${G}/delete_group_counter`, withID(doc.deleteGroupCounter.request, id))).toEqual(doc.deleteGroupCounter.response);
    expect((await h.post(`${G}/get_group_counter`, { GroupId: id })).GroupCounter).toEqual([]);
  });
});

describe('AVChatRoom bans (1047/50295, 50296, 50297)', () => {
  it('ban_group_member answers the documented envelope; the banned cannot enter; unban_group_member lets them in', async () => {
    const id = await group('AVChatRoom');
    await accounts('brennanli3', 'brennanli12');
    const viewer = h.sim.login('brennanli3');
    expect((await viewer.joinGroup({ groupID: id })).data.status).toBe('JoinedSuccess');
    expect(await h.post(`${G}/ban_group_member`, withID(doc.banGroupMember.request, id))).toEqual(doc.banGroupMember.response);
    await expect(viewer.joinGroup({ groupID: id })).rejects.toMatchObject({ code: 10007 });
    expect(await h.post(`${G}/unban_group_member`, withID(doc.unbanGroupMember.request, id))).toEqual(doc.unbanGroupMember.response);
    expect((await viewer.joinGroup({ groupID: id })).data.status).toBe('JoinedSuccess');
  });
  it('get_group_ban_member answers the documented response\'s shape, with the two bans', async () => {
    const id = await group('AVChatRoom');
    await accounts('brennanli1', 'brennanli12');
    await h.post(`${G}/ban_group_member`, { GroupId: id, Members_Account: ['brennanli1', 'brennanli12'], Duration: 3600 });
    const r = await h.post(`${G}/get_group_ban_member`, withID(doc.getGroupBanMember.request, id));
    expect(shapeDifferences(r, doc.getGroupBanMember.response)).toEqual([]);
    const until = Math.floor(h.sim.clock.now() / 1000) + 3600;
    expect(r.BannedAccountList).toEqual([{ Member_Account: 'brennanli1', BannedUntil: until }, { Member_Account: 'brennanli12', BannedUntil: until }]);
    expect(r.NextOffset).toBe(0);
  });
});
