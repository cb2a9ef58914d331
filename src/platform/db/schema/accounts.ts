import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipalities } from './municipalities';

export const userRole = pgEnum('user_role', ['admin', 'organizer']);

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    passwordHash: text().notNull(),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('users_email_unique').on(sql`lower(${table.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.municipalityId] }),
    index('memberships_municipality_idx').on(table.municipalityId),
  ],
);

/** Server-side login sessions; the cookie carries a random token, the table only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text().notNull().unique(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text().notNull().unique(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text(),
    /** What the token may do (API_SCOPES: read, events, registrations, plans, admin). */
    scopes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Tokens expire (a year unless chosen otherwise); the default only serves older rows. */
    expiresAt: timestamp({ withTimezone: true })
      .notNull()
      .default(sql`now() + interval '1 year'`),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);

/**
 * Browsers a user has logged in from: the `koda_device` cookie carries a random token, the table
 * only its hash. A login that brings one is not slowed by the account's failure delay (another
 * person's wrong guesses cannot keep the owner out); it proves nothing else and signs no one in.
 */
export const loginDevices = pgTable(
  'login_devices',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('login_devices_user_idx').on(table.userId)],
);

/**
 * "Forgot your password?" requests waiting for the outbox job, which looks the address up and
 * writes the email for an active account. The request itself only inserts a row, the same work
 * whatever the address, so its timing tells nobody which addresses have accounts.
 */
export const passwordResetRequests = pgTable('password_reset_requests', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: text().notNull(),
  lang: text().notNull(),
  requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Who changed what, when: kept when the user is deleted (userId set null, name kept). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    actorName: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
  },
  (table) => [
    index('audit_log_at_idx').on(table.at),
    index('audit_log_entity_idx').on(table.entity, table.entityId),
  ],
);

/**
 * Forgotten-password links: the email carries a random token, the table only its hash. Valid
 * for an hour and once; the daily purge deletes them a day after they expire or are used.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (table) => [index('password_resets_user_idx').on(table.userId)],
);
