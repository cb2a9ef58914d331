import type { ArchiveQuery } from '@/archive/routes';
import type { HostRef } from '@/events';
import { formatDate, formatDuration } from '@/platform/time';
import type { ArchiveEntry } from '@/recordings';
import { Layout, type PageContext } from '@views/shell/layout';

export type ArchivePageProps = PageContext & {
  query: ArchiveQuery;
  page: number;
  pageSize: number;
  items: ArchiveEntry[];
  total: number;
  facets: { municipalities: HostRef[]; years: number[] };
};

function pageHref(query: ArchiveQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.municipality) params.set('municipality', query.municipality);
  if (query.year) params.set('year', String(query.year));
  if (query.kind) params.set('kind', query.kind);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/archive?${search}` : '/archive';
}

/** /archive: search and filters over the published recordings, newest event first. */
export function ArchivePage(props: ArchivePageProps) {
  const { t, lang, query } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Layout
      {...props}
      title={t('archive.title')}
      description={t('archive.intro')}
      canonicalPath="/archive"
      head={
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('archive.feed')}
          href="/archive/feed.xml"
        />
      }
    >
      <h1>{t('archive.title')}</h1>
      <p>{t('archive.intro')}</p>
      <p>
        <a href={query.q ? `/search?q=${encodeURIComponent(query.q)}` : '/search'}>
          {t('archive.searchAll')}
        </a>
      </p>
      <form method="get" action="/archive" role="search" class="archive-search">
        <p>
          <label for="archive-q">{t('archive.query')}</label>{' '}
          <input id="archive-q" type="search" name="q" value={query.q ?? ''} maxlength={200} />
        </p>
        <p>
          <label for="archive-municipality">{t('archive.municipality')}</label>{' '}
          <select id="archive-municipality" name="municipality">
            <option value="">{t('archive.any')}</option>
            {props.facets.municipalities.map((m) => (
              <option value={m.slug} selected={m.slug === query.municipality}>
                {m.name}
              </option>
            ))}
          </select>{' '}
          <label for="archive-year">{t('archive.year')}</label>{' '}
          <select id="archive-year" name="year">
            <option value="">{t('archive.any')}</option>
            {props.facets.years.map((year) => (
              <option value={String(year)} selected={year === query.year}>
                {year}
              </option>
            ))}
          </select>{' '}
          <label for="archive-kind">{t('archive.kind')}</label>{' '}
          <select id="archive-kind" name="kind">
            <option value="">{t('archive.any')}</option>
            <option value="recording" selected={query.kind === 'recording'}>
              {t('recordings.kind.recording')}
            </option>
            <option value="live" selected={query.kind === 'live'}>
              {t('recordings.kind.live')}
            </option>
          </select>{' '}
          <button type="submit">{t('archive.search')}</button>
        </p>
      </form>
      <h2 class="result-count" aria-live="polite">
        {t('archive.results', { count: props.total })}
      </h2>
      {props.items.length === 0 ? (
        <p>{t('archive.noResults')}</p>
      ) : (
        <ul class="cards archive-results">
          {props.items.map((item) => (
            <li class="card">
              <p class="meta">
                {t(`recordings.kind.${item.kind}`)}
                {item.durationSeconds ? ` · ${formatDuration(item.durationSeconds, lang)}` : ''}
                {item.chapterCount > 0
                  ? ` · ${t('archive.chapters', { count: item.chapterCount })}`
                  : ''}
              </p>
              <h3>
                <a href={`/recordings/${item.id}`}>{item.title}</a>
              </h3>
              <p>
                <a href={`/events/${item.event.slug}`}>{item.event.title}</a>
              </p>
              <p class="meta">
                <time datetime={item.event.startsAt.toISOString()}>
                  {formatDate(item.event.startsAt, item.event.timezone, lang)}
                </time>
                {item.event.hosts.length > 0
                  ? ` · ${item.event.hosts.map((host) => host.name).join(', ')}`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t('archive.pagination')} class="pagination">
          {props.page > 1 ? (
            <a rel="prev" href={pageHref(query, props.page - 1)}>
              {t('archive.previous')}
            </a>
          ) : null}{' '}
          <span>{t('archive.page', { page: props.page, pages })}</span>{' '}
          {props.page < pages ? (
            <a rel="next" href={pageHref(query, props.page + 1)}>
              {t('archive.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        <a href="/archive/feed.xml">{t('archive.feed')}</a>
      </p>
    </Layout>
  );
}
