/** Registering: a seat, a place on the waitlist or a refusal, decided under the event’s lock. */
import { and, eq, ne, sql } from 'drizzle-orm';
import { registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { HttpError, invalidFields } from '@/platform/http/errors';
import type { Lang } from '@/platform/i18n';
import { hashToken, newToken } from '@/platform/tokens';
import { lockEvent } from '@/events';
import { checkAnswers, loadQuestions } from '@/questions';
import { inPersonCounts, registrationById, type RegistrationEvent } from './queries';
import { registrationWindow, seatOutcome, windowError, type RegistrationInput } from './rules';
import {
  type RegistrationDeps,
  type MailContext,
  mailContext,
  manageUrlFor,
  mailParticipant,
} from './mail';

/** Re-sending the manage link is limited to once per this many ms per registration. */
const LINK_RESEND_INTERVAL_MS = 60 * 60 * 1000;
/** A duplicate within this time of registering is a double click: the confirmation is on its way. */
const DOUBLE_SUBMIT_MS = 10 * 60 * 1000;

function refuseUnlessOpen(event: RegistrationEvent | null, now: Date): RegistrationEvent {
  if (!event) throw new HttpError('not_found', 'No such event');
  const state = registrationWindow(event, now);
  if (state !== 'open') {
    const error = windowError(state);
    throw new HttpError(error.code, error.message);
  }
  return event;
}

/**
 * What registering answers: the same for a new address and one already registered (issue 21
 * #9): the place a new registration gets, or would get. The manage link is never in it: it goes
 * to the address by email only.
 */
export type RegisterResult = {
  status: 'confirmed' | 'waitlisted';
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
 * Throws 409 `event_full` or the window's error.
 *
 * An address already registered for the event gets the same answer as a new one would (the
 * seat or the next waitlist place), nothing is stored, and its owner is told by email (with a
 * new manage link that replaces theirs only once it is used): the answer never says whether an
 * address is registered, and nobody but the mailbox's reader gets a link to the registration.
 */
export async function registerParticipant(
  deps: RegistrationDeps,
  slug: string,
  input: RegistrationInput,
  lang: Lang,
): Promise<RegisterResult> {
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  let outcome: RegisterResult | 'again' | 'refused';
  // Made before the event's lock: the lock is held only for what must be decided under it.
  const token = newToken();
  const tokenHash = await hashToken(token);
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const event = refuseUnlessOpen(await lockEvent(tx, { slug }), now);
      const answers = checkAnswers(await loadQuestions(tx, event.id), input.answers);
      if (!answers.ok) throw invalidFields(answers.details);
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
      const counts = await inPersonCounts(tx, event.id);
      // The registration's time is taken under the lock and never before the last waitlisted
      // one (another process's clock may lag): waitlist order is the lock's order, so the new
      // place is the next one (issue 21 #12: a time taken before the lock gave places twice).
      const registeredAt = new Date(
        Math.max(deps.clock.now().getTime(), counts.lastWaitlistedAt?.getTime() ?? 0),
      );
      const seat = seatOutcome({
        attendance: input.attendance,
        capacity: event.capacity,
        waitlist: event.waitlist,
        confirmedInPerson: counts.confirmed,
      });
      if (seat === 'refused') return 'refused' as const;
      if (existing) {
        // Already registered: the owner hears of it; the answer is a new registration's.
        await resendManageLink(tx, existing, event, ctx);
        return {
          status: seat,
          event,
          ...(seat === 'waitlisted' ? { waitlistPosition: counts.waitlisted + 1 } : {}),
        };
      }
      const [row] = await tx
        .insert(registrations)
        .values({
          eventId: event.id,
          name: input.name,
          email: input.email,
          organization: input.organization ?? null,
          needs: input.needs ?? null,
          answers: answers.answers,
          attendance: input.attendance,
          lang,
          status: seat,
          manageTokenHash: tokenHash,
          consentAt: now,
          followUpConsentAt: input.followUp ? now : null,
          createdAt: registeredAt,
          updatedAt: registeredAt,
        })
        .returning({ id: registrations.id, createdAt: registrations.createdAt });
      if (!row) throw new Error('insert returned no row');
      const manageUrl = manageUrlFor(ctx.publicUrl, token);
      const position = seat === 'waitlisted' ? counts.waitlisted + 1 : undefined;
      await mailParticipant(tx, seat, { ...input, lang }, event, ctx, { manageUrl, position });
      return {
        status: seat,
        event,
        ...(position !== undefined ? { waitlistPosition: position } : {}),
      };
    });
  } catch (error) {
    // Belt and braces: the partial unique index catches a duplicate the lock did not (the other
    // registration has committed by now, so registering again takes the path above).
    if (isUniqueViolation(error)) outcome = 'again';
    else throw error;
  }
  if (outcome === 'again') return registerParticipant(deps, slug, input, lang);
  if (outcome === 'refused') {
    throw new HttpError('event_full', 'In-person seats are full and there is no waitlist');
  }
  return outcome;
}

/**
 * Tells an address's owner that it was registered again, with a new manage link (tokens are
 * stored hashed, so the old one cannot be re-sent). The new link is kept as pending: the owner's
 * link keeps working, and the new one replaces it only when it is used (registrationByToken), so
 * whoever registers the address again gets nothing and takes nothing. Not within minutes of
 * registering (a double click: the confirmation is on its way) and at most hourly.
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
      .set({ pendingManageTokenHash: await hashToken(token), updatedAt: ctx.now })
      .where(eq(registrations.id, existing.id));
  }
}
