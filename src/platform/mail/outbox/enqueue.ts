import { outbox, type OutboxAttachment } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

export type OutgoingEmail = {
  /** Why the message exists, e.g. `registration.confirmed`. */
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  attachments?: OutboxAttachment[];
  /** When set, a second message with the same key is silently not written. */
  dedupeKey?: string;
  /** Extra header fields sent as they are (List-Unsubscribe); never personal data. */
  headers?: Record<string, string>;
  /**
   * The event the message is about, if any: it is then kept as long as the event's registrations
   * (RETENTION_DAYS after the event ends), not aged from when it was written.
   */
  eventId?: number;
};

/**
 * Writes an email to the outbox. Call it with the transaction that makes the change the email
 * is about, so both happen or neither. Returns false when the dedupe key was already used.
 */
export async function enqueueEmail(
  db: Queryable,
  email: OutgoingEmail,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(outbox)
    .values({
      kind: email.kind,
      recipient: email.recipient,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments ?? [],
      dedupeKey: email.dedupeKey ?? null,
      headers: email.headers ?? {},
      eventId: email.eventId ?? null,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}
