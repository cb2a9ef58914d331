import { and, eq, isNull, sql } from 'drizzle-orm';
import { rateLimits, users } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import {
  clearRateLimit,
  hitRateLimit,
  refundRateLimit,
  type RateLimitRule,
} from '@/platform/http/rate-limit';
import { knownDevice, rememberDevice } from './devices';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import { createSession } from './sessions';

/**
 * Per client address (an IPv4 address, or an IPv6 /64: see clientAddress): 10 tries per 15
 * minutes, whatever the accounts; the 11th blocks the address for 15 minutes. Successful logins
 * are taken back, so they never count.
 */
export const LOGIN_RULE: RateLimitRule = {
  limit: 10,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

/**
 * Per account (and per known browser of it): the first ACCOUNT_FREE_TRIES consecutive failures
 * cost nothing; after that each further try must wait a delay that doubles from 15 seconds up to
 * 15 minutes (429 with Retry-After meanwhile). A success forgets the failures; so does a day
 * without tries. The account's owner is not slowed by a stranger's failures: their browser that
 * logged in before counts its own (see devices.ts), and the emailed reset link always works and
 * forgets the failures too.
 */
export const ACCOUNT_FREE_TRIES = 5;
export const ACCOUNT_FIRST_DELAY_SECONDS = 15;
export const ACCOUNT_MAX_DELAY_SECONDS = 15 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** The wait before the next try after `failures` consecutive failures (0: none). */
export function accountDelaySeconds(failures: number): number {
  if (failures < ACCOUNT_FREE_TRIES) return 0;
  const doubled = ACCOUNT_FIRST_DELAY_SECONDS * 2 ** Math.min(failures - ACCOUNT_FREE_TRIES, 16);
  return Math.min(ACCOUNT_MAX_DELAY_SECONDS, doubled);
}

export type LoginResult =
  | { kind: 'ok'; userId: number; token: string; expiresAt: Date; deviceToken: string | null }
  | { kind: 'failed' }
  | { kind: 'limited'; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/** The key of an account's failure count (by the email typed, whether or not it exists). */
export function accountLoginKey(email: string): string {
  return `login:account:${normaliseEmail(email)}`;
}

/**
 * Claims one try on a progressive key: refused (with the seconds to wait) while the key waits
 * out its delay, which a refused try neither counts nor extends; otherwise counted, and when the
 * count reaches ACCOUNT_FREE_TRIES the next try is made to wait. The row is locked for the
 * claim, so concurrent tries from many processes are each counted and none slips past a delay.
 */
export async function claimTry(
  db: Db,
  key: string,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(rateLimits)
      .values({ key, windowStartsAt: now, count: 0, blockedUntil: null })
      .onConflictDoNothing({ target: rateLimits.key });
    const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).for('update');
    const waitMs = row?.blockedUntil ? row.blockedUntil.getTime() - now.getTime() : 0;
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    const stale = !row || now.getTime() - row.windowStartsAt.getTime() > FORGET_AFTER_MS;
    const count = (stale ? 0 : row.count) + 1;
    const delay = accountDelaySeconds(count);
    await tx
      .update(rateLimits)
      .set({
        count,
        // The time of the last try: a day without one forgets the count.
        windowStartsAt: now,
        blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
      })
      .where(eq(rateLimits.key, key));
    return { allowed: true };
  });
}

/**
 * Checks a login. Every try counts against the address (LOGIN_RULE) and, when that allows it,
 * against the account, or, from a browser that logged in to this account before, against that
 * browser instead (claimTry): so a stranger who fails again and again slows the account for
 * strangers, never for its owner's browser. Counters live in the database so all processes share
 * them. A known email with a wrong password, an unknown email and a disabled account all answer
 * `failed` after the same PBKDF2 work (an unknown email is verified against
 * DUMMY_PASSWORD_HASH). Success forgets the failures counted where it was claimed (the account,
 * or the known browser), takes its try back from the address, and remembers the browser (`deviceToken`: a new cookie, or null when
 * the browser already has one).
 */
export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; address: string; deviceToken?: string },
  now: Date,
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const accountKey = accountLoginKey(email);
  const addressKey = `login:address:${input.address}`;
  const address = await hitRateLimit(db, addressKey, LOGIN_RULE, now);
  if (!address.allowed) return { kind: 'limited', retryAfterSeconds: address.retryAfterSeconds };
  const device = await knownDevice(db, input.deviceToken, email, now);
  const throttleKey = device ? `login:device:${device.id}` : accountKey;
  const claim = await claimTry(db, throttleKey, now);
  if (!claim.allowed) return { kind: 'limited', retryAfterSeconds: claim.retryAfterSeconds };
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), isNull(users.disabledAt)));
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) return { kind: 'failed' };
  // Only the counter this try was claimed on: the owner's browser getting in does not hand a
  // stranger fresh free tries on the account.
  await clearRateLimit(db, throttleKey);
  await refundRateLimit(db, addressKey, now);
  const deviceToken = await rememberDevice(db, user.id, device, now);
  const session = await createSession(db, user.id, now);
  return { kind: 'ok', userId: user.id, deviceToken, ...session };
}
