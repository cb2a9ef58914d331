import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter } from '@/platform/http/api-router';
import {
  errorResponses,
  jsonContent,
  publicSecurity,
  readErrorResponses,
} from '@/platform/http/openapi';
import { toZonedIso } from '@/platform/time';
import { SEARCH_KINDS } from './query';
import { CAPTION_CAP } from './limits';
import { searchEverything } from './queries';

const searchQuery = z.object({
  q: z.string().max(200).optional().openapi({
    description:
      'Words, each matched as the start of a word, regardless of case and diacritics; a municipality and a year named in it ("Keila 2014") filter by them',
  }),
  municipality: z.string().max(100).optional().openapi({ description: 'Municipality slug' }),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  kind: z.enum(SEARCH_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Default 20' }),
  offset: z.coerce.number().int().min(0).max(10_000).optional(),
});

const resultOutput = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.number().int().openapi({ description: "The id in its own kind (a caption cue's id)" }),
    title: z.string(),
    snippet: z.string().openapi({ description: 'Plain text around the first match' }),
    url: z.string().openapi({ description: "The page; a caption's ends with ?t=SECONDS" }),
    context: z.string().nullable().openapi({ description: "The event's or plan's title" }),
    date: z.string().nullable(),
    municipalities: z.array(z.object({ slug: z.string(), name: z.string() })),
    offsetSeconds: z.number().int().nullable(),
    language: z.string().nullable().openapi({
      description: "A caption's language; a recording's spoken language; else null",
    }),
    titleLang: z.string().nullable().openapi({
      description:
        "The language title is written in (a caption's title is its recording's); null when not known",
    }),
    snippetLang: z.string().nullable().openapi({
      description:
        'The language snippet is written in: the original, a quoted caption or a translation',
    }),
    contextLang: z.string().nullable().openapi({
      description: 'The language context is written in; null without a context',
    }),
  })
  .openapi('SearchResult');

/** GET /api/v1/search: the one search, as JSON. */
export function searchApi() {
  const api = createApiRouter();
  api.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      operationId: 'search',
      tags: ['Search'],
      summary: 'Search events, outcomes, plan items and reports, recordings and captions',
      security: publicSecurity,
      request: { query: searchQuery },
      responses: {
        200: jsonContent(
          z.object({
            results: z.array(resultOutput),
            total: z.number().int().openapi({
              description:
                'How many matched; with totalIsLowerBound, how many were counted and ranked of more',
            }),
            totalIsLowerBound: z.boolean().openapi({
              description: `More than ${CAPTION_CAP} caption lines matched: counting stopped there and only the newest ${CAPTION_CAP} of them are ranked (every match of the other kinds is), so there are more than total matches. Add words, a municipality or a year to see them all`,
            }),
            understood: z.object({
              municipality: z.string().nullable(),
              year: z.number().int().nullable(),
            }),
          }),
          'Best first (ts_rank, then newest); total counts the matches, see totalIsLowerBound',
        ),
        ...readErrorResponses,
        ...errorResponses(422),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { db, config } = c.get('deps');
      const answer = await searchEverything(db, {
        q: query.q,
        municipality: query.municipality,
        year: query.year,
        kind: query.kind,
        limit: query.limit ?? 20,
        offset: query.offset ?? 0,
      });
      return c.json(
        {
          results: answer.results.map((result) => ({
            kind: result.kind,
            id: result.id,
            title: result.title,
            snippet: result.snippet.map((part) => part.text).join(''),
            url: result.url.startsWith('/') ? `${config.publicUrl}${result.url}` : result.url,
            context: result.context,
            date:
              result.date && result.timezone
                ? toZonedIso(result.date, result.timezone)
                : (result.date?.toISOString().slice(0, 10) ?? null),
            municipalities: result.municipalities,
            offsetSeconds: result.offsetSeconds,
            language: result.language,
            titleLang: result.titleLang,
            snippetLang: result.snippetLang,
            contextLang: result.contextLang,
          })),
          total: answer.total,
          totalIsLowerBound: answer.totalIsLowerBound,
          understood: { municipality: answer.municipality?.slug ?? null, year: answer.year },
        },
        200,
      );
    },
  );
  return api;
}
