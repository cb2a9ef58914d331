import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import { feedTokens, registrations } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { translator } from '@/messages';
import { type Lang } from '@/platform/i18n';
import { hashToken, newToken } from '@/platform/tokens';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { webcalUrl } from './rules';

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

/** Where a personal feed is stopped (a page with a button; the token is the proof). */
export function revokeFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/feeds/${encodeURIComponent(token)}/revoke`;
}

/**
 * Makes a personal feed for an address and emails its link there, in one transaction. Only the
 * mailbox's owner sees the link: anyone can register with any address, so the link is never
 * shown on a page.
 */
export async function sendPersonalFeedLink(
  db: Db,
  person: { email: string; lang: Lang },
  publicUrl: string,
  now: Date,
): Promise<void> {
  const t = translator(person.lang);
  await db.transaction(async (tx) => {
    const token = await createFeedToken(tx, person.email);
    const url = personalFeedUrl(publicUrl, token);
    const text = [
      // No name: it was typed by whoever registered, not necessarily this address's owner.
      t('calendar.personal.greeting'),
      '',
      t('calendar.personal.body'),
      '',
      t('calendar.personal.subscribe', { url: webcalUrl(url) }),
      t('calendar.personal.copy', { url }),
      '',
      t('calendar.personal.private'),
      t('calendar.personal.revoke', { url: revokeFeedUrl(publicUrl, token) }),
      '',
      t('calendar.personal.ignore'),
      '',
      t('calendar.personal.signature'),
    ].join('\n');
    await enqueueEmail(
      tx,
      {
        kind: 'calendar.personal_feed',
        recipient: person.email,
        subject: t('calendar.personal.subject'),
        text,
      },
      now,
    );
  });
}
