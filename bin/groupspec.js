#!/usr/bin/env node
'use strict';
// groupspec's command line. In a checkout (runner/cli.ts present) it compiles the TypeScript sources
// on the fly (runner/register-ts.js: swc, transpile-only; `npm run typecheck` checks the
// types), so a dist/ left by a build is never run stale; an installed package ships only the
// compiled dist/.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
// `serve` loads only the servers (runner/serve.ts), not the gate's ~600 modules: ~0.4 s of CPU at every start
const entry = process.argv[2] === 'serve' ? 'serve' : 'cli';
// before cucumber loads: its step matching takes group positions from Node's native match indices
if (entry === 'cli') require(join(root, 'bin', 'native-match-indices.js'));
const source = join(root, 'runner', `${entry}.ts`);
let cli;
if (existsSync(source)) {
  require(join(root, 'runner', 'register-ts.js'));
  cli = require(source);
} else {
  cli = require(join(root, 'dist', 'runner', `${entry}.js`));
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`groupspec: internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
