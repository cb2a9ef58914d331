/**
 * What the public page cache (src/platform/http/page-cache.ts) may keep, and how it knows an
 * answer is still exact: the paths whose anonymous answers show only public rows, the revision
 * every public table raises (drizzle/0011, 0014) and the instants at which the clock changes a
 * public answer. A new public page, feed or table: docs/performance.md, "Public answers from
 * memory".
 */
import { CANCELLED_WINDOW_DAYS, PAST_WINDOW_DAYS } from '@/calendar';
import { nextEventClockInstant } from '@/events';
import { sql } from 'drizzle-orm';
import type { Db } from '@/platform/db/types';
import type { PublicFreshness } from '@/platform/http/page-cache';
import { sqlRows } from '@/platform/db/rows';

const SEGMENT = '[^/]+';
/** Anonymous GETs on these paths show public rows only (API reads are kept when CORS says `*`). */
const PUBLIC_ANSWER_PATHS = new RegExp(
  `^(?:${[
    '/',
    '/privacy',
    '/events',
    `/events/${SEGMENT}`,
    `/events/${SEGMENT}/calendar\\.ics`,
    '/calendar\\.ics',
    '/municipalities',
    `/municipalities/${SEGMENT}`,
    `/municipalities/${SEGMENT}/calendar\\.ics`,
    '/plans',
    `/plans/${SEGMENT}`,
    `/plans/${SEGMENT}/(?:feed\\.xml|calendar\\.ics|items\\.csv)`,
    `/recordings/${SEGMENT}`,
    `/recordings/${SEGMENT}/chapters\\.vtt`,
    '/archive/feed\\.xml',
    '/embed/events',
    `/embed/(?:events|plans|recordings)/${SEGMENT}`,
    '/api/v1/.+',
  ].join('|')})$`,
);

export function isPublicAnswerPath(path: string): boolean {
  return PUBLIC_ANSWER_PATHS.test(path);
}

/**
 * The revision read that every answer from memory costs: the sum of the same two rows as
 * `publicAnswersRevision`, as one statement built once (drizzle's query builder took a fifth of
 * a feed 304's CPU; issue 22).
 */
const REVISION_READ = sql`select coalesce(sum(revision), 0)::float8 as revision from public_revision`;

async function readRevision(db: Db): Promise<number> {
  const rows = await sqlRows<{ revision: number | string }>(db, REVISION_READ);
  return Number(rows[0]?.revision ?? 0);
}

export const publicFreshness: PublicFreshness = {
  revision: readRevision,
  validUntil: (db, now) =>
    nextEventClockInstant(db, new Date(now), [CANCELLED_WINDOW_DAYS, PAST_WINDOW_DAYS]),
};
