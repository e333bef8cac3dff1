import { defineConfig } from 'vitest/config';

/**
 * One test run for the whole monorepo, in two projects:
 * - `unit`: pure logic, no Kafka, no registry, no network; runs in parallel.
 * - `integration`: `*.it.test.ts` files, run against the real Kafka + Apicurio that the global setup
 *   starts once (or the ones named by KAFKA_BROKERS / SCHEMA_REGISTRY_URL). Files run one at a time:
 *   they share one broker on a 2-core machine.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/src/reporting/summary-line-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{services/*,schemas,test}/test/**/*.test.ts'],
          exclude: ['**/*.it.test.ts', '**/node_modules/**', '**/dist/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{services/*,schemas,test}/test/**/*.it.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'node',
          globalSetup: ['./test/src/infra/vitest-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
