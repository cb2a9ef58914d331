/** Seats after a change: the waitlist moves up when seats free, people hear of a changed event; the registration lock shared by participant and organizer actions. */
import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { findEvent, lockEvent } from '@/events';
import {
  inPersonCounts,
  mailRecipientColumns,
  registrationById,
  type RegistrationEvent,
  type RegistrationRow,
} from './queries';
import { seatsToFill } from './rules';
import { type MailContext, mailParticipant } from './mail';

/**
 * Confirms the earliest waitlisted in-person registrations while seats are free, mailing each.
 * Call it inside a transaction that holds the event row lock. Returns the promoted ids.
 */
export async function fillFreedSeats(
  tx: Queryable,
  event: RegistrationEvent,
  ctx: MailContext,
): Promise<number[]> {
  if (event.status !== 'published') return [];
  const counts = await inPersonCounts(tx, event.id);
  const free = seatsToFill(event.capacity, counts.confirmed);
  if (free <= 0 || counts.waitlisted === 0) return [];
  const candidates = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, event.id),
        eq(registrations.status, 'waitlisted'),
        eq(registrations.attendance, 'in_person'),
      ),
    )
    .orderBy(asc(registrations.createdAt), asc(registrations.id))
    .limit(Number.isFinite(free) ? free : counts.waitlisted);
  const ids = candidates.map((row) => row.id);
  if (ids.length === 0) return [];
  const promoted = await tx
    .update(registrations)
    .set({ status: 'confirmed', updatedAt: ctx.now })
    .where(inArray(registrations.id, ids))
    .returning({
      email: registrations.email,
      name: registrations.name,
      lang: registrations.lang,
      attendance: registrations.attendance,
    });
  for (const person of promoted) await mailParticipant(tx, 'promoted', person, event, ctx);
  return ids;
}

/**
 * For the events code, inside its transaction after it changed the capacity or the waitlist
 * setting: promotes waitlisted people into any seats that are now free and mails them.
 */
export async function fillSeatsAfterEventChange(
  tx: Queryable,
  eventId: number,
  ctx: MailContext,
): Promise<number[]> {
  const event = await lockEvent(tx, { id: eventId });
  return event ? fillFreedSeats(tx, event, ctx) : [];
}

/**
 * For the events code, inside the transaction that changes an event: tells everyone still
 * registered (confirmed or waitlisted) that its time or place changed, or that it is
 * cancelled, each in their language and with the updated calendar file. Call it after the
 * update so the email shows the new details. Returns how many emails were written.
 */
export async function notifyEventChanged(
  tx: Queryable,
  eventId: number,
  kind: 'changed' | 'cancelled',
  ctx: MailContext,
): Promise<number> {
  const event = await findEvent(tx, { id: eventId });
  if (!event) return 0;
  const people = await tx
    .select(mailRecipientColumns)
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        ne(registrations.status, 'cancelled'),
        isNotNull(registrations.email),
      ),
    );
  let written = 0;
  for (const person of people) {
    const sent = await mailParticipant(tx, kind, person, event, ctx, {
      dedupeKey: `registration.${kind}:${person.id}:${event.sequence}`,
    });
    if (sent) written++;
  }
  return written;
}

export type Locked = { registration: RegistrationRow; event: RegistrationEvent };

/** Locks the registration's event, then re-reads the registration under that lock. */
export async function lockRegistration(
  tx: Queryable,
  registrationId: number,
): Promise<Locked | null> {
  const first = await registrationById(tx, registrationId);
  if (!first) return null;
  const event = await lockEvent(tx, { id: first.eventId });
  const registration = await registrationById(tx, registrationId);
  if (!event || !registration) return null;
  return { registration, event };
}

export async function cancelLocked(
  tx: Queryable,
  { registration, event }: Locked,
  ctx: MailContext,
): Promise<number[]> {
  if (registration.status === 'cancelled') return [];
  await tx
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: ctx.now, updatedAt: ctx.now })
    .where(eq(registrations.id, registration.id));
  await mailParticipant(tx, 'cancelledByYou', registration, event, ctx);
  if (registration.status === 'confirmed' && registration.attendance === 'in_person') {
    return fillFreedSeats(tx, event, ctx);
  }
  return [];
}
