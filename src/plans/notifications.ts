import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { findEventsByIds } from '@/events';
import { actionItemSources, outcomes, registrations } from '@/platform/db/schema';
import type { Tx } from '@/platform/db/types';
import { isLang } from '@/platform/i18n';
import { localize } from '@/platform/i18n/content';
import { withLang } from '@/platform/i18n/link';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { statusChangeEmail } from './emails';
import type { ItemRow, PlanRow, UpdateRow } from './reads';
import type { ItemStatus } from './rules';

/** Emails (through the outbox, in the caller's transaction) everyone who asked to hear. */
export async function notifyStatusChange(
  tx: Tx,
  args: {
    item: ItemRow;
    previous: ItemStatus;
    plan: PlanRow;
    update: UpdateRow;
    publicUrl: string;
    now: Date;
  },
): Promise<number> {
  const cited = await tx
    .selectDistinct({ eventId: outcomes.eventId })
    .from(actionItemSources)
    .innerJoin(outcomes, eq(outcomes.id, actionItemSources.outcomeId))
    .where(eq(actionItemSources.actionItemId, args.item.id));
  const sourceEvents = [
    ...(
      await findEventsByIds(
        tx,
        cited.map((row) => row.eventId),
      )
    ).values(),
  ];
  if (sourceEvents.length === 0) return 0;
  const people = await tx
    .select({
      email: registrations.email,
      lang: registrations.lang,
      eventId: registrations.eventId,
    })
    .from(registrations)
    .where(
      and(
        inArray(
          registrations.eventId,
          sourceEvents.map((event) => event.id),
        ),
        isNotNull(registrations.followUpConsentAt),
        isNotNull(registrations.email),
        isNull(registrations.anonymizedAt),
        ne(registrations.status, 'cancelled'),
      ),
    )
    .orderBy(asc(registrations.id));
  const sent = new Set<string>();
  for (const person of people) {
    if (!person.email) continue;
    const key = person.email.toLowerCase();
    if (sent.has(key)) continue;
    sent.add(key);
    const event = sourceEvents.find((row) => row.id === person.eventId);
    const lang = isLang(person.lang) ? person.lang : 'et';
    // Titles in the reader's language where translated, and the link opening in it.
    const email = statusChangeEmail(lang, {
      itemTitle: localize(args.item, 'title', args.item.title, lang).text,
      planTitle: localize(args.plan, 'title', args.plan.title, lang).text,
      eventTitle: event ? localize(event, 'title', event.title, lang).text : '',
      previous: args.previous,
      status: args.item.status,
      progress: args.item.progress,
      note: args.update.note,
      planUrl: withLang(`${args.publicUrl}/plans/${args.plan.id}#item-${args.item.id}`, lang),
    });
    await enqueueEmail(
      tx,
      {
        kind: 'plan.item_status',
        recipient: person.email,
        subject: email.subject,
        text: email.text,
        dedupeKey: `plan-item-update:${args.update.id}:${key}`,
        // Kept as long as the registration the address came from.
        eventId: person.eventId,
      },
      args.now,
    );
  }
  return sent.size;
}
