import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
import type { Database } from './types';
import { sqlRows } from './rows';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** An arbitrary constant: several processes starting at once migrate one after another. */
const MIGRATION_LOCK_ID = 4_201_120_14;

/**
 * Whether the database has every migration of drizzle/ already: the newest one recorded is the
 * journal's last. One small file and one statement, so that a start with nothing to migrate
 * (nearly every start) neither reads and hashes every migration file nor waits for the
 * migration lock (issue 22). False whenever in doubt (no table yet, an unreadable journal).
 */
async function upToDate(database: Database): Promise<boolean> {
  try {
    const journal = JSON.parse(
      await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as { entries: { when: number }[] };
    const newest = Math.max(...journal.entries.map((entry) => entry.when));
    const rows = await sqlRows<{ last: string | number | null }>(
      database.db,
      sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
    );
    const last = rows[0]?.last;
    return Number.isFinite(newest) && last !== null && last !== undefined && Number(last) >= newest;
  } catch {
    return false;
  }
}

/** Applies the committed SQL migrations in drizzle/ (Node only: reads them from disk). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (await upToDate(database)) return;
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
