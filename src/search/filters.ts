/**
 * The filters of the search pages (/search, and /archive, its view of the recordings): one
 * query-string schema and one way to write them back into a link. Pure: no I/O.
 */
import { z } from 'zod';

export type FilterQuery<K extends string = string> = {
  q?: string | undefined;
  municipality?: string | undefined;
  year?: number | undefined;
  kind?: K | undefined;
  page?: number | undefined;
};

/** The filters from the query string; a value that does not fit is ignored, never an error page. */
export function filterQuerySchema<const K extends readonly [string, ...string[]]>(
  kinds: K,
  maxPage = 500,
) {
  return z.object({
    q: z.string().max(200).optional().catch(undefined),
    municipality: z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/)
      .optional()
      .catch(undefined),
    year: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
    kind: z.enum(kinds).optional().catch(undefined),
    // A page past the last one reads as the last one allowed (the page then says where the results end).
    page: z.coerce
      .number()
      .int()
      .min(1)
      .transform((page) => Math.min(page, maxPage))
      .optional()
      .catch(undefined),
  });
}

/** Reads the filters (blank values are no filter, the words trimmed). */
export function readFilters<S extends ReturnType<typeof filterQuerySchema>>(
  schema: S,
  raw: Record<string, string>,
): z.output<S> {
  return schema.parse({
    q: raw.q?.trim() || undefined,
    municipality: raw.municipality || undefined,
    year: raw.year || undefined,
    kind: raw.kind || undefined,
    page: raw.page || undefined,
  });
}

/** The link to a page of results with these filters. */
export function filtersHref(path: string, query: FilterQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.municipality) params.set('municipality', query.municipality);
  if (query.year) params.set('year', String(query.year));
  if (query.kind) params.set('kind', query.kind);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
