import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
  },
  (table) => [index('outbox_due_idx').on(table.status, table.nextAttemptAt)],
);
