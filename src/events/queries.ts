import { and, asc, desc, gt, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { attachments, eventHosts, events, municipalities } from '@/platform/db/schema';
import { RESIZABLE_IMAGE_TYPES } from '@/platform/files/images';
import type { Queryable } from '@/platform/db/types';
import type { EventListQuery } from './listing';
import type { Translations } from '@/platform/i18n/content';
import {
  hostedBy,
  hostsOf,
  publicEventCondition,
  type EventKind,
  type EventStatus,
  type HostRef,
} from './reads';

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
  /** The texts' language and their translations (issue 18): lists show the reader's language. */
  originalLang: string;
  translations: Translations;
  /** Its picture: the first published photo among its documents that is an image (issue 14). */
  image: EventImage | null;
};

/** An event's picture: an attachment shown by its preview, its title the alt text. */
export type EventImage = { id: number; title: string };

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
  originalLang: events.originalLang,
  translations: events.translations,
  imageId: firstPhoto(sql`a.id`).mapWith(Number),
  imageTitle: firstPhoto(sql`a.title`),
};

/** A column of an event's first published photo that is an image (null when it has none). */
function firstPhoto(column: SQL) {
  // The events row's id named with its table: a bare "id" in the subquery is the attachment's.
  const eventIdColumn = sql`${sql.identifier('events')}.${sql.identifier('id')}`;
  const types = sql.join(
    RESIZABLE_IMAGE_TYPES.map((type) => sql`${type}`),
    sql`, `,
  );
  return sql<
    string | null
  >`(select ${column} from ${attachments} a where a.event_id = ${eventIdColumn} and a.published and a.kind = 'photo' and a.content_type in (${types}) order by a.position, a.id limit 1)`;
}

/** The picture columns as one field. */
function withImage<T extends { imageId: number | null; imageTitle: string | null }>({
  imageId,
  imageTitle,
  ...row
}: T): Omit<T, 'imageId' | 'imageTitle'> & { image: EventImage | null } {
  return { ...row, image: imageId ? { id: imageId, title: imageTitle ?? '' } : null };
}

function publicFilter(filter: EventListFilter): SQL[] {
  const conditions: SQL[] = [publicEventCondition()];
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
    conditions.push(inArray(events.id, hostedBy(filter.municipalities)));
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
  return withHosts(db, rows.map(withImage));
}

export async function countPublicEvents(db: Queryable, filter: EventListFilter): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(events)
    .where(and(...publicFilter(filter)));
  return row?.count ?? 0;
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

export type KnownVenue = {
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
};

/**
 * The places these municipalities' events have used (all municipalities' when none are given),
 * each name once with its latest address and map point: the event form offers them.
 */
export async function listKnownVenues(
  db: Queryable,
  municipalityIds: number[] | null,
): Promise<KnownVenue[]> {
  if (municipalityIds?.length === 0) return [];
  const byName = sql`lower(${events.venueName})`;
  const rows = await db
    .selectDistinctOn([byName], {
      name: events.venueName,
      address: events.venueAddress,
      lat: events.venueLat,
      lon: events.venueLon,
    })
    .from(events)
    .where(
      and(
        isNotNull(events.venueName),
        municipalityIds
          ? inArray(
              events.id,
              db
                .select({ id: eventHosts.eventId })
                .from(eventHosts)
                .where(inArray(eventHosts.municipalityId, municipalityIds)),
            )
          : undefined,
      ),
    )
    .orderBy(byName, desc(events.startsAt))
    .limit(300);
  return rows.map((row) => ({ ...row, name: row.name ?? '' }));
}
