import { eq, sql } from 'drizzle-orm';
import { rateLimits } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { sqlRows } from '@/platform/db/rows';

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
 * serialises them) and nothing depends on process memory. Written as SQL rather than with
 * drizzle's builder: every registration passes here, and building the statement cost more CPU
 * than the rest of the rate limit (issue 22, the rush).
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
  // A block in force counts on and stays; a window that ended, or a block that ran out, starts
  // counting afresh. In ON CONFLICT DO UPDATE, `r` is the row as it was.
  const blocked = sql`(r.blocked_until is not null and r.blocked_until > ${nowIso}::timestamptz)`;
  const fresh = sql`(r.window_starts_at <= ${windowCutoff}::timestamptz or (r.blocked_until is not null and r.blocked_until <= ${nowIso}::timestamptz))`;
  const blockedAtOnce = 1 > rule.limit ? blockUntil : null;
  const [row] = await sqlRows<{ blocked_until: Date | string | null }>(
    db,
    sql`
    insert into rate_limits as r (key, window_starts_at, count, blocked_until)
    values (${key}, ${nowIso}::timestamptz, 1, ${blockedAtOnce}::timestamptz)
    on conflict (key) do update set
      count = case when ${blocked} then r.count + 1 when ${fresh} then 1 else r.count + 1 end,
      window_starts_at = case when not ${blocked} and ${fresh} then ${nowIso}::timestamptz
        else r.window_starts_at end,
      blocked_until = case
        when ${blocked} then r.blocked_until
        when ${fresh} then ${blockedAtOnce}::timestamptz
        when r.count + 1 > ${rule.limit}::int then ${blockUntil}::timestamptz
        else null end
    returning blocked_until`,
  );
  const blockedUntil = row?.blocked_until ?? null;
  return answer(blockedUntil === null ? null : new Date(blockedUntil), now);
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
