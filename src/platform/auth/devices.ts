import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { loginDevices, users } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { AppEnv } from '@/platform/deps';
import { hashToken, newToken } from '@/platform/tokens';

/**
 * A browser that has logged in to an account before carries `koda_device` (a random token; the
 * table keeps its hash). Login counts its failures apart from the account's, so a stranger's wrong
 * guesses, which slow the account for every other browser, never slow its owner's own browser.
 * The cookie proves nothing else: it signs no one in and lifts no other limit.
 */
export const DEVICE_COOKIE = 'koda_device';
export const DEVICE_TTL_SECONDS = 180 * 24 * 60 * 60;
/** Only the login form needs it. */
const DEVICE_COOKIE_PATH = '/admin/login';

export function deviceCookieToken(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, DEVICE_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export function setDeviceCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, DEVICE_COOKIE, token, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('deps').config.publicUrl.startsWith('https:'),
    maxAge: DEVICE_TTL_SECONDS,
  });
}

/** The device `token` stands for, when it is unexpired and belongs to the account `email`. */
export async function knownDevice(
  db: Queryable,
  token: string | undefined,
  email: string,
  now: Date,
): Promise<{ id: number; userId: number } | null> {
  if (!token) return null;
  const [row] = await db
    .select({ id: loginDevices.id, userId: loginDevices.userId })
    .from(loginDevices)
    .innerJoin(users, eq(users.id, loginDevices.userId))
    .where(
      and(
        eq(loginDevices.tokenHash, await hashToken(token)),
        gt(loginDevices.expiresAt, now),
        eq(sql`lower(${users.email})`, email),
      ),
    );
  return row ?? null;
}

/**
 * After a successful login: the browser's device lives on for DEVICE_TTL_SECONDS, or a new one is
 * made (returning its token for the cookie; null when the cookie stays). The user's expired
 * devices are deleted meanwhile.
 */
export async function rememberDevice(
  db: Queryable,
  userId: number,
  known: { id: number } | null,
  now: Date,
): Promise<string | null> {
  const expiresAt = new Date(now.getTime() + DEVICE_TTL_SECONDS * 1000);
  await db
    .delete(loginDevices)
    .where(and(eq(loginDevices.userId, userId), lt(loginDevices.expiresAt, now)));
  if (known) {
    await db.update(loginDevices).set({ expiresAt }).where(eq(loginDevices.id, known.id));
    return null;
  }
  const token = newToken();
  await db
    .insert(loginDevices)
    .values({ userId, tokenHash: await hashToken(token), createdAt: now, expiresAt });
  return token;
}
