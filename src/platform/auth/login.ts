import { and, eq, isNull, sql } from 'drizzle-orm';
import { users } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import {
  clearRateLimit,
  hitRateLimit,
  refundRateLimit,
  type RateLimitRule,
} from '@/platform/http/rate-limit';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import { createSession } from './sessions';

/** 10 tries per 15 minutes, per account and per address; the 11th locks for 15 minutes. */
export const LOGIN_RULE: RateLimitRule = {
  limit: 10,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

export type LoginResult =
  | { kind: 'ok'; userId: number; token: string; expiresAt: Date }
  | { kind: 'failed' }
  | { kind: 'limited'; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/**
 * The per-account counter of password guesses, shared by the login form and the current
 * password asked when changing it, so neither can be used to guess more than LOGIN_RULE allows.
 */
export function accountLoginKey(email: string): string {
  return `login:account:${normaliseEmail(email)}`;
}

/**
 * Checks a login. Every try counts against the account (by the email typed, whether or not
 * it exists, so the counter says nothing about existence) and against the address, in the
 * database so all processes share the counters. A known email with a wrong password, an
 * unknown email and a disabled account all answer `failed` after the same PBKDF2 work (an
 * unknown email is verified against DUMMY_PASSWORD_HASH). Success clears the account's
 * counter and takes its try back from the address's.
 */
export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; address: string },
  now: Date,
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const accountKey = accountLoginKey(email);
  const addressKey = `login:address:${input.address}`;
  const [account, address] = await Promise.all([
    hitRateLimit(db, accountKey, LOGIN_RULE, now),
    hitRateLimit(db, addressKey, LOGIN_RULE, now),
  ]);
  if (!account.allowed || !address.allowed) {
    return {
      kind: 'limited',
      retryAfterSeconds: Math.max(account.retryAfterSeconds, address.retryAfterSeconds),
    };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), isNull(users.disabledAt)));
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) return { kind: 'failed' };
  await clearRateLimit(db, accountKey);
  await refundRateLimit(db, addressKey, now);
  const session = await createSession(db, user.id, now);
  return { kind: 'ok', userId: user.id, ...session };
}
