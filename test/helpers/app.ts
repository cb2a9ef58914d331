import { createApp } from '@/app';
import { parseConfig, type Config } from '@/config';
import type { Database } from '@/platform/db/types';
import type { Deps } from '@/platform/deps';
import { fixedClock } from '@/platform/clock';
import { memoryLog } from '@/platform/log';
import type { Mailer } from '@/platform/mail/mailer';
import { noMailer } from '@/platform/mail/mailer';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFileStore } from '@/platform/files/local';
import type { ImageResizer } from '@/platform/files/images';
import { sharpResizer } from '@/platform/files/sharp-resizer';
import type { FileStore } from '@/platform/files/store';
import { freshDatabase } from './database';
import { checkingApiContract } from './openapi-contract';

export const TEST_NOW = '2026-11-26T12:00:00Z';

export type TestContext = {
  app: ReturnType<typeof createApp>;
  database: Database;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  log: ReturnType<typeof memoryLog>;
  /** The default file store's directory (unused when the test gave its own store). */
  filesDir: string;
  close(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ PUBLIC_URL: 'https://koda.test', LOG_LEVEL: 'silent', ...overrides });
}

/** The app on a fresh migrated database with a fixed clock; call close() in afterAll. */
export async function createTestContext(
  options: {
    now?: string;
    config?: Record<string, string>;
    mailer?: Mailer;
    /** The file store; by default a directory of its own, removed by close(). */
    files?: FileStore;
    /** Makes image previews: sharp by default, null for none (as on a Worker). */
    images?: ImageResizer | null;
    /**
     * The demo programme loaded at TEST_NOW, as seedDemo (./demo.ts) loads it, without its cost:
     * a copy of the one the run's global setup seeded. At another `now`, seed it in the test.
     */
    demo?: boolean;
  } = {},
): Promise<TestContext> {
  if (options.demo && options.now !== undefined && options.now !== TEST_NOW) {
    throw new Error('The demo template is seeded at TEST_NOW: call seedDemo at another time');
  }
  const database = await freshDatabase({ demo: options.demo });
  const clock = fixedClock(options.now ?? TEST_NOW);
  const log = memoryLog();
  const filesDir = join(tmpdir(), `koda-test-files-${crypto.randomUUID()}`);
  const deps: Deps = {
    db: database.db,
    config: testConfig(options.config),
    clock,
    mailer: options.mailer ?? noMailer,
    log,
    files: options.files ?? localFileStore(filesDir),
    ...(options.images === null ? {} : { images: options.images ?? sharpResizer() }),
  };
  // Every /api/v1 answer a test sees is checked against the OpenAPI document (see openapi-contract.ts).
  const app = checkingApiContract(createApp(deps));
  const close = async () => {
    await database.close();
    await rm(filesDir, { recursive: true, force: true });
  };
  return { app, database, deps, clock, log, filesDir, close };
}
