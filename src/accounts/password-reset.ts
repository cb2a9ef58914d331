import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { passwordResetRequests, passwordResets, users } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { HttpError } from '@/platform/http/errors';
import { clearRateLimit, hitRateLimit, type RateLimitRule } from '@/platform/http/rate-limit';
import { hashToken, newToken } from '@/platform/tokens';
import { isLang } from '@/platform/i18n';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { recordAudit } from '@/platform/audit/audit';
import type { CurrentUser } from '@/platform/auth/auth';
import { passwordResetEmail } from './emails';
import { accountLoginKey, normaliseEmail } from '@/platform/auth/login';
import { hashPassword } from '@/platform/auth/password';
import { checkNewPassword, hasErrors, type MailContext, type PasswordErrors } from './passwords';
import { revokeUserSessions } from '@/platform/auth/sessions';
import { revokeUserTokens } from '@/platform/auth/api-tokens';
import { getUser } from './user-admin';

/** A reset link works once, for an hour. */
export const RESET_TTL_SECONDS = 60 * 60;

/** Requests from one client address: 10 an hour, then an hour's pause (429). */
export const RESET_ADDRESS_RULE: RateLimitRule = {
  limit: 10,
  windowSeconds: 60 * 60,
  blockSeconds: 60 * 60,
};

/** Emails to one address: 3 an hour; further requests get the same answer and no email. */
export const RESET_EMAIL_RULE: RateLimitRule = {
  limit: 3,
  windowSeconds: 60 * 60,
  blockSeconds: 60 * 60,
};

/** newToken()'s shape (32 random bytes, base64url): anything else is not looked up at all. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type Recipient = { id: number; name: string; email: string };

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/password-reset/${token}`;
}

/** Stores a new token's hash and writes the email with the link; call it inside a transaction. */
async function issueResetToken(
  tx: Queryable,
  user: Recipient,
  mail: MailContext & { byAdmin: boolean },
  now: Date,
): Promise<Date> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_SECONDS * 1000);
  await tx.insert(passwordResets).values({
    userId: user.id,
    tokenHash: await hashToken(token),
    createdAt: now,
    expiresAt,
  });
  await enqueueEmail(
    tx,
    {
      kind: 'account.password_reset',
      recipient: user.email,
      ...passwordResetEmail(mail.lang, {
        name: user.name,
        email: user.email,
        link: resetLink(mail.publicUrl, token),
        minutes: RESET_TTL_SECONDS / 60,
        byAdmin: mail.byAdmin,
      }),
    },
    now,
  );
  return expiresAt;
}

export type ResetRequestResult =
  { kind: 'done' } | { kind: 'invalid' } | { kind: 'limited'; retryAfterSeconds: number };

const emailSchema = z.email().max(254);

/**
 * "Forgot your password?": answers `done` alike whether or not the address belongs to an
 * active account, and does the same work for both, so neither the answer nor its timing tells
 * anyone which addresses have accounts: two counters (RESET_ADDRESS_RULE for the client's
 * address, malformed requests too; RESET_EMAIL_RULE for the address typed) and, while the typed
 * address is under its limit, one row queued in password_reset_requests. The users table is not
 * read here: processResetRequests (the outbox job, every few seconds) looks the address up and,
 * for an active account only, stores a token and writes the email.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; address: string },
  mail: MailContext,
  now: Date,
): Promise<ResetRequestResult> {
  const byAddress = await hitRateLimit(
    db,
    `password-reset:address:${input.address}`,
    RESET_ADDRESS_RULE,
    now,
  );
  if (!byAddress.allowed)
    return { kind: 'limited', retryAfterSeconds: byAddress.retryAfterSeconds };
  const email = normaliseEmail(input.email);
  if (!emailSchema.safeParse(email).success) return { kind: 'invalid' };
  const byEmail = await hitRateLimit(db, `password-reset:email:${email}`, RESET_EMAIL_RULE, now);
  if (!byEmail.allowed) return { kind: 'done' };
  await db.insert(passwordResetRequests).values({ email, lang: mail.lang, requestedAt: now });
  return { kind: 'done' };
}

/** How many queued requests one transaction of processResetRequests takes. */
const REQUEST_BATCH = 20;

/**
 * Works through the queued "forgot your password?" requests (run by the outbox job before it
 * sends): each is deleted, and for an active account a token is stored and the email written,
 * in the same transaction, so a crash loses no request and none is answered twice. Requests
 * are claimed with SKIP LOCKED: several processes may run this at once. Returns how many
 * emails were written.
 */
export async function processResetRequests(db: Db, publicUrl: string, now: Date): Promise<number> {
  let written = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const claimed = await tx
        .select()
        .from(passwordResetRequests)
        .orderBy(asc(passwordResetRequests.id))
        .limit(REQUEST_BATCH)
        .for('update', { skipLocked: true });
      if (claimed.length === 0) return 0;
      await tx.delete(passwordResetRequests).where(
        inArray(
          passwordResetRequests.id,
          claimed.map((request) => request.id),
        ),
      );
      for (const request of claimed) {
        const [user] = await tx
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(and(eq(sql`lower(${users.email})`, request.email), isNull(users.disabledAt)));
        if (!user) continue;
        const lang = isLang(request.lang) ? request.lang : 'et';
        await issueResetToken(tx, user, { lang, publicUrl, byAdmin: false }, now);
        written++;
      }
      return claimed.length;
    });
    if (batch < REQUEST_BATCH) return written;
  }
}

/**
 * An admin sends a user a reset link (no rate limit; audited without the token). A disabled
 * account is refused (409): its link could not be used.
 */
export async function sendResetLink(
  db: Db,
  actor: CurrentUser,
  userId: number,
  mail: MailContext,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await getUser(tx, userId);
    if (target.disabledAt) {
      throw new HttpError('account_disabled', 'The account is disabled; enable it first');
    }
    const expiresAt = await issueResetToken(tx, target, { ...mail, byAdmin: true }, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.password_reset_sent',
        entity: 'user',
        entityId: userId,
        after: { email: target.email, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
  });
}

export type OpenReset = { id: number; userId: number; name: string; email: string };

/** The unused, unexpired reset of an active account that `token` opens, or null. */
export async function findOpenReset(
  db: Queryable,
  token: string,
  now: Date,
): Promise<OpenReset | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      name: users.name,
      email: users.email,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, await hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return row ?? null;
}

export type ResetResult =
  { kind: 'ok' } | { kind: 'gone' } | { kind: 'invalid'; errors: PasswordErrors; email: string };

/** Thrown inside the transaction to undo it when the link was spent meanwhile. */
class LinkSpent extends Error {}

/**
 * Sets a new password through a reset link. In one transaction: the token (and every other
 * open token of the user) marked used, the new hash, every session and API token of the user
 * revoked (whoever knew the old password may have made one), the account's login delay lifted (owning the mailbox proves enough) and the audit entry.
 * Two concurrent uses of one link: one succeeds, the other is `gone`.
 */
export async function resetPassword(
  db: Db,
  token: string,
  input: { password: string; repeat: string },
  now: Date,
  iterations?: number,
): Promise<ResetResult> {
  const open = await findOpenReset(db, token, now);
  if (!open) return { kind: 'gone' };
  const errors = checkNewPassword(input);
  if (hasErrors(errors)) return { kind: 'invalid', errors, email: open.email };
  const passwordHash = await hashPassword(input.password, iterations);
  try {
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(passwordResets)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordResets.id, open.id),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, now),
          ),
        )
        .returning({ id: passwordResets.id });
      if (claimed.length === 0) throw new LinkSpent();
      const updated = await tx
        .update(users)
        .set({ passwordHash })
        .where(and(eq(users.id, open.userId), isNull(users.disabledAt)))
        .returning({ id: users.id });
      if (updated.length === 0) throw new LinkSpent();
      await tx
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.userId, open.userId), isNull(passwordResets.usedAt)));
      const sessionsRevoked = await revokeUserSessions(tx, open.userId, now);
      const tokensRevoked = await revokeUserTokens(tx, open.userId, now);
      await clearRateLimit(tx, accountLoginKey(open.email));
      await recordAudit(
        tx,
        { id: open.userId, name: open.name, email: open.email },
        {
          action: 'user.password_reset',
          entity: 'user',
          entityId: open.userId,
          after: { sessionsRevoked, tokensRevoked },
        },
        now,
      );
    });
  } catch (error) {
    if (error instanceof LinkSpent) return { kind: 'gone' };
    throw error;
  }
  return { kind: 'ok' };
}

/** Deletes reset tokens that expired or were used before `olderThan`; for the daily purge. */
export async function prunePasswordResets(db: Queryable, olderThan: Date): Promise<number> {
  const deleted = await db
    .delete(passwordResets)
    .where(or(lt(passwordResets.expiresAt, olderThan), lt(passwordResets.usedAt, olderThan)))
    .returning({ id: passwordResets.id });
  return deleted.length;
}
