import { and, asc, eq, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import { events, registrations } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { HttpError } from '@/platform/http/errors';
import { isLang, type Lang } from '@/platform/i18n';
import { hashToken, newToken } from '@/platform/tokens';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { eventIcs as feedEventIcs } from '@/calendar';
import { buildEmail, hasCalendarFile, type EmailKind, type OrganizerMessage } from './emails';
import {
  eventById,
  eventBySlug,
  inPersonCounts,
  mailRecipientColumns,
  registrationById,
  registrationByToken,
  waitlistPosition,
  type RegistrationEvent,
  type RegistrationRow,
} from './queries';
import {
  purgeCutoff,
  registrationWindow,
  seatOutcome,
  seatsToFill,
  windowError,
  type Attendance,
  type RegistrationInput,
} from './rules';

/** What registration needs from the app's dependencies. */
export type RegistrationDeps = {
  db: Db;
  clock: { now(): Date };
  config: { publicUrl: string; retentionDays: number };
};

export type MailContext = { publicUrl: string; now: Date };

export function manageUrlFor(publicUrl: string, token: string): string {
  return `${publicUrl}/registrations/${token}`;
}

/** Re-sending the manage link is limited to once per this many ms per registration. */
const LINK_RESEND_INTERVAL_MS = 60 * 60 * 1000;
/** A duplicate within this time of registering is a double click: the confirmation is on its way. */
const DOUBLE_SUBMIT_MS = 10 * 60 * 1000;

/** Writes one participant email (in their language) to the outbox, in the caller's transaction. */
export async function mailParticipant(
  tx: Queryable,
  kind: EmailKind,
  person: { email: string | null; name: string | null; lang: string; attendance?: Attendance },
  event: RegistrationEvent,
  ctx: MailContext,
  extra: {
    manageUrl?: string;
    position?: number;
    dedupeKey?: string;
    message?: OrganizerMessage;
  } = {},
): Promise<boolean> {
  if (!person.email) return false;
  const lang: Lang = isLang(person.lang) ? person.lang : 'et';
  // The same VEVENT as the public feeds (UID, SEQUENCE, description), read inside this
  // transaction so it shows the change being made. A draft has none (no feed shows it).
  const ics = hasCalendarFile(kind)
    ? ((await feedEventIcs(tx, ctx.publicUrl, event.slug, { lang, now: ctx.now })) ?? undefined)
    : undefined;
  const built = buildEmail({
    ics,
    kind,
    lang,
    name: person.name ?? '',
    event,
    publicUrl: ctx.publicUrl,
    attendance: person.attendance,
    manageUrl: extra.manageUrl,
    position: extra.position,
    message: extra.message,
  });
  return enqueueEmail(
    tx,
    {
      kind: `registration.${kind}`,
      recipient: person.email,
      ...built,
      dedupeKey: extra.dedupeKey,
    },
    ctx.now,
  );
}

function refuseUnlessOpen(event: RegistrationEvent | null, now: Date): RegistrationEvent {
  if (!event) throw new HttpError('not_found', 'No such event');
  const state = registrationWindow(event, now);
  if (state !== 'open') {
    const error = windowError(state);
    throw new HttpError(error.code, error.message);
  }
  return event;
}

export type RegisterResult = {
  status: 'confirmed' | 'waitlisted';
  token: string;
  manageUrl: string;
  waitlistPosition?: number;
  event: RegistrationEvent;
};

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Registers one person. The event row is locked (SELECT … FOR UPDATE) for the whole
 * transaction, so concurrent registrations for one event take seats one after another and
 * confirmed in-person registrations never exceed the capacity, in any number of processes.
 * Throws 409 `already_registered` (after mailing a fresh manage link), 409 `event_full`, or
 * the window's error.
 */
export async function registerParticipant(
  deps: RegistrationDeps,
  slug: string,
  input: RegistrationInput,
  lang: Lang,
): Promise<RegisterResult> {
  const now = deps.clock.now();
  const ctx: MailContext = { publicUrl: deps.config.publicUrl, now };
  let outcome: RegisterResult | 'duplicate' | 'refused';
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const event = refuseUnlessOpen(await eventBySlug(tx, slug, { lock: true }), now);
      const [existing] = await tx
        .select({ id: registrations.id, createdAt: registrations.createdAt })
        .from(registrations)
        .where(
          and(
            eq(registrations.eventId, event.id),
            ne(registrations.status, 'cancelled'),
            sql`lower(${registrations.email}) = lower(${input.email})`,
          ),
        );
      if (existing) {
        await resendManageLink(tx, existing, event, ctx);
        return 'duplicate' as const;
      }
      const counts = await inPersonCounts(tx, event.id);
      const seat = seatOutcome({
        attendance: input.attendance,
        capacity: event.capacity,
        waitlist: event.waitlist,
        confirmedInPerson: counts.confirmed,
      });
      if (seat === 'refused') return 'refused' as const;
      const token = newToken();
      const [row] = await tx
        .insert(registrations)
        .values({
          eventId: event.id,
          name: input.name,
          email: input.email,
          organization: input.organization ?? null,
          needs: input.needs ?? null,
          attendance: input.attendance,
          lang,
          status: seat,
          manageTokenHash: await hashToken(token),
          consentAt: now,
          followUpConsentAt: input.followUp ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: registrations.id, createdAt: registrations.createdAt });
      if (!row) throw new Error('insert returned no row');
      const manageUrl = manageUrlFor(ctx.publicUrl, token);
      const position =
        seat === 'waitlisted'
          ? ((await waitlistPosition(tx, { ...row, eventId: event.id, status: seat })) ?? undefined)
          : undefined;
      await mailParticipant(tx, seat, { ...input, lang }, event, ctx, { manageUrl, position });
      return {
        status: seat,
        token,
        manageUrl,
        event,
        ...(position !== undefined ? { waitlistPosition: position } : {}),
      };
    });
  } catch (error) {
    // Belt and braces: the partial unique index catches a duplicate the lock did not.
    if (isUniqueViolation(error)) outcome = 'duplicate';
    else throw error;
  }
  if (outcome === 'duplicate') {
    throw new HttpError(
      'already_registered',
      'This email is already registered for this event; the manage link has been emailed to it',
    );
  }
  if (outcome === 'refused') {
    throw new HttpError('event_full', 'In-person seats are full and there is no waitlist');
  }
  return outcome;
}

/**
 * Mails a new manage link to someone who registered again. Tokens are stored hashed, so the
 * old link cannot be re-sent: a new one replaces it. Not within minutes of registering (a
 * double click: the confirmation with the link is already on its way) and at most hourly.
 */
async function resendManageLink(
  tx: Queryable,
  existing: { id: number; createdAt: Date },
  event: RegistrationEvent,
  ctx: MailContext,
): Promise<void> {
  if (ctx.now.getTime() - existing.createdAt.getTime() < DOUBLE_SUBMIT_MS) return;
  const person = await registrationById(tx, existing.id);
  if (!person) return;
  const token = newToken();
  const bucket = Math.floor(ctx.now.getTime() / LINK_RESEND_INTERVAL_MS);
  const sent = await mailParticipant(tx, 'link', person, event, ctx, {
    manageUrl: manageUrlFor(ctx.publicUrl, token),
    dedupeKey: `registration.link:${existing.id}:${bucket}`,
  });
  if (sent) {
    await tx
      .update(registrations)
      .set({ manageTokenHash: await hashToken(token), updatedAt: ctx.now })
      .where(eq(registrations.id, existing.id));
  }
}

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
  const event = await eventById(tx, eventId, { lock: true });
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
  const event = await eventById(tx, eventId);
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

type Locked = { registration: RegistrationRow; event: RegistrationEvent };

/** Locks the registration's event, then re-reads the registration under that lock. */
async function lockRegistration(tx: Queryable, registrationId: number): Promise<Locked | null> {
  const first = await registrationById(tx, registrationId);
  if (!first) return null;
  const event = await eventById(tx, first.eventId, { lock: true });
  const registration = await registrationById(tx, registrationId);
  if (!event || !registration) return null;
  return { registration, event };
}

async function cancelLocked(
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
  const event = await eventById(db, registration.eventId);
  if (!event) return null;
  return { registration, event, waitlistPosition: await waitlistPosition(db, registration) };
}

/** The participant cancels with their manage token; the earliest waitlisted person moves up. */
export async function cancelByToken(
  deps: RegistrationDeps,
  token: string,
): Promise<{ promoted: number[] }> {
  const now = deps.clock.now();
  const ctx: MailContext = { publicUrl: deps.config.publicUrl, now };
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
  const ctx: MailContext = { publicUrl: deps.config.publicUrl, now };
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
  const ctx: MailContext = { publicUrl: deps.config.publicUrl, now };
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
  const ctx: MailContext = { publicUrl: deps.config.publicUrl, now };
  await deps.db.transaction(async (tx) => {
    const { registration, event } = await organizerLock(tx, eventId, registrationId);
    if (registration.status !== 'waitlisted') {
      throw new HttpError('not_waitlisted', 'Only a waitlisted registration can be confirmed');
    }
    const counts = await inPersonCounts(tx, event.id);
    if (seatsToFill(event.capacity, counts.confirmed) <= 0) {
      throw new HttpError('event_full', 'No seat is free; raise the capacity first');
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

/**
 * Removes the personal data of registrations whose event ended more than `retentionDays` ago,
 * keeping the rows (status, attendance, check-in) so counts stay right. Returns how many.
 */
export async function purgeRegistrations(
  db: Queryable,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const cutoff = purgeCutoff(now, retentionDays);
  const ended = db.select({ id: events.id }).from(events).where(lt(events.endsAt, cutoff));
  const rows = await db
    .update(registrations)
    .set({
      name: null,
      email: null,
      organization: null,
      needs: null,
      anonymizedAt: now,
      updatedAt: now,
    })
    .where(and(inArray(registrations.eventId, ended), sql`${registrations.anonymizedAt} is null`))
    .returning({ id: registrations.id });
  return rows.length;
}
