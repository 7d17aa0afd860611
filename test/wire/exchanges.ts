/**
 * Counts the exchanges a test's wire server receives (a batch counts once, an HTTP exchange or a
 * stream message alike), for the round-trip tests of test/wire/.
 */
import * as http from 'node:http';
import { WebSocket } from 'ws';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../servers/wire/server';
import type { App, Implementation } from '../../adapters/contract';

/**
 * Starts a reference wire server for the file's tests and counts the exchanges it receives:
 * `counted(f)` is f's value and the exchanges it took. `server()` is the running server.
 */
export function countedServer(): { server: () => RunningServer; counted: <T>(f: () => Promise<T>) => Promise<{ value: T; exchanges: number }> } {
  let server: RunningServer | undefined;
  let exchanges = 0;
  const realEmit = http.Server.prototype.emit;
  const realWsEmit = WebSocket.prototype.emit;
  beforeAll(async () => {
    http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') exchanges++;
      return Reflect.apply(realEmit, this, [event, ...args]) as boolean;
    } as typeof realEmit;
    // a message the server's end of a stream receives (ws marks that end `_isServer`); the client's end receives answers
    WebSocket.prototype.emit = function (this: WebSocket & { _isServer?: boolean }, event: string | symbol, ...args: unknown[]) {
      if (event === 'message' && this._isServer === true) exchanges++;
      return Reflect.apply(realWsEmit, this, [event, ...args]) as boolean;
    } as typeof realWsEmit;
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    http.Server.prototype.emit = realEmit;
    WebSocket.prototype.emit = realWsEmit;
    await server?.close();
  });
  return {
    server: () => server!,
    async counted(f) {
      const before = exchanges;
      const value = await f();
      return { value, exchanges: exchanges - before };
    },
  };
}

/** Wraps an implementation so that the app admin's calls of `method` get `answer()` instead (an implementation that misbehaves, for tests). */
export function adminAnswers(method: string, answer: () => Promise<unknown>): (impl: Implementation) => Implementation {
  return (impl) => ({
    ...impl,
    async createApp(o) {
      const app = await impl.createApp(o);
      const admin = app.admin;
      const call = (m: string, arg?: unknown) => (m === method ? answer() : admin.call(m, arg));
      return { ...app, admin: { ...admin, call } } as App;
    },
  });
}
