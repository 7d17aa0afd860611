#!/usr/bin/env node
'use strict';
// groupspec's command line. In an installed package it runs the compiled dist/; in a checkout it
// compiles the TypeScript sources on the fly (ts-node, transpile-only; `npm run typecheck` checks types).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const compiled = join(root, 'dist', 'runner', 'cli.js');
let cli;
if (existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('ts-node').register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
  cli = require(join(root, 'runner', 'cli.ts'));
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
