import type { Context } from 'hono';
import type { AppEnv } from '@/platform/deps';
import type { PageContext } from '@views/shell/layout';

/** What the page shell needs, without the clock: error pages use it, even when the clock is what failed. */
export function shellContext(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  return {
    lang: c.get('lang'),
    t: c.get('t'),
    path: url.pathname + url.search,
    publicUrl: c.get('deps').config.publicUrl,
  };
}

export function pageContext(c: Context<AppEnv>): PageContext {
  return { ...shellContext(c), now: c.get('deps').clock.now() };
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
