import { and, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { eventHosts, outbox } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

export type OutboxStatus = (typeof outbox.status.enumValues)[number];

export type OutboxEntry = {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attachmentNames: string[];
};

/**
 * Kinds an organizer does not read even for their own events: a feedback request's link lets
 * whoever holds it answer, anonymously, in a participant's place.
 */
const NOT_FOR_ORGANIZERS = ['feedback.request'];

/**
 * The newest messages first, at /admin/outbox: all of them for admins; with `municipalityIds`
 * (an organizer's), only the messages about events those municipalities host — registrations,
 * waitlist moves, reminders, messages to participants — whose people they already see.
 */
export async function listOutbox(
  db: Queryable,
  options: { status?: string; limit?: number; municipalityIds?: readonly number[] } = {},
): Promise<OutboxEntry[]> {
  const status = outbox.status.enumValues.find((value) => value === options.status);
  const ids = options.municipalityIds;
  if (ids && ids.length === 0) return [];
  const conditions: (SQL | undefined)[] = [status ? eq(outbox.status, status) : undefined];
  if (ids) {
    const hosted = db
      .select({ id: eventHosts.eventId })
      .from(eventHosts)
      .where(inArray(eventHosts.municipalityId, [...ids]));
    conditions.push(inArray(outbox.eventId, hosted));
    for (const kind of NOT_FOR_ORGANIZERS) conditions.push(ne(outbox.kind, kind));
  }
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: outbox.recipient,
      subject: outbox.subject,
      text: outbox.text,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      attachments: outbox.attachments,
    })
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.id))
    .limit(options.limit ?? 100);
  return rows.map(({ attachments, ...row }) => ({
    ...row,
    attachmentNames: attachments.map((attachment) => attachment.filename),
  }));
}
