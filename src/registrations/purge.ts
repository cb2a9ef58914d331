/** Retention: personal data of past events’ registrations is removed. */
import { and, inArray, sql } from 'drizzle-orm';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { eventIdsWhere } from '@/events';
import { purgeCutoff } from './rules';

/**
 * Removes the personal data of registrations whose event ended more than `retentionDays` ago,
 * keeping the rows (status, attendance, check-in) so counts stay right. Returns how many.
 */
export async function purgeRegistrations(
  db: Queryable,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const cutoff = purgeCutoff(now, retentionDays);
  const rows = await db
    .update(registrations)
    .set({
      name: null,
      email: null,
      organization: null,
      needs: null,
      answers: {},
      pendingManageTokenHash: null,
      anonymizedAt: now,
      updatedAt: now,
    })
    .where(
      and(
        inArray(registrations.eventId, eventIdsWhere({ endedBefore: cutoff })),
        sql`${registrations.anonymizedAt} is null`,
      ),
    )
    .returning({ id: registrations.id });
  return rows.length;
}
