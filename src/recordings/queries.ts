import type { Lang } from '@/platform/i18n';
import {
  contentLang,
  localize,
  localizeFields,
  localizeOptional,
  type Translations,
} from '@/platform/i18n/content';
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { captions, chapters, outcomes, recordings } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import {
  eventIdsWhere,
  eventStartOf,
  findEventById,
  findEventBySlug,
  findEventsByIds,
  findPublicEventById,
  hostsAmong,
  listEventYears,
  loadAgenda,
  type AgendaItemRow,
  type EventKey,
  type EventRow,
  type HostRef,
} from '@/events';
import { searchMatches } from '@/search';

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
  /** The title's language and its translations (issue 18). */
  originalLang: string;
  translations: Translations;
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
  originalLang: recordings.originalLang,
  translations: recordings.translations,
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

/** An event as its organizers' recording pages use it, with the ids of its hosts. */
export type ManagedEvent = Pick<
  EventRow,
  'id' | 'slug' | 'title' | 'status' | 'startsAt' | 'endsAt' | 'timezone'
> & { hostIds: number[] };

/** Any event (drafts too) with the ids of its hosts, for the authorization check. */
export async function managedEventOf(db: Queryable, key: EventKey): Promise<ManagedEvent | null> {
  const event =
    'slug' in key ? await findEventBySlug(db, key.slug) : await findEventById(db, key.id);
  if (!event) return null;
  const { id, slug, title, status, startsAt, endsAt, timezone } = event;
  return {
    id,
    slug,
    title,
    status,
    startsAt,
    endsAt,
    timezone,
    hostIds: event.hosts.map((host) => host.id),
  };
}

export type AgendaEntry = Pick<
  AgendaItemRow,
  'id' | 'position' | 'startsAt' | 'endsAt' | 'title' | 'description' | 'speakers' | 'kind'
>;

/** An event's agenda in time order (chapters and the recording page follow the clock). */
export async function agendaOf(
  db: Queryable,
  eventId: number,
  lang?: Lang,
): Promise<AgendaEntry[]> {
  const items = await loadAgenda(db, eventId);
  return items
    .map((item) => ({
      ...item,
      title: lang ? localize(item, 'title', item.title, lang).text : item.title,
    }))
    .map(({ id, position, startsAt, endsAt, title, description, speakers, kind }) => ({
      id,
      position,
      startsAt,
      endsAt,
      title,
      description,
      speakers,
      kind,
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position);
}

export type PublicEventRef = Pick<
  EventRow,
  'id' | 'slug' | 'title' | 'summary' | 'status' | 'startsAt' | 'endsAt' | 'timezone'
> & { hosts: HostRef[] };

function publicEventRef(event: EventRow & { hosts: HostRef[] }): PublicEventRef {
  const { id, slug, title, summary, status, startsAt, endsAt, timezone, hosts } = event;
  return { id, slug, title, summary, status, startsAt, endsAt, timezone, hosts };
}

export type OutcomeAtOffset = {
  id: number;
  kind: string;
  /** In the reader's language where translated; `titleLang` and `bodyLang` say which it is in. */
  title: string;
  titleLang: Lang;
  body: string;
  bodyLang: Lang;
  offsetSeconds: number | null;
  /** The caption cue's words the note quotes, said at offsetSeconds, in `quoteLang` if known. */
  quote: string | null;
  quoteLang: string | null;
};

export type RecordingPageData = {
  recording: RecordingView;
  event: PublicEventRef;
  agenda: AgendaEntry[];
  outcomes: OutcomeAtOffset[];
  siblings: { id: number; title: string }[];
  /** The languages it has captions in (src/captions), for the player's tracks and the transcript. */
  captionLanguages: string[];
  /** The language of the title when the reader gets it untranslated (issue 18). */
  fallbackFrom?: Lang | undefined;
};

/** A published recording of a non-draft event, with what its page shows; null otherwise. */
export async function publicRecordingPage(
  db: Queryable,
  id: number,
  lang?: Lang,
): Promise<RecordingPageData | null> {
  const stored = await recordingById(db, id);
  if (!stored || !stored.published) return null;
  const event = await findPublicEventById(db, stored.eventId);
  if (!event) return null;
  // Its texts in the reader's language, else the original (issue 18).
  const shown = lang ? localizeFields(stored, ['title'], lang) : null;
  const recording: RecordingView = shown ?? stored;
  const title = <R extends { title: string; originalLang: string; translations: Translations }>(
    row: R,
  ) => (lang ? localize(row, 'title', row.title, lang).text : row.title);
  const [agenda, said, siblings, captionRows] = await Promise.all([
    agendaOf(db, event.id, lang),
    db
      .select({
        id: outcomes.id,
        kind: outcomes.kind,
        title: outcomes.title,
        body: outcomes.body,
        offsetSeconds: outcomes.offsetSeconds,
        quote: outcomes.quote,
        quoteLang: outcomes.quoteLang,
        originalLang: outcomes.originalLang,
        translations: outcomes.translations,
      })
      .from(outcomes)
      .where(and(eq(outcomes.recordingId, recording.id), eq(outcomes.published, true)))
      .orderBy(sql`${outcomes.offsetSeconds} asc nulls last`, asc(outcomes.id)),
    db
      .select({
        id: recordings.id,
        title: recordings.title,
        originalLang: recordings.originalLang,
        translations: recordings.translations,
      })
      .from(recordings)
      .where(
        and(
          eq(recordings.eventId, event.id),
          eq(recordings.published, true),
          ne(recordings.id, recording.id),
        ),
      )
      .orderBy(asc(recordings.position), asc(recordings.id)),
    db
      .select({ language: captions.language })
      .from(captions)
      .where(eq(captions.recordingId, recording.id))
      .orderBy(asc(captions.language)),
  ]);
  return {
    recording,
    event: publicEventRef({
      ...event,
      title: title(event),
      hosts: event.hosts.map(({ slug, name }) => ({ slug, name })),
    }),
    agenda,
    outcomes: said.map(({ originalLang, translations, ...outcome }) => {
      const row = { originalLang, translations };
      const shownTitle = localize(row, 'title', outcome.title, lang ?? contentLang(originalLang));
      const shownBody = localize(row, 'body', outcome.body, lang ?? contentLang(originalLang));
      return {
        ...outcome,
        title: shownTitle.text,
        titleLang: shownTitle.lang,
        body: shownBody.text,
        bodyLang: shownBody.lang,
      };
    }),
    siblings: siblings.map((sibling) => ({ id: sibling.id, title: title(sibling) })),
    captionLanguages: captionRows.map((row) => row.language),
    fallbackFrom: shown?.fallback ? shown.contentLang : undefined,
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

function archiveConditions(filter: ArchiveFilter): SQL[] {
  const conditions: SQL[] = [eq(recordings.published, true)];
  const matches = searchMatches(filter.q);
  if (matches) conditions.push(inArray(recordings.id, matches));
  if (filter.kind) conditions.push(eq(recordings.kind, filter.kind));
  conditions.push(
    inArray(
      recordings.eventId,
      eventIdsWhere({
        public: true,
        year: filter.year,
        municipalitySlugs: filter.municipality ? [filter.municipality] : undefined,
      }),
    ),
  );
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
      })
      .from(recordings)
      .where(where)
      .orderBy(desc(eventStartOf(recordings.eventId)), asc(recordings.position), asc(recordings.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(recordings)
      .where(where),
  ]);
  const events = await findEventsByIds(
    db,
    rows.map((row) => row.eventId),
  );
  const items = rows.flatMap(({ published: _published, ...row }) => {
    const event = events.get(row.eventId);
    return event ? [{ ...row, event: publicEventRef(event) }] : [];
  });
  return { items, total: counted?.count ?? 0 };
}

/** Municipalities and years that have archived recordings: the archive's filter choices. */
export async function archiveFacets(
  db: Queryable,
): Promise<{ municipalities: HostRef[]; years: number[] }> {
  // Events the public may see that have a published recording.
  const archived = sql`(select ${recordings.eventId} from ${recordings} where ${recordings.published} and ${inArray(recordings.eventId, eventIdsWhere({ public: true }))})`;
  const [places, years] = await Promise.all([
    hostsAmong(db, archived),
    listEventYears(db, archived),
  ]);
  return { municipalities: places, years };
}

/** `title` and `eventTitle` in the feed's language where translated; `…Lang` say which they are in. */
export type FeedItem =
  | {
      type: 'recording';
      id: number;
      title: string;
      titleLang: Lang;
      kind: RecordingKind;
      eventSlug: string;
      eventTitle: string;
      eventTitleLang: Lang;
      /** The event's summary, in `summaryLang`. */
      summary: string | null;
      summaryLang: Lang | null;
      createdAt: Date;
      updatedAt: Date;
    }
  | {
      type: 'outcome';
      id: number;
      title: string;
      titleLang: Lang;
      kind: string;
      body: string;
      bodyLang: Lang;
      eventSlug: string;
      eventTitle: string;
      eventTitleLang: Lang;
      recordingId: number | null;
      offsetSeconds: number | null;
      createdAt: Date;
      updatedAt: Date;
    };

/** The newest published recordings and outcome notes of non-draft events, newest first. */
export async function archiveFeedItems(db: Queryable, lang: Lang, limit = 50): Promise<FeedItem[]> {
  const [recordingRows, outcomeRows] = await Promise.all([
    db
      .select({
        id: recordings.id,
        title: recordings.title,
        kind: recordings.kind,
        eventId: recordings.eventId,
        createdAt: recordings.createdAt,
        updatedAt: recordings.updatedAt,
        originalLang: recordings.originalLang,
        translations: recordings.translations,
      })
      .from(recordings)
      .where(
        and(
          eq(recordings.published, true),
          inArray(recordings.eventId, eventIdsWhere({ public: true })),
        ),
      )
      .orderBy(desc(recordings.createdAt), desc(recordings.id))
      .limit(limit),
    db
      .select({
        id: outcomes.id,
        title: outcomes.title,
        kind: outcomes.kind,
        body: outcomes.body,
        eventId: outcomes.eventId,
        // A link into the recording only when that recording is public.
        recordingId: sql<
          number | null
        >`(select ${recordings.id} from ${recordings} where ${recordings.id} = ${outcomes.recordingId} and ${recordings.published})`,
        offsetSeconds: outcomes.offsetSeconds,
        createdAt: outcomes.createdAt,
        updatedAt: outcomes.updatedAt,
        originalLang: outcomes.originalLang,
        translations: outcomes.translations,
      })
      .from(outcomes)
      .where(
        and(
          eq(outcomes.published, true),
          inArray(outcomes.eventId, eventIdsWhere({ public: true })),
        ),
      )
      .orderBy(desc(outcomes.createdAt), desc(outcomes.id))
      .limit(limit),
  ]);
  const events = await findEventsByIds(db, [
    ...recordingRows.map((row) => row.eventId),
    ...outcomeRows.map((row) => row.eventId),
  ]);
  // Each text in the feed's language where translated, else the original (marked by the feed).
  const shown = <R extends { originalLang: string; translations: Translations }>(
    { originalLang, translations, ...row }: R & { title: string; eventId: number },
    event: EventRow,
  ) => {
    const title = localize({ originalLang, translations }, 'title', row.title, lang);
    const eventTitle = localize(event, 'title', event.title, lang);
    return {
      ...row,
      title: title.text,
      titleLang: title.lang,
      eventSlug: event.slug,
      eventTitle: eventTitle.text,
      eventTitleLang: eventTitle.lang,
    };
  };
  const items: FeedItem[] = [
    ...recordingRows.flatMap((row) => {
      const event = events.get(row.eventId);
      if (!event) return [];
      const summary = localizeOptional(event, 'summary', event.summary, lang);
      return [
        {
          type: 'recording' as const,
          ...shown(row, event),
          summary: summary?.text ?? null,
          summaryLang: summary?.lang ?? null,
        },
      ];
    }),
    ...outcomeRows.flatMap((row) => {
      const event = events.get(row.eventId);
      if (!event) return [];
      const body = localize(row, 'body', row.body, lang);
      return [
        { type: 'outcome' as const, ...shown(row, event), body: body.text, bodyLang: body.lang },
      ];
    }),
  ];
  return items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
}
