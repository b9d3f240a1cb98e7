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
    reporters: ['default'],
  },
});
