import { and, eq, isNull } from 'drizzle-orm';
import { passwordResets, users } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import type { Lang } from '@/platform/i18n';
import { clearRateLimit, hitRateLimit } from '@/platform/http/rate-limit';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { recordAudit } from '@/platform/audit/audit';
import type { CurrentUser } from '@/platform/auth/auth';
import { passwordChangedEmail } from './emails';
import { LOGIN_RULE } from '@/platform/auth/login';
import { hashPassword, verifyPassword } from '@/platform/auth/password';
import { revokeUserSessions } from '@/platform/auth/sessions';
import { revokeUserTokens } from '@/platform/auth/api-tokens';
import { passwordSchema } from './users';

/** Why a password field was refused; the page shows the matching message beside it. */
export type PasswordProblem =
  'required' | 'tooShort' | 'tooLong' | 'mismatch' | 'sameAsCurrent' | 'wrongCurrent';

export type PasswordField = 'current' | 'password' | 'repeat';
export type PasswordErrors = Partial<Record<PasswordField, PasswordProblem>>;

/**
 * The rules for a new password, without I/O: the same rule as for new users (passwordSchema),
 * typed twice alike, and (when the current one is given) not the current one again.
 */
export function checkNewPassword(input: {
  password: string;
  repeat: string;
  current?: string;
}): PasswordErrors {
  const errors: PasswordErrors = {};
  if (input.current === '') errors.current = 'required';
  const parsed = passwordSchema.safeParse(input.password);
  if (!parsed.success) {
    errors.password = parsed.error.issues.some((issue) => issue.code === 'too_big')
      ? 'tooLong'
      : 'tooShort';
  } else if (input.current !== undefined && input.password === input.current) {
    errors.password = 'sameAsCurrent';
  }
  if (input.repeat !== input.password) errors.repeat = 'mismatch';
  return errors;
}

export function hasErrors(errors: PasswordErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** What the emails need from the request: its language and the site's public address. */
export type MailContext = { lang: Lang; publicUrl: string };

/** The counter of current-password tries on the change form: the signed-in user's own. */
export function passwordChangeKey(userId: number): string {
  return `password-change:user:${userId}`;
}

export type ChangePasswordResult =
  | { kind: 'ok'; sessionsRevoked: number }
  | { kind: 'invalid'; errors: PasswordErrors }
  | { kind: 'limited'; retryAfterSeconds: number };

/**
 * A signed-in user changes their own password. Tries of the current password are counted per
 * user (LOGIN_RULE: 10 per 15 minutes), so a stolen session cannot guess it faster than one
 * address can at the login form; the counter is the user's own, so a stranger's failed logins,
 * which slow the account's login, never keep its owner from changing the password. On success, in one transaction: the new hash, every other session of the
 * user revoked (the one in `keepSessionToken` stays), every API token of the user revoked, open
 * reset links spent, the audit entry
 * (never the hash) and the notice email to the account's address.
 */
export async function changeOwnPassword(
  db: Db,
  user: CurrentUser,
  input: { current: string; password: string; repeat: string; keepSessionToken?: string },
  mail: MailContext,
  now: Date,
  iterations?: number,
): Promise<ChangePasswordResult> {
  const errors = checkNewPassword(input);
  if (hasErrors(errors)) return { kind: 'invalid', errors };
  const key = passwordChangeKey(user.id);
  const limit = await hitRateLimit(db, key, LOGIN_RULE, now);
  if (!limit.allowed) return { kind: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, user.id), isNull(users.disabledAt)));
  if (!row || !(await verifyPassword(input.current, row.passwordHash))) {
    return { kind: 'invalid', errors: { current: 'wrongCurrent' } };
  }
  const passwordHash = await hashPassword(input.password, iterations);
  const sessionsRevoked = await db.transaction(async (tx) => {
    // Only over the hash we verified: a change made meanwhile elsewhere wins, this one is refused.
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, row.passwordHash)))
      .returning({ id: users.id });
    if (updated.length === 0) return null;
    const revoked = await revokeUserSessions(tx, user.id, now, input.keepSessionToken);
    const tokensRevoked = await revokeUserTokens(tx, user.id, now);
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await recordAudit(
      tx,
      user,
      {
        action: 'user.password_change',
        entity: 'user',
        entityId: user.id,
        after: { otherSessionsRevoked: revoked, tokensRevoked },
      },
      now,
    );
    await enqueueEmail(
      tx,
      {
        kind: 'account.password_changed',
        recipient: user.email,
        ...passwordChangedEmail(mail.lang, {
          name: user.name,
          email: user.email,
          at: now,
          resetUrl: `${mail.publicUrl}/admin/password-reset`,
        }),
      },
      now,
    );
    return revoked;
  });
  if (sessionsRevoked === null) return { kind: 'invalid', errors: { current: 'wrongCurrent' } };
  await clearRateLimit(db, key);
  return { kind: 'ok', sessionsRevoked };
}
