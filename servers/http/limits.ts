/**
 * The limits every server of the project keeps (docs/protocol.md §6 "Limits"): set explicitly,
 * since Node's defaults (60 s for headers, 300 s for a whole request, no cap on connections) let
 * one slow or idle client hold a socket for minutes.
 */

export interface ServerLimits {
  /**
   * Largest request body, in bytes; larger ones get 413 body-too-large. 4 MiB, not 1: the suite's
   * oversize-input scenarios send strings of about 1 MB (350 000 × 群 is 1 050 000 bytes) to check
   * that the implementation refuses them with 10004, so a server must carry them.
   */
  maxBodyBytes: number;
  /** Time for a request's headers to arrive in full (slowloris); then 408 request-timeout. */
  headersTimeoutMs: number;
  /** Time for a whole request, headers and body, to arrive; then 408 request-timeout. */
  requestTimeoutMs: number;
  /** How long a keep-alive connection may wait, idle, for its next request before it is closed. */
  keepAliveTimeoutMs: number;
  /**
   * A socket silent this long (no byte either way) with no request in flight is closed: a backstop
   * behind the header and keep-alive timeouts. A request in flight is never cut off unanswered.
   */
  idleTimeoutMs: number;
  /**
   * Most connections open at once. Requests on connections past it get 503 too-many-connections
   * and the connection is closed; past twice the cap, connections are refused without an answer.
   */
  maxConnections: number;
  /** How long in-flight requests get to finish once close() is called. */
  closeGraceMs: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxBodyBytes: 4 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  maxConnections: 256,
  closeGraceMs: 2_000,
});

/** The limits with defaults filled in, or a RangeError naming the first one out of range. */
export function resolveLimits(given: Partial<ServerLimits> = {}): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS };
  for (const [name, value] of Object.entries(given) as [keyof ServerLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_SERVER_LIMITS)) throw new RangeError(`unknown server limit ${name}`);
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
    limits[name] = value;
  }
  // node refuses the same inversion at listen time, with a less helpful message
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError(`headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed requestTimeoutMs (${limits.requestTimeoutMs})`);
  }
  return limits;
}
