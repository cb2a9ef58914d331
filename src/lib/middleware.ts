import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../deps';
import { negotiateLang, translator } from './i18n/index';

export function provideDeps(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    await next();
  };
}

/** Chooses the page language; an explicit `?lang=` is remembered in a cookie. */
export function language(): MiddlewareHandler<AppEnv> {
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
    c.set('t', translator(lang));
    await next();
  };
}
