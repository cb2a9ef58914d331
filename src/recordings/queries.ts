import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import {
  agendaItems,
  chapters,
  eventHosts,
  events,
  municipalities,
  outcomes,
  recordings,
} from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { hostsOf, type HostRef } from '@/events';
import { FOLD_FROM, FOLD_TO, searchTerms } from './search';

export type RecordingKind = (typeof recordings.kind.enumValues)[number];

export type ChapterView = {
  id: number;
  offsetSeconds: number;
  title: string;
  agendaItemId: number | null;
};

export type RecordingView = {
  id: number;
  eventId: number;
  agendaItemId: number | null;
  position: number;
  title: string;
  kind: RecordingKind;
  sourceUrl: string;
  provider: string;
  language: string | null;
  durationSeconds: number | null;
  captionsUrl: string | null;
  published: boolean;
  createdAt: Date;
  updatedAt: Date;
  chapters: ChapterView[];
};

const recordingColumns = {
  id: recordings.id,
  eventId: recordings.eventId,
  agendaItemId: recordings.agendaItemId,
  position: recordings.position,
  title: recordings.title,
  kind: recordings.kind,
  sourceUrl: recordings.sourceUrl,
  provider: recordings.provider,
  language: recordings.language,
  durationSeconds: recordings.durationSeconds,
  captionsUrl: recordings.captionsUrl,
  published: recordings.published,
  createdAt: recordings.createdAt,
  updatedAt: recordings.updatedAt,
};

export async function chaptersOf(
  db: Queryable,
  recordingIds: number[],
): Promise<Map<number, ChapterView[]>> {
  const byRecording = new Map<number, ChapterView[]>();
  if (recordingIds.length === 0) return byRecording;
  const rows = await db
    .select({
      id: chapters.id,
      recordingId: chapters.recordingId,
      offsetSeconds: chapters.offsetSeconds,
      title: chapters.title,
      agendaItemId: chapters.agendaItemId,
    })
    .from(chapters)
    .where(inArray(chapters.recordingId, recordingIds))
    .orderBy(asc(chapters.offsetSeconds), asc(chapters.id));
  for (const { recordingId, ...chapter } of rows) {
    const list = byRecording.get(recordingId) ?? [];
    list.push(chapter);
    byRecording.set(recordingId, list);
  }
  return byRecording;
}

async function withChapters(
  db: Queryable,
  rows: Omit<RecordingView, 'chapters'>[],
): Promise<RecordingView[]> {
  const byRecording = await chaptersOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, chapters: byRecording.get(row.id) ?? [] }));
}

/** An event's published recordings with their chapters, in the organizer's order. */
export async function recordingsForEvent(db: Queryable, eventId: number): Promise<RecordingView[]> {
  const rows = await db
    .select(recordingColumns)
    .from(recordings)
    .where(and(eq(recordings.eventId, eventId), eq(recordings.published, true)))
    .orderBy(asc(recordings.position), asc(recordings.id));
  return withChapters(db, rows);
}

/** All of an event's recordings, published or not: for its organizers. */
export async function allRecordingsOfEvent(
  db: Queryable,
  eventId: number,
): Promise<RecordingView[]> {
  const rows = await db
    .select(recordingColumns)
    .from(recordings)
    .where(eq(recordings.eventId, eventId))
    .orderBy(asc(recordings.position), asc(recordings.id));
  return withChapters(db, rows);
}

export async function recordingById(db: Queryable, id: number): Promise<RecordingView | null> {
  const rows = await db.select(recordingColumns).from(recordings).where(eq(recordings.id, id));
  const [recording] = await withChapters(db, rows);
  return recording ?? null;
}

export type ManagedEvent = {
  id: number;
  slug: string;
  title: string;
  status: 'draft' | 'published' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  hostIds: number[];
};

const managedEventColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timezone: events.timezone,
};

async function withHostIds(
  db: Queryable,
  event: Omit<ManagedEvent, 'hostIds'> | undefined,
): Promise<ManagedEvent | null> {
  if (!event) return null;
  const hosts = await db
    .select({ id: eventHosts.municipalityId })
    .from(eventHosts)
    .where(eq(eventHosts.eventId, event.id));
  return { ...event, hostIds: hosts.map((host) => host.id) };
}

/** Any event (drafts too) with the ids of its hosts, for the authorization check. */
export async function eventBySlug(db: Queryable, slug: string): Promise<ManagedEvent | null> {
  const [event] = await db.select(managedEventColumns).from(events).where(eq(events.slug, slug));
  return withHostIds(db, event);
}

export async function eventById(db: Queryable, id: number): Promise<ManagedEvent | null> {
  const [event] = await db.select(managedEventColumns).from(events).where(eq(events.id, id));
  return withHostIds(db, event);
}

export type AgendaEntry = {
  id: number;
  position: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string | null;
  speakers: string[];
  kind: string;
};

export async function agendaOf(db: Queryable, eventId: number): Promise<AgendaEntry[]> {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      title: agendaItems.title,
      description: agendaItems.description,
      speakers: agendaItems.speakers,
      kind: agendaItems.kind,
    })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.startsAt), asc(agendaItems.position));
}

export type PublicEventRef = {
  id: number;
  slug: string;
  title: string;
  summary: string | null;
  status: 'draft' | 'published' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  hosts: HostRef[];
};

export type OutcomeAtOffset = {
  id: number;
  kind: string;
  title: string;
  body: string;
  offsetSeconds: number | null;
};

export type RecordingPageData = {
  recording: RecordingView;
  event: PublicEventRef;
  agenda: AgendaEntry[];
  outcomes: OutcomeAtOffset[];
  siblings: { id: number; title: string }[];
};

/** A published recording of a non-draft event, with what its page shows; null otherwise. */
export async function publicRecordingPage(
  db: Queryable,
  id: number,
): Promise<RecordingPageData | null> {
  const recording = await recordingById(db, id);
  if (!recording || !recording.published) return null;
  const [event] = await db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      summary: events.summary,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      timezone: events.timezone,
    })
    .from(events)
    .where(and(eq(events.id, recording.eventId), ne(events.status, 'draft')));
  if (!event) return null;
  const [hosts, agenda, said, siblings] = await Promise.all([
    hostsOf(db, [event.id]),
    agendaOf(db, event.id),
    db
      .select({
        id: outcomes.id,
        kind: outcomes.kind,
        title: outcomes.title,
        body: outcomes.body,
        offsetSeconds: outcomes.offsetSeconds,
      })
      .from(outcomes)
      .where(and(eq(outcomes.recordingId, recording.id), eq(outcomes.published, true)))
      .orderBy(sql`${outcomes.offsetSeconds} asc nulls last`, asc(outcomes.id)),
    db
      .select({ id: recordings.id, title: recordings.title })
      .from(recordings)
      .where(
        and(
          eq(recordings.eventId, event.id),
          eq(recordings.published, true),
          ne(recordings.id, recording.id),
        ),
      )
      .orderBy(asc(recordings.position), asc(recordings.id)),
  ]);
  return {
    recording,
    event: { ...event, hosts: hosts.get(event.id) ?? [] },
    agenda,
    outcomes: said,
    siblings,
  };
}

export type ArchiveFilter = {
  q?: string | undefined;
  municipality?: string | undefined;
  year?: number | undefined;
  kind?: RecordingKind | undefined;
  limit: number;
  offset: number;
};

export type ArchiveEntry = Omit<RecordingView, 'chapters' | 'published'> & {
  event: PublicEventRef;
  chapterCount: number;
};

/**
 * The searchable text of a recording: its title and chapters, its event's title, summary and
 * description, the event's agenda and its published outcome notes (those not tied to another
 * recording), lower-cased and folded (see search.ts).
 */
function searchDocument(): SQL {
  return sql`translate(lower(concat_ws(' ',
    ${recordings.title}, ${events.title}, ${events.summary}, ${events.description},
    (select string_agg(concat_ws(' ', ${agendaItems.title}, ${agendaItems.description}, array_to_string(${agendaItems.speakers}, ' ')), ' ')
       from ${agendaItems} where ${agendaItems.eventId} = ${events.id}),
    (select string_agg(concat_ws(' ', ${outcomes.title}, ${outcomes.body}), ' ')
       from ${outcomes} where ${outcomes.eventId} = ${events.id} and ${outcomes.published}
       and (${outcomes.recordingId} is null or ${outcomes.recordingId} = ${recordings.id})),
    (select string_agg(${chapters.title}, ' ') from ${chapters} where ${chapters.recordingId} = ${recordings.id})
  )), ${FOLD_FROM}, ${FOLD_TO})`;
}

function archiveConditions(filter: ArchiveFilter): SQL[] {
  const conditions: SQL[] = [eq(recordings.published, true), ne(events.status, 'draft')];
  const terms = searchTerms(filter.q);
  if (terms.length > 0) {
    const document = searchDocument();
    // Terms hold only letters and digits (searchTerms), so no LIKE escaping is needed.
    for (const term of terms) conditions.push(sql`${document} like ${`%${term}%`}`);
  }
  if (filter.kind) conditions.push(eq(recordings.kind, filter.kind));
  if (filter.year) {
    conditions.push(
      sql`extract(year from ${events.startsAt} at time zone ${events.timezone}) = ${filter.year}`,
    );
  }
  if (filter.municipality) {
    conditions.push(
      inArray(
        events.id,
        sql`(select ${eventHosts.eventId} from ${eventHosts} join ${municipalities} on ${municipalities.id} = ${eventHosts.municipalityId} where ${municipalities.slug} = ${filter.municipality})`,
      ),
    );
  }
  return conditions;
}

/** Published recordings of published or cancelled events, newest event first. */
export async function searchArchive(
  db: Queryable,
  filter: ArchiveFilter,
): Promise<{ items: ArchiveEntry[]; total: number }> {
  const where = and(...archiveConditions(filter));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        ...recordingColumns,
        chapterCount: sql<number>`(select count(*)::int from ${chapters} where ${chapters.recordingId} = ${recordings.id})`,
        event: {
          id: events.id,
          slug: events.slug,
          title: events.title,
          summary: events.summary,
          status: events.status,
          startsAt: events.startsAt,
          endsAt: events.endsAt,
          timezone: events.timezone,
        },
      })
      .from(recordings)
      .innerJoin(events, eq(events.id, recordings.eventId))
      .where(where)
      .orderBy(desc(events.startsAt), asc(recordings.position), asc(recordings.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(recordings)
      .innerJoin(events, eq(events.id, recordings.eventId))
      .where(where),
  ]);
  const hosts = await hostsOf(db, [...new Set(rows.map((row) => row.event.id))]);
  const items = rows.map(({ published: _published, ...row }) => ({
    ...row,
    event: { ...row.event, hosts: hosts.get(row.event.id) ?? [] },
  }));
  return { items, total: counted?.count ?? 0 };
}

/** Municipalities and years that have archived recordings: the archive's filter choices. */
export async function archiveFacets(
  db: Queryable,
): Promise<{ municipalities: HostRef[]; years: number[] }> {
  const visible = and(eq(recordings.published, true), ne(events.status, 'draft'));
  const [places, years] = await Promise.all([
    db
      .selectDistinct({ slug: municipalities.slug, name: municipalities.name })
      .from(recordings)
      .innerJoin(events, eq(events.id, recordings.eventId))
      .innerJoin(eventHosts, eq(eventHosts.eventId, events.id))
      .innerJoin(municipalities, eq(municipalities.id, eventHosts.municipalityId))
      .where(visible)
      .orderBy(asc(municipalities.name)),
    db
      .selectDistinct({
        year: sql<number>`extract(year from ${events.startsAt} at time zone ${events.timezone})::int`,
      })
      .from(recordings)
      .innerJoin(events, eq(events.id, recordings.eventId))
      .where(visible),
  ]);
  return {
    municipalities: places,
    years: years.map((row) => Number(row.year)).sort((a, b) => b - a),
  };
}

export type FeedItem =
  | {
      type: 'recording';
      id: number;
      title: string;
      kind: RecordingKind;
      eventSlug: string;
      eventTitle: string;
      summary: string | null;
      createdAt: Date;
      updatedAt: Date;
    }
  | {
      type: 'outcome';
      id: number;
      title: string;
      kind: string;
      body: string;
      eventSlug: string;
      eventTitle: string;
      recordingId: number | null;
      offsetSeconds: number | null;
      createdAt: Date;
      updatedAt: Date;
    };

/** The newest published recordings and outcome notes of non-draft events, newest first. */
export async function archiveFeedItems(db: Queryable, limit = 50): Promise<FeedItem[]> {
  const [recordingRows, outcomeRows] = await Promise.all([
    db
      .select({
        id: recordings.id,
        title: recordings.title,
        kind: recordings.kind,
        eventSlug: events.slug,
        eventTitle: events.title,
        summary: events.summary,
        createdAt: recordings.createdAt,
        updatedAt: recordings.updatedAt,
      })
      .from(recordings)
      .innerJoin(events, eq(events.id, recordings.eventId))
      .where(and(eq(recordings.published, true), ne(events.status, 'draft')))
      .orderBy(desc(recordings.createdAt), desc(recordings.id))
      .limit(limit),
    db
      .select({
        id: outcomes.id,
        title: outcomes.title,
        kind: outcomes.kind,
        body: outcomes.body,
        eventSlug: events.slug,
        eventTitle: events.title,
        // A link into the recording only when that recording is public.
        recordingId: sql<
          number | null
        >`(select ${recordings.id} from ${recordings} where ${recordings.id} = ${outcomes.recordingId} and ${recordings.published})`,
        offsetSeconds: outcomes.offsetSeconds,
        createdAt: outcomes.createdAt,
        updatedAt: outcomes.updatedAt,
      })
      .from(outcomes)
      .innerJoin(events, eq(events.id, outcomes.eventId))
      .where(and(eq(outcomes.published, true), ne(events.status, 'draft')))
      .orderBy(desc(outcomes.createdAt), desc(outcomes.id))
      .limit(limit),
  ]);
  const items: FeedItem[] = [
    ...recordingRows.map((row) => ({ type: 'recording' as const, ...row })),
    ...outcomeRows.map((row) => ({ type: 'outcome' as const, ...row })),
  ];
  return items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
}
