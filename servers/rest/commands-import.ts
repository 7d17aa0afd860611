/**
 * The migration, account-removal and AVChatRoom-list commands, each a translation of the REST body
 * into one app-admin command of the simulator (simulator/core/admin-import.ts) and of its result
 * back into REST fields. Field names are those of Tencent's pages, cited per command.
 */
import { z } from 'zod';
import { account, admin, defined, fromPairs, groupId, int, keyValues, refuseUnmodelled, spec, text, type CommandSpec } from './fields';
import { REST_ERR } from './codes';
import { GROUP_CREATION_FIELDS, groupCreationOptions } from './commands-write';
import { DELETE_ACCOUNTS_MAX } from '../../simulator/core/admin-import-schemas';

/** account_delete's ResultInfo for an account that does not exist, as the documented example gives it. */
export const ACCOUNT_NOT_EXIST_INFO = 'Err_TLS_PT_Open_Login_Account_Not_Exist';

export const IMPORT_COMMANDS: Record<string, CommandSpec> = {
  /**
   * import_group (1047/34967): "import group data without triggering callbacks or delivering
   * notifications"; CreateTime dates the group. Every documented field is modelled.
   */
  'group_open_http_svc/import_group': spec(
    z.object({ ...GROUP_CREATION_FIELDS, AppDefinedData: keyValues.optional(), CreateTime: int.optional() }),
    async (ctx, b) => {
      const r = await admin<{ groupID: string }>(ctx, 'importGroup', defined({
        ...groupCreationOptions(b),
        groupCustomField: fromPairs(b.AppDefinedData),
        createTime: b.CreateTime,
      }));
      return { GroupId: r.groupID };
    },
  ),
  /**
   * import_group_member (1047/34969): Member_Account, Role ("Currently, only Admin is supported"),
   * JoinTime, UnreadMsgNum (accepted; no messages are modelled, so it clamps to 0 as documented).
   * Result per member: 0 failed, 1 imported, 2 already a member.
   */
  'group_open_http_svc/import_group_member': spec(
    z.object({
      GroupId: groupId,
      MemberList: z.array(z.object({ Member_Account: account, Role: text.optional(), JoinTime: int.optional(), UnreadMsgNum: int.optional() })).min(1, 'must name at least one member'),
    }),
    async (ctx, b) => {
      const r = await admin<{ memberList: Array<{ userID: string; result: number }> }>(ctx, 'importGroupMember', {
        groupID: b.GroupId,
        memberList: b.MemberList.map((m) => defined({ userID: m.Member_Account, role: m.Role, joinTime: m.JoinTime, unreadMsgNum: m.UnreadMsgNum })),
      });
      return { MemberList: r.memberList.map((m) => ({ Member_Account: m.userID, Result: m.result })) };
    },
  ),
  /**
   * account_delete (1047/34955): up to 100 accounts; per account ResultCode 0, or 70107 with
   * ResultInfo "Err_TLS_PT_Open_Login_Account_Not_Exist" for one that does not exist.
   */
  'im_open_login_svc/account_delete': spec(
    z.object({ DeleteItem: z.array(z.object({ UserID: account })).min(1, 'must name at least one account').max(DELETE_ACCOUNTS_MAX, `names at most ${DELETE_ACCOUNTS_MAX} accounts`) }),
    async (ctx, b) => {
      const r = await admin<{ resultList: Array<{ userID: string; deleted: boolean }> }>(ctx, 'deleteAccounts', { userIDList: b.DeleteItem.map((d) => d.UserID) });
      return {
        ResultItem: r.resultList.map((x) => (x.deleted ? { ResultCode: 0, ResultInfo: '', UserID: x.userID } : { ResultCode: REST_ERR.ACCOUNT_NOT_IMPORTED, ResultInfo: ACCOUNT_NOT_EXIST_INFO, UserID: x.userID })),
      };
    },
  ),
  /** kick (1047/34957): "invalidate the login state ... of an app account"; one account per call. */
  'im_open_login_svc/kick': spec(z.object({ UserID: account }), async (ctx, b) => {
    await admin(ctx, 'kick', { userID: b.UserID });
    return {};
  }),
  /**
   * get_members (1047/50293): `{"GroupId", "Timestamp": 0}`; answers MemberList (Member_Account,
   * JoinTime, NickName, Avatar) and NextTimestamp, 0 when the list is complete. Member marks
   * (`Mark`) are not modelled: refused with 10004.
   */
  'group_open_avchatroom_http_svc/get_members': spec(z.object({ GroupId: groupId, Timestamp: int.nonnegative() }).passthrough(), async (ctx, b) => {
    refuseUnmodelled(b, ['Mark'], 'get_members');
    const r = await admin<{ memberList: Array<{ userID: string; nick: string; avatar: string; joinTime: number }>; nextTimestamp: number }>(ctx, 'getAVChatRoomMembers', { groupID: b.GroupId, timestamp: b.Timestamp });
    return { MemberList: r.memberList.map((m) => ({ JoinTime: m.joinTime, Member_Account: m.userID, NickName: m.nick, Avatar: m.avatar })), NextTimestamp: r.nextTimestamp };
  }),
};
