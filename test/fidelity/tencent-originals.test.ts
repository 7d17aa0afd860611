/**
 * Two details of the live adapter that its offline run on the drop-in brought out: a notice message
 * and the pending-list item of the same join request share a messageKey, and each must be handed
 * back as itself; a burst of REST requests is sent a few at a time; and a kept-alive socket the
 * server dropped as a request went out is retried once, where fetch says only "fetch failed".
 */
import { describe, expect, it } from 'vitest';
import { IdSpace } from '../../adapters/tencent-cloud/ids';
import { remember, restoreOriginals, type Originals } from '../../adapters/tencent-cloud/sdk';
import { limiter, restSender, type FetchLike } from '../../adapters/tencent-cloud/client';
import { readConfig } from '../../adapters/tencent-cloud/config';
import { build } from '../../adapters/tencent-cloud/rest';

describe('objects the SDK handed out are handed back as themselves', () => {
  it('a notice message and a list item with one messageKey are kept apart', () => {
    const ids = new IdSpace('gso1_');
    const originals: Originals = new Map();
    const notice = { ID: 'm1', payload: { messageKey: 'k1', operationType: 1 } };
    const item = { messageKey: 'k1', applicant: 'gso1_bob', groupID: 'gso1_g' };
    // the notice arrives first, then the pending list that holds the same request
    remember(originals, [notice]);
    remember(originals, { applicationList: [item] });
    expect((restoreOriginals({ handleAction: 'Agree', message: { ...notice } }, originals, ids) as { message: unknown }).message).toBe(notice);
    expect((restoreOriginals({ handleAction: 'Agree', application: { ...item } }, originals, ids) as { application: unknown }).application).toBe(item);
  });
});

describe('the REST sender keeps a burst to a few requests in flight', () => {
  it('runs at most the limit at once, every task completing in order', async () => {
    const turn = limiter(3);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_v, i) =>
        turn(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 2));
          running--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done).toEqual(Array.from({ length: 20 }, (_v, i) => i));
  });
  it('a task that fails frees its turn', async () => {
    const turn = limiter(1);
    await expect(turn(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(turn(async () => 'next')).resolves.toBe('next');
  });
});

describe('a socket dropped before any answer', () => {
  const config = readConfig({ GROUPSPEC_TENCENT_SDKAPPID: '1400000000', GROUPSPEC_TENCENT_SECRET_KEY: 'k', GROUPSPEC_TENCENT_ADMIN: 'administrator', GROUPSPEC_TENCENT_REST_URL: 'http://127.0.0.1:9' });
  const failing = (code: string, times: number): { fetch: FetchLike; calls: () => number } => {
    let calls = 0;
    return {
      calls: () => calls,
      fetch: async () => {
        calls++;
        if (calls <= times) throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code }) });
        return { status: 200, text: async () => JSON.stringify({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 }) };
      },
    };
  };
  it('is sent once more, and answers', async () => {
    const f = failing('UND_ERR_SOCKET', 1);
    const send = restSender({ config, userSig: () => 'sig', fetch: f.fetch });
    await expect(send(build.importAccount({ userID: 'u' }))).resolves.toMatchObject({ ActionStatus: 'OK' });
    expect(f.calls()).toBe(2);
  });
  it('twice in a row, or any other failure, is an error naming the cause', async () => {
    const twice = failing('UND_ERR_SOCKET', 2);
    await expect(restSender({ config, userSig: () => 'sig', fetch: twice.fetch })(build.importAccount({ userID: 'u' }))).rejects.toThrow('fetch failed (UND_ERR_SOCKET)');
    expect(twice.calls()).toBe(2);
    const refused = failing('ECONNREFUSED', 1);
    await expect(restSender({ config, userSig: () => 'sig', fetch: refused.fetch })(build.importAccount({ userID: 'u' }))).rejects.toThrow('fetch failed (ECONNREFUSED)');
    expect(refused.calls()).toBe(1);
  });
});
