/**
 * `npm run mutation:chunks [-- --only <name,...>] [--force]`
 *
 * The full mutate set takes about an hour on two cores, and Stryker writes its report only when a
 * run ends: an interrupted run leaves nothing. This runs the same set as `npm run mutation`, one
 * group of files at a time, each with its own report in reports/mutation/chunks/<name>.json (and
 * .html). A chunk whose report exists is skipped unless --force, so a stopped run resumes where it
 * stopped. `npm run mutation:triage -- reports/mutation/chunks` then scores them together.
 * GROUPSPEC_MUTATION_SUITE is passed through (features+properties measures the conformance suite).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Roughly equal Stryker time each (400-700 mutants, or less for the core's rule files). */
export const CHUNKS: Record<string, string[]> = {
  rules: ['simulator/core/rules.ts'],
  group: ['simulator/core/group-commands.ts', 'simulator/core/create-spec.ts'],
  member: ['simulator/core/member-commands.ts'],
  admincmd: ['simulator/core/admin-commands.ts', 'simulator/core/store-commands.ts', 'simulator/core/profile-commands.ts'],
  // the app admin's imports, kicks, attribute, counter and ban commands (issue 17)
  adminrest: ['simulator/core/admin-import.ts', 'simulator/core/admin-import-schemas.ts', 'simulator/core/admin-store.ts', 'simulator/core/admin-store-schemas.ts'],
  corerest: ['simulator/core/index.ts', 'simulator/core/views.ts', 'simulator/core/tx.ts', 'simulator/core/state.ts', 'simulator/core/deliveries.ts'],
  table: ['simulator/core/member-table.ts'],
  // the error registry's table (lines before 73) is report metadata, as in stryker.config.json
  schemas: ['simulator/core/schemas.ts', 'simulator/core/errors.ts:73-203', 'simulator/core/constants.ts', 'simulator/core/responses.ts', 'simulator/core/fast-parse.ts'],
  chat: ['simulator/sdk/chat.ts', 'simulator/sdk/admin.ts', 'simulator/sdk/simulator.ts'],
  shell: ['simulator/shell/service.ts', 'simulator/shell/messages.ts', 'simulator/shell/clock.ts', 'simulator/shell/clone.ts'],
  dropin: [
    'simulator/sdk/drop-in/index.ts', 'simulator/sdk/drop-in/instance.ts', 'simulator/sdk/drop-in/control.ts', 'simulator/sdk/drop-in/extras.ts',
    'simulator/sdk/drop-in/usersig.ts', 'simulator/sdk/drop-in/methods.ts', 'simulator/sdk/drop-in/constants.ts',
  ],
};

function main(): void {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : Object.keys(CHUNKS);
  for (const name of only) if (!(name in CHUNKS)) throw new Error(`unknown chunk ${name}; chunks: ${Object.keys(CHUNKS).join(', ')}`);
  const dir = join('reports', 'mutation', 'chunks');
  mkdirSync(dir, { recursive: true });
  const base = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as Record<string, unknown>;
  for (const name of only) {
    const report = join(dir, `${name}.json`);
    if (existsSync(report) && !force) {
      console.log(`${name}: ${report} exists, skipped (--force runs it again)`);
      continue;
    }
    const config = join('reports', 'mutation', 'chunk-configs', `${name}.json`);
    mkdirSync(join('reports', 'mutation', 'chunk-configs'), { recursive: true });
    const { incremental: _i, incrementalFile: _f, ...rest } = base;
    writeFileSync(
      config,
      JSON.stringify({ ...rest, mutate: CHUNKS[name], htmlReporter: { fileName: join(dir, `${name}.html`) }, jsonReporter: { fileName: report } }, null, 2),
    );
    const started = Date.now();
    console.log(`${name}: ${CHUNKS[name]!.join(', ')}`);
    const r = spawnSync('npx', ['stryker', 'run', config], { stdio: 'inherit' });
    console.log(`${name}: exit ${r.status} after ${Math.round((Date.now() - started) / 1000)} s`);
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

if (require.main === module) main();
