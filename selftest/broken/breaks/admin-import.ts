/** Breaks of the app admin's imports, account deletion, kick and AVChatRoom member list (issue 17). */
import type { Break } from '../decorate';
import { ok } from '../kit';
import { onAdminAnswer } from '../shapes';

export const ADMIN_IMPORT_BREAKS: Break[] = [
  {
    id: 'import-group-dated-now',
    rule: 'admin.import-group-keeps-its-history',
    description: 'REST import_group ignores CreateTime: the group is dated the moment of the import',
    interceptor: {
      admin(_ctx, method, arg, next) {
        if (method !== 'importGroup') return next();
        const { createTime: _dropped, ...rest } = arg as { createTime?: number };
        return next(rest);
      },
    },
  },
  {
    id: 'import-member-failure-reported-imported',
    rule: 'admin.import-group-member-results',
    description: 'REST import_group_member reports a member it could not import (Result 0) as imported (Result 1)',
    interceptor: onAdminAnswer('importGroupMember', (data) => ({ memberList: (data.memberList as Array<{ result: number }>).map((m) => (m.result === 0 ? { ...m, result: 1 } : m)) })),
  },
  {
    id: 'kick-ends-nothing',
    rule: 'admin.kick-ends-every-session',
    description: "REST kick answers OK but leaves the user's sessions logged in",
    interceptor: {
      admin(_ctx, method, arg, next) {
        return method === 'kick' ? Promise.resolve(ok({ userID: (arg as { userID: string }).userID })) : next();
      },
    },
  },
  {
    id: 'deleted-owner-groups-destroyed',
    rule: 'admin.deleted-account-leaves-its-groups',
    description: 'REST account_delete destroys the groups the deleted user owned, rather than leaving them to their other members',
    interceptor: {
      async admin(ctx, method, arg, next) {
        if (method === 'deleteAccounts') {
          for (const userID of (arg as { userIDList: string[] }).userIDList) {
            const joined = await ctx.admin.call('getJoinedGroupList', { userID });
            for (const { groupID } of joined.data.groupIdList as Array<{ groupID: string }>) {
              if ((await ctx.admin.call('getGroupInfo', { groupID })).data.ownerID === userID) await ctx.admin.call('destroyGroup', { groupID });
            }
          }
        }
        return next();
      },
    },
  },
  {
    id: 'avchatroom-member-list-empty',
    rule: 'admin.avchatroom-member-list',
    description: 'REST get_members answers an empty member list',
    interceptor: onAdminAnswer('getAVChatRoomMembers', (data) => ({ ...data, memberList: [] })),
  },
];
