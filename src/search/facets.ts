/**
 * The lists the search form offers (municipalities, years of public events), kept in memory per
 * public revision (issue 19). Both change only when a row of `municipalities` or `events`
 * changes, and every such write raises `public_revision` row 1 (drizzle/0011, 0016), whoever
 * writes; neither depends on the clock. So one primary-key read per request tells whether the
 * lists kept are still exact, instead of reading every public event's year on each page view.
 */
import { eventIdsWhere, listEventYears, listMunicipalities, publicRevision } from '@/events';
import type { Queryable } from '@/platform/db/types';

export type SearchFacets = {
  municipalities: Awaited<ReturnType<typeof listMunicipalities>>;
  years: number[];
};

type Kept = { revision: number; facets: Promise<SearchFacets> };
const kept = new WeakMap<object, Kept>();

async function readFacets(db: Queryable): Promise<SearchFacets> {
  const [municipalities, years] = await Promise.all([
    listMunicipalities(db),
    listEventYears(db, eventIdsWhere({ public: true })),
  ]);
  return { municipalities, years };
}

/** The municipalities (by name) and the years of public events (newest first), as the rows hold. */
export async function searchFacets(db: Queryable): Promise<SearchFacets> {
  // Read before the rows: a change committed in between makes the next request read them again.
  const revision = await publicRevision(db);
  const known = kept.get(db);
  if (known && known.revision === revision) return known.facets;
  const facets = readFacets(db);
  // A slower request that read an older revision does not replace a newer one's lists.
  if (!known || known.revision < revision) kept.set(db, { revision, facets });
  // A failed read is not kept: the next request tries again.
  facets.catch(() => {
    if (kept.get(db)?.facets === facets) kept.delete(db);
  });
  return facets;
}
