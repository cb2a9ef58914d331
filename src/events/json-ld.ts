import { toZonedIso } from '@/platform/time';
import type { StoredEvent } from './reads';

/** schema.org Event for search engines and aggregators; public fields only. */
export function eventJsonLd(event: StoredEvent, publicUrl: string, lang: 'et' | 'en') {
  const url = `${publicUrl}/events/${event.slug}`;
  const place = event.venueName
    ? {
        '@type': 'Place',
        name: event.venueName,
        ...(event.venueAddress
          ? {
              address: {
                '@type': 'PostalAddress',
                streetAddress: event.venueAddress,
                addressCountry: 'EE',
              },
            }
          : {}),
        ...(event.venueLat !== null && event.venueLon !== null
          ? {
              geo: {
                '@type': 'GeoCoordinates',
                latitude: event.venueLat,
                longitude: event.venueLon,
              },
            }
          : {}),
      }
    : null;
  const virtual = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : null;
  const attendanceMode =
    place && virtual
      ? 'https://schema.org/MixedEventAttendanceMode'
      : virtual
        ? 'https://schema.org/OnlineEventAttendanceMode'
        : 'https://schema.org/OfflineEventAttendanceMode';
  const locations = [place, virtual].filter((location) => location !== null);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    ...(event.summary ? { description: event.summary } : {}),
    url,
    startDate: toZonedIso(event.startsAt, event.timezone),
    endDate: toZonedIso(event.endsAt, event.timezone),
    eventStatus:
      event.status === 'cancelled'
        ? 'https://schema.org/EventCancelled'
        : 'https://schema.org/EventScheduled',
    eventAttendanceMode: attendanceMode,
    ...(locations.length === 1
      ? { location: locations[0] }
      : locations.length > 1
        ? { location: locations }
        : {}),
    organizer: event.hosts.map((host) => ({
      '@type': 'GovernmentOrganization',
      name: host.name,
      url: `${publicUrl}/municipalities/${host.slug}`,
    })),
    inLanguage: lang === 'et' ? 'et' : 'en',
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
