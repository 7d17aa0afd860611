/** How the wire client judges an answer: its status and envelope, then the protocol's shape for a 200. */
import type { z } from 'zod';
import {
  AppAnswer, BatchAnswer, CallAnswer, Done, ErrorEnvelope, EventsAnswer, NowAnswer, SessionAnswer, WireError, preview,
  quickAppAnswer, quickBatchAnswer, quickCallAnswer, quickDone, quickEventsAnswer, quickNowAnswer, quickSessionAnswer,
} from './protocol';

/** The schemas of the answers the suite gets by the thousand, with their zod-free checks (protocol.ts; test/wire/quick-answers.test.ts holds them to zod). */
export const QUICK_ANSWERS = new Map<z.ZodType, (v: unknown) => boolean>([
  [CallAnswer, quickCallAnswer],
  [EventsAnswer, quickEventsAnswer],
  [BatchAnswer, quickBatchAnswer],
  [SessionAnswer, quickSessionAnswer],
  [AppAnswer, quickAppAnswer],
  [Done, quickDone],
  [NowAnswer, quickNowAnswer],
]);

/** A 200's body, checked against the protocol's shape for it. */
export function checked<T extends z.ZodType>(schema: T, what: string, answer: unknown): z.infer<T> {
  const quick = QUICK_ANSWERS.get(schema);
  if (quick?.(answer) === true) return answer as z.infer<T>;
  const r = schema.safeParse(answer);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new WireError(`${what} answered 200 with a body the protocol does not allow (${issue?.path.map(String).join('.') || 'body'}: ${issue?.message}): ${preview(JSON.stringify(answer))}`, 200);
}

/** A reply's verdict: the body of a 2xx, or the WireError its status and envelope make it. */
export function judge(what: string, { status, body, text }: { status: number; body: unknown; text?: string }): unknown {
  if (status >= 200 && status <= 299) return body;
  const env = ErrorEnvelope.safeParse(body);
  if (!env.success) throw new WireError(`${what} answered ${status} without the protocol's error envelope: ${preview(text ?? JSON.stringify(body))}`, status);
  const { code, reason, message } = env.data.error;
  throw new WireError(`${what} answered ${status} (${code}${reason === undefined ? '' : `, ${reason}`}): ${message}`, status, reason);
}
