/** POST /v1/batch (docs/protocol.md §4.11): many requests in one round trip, each answered as if alone. */
import { HttpFault, RawJson, answer, requireObject, type Target } from '../http';
import { BatchBody, WireFault, parseBody, wireErrorBody } from './bodies';
import { resolveBody, scanBody, type Answered } from './references';
import type { Ctx, WireHandler, WireRoute } from './routes';

/**
 * The batch route. The envelope is checked whole before anything runs (references included); then
 * each request runs to its end before the next starts, exactly as it would alone, and a failed one
 * does not stop the rest. `resolve` is the server's own router, so a batched path is vetted as a
 * sent one is.
 */
export function batchRoute(batchMax: number, resolve: (verb: string, target: string) => Target<WireHandler>): WireRoute {
  async function runBatch({ body }: Ctx): Promise<RawJson> {
    const { requests, references } = parseBody(BatchBody, body);
    if (requests.length > batchMax) throw new WireFault(413, 'batch-too-large', `a batch carries at most ${batchMax} requests (capabilities.batch.maxRequests), got ${requests.length}`);
    const targets = requests.map((r, i) => {
      let target: Target<WireHandler>;
      try {
        target = resolve(r.method, r.path);
      } catch (e) {
        // a request that goes nowhere is answered in its place; the others still run
        return e as HttpFault;
      }
      if (target.route.handler === runBatch) throw new WireFault(400, 'invalid-request', `invalid request body: requests.${i}.path: a batch cannot contain a batch`);
      return target;
    });
    // without `references: true` a body is taken as sent, "$ref" keys and all (batches before references)
    const tally = { references: 0 };
    const rewrites: boolean[] = references === true ? requests.map((r, i) => r.method === 'POST' && scanBody(i, r.body, tally)) : [];
    const answers: Answered[] = [];
    let text = '{"ok":true,"responses":[';
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i]!;
      const target = targets[i]!;
      const pending = answer(() => {
        if (target instanceof HttpFault) throw target;
        const body = r.method === 'POST' && r.body !== undefined ? requireObject(rewrites[i] === true ? resolveBody(i, r.body, answers) : r.body) : {};
        return target.route.handler({ params: target.params, body, query: target.query });
      }, wireErrorBody);
      // a request answered at once (an events read, a login) is not awaited: one tick less each
      const reply = pending instanceof Promise ? await pending : pending;
      answers.push(reply);
      text += `${i === 0 ? '' : ','}{"status":${reply.status},"body":${reply.text}}`;
    }
    return new RawJson(`${text}]}`);
  }
  return { verb: 'POST', path: ['batch'], handler: runBatch };
}
