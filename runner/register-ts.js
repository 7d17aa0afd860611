'use strict';
// How a checkout loads the suite's TypeScript sources (cucumber.js's profiles, `groupspec run`'s
// feature run, the tests' child processes): every .ts file is transpiled from its source as it is
// loaded, so an edit is never run stale; `npm run typecheck` checks the types once.
//
// The transpiler is swc (@swc/core, a devDependency), called directly with the options ts-node
// derives from tsconfig.json for it (ts-node --swc, transpile-only, printed by ts-node 10.9.2):
// test/register-ts.test.ts checks that both give the same JavaScript for every source file. Going
// through ts-node cost ~0.45 s of CPU per process, most of it loading TypeScript (9 MB) only to
// read tsconfig.json. Stack traces point into the TypeScript sources (inline source maps, Node's
// own source-map support). Where @swc/core cannot load (a platform without its binary), ts-node
// with TypeScript's transpiler takes over, as before: the same JavaScript, only slower.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The swc options ts-node 10.9.2 passes for this tsconfig.json (module NodeNext in a CommonJS package, target ES2022, esModuleInterop). */
const SWC_OPTIONS = {
  module: { type: 'commonjs', noInterop: false, strictMode: true, ignoreDynamic: true },
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', tsx: false, dynamicImport: true, importAssertions: true },
    target: 'es2022',
    transform: { legacyDecorator: true, react: { throwIfNamespace: false, useBuiltins: false }, useDefineForClassFields: true },
    keepClassNames: true,
    experimental: { keepImportAttributes: true, emitAssertForImportAttributes: true },
  },
};

function loadSwc() {
  try {
    return require('@swc/core');
  } catch {
    return undefined;
  }
}

/** The JavaScript a TypeScript source runs as; with `map`, also its source map (JSON text). */
function transpile(swc, source, filename, map = false) {
  const out = swc.transformSync(source, { ...SWC_OPTIONS, sourceMaps: map, filename });
  return map ? out.map : out.code;
}

/**
 * Stack traces point into the TypeScript: a file's source map is made when a stack first names the
 * file (from the source it was compiled from, kept), not for every file loaded, as ts-node did it
 * (the same source-map-support). Without that package, Node's own support with inline maps.
 */
function mapStacks(swc, sources) {
  let support;
  try {
    support = require('@cspotcode/source-map-support');
  } catch {
    process.setSourceMapsEnabled(true);
    return false;
  }
  const made = new Map();
  support.install({
    environment: 'node',
    hookRequire: false,
    retrieveSourceMap(path) {
      const source = sources.get(path);
      if (source === undefined) return null;
      if (!made.has(path)) made.set(path, transpile(swc, source, path, true));
      return { url: path, map: made.get(path) };
    },
  });
  return true;
}

function register() {
  if (require.extensions['.ts'] !== undefined) return;
  const swc = loadSwc();
  if (swc === undefined) {
    require('ts-node').register({ project: join(__dirname, '..', 'tsconfig.json'), transpileOnly: true });
    return;
  }
  const sources = new Map();
  const lazyMaps = mapStacks(swc, sources);
  require.extensions['.ts'] = function loadTypeScript(module, filename) {
    const source = readFileSync(filename, 'utf8');
    if (lazyMaps) sources.set(filename, source);
    module._compile(lazyMaps ? transpile(swc, source, filename) : swc.transformSync(source, { ...SWC_OPTIONS, sourceMaps: 'inline', filename }).code, filename);
  };
}

register();
module.exports = { SWC_OPTIONS, transpile, loadSwc };
