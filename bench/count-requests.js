// Preloaded (node -r) into the wire server the gate bench starts: counts the HTTP exchanges it
// serves, and the requests they carry (a batch carries several), and reports both on stderr as it
// exits, so the bench can show round trips next to CPU. With GROUPSPEC_BENCH_EXCHANGE_KINDS set to
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
process.on('exit', () => {
  process.stderr.write(`GROUPSPEC_BENCH_EXCHANGES=${exchanges}\nGROUPSPEC_BENCH_REQUESTS=${requests}\n`);
  if (kindsFile !== undefined) writeFileSync(kindsFile, [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n') + '\n');
});
