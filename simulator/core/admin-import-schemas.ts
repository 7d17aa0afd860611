/**
 * zod schemas of the app admin's import, account and AVChatRoom-list commands (admin-import.ts).
 * Built by schemas.ts's `build`, which hands in the helpers every schema shares, so this file
 * imports nothing at run time and the schemas stay lazily built.
 */
import type { z as Z } from 'zod';

interface Shared {
  /** A required string the SDK's validator accepts: it treats '' as missing. */
  reqStr: Z.ZodString;
  int: Z.ZodNumber;
}

/** A Unix time in seconds, as the REST API's CreateTime and JoinTime. */
export const unixSeconds = (int: Z.ZodNumber) => int.nonnegative().max(4294967295);

/** The most accounts one account_delete names (1047/34955: "A single request can contain up to 100 accounts"). */
export const DELETE_ACCOUNTS_MAX = 100;

/** import_group's options (AdminImportGroupOptions) are create_group's less its member list: schemas.ts derives them. */
export function buildAdminImportSchemas(z: typeof Z, { reqStr, int }: Shared) {
  const AdminImportGroupMemberOptions = z.strictObject({
    groupID: reqStr,
    memberList: z
      .array(
        z.strictObject({
          userID: reqStr,
          // 1047/34969: "Currently, only Admin is supported. If this field is not specified, the value Member ... is used."
          role: z.enum(['Admin', 'Member']).optional(),
          joinTime: unixSeconds(int).optional(),
          unreadMsgNum: int.nonnegative().optional(),
        }),
      )
      .min(1, 'must name at least one member'),
  });

  const AdminDeleteAccountsOptions = z.strictObject({
    userIDList: z.array(reqStr).min(1, 'must name at least one account').max(DELETE_ACCOUNTS_MAX, `names at most ${DELETE_ACCOUNTS_MAX} accounts`),
  });

  const AdminKickOptions = z.strictObject({ userID: reqStr });

  const AdminGetAVChatRoomMembersOptions = z.strictObject({ groupID: reqStr, timestamp: int.nonnegative().optional() });

  return { AdminImportGroupMemberOptions, AdminDeleteAccountsOptions, AdminKickOptions, AdminGetAVChatRoomMembersOptions };
}
