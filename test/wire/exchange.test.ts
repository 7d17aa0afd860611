/**
 * One HTTP exchange of the wire client (adapters/wire/exchange.ts): what it promises besides the
 * keep-alive race (keep-alive-race.test.ts): redirects followed as fetch follows them, the deadline,
 * and the two failures a caller tells apart, against a raw node:http server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { bodyText, exchange } from '../../adapters/wire/exchange';
import { WireError, WireTimeoutError } from '../../adapters/wire/protocol';

let server: http.Server | net.Server | undefined;
afterEach(async () => {
  if (server instanceof http.Server) server.closeAllConnections();
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
  server = undefined;
});

function listen(s: http.Server | net.Server): Promise<string> {
  server = s;
  return new Promise((done) => s.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

/** Answers with what it received: method, path and body; /hop/<status>/<n> redirects n times with that status. */
function echoServer(): Promise<string> {
  return listen(
    http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hop = /^\/hop\/(\d+)\/(\d+)$/.exec(req.url ?? '');
        if (hop !== null && Number(hop[2]) > 0) {
          res.writeHead(Number(hop[1]), { Location: `/hop/${hop[1]}/${Number(hop[2]) - 1}` });
          res.end('moved');
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8'), type: req.headers['content-type'] ?? null }));
      });
    }),
  );
}

const rejection = (p: Promise<unknown>) => p.then(() => expect.unreachable('resolved'), (e: unknown) => e as Error);

describe('wire exchange', () => {
  it("decodes a body exactly as fetch's text() does (TextDecoder: a leading BOM dropped, bad bytes replaced)", () => {
    const decoder = new TextDecoder('utf-8');
    const same = (bytes: Uint8Array): void => {
      expect(bodyText(Buffer.from(bytes))).toBe(decoder.decode(bytes));
    };
    for (const bytes of [[0xef, 0xbb, 0xbf, 0x41], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0xaf], [0xef, 0xbf, 0xbd], [0x41, 0xef, 0xbb, 0xbf], []]) same(Uint8Array.from(bytes));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), same), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => same(new TextEncoder().encode(s))), { numRuns: 1000 });
  });

  it('sends the body as JSON and reads the answer as UTF-8 text', async () => {
    const url = await echoServer();
    const { status, text } = await exchange(`${url}/v1/x?after=2`, 'x', 'POST', '{"s":"群"}', 5000);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ method: 'POST', url: '/v1/x?after=2', body: '{"s":"群"}', type: 'application/json' });
  });

  it('follows redirects as fetch does: 303 and a POST under 301/302 become a GET, 307/308 keep method and body', async () => {
    const url = await echoServer();
    const after = async (status: number, method: string) => JSON.parse((await exchange(`${url}/hop/${status}/2`, 'x', method, method === 'GET' ? undefined : '{"a":1}', 5000)).text);
    expect(await after(303, 'POST')).toMatchObject({ method: 'GET', url: '/hop/303/0', body: '' });
    expect(await after(303, 'DELETE')).toMatchObject({ method: 'GET', body: '' });
    expect(await after(301, 'POST')).toMatchObject({ method: 'GET', body: '' });
    expect(await after(302, 'POST')).toMatchObject({ method: 'GET', body: '' });
    expect(await after(302, 'DELETE')).toMatchObject({ method: 'DELETE', body: '{"a":1}' });
    expect(await after(307, 'POST')).toMatchObject({ method: 'POST', url: '/hop/307/0', body: '{"a":1}' });
    expect(await after(308, 'POST')).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('follows at most 20 redirects', async () => {
    const url = await echoServer();
    expect((await exchange(`${url}/hop/302/20`, 'x', 'GET', undefined, 5000)).status).toBe(200);
    const e = await rejection(exchange(`${url}/hop/302/21`, 'twenty-one', 'GET', undefined, 5000));
    expect(e).toBeInstanceOf(WireError);
    expect(e.message).toBe('twenty-one failed: cannot reach the server (redirect count exceeded)');
  });

  it('gives up at the deadline with WireTimeoutError', async () => {
    const url = await listen(http.createServer(() => undefined));
    const e = await rejection(exchange(`${url}/slow`, 'the slow call', 'POST', '{}', 200));
    expect(e).toBeInstanceOf(WireTimeoutError);
    expect(e.message).toBe('the slow call did not answer within 200 ms');
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const url = await listen(net.createServer());
    await new Promise<void>((done) => server!.close(() => done()));
    server = undefined;
    const e = await rejection(exchange(`${url}/v1/capabilities`, 'capabilities', 'GET', undefined, 5000));
    expect(e).toBeInstanceOf(WireError);
    expect(e).not.toBeInstanceOf(WireTimeoutError);
    expect(e.message).toMatch(/^capabilities failed: cannot reach the server \(.*ECONNREFUSED/);
  });

  it('says the connection broke when the answer is cut off', async () => {
    const url = await listen(
      net.createServer((socket) => {
        socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ok":'));
        socket.on('error', () => undefined);
      }),
    );
    const e = await rejection(exchange(`${url}/v1/capabilities`, 'capabilities', 'GET', undefined, 5000));
    expect(e).toBeInstanceOf(WireError);
    expect(e.message).toMatch(/^capabilities: the connection broke while reading the 200 answer \(/);
    expect((e as WireError).status).toBe(200);
  });

  it('does not keep the process alive with an idle keep-alive socket', async () => {
    const url = await echoServer();
    // a child that makes one exchange and then has nothing to do must exit at once, not after the idle timeout
    const script = `require(${JSON.stringify(join(__dirname, '..', '..', 'runner', 'register-ts.js'))});
      const t0 = Date.now();
      require(${JSON.stringify(join(__dirname, '..', '..', 'adapters', 'wire', 'exchange'))}).exchange(${JSON.stringify(`${url}/v1/x`)}, 'x', 'GET', undefined, 5000)
        .then((r) => { process.on('exit', () => console.log(r.status, Date.now() - t0)); });`;
    // asynchronously: the server lives in this process
    const child = await new Promise<{ stdout: string; stderr: string }>((done) => execFile(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 }, (_e, stdout, stderr) => done({ stdout, stderr })));
    expect(child.stderr).toBe('');
    const [status, ms] = child.stdout.trim().split(' ').map(Number);
    expect(status).toBe(200);
    // the agent keeps an idle socket 4 s; exiting well before that means it did not hold the process
    expect(ms).toBeLessThan(3000);
  });
});
