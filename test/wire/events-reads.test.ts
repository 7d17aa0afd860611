/**
 * Events reads issued one after another without waiting (the pipelined fuzzer does this every
 * step): against a server that announces batch.postEvents, a read issued while the session's
 * previous read is unanswered starts where that read ends (docs/protocol.md §4.6, the POST form,
 * its `after` a reference), so every event crosses the wire once; without it, the read asks again
 * from the last answered position. Either way each read resolves with the log exactly as reads
 * made one at a time see it, pages cut short included.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeliveredEvent, Implementation, Session } from '../../adapters/contract';
import { wireImplementation } from '../../adapters/wire/client';
import { Transport } from '../../adapters/wire/transport';
import type { Reply } from '../../adapters/wire/queued';
import { startServer, type RunningServer } from '../../servers/wire/server';

let paged: RunningServer;
let plain: RunningServer;
beforeAll(async () => {
  plain = await startServer({ port: 0 });
  paged = await startServer({ port: 0, eventsPageMax: 2 });
});
afterAll(async () => {
  await plain?.close();
  await paged?.close();
});

/** Events the server sent in answers to events reads, and the events reads sent as a POST, while `f` runs. */
async function traffic<T>(f: () => Promise<T>): Promise<{ value: T; eventsSent: number; posts: number }> {
  // every exchange goes through carry (HTTP, or a message of the stream; a lone request over the stream is a batch of one)
  const carry = Reflect.get(Transport.prototype, 'carry') as (verb: string, path: string, payload: string | undefined) => Promise<Reply>;
  let eventsSent = 0;
  let posts = 0;
  const count = (path: string, verb: string, body: unknown) => {
    if (!/\/events(\?|$)/.test(path)) return;
    if (verb === 'POST') posts++;
    eventsSent += (body as { events?: unknown[] }).events?.length ?? 0;
  };
  const spy = vi.spyOn(Transport.prototype as unknown as { carry: typeof carry }, 'carry').mockImplementation(async function (this: Transport, verb, path, payload) {
    const reply = await carry.call(this, verb, path, payload);
    if (path === '/v1/batch') {
      const sent = JSON.parse(payload!) as { requests: Array<{ method: string; path: string }> };
      (reply.body as { responses: Array<{ body: unknown }> }).responses.forEach((r, k) => count(sent.requests[k]!.path, sent.requests[k]!.method, r.body));
    } else count(path, verb, reply.body);
    return reply;
  });
  try {
    return { value: await f(), eventsSent, posts };
  } finally {
    spy.mockRestore();
  }
}

/** Alice creates three Work groups with bob in them; each session's events are read before and after each. */
async function scenario(impl: Implementation, pipelined: boolean): Promise<DeliveredEvent[][]> {
  const app = await impl.createApp();
  const alice = await app.login('alice');
  const bob = await app.login('bob');
  const reads: Array<Promise<DeliveredEvent[]>> = [];
  const read = async (s: Session) => {
    const r = s.events();
    reads.push(r);
    if (!pipelined) await r;
  };
  await read(alice);
  await read(bob);
  for (let i = 0; i < 3; i++) {
    const created = alice.call('createGroup', { type: 'Private', name: `G${i}`, memberList: [{ userID: 'bob' }] });
    if (!pipelined) await created;
    await read(alice);
    await read(bob);
  }
  const logs = await Promise.all(reads);
  await app.close();
  return logs;
}

describe('events reads issued without waiting', () => {
  it('resolve as reads made one at a time do, each event sent once', async () => {
    const impl = await wireImplementation(plain.url);
    const oneAtATime = await traffic(() => scenario(impl, false));
    const pipelined = await traffic(() => scenario(impl, true));
    await impl.close?.();
    expect(pipelined.value).toEqual(oneAtATime.value);
    // the last reads hold every event delivered: alice's and bob's logs
    const delivered = pipelined.value.at(-2)!.length + pipelined.value.at(-1)!.length;
    expect(delivered).toBeGreaterThan(6);
    expect(oneAtATime.eventsSent).toBe(delivered);
    expect(pipelined.eventsSent).toBe(delivered);
    // each session's reads after its first named the read before, which was unanswered when they were issued
    expect(pipelined.posts).toBe(6);
    expect(oneAtATime.posts).toBe(0);
  });

  it('complete a page cut short with a further read, each read a prefix of the next (pages of 2 events)', async () => {
    const impl = await wireImplementation(paged.url);
    const oneAtATime = await scenario(impl, false);
    const pipelined = await traffic(() => scenario(impl, true));
    await impl.close?.();
    const logs = pipelined.value;
    // a page cut short is completed by a read issued after the later calls, which may bring later events too (as before)
    for (let k = 0; k < logs.length; k++) {
      expect(logs[k]!.length).toBeGreaterThanOrEqual(oneAtATime[k]!.length);
      if (k >= 2) expect(logs[k]!.slice(0, logs[k - 2]!.length)).toEqual(logs[k - 2]);
    }
    expect(logs.slice(-2)).toEqual(oneAtATime.slice(-2));
    expect(pipelined.posts).toBeGreaterThan(0);
  });

  it('ask again from the last answered position with postEvents off, with the same logs', async () => {
    const on = await wireImplementation(plain.url);
    const off = await wireImplementation(plain.url, { postEvents: false });
    const withPosts = await traffic(() => scenario(on, true));
    const without = await traffic(() => scenario(off, true));
    await on.close?.();
    await off.close?.();
    expect(without.value).toEqual(withPosts.value);
    expect(without.posts).toBe(0);
    expect(without.eventsSent).toBeGreaterThan(withPosts.eventsSent);
  });
});
