import { desc, eq } from 'drizzle-orm';
import { outbox } from '@/platform/db/schema';
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

/** The newest messages first, for admins at /admin/outbox. */
export async function listOutbox(
  db: Queryable,
  options: { status?: string; limit?: number } = {},
): Promise<OutboxEntry[]> {
  const status = outbox.status.enumValues.find((value) => value === options.status);
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
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.id))
    .limit(options.limit ?? 100);
  return rows.map(({ attachments, ...row }) => ({
    ...row,
    attachmentNames: attachments.map((attachment) => attachment.filename),
  }));
}
