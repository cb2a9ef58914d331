import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Process-level tests (`npm run test:worker`, run by .ci/run after the main suite): they spawn
 * real `tsx src/server.ts` processes and `wrangler dev`, so they have their own project, run one
 * file at a time and get generous timeouts. Postgres comes from TEST_DATABASE_URL (default: the
 * local server); each test makes its own database and drops it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { tsconfigPaths: true },
  test: {
    name: 'worker',
    include: ['test/worker/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
