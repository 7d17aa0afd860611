/**
 * The emulator's answers to requests a backend gets wrong: query, signature, admin identity, path,
 * body. Each is the documented code in the documented envelope with HTTP 200, never a 500, and none
 * changes the state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { startHarness, SDKAPPID, type Harness } from './helpers';

const requireCjs = createRequire(__filename);
const { Api } = requireCjs('tls-sig-api-v2') as { Api: new (appID: number, key: string) => { genUserSig(id: string, expire: number): string } };
const KEY = 'emulator-test-secret-key';
const sign = (id: string, appID = SDKAPPID, key = KEY, expire = 3600) => new Api(appID, key).genUserSig(id, expire);

let h: Harness;
afterEach(async () => {
  await h.close();
});

const createBody = { Owner_Account: 'leckie', Type: 'Public', Name: 'TestGroup' };
async function groupCount(): Promise<number> {
  return h.sim.state.groups.size;
}

describe('UserSig, verified with tls-sig-api-v2 when a secret key is given', () => {
  it('a UserSig the package signs for the admin passes; forged, for another identifier or SDKAppID, expired or unparsable ones get 70009/70013/70014/70001/70003', async () => {
    let wall = Math.floor(Date.now() / 1000);
    h = await startHarness({ secretKey: KEY, nowSeconds: () => wall });
    await h.post('im_open_login_svc/account_import', { UserID: 'leckie' }, { usersig: sign('administrator') });
    const cases: Array<[string, string, number]> = [
      ['valid', sign('administrator'), 0],
      ['signed with another key', sign('administrator', SDKAPPID, 'another-key'), 70009],
      ['issued for another identifier', sign('bob'), 70013],
      ['issued for another SDKAppID', sign('administrator', 1400000001), 70014],
      ['not a UserSig', 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS85JTE1NTwAJgwHoAFMsLpQ__', 70003],
    ];
    for (const [what, usersig, code] of cases) {
      const r = await h.post('group_open_http_svc/get_appid_group_list', {}, { usersig });
      expect({ what, code: r.ErrorCode, status: r.ActionStatus }).toEqual({ what, code, status: code === 0 ? 'OK' : 'FAIL' });
    }
    // tls-sig-api-v2 stamps the real time: the expiry is judged on the wall clock the emulator is given
    const short = new Api(SDKAPPID, KEY).genUserSig('administrator', 60);
    wall = Math.floor(Date.now() / 1000) + 3600;
    expect((await h.post('group_open_http_svc/get_appid_group_list', {}, { usersig: short })).ErrorCode).toBe(70001);
  });
  it('without a secret key any usersig passes, but the identifier must still be an app admin (60010)', async () => {
    h = await startHarness({ admins: ['administrator', 'ops'] });
    expect((await h.post('group_open_http_svc/get_appid_group_list', {}, { identifier: 'ops' })).ErrorCode).toBe(0);
    const r = await h.post('group_open_http_svc/get_appid_group_list', {}, { identifier: 'leckie' });
    expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60010 });
  });
});

describe('bad requests: the documented code, HTTP 200, no state change', () => {
  it('query: no sdkappid 60012, another app 60006, contenttype not json 60002, no identifier or usersig 60004', async () => {
    h = await startHarness();
    await h.post('im_open_login_svc/account_import', { UserID: 'leckie' });
    const cases: Array<[Record<string, string | null>, number]> = [
      [{ sdkappid: null }, 60012],
      [{ sdkappid: '1400000001' }, 60006],
      [{ sdkappid: 'abc' }, 60006],
      [{ contenttype: 'xml' }, 60002],
      [{ contenttype: null }, 60002],
      [{ identifier: null }, 60004],
      [{ usersig: null }, 60004],
    ];
    for (const [query, code] of cases) {
      const r = await h.post('group_open_http_svc/create_group', createBody, query);
      expect({ query, code: r.ErrorCode, status: r.ActionStatus, info: typeof r.ErrorInfo }).toEqual({ query, code, status: 'FAIL', info: 'string' });
    }
    expect(await groupCount()).toBe(0);
  });
  it('path: an unknown command and a documented one the emulator does not implement are 60002, naming the command', async () => {
    h = await startHarness();
    const unknown = await h.post('group_open_http_svc/make_coffee', {});
    expect(unknown).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(unknown.ErrorInfo).toContain('group_open_http_svc/make_coffee');
    const unimplemented = await h.post('group_open_http_svc/send_group_msg', { GroupId: 'g', MsgBody: [] });
    expect(unimplemented.ErrorCode).toBe(60002);
    expect(unimplemented.ErrorInfo).toContain('send_group_msg');
    const res = await fetch(`${h.emu.url}/v4/group_open_http_svc/create_group?sdkappid=${SDKAPPID}&identifier=administrator&usersig=x&contenttype=json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ErrorCode: number }).ErrorCode).toBe(60002);
    const notV4 = await fetch(`${h.emu.url}/v5/x?sdkappid=${SDKAPPID}`, { method: 'POST', body: '{}' });
    expect(((await notV4.json()) as { ErrorCode: number }).ErrorCode).toBe(60002);
    // the shared HTTP base's own refusals come in the REST envelope too
    const dots = await fetch(`${h.emu.url}/v4/%2e%2e/create_group?sdkappid=${SDKAPPID}`, { method: 'POST', body: '{}' });
    expect(await dots.json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
  });
  it('body: not JSON or not an object 60003, missing or wrongly typed fields 10004, an account that is not a string 60015, too large 60002', async () => {
    h = await startHarness({ maxBodyBytes: 2048 });
    await h.post('im_open_login_svc/account_import', { UserID: 'leckie' });
    const cases: Array<[unknown, number, string]> = [
      ['{"Type": "Public",', 60003, 'not valid JSON'],
      ['', 60003, 'not valid JSON'],
      ['[1, 2]', 60003, 'JSON object'],
      ['"text"', 60003, 'JSON object'],
      [{ Type: 'Public' }, 10004, 'Name'],
      [{ ...createBody, Name: 7 }, 10004, 'Name'],
      [{ ...createBody, MaxMemberCount: 'many' }, 10004, 'MaxMemberCount'],
      [{ ...createBody, Type: 'Dungeon' }, 10004, 'type'],
      [{ ...createBody, Owner_Account: 42 }, 60015, 'Owner_Account'],
      [{ ...createBody, MemberList: [{ Member_Account: ['x'] }] }, 60015, 'Member_Account'],
      [{ ...createBody, AppDefinedData: [{ Key: 'k', Value: 'v' }] }, 10004, 'AppDefinedData'],
      [{ ...createBody, Introduction: 'x'.repeat(4096) }, 60002, 'larger than 2048'],
      // reserved keys are refused at any depth, as the SDK surface refuses them (A68), never dropped
      ['{"Owner_Account": "leckie", "Type": "Public", "Name": "G", "__proto__": {"Type": "Private"}}', 10004, '__proto__: is a reserved key'],
      [{ ...createBody, constructor: 1 }, 10004, 'constructor: is a reserved key'],
      [{ ...createBody, MemberList: [{ Member_Account: 'leckie', prototype: {} }] }, 10004, 'MemberList[0].prototype'],
    ];
    for (const [body, code, mentions] of cases) {
      const r = await h.post('group_open_http_svc/create_group', body);
      expect({ body: String(JSON.stringify(body)).slice(0, 60), code: r.ErrorCode, status: r.ActionStatus }).toEqual({ body: String(JSON.stringify(body)).slice(0, 60), code, status: 'FAIL' });
      expect(r.ErrorInfo).toContain(mentions);
    }
    expect(await groupCount()).toBe(0);
    // the emulator still answers after all of that
    expect((await h.post('group_open_http_svc/create_group', createBody)).ErrorCode).toBe(0);
  });
  it('a refusal by the simulator travels in the envelope with its code and rolls nothing half-way', async () => {
    h = await startHarness();
    await h.post('im_open_login_svc/account_import', { UserID: 'leckie' });
    const { GroupId } = await h.post('group_open_http_svc/create_group', createBody);
    const r = await h.post('group_open_http_svc/modify_group_base_info', { GroupId, Name: 'n'.repeat(31), Introduction: 'fine' });
    expect(r).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10004 });
    const info = (await h.post('group_open_http_svc/get_group_info', { GroupIdList: [GroupId] })).GroupInfo[0];
    expect(info).toMatchObject({ Name: 'TestGroup', Introduction: '' });
    expect((await h.post('group_open_http_svc/destroy_group', { GroupId: 'no-such-group' })).ErrorCode).toBe(10010);
  });
});
