/** What a participant does with their manage link: look, cancel, switch between in person and online. */
import { eq } from 'drizzle-orm';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { HttpError } from '@/platform/http/errors';
import { findEvent } from '@/events';
import {
  inPersonCounts,
  registrationByToken,
  waitlistPosition,
  type RegistrationEvent,
  type RegistrationRow,
} from './queries';
import { registrationWindow, seatOutcome, windowError, type Attendance } from './rules';
import { mailContext, type RegistrationDeps, type MailContext } from './mail';
import { fillFreedSeats, lockRegistration, cancelLocked } from './seats';

export type ManagedRegistration = {
  registration: RegistrationRow;
  event: RegistrationEvent;
  waitlistPosition: number | null;
};

export async function loadManaged(
  db: Queryable,
  token: string,
): Promise<ManagedRegistration | null> {
  const registration = await registrationByToken(db, token);
  if (!registration) return null;
  const event = await findEvent(db, { id: registration.eventId });
  if (!event) return null;
  return { registration, event, waitlistPosition: await waitlistPosition(db, registration) };
}

/** The participant cancels with their manage token; the earliest waitlisted person moves up. */
export async function cancelByToken(
  deps: RegistrationDeps,
  token: string,
): Promise<{ promoted: number[] }> {
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  return deps.db.transaction(async (tx) => {
    const found = await registrationByToken(tx, token);
    if (!found) throw new HttpError('not_found', 'No such registration');
    const locked = await lockRegistration(tx, found.id);
    if (!locked) throw new HttpError('not_found', 'No such registration');
    if (locked.registration.status === 'cancelled') {
      throw new HttpError('registration_cancelled', 'The registration is already cancelled');
    }
    return { promoted: await cancelLocked(tx, locked, ctx) };
  });
}

/** The participant switches between in person and online. */
export async function switchAttendance(
  deps: RegistrationDeps,
  token: string,
  attendance: Attendance,
): Promise<void> {
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  await deps.db.transaction(async (tx) => {
    const found = await registrationByToken(tx, token);
    if (!found) throw new HttpError('not_found', 'No such registration');
    const locked = await lockRegistration(tx, found.id);
    if (!locked) throw new HttpError('not_found', 'No such registration');
    const { registration, event } = locked;
    if (registration.status === 'cancelled') {
      throw new HttpError('registration_cancelled', 'The registration is cancelled');
    }
    if (registration.attendance === attendance) return;
    const state = registrationWindow(event, now);
    if (state !== 'open') {
      const error = windowError(state);
      throw new HttpError(error.code, error.message);
    }
    const counts = await inPersonCounts(tx, event.id);
    const seat = seatOutcome({
      attendance,
      capacity: event.capacity,
      waitlist: event.waitlist,
      confirmedInPerson: counts.confirmed,
    });
    if (seat === 'refused') {
      throw new HttpError('event_full', 'In-person seats are full and there is no waitlist');
    }
    await tx
      .update(registrations)
      .set({ attendance, status: seat, updatedAt: now })
      .where(eq(registrations.id, registration.id));
    if (registration.attendance === 'in_person' && registration.status === 'confirmed') {
      await fillFreedSeats(tx, event, ctx);
    }
  });
}
