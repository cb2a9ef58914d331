import { count, eq } from 'drizzle-orm';
import { outbox } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

/** How many emails the outbox gave up on. */
export async function failedEmailCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed'));
  return Number(row?.n ?? 0);
}
