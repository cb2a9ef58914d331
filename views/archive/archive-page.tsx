import type { ArchiveQuery } from '@/archive/routes';
import { filtersHref, SearchFilters } from '@/search';
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
  return filtersHref('/archive', query, page);
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
      <SearchFilters
        action="/archive"
        id="archive"
        query={query}
        facets={props.facets}
        kinds={[
          { value: 'recording', label: t('recordings.kind.recording') },
          { value: 'live', label: t('recordings.kind.live') },
        ]}
        labels={{
          query: t('archive.query'),
          municipality: t('archive.municipality'),
          year: t('archive.year'),
          kind: t('archive.kind'),
          any: t('archive.any'),
          submit: t('archive.search'),
        }}
      />
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
