/**
 * The app admin's group attribute, counter and AVChatRoom ban commands on the live service: for
 * each, the REST request of the page cited and the mapping back to exactly the `data` the
 * simulator's admin returns (simulator/core/admin-store.ts). Where REST answers with the envelope
 * only and the simulator reports more (the attributes after a write, the counters deleted, the bans
 * lifted), the state is read before or after with the matching get command.
 */
import { arr, num, obj, str, unique, type RestRequest, type RestResponse } from './rest-envelope';

type Send = (req: RestRequest) => Promise<RestResponse>;

const G = 'group_open_http_svc' as const;

export const storeBuild = {
  /** modify_group_attr (1047/44188) and set_group_attr (1047/44190): `GroupAttr` [{key, value}]. */
  writeGroupAttr(command: 'modify_group_attr' | 'set_group_attr', o: { groupID: string; groupAttributes: Record<string, string> }): RestRequest {
    return { service: G, command, body: { GroupId: o.groupID, GroupAttr: Object.entries(o.groupAttributes).map(([key, value]) => ({ key, value })) } };
  },
  /** delete_group_attr (1047/59499): `GroupAttr` [{key}]. */
  deleteGroupAttr(o: { groupID: string; keyList: string[] }): RestRequest {
    return { service: G, command: 'delete_group_attr', body: { GroupId: o.groupID, GroupAttr: unique(o.keyList).map((key) => ({ key })) } };
  },
  /** clear_group_attr (1047/44189). */
  clearGroupAttr(o: { groupID: string }): RestRequest {
    return { service: G, command: 'clear_group_attr', body: { GroupId: o.groupID } };
  },
  /** get_group_attr (1047/44187), at the path Tencent's own Java client calls (its page gives group_open_attr_http_svc). */
  getGroupAttr(o: { groupID: string }): RestRequest {
    return { service: G, command: 'get_group_attr', body: { GroupId: o.groupID } };
  },
  /** update_group_counter (1047/53428): `GroupCounter` [{Key, Value}], `Mode` Set/Increase/Decrease. */
  updateGroupCounter(o: { groupID: string; counters: Record<string, number>; mode?: string | undefined }): RestRequest {
    return { service: G, command: 'update_group_counter', body: { GroupId: o.groupID, GroupCounter: Object.entries(o.counters).map(([Key, Value]) => ({ Key, Value })), Mode: o.mode ?? 'Set' } };
  },
  /** delete_group_counter (1047/53429) and get_group_counter (1047/53427): `GroupCounterKeys`, none for all. */
  groupCounterKeys(command: 'delete_group_counter' | 'get_group_counter', o: { groupID: string; keyList?: string[] | undefined }): RestRequest {
    return { service: G, command, body: o.keyList === undefined || o.keyList.length === 0 ? { GroupId: o.groupID } : { GroupId: o.groupID, GroupCounterKeys: o.keyList } };
  },
  /** ban_group_member (1047/50296). */
  banGroupMember(o: { groupID: string; userIDList: string[]; duration: number; description?: string | undefined }): RestRequest {
    const body: Record<string, unknown> = { GroupId: o.groupID, Members_Account: o.userIDList, Duration: o.duration };
    if (o.description !== undefined) body.Description = o.description;
    return { service: G, command: 'ban_group_member', body };
  },
  /** unban_group_member (1047/50297). */
  unbanGroupMember(o: { groupID: string; userIDList: string[] }): RestRequest {
    return { service: G, command: 'unban_group_member', body: { GroupId: o.groupID, Members_Account: o.userIDList } };
  },
  /** get_group_ban_member (1047/50295): `Limit` at most 100, `Offset` from `NextOffset`. */
  getGroupBanMember(o: { groupID: string; limit?: number | undefined; offset?: number | undefined }): RestRequest {
    return { service: G, command: 'get_group_ban_member', body: { GroupId: o.groupID, Limit: o.limit ?? 100, Offset: o.offset ?? 0 } };
  },
};

export const storeMap = {
  /** `GroupAttrAry` [{key, value}] as `{groupAttributes}`. */
  groupAttributes(res: RestResponse) {
    return { groupAttributes: Object.fromEntries(arr(res.GroupAttrAry).map((e) => [str(obj(e).key), str(obj(e).value)])) };
  },
  /** `GroupCounter` [{Key, Value}] as `{counters}`. */
  counters(res: RestResponse) {
    return { counters: Object.fromEntries(arr(res.GroupCounter).map((e) => [str(obj(e).Key), num(obj(e).Value)])) };
  },
  /** `BannedAccountList` [{Member_Account, BannedUntil}] and `NextOffset`. */
  banPage(res: RestResponse) {
    return {
      bannedList: arr(res.BannedAccountList).map((e) => ({ userID: str(obj(e).Member_Account), bannedUntil: num(obj(e).BannedUntil) })),
      nextOffset: num(res.NextOffset),
    };
  },
};

const attrsAfter = async (send: Send, groupID: string) => storeMap.groupAttributes(await send(storeBuild.getGroupAttr({ groupID })));

/** Every running ban of a room, page by page. */
async function allBans(send: Send, groupID: string): Promise<Array<{ userID: string }>> {
  const out: Array<{ userID: string }> = [];
  for (let offset = 0; ; ) {
    const page = storeMap.banPage(await send(storeBuild.getGroupBanMember({ groupID, limit: 100, offset })));
    out.push(...page.bannedList);
    if (page.nextOffset === 0 || page.bannedList.length === 0) return out;
    offset = page.nextOffset;
  }
}

/** The runners, by the simulator admin's command name (rest.ts adds them to ADMIN_RUNNERS). */
export const STORE_RUNNERS = {
  modifyGroupAttr: async (send: Send, o: { groupID: string; groupAttributes: Record<string, string> }) => {
    await send(storeBuild.writeGroupAttr('modify_group_attr', o));
    return attrsAfter(send, o.groupID);
  },
  setGroupAttr: async (send: Send, o: { groupID: string; groupAttributes: Record<string, string> }) => {
    await send(storeBuild.writeGroupAttr('set_group_attr', o));
    return attrsAfter(send, o.groupID);
  },
  deleteGroupAttr: async (send: Send, o: { groupID: string; keyList: string[] }) => {
    await send(storeBuild.deleteGroupAttr(o));
    return { keyList: unique(o.keyList) };
  },
  clearGroupAttr: async (send: Send, o: { groupID: string }) => {
    await send(storeBuild.clearGroupAttr(o));
    return attrsAfter(send, o.groupID);
  },
  getGroupAttr: async (send: Send, o: { groupID: string }) => attrsAfter(send, o.groupID),
  updateGroupCounter: async (send: Send, o: { groupID: string; counters: Record<string, number>; mode?: string }) =>
    storeMap.counters(await send(storeBuild.updateGroupCounter(o))),
  /** REST answers the envelope only; the simulator reports the keys that existed, so they are read first. */
  deleteGroupCounter: async (send: Send, o: { groupID: string; keyList?: string[] }) => {
    const existing = storeMap.counters(await send(storeBuild.groupCounterKeys('get_group_counter', o))).counters;
    await send(storeBuild.groupCounterKeys('delete_group_counter', o));
    return { keyList: Object.keys(existing) };
  },
  getGroupCounter: async (send: Send, o: { groupID: string; keyList?: string[] }) => storeMap.counters(await send(storeBuild.groupCounterKeys('get_group_counter', o))),
  banGroupMember: async (send: Send, o: { groupID: string; userIDList: string[]; duration: number; description?: string }) => {
    await send(storeBuild.banGroupMember(o));
    return { userIDList: unique(o.userIDList) };
  },
  /** REST answers the envelope only; the simulator reports whose running ban was lifted, so the bans are read first. */
  unbanGroupMember: async (send: Send, o: { groupID: string; userIDList: string[] }) => {
    const running = new Set((await allBans(send, o.groupID)).map((b) => b.userID));
    await send(storeBuild.unbanGroupMember(o));
    return { userIDList: unique(o.userIDList).filter((id) => running.has(id)) };
  },
  getGroupBanMember: async (send: Send, o: { groupID: string; limit?: number; offset?: number }) => storeMap.banPage(await send(storeBuild.getGroupBanMember(o))),
};

/** The REST command each runner stands for (`service/command`): what request counts are checked against. */
export const STORE_PATHS: Record<keyof typeof STORE_RUNNERS, string> = {
  modifyGroupAttr: `${G}/modify_group_attr`,
  setGroupAttr: `${G}/set_group_attr`,
  deleteGroupAttr: `${G}/delete_group_attr`,
  clearGroupAttr: `${G}/clear_group_attr`,
  getGroupAttr: `${G}/get_group_attr`,
  updateGroupCounter: `${G}/update_group_counter`,
  deleteGroupCounter: `${G}/delete_group_counter`,
  getGroupCounter: `${G}/get_group_counter`,
  banGroupMember: `${G}/ban_group_member`,
  unbanGroupMember: `${G}/unban_group_member`,
  getGroupBanMember: `${G}/get_group_ban_member`,
};
