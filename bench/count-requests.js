// Preloaded (node -r) into the wire server the gate bench starts: counts the HTTP exchanges it
// serves, and the requests they carry (a batch carries several), and reports both on stderr as it
// exits, so the bench can show round trips next to CPU.
'use strict';
const http = require('node:http');

let exchanges = 0;
let requests = 0;
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === 'request') {
    exchanges++;
    if (req.url === '/v1/batch') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        try {
          requests += JSON.parse(Buffer.concat(chunks).toString('utf8')).requests.length;
        } catch {
          requests++;
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
});
