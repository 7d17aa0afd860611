/** What the wire protocol reads (request bodies, checked with zod) and how it answers an error. */
import { z } from 'zod';
import { DEFAULT_LIMITS, type LimitOverrides } from '../../simulator';
import { GROUP_TYPES } from '../../simulator/core/constants';
import { HttpFault, type ErrorBody } from '../http';
import { isObject } from '../../adapters/contract/refs';

/** Reasons only the wire protocol raises (the base's are in servers/http/fault.ts); docs/protocol.md §5. */
export type WireReason = 'unsupported-limit' | 'unknown-app' | 'unknown-session' | 'unknown-method' | 'batch-too-large' | 'unresolved-reference' | 'upgrade-required';

export class WireFault extends HttpFault<WireReason> {}

/** The protocol's error envelope (docs/protocol.md §3): `internal` when the server failed, `protocol` otherwise. */
export const wireErrorBody: ErrorBody = (fault) => ({
  ok: false,
  error: { code: fault.reason === 'internal' ? 'internal' : 'protocol', reason: fault.reason, message: fault.message },
});

const count = z.number().int().nonnegative();
const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS).filter((k) => k !== 'memberCap');
const MemberCapSchema = z.record(z.string(), count);
export const SessionBody = z.strictObject({
  userID: z.string(),
  device: z.string().optional(),
  unlimitedAVChatRoom: z.boolean().optional(),
});
export const CallBody = z.strictObject({ method: z.string().min(1), arg: z.unknown().optional() });
export const AdvanceBody = z.strictObject({ ms: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });
export const AppBody = z.strictObject({
  limits: z.record(z.string(), z.unknown()).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  customFields: z.strictObject({ group: z.array(z.string()).optional(), member: z.array(z.string()).optional() }).optional(),
});
/** The logout body: nothing (built once, not per request). */
export const EmptyBody = z.strictObject({});
const BatchItem = z.strictObject({
  method: z.enum(['GET', 'POST', 'DELETE']),
  path: z.string().startsWith('/'),
  body: z.unknown().optional(),
});
/** `references: true` asks for batch references (servers/wire/references.ts); absent, bodies are taken as sent. */
export const BatchBody = z.strictObject({ requests: z.array(BatchItem), references: z.boolean().optional() });
/** The events endpoint's `after` query: a non-negative decimal integer, no sign, no leading zeros, at most 16 digits. */
export const AFTER = /^(0|[1-9][0-9]{0,15})$/;
/** An events read as a POST (batch.postEvents): `after` in the body, where a batch reference can name an earlier read's `next`. */
export const EventsBody = z.strictObject({ after: z.number().int().nonnegative() });

/** Whether every own key of `o` is one of `keys` (`for in`: a JSON body's keys are all own, `__proto__` included). */
function onlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const k in o) if (!keys.includes(k)) return false;
  return true;
}

const isStrings = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
const isCustomFields = (c: unknown): boolean => isObject(c) && onlyKeys(c, ['group', 'member']) && isStrings(c.group) && isStrings(c.member);

const VERBS: readonly unknown[] = ['GET', 'POST', 'DELETE'];
const isBatchItem = (r: unknown): boolean => isObject(r) && onlyKeys(r, ['method', 'path', 'body']) && VERBS.includes(r.method) && typeof r.path === 'string' && r.path.startsWith('/');

/**
 * The bodies the protocol carries most (every call, every batch, every login, logout and events POST, most app creations),
 * accepted without zod when they are well formed: zod's walk of a strict object (and of a batch's
 * every request) was a measurable share of the server's CPU per request (docs/performance.md,
 * issue 21). Each check accepts only what its schema accepts, and the schema would return the
 * body unchanged (test/wire/quick-bodies.test.ts checks both against zod on generated bodies);
 * anything else goes to the schema, which gives the message.
 */
export const QUICK_CHECKS: ReadonlyMap<z.ZodType, (body: unknown) => boolean> = new Map<z.ZodType, (body: unknown) => boolean>([
  [CallBody, (b) => isObject(b) && onlyKeys(b, ['method', 'arg']) && typeof b.method === 'string' && b.method.length > 0],
  [BatchBody, (b) => isObject(b) && onlyKeys(b, ['requests', 'references']) && Array.isArray(b.requests) && (b.references === undefined || typeof b.references === 'boolean') && b.requests.every(isBatchItem)],
  [SessionBody, (b) => isObject(b) && onlyKeys(b, ['userID', 'device', 'unlimitedAVChatRoom']) && typeof b.userID === 'string' && (b.device === undefined || typeof b.device === 'string') && (b.unlimitedAVChatRoom === undefined || typeof b.unlimitedAVChatRoom === 'boolean')],
  [EmptyBody, (b) => isObject(b) && onlyKeys(b, [])],
  [EventsBody, (b) => isObject(b) && onlyKeys(b, ['after']) && Number.isSafeInteger(b.after) && (b.after as number) >= 0],
  // an app without limits (most); `limits` goes to zod, whose record leaves out a "__proto__" key
  [AppBody, (b) => isObject(b) && onlyKeys(b, ['seed', 'customFields']) && (b.seed === undefined || (Number.isSafeInteger(b.seed) && (b.seed as number) >= 0 && (b.seed as number) <= 0xffffffff)) && (b.customFields === undefined || isCustomFields(b.customFields))],
]);

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (QUICK_CHECKS.get(schema)?.(body) === true) return body as z.infer<T>;
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
  throw new WireFault(400, 'invalid-request', `invalid request body: ${where}: ${issue?.message ?? 'invalid'}`);
}

/**
 * Limit names are checked here, not left to the simulator: it would silently ignore a misspelt
 * name, and a limit rule would then pass or fail against the default cap for the wrong reason.
 */
export function parseLimits(raw: Record<string, unknown> | undefined): LimitOverrides | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name === 'memberCap') {
      const caps = MemberCapSchema.safeParse(value);
      if (!caps.success) throw new WireFault(400, 'invalid-request', 'invalid request body: limits.memberCap: must map group types to non-negative integers');
      // the keys as sent: the parsed record has dropped a __proto__ key unseen (docs/reliability.md, hostile keys)
      for (const type of Object.keys(value as object)) {
        if (!(GROUP_TYPES as readonly string[]).includes(type)) {
          throw new WireFault(400, 'unsupported-limit', `limit memberCap.${type} is not supported (group types: ${GROUP_TYPES.join(', ')})`);
        }
      }
      out.memberCap = caps.data;
    } else if (LIMIT_NAMES.includes(name)) {
      if (!count.safeParse(value).success) throw new WireFault(400, 'invalid-request', `invalid request body: limits.${name}: must be a non-negative integer`);
      out[name] = value;
    } else {
      throw new WireFault(400, 'unsupported-limit', `limit ${name} is not supported`);
    }
  }
  return out as LimitOverrides;
}
