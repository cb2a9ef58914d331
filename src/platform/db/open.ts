import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@/config';
import { lockDataDir } from './data-dir-lock';
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
    // PGlite's Postgres is 9 MB of WebAssembly. V8 compiles it with its baseline compiler and
    // then again, function by function, with its optimizing one: on the 2-core machine the second
    // compile cost more CPU than it saved (400 queries after a start: 1.0-1.4 s with the baseline
    // code only, 3.9 s with both; 3 000: 7.0 s against 9.5 s) and kept about 50 MB more resident
    // (137 against 188 MB after them). Set before PGlite's module is compiled (issue 22).
    const v8 = await import('node:v8');
    v8.setFlagsFromString('--liftoff-only');
    // Loaded only here: a Postgres deployment never loads PGlite's WebAssembly (a faster start).
    const [{ PGlite }, { fromPglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('./pglite'),
    ]);
    // PGlite's Postgres keeps its buffer cache inside the process: the default 128 MB of
    // shared_buffers was most of an idle Koda's memory (issue 22). A municipality's database fits
    // in 16 MB of hot pages; the files stay on disk, in the operating system's cache.
    const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
    const fresh = !existsSync(join(config.dataDir, 'PG_VERSION'));
    let client = await PGlite.create({ dataDir: config.dataDir, startParams });
    if (fresh) {
      // Creating the database (initdb) grows PGlite's WebAssembly memory to about 600 MB, and
      // WebAssembly memory never shrinks: a first start stayed that large until restarted. A new
      // instance on the created files starts small; the old one's memory goes with it.
      await client.close();
      client = await PGlite.create({ dataDir: config.dataDir, startParams });
    }
    return fromPglite(client, async () => unlock());
  } catch (error) {
    unlock();
    throw error;
  }
}
