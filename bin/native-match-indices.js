'use strict';
// Cucumber matches every step text against every step definition through @cucumber/cucumber-expressions'
// TreeRegexp, which gets the positions of the matched groups from the `regexp-match-indices`
// polyfill. The polyfill's probe for native support (`/a/.exec('a').indices`) runs a regexp without
// the `d` flag, so it never sees Node's native indices and always takes its fallback: it re-parses the
// pattern with regexp-tree, rebuilds a measuring regexp from the tree on every match and runs it a
// second time. That was ~9 % of the gate's CPU. Node >= 16 has match indices natively (the `d` flag,
// ES2022): this gives TreeRegexp the same result from one native match of a `d` copy of the pattern.
//
// Loaded first by bin/groupspec.js, and by cucumber's `requireModule` (cucumber.js's profile, the
// gate's feature run and its parallel workers, the bench's floor). It replaces TreeRegexp's `match`
// only when that method is the one this was written against (cucumber-expressions 19, pinned through
// @cucumber/cucumber 12.9.0): any other version keeps the polyfill, slower and as correct.
// test/native-match-indices.test.ts checks that both give the same groups, with the same positions,
// for every step pattern against every step of the features.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The source of TreeRegexp.prototype.match in cucumber-expressions 19.0.0, whitespace removed. */
const KNOWN_MATCH = 'match(s){constmatch=(0,regexp_match_indices_1.default)(this.regexp,s);if(!match){returnnull;}letgroupIndex=0;constnextGroupIndex=()=>groupIndex++;returnthis.groupBuilder.build(match,nextGroupIndex);}';

const nativeExec = RegExp.prototype.exec;
/** Each pattern's copy with the `d` flag, made once. */
const withIndices = new WeakMap();

/** `regexp.exec(text)` with `indices`, as regexp-match-indices' `exec(regexp, text)` returns it, from one native match. */
function execWithIndices(regexp, text) {
  if (regexp.hasIndices) return nativeExec.call(regexp, text);
  let d = withIndices.get(regexp);
  if (d === undefined) {
    d = new RegExp(regexp.source, `${regexp.flags}d`);
    withIndices.set(regexp, d);
  }
  // a global or sticky pattern starts at, and advances, the original's lastIndex, as the polyfill's does
  d.lastIndex = regexp.lastIndex;
  const m = nativeExec.call(d, text);
  regexp.lastIndex = d.lastIndex;
  return m;
}

/** Where the cucumber-expressions that @cucumber/cucumber (the copy `from` resolves) loads is. */
function expressionsDir(from) {
  const cucumber = dirname(require.resolve('@cucumber/cucumber/package.json', { paths: [from] }));
  return dirname(require.resolve('@cucumber/cucumber-expressions', { paths: [cucumber] }));
}

/**
 * Native indices for cucumber's step matching; true when applied (false: an unknown
 * cucumber-expressions, left as it is). Before cucumber-expressions loads (bin/groupspec.js), the
 * polyfill's module is given this exec in its place, so neither it nor regexp-tree loads at all;
 * after (cucumber-js reads its profile once it has loaded), TreeRegexp's match is replaced.
 */
function useNativeMatchIndices(from = __dirname) {
  const dir = expressionsDir(from);
  const treeRegexp = join(dir, 'TreeRegexp.js');
  const polyfill = require.resolve('regexp-match-indices', { paths: [dir] });
  if (require.cache[treeRegexp] === undefined && require.cache[polyfill] === undefined) {
    // read, not loaded: loading it would load the polyfill
    if (!readFileSync(treeRegexp, 'utf8').replace(/\s+/g, '').includes(KNOWN_MATCH)) return false;
    const seeded = new Module(polyfill, module);
    seeded.filename = polyfill;
    seeded.loaded = true;
    seeded.exports = execWithIndices;
    require.cache[polyfill] = seeded;
    return true;
  }
  const TreeRegexp = require(treeRegexp).default;
  const match = TreeRegexp.prototype.match;
  if (match.nativeIndices === true || require.cache[polyfill].exports === execWithIndices) return true;
  if (match.toString().replace(/\s+/g, '') !== KNOWN_MATCH) return false;
  const native = function match(s) {
    const m = execWithIndices(this.regexp, s);
    if (!m) return null;
    let groupIndex = 0;
    return this.groupBuilder.build(m, () => groupIndex++);
  };
  native.nativeIndices = true;
  native.polyfilled = match;
  TreeRegexp.prototype.match = native;
  return true;
}

module.exports = { useNativeMatchIndices, execWithIndices };
useNativeMatchIndices();
