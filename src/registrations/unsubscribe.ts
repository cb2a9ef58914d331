import { and, eq, isNull } from 'drizzle-orm';
import { events, messageUnsubscribeTokens, registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { hashToken } from '@/platform/tokens';

/**
 * One-click unsubscribe from organizers' messages (the List-Unsubscribe link of each one, see
 * participant-messages.ts): the token names one registration, and stopping changes only that
 * registration's preference. Emails about the registration itself still go out.
 */

export type UnsubscribeTarget = {
  registrationId: number;
  /** The person's language: the page answers in it. */
  lang: string;
  eventTitle: string;
  stopped: boolean;
};

/** The registration a link's token stops messages for, or null for a token that is no link. */
export async function findUnsubscribe(
  db: Queryable,
  token: string,
): Promise<UnsubscribeTarget | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({
      registrationId: registrations.id,
      lang: registrations.lang,
      stoppedAt: registrations.messagesStoppedAt,
      eventTitle: events.title,
    })
    .from(messageUnsubscribeTokens)
    .innerJoin(registrations, eq(registrations.id, messageUnsubscribeTokens.registrationId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(messageUnsubscribeTokens.tokenHash, await hashToken(token)));
  if (!row) return null;
  const { stoppedAt, ...target } = row;
  return { ...target, stopped: stoppedAt !== null };
}

/** Stops organizers' messages for the token's registration (again: no change); null for no link. */
export async function stopMessages(
  db: Queryable,
  token: string,
  now: Date,
): Promise<UnsubscribeTarget | null> {
  const target = await findUnsubscribe(db, token);
  if (!target) return null;
  if (!target.stopped) {
    await db
      .update(registrations)
      .set({ messagesStoppedAt: now, updatedAt: now })
      .where(
        and(eq(registrations.id, target.registrationId), isNull(registrations.messagesStoppedAt)),
      );
  }
  return { ...target, stopped: true };
}
