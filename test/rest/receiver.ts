/**
 * A real HTTP receiver for the webhook tests: it records every callback (query and body) and
 * answers with `answer(body)` (default: allow), after an optional delay or with another status.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHarness } from './helpers';

export interface Received {
  query: Record<string, string>;
  body: Record<string, any>;
}

export type Answer = (body: Record<string, any>) => { status?: number; json?: unknown; delayMs?: number };

/** A receiver that records every callback and answers with `answer(body)` (default: allow). */
export async function receiver(answer: Answer = () => ({})) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, any>;
      got.push({ query: Object.fromEntries(new URL(req.url!, 'http://x').searchParams), body });
      const a = answer(body);
      setTimeout(() => {
        res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(a.json ?? { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0 }));
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/im-callback`;
  return { got, url, close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }) };
}

/** The REST emulator with its webhooks pointed at a fresh receiver. */
export async function withReceiver(answer?: Answer, options: { callbackTimeoutMs?: number } = {}) {
  const rx = await receiver(answer);
  const h = await startHarness({ callbackUrl: rx.url, ...options });
  return {
    rx,
    h,
    /** The CallbackCommands received so far, in order. */
    commands: () => rx.got.map((r) => r.body.CallbackCommand as string),
    /** Resolves once every "after" callback queued so far has been sent. */
    settle: () => h.emu.webhooks!.idle(),
    close: async () => {
      await h.close();
      await rx.close();
    },
  };
}
