/** Breaks of the invite area: who may add members, by type and invite option, and what an addition reports. */
import type { CallResult, Session } from '../../../adapters/contract';
import { attempt, refusal, type Break, type BreakContext, type Interceptor } from '../decorate';
import { addBehindTheScenes, groupInfo, groupOf, isFailure, isMessage, liveSession, ok, roleOf } from '../kit';
import { hideOnCall, onAdminRefusal, onAnswer, onRefusal, refuseWith } from '../shapes';

/** Facts about an SDK addGroupMember call: the group, its type and invite option, the caller's role. */
async function addition(ctx: BreakContext, userID: string, method: string, arg: unknown) {
  if (method !== 'addGroupMember') return undefined;
  const groupID = groupOf(arg);
  const info = await groupInfo(ctx, groupID);
  if (info === undefined) return undefined;
  const userIDList = ((arg as { userIDList?: unknown } | undefined)?.userIDList ?? []) as string[];
  return { groupID: groupID!, type: info.type as string, inviteOption: info.inviteOption as string, role: await roleOf(ctx, groupID, userID), userIDList };
}

type Addition = NonNullable<Awaited<ReturnType<typeof addition>>>;

/** An SDK addGroupMember that `when` picks is answered by `answer` instead of performed. */
function onAddition(when: (a: Addition) => boolean, answer: (ctx: BreakContext, s: Session, a: Addition) => Promise<CallResult>): Interceptor {
  return {
    async call(ctx, s, method, arg, next) {
      const a = await addition(ctx, s.userID, method, arg);
      return a !== undefined && when(a) ? answer(ctx, s, a) : next();
    },
  };
}

/** The users are added at once, behind the scenes, whatever the rules say. */
const addsDirectly = (ctx: BreakContext, s: Session, a: Addition): Promise<CallResult> => addBehindTheScenes(ctx, s, a.groupID, a.userIDList);

export const INVITE_BREAKS: Break[] = [
  {
    id: 'work-member-cannot-invite',
    rule: 'invite.work-any-member-invites',
    description: 'an ordinary member of a Work group is refused (10007) when adding a user; only the owner may',
    interceptor: onAddition((a) => a.type === 'Private' && a.role === 'Member', refuseWith(10007, 'Insufficient operation permission (groupID: only the owner adds members)')),
  },
  {
    id: 'owner-invites-despite-disable-invite',
    rule: 'invite.public-and-meeting-need-invite-option',
    description: 'the owner of a Public or Meeting group whose inviteOption is DisableInvite adds users directly',
    interceptor: onAddition((a) => (a.type === 'Public' || a.type === 'ChatRoom') && a.inviteOption === 'DisableInvite' && a.role === 'Owner', addsDirectly),
  },
  {
    id: 'app-admin-adds-to-avchatroom',
    rule: 'invite.nobody-invites-into-avchatroom',
    description: 'the app admin puts users into an AVChatRoom (they enter the room) instead of being refused with 10007',
    interceptor: onAdminRefusal('addGroupMember', 10007, async ({ ctx, arg }) => {
      const groupID = groupOf(arg);
      if ((await groupInfo(ctx, groupID))?.type !== 'AVChatRoom') return undefined;
      const users = (arg as { userIDList?: string[] } | undefined)?.userIDList ?? [];
      for (const u of users) await attempt(liveSession(ctx, u)?.call('joinGroup', { groupID }) ?? Promise.reject(refusal(10007, 'not logged in')));
      return ok({ memberList: users.map((userID) => ({ userID, result: 1 })) });
    }),
  },
  {
    id: 'community-member-cannot-invite',
    rule: 'invite.community-any-member-invites',
    description: 'an ordinary member of a Community is refused (10007) when adding a user',
    interceptor: onAddition((a) => a.type === 'Community' && a.role === 'Member', refuseWith(10007, 'Insufficient operation permission (groupID: only the owner and admins add members)')),
  },
  {
    id: 'free-access-invite-held',
    rule: 'invite.free-access-option-lets-members-invite',
    description: "an ordinary member's addition to a Public or Meeting group with inviteOption FreeAccess adds nobody (it answers as if held for approval)",
    interceptor: onAddition(
      (a) => (a.type === 'Public' || a.type === 'ChatRoom') && a.inviteOption === 'FreeAccess' && a.role === 'Member',
      async () => ok({ successUserIDList: [], failureUserIDList: [], existedUserIDList: [], overLimitUserIDList: [] }),
    ),
  },
  {
    id: 'need-permission-invite-added-directly',
    rule: 'invite.need-permission-option-holds-member-invites-for-approval',
    description: "an ordinary member's invitee into a group with inviteOption NeedPermission is added at once, without approval",
    interceptor: onAddition((a) => a.inviteOption === 'NeedPermission' && a.role === 'Member', addsDirectly),
  },
  {
    id: 'community-owner-invites-despite-disable-invite',
    rule: 'invite.disable-invite-option-forbids-invites',
    description: 'the owner and admins of a Community whose inviteOption is DisableInvite still add users directly',
    interceptor: onAddition((a) => a.type === 'Community' && a.inviteOption === 'DisableInvite' && (a.role === 'Owner' || a.role === 'Admin'), addsDirectly),
  },
  {
    id: 'over-limit-reported-as-failure',
    rule: 'invite.result-lists',
    description: 'users left out for being at their group quota are reported in failureUserIDList, not overLimitUserIDList',
    interceptor: onAnswer('addGroupMember', (d) => ({ ...d, failureUserIDList: [...d.failureUserIDList, ...d.overLimitUserIDList], overLimitUserIDList: [] })),
  },
  {
    id: 'existing-member-reported-as-success',
    rule: 'invite.existing-member-reported-as-existed',
    description: 'a user who is already a member is reported in successUserIDList instead of existedUserIDList',
    interceptor: onAnswer('addGroupMember', (d) => ({ ...d, successUserIDList: [...d.existedUserIDList, ...d.successUserIDList], existedUserIDList: [] })),
  },
  {
    id: 'invitee-misses-join-tip',
    rule: 'invite.invitee-and-members-notified',
    description: 'the users a member adds do not receive the join tip (1) that the other members receive',
    interceptor: hideOnCall('addGroupMember', ({ arg }) => {
      const invitees = ((arg as { userIDList?: string[] } | undefined)?.userIDList ?? []) as string[];
      return (to, _e, m) => invitees.includes(to.userID) && isMessage(m, 'tip', 1);
    }),
  },
  {
    id: 'unknown-account-skipped',
    rule: 'invite.unknown-account-rejected',
    description: "a member's addition naming an unknown account adds the known users and lists the unknown one as failed, instead of refusing the call with 10019",
    interceptor: onRefusal('addGroupMember', 10019, async ({ ctx, arg, next }) => {
      const users = (arg as { userIDList?: string[] } | undefined)?.userIDList ?? [];
      const unknown: string[] = [];
      for (const u of users) if (isFailure(await attempt(ctx.admin.call('getJoinedGroupList', { userID: u })))) unknown.push(u);
      const known = users.filter((u) => !unknown.includes(u));
      if (known.length === 0) return undefined;
      const added = await next({ ...(arg as object), userIDList: known });
      return ok({ ...added.data, failureUserIDList: [...added.data.failureUserIDList, ...unknown] });
    }),
  },
];
