import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';
import { translatable } from './translations';

export const eventKind = pgEnum('event_kind', ['think_tank', 'forum', 'workshop', 'meeting']);
export const eventStatus = pgEnum('event_status', ['draft', 'published', 'cancelled']);
export const agendaItemKind = pgEnum('agenda_item_kind', [
  'talk',
  'discussion',
  'workshop',
  'break',
]);

export const events = pgTable(
  'events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    kind: eventKind().notNull(),
    status: eventStatus().notNull().default('draft'),
    title: text().notNull(),
    ...translatable(),
    summary: text(),
    description: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * The start a published event had before it was moved (JSON-LD `previousStartDate`, the
     * page's "moved from …"); null when it never moved while published.
     */
    previousStartsAt: timestamp({ withTimezone: true }),
    timezone: text().notNull().default('Europe/Tallinn'),
    venueName: text(),
    venueAddress: text(),
    venueLat: doublePrecision(),
    venueLon: doublePrecision(),
    onlineUrl: text(),
    /** In-person seats; null means unlimited. */
    capacity: integer(),
    waitlist: boolean().notNull().default(true),
    registrationOpensAt: timestamp({ withTimezone: true }),
    registrationClosesAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    /** When an organizer published the feedback aggregate (count and mean) on the event page. */
    feedbackPublishedAt: timestamp({ withTimezone: true }),
    /** iCal SEQUENCE: raised on every change of time, place or status. */
    sequence: integer().notNull().default(0),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Raised by database triggers (drizzle/0002) whenever anything an iCal VEVENT shows changes:
     * this row's shown columns, its agenda, published recordings, hosts or their names. The
     * calendar feeds read it instead of hashing all of that on every request. Never set by the app.
     */
    feedRevision: integer().notNull().default(0),
    /** The newest updatedAt of the event and its recordings, kept by the same triggers. */
    feedChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('events_ends_after_start', sql`${table.endsAt} > ${table.startsAt}`),
    check('events_capacity_non_negative', sql`${table.capacity} IS NULL OR ${table.capacity} >= 0`),
    index('events_status_starts_idx').on(table.status, table.startsAt),
    index('events_updated_idx').on(table.updatedAt),
  ],
);

/**
 * Two rows raised by database triggers, whoever writes. Row 1, the public revision: every write
 * to a table whose rows show on a public page or feed (drizzle/0011, 0016; a feed's freshness
 * is this number plus the clock, src/calendar/freshness.ts). Row 2, the seats revision: every
 * write to registrations (the seats left on event pages), apart so that a registration rush
 * does not make feeds recompute. The public page cache reads both (publicAnswersRevision).
 */
export const publicRevision = pgTable(
  'public_revision',
  {
    id: integer().primaryKey().default(1),
    revision: bigint({ mode: 'number' }).notNull().default(0),
  },
  (table) => [check('public_revision_rows', sql`${table.id} IN (1, 2)`)],
);

/** An event is hosted by one or more municipalities (the Viljandi think tank had two). */
export const eventHosts = pgTable(
  'event_hosts',
  {
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    position: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.eventId, table.municipalityId] }),
    index('event_hosts_municipality_idx').on(table.municipalityId),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    title: text().notNull(),
    ...translatable(),
    description: text(),
    speakers: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    kind: agendaItemKind().notNull(),
    room: text(),
    capacity: integer(),
  },
  (table) => [
    check('agenda_items_ends_after_start', sql`${table.endsAt} > ${table.startsAt}`),
    index('agenda_items_event_idx').on(table.eventId, table.position),
  ],
);
