import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '@/platform/deps';
import { createTranslator, negotiateLang, type Catalogues, type Lang } from '@/platform/i18n';

export function provideDeps(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    await next();
  };
}

/** Chooses the page language; an explicit `?lang=` is remembered in a cookie. */
export function language(catalogues: Catalogues): MiddlewareHandler<AppEnv> {
  const translators = Object.fromEntries(
    Object.entries(catalogues).map(([lang, messages]) => [lang, createTranslator(messages)]),
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
