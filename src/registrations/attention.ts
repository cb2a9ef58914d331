import { and, count, inArray, ne } from 'drizzle-orm';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

/** How many have registered for an event, never who: confirmed in person (what the capacity limits) and online, and waiting. */
export type AttentionCounts = {
  confirmedInPerson: number;
  confirmedOnline: number;
  waitlisted: number;
};

/** The registration counts of each of these events (cancelled ones left out): one query. */
export async function registrationCountsFor(
  db: Queryable,
  eventIds: number[],
): Promise<Map<number, AttentionCounts>> {
  const result = new Map<number, AttentionCounts>();
  if (eventIds.length === 0) return result;
  const rows = await db
    .select({
      eventId: registrations.eventId,
      status: registrations.status,
      attendance: registrations.attendance,
      n: count(),
    })
    .from(registrations)
    .where(and(inArray(registrations.eventId, eventIds), ne(registrations.status, 'cancelled')))
    .groupBy(registrations.eventId, registrations.status, registrations.attendance);
  for (const id of eventIds) {
    result.set(id, { confirmedInPerson: 0, confirmedOnline: 0, waitlisted: 0 });
  }
  for (const row of rows) {
    const counts = result.get(row.eventId);
    if (!counts) continue;
    const n = Number(row.n);
    if (row.status === 'waitlisted') counts.waitlisted += n;
    else if (row.status === 'confirmed' && row.attendance === 'in_person')
      counts.confirmedInPerson += n;
    else if (row.status === 'confirmed' && row.attendance === 'online') counts.confirmedOnline += n;
  }
  return result;
}
