import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from '@/platform/db/schema';

export type Schema = typeof schema;

/** The drizzle database, whichever driver (PGlite or postgres.js) is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Answers whether the database responds; used by /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export class DatabaseUnavailableError extends Error {}
