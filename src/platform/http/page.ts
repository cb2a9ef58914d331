import type { Context } from 'hono';
import type { AppEnv } from '@/platform/deps';
import type { PageContext } from '@views/shell/layout';

export function pageContext(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  return {
    lang: c.get('lang'),
    t: c.get('t'),
    path: url.pathname + url.search,
    publicUrl: c.get('deps').config.publicUrl,
    now: c.get('deps').clock.now(),
  };
}

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}
