import { z } from 'zod';
import { toZonedIso } from '@/platform/time';
import type { EventSummary } from './queries';
import type { AgendaItemRow, StoredEvent } from './reads';

/** The API's view of an event: public fields only, times with the offset of the event's zone. */
export function eventJson(event: StoredEvent, publicUrl: string) {
  const zoned = (date: Date | null) => (date ? toZonedIso(date, event.timezone) : null);
  return {
    id: event.id,
    slug: event.slug,
    url: `${publicUrl}/events/${event.slug}`,
    kind: event.kind,
    status: event.status,
    title: event.title,
    summary: event.summary,
    description: event.description,
    startsAt: zoned(event.startsAt) as string,
    endsAt: zoned(event.endsAt) as string,
    timezone: event.timezone,
    hosts: event.hosts.map((host) => ({ slug: host.slug, name: host.name })),
    venue: event.venueName
      ? {
          name: event.venueName,
          address: event.venueAddress,
          lat: event.venueLat,
          lon: event.venueLon,
        }
      : null,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    waitlist: event.waitlist,
    registrationOpensAt: zoned(event.registrationOpensAt),
    registrationClosesAt: zoned(event.registrationClosesAt),
    cancelReason: event.cancelReason,
    updatedAt: event.updatedAt.toISOString(),
  };
}

export function eventSummaryJson(event: EventSummary, publicUrl: string) {
  return {
    id: event.id,
    slug: event.slug,
    url: `${publicUrl}/events/${event.slug}`,
    kind: event.kind,
    status: event.status,
    title: event.title,
    summary: event.summary,
    startsAt: toZonedIso(event.startsAt, event.timezone),
    endsAt: toZonedIso(event.endsAt, event.timezone),
    timezone: event.timezone,
    venueName: event.venueName,
    onlineUrl: event.onlineUrl,
    hosts: event.hosts,
  };
}

export function agendaItemJson(item: AgendaItemRow, timezone: string) {
  return {
    id: item.id,
    position: item.position,
    startsAt: toZonedIso(item.startsAt, timezone),
    endsAt: toZonedIso(item.endsAt, timezone),
    title: item.title,
    description: item.description,
    speakers: item.speakers,
    kind: item.kind,
    room: item.room,
    capacity: item.capacity,
  };
}

const hostSchema = z.object({ slug: z.string(), name: z.string() });

export const eventSummaryResponse = z.object({
  id: z.number().int(),
  slug: z.string(),
  url: z.string(),
  kind: z.string(),
  status: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  venueName: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  hosts: z.array(hostSchema),
});

export const agendaItemResponse = z.object({
  id: z.number().int(),
  position: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  speakers: z.array(z.string()),
  kind: z.string(),
  room: z.string().nullable(),
  capacity: z.number().int().nullable(),
});

export const eventResponse = z.looseObject({
  id: z.number().int(),
  slug: z.string(),
  url: z.string(),
  kind: z.string(),
  status: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  hosts: z.array(hostSchema),
  venue: z
    .object({
      name: z.string(),
      address: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    })
    .nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  waitlist: z.boolean(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  updatedAt: z.string(),
});
