import {
  and,
  asc,
  count,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNotNull,
  lt,
  lte,
  ne,
  not,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  actionItems,
  actionPlans,
  agendaItems,
  eventHosts,
  events,
  municipalities,
  outbox,
  outcomes,
  recordings,
  registrations,
} from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { isOverdue, localDate } from '@/plans';
import { PLAN_ZONE } from '@/plans';
import type { CurrentUser } from '@/platform/auth/auth';

export type DashboardEvent = {
  id: number;
  slug: string;
  title: string;
  status: 'draft' | 'published' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  timezone: string;
};

export type DashboardPlan = {
  id: number;
  title: string;
  status: 'draft' | 'adopted' | 'archived';
  periodStart: string;
  periodEnd: string;
  municipality: string;
};

/** The events a user manages (hosted by one of their municipalities; all for admins), drafts included. */
export async function eventsFor(db: Queryable, user: CurrentUser): Promise<DashboardEvent[]> {
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return [];
  return db
    .select(eventColumns)
    .from(events)
    .where(eventScope(db, user))
    .orderBy(desc(events.startsAt), asc(events.id))
    .limit(200);
}

export async function plansFor(db: Queryable, user: CurrentUser): Promise<DashboardPlan[]> {
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return [];
  return db
    .select({
      id: actionPlans.id,
      title: actionPlans.title,
      status: actionPlans.status,
      periodStart: actionPlans.periodStart,
      periodEnd: actionPlans.periodEnd,
      municipality: municipalities.name,
    })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .where(
      and(
        user.role === 'admin'
          ? undefined
          : inArray(actionPlans.municipalityId, user.municipalityIds),
      ),
    )
    .orderBy(asc(municipalities.name), desc(actionPlans.periodStart))
    .limit(200);
}

export async function municipalityNames(db: Queryable, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.id, ids))
    .orderBy(asc(municipalities.name));
  return rows.map((row) => row.name);
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead "coming up" looks, how far back "what came of it" looks, and when a closing registration is worth a warning. */
export const UPCOMING_DAYS = 30;
export const ENDED_DAYS = 60;
export const CLOSING_SOON_DAYS = 3;

export type UpcomingWarning = 'draft' | 'noAgenda' | 'closingSoon' | 'fullWithWaitlist';

export type UpcomingEvent = DashboardEvent & {
  capacity: number | null;
  /** Confirmed in person (what the capacity limits) and online. */
  confirmedInPerson: number;
  confirmedOnline: number;
  waitlisted: number;
  warnings: UpcomingWarning[];
};

export type EndedEvent = DashboardEvent & { hasRecording: boolean; hasOutcome: boolean };

export type PlanOverdue = { planId: number; overdue: number };

/** Which events a user manages, as a condition on `events` (undefined: all, for admins). */
function eventScope(db: Queryable, user: CurrentUser): SQL | undefined {
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

const eventColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timezone: events.timezone,
};

/** When registration stops: the set closing time, or the start at the latest (as registrationWindow). */
function registrationClosesAt(event: { startsAt: Date; registrationClosesAt: Date | null }): Date {
  const closes = event.registrationClosesAt;
  return closes && closes < event.startsAt ? closes : event.startsAt;
}

export function upcomingWarnings(
  event: {
    status: DashboardEvent['status'];
    startsAt: Date;
    registrationOpensAt: Date | null;
    registrationClosesAt: Date | null;
    capacity: number | null;
    hasAgenda: boolean;
    confirmedInPerson: number;
    waitlisted: number;
  },
  now: Date,
): UpcomingWarning[] {
  if (event.status === 'cancelled') return [];
  const warnings: UpcomingWarning[] = [];
  if (event.status === 'draft') warnings.push('draft');
  if (!event.hasAgenda) warnings.push('noAgenda');
  const closes = registrationClosesAt(event);
  if (
    event.status === 'published' &&
    closes.getTime() > now.getTime() &&
    closes.getTime() - now.getTime() <= CLOSING_SOON_DAYS * DAY_MS &&
    (event.registrationOpensAt === null || event.registrationOpensAt <= now)
  ) {
    warnings.push('closingSoon');
  }
  if (
    event.capacity !== null &&
    event.confirmedInPerson >= event.capacity &&
    event.waitlisted > 0
  ) {
    warnings.push('fullWithWaitlist');
  }
  return warnings;
}

/**
 * Managed events that have not ended and start within UPCOMING_DAYS, by start, with their
 * registration counts (never who) and what needs doing. Three queries whatever the number.
 */
export async function upcomingFor(
  db: Queryable,
  user: CurrentUser,
  now: Date,
): Promise<UpcomingEvent[]> {
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return [];
  const rows = await db
    .select({
      ...eventColumns,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
    })
    .from(events)
    .where(
      and(
        eventScope(db, user),
        gt(events.endsAt, now),
        lt(events.startsAt, new Date(now.getTime() + UPCOMING_DAYS * DAY_MS)),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(200);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [counts, agendas] = await Promise.all([
    db
      .select({
        eventId: registrations.eventId,
        status: registrations.status,
        attendance: registrations.attendance,
        n: count(),
      })
      .from(registrations)
      .where(and(inArray(registrations.eventId, ids), ne(registrations.status, 'cancelled')))
      .groupBy(registrations.eventId, registrations.status, registrations.attendance),
    db
      .selectDistinct({ eventId: agendaItems.eventId })
      .from(agendaItems)
      .where(inArray(agendaItems.eventId, ids)),
  ]);
  const withAgenda = new Set(agendas.map((row) => row.eventId));
  const countOf = (eventId: number, status: string, attendance?: string) =>
    counts
      .filter(
        (row) =>
          row.eventId === eventId &&
          row.status === status &&
          (attendance === undefined || row.attendance === attendance),
      )
      .reduce((sum, row) => sum + Number(row.n), 0);
  return rows.map(({ capacity, registrationOpensAt, registrationClosesAt, ...event }) => {
    const confirmedInPerson = countOf(event.id, 'confirmed', 'in_person');
    const confirmedOnline = countOf(event.id, 'confirmed', 'online');
    const waitlisted = countOf(event.id, 'waitlisted');
    return {
      ...event,
      capacity,
      confirmedInPerson,
      confirmedOnline,
      waitlisted,
      warnings: upcomingWarnings(
        {
          status: event.status,
          startsAt: event.startsAt,
          registrationOpensAt,
          registrationClosesAt,
          capacity,
          hasAgenda: withAgenda.has(event.id),
          confirmedInPerson,
          waitlisted,
        },
        now,
      ),
    };
  });
}

/**
 * Published managed events that ended within ENDED_DAYS and still lack a published recording
 * or a published outcome note, the latest first. One query.
 */
export async function awaitingResultsFor(
  db: Queryable,
  user: CurrentUser,
  now: Date,
): Promise<EndedEvent[]> {
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return [];
  const recording = exists(
    db
      .select({ one: sql`1` })
      .from(recordings)
      .where(and(eq(recordings.eventId, events.id), eq(recordings.published, true))),
  );
  const outcome = exists(
    db
      .select({ one: sql`1` })
      .from(outcomes)
      .where(and(eq(outcomes.eventId, events.id), eq(outcomes.published, true))),
  );
  const rows = await db
    .select({
      ...eventColumns,
      hasRecording: sql<boolean>`${recording}`,
      hasOutcome: sql<boolean>`${outcome}`,
    })
    .from(events)
    .where(
      and(
        eventScope(db, user),
        eq(events.status, 'published'),
        lte(events.endsAt, now),
        gt(events.endsAt, new Date(now.getTime() - ENDED_DAYS * DAY_MS)),
        or(not(recording), not(outcome)),
      ),
    )
    .orderBy(desc(events.endsAt), asc(events.id))
    .limit(200);
  return rows.map((row) => ({
    ...row,
    hasRecording: Boolean(row.hasRecording),
    hasOutcome: Boolean(row.hasOutcome),
  }));
}

/** Overdue items per managed non-draft plan (today in the plans' zone), from one query. */
export async function overdueByPlan(
  db: Queryable,
  user: CurrentUser,
  now: Date,
): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return result;
  const items = await db
    .select({
      planId: actionItems.planId,
      status: actionItems.status,
      progress: actionItems.progress,
      dueDate: actionItems.dueDate,
    })
    .from(actionItems)
    .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
    .where(
      and(
        user.role === 'admin'
          ? undefined
          : inArray(actionPlans.municipalityId, user.municipalityIds),
        ne(actionPlans.status, 'draft'),
        isNotNull(actionItems.dueDate),
        notInArray(actionItems.status, ['done', 'dropped']),
      ),
    );
  const today = localDate(now, PLAN_ZONE);
  for (const item of items) {
    if (isOverdue(item, today)) result.set(item.planId, (result.get(item.planId) ?? 0) + 1);
  }
  return result;
}

/** Emails the outbox gave up on: for admins, who alone may read the outbox. */
export async function failedEmailCount(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed'));
  return Number(row?.n ?? 0);
}
