import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { events } from './events';
import { actionPlans } from './plans';
import { recordings } from './recordings';

/** A recording's captions in one language; its cues are the text, with their times. */
export const captions = pgTable(
  'captions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordingId: integer()
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    language: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('captions_recording_language').on(table.recordingId, table.language)],
);

export const captionCues = pgTable(
  'caption_cues',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    captionId: integer()
      .notNull()
      .references(() => captions.id, { onDelete: 'cascade' }),
    startMs: integer().notNull(),
    endMs: integer().notNull(),
    text: text().notNull(),
    /**
     * Who speaks where in `text` (a WebVTT voice, <v Mari>): each voice's name and the index (in
     * JavaScript's string units) at which `text` reads "Name: " for it; the served file writes
     * them back as voice tags (src/captions/transcript.ts).
     */
    voices: jsonb().$type<{ speaker: string; at: number }[]>().notNull().default([]),
  },
  (table) => [
    check('caption_cues_times', sql`${table.startMs} >= 0 AND ${table.endMs} > ${table.startMs}`),
    index('caption_cues_caption_idx').on(table.captionId, table.startMs),
  ],
);

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * One row per thing the search finds, kept current by database triggers (drizzle/0014) from
 * events, agenda items, outcomes, recordings, chapters, caption cues, plan items and progress
 * reports; other features may feed their own kinds (see docs/search.md). `document` is computed
 * by the database from the folded title (weight A) and body (weight B).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** event, outcome, plan_item, plan_update, recording, caption or document. */
    kind: text().notNull(),
    /** The id of the row in its own table (the cue's id for a caption). */
    sourceId: integer().notNull(),
    eventId: integer().references(() => events.id, { onDelete: 'cascade' }),
    planId: integer().references(() => actionPlans.id, { onDelete: 'cascade' }),
    recordingId: integer().references(() => recordings.id, { onDelete: 'cascade' }),
    offsetSeconds: integer(),
    /** The row's own visibility (an outcome's or recording's `published`); the event's and plan's are checked when searching. */
    published: boolean().notNull().default(true),
    /**
     * Found by anyone: `published` and the event or plan it belongs to is not a draft. Kept by the
     * database (drizzle/0022): a trigger on this table and on the events' and plans' status.
     */
    visible: boolean().notNull().default(false),
    language: text(),
    /** The language `title` is written in, and `body` where `languages` says no other. */
    originalLang: text(),
    title: text(),
    body: text().notNull().default(''),
    /**
     * Where `body` changes language (a quote, the translations): `[language, start]` pairs, the
     * start in characters (code points) from the beginning; null when all of it is originalLang.
     */
    languages: jsonb().$type<[string, number][]>(),
    /** A link for kinds the search cannot derive one for (documents). */
    url: text(),
    /** A date of its own (a progress report's), for the year filter. */
    occurredOn: date({ mode: 'string' }),
    document: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, koda_search_fold(coalesce(title, ''))), 'A') || setweight(to_tsvector('simple'::regconfig, koda_search_fold(body)), 'B')`,
      ),
  },
  (table) => [
    unique('search_documents_source').on(table.kind, table.sourceId),
    index('search_documents_document_idx').using('gin', table.document),
    // Everything but captions, a small index: the search ranks all of these (drizzle/0025).
    index('search_documents_other_document_idx')
      .using('gin', table.document)
      .where(sql`${table.kind} <> 'caption'`),
    index('search_documents_event_idx').on(table.eventId),
    index('search_documents_plan_idx').on(table.planId),
    index('search_documents_recording_idx').on(table.recordingId),
  ],
);
