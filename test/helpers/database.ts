import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { fromPglite } from '@/platform/db/pglite';
import { openPostgres } from '@/platform/db/postgres';
import type { Database } from '@/platform/db/types';
import { withDatabase } from './global-setup';

let counter = 0;

/**
 * A fresh, migrated database of this project's kind, with the demo loaded at TEST_NOW when asked
 * (both made once per run by global-setup.ts); close() drops it.
 */
export async function freshDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  if (inject('dbKind') === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const name = `koda_t_${inject('runId')}_${process.pid}_${++counter}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(
      `CREATE DATABASE "${name}" TEMPLATE "${inject(options.demo ? 'postgresDemoTemplate' : 'postgresTemplate')}"`,
    );
    const database = openPostgres(withDatabase(url, name), { max: 20 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([
    readFileSync(inject(options.demo ? 'pgliteDemoDumpPath' : 'pgliteDumpPath')),
  ]);
  return fromPglite(await PGlite.create({ loadDataDir: dump }));
}
