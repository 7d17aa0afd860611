/**
 * Where the suite's own files are, in a checkout (TypeScript, compiled on the fly by swc) or in
 * an installed package (compiled JavaScript under dist/).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'features'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the groupspec package root (package.json beside features/)');
    dir = up;
  }
}

/**
 * Compiled step definitions when running from dist/, the TypeScript sources otherwise, loaded as
 * cucumber.js loads them (runner/register-ts.js: swc, transpile-only; bin/native-match-indices.js).
 */
export function supportCode(root: string): { require: string[]; requireModule: string[] } {
  const compiled = __filename.endsWith('.js') && existsSync(join(root, 'dist', 'steps'));
  // native match indices for cucumber's step matching in every process that matches steps (bin/native-match-indices.js)
  const native = join(root, 'bin', 'native-match-indices.js');
  return compiled ? { require: ['dist/steps/**/*.js'], requireModule: [native] } : { require: ['steps/**/*.ts'], requireModule: [native, join(root, 'runner', 'register-ts.js')] };
}

/**
 * A thread running the runner's module `name` (properties-thread, cucumber-html-thread): a checkout's
 * thread compiles its TypeScript as the main thread does (runner/register-ts.js).
 */
export function runnerThread(name: string, workerData: unknown): Worker {
  const ts = __filename.endsWith('.ts');
  const file = join(__dirname, `${name}.${ts ? 'ts' : 'js'}`);
  return ts
    ? new Worker(`require(${JSON.stringify(join(packageRoot(), 'runner', 'register-ts.js'))}); require(${JSON.stringify(file)});`, { eval: true, workerData })
    : new Worker(file, { workerData });
}
