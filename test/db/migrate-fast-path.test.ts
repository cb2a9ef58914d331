import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sqlRows } from '@/platform/db/rows';
import { migrateDatabase } from '@/platform/db/migrate';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function recorded(): Promise<number> {
  const rows = await sqlRows<{ n: number }>(
    ctx.deps.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return rows[0]?.n ?? 0;
}

describe('migrations at start (issue 22)', () => {
  it('a database with every migration is left alone; one behind the journal is migrated', async () => {
    const all = await recorded();
    await migrateDatabase(ctx.database);
    expect(await recorded()).toBe(all);
    // Forget that the newest migration ran: the next start must not take the database for
    // migrated. It runs that migration again, which here either records it again or fails on
    // what the migration made the first time (a column that exists); either way it was tried.
    await ctx.deps.db.execute(sql`
      delete from drizzle.__drizzle_migrations
      where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    const tried = await migrateDatabase(ctx.database).then(
      () => false,
      () => true,
    );
    expect(tried || (await recorded()) === all).toBe(true);
  });
});
