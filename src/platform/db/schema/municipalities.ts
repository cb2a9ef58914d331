import { integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const municipalityKind = pgEnum('municipality_kind', ['city', 'parish', 'county', 'other']);

export const municipalities = pgTable('municipalities', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: municipalityKind().notNull(),
  website: text(),
  /** The county (maakond) it lies in, e.g. `Harju maakond`: the region of its places' addresses. */
  county: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
