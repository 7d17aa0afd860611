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
//
// swc's output is cached on disk (node_modules/.cache/groupspec/ts, or GROUPSPEC_TS_CACHE; `off`
// turns it off) under the hash of everything it depends on: the source text itself (not its mtime,
// so an edit is never run stale), the file's path, the swc options and swc's version. A run whose
// files are all cached does not load swc at all: ~0.25 s of CPU per process (docs/performance.md,
// helper i21s). A cache that cannot be read or written is skipped silently.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
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

/**
 * What swc makes of a TypeScript source: the JavaScript it runs as (`js`), its source map as JSON
 * text (`map`), or the JavaScript with the map inline (`inline`). The one call of swc: the loader
 * below and test/register-ts.test.ts (which compares it with ts-node's) both go through it.
 */
function transpile(swc, source, filename, kind = 'js') {
  const out = swc.transformSync(source, { ...SWC_OPTIONS, sourceMaps: kind === 'js' ? false : kind === 'map' ? true : 'inline', filename });
  return kind === 'map' ? out.map : out.code;
}

/**
 * Stack traces point into the TypeScript: a file's source map is made when a stack first names the
 * file (from the source it was compiled from, kept), not for every file loaded, as ts-node did it
 * (the same source-map-support). Without that package, Node's own support with inline maps.
 */
function mapStacks(makeMap, sources) {
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
    // only the checkout's TypeScript is mapped: by default the package would also read every
    // dependency's .js and .js.map a stack names (cucumber's, when it reads each step definition's
    // line from a stack: half of those ~0.4 s of CPU); their frames show their shipped JavaScript
    overrideRetrieveSourceMap: true,
    retrieveSourceMap(path) {
      const source = sources.get(path);
      if (source === undefined) return null;
      if (!made.has(path)) made.set(path, makeMap(source, path));
      const map = made.get(path);
      return map === null ? null : { url: path, map };
    },
  });
  // The package clones every frame of a stack it formats (some 30 closures a frame), mapped or not:
  // ~60 ms of CPU when cucumber reads the line of each of ~190 step definitions from a stack (1,900
  // frames). A frame of a file that is not ours goes to it looking native, so it is not cloned, and
  // is written by the package's own formatter as before (the same text: test/register-ts.test.ts).
  const mapped = Error.prepareStackTrace;
  let callSiteToString;
  const asIs = (frame) => {
    // the package's formatter, taken from the first frame it clones (it exports none)
    callSiteToString ??= support.wrapCallSite(frame).toString;
    return { isNative: () => true, toString: () => callSiteToString.call(frame) };
  };
  Error.prepareStackTrace = function prepareStackTrace(error, stack) {
    const frames = stack.map((f) => {
      const file = f.getFileName();
      return typeof file !== 'string' || file === '' || sources.has(file) || f.isNative() || f.isEval() ? f : asIs(f);
    });
    return mapped.call(this, error, frames);
  };
  return true;
}

/** The directory of the transpile cache, or undefined when it is turned off. */
function cacheDir() {
  const dir = process.env.GROUPSPEC_TS_CACHE;
  if (dir === 'off' || dir === '0') return undefined;
  return dir || join(__dirname, '..', 'node_modules', '.cache', 'groupspec', 'ts');
}

/**
 * swc's transformSync behind the on-disk cache: `get(source, filename, kind)` gives the code
 * (`js`), the source map (`map`) or the code with an inline map (`inline`), loading swc only when
 * something is not cached yet.
 */
function cachedTransform(version) {
  const dir = cacheDir();
  const salt = JSON.stringify([version, SWC_OPTIONS]);
  let swc;
  let tsNode;
  let writable = dir !== undefined;
  const compile = (source, filename, kind) => {
    swc ??= loadSwc() ?? null;
    if (swc === null) {
      // swc's package is there but its binary does not load here: TypeScript's transpiler, not cached
      if (kind === 'map') return null;
      tsNode ??= require('ts-node').create({ project: join(__dirname, '..', 'tsconfig.json'), transpileOnly: true });
      return tsNode.compile(source, filename);
    }
    return transpile(swc, source, filename, kind);
  };
  return function get(source, filename, kind) {
    if (dir === undefined) return compile(source, filename, kind);
    const file = join(dir, `${createHash('sha256').update(salt).update('\0').update(filename).update('\0').update(source).digest('hex')}.${kind}`);
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // not cached yet (or unreadable): compile below
    }
    const out = compile(source, filename, kind);
    if (writable && swc !== null) {
      try {
        mkdirSync(dir, { recursive: true });
        // written whole then renamed, so a process reading beside this one never sees half a file
        const part = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        writeFileSync(part, out);
        renameSync(part, file);
      } catch {
        writable = false;
      }
    }
    return out;
  };
}

/** swc's version without loading swc (its native binding is ~35 ms of CPU), or undefined without swc. */
function swcVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('@swc/core/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function register() {
  if (require.extensions['.ts'] !== undefined) return;
  const version = swcVersion();
  if (version === undefined || (cacheDir() === undefined && loadSwc() === undefined)) {
    require('ts-node').register({ project: join(__dirname, '..', 'tsconfig.json'), transpileOnly: true });
    return;
  }
  const get = cachedTransform(version);
  const sources = new Map();
  const lazyMaps = mapStacks((source, path) => get(source, path, 'map'), sources);
  require.extensions['.ts'] = function loadTypeScript(module, filename) {
    const source = readFileSync(filename, 'utf8');
    if (lazyMaps) sources.set(filename, source);
    module._compile(get(source, filename, lazyMaps ? 'js' : 'inline'), filename);
  };
}

register();
module.exports = { SWC_OPTIONS, transpile, loadSwc };
