import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import { feedTokens, registrations } from '../db/schema/index';
import type { Queryable } from '../db/types';
import { hashToken, newToken } from '../lib/tokens';

/**
 * Creates a private feed token for an email address and returns it in plain form (256 bits,
 * base64url); only its SHA-256 hash is stored. The feed is `${publicUrl}/feeds/${token}/calendar.ics`.
 */
export async function createFeedToken(db: Queryable, email: string): Promise<string> {
  const token = newToken();
  await db
    .insert(feedTokens)
    .values({ tokenHash: await hashToken(token), email: email.trim().toLowerCase() });
  return token;
}

/** Revokes a feed token (its feed then answers 410). Returns false when it was unknown or already revoked. */
export async function revokeFeedToken(db: Queryable, token: string, at?: Date): Promise<boolean> {
  const rows = await db
    .update(feedTokens)
    .set({ revokedAt: at ?? sql`now()` })
    .where(and(eq(feedTokens.tokenHash, await hashToken(token)), isNull(feedTokens.revokedAt)))
    .returning({ id: feedTokens.id });
  return rows.length > 0;
}

/** The email address behind a live feed token, or null (unknown or revoked). Never log it. */
export async function feedTokenEmail(db: Queryable, token: string): Promise<string | null> {
  if (token.length < 20 || token.length > 200) return null;
  const [row] = await db
    .select({ email: feedTokens.email })
    .from(feedTokens)
    .where(and(eq(feedTokens.tokenHash, await hashToken(token)), isNull(feedTokens.revokedAt)));
  return row?.email ?? null;
}

/** The https address of a personal feed; pass it through webcalUrl() for the subscribe link. */
export function personalFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/feeds/${encodeURIComponent(token)}/calendar.ics`;
}

/**
 * Deletes the feed tokens of addresses that no registration holds any more (all cancelled long
 * ago or anonymised by the purge): the address is personal data, and the feed then answers 410.
 */
export async function pruneOrphanFeedTokens(db: Queryable): Promise<number> {
  const rows = await db
    .delete(feedTokens)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(registrations)
          .where(sql`lower(${registrations.email}) = ${feedTokens.email}`),
      ),
    )
    .returning({ id: feedTokens.id });
  return rows.length;
}
