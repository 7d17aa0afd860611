/**
 * runner/register-ts.js transpiles the checkout's TypeScript with swc directly, with the options
 * ts-node derives from tsconfig.json for swc: the same JavaScript as ts-node gave, for every source
 * file the suite loads, without loading TypeScript in every process. And a stack trace still points
 * at the TypeScript line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
