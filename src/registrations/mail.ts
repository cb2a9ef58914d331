/** Participant emails: what registration needs from the app, and one email written to the outbox. */
import { and, asc, eq, isNotNull, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { outbox } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { isLang, type Lang } from '@/platform/i18n';
import { wellFormedText } from '@/platform/text';
import { statementRolledBack } from '@/platform/db/errors';
import { sqlRows } from '@/platform/db/rows';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { eventIcs as feedEventIcs } from '@/calendar';
import { findEvent, localizeEvent, type EventRow } from '@/events';
import {
  buildEmail,
  hasCalendarFile,
  type BuiltEmail,
  type EmailKind,
  type OrganizerMessage,
} from './emails';
import type { RegistrationEvent } from './queries';
import { attendanceValues, type Attendance } from './rules';

/** What registration needs from the app's dependencies. */
export type RegistrationDeps = {
  db: Db;
  clock: { now(): Date };
  config: { publicUrl: string; retentionDays: number; mailFrom: string };
};

/**
 * What writing a participant email needs besides the person and the event. `mailFrom` (MAIL_FROM)
 * gives the .ics's ORGANIZER its domain; without it the site's host name is used.
 */
export type MailContext = { publicUrl: string; mailFrom?: string; now: Date };

export function mailContext(deps: RegistrationDeps, now: Date): MailContext {
  return { publicUrl: deps.config.publicUrl, mailFrom: deps.config.mailFrom, now };
}

export function manageUrlFor(publicUrl: string, token: string): string {
  return `${publicUrl}/registrations/${token}`;
}

type ParticipantEmailExtra = {
  manageUrl?: string;
  position?: number;
  dedupeKey?: string;
  message?: OrganizerMessage;
  /** Extra header fields (the organizers' messages' List-Unsubscribe). */
  headers?: Record<string, string>;
};

/** One participant email in their language, with the event's .ics for the kinds that carry one. */
async function writeParticipantEmail(
  db: Queryable,
  kind: EmailKind,
  person: { lang: string; attendance?: Attendance },
  event: RegistrationEvent,
  ctx: MailContext,
  extra: ParticipantEmailExtra,
): Promise<BuiltEmail> {
  const lang: Lang = isLang(person.lang) ? person.lang : 'et';
  // The same VEVENT as the public feeds (UID, SEQUENCE, description), read with the caller's
  // connection (inside a transaction it shows the change being made). A draft has none.
  const ics = hasCalendarFile(kind)
    ? ((await feedEventIcs(db, ctx.publicUrl, event.slug, {
        lang,
        now: ctx.now,
        mailFrom: ctx.mailFrom,
      })) ?? undefined)
    : undefined;
  return buildEmail({
    ics,
    kind,
    lang,
    // The event's texts in the person's language, else in the original.
    event: localizeEvent(event, lang),
    publicUrl: ctx.publicUrl,
    attendance: person.attendance,
    manageUrl: extra.manageUrl,
    position: extra.position,
    message: extra.message,
  });
}

/** Writes one participant email (in their language) to the outbox, in the caller's transaction. */
export async function mailParticipant(
  tx: Queryable,
  kind: EmailKind,
  person: { email: string | null; lang: string; attendance?: Attendance },
  event: RegistrationEvent,
  ctx: MailContext,
  extra: ParticipantEmailExtra = {},
): Promise<boolean> {
  if (!person.email) return false;
  const built = await writeParticipantEmail(tx, kind, person, event, ctx, extra);
  return enqueueEmail(
    tx,
    {
      kind: `registration.${kind}`,
      recipient: person.email,
      ...built,
      headers: extra.headers,
      dedupeKey: extra.dedupeKey,
      eventId: event.id,
    },
    ctx.now,
  );
}

/**
 * What a registration's confirmation is written from (outbox.render): registering stores only
 * this under the event's lock (drizzle/0028 `koda_register_batch`), the email is written after the
 * commit. The manage link is in it as it is in the written email (the outbox is personal data).
 */
export const unwrittenEmail = z.object({
  kind: z.enum(['confirmed', 'waitlisted']),
  lang: z.string(),
  attendance: z.enum(attendanceValues),
  manageUrl: z.string(),
  position: z.number().int().positive().nullish(),
});
export type UnwrittenEmail = z.infer<typeof unwrittenEmail>;

/**
 * The event's .ics for confirmations, kept per (event, its feed version, language, ended) for the
 * last few events of each database: in a rush every confirmation carries the same file.
 * `feed_revision` is raised by triggers on every change a VEVENT shows (drizzle/0002), so a kept
 * file is the one the feeds' builder would write now. Kept per database object, so two databases
 * in one process (tests) never take each other's file.
 */
const confirmationIcs = new WeakMap<Queryable, Map<string, string | null>>();

async function icsFor(db: Queryable, event: EventRow, lang: Lang, ctx: MailContext) {
  let kept = confirmationIcs.get(db);
  if (!kept) {
    kept = new Map();
    confirmationIcs.set(db, kept);
  }
  const key = [
    event.id,
    event.feedRevision,
    event.updatedAt.getTime(),
    lang,
    ctx.publicUrl,
    ctx.mailFrom ?? '',
    event.endsAt <= ctx.now ? 1 : 0,
  ].join('|');
  const found = kept.get(key);
  if (found !== undefined) return found;
  const ics = await feedEventIcs(db, ctx.publicUrl, event.slug, {
    lang,
    now: ctx.now,
    mailFrom: ctx.mailFrom,
  });
  if (kept.size >= 64) kept.delete(kept.keys().next().value ?? '');
  kept.set(key, ics);
  return ics;
}

/** A registration email stored as data (outbox row `id`), with the event as read by its writer. */
export type EmailToWrite = { id: number; ctx: MailContext; event: EventRow; data: UnwrittenEmail };

/**
 * Writes registration emails stored as data in one statement (a rush's emails together: one
 * round trip and one commit for them all), each in its person's language. A row another writer
 * wrote first is left as it is. Answers the ids written.
 */
export async function writeRegistrationEmails(
  db: Queryable,
  emails: EmailToWrite[],
): Promise<Set<number>> {
  const rows: ({ id: number } & BuiltEmail)[] = [];
  for (const { id, ctx, event, data } of emails) {
    const lang: Lang = isLang(data.lang) ? data.lang : 'et';
    const built = buildEmail({
      ics: hasCalendarFile(data.kind)
        ? ((await icsFor(db, event, lang, ctx)) ?? undefined)
        : undefined,
      kind: data.kind,
      lang,
      event: localizeEvent(event, lang),
      publicUrl: ctx.publicUrl,
      attendance: data.attendance,
      manageUrl: data.manageUrl,
      position: data.position ?? undefined,
    });
    // Every part of a built email, so that a new part cannot be left unwritten.
    // Sent as JSON, which Postgres refuses with a lone surrogate in it (a text column would have
    // taken U+FFFD in its place).
    const parts: { [Part in keyof BuiltEmail]: BuiltEmail[Part] } = {
      subject: wellFormedText(built.subject),
      text: wellFormedText(built.text),
      attachments: built.attachments,
    };
    rows.push({ id, ...parts });
  }
  if (rows.length === 0) return new Set();
  // One parameter whatever the count: the statement's text is the same for every batch (prepared
  // once per connection).
  const updated = await sqlRows<{ id: number }>(
    db,
    sql`update outbox set subject = email->>'subject', "text" = email->>'text',
          attachments = email->'attachments', render = null
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as email
        where outbox.id = (email->>'id')::integer and outbox.render is not null
        returning outbox.id`,
  );
  return new Set(updated.map((row) => row.id));
}

/**
 * Writes the registration emails stored as data that a request left behind (it stopped between
 * its commit and writing them), the oldest 100, with the event as it is now. Returns how many.
 */
export async function writeUnwrittenEmails(db: Queryable, ctx: MailContext): Promise<number> {
  const rows = await db
    .select({ id: outbox.id, eventId: outbox.eventId, render: outbox.render })
    .from(outbox)
    .where(and(isNotNull(outbox.render), like(outbox.kind, 'registration.%')))
    .orderBy(asc(outbox.id))
    .limit(100);
  const events = new Map<number, EventRow | null>();
  const toWrite: EmailToWrite[] = [];
  for (const row of rows) {
    const data = unwrittenEmail.safeParse(row.render);
    if (row.eventId !== null && !events.has(row.eventId)) {
      events.set(row.eventId, await findEvent(db, { id: row.eventId }));
    }
    const event = row.eventId === null ? null : events.get(row.eventId);
    if (!data.success || !event) {
      // The event was deleted before its email was written (nothing left to tell), or the data
      // is not one this version writes: failed, for an admin to see, never sent empty.
      await db
        .update(outbox)
        .set({
          status: 'failed',
          render: null,
          lastError: event
            ? 'Unreadable email data'
            : 'The event was deleted before the email was written',
        })
        .where(and(eq(outbox.id, row.id), isNotNull(outbox.render)));
      continue;
    }
    toWrite.push({ id: row.id, ctx, event, data: data.data });
  }
  try {
    return (await writeRegistrationEmails(db, toWrite)).size;
  } catch (error) {
    if (!statementRolledBack(error)) throw error;
  }
  // One of them the database refuses: each alone, and the refused one failed for an admin to see,
  // so that it holds up neither the others nor the sending after it.
  let written = 0;
  for (const email of toWrite) {
    try {
      written += (await writeRegistrationEmails(db, [email])).size;
    } catch (error) {
      if (!statementRolledBack(error)) throw error;
      await db
        .update(outbox)
        .set({
          status: 'failed',
          render: null,
          lastError: 'The database refused the written email',
        })
        .where(and(eq(outbox.id, email.id), isNotNull(outbox.render)));
    }
  }
  return written;
}

/** For the outbox job: writes registration emails a request left unwritten (it stopped first). */
export async function writeLeftoverEmails(deps: RegistrationDeps): Promise<number> {
  return writeUnwrittenEmails(deps.db, mailContext(deps, deps.clock.now()));
}
