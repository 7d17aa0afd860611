/**
 * A request a server will not execute, and how it is answered. The base never decides the shape
 * of an error body: each server passes an ErrorBody (the wire protocol's `{ok:false, error}`, the
 * REST emulator's `{ActionStatus, ErrorCode, ErrorInfo}`), and the base calls it for every fault it
 * raises itself (bad paths, timeouts, too many connections, malformed HTTP) as well as for the
 * server's own.
 */

/**
 * Reasons the base itself raises; a server adds its own (any string). They are the wire protocol's
 * `error.reason` values (docs/protocol.md §5), so a client can tell a limit from a refusal.
 */
export type BaseReason =
  | 'unknown-endpoint'
  | 'method-not-allowed'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'malformed-json'
  | 'invalid-request'
  | 'bad-path'
  | 'bad-http'
  | 'headers-too-large'
  | 'request-timeout'
  | 'too-many-connections'
  | 'internal';

export class HttpFault<R extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly reason: R | BaseReason,
    message: string,
    /** Extra response headers, e.g. Allow on a 405 or Connection: close on a 413. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Turns a fault into the JSON value a server answers with (encoded by the base). */
export type ErrorBody = (fault: HttpFault) => unknown;

/** What a thrown value that is not a fault becomes: the server failing, never the client. */
export function internalFault(e: unknown, what = 'the implementation failed'): HttpFault {
  return new HttpFault(500, 'internal', `${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
}
