import { defineConfig } from 'vitest/config';

const DATABASE_TESTS = ['server/**/*.int.test.ts', 'web/**/*.browser.test.ts', 'bench/**/*.int.test.ts'];

export default defineConfig({
  resolve: {
    // Node (and so `npm start`) loads graphql's CommonJS build; Vite would pick its ESM build for our files while
    // graphql-yoga gets the CommonJS one, and two copies break `instanceof GraphQLError`. Use Node's choice.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    environment: 'node',
    reporters: ['default', './server/test/summary-reporter.ts'],
    // Two cores: Neo4j needs one, and database tests share one database, so test files run one at a time.
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...DATABASE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: DATABASE_TESTS,
          // A real Neo4j for the run: started locally on a free port unless NEO4J_URI is set.
          globalSetup: ['server/test/global-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
