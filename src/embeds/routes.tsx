import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import {
  EmbedNotFound,
  EventEmbed,
  EventsEmbed,
  PlanEmbed,
  RecordingEmbed,
  type EmbedContext,
} from '@views/embeds/pages';
import { embedCss } from '@views/embeds/styles';
import { findPublicEvent, listPublicEvents, localizeEvent } from '@/events';
import { findMunicipality } from '@/municipalities';
import { findVisiblePlan, loadPlanDetail } from '@/plans';
import { publicRecordingPage } from '@/recordings';
import { registrationWindow, seatsFor } from '@/registrations';
import { translator } from '@/messages';
import type { AppEnv } from '@/platform/deps';
import { isNotModified, strongEtag } from '@/platform/http/conditional';
import { CSP_DIRECTIVES } from '@/platform/http/csp';
import { answerWhileDatabaseSilent } from '@/platform/http/database-watch';
import { HttpError, MAX_ID, notFound } from '@/platform/http/errors';
import { isLang, negotiateLang, type Lang } from '@/platform/i18n';
import {
  DEFAULT_SIZE,
  embedPathOf,
  fitSize,
  frameSnippet,
  parseAccent,
  parseKinds,
  parseLimit,
  parseSlugs,
  parseTheme,
  targetOfUrl,
  type EmbedTarget,
} from './rules';
import { componentScript, frameScript } from './scripts';

/** How long a browser or a shared cache may reuse an embed or its data without asking. */
export const EMBED_MAX_AGE = 60;
/** The scripts and the stylesheet change only with a release. */
const ASSET_MAX_AGE = 3600;

/**
 * Embed responses: framable from any site (`frame-ancestors *`), loadable from any origin
 * (`Cross-Origin-Resource-Policy: cross-origin`), with the site's CSP otherwise (no inline
 * script or style, no frames inside), and never a cookie, whoever set one (the language
 * middleware remembers `?lang=` in one elsewhere). The router is mounted before the app's own
 * secureHeaders, so that one's `X-Frame-Options: SAMEORIGIN` never reaches an embed.
 */
function embedHeaders(): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: { ...CSP_DIRECTIVES, frameSrc: ["'none'"], frameAncestors: ['*'] },
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
  return async (c, next) => {
    await headers(c, next);
    c.res.headers.delete('X-Frame-Options');
    c.res.headers.delete('Set-Cookie');
  };
}

/**
 * An embed's language: `?lang=`, else the browser's; never the `lang` cookie, so one URL with
 * one Accept-Language is one answer, which a shared cache may keep (Vary: Accept-Language).
 */
function embedLang(c: Context<AppEnv>, given?: string | null): Lang {
  return negotiateLang({
    query: given ?? c.req.query('lang'),
    acceptLanguage: c.req.header('accept-language'),
  });
}

/** Answers a body with a strong ETag of itself and short public caching; 304 when current. */
async function cachedAnswer(
  c: Context<AppEnv>,
  body: string,
  contentType: string,
  maxAge = EMBED_MAX_AGE,
): Promise<Response> {
  const etag = await strongEtag([contentType, body]);
  const headers = {
    ETag: etag,
    'Cache-Control': `public, max-age=${maxAge}`,
    Vary: 'Accept-Language',
  };
  if (isNotModified({ ifNoneMatch: c.req.header('if-none-match') }, { etag, lastModified: null })) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, 'Content-Type': contentType });
}

function html(c: Context<AppEnv>, page: unknown): Promise<Response> {
  return cachedAnswer(c, String(page), 'text/html; charset=utf-8');
}

/** The page's context: language, Koda's address, the clock, and the look (validated). */
function embedContext(c: Context<AppEnv>): EmbedContext {
  const { config, clock } = c.get('deps');
  const lang = embedLang(c);
  const theme = parseTheme(c.req.query('theme'));
  const accent = parseAccent(c.req.query('accent'));
  const style = new URLSearchParams();
  if (theme !== 'light') style.set('theme', theme);
  if (accent) style.set('accent', accent);
  return {
    lang,
    t: translator(lang),
    publicUrl: config.publicUrl,
    now: clock.now(),
    styleQuery: style.size > 0 ? `?${style}` : '',
  };
}

function numericId(raw: string, what: string): number {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || id <= 0 || id > MAX_ID) throw notFound(`No such ${what}`);
  return id;
}

/** The title an oEmbed answer gives a target, or null when the public may not see it. */
async function publicTitle(
  c: Context<AppEnv>,
  target: EmbedTarget,
  lang: Lang,
): Promise<string | null> {
  const { db } = c.get('deps');
  switch (target.kind) {
    case 'events': {
      const municipality = await findMunicipality(db, target.municipality);
      return municipality && `${municipality.name}: ${translator(lang)('embeds.events.title')}`;
    }
    case 'event': {
      const event = await findPublicEvent(db, target.slug);
      return event && localizeEvent(event, lang).title;
    }
    case 'recording': {
      // A recording's own title is often the generic "Veebiülekanne": name its event too.
      const data = await publicRecordingPage(db, target.id);
      return data && `${data.event.title}: ${data.recording.title}`;
    }
    case 'plan':
      return (await findVisiblePlan(db, target.id, null))?.title ?? null;
  }
}

/**
 * The municipalities `?municipality=` names that Koda does not have: unknown slugs and parts
 * that cannot be one (parseSlugs drops those), as the host wrote them.
 */
async function unknownMunicipalities(
  c: Context<AppEnv>,
  raw: string | undefined,
  slugs: string[],
): Promise<string[]> {
  const { db } = c.get('deps');
  const written = (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .slice(0, 20);
  const unknown: string[] = [];
  for (const part of written) {
    const slug = part.toLowerCase();
    if (!slugs.includes(slug) || !(await findMunicipality(db, slug))) {
      unknown.push(part.slice(0, 100));
    }
  }
  return [...new Set(unknown)];
}

/**
 * /embed/events, /embed/events/:slug, /embed/plans/:id and /embed/recordings/:id (pages to
 * frame), /embed.js (the web components), /embed/frame.js and /embed/style.css (what the pages
 * load) and /oembed. Everything here is public and anonymous: no session is read, none is set.
 */
export function embedRoutes() {
  const routes = new Hono<AppEnv>();
  for (const path of ['/embed/*', '/embed.js', '/oembed']) routes.use(path, embedHeaders());
  for (const path of ['/embed/*', '/oembed']) routes.use(path, answerWhileDatabaseSilent);

  routes.get('/embed.js', (c) =>
    cachedAnswer(c, componentScript(), 'text/javascript; charset=utf-8', ASSET_MAX_AGE),
  );
  routes.get('/embed/frame.js', (c) =>
    cachedAnswer(c, frameScript, 'text/javascript; charset=utf-8', ASSET_MAX_AGE),
  );
  routes.get('/embed/style.css', (c) =>
    cachedAnswer(
      c,
      embedCss(parseTheme(c.req.query('theme')), parseAccent(c.req.query('accent'))),
      'text/css; charset=utf-8',
      ASSET_MAX_AGE,
    ),
  );

  routes.get('/embed/events', async (c) => {
    const { db } = c.get('deps');
    const ctx = embedContext(c);
    const municipalities = parseSlugs(c.req.query('municipality'));
    const kinds = parseKinds(c.req.query('kind'));
    // A typo in a snippet is said, not shown as "no upcoming events" (the reviewer's item 14).
    const unknown = await unknownMunicipalities(c, c.req.query('municipality'), municipalities);
    const lower = unknown.map((name) => name.toLowerCase());
    if (unknown.length > 0 && municipalities.every((slug) => lower.includes(slug))) {
      return c.html(
        String(
          EventsEmbed({ ctx, events: [], morePath: '/events', unknownMunicipalities: unknown }),
        ),
        404,
      );
    }
    const events = await listPublicEvents(db, {
      when: 'upcoming',
      now: ctx.now,
      municipalities,
      kinds,
      limit: parseLimit(c.req.query('limit')),
    });
    const more = new URLSearchParams();
    if (municipalities.length > 0) more.set('municipality', municipalities.join(','));
    if (kinds.length > 0) more.set('kind', kinds.join(','));
    return html(
      c,
      EventsEmbed({
        ctx,
        events: events.map((event) => localizeEvent(event, ctx.lang)),
        morePath: `/events${more.size ? `?${more}` : ''}`,
        unknownMunicipalities: unknown,
      }),
    );
  });

  routes.get('/embed/events/:slug', async (c) => {
    const { db } = c.get('deps');
    const ctx = embedContext(c);
    const event = await findPublicEvent(db, c.req.param('slug'));
    if (!event) throw notFound('No such event');
    const upcoming = event.status !== 'cancelled' && event.startsAt > ctx.now;
    const seats = upcoming ? await seatsFor(db, event.id) : undefined;
    return html(
      c,
      EventEmbed({
        ctx,
        event: localizeEvent(event, ctx.lang),
        seatsLeft: seats ? seats.available : undefined,
        registrationOpen: registrationWindow(event, ctx.now) === 'open',
      }),
    );
  });

  routes.get('/embed/plans/:id', async (c) => {
    const { db } = c.get('deps');
    const ctx = embedContext(c);
    const plan = await findVisiblePlan(db, numericId(c.req.param('id'), 'plan'), null);
    if (!plan) throw notFound('No such plan');
    const detail = await loadPlanDetail(db, plan, ctx.now, { publicOnly: true });
    return html(c, PlanEmbed({ ctx, plan, summary: detail.summary, items: detail.items }));
  });

  routes.get('/embed/recordings/:id', async (c) => {
    const { db } = c.get('deps');
    const ctx = embedContext(c);
    const data = await publicRecordingPage(db, numericId(c.req.param('id'), 'recording'));
    if (!data) throw notFound('No such recording');
    return html(c, RecordingEmbed({ ctx, recording: data.recording, event: data.event }));
  });

  // Any other address under /embed/ is a missing page too (in the frame's own small form).
  routes.get('/embed/*', () => {
    throw notFound('No such embed');
  });

  // A frame's 404 is a short note in the frame's look, not the site's page with its header and
  // menu (whose links would open inside the host's frame); the embed headers stay (framable, no
  // cookie). Other errors, and /oembed's, go to the app's handler.
  routes.onError((error, c) => {
    if (error instanceof HttpError && error.status === 404 && c.req.path.startsWith('/embed/')) {
      return c.html(String(EmbedNotFound({ ctx: embedContext(c) })), 404);
    }
    throw error;
  });

  // oEmbed 1.0 (https://oembed.com): a Koda page's address → the frame to paste, as JSON.
  routes.get('/oembed', async (c) => {
    const { config } = c.get('deps');
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json') {
      throw new HttpError('not_implemented', 'Only format=json is served');
    }
    const url = c.req.query('url');
    if (!url) throw new HttpError('bad_request', 'Give the page address as ?url=');
    const found = targetOfUrl(url, config.publicUrl);
    if (!found) throw notFound('Not an embeddable Koda page');
    const lang = embedLang(c, isLang(found.lang) ? found.lang : null);
    const title = await publicTitle(c, found.target, lang);
    if (title === null) throw notFound('Not an embeddable Koda page');
    const size = fitSize(
      DEFAULT_SIZE[found.target.kind],
      c.req.query('maxwidth'),
      c.req.query('maxheight'),
    );
    const path = embedPathOf(found.target);
    const src = `${config.publicUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
    const answer = {
      version: '1.0',
      type: 'rich',
      provider_name: 'Koda',
      provider_url: config.publicUrl,
      title,
      // The frame and /embed.js, which fits the frame to its content (within maxheight): a CMS
      // that pastes only this html gets a frame that neither cuts nor leaves a gap.
      html: frameSnippet({ src, title, ...size }, `${config.publicUrl}/embed.js`),
      width: size.width,
      height: size.height,
      cache_age: EMBED_MAX_AGE,
    };
    return cachedAnswer(c, JSON.stringify(answer), 'application/json; charset=utf-8');
  });

  return routes;
}
