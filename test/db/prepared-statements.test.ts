import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { findEvent } from '@/events';
import { sqlRows } from '@/platform/db/rows';
import { freshDatabase } from '../helpers/database';
import type { Database } from '@/platform/db/types';

// Postgres only: PGlite runs in this process (no round trips, nothing to prepare).
const onPostgres = inject('dbKind') === 'postgres';
let database: Database | undefined;

beforeAll(async () => {
  if (onPostgres) database = await freshDatabase();
});
afterAll(() => database?.close());

describe('statements on Postgres', () => {
  it('are prepared once per connection (one round trip a run), long ones are not kept', async () => {
    if (!database) return;
    const db = database.db;
    const long = `select ${Array.from({ length: 70 }, (_, i) => `$${i + 1}::int`).join(' + ')} as n`;
    const prepared = await db.transaction(async (tx) => {
      // A transaction keeps one connection: what it prepared is in that session's list.
      await findEvent(tx, { slug: 'no-such-event' });
      await tx.execute(sql`select ${'koda'}::text as probe`);
      await tx.execute(sql.raw(long.replace(/\$\d+/g, '1')));
      // A list whose length varies with the call: a statement text per length, not kept.
      await tx.execute(sql`select id from events where id in ${[1, 2, 3]}`);
      await tx.execute(sql`select x from (values (${1}), (${2})) as rows (x)`);
      await tx.execute(
        sql`select ${sql.join(
          Array.from({ length: 70 }, (_, i) => sql`${i}::int`),
          sql` + `,
        )} as n`,
      );
      return sqlRows<{ statement: string }>(tx, sql`select statement from pg_prepared_statements`);
    });
    const statements = prepared.map((row) => row.statement);
    expect(statements.some((text) => text.includes('from "events"'))).toBe(true);
    expect(statements).toContain('select $1::text as probe');
    // 70 parameters: run unprepared, not kept by the connection.
    expect(statements.some((text) => text.includes('$70'))).toBe(false);
    expect(statements.some((text) => text.includes('in ($1'))).toBe(false);
    expect(statements.some((text) => text.includes('values ($1'))).toBe(false);
  });
});
