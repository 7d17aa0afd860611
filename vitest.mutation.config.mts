// Vitest configuration for mutation testing (stryker.config.json, `npm run mutation`; see
// docs/suite-strength.md). It runs the Gherkin suite in-process, one test per rule
// (selftest/mutation/features.test.ts), the fast-check properties and the simulator's unit tests, so
// that features and properties count; GROUPSPEC_MUTATION_SUITE=features+properties runs the first
// two only. `npm test` does not use it: it runs cucumber-js itself.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Stryker runs each mutant with bail = 1, so the order of the files decides how soon a mutant dies
 * and which test its report names as the killer: the features first, then the properties, then the
 * unit tests; within a group the quickest file first.
 */
class FeaturesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const group = (f: TestSpecification) => (f.moduleId.includes('/selftest/mutation/') ? 0 : f.moduleId.includes('/properties/') ? 1 : 2);
    const duration = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${f.moduleId.slice(this.ctx.config.root.length + 1)}`)?.duration ?? 0;
    return [...files].sort((a, b) => group(a) - group(b) || duration(a) - duration(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * GROUPSPEC_MUTATION_SUITE=features+properties leaves the simulator's unit tests out, to measure
 * what the conformance suite alone kills (docs/suite-strength.md, "Features and properties alone").
 */
const suite = process.env.GROUPSPEC_MUTATION_SUITE ?? 'all';
if (suite !== 'all' && suite !== 'features+properties') throw new Error(`GROUPSPEC_MUTATION_SUITE must be "all" or "features+properties", not ${suite}`);

export default defineConfig({
  test: {
    include: ['selftest/mutation/**/*.test.ts', 'properties/**/*.test.ts', ...(suite === 'all' ? ['test/simulator/**/*.test.ts'] : [])],
    // tests the counterexample-to-Gherkin tooling, not the simulator: its cucumber subprocess cannot
    // see Stryker's active mutant, and it costs 6 s of every run that reaches it
    exclude: [...configDefaults.exclude, 'properties/gherkin.test.ts'],
    setupFiles: ['selftest/mutation/setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    sequence: { sequencer: FeaturesFirst },
    env: {
      // fixed seeds: Stryker's coverage run and its mutant runs must take the same paths
      GROUPSPEC_FUZZ_SEED: process.env.GROUPSPEC_FUZZ_SEED ?? '42',
      // the embedded simulator delivers every event before the call resolves, so "eventually"
      // needs no polling, and a call never takes long: a mutant that drops an event or hangs a
      // promise then fails at once instead of after 2 s or 5 s
      GROUPSPEC_EVENTUALLY_MS: '0',
      GROUPSPEC_CALL_TIMEOUT_MS: '2000',
    },
  },
});
