/**
 * The group commands that read (`v4/group_open_http_svc/get_*`). Where the simulator's admin has
 * the command (get_group_info, get_group_member_info, get_role_in_group, get_joined_group_list,
 * get_group_attr, get_group_counter) its answer is translated; the other reads (group list of the
 * app, online count, muted members) project the state directly, read-only, after the admin's own
 * lookup has refused a missing group with the simulator's code.
 */
import { z } from 'zod';
import { ERR, isCodedError } from '../../simulator/core/errors';
import type { GroupRecord } from '../../simulator/core/state';
import type { GroupMemberView } from '../../simulator/core/views';
import { RestFault } from './codes';
import { account, admin, flag, groupId, int, nowSeconds, pairs, readGroup, spec, text, type CommandContext, type CommandSpec, type Fields } from './fields';

const names = z.array(z.string());

/** A member as get_group_member_info and get_group_info list it (1047/34948). */
function restMember(m: GroupMemberView): Fields {
  return {
    Member_Account: m.userID,
    Role: m.role,
    JoinTime: m.joinTime,
    MsgSeq: 0,
    MsgFlag: 'AcceptAndNotify',
    LastSendMsgTime: 0,
    MuteUntil: m.muteUntil,
    NameCard: m.nameCard,
    AppMemberDefinedData: pairs(m.memberCustomField),
  };
}

function pick(o: Fields, keys: readonly string[] | undefined, always: readonly string[]): Fields {
  if (keys === undefined) return o;
  const wanted = new Set([...keys, ...always]);
  return Object.fromEntries(Object.entries(o).filter(([k]) => wanted.has(k)));
}

/** Every member, in pages of the admin's largest page. */
async function allMembers(ctx: CommandContext, groupID: string): Promise<GroupMemberView[]> {
  const out: GroupMemberView[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await admin<{ memberList: GroupMemberView[] }>(ctx, 'getGroupMemberInfo', { groupID, limit: 200, offset });
    out.push(...page.memberList);
    if (page.memberList.length < 200) return out;
  }
}

/** The base fields of a group as get_group_info answers them (1047/34961). */
function baseInfo(ctx: CommandContext, g: GroupRecord): Fields {
  return {
    Type: g.type,
    Name: g.name,
    Appid: ctx.sdkAppID,
    Introduction: g.introduction,
    Notification: g.notification,
    FaceUrl: g.avatar,
    Owner_Account: g.ownerID,
    CreateTime: g.createTime,
    InfoSeq: g.infoSequence,
    LastInfoTime: g.lastInfoTime,
    LastMsgTime: 0,
    NextMsgSeq: g.nextMessageSeq,
    MemberNum: g.members.size,
    MaxMemberNum: Number.isFinite(g.maxMemberCount) ? g.maxMemberCount : 0,
    ApplyJoinOption: g.joinOption,
    InviteJoinOption: g.inviteOption,
    MuteAllMember: g.muteAllMembers ? 'On' : 'Off',
    SupportTopic: g.isSupportTopic ? 1 : 0,
    AppDefinedData: pairs(g.groupCustomField),
  };
}

const GroupInfoBody = z.object({
  GroupIdList: z.array(groupId).min(1, 'must name at least one group').max(50, 'names at most 50 groups'),
  ResponseFilter: z.object({
    GroupBaseInfoFilter: names.optional(),
    MemberInfoFilter: names.optional(),
    AppDefinedDataFilter_Group: names.optional(),
    AppDefinedDataFilter_GroupMember: names.optional(),
  }).optional(),
});

async function groupInfo(ctx: CommandContext, groupID: string, filter: z.infer<typeof GroupInfoBody>['ResponseFilter']): Promise<Fields> {
  let g: GroupRecord;
  try {
    g = await readGroup(ctx, groupID);
  } catch (e) {
    // each group carries its own code; the request as a whole still succeeds
    if (isCodedError(e)) return { GroupId: groupID, ErrorCode: e.code, ErrorInfo: e.message };
    throw e;
  }
  const base = baseInfo(ctx, g);
  if (filter?.AppDefinedDataFilter_Group !== undefined) {
    const keys = new Set(filter.AppDefinedDataFilter_Group);
    base.AppDefinedData = g.groupCustomField.filter((f) => keys.has(f.key)).map((f) => ({ Key: f.key, Value: f.value }));
  }
  const out: Fields = { GroupId: g.groupID, ErrorCode: 0, ErrorInfo: '', ...pick(base, filter?.GroupBaseInfoFilter, []) };
  // an AVChatRoom stores no member profiles; with a filter, members come only when asked for
  const wantMembers = g.type !== 'AVChatRoom' && (filter === undefined || filter.MemberInfoFilter !== undefined);
  if (wantMembers) out.MemberList = (await allMembers(ctx, g.groupID)).map((m) => pick(restMember(m), filter?.MemberInfoFilter, ['Member_Account']));
  return out;
}

function rows<T>(list: T[], offset: number | undefined, limit: number | undefined): T[] {
  const from = offset ?? 0;
  return limit === undefined || limit === 0 ? list.slice(from) : list.slice(from, from + limit);
}

export const READ_COMMANDS: Record<string, CommandSpec> = {
  /** get_group_info (1047/34961): OK at the top, each group with its own ErrorCode. */
  'group_open_http_svc/get_group_info': spec(GroupInfoBody, async (ctx, b) => {
    const GroupInfo = [];
    for (const id of b.GroupIdList) GroupInfo.push(await groupInfo(ctx, id, b.ResponseFilter));
    return { GroupInfo };
  }),
  /** get_group_member_info (1047/34948): Limit/Offset, or Limit/Next for a Community. */
  'group_open_http_svc/get_group_member_info': spec(
    z.object({ GroupId: groupId, Limit: int.nonnegative().optional(), Offset: int.nonnegative().optional(), Next: text.optional(), MemberInfoFilter: names.optional() }).passthrough(),
    async (ctx, b) => {
      for (const f of ['MemberRoleFilter', 'AppDefinedDataFilter_GroupMember']) {
        if (b[f] !== undefined) throw new RestFault(ERR.INVALID_PARAMETER, `Invalid parameter (${f}: documented for get_group_member_info but not emulated by groupspec)`);
      }
      const g = await readGroup(ctx, b.GroupId);
      const community = g.type === 'Community';
      const limit = Math.min(b.Limit === undefined || b.Limit === 0 ? 100 : b.Limit, community ? 100 : 200);
      if (community && b.Next !== undefined && b.Next !== '' && !/^\d+$/.test(b.Next)) throw new RestFault(ERR.INVALID_PARAMETER, 'Invalid parameter (Next: not a cursor this group gave)');
      const offset = community ? Number(b.Next === undefined || b.Next === '' ? 0 : b.Next) : (b.Offset ?? 0);
      const page = await admin<{ memberNum: number; memberList: GroupMemberView[] }>(ctx, 'getGroupMemberInfo', { groupID: g.groupID, limit, offset });
      const out: Fields = { MemberNum: page.memberNum, MemberList: page.memberList.map((m) => pick(restMember(m), b.MemberInfoFilter, ['Member_Account'])) };
      if (community) out.Next = offset + page.memberList.length < page.memberNum && page.memberList.length > 0 ? String(offset + page.memberList.length) : '';
      return out;
    },
  ),
  /** get_role_in_group (1047/34963). */
  'group_open_http_svc/get_role_in_group': spec(z.object({ GroupId: groupId, User_Account: z.array(account).min(1, 'must name at least one account') }), async (ctx, b) => {
    const r = await admin<{ userIdList: Array<{ userID: string; role: string }> }>(ctx, 'getRoleInGroup', { groupID: b.GroupId, userIDList: b.User_Account });
    return { UserIdList: r.userIdList.map((u) => ({ Member_Account: u.userID, Role: u.role })) };
  }),
  /** get_joined_group_list (1047/34925): GroupId per group, plus the fields the filters ask for. */
  'group_open_http_svc/get_joined_group_list': spec(
    z.object({
      Member_Account: account,
      WithHugeGroups: flag.optional(),
      WithNoActiveGroups: flag.optional(),
      Limit: int.nonnegative().optional(),
      Offset: int.nonnegative().optional(),
      GroupType: text.optional(),
      ResponseFilter: z.object({ GroupBaseInfoFilter: names.optional(), SelfInfoFilter: names.optional() }).optional(),
    }),
    async (ctx, b) => {
      const r = await admin<{ groupIdList: Array<{ groupID: string }> }>(ctx, 'getJoinedGroupList', { userID: b.Member_Account, withHugeGroups: b.WithHugeGroups === 1 });
      const s = ctx.service.state;
      const groups = r.groupIdList.map((x) => s.groups.get(x.groupID)!).filter((g) => b.GroupType === undefined || g.type === b.GroupType);
      const GroupIdList = rows(groups, b.Offset, b.Limit).map((g) => {
        const row: Fields = { GroupId: g.groupID, ...pick(baseInfo(ctx, g), b.ResponseFilter?.GroupBaseInfoFilter ?? [], []) };
        const self = g.members.get(b.Member_Account);
        if (b.ResponseFilter?.SelfInfoFilter !== undefined && self !== undefined) {
          row.SelfInfo = pick({ Role: self.role, JoinTime: self.joinTime, MsgFlag: 'AcceptAndNotify', NameCard: self.nameCard, MuteUntil: g.muted.get(self.userID) ?? 0 }, b.ResponseFilter.SelfInfoFilter, []);
        }
        return row;
      });
      return { TotalCount: groups.length, GroupIdList };
    },
  ),
  /** get_appid_group_list (1047/34914): every group of the app, paged by Next. */
  'group_open_http_svc/get_appid_group_list': spec(
    z.object({ Limit: int.positive().max(10000).optional(), Next: int.nonnegative().optional(), GroupType: text.optional() }),
    async (ctx, b) => {
      const all = [...ctx.service.state.groups.values()].filter((g) => b.GroupType === undefined || g.type === b.GroupType);
      const from = b.Next ?? 0;
      const page = all.slice(from, from + (b.Limit ?? 10000));
      const next = from + page.length < all.length ? from + page.length : 0;
      return { TotalCount: all.length, GroupIdList: page.map((g) => ({ GroupId: g.groupID })), Next: next };
    },
  ),
  /** get_online_member_num (1047/34954): members with at least one device logged in. */
  'group_open_http_svc/get_online_member_num': spec(z.object({ GroupId: groupId }), async (ctx, b) => {
    const g = await readGroup(ctx, b.GroupId);
    let online = 0;
    for (const userID of ctx.service.state.sessions.keys()) if (g.members.has(userID)) online++;
    return { OnlineMemberNum: online };
  }),
  /** get_group_muted_account (1047/34952; get_group_shutted_uin is its older name): members muted now. */
  'group_open_http_svc/get_group_muted_account': spec(z.object({ GroupId: groupId }), async (ctx, b) => mutedList(ctx, b.GroupId)),
  'group_open_http_svc/get_group_shutted_uin': spec(z.object({ GroupId: groupId }), async (ctx, b) => mutedList(ctx, b.GroupId)),
  /** get_group_attr (1047/44404), at the path Tencent's docs give and at the one its Java client calls. */
  'group_open_attr_http_svc/get_group_attr': spec(z.object({ GroupId: groupId }), async (ctx, b) => groupAttributes(ctx, b.GroupId)),
  'group_open_http_svc/get_group_attr': spec(z.object({ GroupId: groupId }), async (ctx, b) => groupAttributes(ctx, b.GroupId)),
  /** get_group_counter (1047/53427): every counter, or the keys asked for; not in Communities (the admin's getGroupCounter). */
  'group_open_http_svc/get_group_counter': spec(z.object({ GroupId: groupId, GroupCounterKeys: names.optional() }), async (ctx, b) => {
    const r = await admin<{ counters: Record<string, number> }>(ctx, 'getGroupCounter', { groupID: b.GroupId, ...(b.GroupCounterKeys === undefined ? {} : { keyList: b.GroupCounterKeys }) });
    return { GroupCounter: Object.entries(r.counters).map(([Key, Value]) => ({ Key, Value })) };
  }),
};

async function mutedList(ctx: CommandContext, groupID: string): Promise<Fields> {
  const g = await readGroup(ctx, groupID);
  const now = nowSeconds(ctx);
  const list = [...g.muted].filter(([id, until]) => until > now && g.members.has(id)).map(([id, until]) => ({ Member_Account: id, ShuttedUntil: until }));
  return { ShuttedUinList: list };
}

async function groupAttributes(ctx: CommandContext, groupID: string): Promise<Fields> {
  const r = await admin<{ groupAttributes: Record<string, string> }>(ctx, 'getGroupAttr', { groupID });
  return { GroupAttrAry: Object.entries(r.groupAttributes).map(([key, value]) => ({ key, value })) };
}

