import { and, eq, inArray } from 'drizzle-orm';
import { outcomes } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

/** Which of these events have a published outcome note: one query. */
export async function eventsWithPublishedOutcome(
  db: Queryable,
  eventIds: number[],
): Promise<Set<number>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ eventId: outcomes.eventId })
    .from(outcomes)
    .where(and(inArray(outcomes.eventId, eventIds), eq(outcomes.published, true)));
  return new Set(rows.map((row) => row.eventId));
}
