'use strict';
/**
 * Runs calls against the REAL @tencentcloud/chat SDK, offline, and prints the outcomes as JSON.
 * Started by client-side-checks.test.ts in a child process (the SDK keeps timers alive, so this
 * process ends itself with process.exit; the parent also kills it after a hard timeout).
 *
 * Input: argv[2] is JSON `{sdkAppID: number, probes: [{id, method, args?}]}` (`args` absent = no
 * argument at all). Output (stdout, one JSON document): `{version, results: {[id]: Outcome},
 * requests: string[]}` where Outcome is
 *   {kind: 'throw', message, name, ownKeys, hasCode}      the call threw synchronously
 *   {kind: 'reject', code, message, ownKeys, requests}    the returned promise rejected
 *   {kind: 'resolve', value, requests}                    the returned promise resolved
 * and `requests` lists the network requests the SDK attempted while the call was pending.
 *
 * Every network API the SDK reaches for (WebSocket, XMLHttpRequest, fetch) is a stub that fails
 * fast, so nothing leaves the machine.
 */
const network = [];

class OfflineWebSocket {
  constructor(url) {
    network.push(`WebSocket ${String(url).split('?')[0]}`);
    this.url = String(url);
    this.readyState = 3;
    setTimeout(() => {
      if (typeof this.onerror === 'function') this.onerror(new Error('offline'));
      if (typeof this.onclose === 'function') this.onclose({ code: 1006, reason: 'offline', wasClean: false });
    }, 0);
  }
  send() {}
  close() {}
  addEventListener() {}
  removeEventListener() {}
}
OfflineWebSocket.CONNECTING = 0;
OfflineWebSocket.OPEN = 1;
OfflineWebSocket.CLOSING = 2;
OfflineWebSocket.CLOSED = 3;

class OfflineXMLHttpRequest {
  open(method, url) {
    this.target = `XMLHttpRequest ${method} ${String(url).split('?')[0]}`;
  }
  setRequestHeader() {}
  send() {
    network.push(this.target);
    this.readyState = 4;
    this.status = 0;
    setTimeout(() => {
      if (typeof this.onerror === 'function') this.onerror(new Error('offline'));
      if (typeof this.onreadystatechange === 'function') this.onreadystatechange();
    }, 0);
  }
  abort() {}
  addEventListener() {}
  removeEventListener() {}
  getAllResponseHeaders() {
    return '';
  }
}

globalThis.WebSocket = OfflineWebSocket;
globalThis.XMLHttpRequest = OfflineXMLHttpRequest;
globalThis.fetch = async (url) => {
  network.push(`fetch ${String(url).split('?')[0]}`);
  throw new TypeError('offline');
};

// the SDK logs every step to the console: keep stdout for the result
const write = process.stdout.write.bind(process.stdout);
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => {};

const input = JSON.parse(process.argv[2] || '{}');
const TencentCloudChat = require('@tencentcloud/chat');
const chat = TencentCloudChat.create({ SDKAppID: input.sdkAppID });

const settle = (p) =>
  Promise.race([p.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error })), new Promise((r) => setTimeout(() => r({ timeout: true }), 3000))]);

async function run(probe) {
  const before = network.length;
  let returned;
  try {
    returned = probe.args === undefined ? chat[probe.method]() : chat[probe.method](...probe.args);
  } catch (e) {
    return { kind: 'throw', name: e && e.name, message: e && e.message, ownKeys: Object.keys(e || {}), hasCode: !!e && 'code' in e, isError: e instanceof Error };
  }
  if (!returned || typeof returned.then !== 'function') return { kind: 'value', value: returned };
  const s = await settle(returned);
  const requests = network.slice(before);
  if (s.timeout) return { kind: 'pending', requests };
  if (s.ok) return { kind: 'resolve', value: s.value, requests };
  const e = s.error;
  return { kind: 'reject', code: e && e.code, message: e && e.message, ownKeys: Object.keys(e || {}), isError: e instanceof Error, requests };
}

(async () => {
  const results = {};
  for (const probe of input.probes || []) results[probe.id] = await run(probe);
  try {
    await chat.destroy();
  } catch {
    // before login destroy() rejects with 2024: the timers are ended by process.exit below
  }
  write(JSON.stringify({ version: TencentCloudChat.VERSION, results, requests: network }));
  process.exit(0);
})().catch((e) => {
  write(JSON.stringify({ fatal: String(e && e.stack) }));
  process.exit(1);
});
