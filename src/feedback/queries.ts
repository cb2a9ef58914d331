import { and, asc, count, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { eventIdsWhere, findEvent } from '@/events';
import { feedbackRequests, registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { hashToken } from '@/platform/tokens';
import type { FeedbackAnswer, FeedbackInput } from './rules';

/** The feedback request of a link, with its event; null when unknown. */
export async function requestByToken(db: Queryable, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({
      id: feedbackRequests.id,
      eventId: feedbackRequests.eventId,
      expiresAt: feedbackRequests.expiresAt,
      rating: feedbackRequests.rating,
      good: feedbackRequests.good,
      improve: feedbackRequests.improve,
      comeAgain: feedbackRequests.comeAgain,
      answeredAt: feedbackRequests.answeredAt,
    })
    .from(feedbackRequests)
    .where(eq(feedbackRequests.tokenHash, await hashToken(token)));
  if (!row) return null;
  const event = await findEvent(db, { id: row.eventId });
  return event ? { ...row, event } : null;
}

/** Stores (or replaces) the answer of a request whose link still works; false when it does not. */
export async function saveAnswer(
  db: Queryable,
  requestId: number,
  input: FeedbackInput,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(feedbackRequests)
    .set({
      rating: input.rating,
      good: input.good ?? null,
      improve: input.improve ?? null,
      comeAgain: input.comeAgain ?? null,
      answeredAt: now,
    })
    .where(and(eq(feedbackRequests.id, requestId), gt(feedbackRequests.expiresAt, now)))
    .returning({ id: feedbackRequests.id });
  return rows.length > 0;
}

/** An event's answers for its organizers: no registration, name or address, earliest first. */
export async function eventAnswers(db: Queryable, eventId: number): Promise<FeedbackAnswer[]> {
  const rows = await db
    .select({
      rating: feedbackRequests.rating,
      good: feedbackRequests.good,
      improve: feedbackRequests.improve,
      comeAgain: feedbackRequests.comeAgain,
    })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.eventId, eventId), isNotNull(feedbackRequests.rating)))
    .orderBy(asc(feedbackRequests.answeredAt), asc(feedbackRequests.id));
  return rows.map((row) => ({ ...row, rating: row.rating ?? 0 }));
}

/** How many people were asked. */
export async function requestsSent(db: Queryable, eventId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(feedbackRequests)
    .where(eq(feedbackRequests.eventId, eventId));
  return row?.n ?? 0;
}

/** The registrations an event's feedback may go to (with an address). */
export async function feedbackCandidates(db: Queryable, eventId: number) {
  return db
    .select({
      id: registrations.id,
      email: registrations.email,
      lang: registrations.lang,
      status: registrations.status,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.email)));
}

/** Published events that ended between the two instants with anyone registered: whose feedback may be due. */
export async function eventIdsEnded(db: Queryable, before: Date, after: Date): Promise<number[]> {
  const rows = await db
    .selectDistinct({ eventId: registrations.eventId })
    .from(registrations)
    .where(
      inArray(
        registrations.eventId,
        eventIdsWhere({ status: 'published', endedBefore: before, endedAfter: after }),
      ),
    );
  return rows.map((row) => row.eventId);
}

/**
 * Cuts the link between answers and registrations whose personal data the purge removed: the
 * answer stays (the organizers' summary and the published aggregate keep counting it) and is
 * linked to nobody. Idempotent; returns how many were cut.
 */
export async function unlinkPurgedFeedback(db: Queryable): Promise<number> {
  const rows = await db
    .update(feedbackRequests)
    .set({ registrationId: null })
    .where(
      inArray(
        feedbackRequests.registrationId,
        db
          .select({ id: registrations.id })
          .from(registrations)
          .where(isNotNull(registrations.anonymizedAt)),
      ),
    )
    .returning({ id: feedbackRequests.id });
  return rows.length;
}
