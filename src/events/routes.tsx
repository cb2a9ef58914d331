import { Hono } from 'hono';
import { EventsPage } from '@views/events/events-page';
import { FeedLinks } from '@/calendar';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { renderEventPage } from './event-page';
import { eventListQuerySchema, type EventListQuery } from './listing';
import { listEventPage, listMunicipalities } from './queries';
import { findPublicEvent, listEventYears } from './reads';

/** Filters from a page's query string: empty fields are "any", and nonsense is ignored, not an error. */
function pageListQuery(params: Record<string, string>): EventListQuery {
  const given = Object.fromEntries(
    Object.entries(params).filter(([, value]) => value.trim() !== ''),
  );
  const parsed = eventListQuerySchema.safeParse({ when: 'upcoming', ...given });
  if (parsed.success) return parsed.data;
  const fallback = Object.fromEntries(
    Object.entries(given).filter(
      ([key]) => !parsed.error.issues.some((issue) => issue.path[0] === key),
    ),
  );
  return eventListQuerySchema.parse({ when: 'upcoming', ...fallback });
}

export function eventRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/events', async (c) => {
    const { db, clock } = c.get('deps');
    const query = pageListQuery(c.req.query());
    const [{ events, total }, municipalities, years] = await Promise.all([
      listEventPage(db, query, clock.now()),
      listMunicipalities(db),
      listEventYears(db),
    ]);
    const ctx = pageContext(c);
    const feedQuery = new URLSearchParams();
    if (query.municipality?.length) feedQuery.set('municipality', query.municipality.join(','));
    if (query.kind?.length) feedQuery.set('kind', query.kind.join(','));
    const feedPath = `/calendar.ics${feedQuery.size > 0 ? `?${feedQuery}` : ''}`;
    return c.html(
      EventsPage({
        ...ctx,
        events,
        total,
        query,
        municipalities,
        years,
        feeds: FeedLinks({ ctx, feedPath }),
      }),
    );
  });

  routes.get('/events/:slug', async (c) => {
    const event = await findPublicEvent(c.get('deps').db, c.req.param('slug'));
    if (!event) throw notFound('No such event');
    return renderEventPage(c, event);
  });

  return routes;
}
