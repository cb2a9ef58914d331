import { vtimezone } from '../calendar/vtimezone';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

export type IcsEvent = {
  id: number;
  slug: string;
  title: string;
  summary: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  venueName: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
  status: 'draft' | 'published' | 'cancelled';
  sequence: number;
};

/**
 * The single-event calendar file attached to registration emails. Same UID and SEQUENCE
 * scheme as the public feeds, so a calendar app updates the one entry instead of adding a copy.
 */
export function eventIcs(event: IcsEvent, publicUrl: string, now: Date): string {
  const host = new URL(publicUrl).hostname;
  const calendar = ical({
    prodId: { company: 'Koda', product: 'Koda', language: 'ET' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const location = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  calendar.createEvent({
    id: `event-${event.id}@${host}`,
    sequence: event.sequence,
    // Luxon times in the event's zone: a plain Date would be written as UTC wall time under the TZID.
    start: DateTime.fromJSDate(event.startsAt).setZone(event.timezone),
    end: DateTime.fromJSDate(event.endsAt).setZone(event.timezone),
    timezone: event.timezone,
    stamp: DateTime.fromJSDate(now).toUTC(),
    summary: event.title,
    description: event.summary ?? undefined,
    location: location || (event.onlineUrl ?? undefined),
    url: `${publicUrl}/events/${event.slug}`,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // No calendar-level zone (it would write DTSTAMP in local time): add the VTIMEZONE by hand.
  const text = calendar.toString();
  const zone = vtimezone(event.timezone);
  return zone ? text.replace('BEGIN:VEVENT', `${zone}BEGIN:VEVENT`) : text;
}
