import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['server/test/global-setup.ts'],
    // Starting Neo4j the first time can include fetching its jars.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // Two cores: Neo4j needs one; test files share the database, so they run one after another.
    fileParallelism: false,
    reporters: ['default', './server/test/summary-reporter.ts'],
  },
});
