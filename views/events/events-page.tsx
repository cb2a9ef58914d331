import type { Child } from 'hono/jsx';
import type { EventListQuery } from '@/events/listing';
import type { EventSummary } from '@/events/queries';
import { eventKinds } from '@/events/rules';
import { Layout, type PageContext } from '@views/shell/layout';
import { EventCard } from './event-card';

export type EventsPageProps = PageContext & {
  events: EventSummary[];
  total: number;
  query: EventListQuery;
  municipalities: { slug: string; name: string }[];
  years: number[];
  feeds?: Child;
};

/** The listing URL with the current filters and one change, e.g. another page. */
export function listingHref(query: EventListQuery, change: Partial<EventListQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.municipality?.length) params.set('municipality', next.municipality.join(','));
  if (next.kind?.length) params.set('kind', next.kind.join(','));
  if (next.when !== 'upcoming') params.set('when', next.when);
  if (next.year) params.set('year', String(next.year));
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return `/events${search ? `?${search}` : ''}`;
}

export function EventsPage(props: EventsPageProps) {
  const { t, query } = props;
  const pages = Math.max(1, Math.ceil(props.total / query.perPage));
  const selectedMunicipality = query.municipality?.[0] ?? '';
  const selectedKind = query.kind?.[0] ?? '';
  return (
    <Layout {...props} title={t('events.title')} canonicalPath="/events">
      <h1>{t('events.title')}</h1>
      <form class="filters no-print" method="get" action="/events" aria-label={t('events.filters')}>
        <label>
          {t('events.filter.when')}
          <select name="when">
            {(['upcoming', 'past', 'all'] as const).map((when) => (
              <option value={when} selected={query.when === when}>
                {t(`events.when.${when}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('events.filter.municipality')}
          <select name="municipality">
            <option value="">{t('events.filter.any')}</option>
            {props.municipalities.map((m) => (
              <option value={m.slug} selected={selectedMunicipality === m.slug}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('events.filter.kind')}
          <select name="kind">
            <option value="">{t('events.filter.any')}</option>
            {eventKinds.map((kind) => (
              <option value={kind} selected={selectedKind === kind}>
                {t(`event.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('events.filter.year')}
          <select name="year">
            <option value="">{t('events.filter.any')}</option>
            {props.years.map((year) => (
              <option value={String(year)} selected={query.year === year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('events.filter.apply')}</button>
      </form>
      <h2 class="result-count">{t('events.count', { count: props.total })}</h2>
      {props.events.length > 0 ? (
        <ul class="cards">
          {props.events.map((event) => (
            <EventCard event={event} ctx={props} />
          ))}
        </ul>
      ) : (
        <p>{t('events.none')}</p>
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label={t('events.pagination')}>
          {query.page > 1 ? (
            <a href={listingHref(query, { page: query.page - 1 })} rel="prev">
              {t('events.previous')}
            </a>
          ) : null}
          <span>{t('events.page', { page: query.page, pages })}</span>
          {query.page < pages ? (
            <a href={listingHref(query, { page: query.page + 1 })} rel="next">
              {t('events.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
      {props.feeds}
    </Layout>
  );
}
