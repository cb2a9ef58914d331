import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { eventIdsWhere, findEventsByIds } from '@/events';
import {
  actionItemUpdates,
  actionPlans,
  municipalities,
  recordings,
  searchDocuments,
} from '@/platform/db/schema';
import { searchFacets, type SearchFacets } from './facets';
import { searchTerms } from './fold';
import type { Queryable } from '@/platform/db/types';
import { markdownText } from '@/platform/markdown';
import {
  around,
  prefixQuery,
  snippet,
  stem,
  understandQuery,
  type Place,
  type SearchKind,
  type SnippetPart,
} from './query';

export type SearchFilter = {
  q?: string | undefined;
  municipality?: string | undefined;
  year?: number | undefined;
  kind?: SearchKind | undefined;
  limit: number;
  offset: number;
};

export type SearchResult = {
  kind: SearchKind;
  id: number;
  title: string;
  snippet: SnippetPart[];
  /** A path on this site (or a document's own address). */
  url: string;
  /** Where it belongs: the event's or the plan's title. */
  context: string | null;
  /** When it happened: the event's start, a report's date. */
  date: Date | null;
  timezone: string | null;
  municipalities: Place[];
  /** A caption's second in its recording. */
  offsetSeconds: number | null;
  language: string | null;
};

export type SearchAnswer = {
  results: SearchResult[];
  total: number;
  /** The words searched for, folded (for marking them), and what the query was read as. */
  terms: string[];
  /** The words searched for as the user typed them (what the page shows back). */
  words: string[];
  municipality: Place | null;
  year: number | null;
};

/** Rows of plans the public may see, by municipality and year, as a subquery of plan ids. */
function publicPlanIds(municipality: string | undefined, year: number | undefined, ownDate: SQL) {
  const conditions: SQL[] = [sql`${actionPlans.status} <> 'draft'`];
  if (municipality) {
    conditions.push(
      sql`${actionPlans.municipalityId} = (select ${municipalities.id} from ${municipalities} where ${municipalities.slug} = ${municipality})`,
    );
  }
  if (year !== undefined) {
    conditions.push(sql`coalesce(extract(year from ${ownDate}) = ${year},
      ${year} between extract(year from ${actionPlans.periodStart}) and extract(year from ${actionPlans.periodEnd}))`);
  }
  return sql`(select ${actionPlans.id} from ${actionPlans} where ${and(...conditions)})`;
}

/**
 * One search over everything public: the words (each a prefix, all required, folded), the
 * municipality and year (from the filters, or named in the query), the kind; best first by
 * ts_rank, the total counted in the same query.
 */
export async function searchEverything(
  db: Queryable,
  filter: SearchFilter,
  /** The form's lists when the caller has them already (the page shows them too). */
  facets?: SearchFacets,
): Promise<SearchAnswer> {
  const places = (facets ?? (await searchFacets(db))).municipalities;
  const understood = understandQuery(filter.q, places, {
    municipality: filter.municipality,
    year: filter.year,
  });
  const municipality = filter.municipality ?? understood.municipality?.slug;
  const year = filter.year ?? understood.year ?? undefined;
  const { terms } = understood;
  const empty: SearchAnswer = {
    results: [],
    total: 0,
    terms,
    words: understood.words,
    municipality: understood.municipality,
    year: understood.year,
  };
  // Without words, a place or a year alone lists what belongs to it (captions need words).
  if (terms.length === 0 && municipality === undefined && year === undefined) return empty;

  const d = searchDocuments;
  const query = terms.length > 0 ? sql`to_tsquery('simple', ${prefixQuery(terms)})` : null;
  // `visible`: published, and its event or plan is not a draft (kept by the database).
  const conditions: SQL[] = [eq(d.visible, true)];
  if (query) conditions.push(sql`${d.document} @@ ${query}`);
  else conditions.push(sql`${d.kind} <> 'caption'`);
  if (filter.kind) conditions.push(eq(d.kind, filter.kind));
  if (municipality !== undefined || year !== undefined) {
    const events = eventIdsWhere({
      public: true,
      year,
      municipalitySlugs: municipality ? [municipality] : undefined,
    });
    conditions.push(
      sql`(case when ${d.eventId} is not null then ${d.eventId} in ${events}
        else ${d.planId} in ${publicPlanIds(municipality, year, sql`${d.occurredOn}`)} end)`,
    );
  }
  // One statement, in three steps: the matches as (id, rank) only, so counting them and sorting
  // them never carries the text (a window count over whole rows spilled to disk); the page of
  // ids; then the page's rows, read by their primary key.
  const rank = query ? sql<number>`ts_rank(${d.document}, ${query})` : sql<number>`0`;
  const matches = db.$with('matches').as(
    db
      .select({ matchId: sql<number>`${d.id}`.as('match_id'), rank: rank.as('rank') })
      .from(d)
      .where(and(...conditions)),
  );
  // `matches` is named once and read twice (the page, the count): Postgres materializes it, so
  // the index and the heap are read once. Named again inside `top`, it was a second scan.
  const top = db.$with('top').as(
    db
      .select({ topId: matches.matchId, topRank: sql<number>`${matches.rank}`.as('top_rank') })
      .from(matches)
      .orderBy(desc(matches.rank), desc(matches.matchId))
      .limit(filter.limit)
      .offset(filter.offset),
  );
  const rows = await db
    .with(matches, top)
    .select({
      id: d.id,
      kind: d.kind,
      sourceId: d.sourceId,
      eventId: d.eventId,
      planId: d.planId,
      recordingId: d.recordingId,
      offsetSeconds: d.offsetSeconds,
      language: d.language,
      title: d.title,
      body: d.body,
      url: d.url,
      occurredOn: d.occurredOn,
      total: sql<number>`(select count(*) from ${matches})::int`,
    })
    .from(top)
    .innerJoin(d, eq(d.id, top.topId))
    .orderBy(desc(top.topRank), desc(top.topId));
  if (rows.length === 0) return empty;
  return {
    ...empty,
    results: await describe(db, rows, terms),
    total: rows[0]?.total ?? 0,
  };
}

type Row = {
  kind: string;
  sourceId: number;
  eventId: number | null;
  planId: number | null;
  recordingId: number | null;
  offsetSeconds: number | null;
  language: string | null;
  title: string | null;
  body: string;
  url: string | null;
  occurredOn: string | null;
};

/** Titles, links and context for a page of rows: their events, plans and recordings. */
async function describe(db: Queryable, rows: Row[], terms: string[]): Promise<SearchResult[]> {
  const d = searchDocuments;
  const recordingIds = rows.flatMap((row) =>
    row.kind === 'caption' && row.recordingId ? [row.recordingId] : [],
  );
  const planIds = rows.flatMap((row) => (row.planId ? [row.planId] : []));
  const updateIds = rows.flatMap((row) => (row.kind === 'plan_update' ? [row.sourceId] : []));
  const [events, recordingTitles, plans, updates] = await Promise.all([
    findEventsByIds(
      db,
      rows.flatMap((row) => (row.eventId ? [row.eventId] : [])),
    ),
    recordingIds.length
      ? db
          .select({ id: d.sourceId, title: d.title })
          .from(d)
          .where(and(eq(d.kind, 'recording'), inArray(d.sourceId, recordingIds)))
      : [],
    planIds.length
      ? db
          .select({
            id: actionPlans.id,
            title: actionPlans.title,
            slug: municipalities.slug,
            name: municipalities.name,
          })
          .from(actionPlans)
          .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
          .where(inArray(actionPlans.id, planIds))
      : [],
    updateIds.length
      ? db
          .select({
            id: actionItemUpdates.id,
            itemId: actionItemUpdates.actionItemId,
            itemTitle: sql<string>`(select ${d.title} from ${d} where ${d.kind} = 'plan_item' and ${d.sourceId} = ${actionItemUpdates.actionItemId})`,
          })
          .from(actionItemUpdates)
          .where(inArray(actionItemUpdates.id, updateIds))
      : [],
  ]);
  const recordingTitle = new Map(recordingTitles.map((row) => [row.id, row.title ?? '']));
  const plan = new Map(plans.map((row) => [row.id, row]));
  const update = new Map(updates.map((row) => [row.id, row]));
  return rows.map((row) => {
    const event = row.eventId ? events.get(row.eventId) : undefined;
    const ofPlan = row.planId ? plan.get(row.planId) : undefined;
    const kind = row.kind as SearchKind;
    const base = {
      kind,
      id: row.sourceId,
      context: event?.title ?? ofPlan?.title ?? null,
      date: event?.startsAt ?? (row.occurredOn ? new Date(`${row.occurredOn}T12:00:00Z`) : null),
      timezone: event?.timezone ?? null,
      municipalities: event?.hosts ?? (ofPlan ? [{ slug: ofPlan.slug, name: ofPlan.name }] : []),
      offsetSeconds: row.offsetSeconds,
      language: row.language,
    };
    const text = kind === 'caption' ? row.body : markdownText(around(row.body, terms));
    const cut = snippet(text, terms);
    switch (kind) {
      case 'event':
        return {
          ...base,
          title: row.title ?? '',
          snippet: cut,
          url: `/events/${event?.slug}`,
          context: null,
        };
      case 'outcome':
        return {
          ...base,
          title: row.title ?? '',
          snippet: cut,
          url: `/events/${event?.slug}#outcome-${row.sourceId}`,
        };
      case 'recording':
        return {
          ...base,
          title: row.title ?? '',
          snippet: cut,
          url: `/recordings/${row.sourceId}`,
        };
      case 'caption':
        return {
          ...base,
          title: recordingTitle.get(row.recordingId ?? 0) ?? '',
          snippet: cut,
          url: `/recordings/${row.recordingId}?t=${row.offsetSeconds ?? 0}`,
        };
      case 'plan_item':
        return {
          ...base,
          title: row.title ?? '',
          snippet: cut,
          url: `/plans/${row.planId}#item-${row.sourceId}`,
        };
      case 'plan_update': {
        const of = update.get(row.sourceId);
        return {
          ...base,
          title: of?.itemTitle ?? '',
          snippet: cut,
          url: `/plans/${row.planId}#item-${of?.itemId ?? ''}`,
        };
      }
      default:
        return { ...base, title: row.title ?? '', snippet: cut, url: row.url ?? '/' };
    }
  });
}

/**
 * The archive's search (src/recordings): ids of published recordings whose own text or captions,
 * or whose event's text or outcome notes, hold all the words; null without words.
 */
export function searchMatches(q: string | undefined): SQL | null {
  const terms = searchTerms(q).map(stem);
  if (terms.length === 0) return null;
  const d = searchDocuments;
  const query = sql`to_tsquery('simple', ${prefixQuery(terms)})`;
  return sql`(select ${d.recordingId} from ${d} where ${d.published} and ${d.kind} in ('recording', 'caption') and ${d.document} @@ ${query}
    union select ${recordings.id} from ${recordings} where ${recordings.eventId} in
      (select ${d.eventId} from ${d} where ${d.published} and ${d.kind} in ('event', 'outcome') and ${d.document} @@ ${query}))`;
}

export type FoundCue = {
  id: number;
  recordingId: number;
  offsetSeconds: number;
  language: string | null;
  text: string;
  snippet: SnippetPart[];
};

/**
 * The caption cues of these recordings that hold all the words (each a prefix, folded), in the
 * order they were said: what an organizer picks a quote from. Any recording's, published or not
 * (the organizer manages them); at most `limit`.
 */
export async function findCaptionCues(
  db: Queryable,
  recordingIds: number[],
  q: string | undefined,
  limit = 50,
): Promise<{ cues: FoundCue[]; more: boolean }> {
  const terms = searchTerms(q).map(stem);
  if (terms.length === 0 || recordingIds.length === 0) return { cues: [], more: false };
  const d = searchDocuments;
  const rows = await db
    .select({
      id: d.sourceId,
      recordingId: d.recordingId,
      offsetSeconds: d.offsetSeconds,
      language: d.language,
      text: d.body,
    })
    .from(d)
    .where(
      and(
        eq(d.kind, 'caption'),
        inArray(d.recordingId, recordingIds),
        sql`${d.document} @@ to_tsquery('simple', ${prefixQuery(terms)})`,
      ),
    )
    .orderBy(d.recordingId, d.offsetSeconds, d.sourceId)
    .limit(limit + 1);
  return {
    cues: rows.slice(0, limit).map((row) => ({
      id: row.id,
      recordingId: row.recordingId ?? 0,
      offsetSeconds: row.offsetSeconds ?? 0,
      language: row.language,
      text: row.text,
      snippet: snippet(row.text, terms, 400),
    })),
    more: rows.length > limit,
  };
}
