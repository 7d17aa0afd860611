/**
 * `groupspec run --replay SEED[:PATH]`: the one command a fuzz failure prints, which reruns that
 * shrunk counterexample against the same implementation (the same --adapter or --url, and the
 * GROUPSPEC_BREAK a built-in broken implementation reads), from a checkout (`node bin/groupspec.js`)
 * or an installed package (`npx groupspec`), and exits 1 while it still fails.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UsageError } from './expectations';

export function parseReplay(text: string): { seed: number; path: string } {
  const m = /^(\d+)(?::(\d+(?::\d+)*(?:@[A-Za-z0-9+/:=]*)?))?$/.exec(text);
  if (m === null) throw new UsageError(`--replay takes SEED:PATH as a failed run prints it (e.g. 5:1:3:6:5@ABGGM:V), got "${text}"`);
  return { seed: Number(m[1]), path: m[2] ?? '' };
}

/** Quotes a shell word when it needs it. */
const sh = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

export function replayPrefix(root: string, flags: { adapter?: string | undefined; url?: string | undefined; 'call-timeout'?: string | undefined }): string {
  const checkout = existsSync(join(root, 'runner', 'cli.ts'));
  const launcher = checkout ? `node ${sh(relative(process.cwd(), join(root, 'bin', 'groupspec.js')) || 'bin/groupspec.js')}` : 'npx groupspec';
  const env = process.env.GROUPSPEC_BREAK === undefined ? '' : `GROUPSPEC_BREAK=${sh(process.env.GROUPSPEC_BREAK)} `;
  const target = flags.url !== undefined ? ` --url ${sh(flags.url)}` : flags.adapter !== undefined ? ` --adapter ${sh(flags.adapter)}` : '';
  const timeout = flags['call-timeout'] === undefined ? '' : ` --call-timeout ${sh(flags['call-timeout'])}`;
  return `${env}${launcher} run${target}${timeout}`;
}
