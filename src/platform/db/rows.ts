import type { SQL } from 'drizzle-orm';
import type { Queryable } from './types';

/**
 * Runs a statement written as SQL and answers its rows, whichever driver runs it: postgres.js
 * answers the rows themselves, PGlite an object holding them. `Row` is what the statement selects
 * (as the driver gives it: timestamps may come as strings).
 */
export async function sqlRows<Row>(db: Queryable, statement: SQL): Promise<Row[]> {
  const result = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}
