import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '@/platform/db/schema';
import { ping } from './postgres';
import type { Database, Db } from './types';

/** Wraps an open PGlite instance (a data directory, a loaded dump or memory). Node only. */
export function fromPglite(
  client: PGlite,
  onClose: () => Promise<void> = async () => {},
): Database & {
  client: PGlite;
} {
  // Both drivers produce a PgDatabase; only their result-type parameter differs.
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    client,
    ping: () => ping(db),
    close: async () => {
      if (!client.closed) await client.close();
      await onClose();
    },
  };
}
