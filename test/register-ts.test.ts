/**
 * runner/register-ts.js transpiles the checkout's TypeScript with swc directly, with the options
 * ts-node derives from tsconfig.json for swc: the same JavaScript as ts-node gave, for every source
 * file the suite loads, without loading TypeScript in every process. And a stack trace still points
 * at the TypeScript line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const load = createRequire(join(ROOT, 'runner', 'register-ts.js'));
type Swc = object;
const hook = load('./register-ts.js') as { transpile(swc: Swc, source: string, filename: string): string; loadSwc(): Swc | undefined };
const tmp = mkdtempSync(join(tmpdir(), 'groupspec-register-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const withoutMap = (code: string) => code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n').trimEnd();

describe('runner/register-ts.js', () => {
  it("transpiles every source file the suite loads to the JavaScript ts-node's swc transpiler gave", () => {
    const swc = hook.loadSwc();
    expect(swc).toBeDefined();
    const tsNode = load('ts-node') as { create(o: object): { compile(code: string, file: string): string } };
    const service = tsNode.create({ project: join(ROOT, 'tsconfig.json'), transpileOnly: true, swc: true });
    const files = ['simulator', 'adapters', 'servers', 'matchers', 'steps', 'properties', 'catalogue', 'runner', 'selftest', 'bench'].flatMap(sources);
    expect(files.length).toBeGreaterThan(150);
    const differing = files.filter((f) => {
      const source = readFileSync(f, 'utf8');
      return withoutMap(hook.transpile(swc!, source, f)) !== withoutMap(service.compile(source, f));
    });
    expect(differing).toEqual([]);
  });

  it('leaves stack traces pointing at the TypeScript line and column', () => {
    const file = join(tmp, 'boom.ts');
    writeFileSync(file, ["interface Shape { sides: number }", "const square: Shape = { sides: 4 };", '', 'export function boom(): never {', "  throw new Error(`boom ${square.sides}`);", '}', 'boom();', ''].join('\n'));
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'runner', 'register-ts.js'), file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom 4');
    expect(r.stderr).toContain(`at boom (${file}:5:9)`);
    expect(r.stderr).toContain(`${file}:7:1`);
  });

  it("writes the frames of files that are not TypeScript as the source-map package writes them (not cloned, not reworded)", () => {
    const file = join(tmp, 'frames.ts');
    writeFileSync(file, ["const at: string = [1].map(function named() { return new Error('m').stack!; })[0]!;", 'console.log(at);', ''].join('\n'));
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'runner', 'register-ts.js'), file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    // ours, mapped to the TypeScript
    expect(r.stdout).toContain(`(${file}:1:54)`);
    expect(r.stdout).toContain(`at Object.<anonymous> (${file}:1:24)`);
    // node's and V8's frames: the package's own wording (its type names: V8's native text has `at Module._load`)
    expect(r.stdout).toContain('at Function.Module._load (node:internal/modules/cjs/loader:');
    expect(r.stdout).toContain('at Array.map (<anonymous>)');
  });

  describe('the transpile cache', () => {
    const run = (file: string, cache: string) => spawnSync(process.execPath, ['-r', join(ROOT, 'runner', 'register-ts.js'), file], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, GROUPSPEC_TS_CACHE: cache } });
    const program = (n: number) => `const answer: number = ${n};\nconsole.log(\`answer \${answer} \${Object.keys(require.cache).some((p) => p.includes('@swc'))}\`);\n`;

    it('never runs an edited file stale, even with the same size and modification time, and does not load swc when every file is cached', () => {
      const cache = join(tmp, 'cache');
      const file = join(tmp, 'answer.ts');
      writeFileSync(file, program(1));
      const { mtime } = statSync(file);
      expect(run(file, cache).stdout).toBe('answer 1 true\n');
      expect(readdirSync(cache).filter((f) => f.endsWith('.js'))).toHaveLength(1);
      expect(run(file, cache).stdout).toBe('answer 1 false\n');
      writeFileSync(file, program(2));
      utimesSync(file, mtime, mtime);
      expect(run(file, cache).stdout).toBe('answer 2 true\n');
      expect(run(file, cache).stdout).toBe('answer 2 false\n');
    });

    it('keeps the JavaScript swc gives for the file', () => {
      const cache = join(tmp, 'same');
      const file = join(tmp, 'same.ts');
      writeFileSync(file, program(3));
      run(file, cache);
      const [cached] = readdirSync(cache).filter((f) => f.endsWith('.js'));
      expect(readFileSync(join(cache, cached!), 'utf8')).toBe(hook.transpile(hook.loadSwc()!, program(3), file));
    });

    it('runs without a cache where it cannot write one, and when turned off', () => {
      const file = join(tmp, 'nowhere.ts');
      writeFileSync(file, program(4));
      const blocker = join(tmp, 'a-file');
      writeFileSync(blocker, '');
      const r = run(file, join(blocker, 'cache'));
      expect([r.status, r.stdout, r.stderr]).toEqual([0, 'answer 4 true\n', '']);
      expect(run(file, 'off').stdout).toBe('answer 4 true\n');
    });
  });
});
