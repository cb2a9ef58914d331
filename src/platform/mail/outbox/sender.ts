import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { events, outbox } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import type { Log } from '@/platform/log';
import { noMailer, type Mailer } from '@/platform/mail/mailer';
import { MAX_ATTEMPTS, retryDelaySeconds, SENDING_LEASE_SECONDS } from './backoff';

export type SenderDeps = { db: Db; mailer: Mailer; clock: { now(): Date }; log: Log };

export type SendReport = { sent: number; retried: number; failed: number; held: number };

/** Remembers, per process, which held messages were already printed (logging only). */
export type HoldState = { lastLoggedId: number };

/**
 * Delivers due outbox messages in `lanes` parallel lanes (OUTBOX_SEND_LANES; 1 unless said), so one
 * message stalled on a slow mail server does not hold the others. Each lane claims one message
 * at a time (`pending` → `sending` in one UPDATE whose subquery uses FOR UPDATE SKIP LOCKED), so
 * two lanes or senders never take the same message; after the send it becomes `sent`, or goes
 * back to `pending` with exponential backoff. Only the messages being sent (at most one per
 * lane) are ever `sending`: one left so by a process that died is marked `failed`, not retried
 * (it may already have gone out, and sending it twice is worse than an admin seeing it failed),
 * while the rest of the queue was never claimed and goes out as usual. A permanent refusal
 * (SMTP 5xx) fails at once with the server's reason.
 *
 * Without a mail server (`noMailer`, SMTP_URL unset) nothing is claimed: messages stay
 * pending and readable at /admin/outbox, and each new one is logged once by id, kind and
 * subject. Subjects hold only the event title; recipients and bodies (names, manage links)
 * are never logged.
 */
export async function sendDueMessages(
  deps: SenderDeps,
  options: { batch?: number; hold?: HoldState; lanes?: number } = {},
): Promise<SendReport> {
  const { db, mailer, clock, log } = deps;
  const report: SendReport = { sent: 0, retried: 0, failed: 0, held: 0 };

  if (mailer === noMailer) {
    const hold = options.hold ?? { lastLoggedId: 0 };
    const pending = await db
      .select({ id: outbox.id, kind: outbox.kind, subject: outbox.subject })
      .from(outbox)
      .where(
        and(eq(outbox.status, 'pending'), gt(outbox.id, hold.lastLoggedId), isNull(outbox.render)),
      )
      .orderBy(asc(outbox.id))
      .limit(options.batch ?? 100);
    for (const message of pending) {
      log.info('email held in the outbox (SMTP_URL is not set; read it at /admin/outbox)', {
        outboxId: message.id,
        kind: message.kind,
        subject: message.subject,
      });
      hold.lastLoggedId = message.id;
      report.held++;
    }
    return report;
  }

  await db
    .update(outbox)
    .set({
      status: 'failed',
      lastError: 'Interrupted while sending; not retried so that it is never sent twice',
    })
    .where(and(eq(outbox.status, 'sending'), lt(outbox.nextAttemptAt, clock.now())));

  const deliver = async (message: typeof outbox.$inferSelect) => {
    try {
      await mailer.send({
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments,
        headers: message.headers,
      });
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: clock.now(), lastError: null })
        .where(and(eq(outbox.id, message.id), eq(outbox.status, 'sending')));
      report.sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const permanent = isPermanentRefusal(error);
      const giveUp = permanent || message.attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: reason,
          nextAttemptAt: new Date(
            clock.now().getTime() + retryDelaySeconds(message.attempts) * 1000,
          ),
        })
        .where(and(eq(outbox.id, message.id), eq(outbox.status, 'sending')));
      // The error text can quote the recipient; it stays in the outbox row for admins.
      log.warn(
        permanent
          ? 'email refused for good by the mail server'
          : giveUp
            ? 'email failed for good'
            : 'email failed; will retry',
        { outboxId: message.id, kind: message.kind, attempts: message.attempts },
      );
      if (giveUp) report.failed++;
      else report.retried++;
    }
  };
  let unclaimed = options.batch ?? 20;
  const lane = async () => {
    while (unclaimed > 0) {
      unclaimed--;
      const message = await claimNext(db, clock.now());
      if (!message) return;
      await deliver(message);
    }
  };
  // Every lane finishes (its message marked) before an error of one is thrown.
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.max(1, options.lanes ?? 1) }, lane),
  );
  const failure = lanes.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return report;
}

/** Claims the oldest due message for this sender, or null when none is due. */
async function claimNext(db: Db, now: Date) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    // A message still to be written (outbox.render) waits for its writer.
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), isNull(outbox.render)))
    .orderBy(asc(outbox.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [claimed] = await db
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_SECONDS * 1000),
    })
    // `= (subquery)` is evaluated once; `IN (subquery … LIMIT 1)` may be re-run per row and
    // claim every due message at once.
    .where(and(sql`${outbox.id} = (${due})`, eq(outbox.status, 'pending')))
    .returning();
  return claimed ?? null;
}

/** An SMTP 5xx reply (e.g. 550 no such mailbox): retrying cannot help. */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Deletes outbox messages (they hold names, addresses and manage links) whatever their state,
 * except one being sent right now: a message about an event once the event ended before the
 * cutoff (with its registrations, however late it was written or sent), any other once it was
 * written before the cutoff.
 */
export async function pruneOutbox(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(
      and(
        ne(outbox.status, 'sending'),
        or(
          and(isNull(outbox.eventId), lt(outbox.createdAt, before)),
          inArray(
            outbox.eventId,
            db.select({ id: events.id }).from(events).where(lt(events.endsAt, before)),
          ),
        ),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}
