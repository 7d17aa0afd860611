/**
 * The wire client's round-trip savings (issue 21): write-behind (logout and closing an app travel in
 * front of the next request) and apps made ahead. Each must save exchanges without changing what
 * the server runs or in which order, and a failure must still reach the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Implementation } from '../../adapters/contract';
import { wireImplementation } from '../../adapters/wire/client';
import { traced } from '../../adapters/contract/trace';
import { withDeadlines } from '../../adapters/contract/deadline';
import { countedServer } from './exchanges';
import { Transport } from '../../adapters/wire/transport';
import { AppAnswer, CapabilitiesAnswer } from '../../adapters/wire/protocol';

const { server: running, counted } = countedServer();

describe('write-behind and apps made ahead', () => {
  let wire: Implementation;
  beforeAll(async () => {
    wire = await wireImplementation(running().url, { timeoutMs: 5000 });
  });
  afterAll(async () => {
    await wire.close?.();
  });

  it('declares inOrder with batches, also through the trace and deadline wrappers the runner adds (the World then issues its reading with the action)', async () => {
    expect(wire.inOrder).toBe(true);
    expect(traced(wire).inOrder).toBe(true);
    expect(withDeadlines(wire, 1000).inOrder).toBe(true);
    const unbatched = await wireImplementation(running().url, { batch: false });
    expect(traced(unbatched).inOrder).toBe(false);
    await unbatched.close?.();
  });

    it('sends a logout in front of the next request, which then sees the session logged out', async () => {
    const app = await wire.createApp();
    const alice = await app.login('alice');
    await alice.call('createGroup', { type: 'Public', name: 'P' });
    expect((await counted(() => alice.logout())).exchanges).toBe(0);
    const next = await counted(() => alice.call('getGroupList').then(() => 'answered', (e: { code?: number }) => e.code));
    // one exchange carried the logout and the call, in that order
    expect(next).toEqual({ value: 2024, exchanges: 1 });
    await app.close();
  });

  it('sends a clock advance in front of the next request, which sees the new time', async () => {
    const app = await wire.createApp();
    const start = await app.now!();
    expect((await counted(() => app.advanceClock!(60_000))).exchanges).toBe(0);
    expect(await counted(() => app.now!())).toEqual({ value: start + 60_000, exchanges: 1 });
    await app.close();
  });

  it('keeps issue order: a logout issued after a call goes after it, in the same exchange', async () => {
    const app = await wire.createApp();
    const alice = await app.login('alice');
    const [made, out] = await counted(() => Promise.all([alice.call('createGroup', { type: 'Public', name: 'before logout' }), alice.logout()])).then((r) => r.value);
    expect(made.data.group.name).toBe('before logout');
    expect(out).toBeUndefined();
    await expect(alice.call('getGroupList')).rejects.toMatchObject({ code: 2024 });
    await app.close();
  });

  it('makes the next app ahead, so a scenario after the first costs no exchange to create its app', async () => {
    const first = await counted(() => wire.createApp({ seed: 3 }));
    await first.value.login('alice');
    await first.value.close();
    const second = await counted(() => wire.createApp({ seed: 3 }));
    expect(second.exchanges).toBe(0);
    // a fresh app: nothing of the first one is in it, and it works
    const alice = await second.value.login('alice');
    expect((await alice.call('getGroupList')).data.groupList).toEqual([]);
    const { data } = await alice.call('createGroup', { type: 'Public', name: 'again' });
    expect(data.group.memberNum).toBe(1);
    await second.value.close();
  });

  it('does not use an app made ahead with other options', async () => {
    (await wire.createApp()).close();
    const small = await wire.createApp({ limits: { memberCap: { Private: 2 } } });
    const alice = await small.login('alice');
    await small.admin.call('importAccount', { userID: 'bob' });
    await small.admin.call('importAccount', { userID: 'carol' });
    await expect(alice.call('createGroup', { type: 'Private', name: 'W', memberList: [{ userID: 'bob' }, { userID: 'carol' }] })).rejects.toMatchObject({ code: 10014 });
    await small.close();
  });
});

describe('a write-behind request that fails', () => {
  it('is reported by the next request, naming the request that failed', async () => {
    const wire = await wireImplementation(running().url, { timeoutMs: 5000 });
    const app = await wire.createApp();
    const alice = await app.login('alice');
    await app.close();
    // the app is gone: this logout is answered 404 when it travels, with the next request
    await alice.logout();
    // the next request (a new app, with other options than the one made ahead) reports it
    const e = await wire.createApp({ seed: 9 }).then(
      () => undefined,
      (x: Error) => x,
    );
    expect(e?.message).toMatch(/logout.*unknown-app/);
    expect(typeof (e as { code?: unknown } | undefined)?.code).not.toBe('number');
    await wire.close?.();
  });

  it('is reported by close() when no request follows it', async () => {
    const wire = await wireImplementation(running().url, { timeoutMs: 5000 });
    const app = await wire.createApp();
    const alice = await app.login('alice');
    await app.close();
    await alice.logout();
    await expect(wire.close!()).rejects.toThrow(/logout.*unknown-app/);
  });

  it('is not written behind by a client without batches', async () => {
    const wire = await wireImplementation(running().url, { timeoutMs: 5000, batch: false });
    const app = await wire.createApp();
    const alice = await app.login('alice');
    await app.close();
    await expect(alice.logout()).rejects.toThrow(/unknown-app/);
    await wire.close?.();
  });

  it('settles the awaited requests of a batch even when a write-behind request\'s callback throws', async () => {
    const t = new Transport(running().url, 5000);
    t.batchMax = 10;
    let called = 0;
    const behind = t.sendLater(AppAnswer, 'POST', '/v1/apps', {}, {
      answered: () => {
        called++;
        throw new Error('a callback that throws');
      },
      failed: () => undefined,
    });
    const caps = t.expect(CapabilitiesAnswer, 'GET', '/v1/capabilities');
    // without the guard the throw left `caps` pending for ever (the exchange itself was answered, so no timer ends it)
    const within = await Promise.race([caps.then((c) => c.ok), new Promise((r) => setTimeout(() => r('still pending'), 2000).unref())]);
    expect(within).toBe(true);
    expect(called).toBe(1);
    await behind;
    await t.settle().catch(() => undefined);
  });
});
