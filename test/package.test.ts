/**
 * groupspec installs and works as a package: `npm pack` (whose `prepack` builds dist/), install
 * the tarball into a scratch project, then use it from plain JavaScript (require and import), from
 * type-checked TypeScript, and through its bin.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks } from './support/code-blocks';

// npm pack builds the whole project first: minutes on a loaded machine
const TIMEOUT = 300_000;
const REPO = resolve(__dirname, '..');
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const repoPackage = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};

/**
 * The environment for child processes, without what `npm`/`npx` put there for the process that
 * runs the tests: `npm_config_local_prefix` and friends would point a child npm at the repo.
 */
const KEEP_NPM = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile', 'npm_config_registry']);
const CHILD_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !(k.toLowerCase().startsWith('npm_') && !KEEP_NPM.has(k.toLowerCase())) && k !== 'NODE_OPTIONS'),
);

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Ran {
  const r = spawnSync(command, args, { cwd, env: CHILD_ENV, encoding: 'utf8', timeout: TIMEOUT });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Shows what a child printed when an assertion on it fails. */
function shown(r: Ran): string {
  return `exit ${String(r.status)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

let root = '';
let scratch = '';
let tarball = '';
let packedFiles: string[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'groupspec-package-'));
  const packDir = join(root, 'pack');
  scratch = join(root, 'scratch');
  mkdirSync(packDir);
  mkdirSync(scratch);

  // `prepack` runs `npm run build` (tsc -p tsconfig.build.json) first
  const pack = run('npm', ['pack', '--json', '--pack-destination', packDir], REPO);
  if (pack.status !== 0) throw new Error(`npm pack failed\n${shown(pack)}`);
  const json = pack.stdout.trimStart().startsWith('[') ? pack.stdout : pack.stdout.slice(pack.stdout.search(/^\[/m));
  const [info] = JSON.parse(json) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (info === undefined) throw new Error(`npm pack printed no package\n${shown(pack)}`);
  tarball = join(packDir, info.filename);
  packedFiles = info.files.map((f) => f.path);

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'groupspec-scratch', version: '1.0.0', private: true, type: 'commonjs' }, null, 2));
  // the runtime dependencies are in the npm cache after npm ci: no network needed
  let install = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline'], scratch);
  if (install.status !== 0) {
    console.warn(`npm install --offline failed, retrying with --prefer-offline\n${shown(install)}`);
    install = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], scratch);
  }
  if (install.status !== 0) throw new Error(`npm install of the tarball failed\n${shown(install)}`);
}, TIMEOUT);

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
}, TIMEOUT);

describe('package.json', () => {
  it('exports "." with "types" first, then the CommonJS build', () => {
    const dot = repoPackage.exports['.'] as Record<string, string>;
    expect(Object.keys(dot)[0]).toBe('types');
    expect(dot.types).toBe('./dist/simulator/index.d.ts');
    expect(dot.default).toBe('./dist/simulator/index.js');
  });
});

describe('the tarball', () => {
  it('contains the build, its types and the bin', () => {
    expect(packedFiles).toContain('dist/simulator/index.js');
    expect(packedFiles).toContain('dist/simulator/index.d.ts');
    expect(packedFiles).toContain('bin/groupspec.js');
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('dist/simulator/sdk/drop-in/index.js');
    expect(packedFiles).toContain('dist/simulator/sdk/drop-in/index.d.ts');
  });

  it('ships the compiled code, the features and the docs, but no tests or TypeScript sources', () => {
    const stray = packedFiles.filter((f) => /^(test|steps|properties|simulator|adapters|runner|catalogue|bench)\//.test(f) || /\.test\.[cm]?[jt]s$/.test(f));
    expect(stray).toEqual([]);
    expect(packedFiles).toContain('dist/runner/cli.js');
    expect(packedFiles).toContain('dist/steps/world.js');
    expect(packedFiles).toContain('features/dismiss/dismissing-groups.feature');
    expect(packedFiles).toContain('docs/ambiguities.md');
  });

  it('runs the gate from the installed package: groupspec run against the embedded simulator', () => {
    const r = run(process.execPath, [join(scratch, 'node_modules', 'groupspec', 'bin', 'groupspec.js'), 'run', '--rule', 'dismiss.work-group-cannot-be-dismissed', '--rule', 'limits.member-cap', '--fuzz-runs', '3', '--out', 'gate'], scratch);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout).toContain('rules: 2 passed');
    const result = JSON.parse(readFileSync(join(scratch, 'gate', 'conformance.json'), 'utf8')) as { rules: Array<{ id: string; verdict: string }> };
    expect(result.rules.map((x) => x.verdict)).toEqual(['passed', 'passed']);
  }, TIMEOUT);

  it('runs the gate against an adapter written with groupspec/adapter (CommonJS: module.exports = defineAdapter(...))', () => {
    writeFileSync(
      join(scratch, 'my-adapter.js'),
      `const { defineAdapter, simulatorImplementation, CONTRACT_VERSION } = require('groupspec/adapter');\n` +
        `module.exports = defineAdapter(() => ({ ...simulatorImplementation(), name: 'wrapped reference', contractVersion: CONTRACT_VERSION }));\n`,
    );
    const r = run(process.execPath, [join(scratch, 'node_modules', 'groupspec', 'bin', 'groupspec.js'), 'run', '--adapter', './my-adapter.js', '--rule', 'dismiss.work-group-cannot-be-dismissed', '--no-properties', '--out', 'gate-adapter'], scratch);
    expect(r.status, shown(r)).toBe(0);
    const result = JSON.parse(readFileSync(join(scratch, 'gate-adapter', 'conformance.json'), 'utf8')) as { implementation: { name: string }; rules: Array<{ id: string; verdict: string }> };
    expect(result.implementation.name).toBe('wrapped reference');
    expect(result.rules.map((x) => [x.id, x.verdict])).toEqual([['dismiss.work-group-cannot-be-dismissed', 'passed']]);
  }, TIMEOUT);

  it('installs with the types where package.json says', () => {
    const installed = join(scratch, 'node_modules', 'groupspec');
    expect(existsSync(join(installed, 'dist', 'simulator', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(existsSync(join(scratch, 'node_modules', 'zod'))).toBe(true);
  });
});

describe('used from JavaScript', () => {
  const script = `
const { createSimulator, TYPES } = require('groupspec');
(async () => {
  const sim = createSimulator();
  const chat = sim.login('alice');
  const res = await chat.createGroup({ name: 'packaged', type: TYPES.GRP_WORK });
  console.log(JSON.stringify(res));
})().catch((e) => { console.error(e); process.exit(1); });
`;

  it('require("groupspec") creates a Work group', () => {
    writeFileSync(join(scratch, 'use.js'), script);
    const r = run(process.execPath, ['use.js'], scratch);
    expect(r.status, shown(r)).toBe(0);
    const res = JSON.parse(r.stdout) as { code: number; data: { group: { groupID: string; type: string; ownerID: string } } };
    expect(res.code).toBe(0);
    expect(res.data.group.groupID.startsWith('@TGS#'), res.data.group.groupID).toBe(true);
    expect(res.data.group.type).toBe('Private');
    expect(res.data.group.ownerID).toBe('alice');
  }, TIMEOUT);

  it('import from an ES module gets the named exports', () => {
    writeFileSync(
      join(scratch, 'use.mjs'),
      `import { createSimulator, TYPES, EVENT, ERR, ChatError } from 'groupspec';\n` +
        `console.log(JSON.stringify([typeof createSimulator, TYPES.GRP_WORK, EVENT.SDK_READY, typeof ERR, typeof ChatError]));\n`,
    );
    const r = run(process.execPath, ['use.mjs'], scratch);
    expect(r.status, shown(r)).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['function', 'Private', 'sdkStateReady', 'object', 'function']);
  }, TIMEOUT);
});

describe('used from TypeScript', () => {
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'node16',
      moduleResolution: 'node16',
      types: [],
      skipLibCheck: true,
      noEmit: true,
    },
  };

  const good = `
import { createSimulator, TYPES, type Chat } from 'groupspec';

export async function main(): Promise<string> {
  const sim = createSimulator({ seed: 7 });
  const chat: Chat = sim.login('alice');
  const res = await chat.createGroup({ name: 'typed', type: TYPES.GRP_WORK, joinOption: 'FreeAccess' });
  const code: 0 = res.code;
  const groupType: 'Private' = TYPES.GRP_WORK;
  return \`\${code} \${groupType}\`;
}
`;

  const bad = `
import { createSimulator, TYPES, type Chat } from 'groupspec';

export async function main(): Promise<void> {
  const chat: Chat = createSimulator().login('alice');
  await chat.createGroup({ nmae: 'typo', type: TYPES.GRP_WORK });
  const n: number = TYPES.GRP_WORK;
  void n;
}
`;

  function typecheck(file: string, source: string, options: Record<string, unknown> = {}): Ran {
    writeFileSync(join(scratch, file), source);
    const config = { compilerOptions: { ...tsconfig.compilerOptions, ...options }, files: [file] };
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(config, null, 2));
    return run(process.execPath, [TSC, '--noEmit', '-p', 'tsconfig.json'], scratch);
  }

  it('a typed use compiles under strict node16 resolution', () => {
    const r = typecheck('good.ts', good);
    expect(r.status, shown(r)).toBe(0);
  }, TIMEOUT);

  it("groupspec's own declaration files check clean (skipLibCheck off, no DOM or node types)", () => {
    const r = typecheck('good.ts', good, { skipLibCheck: false });
    // zod 4's .d.ts name the global `URL`, which only the DOM lib or @types/node declare: not ours to fix
    const ours = (r.stdout + r.stderr).split('\n').filter((l) => /error TS/.test(l) && !l.startsWith('node_modules/zod/'));
    expect(ours, shown(r)).toEqual([]);
  }, TIMEOUT);

  it('an adapter typed with groupspec/adapter compiles under strict node16 resolution, and a wrong one does not', () => {
    const adapter = `
import { defineAdapter, simulatorImplementation, type Implementation, type Session } from 'groupspec/adapter';

export default defineAdapter(async (): Promise<Implementation> => {
  const base = simulatorImplementation();
  const seen: Session[] = [];
  return { ...base, name: 'typed', createApp: async (o) => { const app = await base.createApp(o); void seen; return app; } };
});
`;
    expect(typecheck('adapter.ts', adapter).status, 'a typed adapter').toBe(0);
    const wrong = typecheck('wrong-adapter.ts', `import { defineAdapter } from 'groupspec/adapter';\nexport default defineAdapter(() => ({ name: 'no capabilities' }));\n`);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout + wrong.stderr).not.toMatch(/TS2307|TS7016/);
  }, TIMEOUT);

  it('a type error does not: the types are really checked', () => {
    const r = typecheck('bad.ts', bad);
    expect(r.status, shown(r)).not.toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/bad\.ts\(6,\d+\): error TS2\d{3}:.*'nmae'/);
    expect(out).toMatch(/bad\.ts\(7,\d+\): error TS2322:/);
    // and nothing else went wrong, such as the module not being found
    expect(out).not.toMatch(/TS2307|TS7016/);
  }, TIMEOUT);
});

describe('the bin', () => {
  const bin = () => join(scratch, 'node_modules', '.bin', 'groupspec');

  it('--version prints the package version', () => {
    const r = run(bin(), ['--version'], scratch);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout.trim()).toBe(repoPackage.version);
  }, TIMEOUT);

  it('--help lists the commands', () => {
    const r = run(bin(), ['--help'], scratch);
    expect(r.status, shown(r)).toBe(0);
    for (const command of ['run', 'serve', 'report', 'merge']) expect(r.stdout).toMatch(new RegExp(`^\\s+groupspec ${command}\\b`, 'm'));
  }, TIMEOUT);

  it('serve loads from the build alone (dist/runner/serve.js, not the whole command line) and answers --help', () => {
    const r = run(bin(), ['serve', '--help'], scratch);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout).toMatch(/^groupspec serve \[--port N\]/);
    const bad = run(bin(), ['serve', '--port', 'x'], scratch);
    expect(bad.status, shown(bad)).toBe(2);
    expect(bad.stderr.trim()).toBe('groupspec: --port takes a whole number, got "x"');
  }, TIMEOUT);

  it('an unknown command exits 2 with a message on stderr', () => {
    const r = run(bin(), ['frobnicate'], scratch);
    expect(r.status, shown(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('groupspec: unknown command frobnicate (see --help)');
  }, TIMEOUT);
});

describe('the drop-in groupspec/chat, installed', () => {
  it('require("groupspec/chat") is the vendor-shaped module: create, EVENT, TYPES at the top, as in @tencentcloud/chat', () => {
    writeFileSync(
      join(scratch, 'drop-in.js'),
      `const C = require('groupspec/chat');\n` +
        `const chat = C.create({ SDKAppID: 1400000000 });\n` +
        `chat.on(C.EVENT.SDK_READY, async () => { const r = await chat.createGroup({ name: 'x', type: C.TYPES.GRP_WORK }); console.log(JSON.stringify([C.VERSION, r.code, r.data.group.ownerID])); process.exit(0); });\n` +
        `chat.login({ userID: 'alice', userSig: 'sig' });\n`,
    );
    const r = run(process.execPath, ['drop-in.js'], scratch);
    expect(r.status, shown(r)).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['3.6.6', 0, 'alice']);
  }, TIMEOUT);

  /**
   * examples/team-rooms: an app module written only against @tencentcloud/chat, whose own tests
   * alias the vendor module to the installed groupspec/chat (vitest.config.mjs) or vi.mock it
   * (vitest.mock.config.mjs). Run with this repo's vitest, from the scratch project.
   */
  it.each(['vitest.config.mjs', 'vitest.mock.config.mjs'])('examples/team-rooms passes its tests on the packed fake (%s)', (config) => {
    const app = join(scratch, 'team-rooms');
    if (!existsSync(app)) cpSync(join(REPO, 'examples', 'team-rooms'), app, { recursive: true });
    const env = { ...Object.fromEntries(Object.entries(CHILD_ENV).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV')), NO_COLOR: '1', FORCE_COLOR: '0' };
    const vitest = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
    const r = spawnSync(process.execPath, [vitest, 'run', '--root', app, '--config', join(app, config)], { cwd: app, env, encoding: 'utf8', timeout: TIMEOUT });
    const shownRun = `exit ${String(r.status)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
    expect(r.status, shownRun).toBe(0);
    const [, passed, total] = /Tests\s+(\d+) passed \((\d+)\)/.exec(r.stdout) ?? [];
    expect(Number(passed), shownRun).toBeGreaterThan(0);
    expect(passed).toBe(total);
  }, TIMEOUT);
});

/**
 * The README's fake example as a user meets it (issue 19, "Done when"): pasted byte for byte into a
 * vitest project that has the packed tarball installed, type-checked under `strict` and run.
 */
describe("the README's fake example, verbatim, from the tarball", () => {
  it('type-checks under strict and passes in a vitest project', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const block = codeBlocks('README.md', readme).find((b) => b.lang === 'ts' && b.code.includes("from 'groupspec'") && /^it\(/m.test(b.code));
    expect(block, 'the README has a ts block that imports groupspec and calls it(').toBeDefined();
    const app = join(scratch, 'readme-example');
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    // groupspec resolves from the scratch project (the tarball); vitest is this repo's, as a user's own would be
    if (!existsSync(join(app, 'node_modules', 'vitest'))) symlinkSync(join(REPO, 'node_modules', 'vitest'), join(app, 'node_modules', 'vitest'), 'dir');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'readme-example', private: true, type: 'module' }));
    writeFileSync(join(app, 'readme.test.ts'), block!.code);
    const compilerOptions = { strict: true, target: 'ES2022', lib: ['ES2022'], module: 'preserve', moduleResolution: 'bundler', types: [], skipLibCheck: true, noEmit: true };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['readme.test.ts'] }, null, 2));

    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.json'], app);
    expect(tsc.status, shown(tsc)).toBe(0);
    expect(readFileSync(join(app, 'readme.test.ts'), 'utf8')).toBe(block!.code);

    const env = { ...Object.fromEntries(Object.entries(CHILD_ENV).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV')), NO_COLOR: '1', FORCE_COLOR: '0' };
    const r = spawnSync(process.execPath, [join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', app], { cwd: app, env, encoding: 'utf8', timeout: TIMEOUT });
    const out = `exit ${String(r.status)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
    expect(r.status, out).toBe(0);
    expect(r.stdout, out).toMatch(/Tests\s+1 passed \(1\)/);
  }, TIMEOUT);
});
