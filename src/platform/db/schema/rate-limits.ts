import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters shared by every process (login tries, registrations per address).
 * The key names the bucket, e.g. `login:email:x@y.ee` or `register:ip:1.2.3.4`.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStartsAt: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
  blockedUntil: timestamp({ withTimezone: true }),
});
