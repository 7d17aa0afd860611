/**
 * The member-list side of the webhooks (servers/rest/webhooks.ts): an invitation some of whose
 * invitees the app backend refused (RefusedMembers_Account), and the members a silent change
 * added or removed (which no group tip reports).
 */
import type { Refusal } from '../../simulator/core/errors';
import { ERR } from '../../simulator/core/errors';
import type { Amendment, CommandCall } from '../../simulator/shell/service';

type AddData = { memberList?: Array<{ userID: string; result: number }>; failureUserIDList?: string[] };

/**
 * The answer to CallbackBeforeInviteJoinGroup named some invitees in RefusedMembers_Account: "The
 * app backend refuses some of the users in the request [...] and returns them in
 * RefusedMembers_Account" (1047/34371). The others are invited; the refused ones are reported as
 * failures (the SDK's failureUserIDList, REST's `Result: 0`). When every invitee is refused the
 * invitation is vetoed as a whole, 10016 (docs/ambiguities.md#a75-every-invitee-refused).
 */
export function refusedInvitees(call: CommandCall, refused: unknown): Refusal | Amendment | undefined {
  if (!Array.isArray(refused) || refused.length === 0) return undefined;
  const no = new Set(refused.filter((r): r is string => typeof r === 'string'));
  const input = call.input as { userIDList: string[] };
  const asked = [...new Set(input.userIDList)];
  const kept = asked.filter((id) => !no.has(id));
  if (kept.length === asked.length) return undefined;
  if (kept.length === 0) {
    return { code: ERR.CALLBACK_REJECTED, detail: `Group.CallbackBeforeInviteJoinGroup refused every invitee (${asked.join(', ')}) in RefusedMembers_Account` };
  }
  const refusedHere = asked.filter((id) => no.has(id));
  return {
    input: { ...input, userIDList: kept },
    amend(data) {
      const d = data as AddData;
      if (d.memberList !== undefined) {
        // REST add_group_member: every member asked for, in the order asked, refused ones Result 0
        const byID = new Map(d.memberList.map((m) => [m.userID, m]));
        return { ...d, memberList: asked.map((userID) => byID.get(userID) ?? { userID, result: 0 }) };
      }
      return { ...d, failureUserIDList: [...(d.failureUserIDList ?? []), ...refusedHere] };
    },
  };
}

/**
 * Who a silent admin change (`silence: true`, REST `Silence: 1`) added or removed: it delivers no
 * group tip, so the webhooks read it from the command's input, data and the members before it.
 */
export function silentChange(call: CommandCall, data: unknown, before: readonly string[] | undefined): { groupID: string; joined?: string[]; exited?: string[] } | undefined {
  const input = call.input as { groupID?: unknown; userIDList?: unknown; silence?: unknown } | undefined;
  if (call.actor.kind !== 'admin' || input?.silence !== true || typeof input.groupID !== 'string') return undefined;
  if (call.name === 'addGroupMember') {
    const list = (data as AddData).memberList ?? [];
    return { groupID: input.groupID, joined: list.filter((m) => m.result === 1).map((m) => m.userID) };
  }
  if (call.name === 'deleteGroupMember' && Array.isArray(input.userIDList) && before !== undefined) {
    const was = new Set(before);
    return { groupID: input.groupID, exited: [...new Set(input.userIDList as string[])].filter((id) => was.has(id)) };
  }
  return undefined;
}
