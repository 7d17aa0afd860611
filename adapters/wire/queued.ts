/** A request of the wire client's queue (transport.ts), and what became of it. */

export type Verb = 'GET' | 'POST' | 'DELETE';

/** What a request was answered: its status and its body, parsed (and as text, when it came alone). */
export interface Reply {
  status: number;
  body: unknown;
  text?: string;
}

/** A request waiting for the next flush of the queue, and then what became of it (a later request may refer to its answer). */
export interface Queued {
  verb: Verb;
  path: string;
  what: string;
  /** The body as sent alone; undefined for no body, or for a body with references, encoded when its batch is made. */
  payload: string | undefined;
  /** The body as given (a call's arguments may hold Refs). */
  body: unknown;
  /** Whether `body` holds references (docs/protocol.md §4.11, "References"). */
  refers: boolean;
  resolve(reply: Reply): void;
  reject(e: unknown): void;
  /** The batch it went in, being made or sent, and its index there (what a reference to it names). */
  chunk?: readonly Queued[];
  k?: number;
  /** Its answer, once it has one, or why it has none. */
  reply?: Reply;
  failed?: unknown;
}
