import { fileURLToPath } from 'node:url';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
import type { Database } from './types';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** An arbitrary constant: several processes starting at once migrate one after another. */
const MIGRATION_LOCK_ID = 4_201_120_14;

/** Applies the committed SQL migrations in drizzle/ (Node only: reads them from disk). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    // Loaded only for PGlite, like PGlite itself (src/platform/db/open.ts).
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const db = database.db as unknown as PostgresJsDatabase;
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  try {
    await migratePostgres(db, { migrationsFolder });
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
}
