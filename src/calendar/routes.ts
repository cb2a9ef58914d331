import { eq, inArray } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { municipalities } from '@/platform/db/schema';
import type { AppEnv } from '@/platform/deps';
import { eventKinds, findEvent, isPublicEvent, type EventKind } from '@/events';
import { isNotModified } from '@/platform/http/conditional';
import { HttpError, invalidFields, notFound } from '@/platform/http/errors';
import { renderFeed, type FeedContext, type FeedSelection } from './feed';
import { freshFeedState } from './freshness';
import { FEED_MAX_AGE_SECONDS, organizerAddress } from './rules';
import { feedTokenEmail, revokeFeedToken } from './tokens';
import { RevokeFeedPage } from '@views/calendar/revoke-page';
import { pageContext } from '@/platform/http/page';

function splitList(values: string[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Answers a feed: 304 when the client's ETag / date is current (decided from the versions
 * alone, without building the feed), otherwise the text/calendar body with its validators.
 */
async function respondWithFeed(
  c: Context<AppEnv>,
  selection: FeedSelection,
  name: string,
  options: { personal?: boolean; filename: string },
) {
  const { db, config, clock, log } = c.get('deps');
  const ctx: FeedContext = {
    db,
    publicUrl: config.publicUrl,
    organizerEmail: organizerAddress(config.mailFrom, config.publicUrl),
    lang: c.get('lang'),
    now: clock.now(),
    log,
  };
  const state = await freshFeedState(ctx, selection, name);
  const headers: Record<string, string> = {
    ETag: state.etag,
    'Cache-Control': `${options.personal ? 'private' : 'public'}, max-age=${FEED_MAX_AGE_SECONDS}`,
    Vary: 'Accept-Language, Cookie',
  };
  if (state.lastModified) headers['Last-Modified'] = state.lastModified.toUTCString();
  if (options.personal) headers['X-Robots-Tag'] = 'noindex';
  if (
    isNotModified(
      {
        ifNoneMatch: c.req.header('if-none-match'),
        ifModifiedSince: c.req.header('if-modified-since'),
      },
      state,
    )
  ) {
    return c.body(null, 304, headers);
  }
  const feed = await renderFeed(ctx, state, name);
  return c.body(feed, 200, {
    ...headers,
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${options.filename}"`,
  });
}

function feedGone(c: Context<AppEnv>): HttpError {
  return new HttpError('gone', c.get('t')('calendar.revoke.gone'));
}

/** The iCal feeds: /calendar.ics, /municipalities/:slug/calendar.ics, /events/:slug/calendar.ics, /feeds/:token/calendar.ics. */
export function calendarRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/calendar.ics', async (c) => {
    const { db } = c.get('deps');
    const t = c.get('t');
    const slugs = splitList(c.req.queries('municipality') ?? []);
    const kindValues = splitList(c.req.queries('kind') ?? []);
    const unknownKinds = kindValues.filter((kind) => !(eventKinds as string[]).includes(kind));
    const found =
      slugs.length > 0
        ? await db
            .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
            .from(municipalities)
            .where(inArray(municipalities.slug, slugs))
        : [];
    const unknownSlugs = slugs.filter((slug) => !found.some((row) => row.slug === slug));
    if (unknownSlugs.length > 0 || unknownKinds.length > 0) {
      throw invalidFields([
        ...unknownSlugs.map((slug) => ({
          path: 'municipality',
          message: `Unknown municipality: ${slug}`,
        })),
        ...unknownKinds.map((kind) => ({
          path: 'kind',
          message: `Unknown kind: ${kind} (one of ${eventKinds.join(', ')})`,
        })),
      ]);
    }
    const kinds = kindValues as EventKind[];
    const ordered = slugs.flatMap((slug) => found.filter((row) => row.slug === slug));
    const parts = [
      ...ordered.map((row) => row.name),
      ...kinds.map((kind) => t(`event.kind.${kind}`)),
    ];
    const name =
      parts.length > 0
        ? t('calendar.feedNameFor', { names: parts.join(', ') })
        : t('calendar.feedName');
    return respondWithFeed(
      c,
      { municipalityIds: ordered.map((row) => row.id), kinds, bounded: true },
      name,
      { filename: 'koda.ics' },
    );
  });

  routes.get('/municipalities/:slug/calendar.ics', async (c) => {
    const { db } = c.get('deps');
    const slug = c.req.param('slug');
    const [row] = await db
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.slug, slug));
    if (!row) throw notFound('No such municipality');
    return respondWithFeed(
      c,
      { municipalityIds: [row.id], bounded: true },
      c.get('t')('calendar.feedNameFor', { names: row.name }),
      { filename: `koda-${slug}.ics` },
    );
  });

  routes.get('/events/:slug/calendar.ics', async (c) => {
    const { db } = c.get('deps');
    const slug = c.req.param('slug');
    const row = await findEvent(db, { slug });
    if (!row || !isPublicEvent(row)) throw notFound('No such event');
    return respondWithFeed(c, { eventId: row.id, bounded: false }, row.title, {
      filename: `${slug}.ics`,
    });
  });

  /** The revoke pages: the token in the URL is the proof; never cached, never sent on as a referrer. */
  async function revokePage(c: Context<AppEnv>, state: 'ask' | 'done') {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(RevokeFeedPage({ ...pageContext(c), token: c.req.param('token') ?? '', state }));
  }

  routes.get('/feeds/:token/revoke', async (c) => {
    if (!(await feedTokenEmail(c.get('deps').db, c.req.param('token')))) throw feedGone(c);
    return revokePage(c, 'ask');
  });

  routes.post('/feeds/:token/revoke', async (c) => {
    const { db, clock } = c.get('deps');
    if (!(await revokeFeedToken(db, c.req.param('token'), clock.now()))) throw feedGone(c);
    return c.redirect('/feeds/revoked', 303);
  });

  // Where revoking leads: no token in it, so a reload or Back repeats nothing and shows the outcome.
  routes.get('/feeds/revoked', (c) => revokePage(c, 'done'));

  routes.get('/feeds/:token/calendar.ics', async (c) => {
    const email = await feedTokenEmail(c.get('deps').db, c.req.param('token'));
    if (!email) throw feedGone(c);
    return respondWithFeed(c, { email, bounded: true }, c.get('t')('calendar.personalFeedName'), {
      personal: true,
      filename: 'koda-personal.ics',
    });
  });

  return routes;
}
