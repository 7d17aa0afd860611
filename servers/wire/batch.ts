/** POST /v1/batch (docs/protocol.md §4.11): many requests in one round trip, each answered as if alone. */
import { RawJson, encode, faultReply, requireObject, type Reply, type Target } from '../http';
import { BatchBody, WireFault, parseBody, wireErrorBody } from './bodies';
import { resolveBody, scanBody, type Answered } from './references';
import { Ctx, type WireHandler, type WireRoute } from './routes';

interface Item {
  method: string;
  path: string;
  body?: unknown;
}

/**
 * The batch route. The envelope is checked whole before anything runs (references included); then
 * each request runs to its end before the next starts, exactly as it would alone, and a failed one
 * does not stop the rest. `resolve` is the server's own router, so a batched path is vetted as a
 * sent one is.
 */
export function batchRoute(batchMax: number, resolve: (verb: string, target: string) => Target<WireHandler>): WireRoute {
  function runBatch({ body }: Ctx): RawJson | Promise<RawJson> {
    const { requests, references } = parseBody(BatchBody, body);
    if (requests.length > batchMax) throw new WireFault(413, 'batch-too-large', `a batch carries at most ${batchMax} requests (capabilities.batch.maxRequests), got ${requests.length}`);
    // where each request goes, or what it is answered with when it goes nowhere (the others still run)
    const targets: Array<Target<WireHandler> | { refused: unknown }> = new Array(requests.length);
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i]!;
      let target: Target<WireHandler>;
      try {
        target = resolve(r.method, r.path);
      } catch (e) {
        targets[i] = { refused: e };
        continue;
      }
      if (target.route.handler === runBatch) throw new WireFault(400, 'invalid-request', `invalid request body: requests.${i}.path: a batch cannot contain a batch`);
      targets[i] = target;
    }
    // without `references: true` a body is taken as sent, "$ref" keys and all (batches before references)
    let rewrites: boolean[] | undefined;
    if (references === true) {
      const tally = { references: 0 };
      rewrites = requests.map((r, i) => r.method === 'POST' && scanBody(i, r.body, tally));
    }
    return new Run(requests, targets, rewrites).from(0);
  }
  return { verb: 'POST', path: ['batch'], handler: runBatch };
}

/**
 * A batch's requests run in order. A request answered at once (most: an events read, a login, a
 * call whose answer is settled) is taken at once; at the first one answered by a promise the run
 * goes on when it settles. A plain loop, not an async function's awaits: one promise step per
 * pending answer and none for the others.
 */
class Run {
  private readonly answers: Answered[] = [];
  private text = '{"ok":true,"responses":[';

  constructor(
    private readonly requests: readonly Item[],
    private readonly targets: ReadonlyArray<Target<WireHandler> | { refused: unknown }>,
    private readonly rewrites: readonly boolean[] | undefined,
  ) {}

  from(start: number): RawJson | Promise<RawJson> {
    for (let i = start; i < this.requests.length; i++) {
      const target = this.targets[i]!;
      let out: unknown;
      try {
        if ('refused' in target) throw target.refused;
        const r = this.requests[i]!;
        const body = r.method === 'POST' && r.body !== undefined ? requireObject(this.rewrites?.[i] === true ? resolveBody(i, r.body, this.answers) : r.body) : {};
        out = target.route.handler(new Ctx(target, body));
      } catch (e) {
        this.add(i, faultReply(e, wireErrorBody));
        continue;
      }
      // a thenable, as await would take it; its answer encoded and the run resumed in one step
      if (typeof (out as { then?: unknown } | null | undefined)?.then === 'function') {
        return Promise.resolve(out).then(
          (v: unknown) => this.next(i, encode(v, wireErrorBody)),
          (e: unknown) => this.next(i, faultReply(e, wireErrorBody)),
        );
      }
      this.add(i, encode(out, wireErrorBody));
    }
    return new RawJson(`${this.text}]}`);
  }

  private next(i: number, reply: Reply): RawJson | Promise<RawJson> {
    this.add(i, reply);
    return this.from(i + 1);
  }

  /** Request i's answer as it would be alone (a fault as its error body, anything else thrown a 500), after the others'. */
  private add(i: number, reply: Reply): void {
    this.answers.push(reply);
    this.text += `${i === 0 ? '' : ','}{"status":${reply.status},"body":${reply.text}}`;
  }
}
