import { Hono } from 'hono';
import { z } from 'zod';
import { SearchPage } from '@views/search/search-page';
import { eventIdsWhere, listEventYears, listMunicipalities } from '@/events';
import type { AppEnv } from '@/platform/deps';
import { pageContext } from '@/platform/http/page';
import { SEARCH_KINDS } from './query';
import { searchEverything } from './queries';

export const SEARCH_PAGE_SIZE = 20;

/** Filters from the query string; a value that does not fit is ignored, never an error page. */
const pageQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  municipality: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).optional().catch(undefined),
});

export type SearchQuery = z.output<typeof pageQuery>;

export function searchRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/search', async (c) => {
    const { db } = c.get('deps');
    const raw = c.req.query();
    const query = pageQuery.parse({
      q: raw.q?.trim() || undefined,
      municipality: raw.municipality || undefined,
      year: raw.year || undefined,
      kind: raw.kind || undefined,
      page: raw.page || undefined,
    });
    const page = query.page ?? 1;
    const [answer, places, years] = await Promise.all([
      searchEverything(db, {
        q: query.q,
        municipality: query.municipality,
        year: query.year,
        kind: query.kind,
        limit: SEARCH_PAGE_SIZE,
        offset: (page - 1) * SEARCH_PAGE_SIZE,
      }),
      listMunicipalities(db),
      listEventYears(db, eventIdsWhere({ public: true })),
    ]);
    return c.html(
      SearchPage({
        ...pageContext(c),
        query,
        page,
        pageSize: SEARCH_PAGE_SIZE,
        answer,
        facets: { municipalities: places, years },
      }),
    );
  });

  return routes;
}
