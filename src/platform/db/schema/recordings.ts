import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { agendaItems, events } from './events';
import { translatable } from './translations';

export const recordingKind = pgEnum('recording_kind', ['live', 'recording']);

export const recordings = pgTable(
  'recordings',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    position: integer().notNull().default(0),
    title: text().notNull(),
    ...translatable(),
    kind: recordingKind().notNull().default('recording'),
    sourceUrl: text().notNull(),
    /** Derived from sourceUrl: youtube, vimeo, facebook, file, hls or link. */
    provider: text().notNull(),
    language: text(),
    durationSeconds: integer(),
    captionsUrl: text(),
    published: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'recordings_duration_positive',
      sql`${table.durationSeconds} IS NULL OR ${table.durationSeconds} >= 0`,
    ),
    index('recordings_event_idx').on(table.eventId, table.position),
    index('recordings_published_created_idx').on(table.published, table.createdAt),
  ],
);

export const chapters = pgTable(
  'chapters',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    recordingId: integer()
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    offsetSeconds: integer().notNull(),
    title: text().notNull(),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
  },
  (table) => [
    check('chapters_offset_non_negative', sql`${table.offsetSeconds} >= 0`),
    index('chapters_recording_idx').on(table.recordingId, table.offsetSeconds),
  ],
);
