import { PGlite } from '@electric-sql/pglite';
import type { Config } from '@/config';
import { lockDataDir } from './data-dir-lock';
import { fromPglite } from './pglite';
import { openPostgres } from './postgres';
import { DatabaseUnavailableError, type Database } from './types';

/** Opens the configured database (Node only): Postgres when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<Database> {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl);
    if (!(await database.ping())) {
      await database.close().catch(() => {});
      const { host, pathname } = new URL(config.databaseUrl);
      throw new DatabaseUnavailableError(
        `Cannot reach the database at ${host}${pathname} (DATABASE_URL). Is Postgres running and does the database exist?`,
      );
    }
    return database;
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const client = await PGlite.create({ dataDir: config.dataDir });
    return fromPglite(client, async () => unlock());
  } catch (error) {
    unlock();
    throw error;
  }
}
