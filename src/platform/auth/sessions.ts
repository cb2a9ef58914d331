import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessions } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { AppEnv } from '@/platform/deps';
import { hashToken, newToken } from '@/platform/tokens';
import { SESSION_COOKIE } from './auth';

/**
 * Sessions last 12 hours from login, fixed (not sliding): a working day, no write on every
 * request, and a stolen cookie stops working the same evening. Logout, disabling the
 * account or a new login from the same browser revoke the session in the database.
 */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** Starts a session; returns the cookie's random token (only its hash is stored). */
export async function createSession(
  db: Queryable,
  userId: number,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await db
    .insert(sessions)
    .values({ userId, tokenHash: await hashToken(token), createdAt: now, expiresAt });
  return { token, expiresAt };
}

export async function revokeSession(db: Queryable, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, await hashToken(token)), isNull(sessions.revokedAt)));
}

/** Revokes a user's open sessions, all of them or all but the one whose cookie is `keepToken`; returns how many. */
export async function revokeUserSessions(
  db: Queryable,
  userId: number,
  now: Date,
  keepToken?: string,
): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepToken === undefined ? undefined : ne(sessions.tokenHash, await hashToken(keepToken)),
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Deletes sessions that ended (expired or revoked) before `olderThan`; for a periodic job. */
export async function pruneSessions(db: Queryable, olderThan: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, olderThan), lt(sessions.revokedAt, olderThan)));
}

export function sessionCookieToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** HttpOnly, SameSite=Lax, Secure when the site is served over https, whole site. */
export function setSessionCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.publicUrl.startsWith('https:'),
    maxAge: SESSION_TTL_SECONDS,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.publicUrl.startsWith('https:'),
  });
}
