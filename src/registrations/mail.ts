/** Participant emails: what registration needs from the app, and one email written to the outbox. */
import type { Db, Queryable } from '@/platform/db/types';
import { isLang, type Lang } from '@/platform/i18n';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { eventIcs as feedEventIcs } from '@/calendar';
import { localizeEvent } from '@/events';
import { buildEmail, hasCalendarFile, type EmailKind, type OrganizerMessage } from './emails';
import type { RegistrationEvent } from './queries';
import type { Attendance } from './rules';

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

/** Writes one participant email (in their language) to the outbox, in the caller's transaction. */
export async function mailParticipant(
  tx: Queryable,
  kind: EmailKind,
  person: { email: string | null; lang: string; attendance?: Attendance },
  event: RegistrationEvent,
  ctx: MailContext,
  extra: {
    manageUrl?: string;
    position?: number;
    dedupeKey?: string;
    message?: OrganizerMessage;
    /** Extra header fields (the organizers' messages' List-Unsubscribe). */
    headers?: Record<string, string>;
  } = {},
): Promise<boolean> {
  if (!person.email) return false;
  const lang: Lang = isLang(person.lang) ? person.lang : 'et';
  // The same VEVENT as the public feeds (UID, SEQUENCE, description), read inside this
  // transaction so it shows the change being made. A draft has none (no feed shows it).
  const ics = hasCalendarFile(kind)
    ? ((await feedEventIcs(tx, ctx.publicUrl, event.slug, {
        lang,
        now: ctx.now,
        mailFrom: ctx.mailFrom,
      })) ?? undefined)
    : undefined;
  const built = buildEmail({
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
