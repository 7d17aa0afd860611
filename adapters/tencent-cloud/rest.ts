/**
 * The app admin on the live service: Tencent Cloud Chat's REST API
 * (`https://<domain>/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json`).
 *
 * Pure request builders (rest-build.ts) and response mappers (rest-map.ts), one pair per admin
 * command of the contract's surface, over the envelope of rest-envelope.ts, so they can be tested
 * against the documented request and response examples without a network; here, the URL and the
 * runners that put builder, transport and mapper together.
 *
 * Field names follow the REST pages of https://www.tencentcloud.com/document/product/1047 (one page
 * per command, cited at each builder).
 */
import { ChatError, ERR } from '../../simulator/core/errors';
import type { CallResult } from '../contract';
import { isCommunityID, TencentRestError, unique, type RestRequest, type RestResponse } from './rest-envelope';
import { build, type CreateGroupInput, type ModifyBaseInfoInput, type ModifyMemberInfoInput } from './rest-build';
import { map, type RestMember } from './rest-map';
import { IMPORT_RUNNERS } from './rest-import';
import { STORE_RUNNERS } from './rest-store';

export * from './rest-envelope';
export * from './rest-build';
export * from './rest-map';
export * from './rest-import';
export * from './rest-store';

export interface UrlParts {
  domain: string;
  /** A base URL (scheme, host, port) in place of https://<domain>: the REST emulator's, for example. */
  baseUrl?: string | undefined;
  sdkAppID: number;
  identifier: string;
  userSig: string;
  /** A random 32-bit unsigned integer (0 - 4294967295). */
  random: number;
}

/** The request URL: protocol HTTPS, method POST, JSON body ("RESTful API Overview"). */
export function restUrl(req: Pick<RestRequest, 'service' | 'command'>, p: UrlParts): string {
  const q = new URLSearchParams({
    sdkappid: String(p.sdkAppID),
    identifier: p.identifier,
    usersig: p.userSig,
    random: String(p.random),
    contenttype: 'json',
  });
  const base = p.baseUrl === undefined ? `https://${p.domain}` : p.baseUrl.replace(/\/+$/, '');
  return `${base}/v4/${req.service}/${req.command}?${q.toString()}`;
}

// ---- commands: builders, transport and mappers together ----

/** Sends one request and returns its checked envelope (the client in client.ts, or a fake in tests). */
export type Send = (req: RestRequest) => Promise<RestResponse>;

/** Communities have no Offset: their member pages follow the Next cursor, 100 members at a time. */
async function* communityPages(send: Send, groupID: string) {
  let next = '';
  do {
    const page = map.getGroupMemberInfo(await send(build.getGroupMemberInfo({ groupID, limit: 100, next })));
    yield page;
    next = page.next;
  } while (next !== '');
}

async function memberPage(send: Send, groupID: string, limit: number, offset: number) {
  if (!isCommunityID(groupID)) {
    const page = map.getGroupMemberInfo(await send(build.getGroupMemberInfo({ groupID, limit, offset })));
    return { memberNum: page.memberNum, memberList: page.memberList };
  }
  // walk the cursor until offset + limit members are known
  const all: RestMember[] = [];
  let memberNum = 0;
  for await (const page of communityPages(send, groupID)) {
    memberNum = page.memberNum;
    all.push(...page.memberList);
    if (all.length >= offset + limit) break;
  }
  return { memberNum, memberList: all.slice(offset, offset + limit) };
}

async function findMember(send: Send, groupID: string, userID: string): Promise<RestMember | undefined> {
  if (isCommunityID(groupID)) {
    // one walk of the cursor (a page at a time through memberPage would restart it for every page)
    for await (const page of communityPages(send, groupID)) {
      const m = page.memberList.find((x) => x.userID === userID);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  for (let offset = 0; ; offset += 200) {
    const page = await memberPage(send, groupID, 200, offset);
    const m = page.memberList.find((x) => x.userID === userID);
    if (m !== undefined || page.memberList.length < 200) return m;
  }
}

/** Most accounts one get_role_in_group names (1047/34963). */
const ROLE_QUERY_MAX = 500;

export interface AdminRunners {
  [name: string]: (send: Send, input: any) => Promise<unknown>;
}

/** Every admin command of the contract the simulator implements, on REST. */
export const ADMIN_RUNNERS = {
  createGroup: async (send: Send, o: CreateGroupInput) => map.createGroup(await send(build.createGroup(o)), o),
  destroyGroup: async (send: Send, o: { groupID: string }) => map.destroyGroup(await send(build.destroyGroup(o)), o),
  changeGroupOwner: async (send: Send, o: { groupID: string; newOwnerID: string }) => map.changeGroupOwner(await send(build.changeGroupOwner(o)), o),
  addGroupMember: async (send: Send, o: { groupID: string; userIDList: string[]; silence?: boolean }) => map.addGroupMember(await send(build.addGroupMember(o)), o),
  deleteGroupMember: async (send: Send, o: { groupID: string; userIDList: string[]; reason?: string; silence?: boolean }) =>
    map.deleteGroupMember(await send(build.deleteGroupMember(o)), o),
  modifyGroupBaseInfo: async (send: Send, o: ModifyBaseInfoInput) => map.modifyGroupBaseInfo(await send(build.modifyGroupBaseInfo(o)), o),
  /** REST answers with the envelope only: the member is read back for the simulator's `{member}`. */
  modifyGroupMemberInfo: async (send: Send, o: ModifyMemberInfoInput) => {
    await send(build.modifyGroupMemberInfo(o));
    const member = await findMember(send, o.groupID, o.userID);
    if (member === undefined) throw new TencentRestError(`modify_group_member_info succeeded but ${o.userID} is not listed by get_group_member_info`);
    return { member };
  },
  /**
   * REST answers with the envelope only; the simulator reports the members it muted, so the roles
   * are read first (get_role_in_group). An AVChatRoom has no role query (10007): every named user is
   * reported.
   */
  forbidSendMsg: async (send: Send, o: { groupID: string; userIDList: string[]; muteTime: number }) => {
    const ids = unique(o.userIDList);
    let members = ids;
    // past get_role_in_group's 500 accounts, forbid_send_msg (500 at most, too) gives the answer itself
    if (ids.length <= ROLE_QUERY_MAX) {
      try {
        const roles = map.getRoleInGroup(await send(build.getRoleInGroup({ groupID: o.groupID, userIDList: ids })), { userIDList: ids });
        members = roles.userIdList.filter((r) => r.role !== 'NotMember').map((r) => r.userID);
      } catch (e) {
        if (!(e instanceof ChatError && e.code === ERR.NO_PERMISSION)) throw e;
      }
    }
    await send(build.forbidSendMsg(o));
    return { userIDList: members };
  },
  importAccount: async (send: Send, o: { userID: string; nick?: string; avatar?: string }) => map.importAccount(await send(build.importAccount(o)), o),
  sendGroupSystemNotification: async (send: Send, o: { groupID: string; content: string; toMembers?: string[] }) =>
    map.sendGroupSystemNotification(await send(build.sendGroupSystemNotification(o)), o),
  getRoleInGroup: async (send: Send, o: { groupID: string; userIDList: string[] }) => map.getRoleInGroup(await send(build.getRoleInGroup(o)), o),
  getJoinedGroupList: async (send: Send, o: { userID: string; withHugeGroups?: boolean }) => map.getJoinedGroupList(await send(build.getJoinedGroupList(o))),
  getGroupInfo: async (send: Send, o: { groupID: string }) => map.getGroupInfo(await send(build.getGroupInfo(o)), o),
  getGroupMemberInfo: async (send: Send, o: { groupID: string; limit?: number; offset?: number }) =>
    memberPage(send, o.groupID, Math.min(o.limit ?? 100, 200), o.offset ?? 0),
  // imports, account deletion, kick and the AVChatRoom member list (rest-import.ts)
  ...IMPORT_RUNNERS,
  // group attributes, counters and AVChatRoom bans (rest-store.ts)
  ...STORE_RUNNERS,
} satisfies AdminRunners;

export type AdminCommand = keyof typeof ADMIN_RUNNERS;
export const ADMIN_COMMAND_NAMES = Object.keys(ADMIN_RUNNERS) as AdminCommand[];

export async function runAdmin(send: Send, name: AdminCommand, input: unknown): Promise<CallResult> {
  const runner = ADMIN_RUNNERS[name] as (send: Send, input: unknown) => Promise<unknown>;
  return { code: 0, data: await runner(send, input) };
}
