import { and, eq, inArray } from 'drizzle-orm';
import { recordings } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

/** Which of these events have a published recording: one query. */
export async function eventsWithPublishedRecording(
  db: Queryable,
  eventIds: number[],
): Promise<Set<number>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ eventId: recordings.eventId })
    .from(recordings)
    .where(and(inArray(recordings.eventId, eventIds), eq(recordings.published, true)));
  return new Set(rows.map((row) => row.eventId));
}
