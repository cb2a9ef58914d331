import { inArray } from 'drizzle-orm';
import { municipalities } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { Lang } from '@/platform/i18n';
import { toZonedIso } from '@/platform/time';
import type { StoredEvent } from './reads';

/**
 * schema.org Event for search engines and aggregators (Google's Event guidelines): public
 * fields only, never a participant. Every Place has a PostalAddress (locality, county and
 * country from the host municipality when no street is known), online and hybrid events a
 * VirtualLocation, a moved event `EventRescheduled` with `previousStartDate`, the hosts as
 * organizers, registration as a free offer whose availability follows the seats, the agenda's
 * speakers as performers.
 */

const SCHEMA = 'https://schema.org/';

/** A host municipality as the JSON-LD needs it. */
export type JsonLdHost = {
  id: number;
  slug: string;
  name: string;
  kind: 'city' | 'parish' | 'county' | 'other';
  county: string | null;
  website: string | null;
};

/** What the page knows besides the event: its agenda, seats and registration window. */
export type JsonLdFacts = {
  hosts: JsonLdHost[];
  agenda: { kind: string; speakers: string[] }[];
  seats: { available: number | null };
  /** The registration window (src/registrations registrationWindow). */
  registration: 'open' | 'not_yet_open' | 'closed' | 'cancelled' | 'not_found';
  /** An image of the event (absolute URL), when there is one. */
  image?: string | null;
};

/** The host municipalities' details the JSON-LD shows, in the event's host order. */
export async function jsonLdHosts(db: Queryable, event: StoredEvent): Promise<JsonLdHost[]> {
  if (event.hosts.length === 0) return [];
  const rows = await db
    .select({
      id: municipalities.id,
      slug: municipalities.slug,
      name: municipalities.name,
      kind: municipalities.kind,
      county: municipalities.county,
      website: municipalities.website,
    })
    .from(municipalities)
    .where(
      inArray(
        municipalities.id,
        event.hosts.map((host) => host.id),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return event.hosts.flatMap((host) => byId.get(host.id) ?? []);
}

/** The town or parish of an address: a city without "linn" ("Keila linn" → "Keila"). */
export function localityOf(host: Pick<JsonLdHost, 'name' | 'kind'>): string {
  return host.kind === 'city' ? host.name.replace(/\s+linn$/i, '') : host.name;
}

/** The host whose place the venue is: the one the venue's name or address names, else the first. */
function venueHost(event: StoredEvent, hosts: JsonLdHost[]): JsonLdHost | undefined {
  const text = `${event.venueName ?? ''} ${event.venueAddress ?? ''}`.toLocaleLowerCase('et');
  return hosts.find((host) => text.includes(localityOf(host).toLocaleLowerCase('et'))) ?? hosts[0];
}

function postalAddress(event: StoredEvent, host: JsonLdHost | undefined) {
  const region = host?.kind === 'county' ? host.name : host?.county;
  return {
    '@type': 'PostalAddress',
    ...(event.venueAddress ? { streetAddress: event.venueAddress } : {}),
    ...(host && host.kind !== 'county' ? { addressLocality: localityOf(host) } : {}),
    ...(region ? { addressRegion: region } : {}),
    addressCountry: 'EE',
  };
}

function place(event: StoredEvent, hosts: JsonLdHost[]) {
  const host = venueHost(event, hosts);
  return {
    '@type': 'Place',
    name: event.venueName ?? (host ? localityOf(host) : 'Eesti'),
    address: postalAddress(event, host),
    ...(event.venueLat !== null && event.venueLon !== null
      ? {
          geo: {
            '@type': 'GeoCoordinates',
            latitude: event.venueLat,
            longitude: event.venueLon,
          },
        }
      : {}),
  };
}

/** Google reads InStock, SoldOut and PreOrder for events; registration is always free. */
function availability(event: StoredEvent, facts: JsonLdFacts): string {
  if (facts.registration === 'not_yet_open') return `${SCHEMA}PreOrder`;
  if (facts.registration !== 'open') return `${SCHEMA}SoldOut`;
  // Online attendance is never capped; in person, the seats (a waitlist is not a seat).
  if (event.onlineUrl) return `${SCHEMA}InStock`;
  const { available } = facts.seats;
  return available === null || available > 0 ? `${SCHEMA}InStock` : `${SCHEMA}SoldOut`;
}

function eventStatusOf(event: StoredEvent): string {
  if (event.status === 'cancelled') return `${SCHEMA}EventCancelled`;
  if (event.previousStartsAt && event.previousStartsAt.getTime() !== event.startsAt.getTime()) {
    return `${SCHEMA}EventRescheduled`;
  }
  return `${SCHEMA}EventScheduled`;
}

/** The JSON-LD object of an event page. */
export function eventJsonLd(event: StoredEvent, facts: JsonLdFacts, publicUrl: string, lang: Lang) {
  const url = `${publicUrl}/events/${event.slug}`;
  const virtual = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : null;
  // An event with no online link happens somewhere: its hosts' place at least.
  const physical = event.venueName || !virtual ? place(event, facts.hosts) : null;
  const attendanceMode =
    physical && virtual
      ? `${SCHEMA}MixedEventAttendanceMode`
      : virtual
        ? `${SCHEMA}OnlineEventAttendanceMode`
        : `${SCHEMA}OfflineEventAttendanceMode`;
  const locations = [physical, virtual].filter((location) => location !== null);
  const status = eventStatusOf(event);
  const speakers = [
    ...new Set(
      facts.agenda
        .filter((item) => item.kind !== 'break')
        .flatMap((item) => item.speakers.map((speaker) => speaker.trim()))
        .filter((speaker) => speaker !== ''),
    ),
  ];
  const validFrom = event.registrationOpensAt ?? event.publishedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    ...(event.summary ? { description: event.summary } : {}),
    url,
    ...(facts.image ? { image: [facts.image] } : {}),
    startDate: toZonedIso(event.startsAt, event.timezone),
    endDate: toZonedIso(event.endsAt, event.timezone),
    ...(status === `${SCHEMA}EventRescheduled` && event.previousStartsAt
      ? { previousStartDate: toZonedIso(event.previousStartsAt, event.timezone) }
      : {}),
    eventStatus: status,
    eventAttendanceMode: attendanceMode,
    location: locations.length === 1 ? locations[0] : locations,
    organizer: facts.hosts.map((host) => ({
      '@type': 'GovernmentOrganization',
      name: host.name,
      url: host.website ?? `${publicUrl}/municipalities/${host.slug}`,
    })),
    ...(speakers.length > 0
      ? { performer: speakers.map((name) => ({ '@type': 'Person', name })) }
      : {}),
    ...(event.status === 'cancelled'
      ? {}
      : {
          offers: {
            '@type': 'Offer',
            price: 0,
            priceCurrency: 'EUR',
            availability: availability(event, facts),
            url,
            ...(validFrom ? { validFrom: toZonedIso(validFrom, event.timezone) } : {}),
          },
        }),
    inLanguage: lang,
    isAccessibleForFree: true,
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the tag. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
