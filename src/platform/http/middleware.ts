import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { routePath } from 'hono/route';
import type { AppEnv, Deps } from '@/platform/deps';
import {
  createTranslator,
  negotiateLang,
  requestedLang,
  type Catalogues,
  type Lang,
} from '@/platform/i18n';
import { withFields } from '@/platform/log';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's own id is kept when it is this sane (a proxy's: letters, digits, `_`, `-`, `=`). */
const SANE_REQUEST_ID = /^[\w=-]{1,64}$/;

/** Answers that already name their request id (the page cache builds them with it). */
const namingTheirId = new WeakSet<Response>();

/** Marks an answer built with its `X-Request-Id` already among its headers. */
export function namesItsRequestId(res: Response): Response {
  namingTheirId.add(res);
  return res;
}

/**
 * Gives every request an id, answered in `X-Request-Id`: the caller's own (a proxy's, up to 64
 * letters, digits, `_`, `-` or `=`) or a new UUID. Users quote it from an error page; every log
 * line of the request carries it. Set on the answer once it is made, whoever made it (a handler,
 * an error page, a redirect thrown as HTTPException), rather than on headers prepared before.
 */
export function requestIds(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = c.req.header(REQUEST_ID_HEADER);
    const id = sent !== undefined && SANE_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    const res = c.res;
    if (namingTheirId.has(res)) return;
    try {
      res.headers.set(REQUEST_ID_HEADER, id);
    } catch {
      // Immutable headers (a fetched Response): answered with a copy.
      const copy = new Response(res.body, res);
      copy.headers.set(REQUEST_ID_HEADER, id);
      c.res = undefined;
      c.res = copy;
    }
  };
}

/**
 * Hands the deps to the request, with a log bound to its request id: `c.get('log')` and
 * `c.get('deps').log` write lines naming it. (Jobs, outside requests, use the deps' own log.)
 */
export function provideDeps(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const log = withFields(deps.log, { requestId: c.get('requestId') });
    c.set('log', log);
    c.set('deps', { ...deps, log });
    await next();
  };
}

/**
 * One line per request: method, route pattern, status, duration and request id. The pattern
 * (`/registrations/:token`), never the path, so tokens, query strings and search words stay
 * out; an unmatched path logs the pattern of the last middleware it passed (`/*`).
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const startedAt = performance.now();
    await next();
    c.get('log').info('request', {
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: Math.round(performance.now() - startedAt),
    });
  };
}

/** The language a request names (`?lang=`, the cookie, Accept-Language), if any. */
export function askedLang(c: Context): Lang | undefined {
  return requestedLang({
    query: c.req.query('lang'),
    cookie: getCookie(c, 'lang'),
    acceptLanguage: c.req.header('accept-language'),
  });
}

/** Chooses the page language; an explicit `?lang=` is remembered in a cookie. */
export function language(catalogues: Catalogues): MiddlewareHandler<AppEnv> {
  const translators = Object.fromEntries(
    Object.entries(catalogues).map(([lang, messages]) => [
      lang,
      createTranslator(messages, lang as Lang),
    ]),
  ) as Record<Lang, ReturnType<typeof createTranslator>>;
  return async (c, next) => {
    const query = c.req.query('lang');
    const lang = negotiateLang({
      query,
      cookie: getCookie(c, 'lang'),
      acceptLanguage: c.req.header('accept-language'),
    });
    if (query === lang) {
      setCookie(c, 'lang', lang, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax' });
    }
    c.set('lang', lang);
    c.set('t', translators[lang]);
    await next();
  };
}

/**
 * Every 401 says how to authenticate (RFC 6750): `WWW-Authenticate: Bearer realm="koda"`, with
 * `error="invalid_token"` when the request sent a bearer token that was refused (invalid,
 * revoked or expired).
 */
export function bearerChallenge(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 401) return;
    const sentToken = /^Bearer\s+\S/i.test(c.req.header('authorization') ?? '');
    c.res.headers.set(
      'WWW-Authenticate',
      sentToken
        ? 'Bearer realm="koda", error="invalid_token", error_description="The token is invalid, revoked or expired"'
        : 'Bearer realm="koda"',
    );
  };
}
