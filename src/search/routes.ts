import { Hono } from 'hono';
import { SearchPage } from '@views/search/search-page';
import type { AppEnv } from '@/platform/deps';
import { pageContext } from '@/platform/http/page';
import { searchFacets } from './facets';
import { filterQuerySchema, readFilters, type FilterQuery } from './filters';
import { SEARCH_KINDS, type SearchKind } from './query';
import { searchEverything } from './queries';

export const SEARCH_PAGE_SIZE = 20;

const pageQuery = filterQuerySchema(SEARCH_KINDS);

export type SearchQuery = FilterQuery<SearchKind>;

export function searchRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/search', async (c) => {
    const { db } = c.get('deps');
    const query = readFilters(pageQuery, c.req.query());
    const page = query.page ?? 1;
    // Kept per public revision (one primary-key read), and used by the search to read the query.
    const facets = await searchFacets(db);
    const filter = {
      q: query.q,
      municipality: query.municipality,
      year: query.year,
      kind: query.kind,
    };
    let answer = await searchEverything(
      db,
      { ...filter, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE },
      facets,
    );
    if (page > 1 && answer.results.length === 0) {
      // A page past the end (an old link, a changed query): the total tells where the results end.
      const first = await searchEverything(db, { ...filter, limit: 1, offset: 0 }, facets);
      answer = { ...answer, total: first.total };
    }
    return c.html(
      SearchPage({
        ...pageContext(c),
        query,
        page,
        pageSize: SEARCH_PAGE_SIZE,
        answer,
        facets,
      }),
    );
  });

  return routes;
}
