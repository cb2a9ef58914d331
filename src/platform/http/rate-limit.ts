import { eq, sql } from 'drizzle-orm';
import { rateLimits } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

/**
 * `limit` hits are allowed per fixed window of `windowSeconds`; the hit that goes over the
 * limit blocks the key for `blockSeconds` (further hits while blocked do not extend it).
 */
export type RateLimitRule = { limit: number; windowSeconds: number; blockSeconds: number };

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

function answer(blockedUntil: Date | null, now: Date): RateLimitResult {
  if (!blockedUntil || blockedUntil.getTime() <= now.getTime()) {
    return { allowed: true, retryAfterSeconds: 0 };
  }
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000)),
  };
}

/**
 * Counts one hit on `key` and says whether it is allowed. One INSERT … ON CONFLICT DO UPDATE
 * statement, so concurrent hits from any number of processes are all counted (the row lock
 * serialises them) and nothing depends on process memory.
 */
export async function hitRateLimit(
  db: Queryable,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<RateLimitResult> {
  const nowIso = now.toISOString();
  const windowCutoff = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const blockUntil = new Date(now.getTime() + rule.blockSeconds * 1000).toISOString();
  // In ON CONFLICT DO UPDATE every expression reads the old row (`rate_limits`), not `excluded`.
  const old = {
    count: sql.raw('"rate_limits"."count"'),
    windowStartsAt: sql.raw('"rate_limits"."window_starts_at"'),
    blockedUntil: sql.raw('"rate_limits"."blocked_until"'),
  };
  const blocked = sql`(${old.blockedUntil} is not null and ${old.blockedUntil} > ${nowIso}::timestamptz)`;
  // A window that ended, or a block that ran out, starts counting afresh.
  const fresh = sql`(${old.windowStartsAt} <= ${windowCutoff}::timestamptz or (${old.blockedUntil} is not null and ${old.blockedUntil} <= ${nowIso}::timestamptz))`;
  const [row] = await db
    .insert(rateLimits)
    .values({
      key,
      windowStartsAt: now,
      count: 1,
      blockedUntil: 1 > rule.limit ? new Date(blockUntil) : null,
    })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${blocked} then ${old.count} + 1 when ${fresh} then 1 else ${old.count} + 1 end`,
        windowStartsAt: sql`case when not ${blocked} and ${fresh} then ${nowIso}::timestamptz else ${old.windowStartsAt} end`,
        blockedUntil: sql`case
          when ${blocked} then ${old.blockedUntil}
          when ${fresh} then (case when 1 > ${rule.limit}::int then ${blockUntil}::timestamptz else null end)
          when ${old.count} + 1 > ${rule.limit}::int then ${blockUntil}::timestamptz
          else null end`,
      },
    })
    .returning({ blockedUntil: rateLimits.blockedUntil });
  return answer(row?.blockedUntil ?? null, now);
}

/** Takes back one hit that turned out to be harmless (a successful login), unless the key is blocked. */
export async function refundRateLimit(db: Queryable, key: string, now: Date): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(
      sql`${rateLimits.key} = ${key} and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} <= ${now.toISOString()}::timestamptz)`,
    );
}

/** Forgets a key entirely (e.g. an account's failures after it logs in successfully). */
export async function clearRateLimit(db: Queryable, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Deletes counters whose window and block are both over; for a periodic job. */
export async function pruneRateLimits(db: Queryable, olderThan: Date): Promise<void> {
  await db
    .delete(rateLimits)
    .where(
      sql`${rateLimits.windowStartsAt} < ${olderThan.toISOString()}::timestamptz and (${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} < ${olderThan.toISOString()}::timestamptz)`,
    );
}
