// Preloaded (node -r) into the wire server the gate bench starts: counts the HTTP exchanges it
// serves, and the requests they carry (a batch carries several), and reports both on stderr as it
// exits, so the bench can show round trips next to CPU. A message of the wire protocol's stream
// (docs/protocol.md §4.12) is an exchange too; how many of the exchanges were stream messages is
// reported apart (GROUPSPEC_BENCH_STREAM_MESSAGES), which tells the carrier the run used. With GROUPSPEC_BENCH_EXCHANGE_KINDS set to
// a file, it also writes there how many exchanges of each kind it served (a lone request by
// endpoint and call method; a batch by its size), to see which exchanges are left.
'use strict';
const http = require('node:http');
const { writeFileSync } = require('node:fs');

let exchanges = 0;
let requests = 0;
const kindsFile = process.env.GROUPSPEC_BENCH_EXCHANGE_KINDS;
const kinds = new Map();
const count = (k) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
/** A request's endpoint without its IDs, and the call's method name. */
function kindOf(verb, url, body) {
  const path = url.replace(/\/apps\/[^/?]+/, '/apps/:a').replace(/\/sessions\/[^/?]+/, '/sessions/:s').replace(/\?.*/, '');
  return `${verb} ${path}${body !== null && typeof body === 'object' && typeof body.method === 'string' ? ` ${body.method}` : ''}`;
}
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === 'request') {
    exchanges++;
    if (req.url === '/v1/batch' || kindsFile !== undefined) {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        if (req.url === '/v1/batch') {
          const n = Array.isArray(body?.requests) ? body.requests.length : 1;
          requests += n;
          if (kindsFile !== undefined) count(`batch of ${n > 9 ? '10+' : n}`);
        } else {
          requests++;
          count(kindOf(req.method, req.url, body));
        }
      });
    } else {
      requests++;
    }
  }
  return emit.call(this, event, req, ...rest);
};
// the server's end of a stream (ws marks it `_isServer`): each message it receives is a batch
let messages = 0;
const { WebSocket } = require('ws');
const wsEmit = WebSocket.prototype.emit;
WebSocket.prototype.emit = function (event, data, ...rest) {
  if (event === 'message' && this._isServer === true) {
    exchanges++;
    messages++;
    let body;
    try {
      body = JSON.parse(data.toString('utf8'));
    } catch {
      body = undefined;
    }
    const n = Array.isArray(body?.requests) ? body.requests.length : 1;
    requests += n;
    if (kindsFile !== undefined) count(`stream message of ${n > 9 ? '10+' : n}`);
  }
  return wsEmit.call(this, event, data, ...rest);
};
process.on('exit', () => {
  process.stderr.write(`GROUPSPEC_BENCH_EXCHANGES=${exchanges}\nGROUPSPEC_BENCH_REQUESTS=${requests}\nGROUPSPEC_BENCH_STREAM_MESSAGES=${messages}\n`);
  if (kindsFile !== undefined) writeFileSync(kindsFile, [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n') + '\n');
});
