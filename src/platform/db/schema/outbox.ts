import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { events } from './events';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed']);

export type OutboxAttachment = { filename: string; contentType: string; content: string };

/** Every email is written here in the transaction of the change that causes it, then sent with retries. */
export const outbox = pgTable(
  'outbox',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Why the message exists, e.g. `registration.confirmed`; with a key it makes sending idempotent. */
    kind: text().notNull(),
    /** Optional idempotency key (e.g. `reminder:42:2026-11-27T15:00:00Z`): a second insert is ignored. */
    dedupeKey: text().unique(),
    recipient: text().notNull(),
    /**
     * The event the message is about (registration emails): it is then purged RETENTION_DAYS after
     * the event ends, with the event's registrations, not after it was written or sent.
     */
    eventId: integer().references(() => events.id, { onDelete: 'set null' }),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    attachments: jsonb().$type<OutboxAttachment[]>().notNull().default([]),
    /** Extra header fields sent as they are (e.g. `List-Unsubscribe`); never personal data. */
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /**
     * What the message is written from, while it is not written yet (subject and text empty):
     * registering stores only this in its transaction (`koda_register_batch`, drizzle/0028) and the
     * email is written after the commit, by the request or else by the outbox job. Null once
     * written; a message is never sent before.
     */
    render: jsonb().$type<Record<string, unknown>>(),
  },
  (table) => [
    index('outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('outbox_event_idx').on(table.eventId),
    index('outbox_unwritten_idx')
      .on(table.id)
      .where(sql`${table.render} is not null`),
  ],
);
