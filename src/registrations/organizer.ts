/** What an organizer does with one registration: cancel it, confirm a waitlisted person, check in. */
import { eq } from 'drizzle-orm';
import type { CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { HttpError } from '@/platform/http/errors';
import { inPersonCounts, registrationById } from './queries';
import { seatsToFill } from './rules';
import { type RegistrationDeps, type MailContext, mailContext, mailParticipant } from './mail';
import { type Locked, lockRegistration, cancelLocked } from './seats';

/** An organizer's view of one registration of an event they manage. */
async function organizerLock(
  tx: Queryable,
  eventId: number,
  registrationId: number,
): Promise<Locked> {
  const locked = await lockRegistration(tx, registrationId);
  if (!locked || locked.event.id !== eventId) {
    throw new HttpError('not_found', 'No such registration');
  }
  return locked;
}

export async function organizerCancel(
  deps: RegistrationDeps,
  user: CurrentUser,
  eventId: number,
  registrationId: number,
): Promise<void> {
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  await deps.db.transaction(async (tx) => {
    const locked = await organizerLock(tx, eventId, registrationId);
    if (locked.registration.status === 'cancelled') return;
    const promoted = await cancelLocked(tx, locked, ctx);
    await recordAudit(
      tx,
      user,
      {
        action: 'registration.cancel',
        entity: 'registration',
        entityId: registrationId,
        before: { status: locked.registration.status },
        after: { status: 'cancelled', promoted },
      },
      now,
    );
  });
}

/** Confirms a waitlisted person by hand; only while a seat is free (capacity is never exceeded). */
export async function organizerPromote(
  deps: RegistrationDeps,
  user: CurrentUser,
  eventId: number,
  registrationId: number,
): Promise<void> {
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  await deps.db.transaction(async (tx) => {
    const { registration, event } = await organizerLock(tx, eventId, registrationId);
    if (registration.status !== 'waitlisted') {
      throw new HttpError('not_waitlisted', 'Only a waitlisted registration can be confirmed');
    }
    const counts = await inPersonCounts(tx, event.id);
    if (seatsToFill(event.capacity, counts.confirmed) <= 0) {
      throw new HttpError('event_full', 'No seat is free; raise the capacity first', [], {
        key: 'registration.admin.error.noSeat',
      });
    }
    await tx
      .update(registrations)
      .set({ status: 'confirmed', updatedAt: now })
      .where(eq(registrations.id, registration.id));
    await mailParticipant(tx, 'promoted', registration, event, ctx);
    await recordAudit(
      tx,
      user,
      {
        action: 'registration.promote',
        entity: 'registration',
        entityId: registrationId,
        before: { status: 'waitlisted' },
        after: { status: 'confirmed' },
      },
      now,
    );
  });
}

export async function setCheckedIn(
  deps: RegistrationDeps,
  user: CurrentUser,
  eventId: number,
  registrationId: number,
  arrived: boolean,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const registration = await registrationById(tx, registrationId);
    if (!registration || registration.eventId !== eventId) {
      throw new HttpError('not_found', 'No such registration');
    }
    if (registration.status !== 'confirmed') {
      throw new HttpError('not_confirmed', 'Only confirmed registrations can be checked in');
    }
    if (Boolean(registration.checkedInAt) === arrived) return;
    await tx
      .update(registrations)
      .set({ checkedInAt: arrived ? now : null, updatedAt: now })
      .where(eq(registrations.id, registrationId));
    await recordAudit(
      tx,
      user,
      {
        action: arrived ? 'registration.check_in' : 'registration.undo_check_in',
        entity: 'registration',
        entityId: registrationId,
      },
      now,
    );
  });
}
