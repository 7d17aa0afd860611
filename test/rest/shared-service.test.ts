/**
 * One simulated service behind both halves: the backend over REST, users through the SDK shape
 * (in process and over the wire protocol), on the same groups and clock; and the state control
 * endpoints (reset, snapshot / restore, clock).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, EVENT } from '../../simulator';
import { startEmulatedService, type EmulatedService } from '../../servers/rest/emulated-service';
import { wireImplementation } from '../../adapters/wire/client';
import { SDKAPPID } from './helpers';
import { groupsOf } from '../../simulator/core/state';

let svc: EmulatedService;
afterEach(async () => {
  await svc.close();
});

async function rest(command: string, body: unknown): Promise<Record<string, any>> {
  const q = new URLSearchParams({ sdkappid: String(SDKAPPID), identifier: 'administrator', usersig: 'x', random: '1', contenttype: 'json' });
  return (await (await fetch(`${svc.rest.url}/v4/${command}?${q}`, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<string, any>;
}
async function control(path: string, body?: unknown): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(`${svc.rest.url}/groupspec/${path}`, { method: body === undefined && path === 'clock' ? 'GET' : 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe('the backend over REST and the users through the SDK shape share one service', () => {
  it('a group the backend creates is joined by a user; the backend sees the member; the mute it sets runs on the shared clock', async () => {
    svc = await startEmulatedService(createSimulator());
    const alice = svc.sim.login('alice');
    await rest('im_open_login_svc/account_import', { UserID: 'owner' });
    const { GroupId } = await rest('group_open_http_svc/create_group', { Owner_Account: 'owner', Type: 'Public', Name: 'support', ApplyJoinOption: 'FreeAccess' });
    await alice.joinGroup({ groupID: GroupId });
    expect((await rest('group_open_http_svc/get_role_in_group', { GroupId, User_Account: ['alice'] })).UserIdList).toEqual([{ Member_Account: 'alice', Role: 'Member' }]);
    await rest('group_open_http_svc/forbid_send_msg', { GroupId, Members_Account: ['alice'], MuteTime: 60 });
    expect((await alice.getGroupMemberProfile({ groupID: GroupId, userIDList: ['alice'] })).data).toMatchObject({ memberList: [{ muteUntil: Math.floor(svc.sim.clock.now() / 1000) + 60 }] });
    const advanced = await control('clock/advance', { ms: 61_000 });
    expect(advanced.json.now).toBe(svc.sim.clock.now());
    expect((await rest('group_open_http_svc/get_group_muted_account', { GroupId })).ShuttedUinList).toEqual([]);
    // the user's device got the backend's changes as events
    expect(svc.sim.eventsFor('alice').some((e) => e.name === EVENT.MESSAGE_RECEIVED)).toBe(true);
    expect((await rest('group_open_http_svc/get_online_member_num', { GroupId })).OnlineMemberNum).toBe(1);
  });
  it('over the wire protocol too: a client app created over the wire is a view of the same service', async () => {
    svc = await startEmulatedService(createSimulator(), { wire: {} });
    const { GroupId } = await rest('group_open_http_svc/create_group', { Type: 'Public', Name: 'open', ApplyJoinOption: 'FreeAccess' });
    const impl = await wireImplementation(svc.wire!.url);
    const app = await impl.createApp();
    const bob = await app.login('bob');
    await bob.call('joinGroup', { groupID: GroupId });
    expect((await rest('group_open_http_svc/get_group_member_info', { GroupId })).MemberList.map((m: { Member_Account: string }) => m.Member_Account)).toEqual(['bob']);
    await app.close();
    await impl.close?.();
  });
});

describe('state control for tests', () => {
  it('snapshot, change, restore: the groups are as they were; reset empties the service but keeps who is logged in', async () => {
    svc = await startEmulatedService();
    svc.sim.login('alice');
    const { GroupId: kept } = await rest('group_open_http_svc/create_group', { Owner_Account: 'alice', Type: 'Public', Name: 'kept' });
    const snap = await control('snapshot');
    expect(snap).toMatchObject({ status: 200, json: { ok: true } });
    await rest('group_open_http_svc/modify_group_base_info', { GroupId: kept, Name: 'changed' });
    const { GroupId: later } = await rest('group_open_http_svc/create_group', { Owner_Account: 'alice', Type: 'Public', Name: 'later' });
    expect(await control('restore', { snapshot: snap.json.snapshot })).toMatchObject({ status: 200 });
    const info = await rest('group_open_http_svc/get_group_info', { GroupIdList: [kept, later] });
    expect(info.GroupInfo.map((g: { Name?: string; ErrorCode: number }) => [g.Name, g.ErrorCode])).toEqual([['kept', 0], [undefined, 10010]]);
    // the restored state is a copy: changing it leaves the snapshot as it was
    await rest('group_open_http_svc/destroy_group', { GroupId: kept });
    await control('restore', { snapshot: snap.json.snapshot });
    expect((await rest('group_open_http_svc/get_appid_group_list', {})).TotalCount).toBe(1);
    expect(await control('reset')).toMatchObject({ status: 200 });
    expect((await rest('group_open_http_svc/get_appid_group_list', {})).TotalCount).toBe(0);
    expect((await rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'alice' }] })).ResultItem[0].AccountStatus).toBe('Imported');
    // her memberships went with the old state: her account record is a fresh one
    expect([...groupsOf(svc.sim.state, 'alice')]).toEqual([]);
    // alice's session still works after the reset
    const { data } = await svc.sim.login('alice', { device: 'phone' }).createGroup({ type: 'Public', name: 'after' } as never);
    expect((data as { group: { name: string } }).group.name).toBe('after');
  });
  it('bad control requests: unknown snapshot 404, missing fields 400, unknown endpoint 404', async () => {
    svc = await startEmulatedService();
    expect((await control('restore', { snapshot: 'nope' })).status).toBe(404);
    expect((await control('restore', {})).status).toBe(400);
    expect((await control('clock/advance', { ms: -1 })).status).toBe(400);
    expect((await control('teleport', {})).status).toBe(404);
  });
});
