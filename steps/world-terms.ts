/** The World's names and settings that steps share (steps/world.ts re-exports them). */
import type { GroupTypeName, Implementation } from '../adapters/contract';

export const ADMIN = '@admin';
const WIRE_TYPE: Record<GroupTypeName, string> = { Work: 'Private', Public: 'Public', Meeting: 'ChatRoom', AVChatRoom: 'AVChatRoom', Community: 'Community' };

export function wireType(t: GroupTypeName): string {
  return WIRE_TYPE[t];
}

/** The step that compares the state after the last action with the picture taken before it. */
export const NOTHING_HAS_CHANGED = 'nothing has changed';

/** How long a "never" check waits before it reads (GROUPSPEC_SETTLE_MS; 0: it reads at once), read once. */
export const SETTLE_MS = Number(process.env.GROUPSPEC_SETTLE_MS ?? 0);

/** Raised by a step when the implementation lacks what the scenario needs. */
export class Skip extends Error {}

/** An implementation's breach of the contract or missed deadline: the scenario is crashed or timed out, not failed. */
export type Incident = { kind: 'crashed' | 'timeout'; message: string };


/** A "never" check's wait before it reads (GROUPSPEC_SETTLE_MS), so late events are still seen. */
export async function waitToSettle(): Promise<void> {
  if (SETTLE_MS > 0) await new Promise((r) => setTimeout(r, SETTLE_MS));
}

/**
 * Runs `f` for each item in order. An implementation that runs calls in issue order
 * (Implementation.inOrder: a wire client, which sends them as one batch) gets them all issued at
 * once; any other gets them one after another, each awaited, as it always has (an adapter may not
 * expect concurrent calls).
 */
export async function eachInTurn<T, R>(impl: Implementation, items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  if (impl.inOrder === true) return Promise.all(items.map(f));
  const out: R[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}
