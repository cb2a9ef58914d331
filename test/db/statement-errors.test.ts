import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { statementRolledBack } from '@/platform/db/errors';
import { freshDatabase } from '../helpers/database';

async function errorOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('statementRolledBack', () => {
  it('is true for a statement the database refused, false once the connection is gone', async () => {
    const database = await freshDatabase();
    const refused = await errorOf(database.db.execute(sql`select 1 / ${0}::int`));
    await database.db.execute(sql`create table once (x integer primary key)`);
    const twice = sql`insert into once values (1)`;
    await database.db.execute(twice);
    const unique = await errorOf(database.db.execute(twice));
    await database.close();
    const closed = await errorOf(database.db.execute(sql`select 1`));
    expect(refused).toBeInstanceOf(Error);
    expect(statementRolledBack(refused)).toBe(true);
    expect(statementRolledBack(unique)).toBe(true);
    expect(closed).toBeInstanceOf(Error);
    expect(statementRolledBack(closed)).toBe(false);
    expect(statementRolledBack(new Error('anything else'))).toBe(false);
  });
});
