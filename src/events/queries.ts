import { and, asc, desc, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { eventHosts, events, municipalities } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { EventListQuery } from './listing';

export type EventKind = (typeof events.kind.enumValues)[number];
export type EventStatus = (typeof events.status.enumValues)[number];
export type HostRef = { slug: string; name: string };

export type EventSummary = {
  id: number;
  slug: string;
  kind: EventKind;
  status: EventStatus;
  title: string;
  summary: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  venueName: string | null;
  onlineUrl: string | null;
  hosts: HostRef[];
};

export type EventListFilter = {
  when?: 'upcoming' | 'past' | 'live' | 'all';
  now: Date;
  municipalities?: string[];
  kinds?: EventKind[];
  year?: number;
  limit?: number;
  offset?: number;
};

const summaryColumns = {
  id: events.id,
  slug: events.slug,
  kind: events.kind,
  status: events.status,
  title: events.title,
  summary: events.summary,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timezone: events.timezone,
  venueName: events.venueName,
  onlineUrl: events.onlineUrl,
};

function publicFilter(filter: EventListFilter): SQL[] {
  const conditions: SQL[] = [ne(events.status, 'draft')];
  if (filter.when === 'upcoming') conditions.push(gt(events.endsAt, filter.now));
  if (filter.when === 'past') conditions.push(lte(events.endsAt, filter.now));
  if (filter.when === 'live') {
    conditions.push(lte(events.startsAt, filter.now), gt(events.endsAt, filter.now));
  }
  if (filter.kinds?.length) conditions.push(inArray(events.kind, filter.kinds));
  if (filter.year) {
    conditions.push(
      sql`extract(year from ${events.startsAt} at time zone ${events.timezone}) = ${filter.year}`,
    );
  }
  if (filter.municipalities?.length) {
    conditions.push(
      inArray(
        events.id,
        sql`(select ${eventHosts.eventId} from ${eventHosts} join ${municipalities} on ${municipalities.id} = ${eventHosts.municipalityId} where ${inArray(municipalities.slug, filter.municipalities)})`,
      ),
    );
  }
  return conditions;
}

/** Published and cancelled events (never drafts), upcoming ones soonest first, past ones newest first. */
export async function listPublicEvents(
  db: Queryable,
  filter: EventListFilter,
): Promise<EventSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(events)
    .where(and(...publicFilter(filter)))
    .orderBy(filter.when === 'past' ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
  return withHosts(db, rows);
}

export async function countPublicEvents(db: Queryable, filter: EventListFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(events)
    .where(and(...publicFilter(filter)));
  return row?.count ?? 0;
}

export async function hostsOf(db: Queryable, eventIds: number[]): Promise<Map<number, HostRef[]>> {
  const byEvent = new Map<number, HostRef[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select({ eventId: eventHosts.eventId, slug: municipalities.slug, name: municipalities.name })
    .from(eventHosts)
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(inArray(eventHosts.eventId, eventIds))
    .orderBy(asc(eventHosts.position), asc(municipalities.name));
  for (const row of rows) {
    const list = byEvent.get(row.eventId) ?? [];
    list.push({ slug: row.slug, name: row.name });
    byEvent.set(row.eventId, list);
  }
  return byEvent;
}

async function withHosts<T extends { id: number }>(
  db: Queryable,
  rows: T[],
): Promise<(T & { hosts: HostRef[] })[]> {
  const hosts = await hostsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, hosts: hosts.get(row.id) ?? [] }));
}

export async function listMunicipalities(db: Queryable) {
  return db
    .select({
      id: municipalities.id,
      slug: municipalities.slug,
      name: municipalities.name,
      kind: municipalities.kind,
      website: municipalities.website,
    })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
}

/** Years that have public events, newest first, for the year filter. */
export async function listEventYears(db: Queryable): Promise<number[]> {
  const year = sql<number>`extract(year from ${events.startsAt} at time zone ${events.timezone})::int`;
  const rows = await db
    .selectDistinct({ year })
    .from(events)
    .where(ne(events.status, 'draft'))
    .orderBy(desc(year));
  return rows.map((row) => Number(row.year));
}

/** One page of the public listing for the filters of /events and GET /api/v1/events, with the total. */
export async function listEventPage(db: Queryable, query: EventListQuery, now: Date) {
  const filter: EventListFilter = {
    when: query.when,
    now,
    municipalities: query.municipality,
    kinds: query.kind,
    year: query.year,
  };
  const [events, total] = await Promise.all([
    listPublicEvents(db, {
      ...filter,
      limit: query.perPage,
      offset: (query.page - 1) * query.perPage,
    }),
    countPublicEvents(db, filter),
  ]);
  return { events, total };
}
