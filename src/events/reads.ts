/**
 * The one place that reads events, their agenda and their hosts. Every feature reads events
 * through these functions (via '@/events'); no other module selects from `events`,
 * `agenda_items` or `event_hosts`. Other features' queries that filter their own rows by event
 * use `eventIdsWhere` (a subquery of event ids), never a join of their own.
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  agendaItems,
  eventHosts,
  events,
  municipalities,
  publicRevision as publicRevisionTable,
} from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { builtOnce } from '@/platform/db/prepared';
import { sqlRows } from '@/platform/db/rows';
import { agendaKinds, eventKinds, eventStatuses } from './rules';
import type { Translations } from '@/platform/i18n/content';

// ----- values and types, from the schema's enums -----------------------------------------------

export { agendaKinds, eventKinds, eventStatuses };
export type EventKind = (typeof eventKinds)[number];
export type EventStatus = (typeof eventStatuses)[number];

export type EventRow = typeof events.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type HostRef = { slug: string; name: string };
export type EventHost = { id: number } & HostRef;
export type StoredEvent = EventRow & { hosts: EventHost[] };
export type EventKey = { slug: string } | { id: number };

// ----- the public-visibility rule --------------------------------------------------------------

/** The one status the public never sees: a draft is the organizers' business. */
const HIDDEN_STATUS = 'draft' satisfies EventStatus;

/** What the public may see: published and cancelled events. */
export const publicEventStatuses = eventStatuses.filter((status) => status !== HIDDEN_STATUS);

/** The visibility rule for an event in hand: true when the public may see it. */
export function isPublicEvent(event: { status: EventStatus }): boolean {
  return event.status !== HIDDEN_STATUS;
}

/** The same rule as an SQL condition on the `events` table. */
export function publicEventCondition(): SQL {
  return ne(events.status, HIDDEN_STATUS);
}

/** Which events a subquery of `eventIdsWhere` holds; every field narrows it. */
export type EventIdFilter = {
  /** Only what the public may see (see `isPublicEvent`). */
  public?: boolean;
  status?: EventStatus;
  startsAfter?: Date;
  startsAtOrBefore?: Date;
  endedBefore?: Date;
  endedAfter?: Date;
  /** First published in this window (`publishedAt`): what followers hear of as new. */
  publishedAfter?: Date;
  publishedAtOrBefore?: Date;
  /** Exactly this title: the events of a series (a copy keeps its original's title). */
  title?: string;
  /** The year of the start, in the event's own zone. */
  year?: number;
  /** Hosted by (one of) these municipalities, by slug. */
  municipalitySlugs?: string[];
};

function eventConditions(filter: EventIdFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.public) conditions.push(publicEventCondition());
  if (filter.status) conditions.push(eq(events.status, filter.status));
  if (filter.startsAfter) conditions.push(gt(events.startsAt, filter.startsAfter));
  if (filter.startsAtOrBefore) conditions.push(lte(events.startsAt, filter.startsAtOrBefore));
  if (filter.endedBefore) conditions.push(lt(events.endsAt, filter.endedBefore));
  if (filter.endedAfter) conditions.push(gt(events.endsAt, filter.endedAfter));
  if (filter.publishedAfter) conditions.push(gt(events.publishedAt, filter.publishedAfter));
  if (filter.publishedAtOrBefore) {
    conditions.push(lte(events.publishedAt, filter.publishedAtOrBefore));
  }
  if (filter.title !== undefined) conditions.push(eq(events.title, filter.title));
  if (filter.year) {
    conditions.push(
      sql`extract(year from ${events.startsAt} at time zone ${events.timezone}) = ${filter.year}`,
    );
  }
  if (filter.municipalitySlugs?.length) {
    conditions.push(inArray(events.id, hostedBy(filter.municipalitySlugs)));
  }
  return conditions;
}

/** Ids of events hosted by (one of) these municipalities, as a subquery. */
export function hostedBy(municipalitySlugs: string[]): SQL {
  return sql`(select ${eventHosts.eventId} from ${eventHosts} join ${municipalities} on ${municipalities.id} = ${eventHosts.municipalityId} where ${inArray(municipalities.slug, municipalitySlugs)})`;
}

/**
 * The ids of the events that match, as a subquery for other features' own tables:
 * `inArray(recordings.eventId, eventIdsWhere({ public: true }))`.
 */
export function eventIdsWhere(filter: EventIdFilter): SQL {
  const where = and(...eventConditions(filter));
  return where
    ? sql`(select ${events.id} from ${events} where ${where})`
    : sql`(select ${events.id} from ${events})`;
}

/** The ids of the events that match (see eventIdsWhere for use inside another query). */
export async function findEventIds(db: Queryable, filter: EventIdFilter): Promise<number[]> {
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(and(...eventConditions(filter)));
  return rows.map((row) => row.id);
}

/** The start of the event that `eventId` names, for ordering other features' rows by it. */
export function eventStartOf(eventId: AnyPgColumn): SQL<Date> {
  return sql<Date>`(select ${events.startsAt} from ${events} where ${events.id} = ${eventId})`;
}

// ----- one event -------------------------------------------------------------------------------

function keyCondition(key: EventKey): SQL {
  return 'slug' in key ? eq(events.slug, key.slug) : eq(events.id, key.id);
}

const eventBySlug = builtOnce((db) =>
  db
    .select()
    .from(events)
    .where(eq(events.slug, sql.placeholder('slug')))
    .prepare('event_by_slug'),
);
const eventById = builtOnce((db) =>
  db
    .select()
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare('event_by_id'),
);

/** The event's row (drafts too), without its hosts; null when there is none. */
export async function findEvent(db: Queryable, key: EventKey): Promise<EventRow | null> {
  const [row] =
    'slug' in key
      ? await eventBySlug(db).execute({ slug: key.slug })
      : await eventById(db).execute({ id: key.id });
  return row ?? null;
}

/**
 * The event's row, locked (`for update`) until the transaction ends: registration decides on
 * seats with it, so two people never take the last seat at once, and a change to the event waits
 * for them. Call inside a transaction.
 */
export async function lockEvent(tx: Queryable, key: EventKey): Promise<EventRow | null> {
  const [row] = await tx.select().from(events).where(keyCondition(key)).for('update');
  return row ?? null;
}

async function withHostsOf(db: Queryable, row: EventRow | null): Promise<StoredEvent | null> {
  if (!row) return null;
  const hosts = await hostsWithIds(db, [row.id]);
  return { ...row, hosts: hosts.get(row.id) ?? [] };
}

/** Any event (drafts too) with its hosts: for organizers and the checks of who may manage it. */
export async function findEventBySlug(db: Queryable, slug: string): Promise<StoredEvent | null> {
  return withHostsOf(db, await findEvent(db, { slug }));
}

export async function findEventById(db: Queryable, id: number): Promise<StoredEvent | null> {
  return withHostsOf(db, await findEvent(db, { id }));
}

async function findPublic(db: Queryable, key: EventKey): Promise<StoredEvent | null> {
  const row = await findEvent(db, key);
  return row && isPublicEvent(row) ? withHostsOf(db, row) : null;
}

/** An event the public may see, with its hosts; null for a draft (to the public it does not exist). */
export async function findPublicEvent(db: Queryable, slug: string): Promise<StoredEvent | null> {
  return findPublic(db, { slug });
}

export async function findPublicEventById(db: Queryable, id: number): Promise<StoredEvent | null> {
  return findPublic(db, { id });
}

/** Events by id (drafts too) with their hosts; ids with no event are missing from the map. */
export async function findEventsByIds(
  db: Queryable,
  ids: number[],
): Promise<Map<number, EventRow & { hosts: HostRef[] }>> {
  const byId = new Map<number, EventRow & { hosts: HostRef[] }>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return byId;
  const [rows, hosts] = await Promise.all([
    db.select().from(events).where(inArray(events.id, unique)),
    hostsOf(db, unique),
  ]);
  for (const row of rows) byId.set(row.id, { ...row, hosts: hosts.get(row.id) ?? [] });
  return byId;
}

// ----- hosts -----------------------------------------------------------------------------------

async function hostsWithIds(db: Queryable, eventIds: number[]): Promise<Map<number, EventHost[]>> {
  const byEvent = new Map<number, EventHost[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select({
      eventId: eventHosts.eventId,
      id: municipalities.id,
      slug: municipalities.slug,
      name: municipalities.name,
    })
    .from(eventHosts)
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(inArray(eventHosts.eventId, eventIds))
    .orderBy(asc(eventHosts.position), asc(municipalities.name));
  for (const { eventId, ...host } of rows) {
    const list = byEvent.get(eventId) ?? [];
    list.push(host);
    byEvent.set(eventId, list);
  }
  return byEvent;
}

/** The host municipalities (slug and name) of each event, in the organizers' order. */
export async function hostsOf(db: Queryable, eventIds: number[]): Promise<Map<number, HostRef[]>> {
  const withIds = await hostsWithIds(db, eventIds);
  return new Map(
    [...withIds].map(([eventId, hosts]) => [
      eventId,
      hosts.map(({ slug, name }) => ({ slug, name })),
    ]),
  );
}

/** The ids of an event's host municipalities: whom its organizers work for. */
export async function hostIdsOf(db: Queryable, eventId: number): Promise<number[]> {
  const rows = await db
    .select({ id: eventHosts.municipalityId })
    .from(eventHosts)
    .where(eq(eventHosts.eventId, eventId));
  return rows.map((row) => row.id);
}

/** The ids of each event's host municipalities, for many events at once (one query). */
export async function hostIdsByEvent(
  db: Queryable,
  eventIds: number[],
): Promise<Map<number, number[]>> {
  const withIds = await hostsWithIds(db, [...new Set(eventIds)]);
  return new Map([...withIds].map(([eventId, hosts]) => [eventId, hosts.map((host) => host.id)]));
}

/** Municipalities that host at least one event of the subquery `eventIds`, by name. */
export async function hostsAmong(db: Queryable, eventIds: SQL): Promise<HostRef[]> {
  return db
    .selectDistinct({ slug: municipalities.slug, name: municipalities.name })
    .from(eventHosts)
    .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
    .where(inArray(eventHosts.eventId, eventIds))
    .orderBy(asc(municipalities.name));
}

/** Years (in each event's zone) that have public events, newest first; within `eventIds` if given. */
export async function listEventYears(db: Queryable, eventIds?: SQL): Promise<number[]> {
  const year = sql<number>`extract(year from ${events.startsAt} at time zone ${events.timezone})::int`;
  const rows = await db
    .selectDistinct({ year })
    .from(events)
    .where(and(publicEventCondition(), eventIds ? inArray(events.id, eventIds) : undefined))
    .orderBy(desc(year));
  return rows.map((row) => Number(row.year));
}

// ----- agenda ----------------------------------------------------------------------------------

/** An event's agenda in the organizers' order. */
export async function loadAgenda(db: Queryable, eventId: number): Promise<AgendaItemRow[]> {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.position));
}

/** The ids of an event's agenda items: to check that a reference points into this event. */
export async function agendaItemIdsOf(db: Queryable, eventId: number): Promise<number[]> {
  const rows = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId));
  return rows.map((row) => row.id);
}

// ----- the calendar feeds' bulk reads ------------------------------------------------------------

/** Which events a calendar feed holds (the feed decides the bounds; see calendar/rules.ts). */
export type FeedEventSelection = {
  /** Leave out published events that ended before `publishedSince`, cancelled ones before `cancelledSince`. */
  bounds?: { publishedSince: Date; cancelledSince: Date };
  eventId?: number;
  kinds?: EventKind[];
  municipalityIds?: number[];
  /** A subquery of event ids from another feature (e.g. a participant's registrations). */
  eventIdsIn?: SQL;
};

function feedWhere(selection: FeedEventSelection): SQL | undefined {
  const conditions: SQL[] = [publicEventCondition()];
  if (selection.bounds) {
    const bound = or(
      and(eq(events.status, 'published'), gte(events.endsAt, selection.bounds.publishedSince)),
      and(eq(events.status, 'cancelled'), gte(events.endsAt, selection.bounds.cancelledSince)),
    );
    if (bound) conditions.push(bound);
  }
  if (selection.eventId !== undefined) conditions.push(eq(events.id, selection.eventId));
  if (selection.kinds?.length) conditions.push(inArray(events.kind, selection.kinds));
  if (selection.municipalityIds?.length) {
    conditions.push(
      inArray(
        events.id,
        sql`(select ${eventHosts.eventId} from ${eventHosts} where ${inArray(eventHosts.municipalityId, selection.municipalityIds)})`,
      ),
    );
  }
  if (selection.eventIdsIn) conditions.push(inArray(events.id, selection.eventIdsIn));
  return and(...conditions);
}

/**
 * The public calendar's revision (drizzle/0011): raised by the database whenever an event is added
 * or removed or anything a feed shows of one changes. One primary-key read.
 */
export async function publicRevision(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ revision: publicRevisionTable.revision })
    .from(publicRevisionTable)
    .where(eq(publicRevisionTable.id, 1));
  return row?.revision ?? 0;
}

/**
 * The revision of everything public (drizzle/0014): the public calendar's revision plus the seats
 * revision (raised by every change to registrations), one read of two rows. Every write to a
 * table whose rows show on a public page raises one of them (docs/performance.md).
 */
export async function publicAnswersRevision(db: Queryable): Promise<number> {
  const rows = await db
    .select({ revision: publicRevisionTable.revision })
    .from(publicRevisionTable);
  return rows.reduce((sum, row) => sum + row.revision, 0);
}

/**
 * The first instant after `now` at which an event's or agenda item's own times turn (start,
 * end, the registration window, and `daysAfterEnd` after an event's end): the clock changes no
 * public answer between two of them. Infinity when none is left.
 */
export async function nextEventClockInstant(
  db: Queryable,
  now: Date,
  daysAfterEnd: readonly number[],
): Promise<number> {
  const at = now.toISOString();
  const afterEnd = daysAfterEnd.map(
    (days) => sql`${events.endsAt} + make_interval(days => ${days})`,
  );
  const rows = await sqlRows<{ next: string | number | null }>(
    db,
    sql`
    select extract(epoch from min(instant)) * 1000 as next from (
      select min(${events.startsAt}) as instant from ${events} where ${events.startsAt} > ${at}::timestamptz
      union all select min(${events.endsAt}) from ${events} where ${events.endsAt} > ${at}::timestamptz
      union all select min(${events.registrationOpensAt}) from ${events} where ${events.registrationOpensAt} > ${at}::timestamptz
      union all select min(${events.registrationClosesAt}) from ${events} where ${events.registrationClosesAt} > ${at}::timestamptz
      union all select min(${agendaItems.startsAt}) from ${agendaItems} where ${agendaItems.startsAt} > ${at}::timestamptz
      union all select min(${agendaItems.endsAt}) from ${agendaItems} where ${agendaItems.endsAt} > ${at}::timestamptz
      ${sql.join(
        afterEnd.map(
          (instant) =>
            sql`union all select min(${instant}) from ${events} where ${instant} > ${at}::timestamptz`,
        ),
        sql` `,
      )}
    ) instants`,
  );
  const next = rows[0]?.next;
  return next === null || next === undefined ? Number.POSITIVE_INFINITY : Number(next);
}

export type FeedEventVersion = {
  id: number;
  feedRevision: number;
  updatedAt: Date;
  endsAt: Date;
  feedChangedAt: Date;
};

/**
 * The public events of a feed in start order, with the columns the database keeps for the feed's
 * ETag (drizzle/0002: `feedRevision` and `feedChangedAt` are raised by triggers whenever anything
 * a VEVENT shows changes). One indexed query; nothing else is read.
 */
export async function feedEventVersions(
  db: Queryable,
  selection: FeedEventSelection,
): Promise<FeedEventVersion[]> {
  return db
    .select({
      id: events.id,
      feedRevision: events.feedRevision,
      updatedAt: events.updatedAt,
      endsAt: events.endsAt,
      feedChangedAt: events.feedChangedAt,
    })
    .from(events)
    .where(feedWhere(selection))
    .orderBy(asc(events.startsAt), asc(events.id));
}

export type FeedEvent = {
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
  venueAddress: string | null;
  venueLat: number | null;
  venueLon: number | null;
  onlineUrl: string | null;
  cancelReason: string | null;
  sequence: number;
  updatedAt: Date;
  feedRevision: number;
  originalLang: string;
  translations: Translations;
  agenda: {
    startsAt: Date;
    endsAt: Date;
    title: string;
    originalLang: string;
    translations: Translations;
  }[];
  hosts: HostRef[];
};

/**
 * `column = any(…)` with the ids as one text parameter: drizzle's inArray makes a parameter per
 * id, and building a query with thousands of them was the costliest part of a cold feed.
 */
export function inIds(column: AnyPgColumn, ids: number[]): SQL {
  return sql`${column} = any(string_to_array(${ids.join(',')}, ',')::int[])`;
}

/** What the VEVENTs of these events show (their agenda and hosts too), in three queries. */
export async function feedEvents(db: Queryable, ids: number[]): Promise<FeedEvent[]> {
  if (ids.length === 0) return [];
  const [rows, agenda, hosts] = await Promise.all([
    db
      .select({
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
        venueAddress: events.venueAddress,
        venueLat: events.venueLat,
        venueLon: events.venueLon,
        onlineUrl: events.onlineUrl,
        cancelReason: events.cancelReason,
        sequence: events.sequence,
        updatedAt: events.updatedAt,
        feedRevision: events.feedRevision,
        originalLang: events.originalLang,
        translations: events.translations,
      })
      .from(events)
      .where(inIds(events.id, ids)),
    db
      .select({
        eventId: agendaItems.eventId,
        startsAt: agendaItems.startsAt,
        endsAt: agendaItems.endsAt,
        title: agendaItems.title,
        originalLang: agendaItems.originalLang,
        translations: agendaItems.translations,
      })
      .from(agendaItems)
      .where(inIds(agendaItems.eventId, ids))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id)),
    db
      .select({
        eventId: eventHosts.eventId,
        slug: municipalities.slug,
        name: municipalities.name,
      })
      .from(eventHosts)
      .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
      .where(inIds(eventHosts.eventId, ids))
      .orderBy(asc(eventHosts.position), asc(municipalities.name)),
  ]);
  const agendaBy = groupBy(agenda, (item) => item.eventId);
  const hostsBy = groupBy(hosts, (item) => item.eventId);
  return rows.map((row) => ({
    ...row,
    agenda: (agendaBy.get(row.id) ?? []).map(({ eventId: _event, ...item }) => item),
    hosts: (hostsBy.get(row.id) ?? []).map(({ slug, name }) => ({ slug, name })),
  }));
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}
