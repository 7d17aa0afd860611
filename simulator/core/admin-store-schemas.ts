/**
 * Option schemas of the app admin's store commands (admin-store.ts): group counters written in a
 * mode, AVChatRoom bans and the ban list. Built by schemas.ts's `build` with the same helpers as
 * every other schema, so they load with the rest on the first call that validates.
 */
import type { z } from 'zod';

export interface StoreSchemaHelpers {
  reqStr: z.ZodString;
  str: z.ZodString;
  int: z.ZodNumber;
  userIDList: z.ZodArray<z.ZodString>;
  /** A map whose reserved keys are refused (schemas.ts's keyedRecord, for counters). */
  counters: z.ZodType<Record<string, number>, unknown>;
}

export function adminStoreSchemas(z: typeof import('zod').z, h: StoreSchemaHelpers) {
  /** update_group_counter (1047/53428): `Mode` is "Set", "Increase" or "Decrease". */
  const AdminUpdateGroupCounterOptions = z.strictObject({
    groupID: h.reqStr,
    counters: h.counters,
    mode: z.enum(['Set', 'Increase', 'Decrease']).optional(),
  });
  /** ban_group_member (1047/50296): "Ban duration, in seconds. It is a 32-bit unsigned integer." */
  const AdminBanMemberOptions = z.strictObject({
    groupID: h.reqStr,
    userIDList: h.userIDList,
    duration: h.int.nonnegative().max(4294967295),
    description: h.str.optional(),
  });
  /** unban_group_member (1047/50297). */
  const AdminUnbanMemberOptions = z.strictObject({ groupID: h.reqStr, userIDList: h.userIDList });
  /** get_group_ban_member (1047/50295): "The maximum value allowed is 100." */
  const AdminGetBanMemberOptions = z.strictObject({
    groupID: h.reqStr,
    limit: h.int.positive().optional(),
    offset: h.int.nonnegative().optional(),
  });
  return { AdminUpdateGroupCounterOptions, AdminBanMemberOptions, AdminUnbanMemberOptions, AdminGetBanMemberOptions };
}
