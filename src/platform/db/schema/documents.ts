import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { events } from './events';
import { outcomes } from './outcomes';
import { actionItems, actionPlans } from './plans';
import { translatable } from './translations';

export const attachmentKind = pgEnum('attachment_kind', [
  'agenda',
  'slides',
  'minutes',
  'handout',
  'photo',
  'document',
]);

/**
 * A document attached to exactly one event, outcome note, action plan or action item: a stored
 * file (storage_key in the file store) or an external link. Deleting the owner deletes the row;
 * the daily sweep then removes the stored object no row refers to.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer().references(() => events.id, { onDelete: 'cascade' }),
    outcomeId: integer().references(() => outcomes.id, { onDelete: 'cascade' }),
    planId: integer().references(() => actionPlans.id, { onDelete: 'cascade' }),
    planItemId: integer().references(() => actionItems.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    ...translatable(),
    kind: attachmentKind().notNull().default('document'),
    /** The object's key in the file store; null for an external link. */
    storageKey: text().unique(),
    /** A resized image's key in the file store (photos only). */
    previewKey: text(),
    externalUrl: text(),
    /** The sanitized name the file is downloaded under. */
    filename: text(),
    /** Decided from the content, never from the name or the client's header. */
    contentType: text(),
    size: bigint({ mode: 'number' }),
    /** Words extracted from the document (PDF, ODF, OOXML, text), for search. */
    extractedText: text(),
    published: boolean().notNull().default(true),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'attachments_one_owner',
      sql`num_nonnulls(${table.eventId}, ${table.outcomeId}, ${table.planId}, ${table.planItemId}) = 1`,
    ),
    check(
      'attachments_file_or_link',
      sql`(${table.storageKey} IS NULL) <> (${table.externalUrl} IS NULL)`,
    ),
    index('attachments_event_idx').on(table.eventId, table.position),
    index('attachments_outcome_idx').on(table.outcomeId, table.position),
    index('attachments_plan_idx').on(table.planId, table.position),
    index('attachments_plan_item_idx').on(table.planItemId, table.position),
  ],
);
