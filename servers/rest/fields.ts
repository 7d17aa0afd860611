/**
 * What every command module shares: the context a command runs in, REST field schemas, and the
 * translation of a zod issue or a simulator refusal into the REST envelope's code and ErrorInfo.
 */
import { z } from 'zod';
import type { Service } from '../../simulator/shell/service';
import type { AdminCommandName } from '../../simulator/core';
import { ERR } from '../../simulator/core/errors';
import { describeIssue } from '../../simulator/core/schemas';
import type { GroupRecord } from '../../simulator/core/state';
import { REST_ERR, RestFault } from './codes';

export interface CommandContext {
  /** The service both halves share: REST calls run as the app admin, SDK users through `login`. */
  readonly service: Service<any>;
  /** The `identifier` of the request: the operator of what it does. */
  readonly adminID: string;
  readonly sdkAppID: number;
}

/** A command's answer: the fields that follow the envelope. */
export type Fields = Record<string, unknown>;

export interface CommandSpec<T extends z.ZodType = z.ZodType> {
  readonly body: T;
  run(ctx: CommandContext, body: z.infer<T>): Promise<Fields>;
}

export const spec = <T extends z.ZodType>(body: T, run: CommandSpec<T>['run']): CommandSpec<T> => ({ body, run });

/** Fields holding an account: a non-string there is 60015, as the service answers. */
const ACCOUNT_FIELDS = new Set(['Owner_Account', 'Member_Account', 'NewOwner_Account', 'UserID', 'User_Account', 'Members_Account', 'MemberToDel_Account', 'ToMembers_Account', 'Accounts']);

export const account = z.string().min(1, 'is required');
export const text = z.string();
export const int = z.number().int();
export const flag = z.union([z.literal(0), z.literal(1)]);
export const groupId = z.string().min(1, 'is required');
export const keyValues = z.array(z.object({ Key: z.string(), Value: z.string() }));

/** Turns the body's first problem into the REST code: 60015 for an account that is not a string, else 10004. */
export function bodyFault(error: z.ZodError): RestFault {
  const issue = error.issues[0];
  const named = issue?.path.find((p) => typeof p === 'string' && ACCOUNT_FIELDS.has(p));
  const { field, detail } = describeIssue(error);
  if (named !== undefined && issue?.code === 'invalid_type') return new RestFault(REST_ERR.ACCOUNT_NOT_STRING, `${field}: an account must be a string`);
  return new RestFault(ERR.INVALID_PARAMETER, `Invalid parameter (${field}: ${detail})`);
}

/** A documented field the emulator does not model: refused by name rather than silently ignored. */
export function refuseUnmodelled(body: Record<string, unknown>, fields: readonly string[], command: string): void {
  for (const f of fields) {
    if (body[f] !== undefined) throw new RestFault(ERR.INVALID_PARAMETER, `Invalid parameter (${f}: documented for ${command} but not emulated by groupspec; see docs/rest-emulator.md)`);
  }
}

/** Runs an admin command of the simulator; a refusal rejects with its coded ChatError. */
export async function admin<T = any>(ctx: CommandContext, name: AdminCommandName, input: unknown): Promise<T> {
  const r = await ctx.service.runAdmin(ctx.adminID, name, input);
  return r.data as T;
}

/** A group read straight from the state (read-only), after the admin's own lookup refused a missing one. */
export async function readGroup(ctx: CommandContext, groupID: string): Promise<GroupRecord> {
  await admin(ctx, 'getGroupInfo', { groupID });
  return ctx.service.state.groups.get(groupID)!;
}

export const pairs = (list: Array<{ key: string; value: string }> | undefined) => list?.map((f) => ({ Key: f.key, Value: f.value }));
export const fromPairs = (list: Array<{ Key: string; Value: string }> | undefined) => list?.map((f) => ({ key: f.Key, value: f.Value }));
/** Drops undefined fields, so an option the request left out stays out of the admin call. */
export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
export const nowSeconds = (ctx: CommandContext) => Math.floor(ctx.service.clock.now() / 1000);
