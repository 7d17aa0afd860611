/** A request of the wire client's queue (transport.ts), and what became of it. */
import { UnresolvedReference } from '../contract/refs';
import { judge } from './judge';

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
  readonly what: string;
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

/** What an awaited request needs of its transport: the write-behind failure it reports, or forgets. */
export interface Failures {
  /** Throws the failure of a write-behind request no later request has reported yet, naming `what`. */
  reportFailure(what: string): void;
  /** The exchange failed as a whole: a write-behind request that went with it failed for the same reason. */
  forgetFailure(): void;
}

/**
 * A request whose caller awaits its answer: the flush that gets the answer judges it and settles
 * the caller's promise at once, one settle path for the request and no promise or closure of its
 * own besides the caller's (issue 21, round six: a promise and two reactions per request were a
 * measurable share of the client's CPU, and every promise also runs cucumber's async hooks).
 */
export class Awaited<R> implements Queued {
  chunk?: readonly Queued[];
  k?: number;
  reply?: Reply;
  failed?: unknown;

  constructor(
    readonly verb: Verb,
    readonly path: string,
    private readonly base: string,
    readonly payload: string | undefined,
    readonly body: unknown,
    readonly refers: boolean,
    private readonly then: (answer: unknown, what: string) => R,
    private readonly failures: Failures,
    private readonly ok: (r: R) => void,
    private readonly ko: (e: unknown) => void,
  ) {}

  /** Built when asked for (an error message, a reference's): most requests never need it. */
  get what(): string {
    return `${this.verb} ${this.base}${this.path}`;
  }

  resolve(reply: Reply): void {
    let r: R;
    try {
      const what = this.what;
      this.failures.reportFailure(what);
      r = this.then(judge(what, reply), what);
    } catch (e) {
      this.ko(e);
      return;
    }
    this.ok(r);
  }

  reject(e: unknown): void {
    // a request not sent, its reference unresolved, reports nothing of the exchange
    if (!(e instanceof UnresolvedReference)) this.failures.forgetFailure();
    this.ko(e);
  }
}
