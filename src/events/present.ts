import { z } from 'zod';
import { questionResponse } from '@/questions';
import { toZonedIso } from '@/platform/time';
import type { Lang } from '@/platform/i18n';
import { allLanguages, fieldTranslations, translationsResponse } from '@/platform/i18n/content';
import { eventTranslations, localizeAgenda, localizeEvent } from './content';
import type { EventSummary } from './queries';
import type { AgendaItemRow, StoredEvent } from './reads';

/**
 * The API's view of an event: public fields only, times with the offset of the event's zone;
 * with `lang`, its texts in that language (else the original) and `translations` beside them.
 */
export function eventJson(stored: StoredEvent, publicUrl: string, lang?: Lang) {
  const event = lang ? localizeEvent(stored, lang) : stored;
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
    originalLang: stored.originalLang,
    translations: eventTranslations(stored),
  };
}

/** An event in the API's list: with `lang`, its texts in that language, else the original. */
export function eventSummaryJson(stored: EventSummary, publicUrl: string, lang?: Lang) {
  const event = lang ? localizeEvent(stored, lang) : stored;
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
    originalLang: stored.originalLang,
    translations: fieldTranslations(stored, ['title', 'summary', 'venueName']),
  };
}

export function agendaItemJson(stored: AgendaItemRow, timezone: string, lang?: Lang) {
  const [item = stored] = lang ? localizeAgenda([stored], lang) : [stored];
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
    translations: { title: allLanguages(stored, 'title', stored.title) },
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
  originalLang: z.string(),
  translations: translationsResponse,
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
  translations: translationsResponse,
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
  originalLang: z.string().meta({
    description: 'The language the event was written in: its texts fall back to it',
  }),
  translations: translationsResponse,
  questions: z
    .array(questionResponse)
    .meta({ description: 'What registering asks (answers go in the registration’s `answers`)' }),
});

// ----- the event page: what it shows in each phase ---------------------------------------------

/**
 * Where an event stands for the reader: `before` it starts (register, add to a calendar),
 * `live` while it runs (the player and the item on now), `after` it ended (what came of it
 * first), or `cancelled` (a banner and nothing to act on).
 */
export type EventPhase = 'before' | 'live' | 'after' | 'cancelled';

export function eventPhase(
  event: { status: string; startsAt: Date; endsAt: Date },
  now: Date,
): EventPhase {
  if (event.status === 'cancelled') return 'cancelled';
  if (now < event.startsAt) return 'before';
  if (now < event.endsAt) return 'live';
  return 'after';
}

/** The public agenda in time order (organizers may have entered rows in any order). */
export function agendaInTimeOrder<T extends { startsAt: Date; endsAt: Date; position: number }>(
  agenda: readonly T[],
): T[] {
  return [...agenda].sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      a.endsAt.getTime() - b.endsAt.getTime() ||
      a.position - b.position,
  );
}

/** The agenda item on now, if any (the first of overlapping ones). */
export function currentAgendaItem<T extends { startsAt: Date; endsAt: Date }>(
  agenda: readonly T[],
  now: Date,
): T | null {
  return agenda.find((item) => item.startsAt <= now && now < item.endsAt) ?? null;
}

/**
 * A postponed event: one that moved while published keeps its previous start; the page shows
 * the old time beside the new one while the event is still ahead.
 */
export function previousStart(
  event: { startsAt: Date; previousStartsAt?: Date | null },
  phase: EventPhase,
): Date | null {
  const previous = event.previousStartsAt ?? null;
  if (!previous || phase !== 'before') return null;
  return previous.getTime() === event.startsAt.getTime() ? null : previous;
}
