import { createApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import type { Database } from '../../src/db/types';
import type { Deps } from '../../src/deps';
import { fixedClock } from '../../src/lib/clock';
import { memoryLog } from '../../src/lib/log';
import type { Mailer } from '../../src/lib/mail';
import { noMailer } from '../../src/lib/mail';
import { freshDatabase } from './database';

export const TEST_NOW = '2026-11-26T12:00:00Z';

export type TestContext = {
  app: ReturnType<typeof createApp>;
  database: Database;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  log: ReturnType<typeof memoryLog>;
  close(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ PUBLIC_URL: 'https://koda.test', LOG_LEVEL: 'silent', ...overrides });
}

/** The app on a fresh migrated database with a fixed clock; call close() in afterAll. */
export async function createTestContext(
  options: { now?: string; config?: Record<string, string>; mailer?: Mailer } = {},
): Promise<TestContext> {
  const database = await freshDatabase();
  const clock = fixedClock(options.now ?? TEST_NOW);
  const log = memoryLog();
  const deps: Deps = {
    db: database.db,
    config: testConfig(options.config),
    clock,
    mailer: options.mailer ?? noMailer,
    log,
  };
  return { app: createApp(deps), database, deps, clock, log, close: () => database.close() };
}
