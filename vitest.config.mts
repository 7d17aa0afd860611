import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // the in-process Gherkin suite is for mutation testing only (vitest.mutation.config.mts): npm test runs cucumber-js
    exclude: [...configDefaults.exclude, 'selftest/mutation/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
