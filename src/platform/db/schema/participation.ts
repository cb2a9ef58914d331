import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { events } from './events';
import { municipalities } from './municipalities';
import { actionItems, actionPlans } from './plans';
import { registrations } from './registrations';

export const questionKind = pgEnum('question_kind', [
  'text',
  'longtext',
  'choice',
  'choices',
  'yesno',
]);

/** Translations of a question's texts by language: `{label: {ru: …}, help: {…}, options: {ru: […]}}`. */
export type QuestionTranslations = {
  label?: Partial<Record<string, string>>;
  help?: Partial<Record<string, string>>;
  options?: Partial<Record<string, string[]>>;
};

/** What an organizer asks at registration, per event, in order. */
export const registrationQuestions = pgTable(
  'registration_questions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: questionKind().notNull(),
    /** In the event's original language; other languages in `translations`. */
    label: text().notNull(),
    help: text(),
    required: boolean().notNull().default(false),
    /** The choices of `choice` and `choices`, in the original language; answers store these. */
    options: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Special-category data (health, diet, beliefs): shown only to the event's organizers. */
    sensitive: boolean().notNull().default(false),
    translations: jsonb().$type<QuestionTranslations>().notNull().default({}),
    /** The language of `label`, `help` and `options` (issue 18). */
    originalLang: text().notNull().default('et'),
  },
  (table) => [index('registration_questions_event_idx').on(table.eventId, table.position)],
);

/**
 * A feedback request emailed the day after an event to one attendee, and their answer. The
 * registration link is what makes one answer per registration; organizers see answers without it,
 * and the purge cuts it (null) when the registration's personal data goes: the answer stays.
 */
export const feedbackRequests = pgTable(
  'feedback_requests',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: integer()
      .unique()
      .references(() => registrations.id, { onDelete: 'set null' }),
    tokenHash: text().notNull().unique(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    rating: integer(),
    good: text(),
    improve: text(),
    comeAgain: boolean(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    check('feedback_rating_range', sql`${table.rating} IS NULL OR ${table.rating} BETWEEN 1 AND 5`),
    index('feedback_requests_event_idx').on(table.eventId, table.answeredAt),
  ],
);

export const followTarget = pgEnum('follow_target', [
  'municipality',
  'series',
  'plan',
  'plan_item',
]);
export const followFrequency = pgEnum('follow_frequency', ['immediate', 'weekly']);

/**
 * An email address following news without an account (double opt-in). Personal data: deleted
 * when unsubscribed or left unconfirmed (the purge job).
 */
export const follows = pgTable(
  'follows',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    lang: text().notNull().default('et'),
    target: followTarget().notNull(),
    municipalityId: integer().references(() => municipalities.id, { onDelete: 'cascade' }),
    planId: integer().references(() => actionPlans.id, { onDelete: 'cascade' }),
    planItemId: integer().references(() => actionItems.id, { onDelete: 'cascade' }),
    /** The slug of an event of the series (events copied from one another). */
    series: text(),
    frequency: followFrequency().notNull().default('immediate'),
    confirmTokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
    /** News after this instant is still to be sent. */
    notifiedUntil: timestamp({ withTimezone: true }),
  },
  (table) => [
    index('follows_email_idx').on(sql`lower(${table.email})`),
    index('follows_confirmed_idx').on(table.confirmedAt),
  ],
);

/** One-click unsubscribe links (RFC 8058): a hashed token per email sent to a follower. */
export const followUnsubscribeTokens = pgTable(
  'follow_unsubscribe_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    followId: integer()
      .notNull()
      .references(() => follows.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('follow_unsubscribe_tokens_follow_idx').on(table.followId)],
);
