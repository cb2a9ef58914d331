import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { actionPlans, eventHosts, events, municipalities } from '../db/schema/index';
import type { Queryable } from '../db/types';
import type { CurrentUser } from './auth';

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
  const scope: SQL | undefined =
    user.role === 'admin'
      ? undefined
      : inArray(
          events.id,
          db
            .select({ id: eventHosts.eventId })
            .from(eventHosts)
            .where(inArray(eventHosts.municipalityId, user.municipalityIds)),
        );
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timezone: events.timezone,
    })
    .from(events)
    .where(scope)
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
