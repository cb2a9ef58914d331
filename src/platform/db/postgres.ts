import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/platform/db/schema';
import type { Database, Db } from './types';

export type PostgresOptions = { max?: number; connectTimeoutSeconds?: number };

/** Opens Postgres through postgres.js. Safe to import on Workers (no Node-only modules). */
export function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Database & { client: postgres.Sql } {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
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

export async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
