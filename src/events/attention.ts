import { and, asc, desc, exists, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { agendaItems, eventHosts, events } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { CurrentUser } from '@/platform/auth/auth';

/** An event as the admin pages list it: the events a user manages, drafts included. */
export type ManagedEvent = {
  id: number;
  slug: string;
  title: string;
  status: 'draft' | 'published' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  timezone: string;
};

/** A managed event with what the dashboard weighs: seats, registration times, an agenda. */
export type EventNeedingAttention = ManagedEvent & {
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  hasAgenda: boolean;
};

const columns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timezone: events.timezone,
};

/** Whether a user manages anything: admins all, organizers through their municipalities. */
function managesNothing(user: CurrentUser): boolean {
  return user.role !== 'admin' && user.municipalityIds.length === 0;
}

/** The events a user manages, as a condition on `events` (undefined: all, for admins). */
function managedScope(db: Queryable, user: CurrentUser): SQL | undefined {
  return user.role === 'admin'
    ? undefined
    : inArray(
        events.id,
        db
          .select({ id: eventHosts.eventId })
          .from(eventHosts)
          .where(inArray(eventHosts.municipalityId, user.municipalityIds)),
      );
}

/** The events a user manages (hosted by one of their municipalities; all for admins), drafts included. */
export async function eventsFor(db: Queryable, user: CurrentUser): Promise<ManagedEvent[]> {
  if (managesNothing(user)) return [];
  return db
    .select(columns)
    .from(events)
    .where(managedScope(db, user))
    .orderBy(desc(events.startsAt), asc(events.id))
    .limit(200);
}

/**
 * Managed events that overlap [from, to) (they end after `from` and start before `to`), by
 * start, with whether they have an agenda: one query.
 */
export async function managedEventsBetween(
  db: Queryable,
  user: CurrentUser,
  from: Date,
  to: Date,
): Promise<EventNeedingAttention[]> {
  if (managesNothing(user)) return [];
  const agenda = exists(
    db
      .select({ one: sql`1` })
      .from(agendaItems)
      .where(sql`${agendaItems.eventId} = ${events.id}`),
  );
  const rows = await db
    .select({
      ...columns,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
      hasAgenda: sql<boolean>`${agenda}`,
    })
    .from(events)
    .where(and(managedScope(db, user), gt(events.endsAt, from), lt(events.startsAt, to)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(400);
  return rows.map((row) => ({ ...row, hasAgenda: Boolean(row.hasAgenda) }));
}
