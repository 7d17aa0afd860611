/**
 * Where the report's browser test gets its Chromium, so that `npm ci && npm test` passes on a
 * fresh machine with nothing installed by hand.
 *
 * 1. `GROUPSPEC_CHROMIUM`, when set: any Chromium binary (Debian's is /usr/bin/chromium).
 * 2. Otherwise the devDependency `@sparticuz/chromium` (MIT): a headless Chromium for linux x64
 *    shipped brotli-compressed inside the npm package. It has no install script (npm's
 *    allowScripts does not matter): the binary is inflated on first use, here into a versioned
 *    folder under node_modules/.cache rather than the package's default /tmp/chromium, which any
 *    other version on the machine may already occupy.
 * 3. Where that package has no binary (not linux x64), Debian's /usr/bin/chromium if present.
 *
 * Pinned at 147.0.0: the last release whose `engines` accepts Node 20 (later ones want ^22.17,
 * and `.npmrc` has engine-strict=true). playwright-core 1.65.1 drives it over CDP.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Sparticuz {
  executablePath(input?: string): Promise<string>;
}

export interface ChromiumChoice {
  path: string;
  source: 'GROUPSPEC_CHROMIUM' | typeof PACKAGE | 'Debian';
}

/**
 * Inflates the npm package's Chromium (once per version) and returns its path. The package trusts
 * any `chromium` file already in its folder, so it inflates into a scratch folder that is renamed
 * into place only when complete: a run killed half-way leaves no truncated binary behind.
 */
async function fromPackage(): Promise<string> {
  const require = createRequire(__filename);
  // the package's exports do not include its package.json: walk up from its entry point
  const root = resolve(dirname(require.resolve(PACKAGE)), '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const cache = resolve(root, '..', '..', '.cache', 'groupspec', `chromium-${version}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;
  const scratch = `${cache}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const mod = (await import(PACKAGE)) as { default: Sparticuz | { default: Sparticuz } };
  const Chromium = 'executablePath' in mod.default ? mod.default : mod.default.default;
  // the package inflates into os.tmpdir(), which reads TMPDIR on every call
  const before = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  try {
    await Chromium.executablePath(join(root, 'bin'));
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
  try {
    renameSync(scratch, cache);
  } catch (e) {
    // another process finished first: use its copy
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(binary)) throw e;
  }
  return binary;
}

/** Which Chromium the browser test uses, by the order in the file's header. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const given = env.GROUPSPEC_CHROMIUM;
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw new Error(`GROUPSPEC_CHROMIUM points at ${given}, which does not exist.`);
    return { path: given, source: 'GROUPSPEC_CHROMIUM' };
  }
  if (process.platform === 'linux' && process.arch === 'x64') return { path: await fromPackage(), source: PACKAGE };
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'Debian' };
  throw new Error(`No Chromium for ${process.platform}/${process.arch}: ${PACKAGE} ships linux x64 only. Install one (Debian: apt-get install chromium) or point GROUPSPEC_CHROMIUM at a Chromium binary.`);
}

/** Launches the chosen Chromium headless; a failure names the binary and its first line of error. */
export async function launchChromium(): Promise<{ browser: Browser; choice: ChromiumChoice }> {
  const choice = await findChromium();
  try {
    return { browser: await chromium.launch({ executablePath: choice.path, args: CHROMIUM_ARGS }), choice };
  } catch (e) {
    throw new Error(`Chromium at ${choice.path} (from ${choice.source}) did not start: ${(e as Error).message.split('\n')[0]}`);
  }
}
