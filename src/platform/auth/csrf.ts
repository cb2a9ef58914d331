import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '@/platform/deps';
import { isApiPath } from '@/platform/http/page';

/**
 * CSRF protection for every HTML form that changes state (hono/csrf): a POST with a form
 * content type is accepted only when the browser says it comes from our own origin, by
 * `Sec-Fetch-Site: same-origin` or by an `Origin` equal to PUBLIC_URL's origin (or to the
 * origin the request itself was addressed to, which a foreign page cannot produce either:
 * that keeps http://127.0.0.1:3000 working in development). Anything else is 403.
 *
 * Not applied to /api/*, on purpose: API writes must be `application/json` (else 415, see
 * requireJsonBody), and a cross-site page can send JSON only after a CORS preflight, which
 * Koda never grants; bearer tokens are never attached by browsers; and the session cookie is
 * SameSite=Lax, so cross-site subrequests do not carry it at all. Checking Origin there would
 * only break server-to-server integrations, which send no Origin.
 *
 * Nor to one-click unsubscribe links (RFC 8058, paths ending in `/unsubscribe` with a token
 * before it): mail providers POST them from their servers, without cookies or Origin. Such a
 * route acts only on the secret token in its own path and only ever stops mail, so a forged
 * post needs the token and could do no more than its owner's one click.
 */
export function isOneClickUnsubscribe(path: string): boolean {
  return /^\/[a-z]+\/[A-Za-z0-9_-]{20,100}\/unsubscribe$/.test(path);
}

export function formCsrf(): MiddlewareHandler<AppEnv> {
  let check: MiddlewareHandler<AppEnv> | undefined;
  return async (c, next) => {
    if (isApiPath(c.req.path) || isOneClickUnsubscribe(c.req.path)) return next();
    if (!check) {
      const publicOrigin = new URL(c.get('deps').config.publicUrl).origin;
      check = csrf({
        origin: (origin, ctx) => origin === publicOrigin || origin === new URL(ctx.req.url).origin,
      });
    }
    return check(c, next);
  };
}
