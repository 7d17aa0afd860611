/**
 * What the wire client knows of the protocol's answers (docs/protocol.md): the errors it raises
 * and the response shapes it checks, because a server in another language may get them wrong.
 */
import { z } from 'zod';
import { ChatError } from '../../simulator/core/errors';
import { GROUP_TYPE_NAMES } from '../contract';
import { isObject } from '../contract/refs';

/** The server broke the protocol, answered with a protocol error, or could not be reached. */
export class WireError extends Error {
  constructor(
    message: string,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** The envelope's `error.reason`, when the server sent one. */
    readonly reason?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WireError';
  }
}

/** A request outlived its deadline. Named like the DOM's TimeoutError so callers can test `name` alone. */
export class WireTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

export const CodedError = z.object({ code: z.number().int(), message: z.string(), data: z.record(z.string(), z.unknown()).optional() });
export const Refused = z.object({ ok: z.literal(false), error: CodedError });
export const CallAnswer = z.union([z.object({ ok: z.literal(true), result: z.object({ code: z.literal(0), data: z.unknown() }) }), Refused]);
/** A server written before batches existed announces none; the client then sends every request alone. */
export const BatchCapability = z.object({ maxRequests: z.number().int().positive(), references: z.boolean().optional(), postEvents: z.boolean().optional() }).optional();
export const BatchAnswer = z.object({ ok: z.literal(true), responses: z.array(z.object({ status: z.number().int(), body: z.unknown() })) });
export const CapabilitiesAnswer = z.object({
  ok: z.literal(true),
  name: z.string(),
  contractVersion: z.number().int(),
  capabilities: z.object({
    groupTypes: z.array(z.enum(GROUP_TYPE_NAMES)),
    operations: z.array(z.string()),
    adminOperations: z.array(z.string()),
    clock: z.boolean(),
    events: z.boolean(),
    limitOverrides: z.boolean(),
  }),
  batch: BatchCapability,
  /** A server written before the stream announces none; the client then sends its batches over HTTP. */
  stream: z.object({ path: z.string().startsWith('/'), maxMessageBytes: z.number().int().positive() }).optional(),
});
export const AppAnswer = z.object({ ok: z.literal(true), appID: z.string().min(1) });
export const SessionAnswer = z.union([z.object({ ok: z.literal(true), sessionID: z.string().min(1), userID: z.string(), device: z.string() }), Refused]);
export const Done = z.object({ ok: z.literal(true) });
export const NowAnswer = z.object({ ok: z.literal(true), now: z.number() });
export const EventsAnswer = z.object({
  ok: z.literal(true),
  events: z.array(z.object({ seq: z.number().int().optional(), name: z.string(), data: z.unknown() })),
  next: z.number().int().nonnegative(),
  more: z.boolean().optional(),
});
export const ErrorEnvelope = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), reason: z.string().optional(), message: z.string() }) });

/**
 * Checks that accept, without zod, the answers a conforming server sends on every call: zod's walk
 * of the envelope was the largest share of the client's own CPU per request (docs/performance.md,
 * issue 21). Each accepts only what its schema accepts, and the schema still judges whatever these
 * do not accept, so a malformed answer gets zod's message as before.
 */
// zod's int() is a safe integer, and a key of z.unknown() must be there (JSON drops one whose value is undefined)
const quickRefused = (v: Record<string, unknown>): boolean =>
  v.ok === false && isObject(v.error) && Number.isSafeInteger(v.error.code) && typeof v.error.message === 'string' && (v.error.data === undefined || isObject(v.error.data));
export const quickCallAnswer = (v: unknown): boolean => isObject(v) && (v.ok === true ? isObject(v.result) && v.result.code === 0 && 'data' in v.result : quickRefused(v));
/** A login's answer (4,067 in a feature run), an app's, a logout's or close's, the clock's: zod took ~5-10 µs for each. */
export const quickSessionAnswer = (v: unknown): boolean =>
  isObject(v) && (v.ok === true ? typeof v.sessionID === 'string' && v.sessionID.length > 0 && typeof v.userID === 'string' && typeof v.device === 'string' : quickRefused(v));
export const quickAppAnswer = (v: unknown): boolean => isObject(v) && v.ok === true && typeof v.appID === 'string' && v.appID.length > 0;
export const quickDone = (v: unknown): boolean => isObject(v) && v.ok === true;
export const quickNowAnswer = (v: unknown): boolean => isObject(v) && v.ok === true && Number.isFinite(v.now);
export const quickEventsAnswer = (v: unknown): boolean =>
  isObject(v) &&
  v.ok === true &&
  Number.isSafeInteger(v.next) &&
  (v.next as number) >= 0 &&
  (v.more === undefined || typeof v.more === 'boolean') &&
  Array.isArray(v.events) &&
  v.events.every((e) => isObject(e) && typeof e.name === 'string' && 'data' in e && (e.seq === undefined || Number.isSafeInteger(e.seq)));
export const quickBatchAnswer = (v: unknown): boolean =>
  isObject(v) && v.ok === true && Array.isArray(v.responses) && v.responses.every((r) => isObject(r) && Number.isSafeInteger(r.status) && 'body' in r);

/** IDs go into paths; an ID the server made up with a slash in it must not change the endpoint. */
export const seg = (id: string) => encodeURIComponent(id);

/**
 * A refusal as the Error the simulator rejects with. Built without a stack trace: one made here
 * would only name the transport's promise callbacks, and V8's capture of it is a few µs for
 * every refused call (many in a fuzz run); the suite reads code, message and data.
 */
export function refusal(e: z.infer<typeof CodedError>): ChatError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new ChatError(e.code, e.message, e.data ?? {});
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function explain(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // undici reports "fetch failed" and hides the useful part (ECONNREFUSED …) in the cause
  const cause = e.cause instanceof Error ? `: ${(e.cause as NodeJS.ErrnoException).code ?? e.cause.message}` : '';
  return `${e.message}${cause}`;
}

export function preview(text: string): string {
  return text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}…` : JSON.stringify(text);
}
