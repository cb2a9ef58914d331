import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { escapeText, FEED_TTL_SECONDS, foldLines, organizerAddress } from '@/calendar';
import type { Lang, Translate } from '@/platform/i18n';
import { localize } from '@/platform/i18n/content';
import { multiLineText, singleLineText } from '@/platform/text';
import type { ItemDetail, PlanWithMunicipality } from './reads';

/**
 * A plan's due dates as a calendar to subscribe to: one all-day VEVENT per item with a due date.
 * The UID is the item's, so a moved date moves the entry (SEQUENCE counts the moves) instead of
 * adding one; a dropped item's entry is CANCELLED. Dates need no time zone (VALUE=DATE).
 *
 * Texts are made safe whatever the database holds: the calendar's name is escaped here
 * (ical-generator writes it as given), one-line texts lose line breaks and control characters.
 * ORGANIZER is the plan's municipality at the site's no-reply address; DTSTAMP is when the item
 * last changed (the entry is created anew then; see src/calendar/feed.ts buildVevent).
 */
export function planDeadlinesIcs(args: {
  plan: PlanWithMunicipality;
  items: ItemDetail[];
  publicUrl: string;
  mailFrom?: string;
  lang: Lang;
  t: Translate;
}): string {
  const { plan, items, publicUrl, t, lang } = args;
  // Titles in the calendar's language where translated (plain text: no marks for the others).
  const title = (row: Parameters<typeof localize>[0], text: string) =>
    localize(row, 'title', text, lang).text;
  const planUrl = `${publicUrl}/plans/${plan.id}`;
  const host = new URL(publicUrl).hostname;
  const calendar = ical({
    name: escapeText(singleLineText(t('plans.calendar.name', { title: title(plan, plan.title) }))),
    prodId: { company: 'Koda', product: 'Koda', language: args.lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_TTL_SECONDS,
  });
  const organizer = {
    name: singleLineText(plan.municipality.name),
    email: organizerAddress(args.mailFrom, publicUrl),
  };
  for (const item of items) {
    if (!item.dueDate) continue;
    const day = DateTime.fromISO(item.dueDate, { zone: 'utc' });
    const changed = DateTime.fromJSDate(item.updatedAt, { zone: 'utc' });
    const status = t(`plans.status.${item.status}`);
    calendar.createEvent({
      id: `plan-item-${item.id}@${host}`,
      allDay: true,
      start: day,
      end: day.plus({ days: 1 }),
      sequence: item.dueDateMoves,
      stamp: changed,
      lastModified: changed,
      summary: singleLineText(t('plans.calendar.summary', { title: title(item, item.title) })),
      description: multiLineText(
        [
          t('plans.calendar.state', { status, progress: item.progress }),
          item.responsible
            ? t('plans.calendar.responsible', { who: singleLineText(item.responsible) })
            : null,
          `${planUrl}#item-${item.id}`,
        ]
          .filter((line) => line !== null)
          .join('\n'),
      ),
      organizer,
      url: `${planUrl}#item-${item.id}`,
      status: item.status === 'dropped' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // Every content line ends with CRLF (RFC 5545), the last one too.
  return `${foldLines(calendar.toString().replace(/\r\n$/, ''))}\r\n`;
}
