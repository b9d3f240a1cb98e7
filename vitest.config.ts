import { defineConfig } from 'vitest/config';

// One test command for the whole project: unit tests beside the code (src/**),
// integration tests against PGlite and PostgreSQL (test/**), browser end-to-end tests (e2e/**).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report gives every file's and test's duration (test-results.json, not committed): where the time goes.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // One migrated, seeded database per engine per run, copied by every test app (test/support/db-template.ts).
    globalSetup: ['test/support/global-setup.ts'],
  },
});
