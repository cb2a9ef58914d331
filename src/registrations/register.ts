/** Registering: a seat, a place on the waitlist or a refusal, decided under the event’s lock. */
import { eq, sql } from 'drizzle-orm';
import { registrations } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { keyedBatches, type Batches } from '@/platform/batches';
import { statementRolledBack } from '@/platform/db/errors';
import { HttpError, invalidFields } from '@/platform/http/errors';
import type { Lang } from '@/platform/i18n';
import { hashToken, newToken } from '@/platform/tokens';
import { findEvent } from '@/events';
import { checkAnswers, loadQuestions } from '@/questions';
import { registrationById, type RegistrationEvent } from './queries';
import { registrationWindow, windowError, type RegistrationInput } from './rules';
import {
  type RegistrationDeps,
  type MailContext,
  mailContext,
  manageUrlFor,
  mailParticipant,
  writeRegistrationEmails,
  type EmailToWrite,
  type UnwrittenEmail,
} from './mail';
import { sqlRows } from '@/platform/db/rows';

/** Re-sending the manage link is limited to once per this many ms per registration. */
const LINK_RESEND_INTERVAL_MS = 60 * 60 * 1000;
/** A duplicate within this time of registering is a double click: the confirmation is on its way. */
const DOUBLE_SUBMIT_MS = 10 * 60 * 1000;

function refuseUnlessOpen<E extends RegistrationEvent>(event: E | null, now: Date): E {
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

/** What `koda_register_batch` (drizzle/0028) answers for each registration. */
type RegisterRow = {
  outcome: 'confirmed' | 'waitlisted' | 'refused' | 'changed';
  position: number | null;
  outbox_id: number | null;
  existing_id: number | null;
  existing_created_at: string | Date | null;
};

/** One registration as `koda_register_batch` takes it. */
type RegisterItem = {
  now: string;
  registration: Record<string, unknown>;
  render: Omit<UnwrittenEmail, 'kind' | 'position'>;
};

async function registerBatch(db: Db, eventId: number, items: RegisterItem[]) {
  const rows = await sqlRows<RegisterRow & { index: number }>(
    db,
    sql`select r_index as index, r_outcome as outcome, r_position as position,
          r_outbox_id as outbox_id, r_existing_id as existing_id,
          r_existing_created_at as existing_created_at
        from koda_register_batch(${eventId}, ${JSON.stringify(items)}::jsonb)`,
  );
  const byIndex: RegisterRow[] = [];
  for (const row of rows) byIndex[row.index] = row;
  return byIndex;
}

type DbBatches = {
  /** Registrations, per event: one lock and one commit flush for those that arrive together. */
  registrations: Batches<number, RegisterItem, RegisterRow>;
  /** Their emails, written after the commit: one statement and commit for those ready together. */
  emails: Batches<'emails', EmailToWrite, boolean>;
};

/**
 * Each database's batches: what arrives while the previous call runs goes into the next one. Kept
 * per database object, so apps on different databases (tests) never share one.
 */
const batchesByDb = new WeakMap<Db, DbBatches>();

function batchesOf(db: Db): DbBatches {
  let batches = batchesByDb.get(db);
  if (!batches) {
    batches = {
      registrations: keyedBatches((eventId, items) => registerBatch(db, eventId, items), {
        undone: statementRolledBack,
      }),
      emails: keyedBatches(
        async (_key, emails) => {
          const written = await writeRegistrationEmails(db, emails);
          return emails.map((email) => written.has(email.id));
        },
        { undone: statementRolledBack },
      ),
    };
    batchesByDb.set(db, batches);
  }
  return batches;
}

/**
 * Registers one person. Everything that needs no lock is done first: the event and its
 * questions are read, the window and the answers checked, the manage token made. Then one
 * statement, `koda_register_batch` (drizzle/0028), takes the event's row lock (SELECT … FOR
 * UPDATE) and, each after the lock with a snapshot of its own, checks the window again, finds an
 * address already registered, counts the seats, inserts the registration and its email's data
 * into the outbox: concurrent registrations for one event take seats one after another and
 * confirmed in-person registrations never exceed the capacity, in any number of processes, and
 * the lock is held for that statement only (no round trip to Node in between). Registrations
 * that arrive while the event's statement runs go into its next one together (one commit flush
 * for them all; `batchesOf`), decided in their order of arrival. The email is written
 * after the commit (`writeUnwrittenEmails`), by this request or else by the outbox job: an
 * acknowledged registration always has its email in the outbox. Throws 409 `event_full` or the
 * window's error.
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
  tries = 0,
): Promise<RegisterResult> {
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  const event = refuseUnlessOpen(await findEvent(deps.db, { slug }), now);
  const answers = checkAnswers(await loadQuestions(deps.db, event.id), input.answers);
  if (!answers.ok) throw invalidFields(answers.details);
  const token = newToken();
  const manageUrl = manageUrlFor(ctx.publicUrl, token);
  const registration = {
    name: input.name,
    email: input.email,
    organization: input.organization ?? null,
    needs: input.needs ?? null,
    answers: answers.answers,
    attendance: input.attendance,
    lang,
    manageTokenHash: await hashToken(token),
    followUp: input.followUp === true,
  };
  const render: Omit<UnwrittenEmail, 'kind' | 'position'> = {
    lang,
    attendance: input.attendance,
    manageUrl,
  };
  let row: RegisterRow;
  try {
    row = await batchesOf(deps.db).registrations.submit(event.id, {
      now: now.toISOString(),
      registration,
      render,
    });
  } catch (error) {
    // Belt and braces: the partial unique index catches a duplicate the lock did not (the other
    // registration has committed by now, so registering again finds it).
    if (isUniqueViolation(error) && tries < 3) {
      return registerParticipant(deps, slug, input, lang, tries + 1);
    }
    throw error;
  }
  if (row.outcome === 'changed') {
    // The event changed between the read above and the lock (closed, cancelled, moved): read
    // it again, which answers the window's error (or registers, if it is still open).
    if (tries < 3) return registerParticipant(deps, slug, input, lang, tries + 1);
    throw new HttpError('registration_closed', 'Registration is closed');
  }
  if (row.outcome === 'refused') {
    throw new HttpError('event_full', 'In-person seats are full and there is no waitlist');
  }
  const position = row.position ?? undefined;
  if (row.existing_id !== null && row.existing_created_at !== null) {
    // Already registered: the owner hears of it; the answer is a new registration's.
    const existing = { id: row.existing_id, createdAt: new Date(row.existing_created_at) };
    await deps.db.transaction((tx) => resendManageLink(tx, existing, event, ctx));
  } else if (row.outbox_id !== null) {
    // After the commit, outside the lock. Should this fail (or the process stop), the outbox job
    // writes it: the registration's email is in the outbox either way.
    await batchesOf(deps.db)
      .emails.submit('emails', {
        id: row.outbox_id,
        ctx,
        event,
        data: { ...render, kind: row.outcome, position },
      })
      .catch(() => false);
  }
  return {
    status: row.outcome,
    event,
    ...(row.outcome === 'waitlisted' && position !== undefined
      ? { waitlistPosition: position }
      : {}),
  };
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
