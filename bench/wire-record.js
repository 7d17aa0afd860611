// Preloaded (node -r) into a wire server: records every exchange it serves, in the order the server
// handles them (a request is recorded when its body has arrived, which is when the server runs it),
// with the answer it gave, as JSON lines in the file GROUPSPEC_BENCH_RECORD names. bench/wire-server.ts
// replays such a recording against fresh servers (this checkout's and another's) and checks that
// every answer is the same, byte for byte: the server's CPU per request on real traffic (a whole
// gate, a fuzz run), apart from any client's.
'use strict';
const http = require('node:http');
const { writeFileSync } = require('node:fs');

const file = process.env.GROUPSPEC_BENCH_RECORD;
const lines = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event === 'request' && file !== undefined) {
    const chunks = [];
    const entry = { method: req.method, url: req.url, type: req.headers['content-type'], body: '', status: 0, answer: '' };
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      entry.body = Buffer.concat(chunks).toString('utf8');
      lines.push(entry);
    });
    const writeHead = res.writeHead;
    res.writeHead = function (status, ...rest) {
      entry.status = status;
      return writeHead.call(this, status, ...rest);
    };
    const end = res.end;
    res.end = function (text, ...rest) {
      if (typeof text === 'string') entry.answer = text;
      return end.call(this, text, ...rest);
    };
  }
  return emit.apply(this, arguments);
};
process.on('exit', () => {
  if (file !== undefined) writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
});
