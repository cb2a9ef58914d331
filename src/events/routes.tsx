import { Hono } from 'hono';
import { EventPage } from '@views/events/event-page';
import { EventsPage } from '@views/events/events-page';
import { CalendarMenu, FeedLinks } from '@/calendar';
import { embedOffer } from '@/embeds';
import { EventOutcomes } from '@/outcomes';
import { LivePanel } from '@/recordings';
import { RegistrationPanel } from '@/registrations';
import { recordingsForEvent } from '@/recordings';
import { seatsFor } from '@/registrations';
import { registrationWindow } from '@/registrations';
import { listEventActionItems, listEventOutcomes } from '@/outcomes';
import type { AppEnv } from '@/platform/deps';
import { notFound } from '@/platform/http/errors';
import { pageContext } from '@/platform/http/page';
import { eventJsonLd, jsonLdHosts } from './json-ld';
import { agendaInTimeOrder, currentAgendaItem, eventPhase, previousStart } from './present';
import { eventListQuerySchema, type EventListQuery } from './listing';
import { listEventPage, listMunicipalities } from './queries';
import { findPublicEvent, listEventYears, loadAgenda } from './reads';

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
    const { db, config, clock } = c.get('deps');
    const event = await findPublicEvent(db, c.req.param('slug'));
    if (!event) throw notFound('No such event');
    const now = clock.now();
    const [agenda, outcomes, actionItems, recordings, seats] = await Promise.all([
      loadAgenda(db, event.id),
      listEventOutcomes(db, event.id, { publishedOnly: true }),
      listEventActionItems(db, event.id),
      recordingsForEvent(db, event.id),
      seatsFor(db, event.id),
    ]);
    const ctx = pageContext(c);
    const phase = eventPhase(event, now);
    const ordered = agendaInTimeOrder(agenda);
    const window = registrationWindow(event, now);
    return c.html(
      EventPage({
        ...ctx,
        event,
        agenda: ordered,
        phase,
        currentItemId: phase === 'live' ? (currentAgendaItem(ordered, now)?.id ?? null) : null,
        previousStartsAt: previousStart(event, phase),
        jsonLd: eventJsonLd(
          event,
          {
            hosts: await jsonLdHosts(db, event),
            agenda,
            seats,
            registration: registrationWindow(event, now),
          },
          config.publicUrl,
          ctx.lang,
        ),
        // Before the event only: seats, the one Register action and the one calendar menu.
        // A cancelled event offers nothing to act on; a past one leads with what came of it.
        seats: phase === 'before' ? seats : undefined,
        registrationOpen: phase === 'before' && window === 'open',
        registration:
          phase === 'before'
            ? RegistrationPanel({ ...ctx, event, seats, state: window })
            : undefined,
        calendar: phase === 'before' ? CalendarMenu({ ctx, event }) : undefined,
        media: phase === 'cancelled' ? undefined : LivePanel({ ctx, event, recordings, now }),
        outcomes: phase === 'after' ? EventOutcomes({ ctx, outcomes, actionItems }) : undefined,
        ...embedOffer(c, {
          kind: 'event',
          slug: event.slug,
          title: event.title,
          hosts: event.hosts.map((host) => host.slug),
        }),
      }),
    );
  });

  return routes;
}
