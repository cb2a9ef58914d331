import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { z } from 'zod';
import type { AppEnv } from '@/platform/deps';
import { HttpError } from '@/platform/http/errors';

/**
 * What an API token may do. `read`: the API's GETs (with the drafts and unpublished items its
 * user may see); `events`: events, agendas, copies and recordings; `registrations`: the
 * participant lists and messages to participants; `plans`: action plans, their items and
 * updates, and outcomes; `admin`: what only admins may do. A session (the HTML pages) is never
 * limited by scopes: it has all its role allows.
 */
export const API_SCOPES = ['read', 'events', 'registrations', 'plans', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiScopeSchema = z.enum(API_SCOPES);

/** A token lives a year unless its creator chooses otherwise (1 day to 5 years). */
export const DEFAULT_TOKEN_DAYS = 365;
export const MAX_TOKEN_DAYS = 5 * 365;

/** The scopes a role may give its tokens: `admin` only to admins. */
export function scopesForRole(role: 'admin' | 'organizer'): ApiScope[] {
  return API_SCOPES.filter((scope) => scope !== 'admin' || role === 'admin');
}

/** Keeps the known scopes of a stored list, in API_SCOPES order (unknown ones are ignored). */
export function knownScopes(stored: readonly string[]): ApiScope[] {
  return API_SCOPES.filter((scope) => stored.includes(scope));
}

/**
 * Which scope a route of /api/v1 needs from a token: `method` (`GET`, `POST`, …) and the
 * route's pattern below /api/v1 (`/events/:slug`); null for routes anyone may call (a public
 * registration). Given by the composition root, which knows the features' routes.
 */
export type ScopeOfRoute = (method: string, pattern: string) => ApiScope | null;

/** The pattern of the handler that will answer (the last matched route that is not middleware). */
function answeringPattern(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  return matchedRoutes(c)
    .filter((route) => route.method !== 'ALL')
    .at(-1)?.path;
}

/**
 * For /api/v1: a request authenticated by an API token must carry the scope its route needs,
 * or it is refused with 403 before the route runs (before its body is validated). Sessions
 * pass: scopes limit tokens only. A path no route answers passes on to its 404.
 */
export function requireTokenScope(base: string, scopeOf: ScopeOfRoute): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    const pattern = user?.via === 'token' ? answeringPattern(c) : undefined;
    if (user && pattern?.startsWith(base)) {
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
      const needed = scopeOf(method, pattern.slice(base.length) || '/');
      if (needed && !(user.scopes ?? []).includes(needed)) {
        throw new HttpError(
          'forbidden',
          `This API token lacks the "${needed}" scope that ${method} ${pattern} needs; create a token with it (/admin/tokens or npm run cli -- token:create --scopes ${needed})`,
        );
      }
    }
    await next();
  };
}
