import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiTokens, memberships, sessions, users } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { AppEnv } from '@/platform/deps';
import { HttpError } from '@/platform/http/errors';
import { isApiPath } from '@/platform/http/page';
import { hashToken } from '@/platform/tokens';
import { knownScopes, scopesForRole, type ApiScope } from './scopes';

export const SESSION_COOKIE = 'koda_session';

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'organizer';
  /** The municipalities an organizer manages (admins manage all). */
  municipalityIds: number[];
  via: 'session' | 'token';
  /** Only for an API token: what it may do (see requireTokenScope); a session is not limited. */
  scopes?: readonly ApiScope[];
};

async function loadUser(
  db: Queryable,
  userId: number,
  via: CurrentUser['via'],
): Promise<CurrentUser | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const rows = await db
    .select({ municipalityId: memberships.municipalityId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { ...user, municipalityIds: rows.map((row) => row.municipalityId), via };
}

async function userFromBearer(c: Context<AppEnv>, token: string): Promise<CurrentUser | null> {
  const { db, clock } = c.get('deps');
  const tokenHash = await hashToken(token);
  const now = clock.now();
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
      ),
    );
  if (!row) return null;
  // Last-used time to the minute: one write per token per minute at most.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.id),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)),
        ),
      ),
    );
  const user = await loadUser(db, row.userId, 'token');
  if (!user) return null;
  // A scope the role no longer allows (an admin made organizer) is not used.
  const allowed = scopesForRole(user.role);
  return { ...user, scopes: knownScopes(row.scopes).filter((scope) => allowed.includes(scope)) };
}

async function userFromSession(c: Context<AppEnv>, token: string): Promise<CurrentUser | null> {
  const { db, clock } = c.get('deps');
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, await hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, clock.now()),
      ),
    );
  return row ? loadUser(db, row.userId, 'session') : null;
}

/**
 * Who is asking: under /api an API token (`Authorization: Bearer …`) or a session cookie; on
 * every other path (the HTML pages, feeds, downloads) only a session cookie: a token never opens
 * a page, so a leaked token cannot reach /admin (nor make more tokens there). A bearer token that
 * is wrong, revoked or expired is refused outright under /api (401) rather than silently treated
 * as anonymous; elsewhere the header is not read at all.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = isApiPath(c.req.path) ? c.req.header('authorization') : undefined;
    let user: CurrentUser | null = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      user = match?.[1] ? await userFromBearer(c, match[1]) : null;
      if (!user) {
        throw new HttpError('unauthorized', 'The API token is invalid, revoked or expired');
      }
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) user = await userFromSession(c, cookie);
    }
    c.set('user', user);
    await next();
  };
}

export function requireUser(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (!user) throw new HttpError('unauthorized', 'Log in or send an API token');
  return user;
}

export function requireAdmin(c: Context<AppEnv>): CurrentUser {
  const user = requireUser(c);
  if (user.role !== 'admin') throw new HttpError('forbidden', 'Only admins may do this');
  if (user.scopes && !user.scopes.includes('admin')) {
    throw new HttpError('forbidden', 'This API token lacks the "admin" scope this needs');
  }
  return user;
}

/** Admins manage everything; organizers what any of their municipalities hosts. */
export function canManage(user: CurrentUser, municipalityIds: readonly number[]): boolean {
  return user.role === 'admin' || municipalityIds.some((id) => user.municipalityIds.includes(id));
}

export function assertCanManage(user: CurrentUser, municipalityIds: readonly number[]): void {
  if (!canManage(user, municipalityIds)) {
    throw new HttpError('forbidden', 'You do not manage this municipality');
  }
}
