import { asc, desc, inArray, ne } from 'drizzle-orm';
import { eventStartOf, findEventsByIds, hostIdsByEvent } from '@/events';
import { canManage, type CurrentUser } from '@/platform/auth/auth';
import { outcomes } from '@/platform/db/schema';
import type { Queryable, Tx } from '@/platform/db/types';
import { invalidFields } from '@/platform/http/errors';

/** Which outcomes an item may cite: those of events the plan's municipality hosted or the user manages. */

/**
 * Which of these outcomes may this user cite in a plan of this municipality: those of events
 * the municipality hosted, and those of events the user manages (admins: all). Returns the
 * indexes of the ones that may not be cited (or do not exist).
 */
export async function uncitable(
  db: Queryable,
  user: CurrentUser,
  municipalityId: number,
  outcomeIds: number[],
): Promise<number[]> {
  if (outcomeIds.length === 0) return [];
  const rows = await db
    .select({ outcomeId: outcomes.id, eventId: outcomes.eventId })
    .from(outcomes)
    .where(inArray(outcomes.id, outcomeIds));
  const hostsByEvent = await hostIdsByEvent(
    db,
    rows.map((row) => row.eventId),
  );
  const hosts = new Map(rows.map((row) => [row.outcomeId, hostsByEvent.get(row.eventId) ?? []]));
  return outcomeIds.flatMap((id, index) => {
    const of = hosts.get(id) ?? [];
    const ok = of.length > 0 && (of.includes(municipalityId) || canManage(user, of));
    return ok ? [] : [index];
  });
}

/** Outcomes this user may cite in a plan of this municipality (for the admin form). */
export async function listCitableOutcomes(
  db: Queryable,
  user: CurrentUser,
  municipalityId: number,
) {
  const rows = await db
    .select({
      id: outcomes.id,
      kind: outcomes.kind,
      title: outcomes.title,
      eventId: outcomes.eventId,
    })
    .from(outcomes)
    .where(ne(outcomes.kind, 'minutes'))
    .orderBy(desc(eventStartOf(outcomes.eventId)), asc(outcomes.id));
  const eventIds = rows.map((row) => row.eventId);
  const [events, hosts] = await Promise.all([
    findEventsByIds(db, eventIds),
    hostIdsByEvent(db, eventIds),
  ]);
  return rows.flatMap(({ eventId, ...row }) => {
    const event = events.get(eventId);
    const ok = (hosts.get(eventId) ?? []).some(
      (hostId) => hostId === municipalityId || canManage(user, [hostId]),
    );
    return event && ok ? [{ ...row, eventTitle: event.title, startsAt: event.startsAt }] : [];
  });
}

/** 422 naming each outcome id (by its index) that may not be cited; already cited ones stay citable. */
export async function assertCitable(
  tx: Tx,
  user: CurrentUser,
  municipalityId: number,
  outcomeIds: number[],
  pathPrefix = '',
  alreadyCited: number[] = [],
) {
  const bad = (await uncitable(tx, user, municipalityId, outcomeIds)).filter(
    (index) => !alreadyCited.includes(outcomeIds[index] as number),
  );
  if (bad.length > 0) {
    throw invalidFields(
      bad.map((index) => ({
        path: `${pathPrefix}sourceOutcomeIds.${index}`,
        message:
          'You may not cite this outcome in this plan (unknown, or another municipality’s event)',
        localized: { key: 'plans.error.notCitable' },
      })),
    );
  }
}
