import type { Child } from 'hono/jsx';
import type { HostRef } from '@/events';
import type { SearchKind } from '@/search/query';
import { SEARCH_KINDS } from '@/search/query';
import type { SearchAnswer, SearchResult } from '@/search/queries';
import { CAPTION_CAP } from '@/search/limits';
import type { SearchQuery } from '@/search/routes';
import { filtersHref } from '@/search/filters';
import { SearchFilters } from './search-filters';
import { formatDate, formatOffset } from '@/platform/time';
import { Layout, type PageContext } from '@views/shell/layout';

export type SearchPageProps = PageContext & {
  query: SearchQuery;
  page: number;
  pageSize: number;
  answer: SearchAnswer;
  facets: { municipalities: HostRef[]; years: number[] };
};

function pageHref(query: SearchQuery, page: number): string {
  return filtersHref('/search', query, page);
}

/** Results in groups of their kind, the group of the best result first. */
function grouped(results: SearchResult[]): [SearchKind, SearchResult[]][] {
  const groups = new Map<SearchKind, SearchResult[]>();
  for (const result of results) {
    const list = groups.get(result.kind) ?? [];
    list.push(result);
    groups.set(result.kind, list);
  }
  return [...groups];
}

/** A text's `lang` when it is not the page's (search rows keep the language they are written in). */
function langIf(text: string | null, page: string): string | undefined {
  return text && text !== page ? text : undefined;
}

/** What, where and when of a result, each part present only when known. */
function metaParts(props: PageContext & { result: SearchResult }): Child[] {
  const { t, lang, result } = props;
  const parts: Child[] = [];
  if (result.kind === 'caption' && result.offsetSeconds !== null)
    parts.push(<>{t('search.saidAt', { time: formatOffset(result.offsetSeconds) })}</>);
  if (result.context)
    parts.push(<span lang={langIf(result.contextLang, lang)}>{result.context}</span>);
  if (result.date)
    parts.push(
      <time datetime={result.date.toISOString()}>
        {formatDate(result.date, result.timezone ?? 'Europe/Tallinn', lang)}
      </time>,
    );
  if (result.municipalities.length > 0)
    parts.push(<>{result.municipalities.map((m) => m.name).join(', ')}</>);
  return parts;
}

function joined(parts: Child[]): Child[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [<>{' · '}</>, part]));
}

function Result(props: PageContext & { result: SearchResult }) {
  const { result, lang } = props;
  return (
    <li class="card search-result">
      <h4>
        <a href={result.url} lang={langIf(result.titleLang, lang)}>
          {result.title}
        </a>
      </h4>
      <p class="meta">{joined(metaParts(props))}</p>
      {result.snippet.length > 0 ? (
        <p class="snippet" lang={langIf(result.snippetLang, lang)}>
          {result.snippet.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}
        </p>
      ) : null}
    </li>
  );
}

/** /search: one search over events, outcomes, plans, recordings and what was said in them. */
export function SearchPage(props: SearchPageProps) {
  const { t, lang, query, answer } = props;
  const pages = Math.max(1, Math.ceil(answer.total / props.pageSize));
  const understood = [
    // The words as typed: the stems matched with ("participato") mean nothing to a reader.
    answer.words.length > 0 ? t('search.quoted', { words: answer.words.join(' ') }) : null,
    answer.municipality?.name ?? null,
    answer.year !== null ? String(answer.year) : null,
  ].filter((part): part is string => part !== null);
  const asked = Boolean(query.q || query.municipality || query.year);
  return (
    <Layout
      {...props}
      title={
        understood.length > 0
          ? t('search.titleFor', { what: understood.join(', ') })
          : t('search.title')
      }
      description={t('search.intro')}
      canonicalPath="/search"
    >
      <h1>{t('search.title')}</h1>
      <p>{t('search.intro')}</p>
      <SearchFilters
        action="/search"
        id="search"
        query={query}
        facets={props.facets}
        kinds={SEARCH_KINDS.map((kind) => ({ value: kind, label: t(`search.kind.${kind}`) }))}
        labels={{
          query: t('search.query'),
          municipality: t('search.municipality'),
          year: t('search.year'),
          kind: t('search.kind'),
          any: t('search.any'),
          submit: t('search.submit'),
        }}
        hint={t('search.hint')}
        autofocus={!asked}
      />
      {asked ? (
        <>
          <h2 class="result-count" aria-live="polite">
            {answer.totalIsLowerBound
              ? t('search.resultsMore', { count: answer.total })
              : t('search.results', { count: answer.total })}
          </h2>
          {answer.totalIsLowerBound ? (
            <p class="meta">{t('search.capped', { cap: CAPTION_CAP })}</p>
          ) : null}
          {understood.length > 0 && (answer.municipality || answer.year !== null) ? (
            <p class="meta">{t('search.understood', { what: understood.join(', ') })}</p>
          ) : null}
          {answer.results.length === 0 && answer.total > 0 ? (
            <p class="past-end">
              {t('search.pastEnd', { pages })}{' '}
              <a href={pageHref(query, pages)}>{t('search.lastPage')}</a>
            </p>
          ) : null}
          {answer.results.length === 0 && answer.total === 0 ? (
            <p>{t('search.noResults')}</p>
          ) : null}
          {answer.total === 0 && answer.words.length > 0 && lang !== 'et' ? (
            <p class="try-estonian">{t('search.tryEstonian')}</p>
          ) : null}
          {grouped(answer.results).map(([kind, results]) => (
            <section aria-labelledby={`results-${kind}`}>
              <h3 id={`results-${kind}`}>{t(`search.kind.${kind}`)}</h3>
              <ul class="cards search-results">
                {results.map((result) => (
                  <Result {...props} result={result} />
                ))}
              </ul>
            </section>
          ))}
          {pages > 1 && answer.results.length > 0 ? (
            <nav aria-label={t('search.pagination')} class="pagination">
              {props.page > 1 ? (
                <a rel="prev" href={pageHref(query, props.page - 1)}>
                  {t('search.previous')}
                </a>
              ) : null}{' '}
              <span>{t('search.page', { page: props.page, pages })}</span>{' '}
              {props.page < pages ? (
                <a rel="next" href={pageHref(query, props.page + 1)}>
                  {t('search.next')}
                </a>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </Layout>
  );
}
