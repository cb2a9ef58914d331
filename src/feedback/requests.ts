/** The day after an event its attendees are asked how it went (a job, through the outbox). */
import { feedbackRequests } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import { isLang, type Lang } from '@/platform/i18n';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { hashToken, newToken } from '@/platform/tokens';
import { findEventsByIds } from '@/events';
import { translator } from '@/messages';
import { eventIdsEnded, feedbackCandidates } from './queries';
import { FEEDBACK_LINK_DAYS, feedbackRecipients, feedbackStillDue } from './rules';
import { withLang } from '@/platform/i18n/link';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The email: Koda's words and the event's title only (no participant's text), in the person's
 * language, with their own link.
 */
export function feedbackEmail(lang: Lang, title: string, url: string) {
  const t = translator(lang);
  return {
    subject: t('feedback.email.subject', { title }),
    text: [
      t('email.greeting'),
      '',
      t('feedback.email.body', { title }),
      '',
      t('feedback.email.link', { url }),
      '',
      t('feedback.email.why'),
      '',
      t('email.signature'),
    ].join('\n'),
  };
}

/**
 * Asks the attendees of every published event whose feedback is due (see feedbackDueAt): one
 * request and one email per registration, ever (the request's unique registration and the
 * outbox key), so the job may run as often as any other. Returns how many were asked.
 */
export async function enqueueFeedbackRequests(deps: {
  db: Db;
  clock: { now(): Date };
  config: { publicUrl: string };
}): Promise<number> {
  const now = deps.clock.now();
  // Events that ended in the last 9 days (the due time is the next morning, kept for a week).
  const ids = await eventIdsEnded(deps.db, now, new Date(now.getTime() - 9 * DAY));
  const found = await findEventsByIds(deps.db, ids);
  let asked = 0;
  for (const event of found.values()) {
    if (!feedbackStillDue(event.endsAt, event.timezone, now)) continue;
    for (const person of feedbackRecipients(await feedbackCandidates(deps.db, event.id))) {
      if (!person.email) continue;
      const token = newToken();
      const lang: Lang = isLang(person.lang) ? person.lang : 'et';
      const sent = await deps.db.transaction(async (tx) => {
        const inserted = await tx
          .insert(feedbackRequests)
          .values({
            eventId: event.id,
            registrationId: person.id,
            tokenHash: await hashToken(token),
            sentAt: now,
            expiresAt: new Date(now.getTime() + FEEDBACK_LINK_DAYS * DAY),
          })
          .onConflictDoNothing({ target: feedbackRequests.registrationId })
          .returning({ id: feedbackRequests.id });
        if (inserted.length === 0) return false;
        const url = withLang(`${deps.config.publicUrl}/feedback/${token}`, lang);
        return enqueueEmail(
          tx,
          {
            kind: 'feedback.request',
            recipient: person.email ?? '',
            ...feedbackEmail(lang, event.title, url),
            dedupeKey: `feedback:${person.id}`,
            eventId: event.id,
          },
          now,
        );
      });
      if (sent) asked++;
    }
  }
  return asked;
}
