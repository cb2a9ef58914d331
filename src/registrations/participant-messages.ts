import { and, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import {
  eventMessages,
  messageAudience,
  messageUnsubscribeTokens,
  registrations,
} from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { HttpError, parseOrThrow } from '@/platform/http/errors';
import { hashToken, newToken } from '@/platform/tokens';
import { mailRecipientColumns, type RegistrationEvent } from './queries';
import { mailContext, mailParticipant, type MailContext, type RegistrationDeps } from './mail';

/**
 * Organizers write to an event's participants ("bring your own cup", "the slides are here"):
 * one outbox email per person, in the transaction that records the message.
 */

export const audiences = messageAudience.enumValues;
export type Audience = (typeof audiences)[number];

export const participantMessageSchema = z.object({
  audience: z.enum(audiences),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/, 'One line only'),
  body: z.string().trim().min(1).max(10_000),
});
export type ParticipantMessageInput = z.input<typeof participantMessageSchema>;

/**
 * Who is in an audience: people with an address (not anonymized) who have not cancelled and
 * have not stopped these messages (the one-click link in each of them).
 */
function audienceWhere(eventId: number, audience: Audience): SQL | undefined {
  const base = [
    eq(registrations.eventId, eventId),
    isNotNull(registrations.email),
    ne(registrations.status, 'cancelled'),
    isNull(registrations.messagesStoppedAt),
  ];
  if (audience === 'confirmed') return and(...base, eq(registrations.status, 'confirmed'));
  if (audience === 'attended') return and(...base, isNotNull(registrations.checkedInAt));
  return and(...base, inArray(registrations.status, ['confirmed', 'waitlisted']));
}

/** How many people each audience reaches now (for the form's labels). */
export async function audienceSizes(
  db: Queryable,
  eventId: number,
): Promise<Record<Audience, number>> {
  const [row] = await db
    .select({
      registered: sql<number>`count(*)::int`,
      confirmed: sql<number>`(count(*) filter (where ${registrations.status} = 'confirmed'))::int`,
      attended: sql<number>`(count(*) filter (where ${registrations.checkedInAt} is not null))::int`,
    })
    .from(registrations)
    .where(audienceWhere(eventId, 'registered'));
  return {
    registered: row?.registered ?? 0,
    confirmed: row?.confirmed ?? 0,
    attended: row?.attended ?? 0,
  };
}

/**
 * Records the message and writes one email per person of the audience, all or nothing. An
 * audience nobody is in is refused (422 on `audience`). Returns the stored message.
 */
export async function sendParticipantMessage(
  deps: RegistrationDeps,
  user: CurrentUser,
  event: RegistrationEvent,
  input: ParticipantMessageInput,
): Promise<SentMessage> {
  const message = parseOrThrow(participantMessageSchema, input);
  const now = deps.clock.now();
  const ctx: MailContext = mailContext(deps, now);
  return deps.db.transaction(async (tx) => {
    const people = await tx
      .select(mailRecipientColumns)
      .from(registrations)
      .where(audienceWhere(event.id, message.audience))
      .orderBy(registrations.id);
    if (people.length === 0) {
      throw new HttpError('nobody_to_message', 'Nobody in this audience to write to', [
        {
          path: 'audience',
          message: 'Nobody in this audience to write to',
          localized: { key: 'registration.message.error.nobody' },
        },
      ]);
    }
    const [row] = await tx
      .insert(eventMessages)
      .values({
        eventId: event.id,
        authorId: user.id,
        audience: message.audience,
        subject: message.subject,
        body: message.body,
        recipients: people.length,
        createdAt: now,
      })
      .returning({
        id: eventMessages.id,
        audience: eventMessages.audience,
        subject: eventMessages.subject,
        body: eventMessages.body,
        recipients: eventMessages.recipients,
        createdAt: eventMessages.createdAt,
      });
    if (!row) throw new Error('event message insert returned nothing');
    for (const person of people) {
      await mailParticipant(tx, 'message', person, event, ctx, {
        message: { subject: message.subject, body: message.body },
        dedupeKey: `registration.message:${row.id}:${person.id}`,
        headers: await unsubscribeHeaders(tx, person.id, ctx),
      });
    }
    await recordAudit(
      tx,
      user,
      {
        action: 'registration.message',
        entity: 'event',
        entityId: event.id,
        after: {
          messageId: row.id,
          audience: message.audience,
          subject: message.subject,
          recipients: people.length,
        },
      },
      now,
    );
    return row;
  });
}

/**
 * One-click unsubscribe (RFC 2369, RFC 8058) for one person's copy of a bulk message: a new
 * token, stored hashed, whose https link stops organizers' messages for this registration only.
 */
async function unsubscribeHeaders(
  tx: Queryable,
  registrationId: number,
  ctx: { publicUrl: string; now: Date },
): Promise<Record<string, string>> {
  const token = newToken();
  await tx
    .insert(messageUnsubscribeTokens)
    .values({ registrationId, tokenHash: await hashToken(token), createdAt: ctx.now });
  return {
    'List-Unsubscribe': `<${unsubscribeUrlFor(ctx.publicUrl, token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export function unsubscribeUrlFor(publicUrl: string, token: string): string {
  return `${publicUrl}/messages/${token}/unsubscribe`;
}

export type SentMessage = {
  id: number;
  audience: Audience;
  subject: string;
  body: string;
  recipients: number;
  createdAt: Date;
};

/** The messages sent about an event, newest first. */
export async function listParticipantMessages(
  db: Queryable,
  eventId: number,
): Promise<SentMessage[]> {
  return db
    .select({
      id: eventMessages.id,
      audience: eventMessages.audience,
      subject: eventMessages.subject,
      body: eventMessages.body,
      recipients: eventMessages.recipients,
      createdAt: eventMessages.createdAt,
    })
    .from(eventMessages)
    .where(eq(eventMessages.eventId, eventId))
    .orderBy(desc(eventMessages.createdAt), desc(eventMessages.id));
}
