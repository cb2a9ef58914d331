import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems, events } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest } from '../helpers/api';
import { bearerFor } from '../helpers/auth';
import { body, makeEvent, register } from './registrations-fixtures';

/**
 * The schema.org Event on event pages, read back from the page as a search engine reads it,
 * against Google's Event guidelines: every Place has a PostalAddress, online and hybrid events
 * a VirtualLocation, moved events EventRescheduled with previousStartDate, the hosts as
 * organizers, a free offer whose availability follows the seats, the speakers as performers.
 */

type Ld = Record<string, unknown> & {
  location: Record<string, unknown> | Record<string, unknown>[];
  offers?: Record<string, unknown>;
};

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

async function jsonLdOf(slug: string, lang = 'et'): Promise<Ld> {
  const res = await ctx.app.request(`/events/${slug}?lang=${lang}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  const ld = JSON.parse(scripts[0]?.[1] ?? '') as Ld;
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld['@type']).toBe('Event');
  return ld;
}

const locations = (ld: Ld) => (Array.isArray(ld.location) ? ld.location : [ld.location]);

describe('event JSON-LD', () => {
  it('describes a scheduled in-person event: address from the host, organizer, offer, performers', async () => {
    const event = await makeEvent(ctx, { venueName: 'Keila Kultuurikeskus', capacity: 30 });
    await ctx.deps.db.insert(agendaItems).values([
      {
        eventId: event.id,
        position: 0,
        startsAt: event.startsAt,
        endsAt: new Date(event.startsAt.getTime() + 30 * 60_000),
        title: 'Avasõnad',
        kind: 'talk',
        speakers: ['Mari Maasikas', 'Jüri Õun'],
      },
      {
        eventId: event.id,
        position: 1,
        startsAt: new Date(event.startsAt.getTime() + 30 * 60_000),
        endsAt: new Date(event.startsAt.getTime() + 60 * 60_000),
        title: 'Arutelu',
        kind: 'discussion',
        speakers: ['Jüri Õun'],
      },
    ]);
    const ld = await jsonLdOf(event.slug);
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld.previousStartDate).toBeUndefined();
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(ld.location).toEqual({
      '@type': 'Place',
      name: 'Keila Kultuurikeskus',
      address: {
        '@type': 'PostalAddress',
        addressLocality: 'Keila',
        addressRegion: 'Harju maakond',
        addressCountry: 'EE',
      },
    });
    expect(ld.organizer).toEqual([
      {
        '@type': 'GovernmentOrganization',
        name: 'Keila linn',
        url: 'https://koda.test/municipalities/keila',
      },
    ]);
    expect(ld.offers).toEqual({
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'EUR',
      availability: 'https://schema.org/InStock',
      url: `https://koda.test/events/${event.slug}`,
      validFrom: '2026-11-21T14:00:00+02:00',
    });
    expect(ld.performer).toEqual([
      { '@type': 'Person', name: 'Mari Maasikas' },
      { '@type': 'Person', name: 'Jüri Õun' },
    ]);
    expect(ld.inLanguage).toBe('et');
    // The language of the texts described: untranslated, the English page still describes Estonian.
    expect((await jsonLdOf(event.slug, 'en')).inLanguage).toBe('et');
    expect(ld.image).toBeUndefined();
  });

  it('gives every demo event’s place a postal address, with the street when it is known', async () => {
    const rows = await ctx.deps.db
      .select({ slug: events.slug, address: events.venueAddress })
      .from(events)
      .where(eq(events.status, 'published'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const ld = await jsonLdOf(row.slug);
      const place = locations(ld).find((location) => location['@type'] === 'Place') as {
        address: Record<string, string>;
      };
      expect(place, row.slug).toBeDefined();
      expect(place.address['@type']).toBe('PostalAddress');
      expect(place.address.addressCountry).toBe('EE');
      expect(place.address.addressLocality, row.slug).toBeTruthy();
      expect(place.address.addressRegion, row.slug).toMatch(/ maakond$/);
      if (row.address) expect(place.address.streetAddress).toBe(row.address);
    }
  });

  it('marks a moved published event rescheduled, with its previous start', async () => {
    const event = await makeEvent(ctx, {
      startsAt: new Date('2026-12-15T14:00:00Z'),
      endsAt: new Date('2026-12-15T17:00:00Z'),
      registrationClosesAt: new Date('2026-12-15T12:00:00Z'),
    });
    const res = await apiRequest(
      ctx,
      'PATCH',
      `/events/${event.slug}`,
      { startsAt: '2026-12-17T16:00:00', endsAt: '2026-12-17T19:00:00' },
      keila,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const ld = await jsonLdOf(event.slug);
    expect(ld.eventStatus).toBe('https://schema.org/EventRescheduled');
    expect(ld.startDate).toBe('2026-12-17T16:00:00+02:00');
    expect(ld.previousStartDate).toBe('2026-12-15T16:00:00+02:00');

    // Moved back where it was, it is simply scheduled again.
    await apiRequest(
      ctx,
      'PATCH',
      `/events/${event.slug}`,
      { startsAt: '2026-12-15T16:00:00', endsAt: '2026-12-15T19:00:00' },
      keila,
    );
    const back = await jsonLdOf(event.slug);
    expect(back.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(back.previousStartDate).toBeUndefined();
  });

  it('does not count a draft’s moves: only a published start is anyone’s appointment', async () => {
    const event = await makeEvent(ctx, { status: 'draft' });
    await apiRequest(
      ctx,
      'PATCH',
      `/events/${event.slug}`,
      { startsAt: '2026-12-20T10:00:00', endsAt: '2026-12-20T12:00:00', status: 'published' },
      keila,
    );
    expect((await jsonLdOf(event.slug)).eventStatus).toBe('https://schema.org/EventScheduled');
  });

  it('marks a cancelled event cancelled, with no offer', async () => {
    const event = await makeEvent(ctx);
    const res = await apiRequest(
      ctx,
      'PATCH',
      `/events/${event.slug}`,
      { status: 'cancelled', cancelReason: 'Tormihoiatus' },
      keila,
    );
    expect(res.status).toBe(200);
    const ld = await jsonLdOf(event.slug);
    expect(ld.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(ld.offers).toBeUndefined();
  });

  it('places an online event at a VirtualLocation only', async () => {
    const event = await makeEvent(ctx, {
      venueName: null,
      onlineUrl: 'https://video.example/keila',
    });
    const ld = await jsonLdOf(event.slug);
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(ld.location).toEqual({
      '@type': 'VirtualLocation',
      url: 'https://video.example/keila',
    });
  });

  it('places a hybrid event at both, and keeps it on sale online when the hall is full', async () => {
    const event = await makeEvent(ctx, {
      capacity: 1,
      waitlist: false,
      venueAddress: 'Keskväljak 11, Keila',
      onlineUrl: 'https://video.example/keila-hybriid',
    });
    expect((await register(ctx, event.slug, body())).status).toBe(201);
    const ld = await jsonLdOf(event.slug);
    expect(ld.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(locations(ld)).toEqual([
      {
        '@type': 'Place',
        name: 'Keila Kultuurikeskus',
        address: {
          '@type': 'PostalAddress',
          streetAddress: 'Keskväljak 11, Keila',
          addressLocality: 'Keila',
          addressRegion: 'Harju maakond',
          addressCountry: 'EE',
        },
      },
      { '@type': 'VirtualLocation', url: 'https://video.example/keila-hybriid' },
    ]);
    expect(ld.offers?.availability).toBe('https://schema.org/InStock');
  });

  it('is sold out when every seat is taken, and on pre-order before registration opens', async () => {
    const full = await makeEvent(ctx, { capacity: 1 });
    expect((await register(ctx, full.slug, body())).status).toBe(201);
    expect((await jsonLdOf(full.slug)).offers?.availability).toBe('https://schema.org/SoldOut');
    const later = await makeEvent(ctx, {
      registrationOpensAt: new Date('2026-12-01T08:00:00Z'),
    });
    const ld = await jsonLdOf(later.slug);
    expect(ld.offers?.availability).toBe('https://schema.org/PreOrder');
    expect(ld.offers?.validFrom).toBe('2026-12-01T10:00:00+02:00');
  });
});
