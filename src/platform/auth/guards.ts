import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '@/platform/deps';
import { HttpError } from '@/platform/http/errors';
import type { CurrentUser } from './auth';

const SAME_SITE = 'https://koda.invalid';

/**
 * The one check for every redirect target taken from a request (`next=` and the like): a path on
 * this site, never another host. Browsers drop tabs and newlines from URLs and read `\` as `/`,
 * so `/\t/evil.example` would leave the site: such characters are refused. What is left is
 * normalised as a browser would (`/.//evil.example` becomes `//evil.example`, a protocol-relative
 * address of another host), and only a single-slash path on this origin is returned.
 */
export function safeNext(next: string | undefined | null): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!next || !next.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(next)) return '/admin';
  if (!URL.canParse(next, SAME_SITE)) return '/admin';
  const url = new URL(next, SAME_SITE);
  if (url.origin !== SAME_SITE || url.pathname.startsWith('//')) return '/admin';
  return url.pathname + url.search + url.hash;
}

/** The login page's address that comes back to `path` afterwards. */
export function loginHref(path: string): string {
  const next = safeNext(path);
  return next === '/admin' ? '/admin/login' : `/admin/login?next=${encodeURIComponent(next)}`;
}

/**
 * For HTML admin pages: the signed-in user, or a redirect (303) to /admin/login?next=… for
 * anonymous visitors, instead of the 401 page that requireUser() gives.
 */
export function requireUserPage(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user');
  if (user) return user;
  const url = new URL(c.req.url);
  throw new HTTPException(303, { res: c.redirect(loginHref(url.pathname + url.search), 303) });
}

/** Like requireUserPage, and then 403 for organizers. */
export function requireAdminPage(c: Context<AppEnv>): CurrentUser {
  const user = requireUserPage(c);
  if (user.role !== 'admin') throw new HttpError('forbidden', 'Only admins may do this');
  return user;
}
