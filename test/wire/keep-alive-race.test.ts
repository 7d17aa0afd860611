/**
 * The keep-alive race: a server closes an idle keep-alive socket just as the client writes its next
 * request on it (seen in full gate runs over the wire when the gate's event loop was blocked past the
 * server's keep-alive timeout). The server below reproduces it deterministically: on a reused
 * connection it reads the next request and drops the socket without answering, as a server that had
 * already decided to close it would. The client must retry once on a new socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Transport } from '../../adapters/wire/transport';

let server: net.Server | undefined;
afterEach(() => new Promise<void>((done) => (server === undefined ? done() : server.close(() => done()))));

/** Answers the first request of every connection with keep-alive; destroys it on the second. */
function racingServer(): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = net.createServer((socket) => {
    connections++;
    let requests = 0;
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
        requests++;
        if (requests > 1) {
          socket.destroy();
          return;
        }
        const body = JSON.stringify({ ok: true, n: connections });
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`);
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, connections: () => connections })));
}

describe('wire transport', () => {
  it('retries once on a new socket when a reused keep-alive socket is dropped before any answer', async () => {
    const { url, connections } = await racingServer();
    const t = new Transport(url, 5000);
    expect(await t.send('GET', '/v1/capabilities')).toEqual({ ok: true, n: 1 });
    // the agent reuses the idle socket; the server drops it; the retry opens connection 2
    expect(await t.send('GET', '/v1/capabilities')).toEqual({ ok: true, n: 2 });
    expect(connections()).toBe(2);
  });
});
