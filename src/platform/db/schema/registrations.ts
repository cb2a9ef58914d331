import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { events } from './events';

export const attendance = pgEnum('attendance', ['in_person', 'online']);
export const registrationStatus = pgEnum('registration_status', [
  'confirmed',
  'waitlisted',
  'cancelled',
]);

export const registrations = pgTable(
  'registrations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Personal data: name, email, organization and needs are blanked by `purge`. */
    name: text(),
    email: text(),
    organization: text(),
    needs: text(),
    /** Answers to the event's questions by question id (personal data: emptied by `purge`). */
    answers: jsonb().$type<Record<string, string | string[] | boolean>>().notNull().default({}),
    attendance: attendance().notNull(),
    /** The language the person registered in: their emails are written in it. */
    lang: text().notNull().default('et'),
    status: registrationStatus().notNull(),
    manageTokenHash: text().notNull().unique(),
    /**
     * A new manage link emailed to the address when someone registers it again: it replaces
     * manageTokenHash only when it is used (by whoever reads that mailbox); until then the
     * owner's link keeps working.
     */
    pendingManageTokenHash: text().unique(),
    consentAt: timestamp({ withTimezone: true }).notNull(),
    /** Opt-in to hear what became of the meeting (action item status changes). */
    followUpConsentAt: timestamp({ withTimezone: true }),
    /** When the person stopped organizers' messages to the event's participants (one click). */
    messagesStoppedAt: timestamp({ withTimezone: true }),
    checkedInAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    anonymizedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One active registration per email per event; cancelled ones may be re-registered.
    uniqueIndex('registrations_active_email_unique')
      .on(table.eventId, sql`lower(${table.email})`)
      .where(sql`${table.status} <> 'cancelled' AND ${table.email} IS NOT NULL`),
    index('registrations_event_status_idx').on(table.eventId, table.status, table.createdAt),
    index('registrations_email_idx').on(sql`lower(${table.email})`),
  ],
);

/** A participant's private calendar feed of every event their email is registered for. */
export const feedTokens = pgTable('feed_tokens', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  tokenHash: text().notNull().unique(),
  email: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});

export const messageAudience = pgEnum('message_audience', ['registered', 'confirmed', 'attended']);

/**
 * A message an organizer sent to an event's participants (one outbox email each). Kept so the
 * organizers see what was said and to how many; the recipients themselves are not stored.
 */
export const eventMessages = pgTable(
  'event_messages',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    authorId: integer().references(() => users.id, { onDelete: 'set null' }),
    audience: messageAudience().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    recipients: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('event_messages_event_idx').on(table.eventId, table.createdAt)],
);

/**
 * The one-click unsubscribe link of an organizer's message (RFC 8058 List-Unsubscribe): one
 * hashed token per email sent, each stopping such messages for its registration only.
 */
export const messageUnsubscribeTokens = pgTable(
  'message_unsubscribe_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    registrationId: integer()
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('message_unsubscribe_tokens_registration_idx').on(table.registrationId)],
);
