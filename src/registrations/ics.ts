import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

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
  calendar.timezone({ name: event.timezone, generator: getVtimezoneComponent });
  const location = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  calendar.createEvent({
    id: `event-${event.id}@${host}`,
    sequence: event.sequence,
    start: event.startsAt,
    end: event.endsAt,
    timezone: event.timezone,
    stamp: now,
    summary: event.title,
    description: event.summary ?? undefined,
    location: location || (event.onlineUrl ?? undefined),
    url: `${publicUrl}/events/${event.slug}`,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
