/**
 * The tencent-cloud adapter's group attribute, counter and ban commands (adapters/tencent-cloud/rest-store.ts)
 * against Tencent's documented examples: each builder produces the documented request from the
 * simulator admin's options, each mapper reads the documented response into the simulator's `data`,
 * and the runners that read state before or after send what they must.
 */
import { describe, expect, it } from 'vitest';
import { STORE_RUNNERS, storeBuild, storeMap, type RestRequest, type RestResponse } from '../../adapters/tencent-cloud/rest';
import * as doc from './fixtures/rest-examples-store';

const body = (r: RestRequest) => r.body;

describe('request builders give the documented requests', () => {
  it('attributes: set_group_attr, delete_group_attr, clear_group_attr', () => {
    expect(body(storeBuild.writeGroupAttr('set_group_attr', { groupID: '@TGS#aC5SZEAEF', groupAttributes: { attr_key: 'attr_val', attr_key1: 'attr_val1' } }))).toEqual(doc.setGroupAttr.request);
    expect(body(storeBuild.deleteGroupAttr({ groupID: '@TGS#aC5SZEAEF', keyList: ['attr_key', 'attr_key1'] }))).toEqual(doc.deleteGroupAttr.request);
    expect(body(storeBuild.clearGroupAttr({ groupID: '@TGS#aC5SZEAEF' }))).toEqual(doc.clearGroupAttr.request);
  });
  it('counters: update_group_counter, delete_group_counter, get_group_counter', () => {
    expect(body(storeBuild.updateGroupCounter({ groupID: '@TGS#aC5SZEAEF', counters: { like: 5, unlike: 1 }, mode: 'Set' }))).toEqual(doc.updateGroupCounter.request);
    expect(body(storeBuild.groupCounterKeys('delete_group_counter', { groupID: '@TGS#aC5SZEAEF', keyList: ['like', 'unlike'] }))).toEqual(doc.deleteGroupCounter.request);
    expect(body(storeBuild.groupCounterKeys('get_group_counter', { groupID: '@TGS#aC5SZEAEF', keyList: ['like', 'unlike'] }))).toEqual(doc.getGroupCounter.request);
  });
  it('bans: ban_group_member, unban_group_member, get_group_ban_member', () => {
    const r = doc.banGroupMember.request;
    expect(body(storeBuild.banGroupMember({ groupID: r.GroupId, userIDList: r.Members_Account, duration: r.Duration, description: r.Description }))).toEqual(r);
    expect(body(storeBuild.unbanGroupMember({ groupID: '@TGS#aJRGC4MH6', userIDList: ['brennanli3', 'brennanli12'] }))).toEqual(doc.unbanGroupMember.request);
    expect(body(storeBuild.getGroupBanMember({ groupID: '@TGS#aJRGC4MH6', limit: 20, offset: 0 }))).toEqual(doc.getGroupBanMember.request);
  });
});

describe('response mappers read the documented responses', () => {
  it('update_group_counter and get_group_counter: the counters', () => {
    expect(storeMap.counters(doc.updateGroupCounter.response as RestResponse)).toEqual({ counters: { like: 5, unlike: 1 } });
    expect(storeMap.counters(doc.getGroupCounter.response as RestResponse)).toEqual({ counters: { like: 5, unlike: 1 } });
  });
  it('get_group_ban_member: each ban and NextOffset', () => {
    expect(storeMap.banPage(doc.getGroupBanMember.response as RestResponse)).toEqual({
      bannedList: [{ userID: 'brennanli1', bannedUntil: 1660875916 }, { userID: 'brennanli12', bannedUntil: 1660875916 }],
      nextOffset: 2,
    });
  });
});

describe('runners that read state around the write', () => {
  it('unban reads every page of bans first and reports only whose ban was running', async () => {
    const sent: RestRequest[] = [];
    const send = async (req: RestRequest): Promise<RestResponse> => {
      sent.push(req);
      if (req.command !== 'get_group_ban_member') return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } as RestResponse;
      const offset = (req.body as { Offset: number }).Offset;
      const page = offset === 0 ? { BannedAccountList: [{ Member_Account: 'a', BannedUntil: 1 }], NextOffset: 1 } : { BannedAccountList: [{ Member_Account: 'b', BannedUntil: 1 }], NextOffset: 0 };
      return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...page } as RestResponse;
    };
    expect(await STORE_RUNNERS.unbanGroupMember(send, { groupID: 'g', userIDList: ['b', 'c', 'b'] })).toEqual({ userIDList: ['b'] });
    expect(sent.map((r) => r.command)).toEqual(['get_group_ban_member', 'get_group_ban_member', 'unban_group_member']);
  });
  it('delete_group_counter reads the keys that exist first; a write of attributes reads them back', async () => {
    const sent: string[] = [];
    const send = async (req: RestRequest): Promise<RestResponse> => {
      sent.push(req.command);
      const extra = req.command === 'get_group_counter' ? { GroupCounter: [{ Key: 'like', Value: 5 }] } : req.command === 'get_group_attr' ? { GroupAttrAry: [{ key: 'k', value: 'v' }] } : {};
      return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...extra } as RestResponse;
    };
    expect(await STORE_RUNNERS.deleteGroupCounter(send, { groupID: 'g', keyList: ['like', 'gone'] })).toEqual({ keyList: ['like'] });
    expect(await STORE_RUNNERS.modifyGroupAttr(send, { groupID: 'g', groupAttributes: { k: 'v' } })).toEqual({ groupAttributes: { k: 'v' } });
    expect(sent).toEqual(['get_group_counter', 'delete_group_counter', 'modify_group_attr', 'get_group_attr']);
  });
});
