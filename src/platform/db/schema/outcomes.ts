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
import { recordings } from './recordings';
import { translatable } from './translations';

export const outcomeKind = pgEnum('outcome_kind', [
  'minutes',
  'proposal',
  'decision',
  'question',
  'dissent',
]);

/** What was said in the room: the start of the chain to the action plan. */
export const outcomes = pgTable(
  'outcomes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agendaItemId: integer().references(() => agendaItems.id, { onDelete: 'set null' }),
    kind: outcomeKind().notNull(),
    title: text().notNull(),
    ...translatable(),
    body: text().notNull(),
    recordingId: integer().references(() => recordings.id, { onDelete: 'set null' }),
    offsetSeconds: integer(),
    /** The caption cue's words this note quotes, said at offsetSeconds of the recording. */
    quote: text(),
    /** The language of the quoted cue's captions. */
    quoteLang: text(),
    published: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'outcomes_offset_non_negative',
      sql`${table.offsetSeconds} IS NULL OR ${table.offsetSeconds} >= 0`,
    ),
    index('outcomes_event_idx').on(table.eventId),
    index('outcomes_recording_idx').on(table.recordingId),
    index('outcomes_published_created_idx').on(table.published, table.createdAt),
  ],
);
