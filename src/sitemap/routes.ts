import { Hono } from 'hono';
import { listMunicipalities, listPublicEvents } from '@/events';
import { listPublicPlanProgress } from '@/plans';
import type { AppEnv } from '@/platform/deps';
import { languages } from '@/platform/i18n';

const STATIC_PATHS = ['/', '/events', '/archive', '/municipalities', '/plans', '/privacy'];

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A path in one language: the page with `?lang=`, as the pages' own canonical and hreflang
 * links name it (without it a page answers in the reader's negotiated language: x-default).
 */
function localized(publicUrl: string, path: string, lang: string): string {
  return `${publicUrl}${path}${lang === 'x-default' ? '' : `?lang=${lang}`}`;
}

/**
 * One <url> per page and language, each naming its language versions (xhtml:link hreflang), as
 * search engines read alternates in a sitemap.
 */
export function sitemapXml(publicUrl: string, paths: string[]): string {
  const urls = paths.flatMap((path) => {
    const alternates = [...languages, 'x-default']
      .map(
        (lang) =>
          `    <xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(localized(publicUrl, path, lang))}"/>`,
      )
      .join('\n');
    return languages.map(
      (lang) =>
        `  <url>\n    <loc>${escapeXml(localized(publicUrl, path, lang))}</loc>\n${alternates}\n  </url>`,
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  );
}

/** /sitemap.xml: the public pages (events, municipalities, plans) in every language. */
export function sitemapRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/sitemap.xml', async (c) => {
    const { db, clock, config } = c.get('deps');
    const now = clock.now();
    const [events, municipalities, plans] = await Promise.all([
      listPublicEvents(db, { when: 'all', now, limit: 10_000 }),
      listMunicipalities(db),
      listPublicPlanProgress(db, now),
    ]);
    const paths = [
      ...STATIC_PATHS,
      ...events.map((event) => `/events/${encodeURIComponent(event.slug)}`),
      ...municipalities.map((m) => `/municipalities/${encodeURIComponent(m.slug)}`),
      ...plans.map((plan) => `/plans/${plan.id}`),
    ];
    return c.body(sitemapXml(config.publicUrl, paths), 200, {
      'content-type': 'application/xml; charset=utf-8',
    });
  });
  return routes;
}
