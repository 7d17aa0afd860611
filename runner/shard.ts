/**
 * Deterministic sharding by rule ID: rules sorted by ID, shard k of n takes every n-th from the k-th.
 * The same rule lands in the same shard on every machine, and the shards' union is the whole suite.
 */
import { UsageError } from './expectations';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes K/N with 1 <= K <= N, got "${text}"`);
  return { index, count };
}

export function inShard<T>(ids: readonly T[], key: (t: T) => string, shard: Shard | undefined): T[] {
  if (shard === undefined) return [...ids];
  const sorted = [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
