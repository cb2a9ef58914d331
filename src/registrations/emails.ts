import type { OutboxAttachment } from '@/platform/db/schema';
import { translator } from '@/messages';
import { type Lang } from '@/platform/i18n';
import { formatRange } from '@/platform/time';
import type { Attendance } from './rules';
import { withLang } from '@/platform/i18n/link';

export type EmailEvent = {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  venueName: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  cancelReason: string | null;
};

export type EmailKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'link'
  | 'changed'
  | 'cancelled'
  | 'reminder'
  | 'cancelledByYou'
  | 'message';

/** What an organizer wrote to the participants (see participant-messages.ts). */
export type OrganizerMessage = { subject: string; body: string };

/**
 * No participant-supplied text (name, organization, needs) is ever an input: anyone can register
 * any address, so every participant email goes to an address that has confirmed nothing, and a
 * stranger's words must not reach it in Koda's voice (issue 21 #2).
 */
export type EmailInput = {
  kind: EmailKind;
  lang: Lang;
  event: EmailEvent;
  publicUrl: string;
  attendance?: Attendance;
  /** Only in emails that carry a freshly made token (confirmation, waitlist, link re-send). */
  manageUrl?: string;
  position?: number;
  /** Only in `message` emails. */
  message?: OrganizerMessage;
  /**
   * The event's calendar file, from the feeds' builder (src/calendar/feed.ts eventIcs), for the
   * kinds that carry one; none for an event no feed shows (a draft).
   */
  ics?: string;
};

export type BuiltEmail = { subject: string; text: string; attachments: OutboxAttachment[] };

const withIcs: ReadonlySet<EmailKind> = new Set(['confirmed', 'promoted', 'changed', 'cancelled']);

/** Whether this kind of email carries the event's .ics. */
export function hasCalendarFile(kind: EmailKind): boolean {
  return withIcs.has(kind);
}

/**
 * The event's time in words, kept for the last events written about: a registration rush writes
 * the same time into every confirmation, and the zone arithmetic was most of an email's cost.
 */
const whenTexts = new Map<string, string>();

function whenText(event: EmailEvent, lang: Lang): string {
  const key = `${event.startsAt.getTime()}|${event.endsAt.getTime()}|${event.timezone}|${lang}`;
  let text = whenTexts.get(key);
  if (text === undefined) {
    text = formatRange(event.startsAt, event.endsAt, event.timezone, lang);
    if (whenTexts.size >= 256) whenTexts.delete(whenTexts.keys().next().value ?? '');
    whenTexts.set(key, text);
  }
  return text;
}

/**
 * One email in the participant's language. Subjects carry only the event's title (never a
 * name or address), so the outbox log lines stay free of personal data.
 */
export function buildEmail(input: EmailInput): BuiltEmail {
  const t = translator(input.lang);
  const { event } = input;
  const title = event.title;
  const lines: string[] = [t('email.greeting'), ''];
  const attendance = input.attendance
    ? t(`registration.attendance.${input.attendance}`)
    : undefined;
  switch (input.kind) {
    case 'confirmed':
      lines.push(t('email.confirmed.body', { title, attendance: attendance ?? '' }));
      break;
    case 'waitlisted':
      lines.push(t('email.waitlisted.body', { title, position: input.position ?? 1 }));
      break;
    case 'promoted':
      lines.push(t('email.promoted.body', { title }));
      break;
    case 'link':
      lines.push(t('email.link.body', { title }));
      break;
    case 'changed':
      lines.push(t('email.changed.body', { title }));
      break;
    case 'cancelled':
      lines.push(t('email.cancelled.body', { title }));
      if (event.cancelReason)
        lines.push(t('email.cancelled.reason', { reason: event.cancelReason }));
      break;
    case 'reminder':
      lines.push(t('email.reminder.body', { title }));
      break;
    case 'cancelledByYou':
      lines.push(t('email.cancelledByYou.body', { title }));
      break;
    case 'message':
      // The organizers' own words, between Koda's lines that say whose they are.
      lines.push(
        t('email.message.intro', { title }),
        '',
        input.message?.body ?? '',
        '',
        t('email.message.end'),
      );
      break;
  }
  lines.push('');
  lines.push(t('email.when', { when: whenText(event, input.lang) }));
  const where = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  if (where) lines.push(t('email.where', { where }));
  if (event.onlineUrl) lines.push(t('email.online', { url: event.onlineUrl }));
  lines.push(
    t('email.eventPage', { url: withLang(`${input.publicUrl}/events/${event.slug}`, input.lang) }),
  );
  lines.push('');
  if (input.manageUrl) {
    lines.push(
      t('email.manage', { url: withLang(input.manageUrl, input.lang) }),
      t('email.manageKeep'),
    );
  } else if (input.kind !== 'cancelled' && input.kind !== 'cancelledByYou') {
    lines.push(t('email.useManageLink'));
  }
  const attachments: OutboxAttachment[] = [];
  if (withIcs.has(input.kind) && input.ics) {
    if (input.kind === 'confirmed') lines.push(t('email.confirmed.ics'));
    attachments.push({
      filename: `${event.slug}.ics`,
      // The file is METHOD:PUBLISH (src/calendar/feed.ts): an entry to add, not an invitation to answer.
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: input.ics,
    });
  }
  lines.push('', t('email.signature'));
  return {
    subject: t(`email.${input.kind}.subject`, { title, subject: input.message?.subject ?? '' }),
    text: lines.join('\n'),
    attachments,
  };
}
