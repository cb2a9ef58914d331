import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.TEST_DATABASE_URL;
/**
 * PGlite's 9 MB of WebAssembly compiled once, by V8's baseline compiler, as src/platform/db/open.ts
 * does for npm start: a test file is too short for the optimizing compile to pay for itself
 * (six database files on PGlite: 30-34 s of CPU with it, 22-24 s without).
 */
const pgliteWorkers = { execArgv: ['--liftoff-only'] };

/**
 * Unit tests run once; database tests (test/db) run on PGlite always and, when
 * TEST_DATABASE_URL is set, again on that Postgres (each run in databases of its own).
 */
export default defineConfig({
  // '@/…' and '@views/…' come from tsconfig.json's paths, like tsc, tsx and the Worker bundle.
  resolve: { tsconfigPaths: true },
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    // Most tests wait on a database or a browser: two workers keep both cores busy.
    maxWorkers: 2,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['test/db/**/*.test.{ts,tsx}'],
          provide: { dbKind: 'pglite' },
          ...pgliteWorkers,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          // Installs Chromium and Java from Debian's packages when they are missing (as root).
          globalSetup: ['test/helpers/browser-setup.ts'],
          provide: { dbKind: 'pglite' },
          ...pgliteWorkers,
          // Not `fileParallelism: false`: that runs the browser files one at a time after all the
          // others, with one core idle; beside the database files both cores stay busy. Sharing
          // them, a test that starts Chromium pages and a Java run takes longer than 30 s.
          testTimeout: 120_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/db/**/*.test.{ts,tsx}'],
                provide: { dbKind: 'postgres' as const },
              },
            },
          ]
        : []),
    ],
  },
});
