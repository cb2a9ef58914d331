import { and, inArray, lt, ne, isNotNull } from 'drizzle-orm';
import { eventIdsWhere, findEventsByIds } from '@/events';
import { registrations } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import { isLang } from '@/platform/i18n';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { buildEmail } from './emails';

const HOUR = 60 * 60 * 1000;

/**
 * Writes the day-before reminder for everyone still registered for a published event that
 * starts within the next 24 hours (but not in the next hour), except people who registered in
 * the last hour. Safe to run as often as you like: the dedupe key (registration and start
 * time) lets each reminder be written once, and again only if the event moves.
 */
export async function enqueueReminders(deps: {
  db: Db;
  clock: { now(): Date };
  config: { publicUrl: string };
}): Promise<number> {
  const now = deps.clock.now();
  const rows = await deps.db
    .select({
      eventId: registrations.eventId,
      id: registrations.id,
      email: registrations.email,
      lang: registrations.lang,
      attendance: registrations.attendance,
    })
    .from(registrations)
    .where(
      and(
        inArray(
          registrations.eventId,
          eventIdsWhere({
            status: 'published',
            startsAfter: new Date(now.getTime() + HOUR),
            startsAtOrBefore: new Date(now.getTime() + 24 * HOUR),
          }),
        ),
        ne(registrations.status, 'cancelled'),
        isNotNull(registrations.email),
        lt(registrations.createdAt, new Date(now.getTime() - HOUR)),
      ),
    );
  const events = await findEventsByIds(
    deps.db,
    rows.map((row) => row.eventId),
  );
  let written = 0;
  for (const { eventId, ...row } of rows) {
    const event = events.get(eventId);
    if (!row.email || !event) continue;
    const built = buildEmail({
      kind: 'reminder',
      lang: isLang(row.lang) ? row.lang : 'et',
      event,
      publicUrl: deps.config.publicUrl,
      attendance: row.attendance,
    });
    const sent = await enqueueEmail(
      deps.db,
      {
        kind: 'registration.reminder',
        recipient: row.email,
        ...built,
        dedupeKey: `registration.reminder:${row.id}:${event.startsAt.toISOString()}`,
        eventId,
      },
      now,
    );
    if (sent) written++;
  }
  return written;
}
