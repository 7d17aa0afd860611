/**
 * A failure's call trace (CallTrace) as plain text, for the reports that show it as text: the full
 * listing in junit.xml's failure body, a compact one in summary.md. The text carries the
 * implementation's own words: each writer still escapes it for its medium (escape.ts).
 */
import type { CallTrace } from '.';

type Call = CallTrace['calls'][number];

/** What a call answered, in a few words: `→ 0 {data}`, `→ error 10007: message`, `→ no answer`. */
export function answerText(c: Call, withData = true): string {
  if (c.outcome === 'pending') return '→ no answer (yet)';
  if (c.outcome === 'error') return `→ error ${c.code ?? '(no code)'}${c.message === undefined ? '' : `: ${c.message}`}`;
  return `→ ${c.code ?? 'ok'}${withData && c.data !== undefined ? ` ${c.data}` : ''}`;
}

/** "… K earlier calls omitted" when the ring buffer dropped calls. */
export function omittedText(t: CallTrace): string | undefined {
  return t.omitted === 0 ? undefined : `… ${t.omitted} earlier call${t.omitted === 1 ? '' : 's'} omitted (a trace keeps the last ${t.limits.calls})`;
}

/** Every call kept, one line each, with the events seen after it indented below. */
export function traceText(t: CallTrace): string {
  const lines = ['calls made (newest last):'];
  const omitted = omittedText(t);
  if (omitted !== undefined) lines.push(`  ${omitted}`);
  for (const c of t.calls) {
    lines.push(`  #${c.n} ${c.actor} ${c.method}${c.arg === undefined ? '' : ` ${c.arg}`} ${answerText(c)}`);
    for (const e of c.events ?? []) lines.push(`      event to ${e.to}: ${e.name}${e.data === undefined ? '' : ` ${e.data}`}`);
    if (c.moreEvents !== undefined) lines.push(`      … ${c.moreEvents} more event(s)`);
  }
  return lines.join('\n');
}

/** A read: a `get…` method, which changes nothing (the suite's state checks make many). */
const isRead = (c: Call) => /^get[A-Z]/.test(c.method) && c.outcome === 'ok';

/**
 * The last `n` calls that changed something or failed, and the very last call whatever it was, each
 * in a few words (no data, events by name only): for a compact medium such as summary.md. Successful
 * reads in between are counted, not shown: the state checks after each step would crowd out the call
 * that mattered.
 */
export function compactCalls(t: CallTrace, n = 5, argChars = 80): string[] {
  const last = t.calls[t.calls.length - 1];
  const kept = t.calls.filter((c) => c === last || !isRead(c)).slice(-n);
  const first = kept[0]?.n ?? 1;
  const hidden = t.omitted + t.calls.filter((c) => c.n >= first && !kept.includes(c)).length + t.calls.filter((c) => c.n < first).length;
  return [
    ...(hidden === 0 ? [] : [`… ${hidden} other call${hidden === 1 ? '' : 's'} not shown (earlier ones, and successful reads in between)`]),
    ...kept.map((c) => {
      const arg = c.arg === undefined ? '' : ` ${c.arg.length > argChars ? `${c.arg.slice(0, argChars)}…` : c.arg}`;
      const events = c.events === undefined ? '' : `; events: ${eventCounts(c)}`;
      const line = `#${c.n} ${c.actor} ${c.method}${arg} ${answerText(c, false)}${events}`;
      return line.length > 240 ? `${line.slice(0, 240)}…` : line;
    }),
  ];
}

/** A call's events by name and count ("onGroupListUpdated ×3 to alice/web, bob/web"). */
function eventCounts(c: Call): string {
  const by = new Map<string, Set<string>>();
  const n = new Map<string, number>();
  for (const e of c.events ?? []) {
    by.set(e.name, (by.get(e.name) ?? new Set()).add(e.to));
    n.set(e.name, (n.get(e.name) ?? 0) + 1);
  }
  const parts = [...by].map(([name, to]) => `${name} ×${n.get(name)!} to ${[...to].join(', ')}`);
  return `${parts.join('; ')}${c.moreEvents === undefined ? '' : ` (+${c.moreEvents} more)`}`;
}
