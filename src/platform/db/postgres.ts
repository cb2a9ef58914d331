import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/platform/db/schema';
import type { Database, Db } from './types';

export type PostgresOptions = {
  max?: number;
  connectTimeoutSeconds?: number;
  /** The server cancels any statement running longer (a runaway query never holds a connection). */
  statementTimeoutMs?: number;
};

/** Opens Postgres through postgres.js. Safe to import on Workers (no Node-only modules). */
export function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Database & { client: postgres.Sql } {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    connection: {
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
    onnotice: () => {},
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    client,
    ping: () => ping(db),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Whether the database answers `select 1` within `timeoutMs`: a database that stops answering
 * (rather than refusing) must not hold /healthz for the driver's own timeouts.
 */
export async function ping(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}
