import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
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
import { CAPTION_CAP } from './limits';
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
  matchedSection,
  sections,
  type SnippetPart,
} from './query';
import { sqlRows } from '@/platform/db/rows';

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
  /** A caption's language; a recording's spoken language. */
  language: string | null;
  /** The languages `title`, `snippet` and `context` are written in (null: not known). */
  titleLang: string | null;
  snippetLang: string | null;
  contextLang: string | null;
};

export type SearchAnswer = {
  results: SearchResult[];
  /** The matches counted: every match, or (see `totalIsLowerBound`) the captions up to CAPTION_CAP. */
  total: number;
  /** More captions matched than CAPTION_CAP: there are more than `total` matches. */
  totalIsLowerBound: boolean;
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
 * Caption matches in one of this many rows at least: dense enough that walking the rows newest
 * first finds the cap's worth sooner than reading every match through the word index.
 */
const DENSE = 20;

/**
 * One search over everything public: the words (each a prefix, all required, folded), the
 * municipality and year (from the filters, or named in the query), the kind; best first by
 * ts_rank, then newest. Every match of every kind but captions is ranked and counted; of the
 * captions the newest CAPTION_CAP, the count stopping there (`totalIsLowerBound`).
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
    totalIsLowerBound: false,
    terms,
    words: understood.words,
    municipality: understood.municipality,
    year: understood.year,
  };
  // Without words, a place or a year alone lists what belongs to it (captions need words).
  if (terms.length === 0 && municipality === undefined && year === undefined) return empty;

  const d = searchDocuments;
  const query = terms.length > 0 ? sql`to_tsquery('simple', ${prefixQuery(terms)})` : null;
  const rank = query ? sql`ts_rank(${d.document}, ${query})` : sql`0::real`;
  // `visible`: published, and its event or plan is not a draft (kept by the database).
  const conditions: SQL[] = [eq(d.visible, true)];
  if (query) conditions.push(sql`${d.document} @@ ${query}`);
  if (filter.kind) conditions.push(eq(d.kind, filter.kind));
  const scoped = municipality !== undefined || year !== undefined;
  if (scoped) {
    // The place's and year's events are read once (`scope`), whichever step asks.
    conditions.push(
      sql`(case when ${d.eventId} is not null then ${d.eventId} in (select id from scope)
        else ${d.planId} in ${publicPlanIds(municipality, year, sql`${d.occurredOn}`)} end)`,
    );
  }
  const where = and(...conditions);
  const withCaptions = query !== null && (filter.kind === undefined || filter.kind === 'caption');
  const withOthers = filter.kind !== 'caption';
  const cap = sql.raw(String(CAPTION_CAP));
  const steps: SQL[] = [];
  if (scoped) {
    steps.push(
      sql`scope as ${eventIdsWhere({
        public: true,
        year,
        municipalitySlugs: municipality ? [municipality] : undefined,
      })}`,
    );
  }
  if (withOthers) {
    // 'caption' written out, not a parameter: the planner then uses the others' own index.
    steps.push(sql`others as (select ${d.id} as id, ${rank} as rank from ${d}
      where ${d.kind} <> 'caption' and ${where})`);
  }
  if (withCaptions) {
    // The newest caption matches by id, found one of two ways, whichever costs less: along the
    // primary key from the newest row, stopping at the cap (when the matches are dense), or
    // through the word index, reading every match (when they are few). A sample of the table's
    // pages tells which; it picks the way, never the rows, so the answer is the same either way.
    // `coalesce` keeps every other index out of the first way (without statistics, as on PGlite,
    // the planner read every caption through the kind's index), `+ 0` the primary key out of the
    // second (the planner cannot know that old rows may hold most of the matches).
    const dense = sql`(select hits * ${sql.raw(String(DENSE))} >= rows from sample)`;
    steps.push(
      sql`sample as (select count(*) as rows, count(*) filter (where ${where}) as hits
        from ${d} tablesample system (2) repeatable (19) where ${d.kind} = 'caption')`,
      sql`walked as (select ${d.id} as id, ${rank} as rank from ${d}
        where coalesce(${d.kind} = 'caption' and ${where}, false) and ${dense}
        order by ${d.id} desc limit ${cap} + 1)`,
      sql`indexed as (select ${d.id} as id, ${rank} as rank from ${d}
        where ${d.kind} = 'caption' and ${where} and not ${dense}
        order by ${d.id} + 0 desc limit ${cap} + 1)`,
      sql`capped as (select id, rank from walked union all select id, rank from indexed)`,
    );
  }
  const found = [
    withOthers ? sql`select id, rank from others` : null,
    withCaptions ? sql`(select id, rank from capped order by id desc limit ${cap})` : null,
  ].filter((part): part is SQL => part !== null);
  if (found.length === 0) return empty;
  steps.push(
    sql`found as (${sql.join(found, sql` union all `)})`,
    sql`top as (select id, rank from found order by rank desc, id desc
      limit ${filter.limit} offset ${filter.offset})`,
  );
  // The matches as (id, rank) only, so counting and sorting them never carries the text; then
  // the page's rows, read by their primary key.
  const statement = sql`with ${sql.join(steps, sql`, `)}
    select ${d.id} as id, ${d.kind} as kind, ${d.sourceId} as source_id,
      ${d.eventId} as event_id, ${d.planId} as plan_id, ${d.recordingId} as recording_id,
      ${d.offsetSeconds} as offset_seconds, ${d.language} as language,
      ${d.originalLang} as original_lang, ${d.title} as title, ${d.body} as body,
      ${d.languages} as languages, ${d.url} as url, ${d.occurredOn}::text as occurred_on,
      (select count(*) from found)::int as total,
      ${withCaptions ? sql`(select count(*) from capped) > ${cap}` : sql`false`} as capped
    from top join ${d} on ${d.id} = top.id
    order by top.rank desc, top.id desc`;
  const rows = await sqlRows<RawRow>(db, statement);
  const first = rows[0];
  if (!first) return empty;
  return {
    ...empty,
    results: await describe(db, rows.map(fromRaw), terms),
    total: first.total,
    totalIsLowerBound: first.capped,
  };
}

type RawRow = {
  kind: string;
  source_id: number;
  event_id: number | null;
  plan_id: number | null;
  recording_id: number | null;
  offset_seconds: number | null;
  language: string | null;
  original_lang: string | null;
  title: string | null;
  body: string;
  languages: [string, number][] | null;
  url: string | null;
  occurred_on: string | null;
  total: number;
  capped: boolean;
};

function fromRaw(row: RawRow): Row {
  return {
    kind: row.kind,
    sourceId: row.source_id,
    eventId: row.event_id,
    planId: row.plan_id,
    recordingId: row.recording_id,
    offsetSeconds: row.offset_seconds,
    language: row.language,
    originalLang: row.original_lang,
    title: row.title,
    body: row.body,
    languages: row.languages,
    url: row.url,
    occurredOn: row.occurred_on,
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
  originalLang: string | null;
  title: string | null;
  body: string;
  languages: [string, number][] | null;
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
          .select({ id: d.sourceId, title: d.title, lang: d.originalLang })
          .from(d)
          .where(and(eq(d.kind, 'recording'), inArray(d.sourceId, recordingIds)))
      : [],
    planIds.length
      ? db
          .select({
            id: actionPlans.id,
            title: actionPlans.title,
            lang: actionPlans.originalLang,
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
  const recording = new Map(recordingTitles.map((row) => [row.id, row]));
  const plan = new Map(plans.map((row) => [row.id, row]));
  const update = new Map(updates.map((row) => [row.id, row]));
  return rows.map((row) => {
    const event = row.eventId ? events.get(row.eventId) : undefined;
    const ofPlan = row.planId ? plan.get(row.planId) : undefined;
    const kind = row.kind as SearchKind;
    // A snippet is cut from one language's text, and marked with it.
    const section = matchedSection(sections(row.body, row.languages, row.originalLang), terms);
    const base = {
      kind,
      id: row.sourceId,
      context: event?.title ?? ofPlan?.title ?? null,
      date: event?.startsAt ?? (row.occurredOn ? new Date(`${row.occurredOn}T12:00:00Z`) : null),
      timezone: event?.timezone ?? null,
      municipalities: event?.hosts ?? (ofPlan ? [{ slug: ofPlan.slug, name: ofPlan.name }] : []),
      offsetSeconds: row.offsetSeconds,
      language: row.language,
      titleLang: row.originalLang,
      snippetLang: section.lang,
      contextLang: event?.originalLang ?? ofPlan?.lang ?? null,
    };
    const text = kind === 'caption' ? section.text : markdownText(around(section.text, terms));
    const cut = snippet(text, terms);
    switch (kind) {
      case 'event':
        return {
          ...base,
          title: row.title ?? '',
          snippet: cut,
          url: `/events/${event?.slug}`,
          context: null,
          contextLang: null,
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
          // The recording's title, in the recording's language; the words in the captions'.
          title: recording.get(row.recordingId ?? 0)?.title ?? '',
          titleLang: recording.get(row.recordingId ?? 0)?.lang ?? null,
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
