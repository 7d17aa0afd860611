/**
 * The stream (docs/protocol.md §4.12) answers what POST /v1/batch answers: generated batches (good
 * and bad requests, references, whole-batch refusals) are sent to two identical reference servers,
 * to one as HTTP batches, one after another, and to the other as messages of one stream, all of a
 * run's messages sent before the first answer (pipelined). Every answer must be the HTTP one,
 * status and body, under the message's id, in the order sent; the servers' state is therefore the
 * same after each run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers/wire/server';
import { openStream, postBatch, type RawStream } from './stream-raw';

const BATCH_MAX = 4;
let overHttp: RunningServer;
let overStream: RunningServer;
let stream: RawStream;
beforeAll(async () => {
  overHttp = await startServer({ port: 0, batchMaxRequests: BATCH_MAX });
  overStream = await startServer({ port: 0, batchMaxRequests: BATCH_MAX });
  stream = await openStream(overStream.url);
});
afterAll(async () => {
  stream?.ws.close();
  await overHttp?.close();
  await overStream?.close();
});

const app = fc.constantFrom('app-1', 'app-2', 'app-9');
const session = fc.constantFrom('s-1', 's-2');
const call = fc.constantFrom<Record<string, unknown>>(
  { method: 'createGroup', arg: { type: 'Public', name: 'g' } },
  { method: 'getGroupList' },
  { method: 'dismissGroup', arg: 'no-such-group' },
  { method: 'frobnicateGroup' },
  { method: 'joinGroup', arg: { groupID: 5 } },
  { method: 'getGroupList', extra: true },
);
const request = fc.oneof(
  fc.constant({ method: 'POST', path: '/v1/apps', body: {} }),
  fc.record({ method: fc.constant('POST'), path: app.map((a) => `/v1/apps/${a}/sessions`), body: fc.record({ userID: fc.constantFrom('alice', 'bob', '') }) }),
  fc.tuple(app, session, call).map(([a, s, body]) => ({ method: 'POST', path: `/v1/apps/${a}/sessions/${s}/call`, body })),
  fc.tuple(app, session, fc.constantFrom('0', '1', '99', 'x')).map(([a, s, after]) => ({ method: 'GET', path: `/v1/apps/${a}/sessions/${s}/events?after=${after}` })),
  fc.tuple(app, fc.constantFrom<Record<string, unknown>>({ method: 'getGroupInfo', arg: { groupID: 'x' } }, { method: 'importAccount', arg: { userID: 'carol' } }, { method: 'nope' })).map(([a, body]) => ({
    method: 'POST',
    path: `/v1/apps/${a}/admin/call`,
    body,
  })),
  // references: a forward or self reference refuses the batch whole; one to a failed request is a 424
  fc.tuple(app, fc.nat(3)).map(([a, k]) => ({ method: 'POST', path: `/v1/apps/${a}/admin/call`, body: { method: 'getGroupInfo', arg: { groupID: { $ref: { request: k, pointer: '/result/data/group/groupID' } } } } })),
  fc.tuple(app, session, fc.nat(3)).map(([a, s, k]) => ({ method: 'POST', path: `/v1/apps/${a}/sessions/${s}/events`, body: { after: { $ref: { request: k, pointer: '/next' } } } })),
  fc.constantFrom<Record<string, unknown>>(
    { method: 'GET', path: '/v1/nope' },
    { method: 'GET', path: '/v1/apps/a/../b' },
    { method: 'GET', path: '//[x' },
    { method: 'DELETE', path: '/v1/apps/app-2' },
    { method: 'GET', path: '/v1/capabilities' },
    { method: 'GET', path: '/v1/stream' },
    { method: 'POST', path: '/v1/apps', body: { bogus: 1 } },
    { method: 'POST', path: '/v1/apps', body: [] },
    { method: 'POST', path: '/v1/apps/app-1/clock/advance', body: { ms: -1 } },
    { method: 'POST', path: '/v1/apps/app-1/clock/advance', body: { ms: 1000 } },
    { method: 'DELETE', path: '/v1/capabilities' },
  ),
);
/** A batch's body: mostly well formed, some refused whole (§4.11: shape, nesting, size, references). */
const batch = fc.oneof(
  { weight: 8, arbitrary: fc.record({ requests: fc.array(request, { maxLength: BATCH_MAX + 2 }), references: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['requests'] }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, unknown>>(
      { requests: 'x' },
      { requests: [{ method: 'PUT', path: '/v1/apps' }] },
      { requests: [{ method: 'POST', path: '/v1/batch', body: { requests: [] } }] },
      { requests: [], extra: 1 },
      { requests: [{ method: 'GET', path: 'no-slash' }] },
      { requests: [{ method: 'GET', path: '/v1/capabilities', body: 1, more: 2 }] },
      { references: 'yes', requests: [] },
    ),
  },
);

describe('the stream against POST /v1/batch', () => {
  it('answers every generated batch exactly as HTTP does, pipelined messages in order under their ids', async () => {
    let id = 0;
    let wholeRefusals = 0;
    let failedRequests = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: 1, maxLength: 4 }), async (batches) => {
        const sent = batches.map((b) => ({ id: ++id, ...b }));
        // every message of the run goes out before the first answer is read
        for (const m of sent) stream.send(m);
        for (const [k, b] of batches.entries()) {
          const expected = await postBatch(overHttp.url, JSON.stringify(b));
          const got = await stream.next();
          expect(got).toEqual({ id: sent[k]!.id, ...expected });
          if (expected.status !== 200) wholeRefusals++;
          else failedRequests += (expected.body as { responses: Array<{ status: number }> }).responses.filter((r) => r.status !== 200).length;
        }
      }),
      { numRuns: 80, seed: 21 },
    );
    // the generated batches did reach the refusals they are meant to compare
    expect(wholeRefusals).toBeGreaterThan(5);
    expect(failedRequests).toBeGreaterThan(20);
  }, 60_000);
});
