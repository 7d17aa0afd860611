/**
 * The shared HTTP base (servers/http) on its own: path vetting, routing, and a server's own error
 * envelope used for the base's answers too (here Tencent's REST shape, as servers/rest mounts it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFault, RawJson, Router, cachedResolver, checkTarget, decodeJson, readBody, startHttpServer, type RunningHttpServer } from '../../servers/http';
import { converse, request } from './raw-http';

describe('checkTarget', () => {
  it.each(['/v1/apps/a/../b', '/v1/apps/a/..', '/..', '/v1/./x', '/v1/%2e%2e/x', '/v1/%2E/x', '/v1/.%2e/x', '/v1/a%2Fb', '/v1/a%2fb', '/v1/a%5Cb', '/v1\\x', 'http://h/v1/../x'])('refuses %s with 400 bad-path', (target) => {
    let fault: unknown;
    try {
      checkTarget(target);
    } catch (e) {
      fault = e;
    }
    expect(fault).toBeInstanceOf(HttpFault);
    expect([(fault as HttpFault).status, (fault as HttpFault).reason]).toEqual([400, 'bad-path']);
  });

  it.each(['/v1/apps/a.b/c', '/v1/...', '/v1/.hidden', '/v1/a..b', '/v1/apps?x=../y', '/v1/apps?p=%2F', '/v1/%41'])('lets %s through', (target) => {
    expect(() => checkTarget(target)).not.toThrow();
  });
});

describe('Router', () => {
  type H = (params: Readonly<Record<string, string>>) => unknown;
  const router = new Router<H>([
    { verb: 'GET', path: ['items', ':id'], handler: (p) => ({ id: p.id }) },
    { verb: 'DELETE', path: ['items', ':id'], handler: () => ({ deleted: true }) },
  ]);
  const resolve = cachedResolver<H>((verb, { pathname, segments }) => router.find(verb, segments, pathname));

  it('captures params, decoded, and keeps the query apart', () => {
    const t = resolve('GET', '/items/a%20b?x=1');
    expect([t.route.handler(t.params), t.query.get('x')]).toEqual([{ id: 'a b' }, '1']);
    // the second lookup comes from the cache, with its own query
    expect(resolve('GET', '/items/a%20b?x=2').query.get('x')).toBe('2');
  });

  it('answers an unknown path 404 and a known path with another verb 405 with Allow', () => {
    expect(() => resolve('GET', '/nothing')).toThrow(expect.objectContaining({ status: 404, reason: 'unknown-endpoint' }));
    expect(() => resolve('POST', '/items/1')).toThrow(expect.objectContaining({ status: 405, reason: 'method-not-allowed', headers: { Allow: 'GET, DELETE' } }));
  });
});

describe('a server with its own error envelope', () => {
  let server: RunningHttpServer;
  let closed = false;
  const tencent = (f: HttpFault) => ({ ActionStatus: 'FAIL', ErrorCode: f.status === 500 ? 70500 : 60000 + f.status, ErrorInfo: `${f.reason}: ${f.message}` });

  beforeAll(async () => {
    server = await startHttpServer({
      errorBody: tencent,
      limits: { maxBodyBytes: 64 },
      onClose: () => (closed = true),
      handle: async (req, limits) => {
        if (req.url === '/boom') {
          req.resume();
          throw new TypeError('boom');
        }
        if (req.url === '/raw') {
          req.resume();
          return new RawJson('{"raw":true}', 202, { 'X-Raw': '1' });
        }
        const body = decodeJson(req, await readBody(req, limits.maxBodyBytes));
        return { ActionStatus: 'OK', ErrorCode: 0, echo: body };
      },
    });
  });

  afterAll(async () => {
    await server?.close();
    expect(closed).toBe(true);
  });

  it('answers a good request with the handler value', async () => {
    const a = await converse(server.url, [request('POST', '/v4/x', '{"a":1}')]);
    expect([a.status, a.json]).toEqual([200, { ActionStatus: 'OK', ErrorCode: 0, echo: { a: 1 } }]);
  });

  it('answers the base faults in the server envelope', async () => {
    const cases: Array<[string, number, string]> = [
      [request('GET', '/v4/../x'), 400, 'bad-path'],
      [request('POST', '/v4/x', JSON.stringify({ pad: 'x'.repeat(100) })), 413, 'body-too-large'],
      [request('POST', '/v4/x', '{"a":'), 400, 'malformed-json'],
      ['NOT HTTP\r\n\r\n', 400, 'bad-http'],
      [request('GET', '/boom'), 500, 'internal'],
    ];
    for (const [text, status, reason] of cases) {
      const a = await converse(server.url, [text]);
      expect([a.status, a.json.ActionStatus, a.json.ErrorInfo.split(':')[0]]).toEqual([status, 'FAIL', reason]);
    }
  });

  it('sends a RawJson with its status and headers', async () => {
    const a = await converse(server.url, [request('GET', '/raw')]);
    expect([a.status, a.headers['x-raw'], a.json]).toEqual([202, '1', { raw: true }]);
  });
});
