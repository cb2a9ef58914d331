import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventIcs } from '@/calendar/feed';
import { createFeedToken, revokeFeedToken } from '@/calendar/tokens';
import {
  agendaItems,
  eventHosts,
  events,
  municipalities,
  recordings,
  registrations,
} from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
const ZONE = 'Europe/Tallinn';
const LONG_TITLE =
  'Õhtune mõttekoda Järva-Jaanis: ühistransport, külaseltsid ja öine tänavavalgustus — üle­vaade';

type Fixture = { id: number; slug: string };
const fixtures: Record<string, Fixture> = {};
let edits = 0;

function tallinn(iso: string): Date {
  return DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
}

async function municipalityId(slug: string): Promise<number> {
  const [row] = await ctx.deps.db
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.slug, slug));
  if (!row) throw new Error(`no municipality ${slug}`);
  return row.id;
}

async function addEvent(
  key: string,
  values: Partial<typeof events.$inferInsert> & { startsAt: Date; endsAt: Date },
  hosts: string[],
): Promise<Fixture> {
  const slug = `cal-${key}`;
  const [row] = await ctx.deps.db
    .insert(events)
    .values({
      slug,
      kind: 'think_tank',
      status: 'published',
      title: `Calendar test ${key}`,
      timezone: ZONE,
      updatedAt: new Date('2026-11-01T10:00:00Z'),
      ...values,
    })
    .returning({ id: events.id, slug: events.slug });
  if (!row) throw new Error('insert failed');
  for (const [position, host] of hosts.entries()) {
    await ctx.deps.db
      .insert(eventHosts)
      .values({ eventId: row.id, municipalityId: await municipalityId(host), position });
  }
  fixtures[key] = row;
  return row;
}

/** Changes an event the way the events code does: bumps updatedAt and, for time/place/status, sequence. */
async function editEvent(
  id: number,
  values: Partial<typeof events.$inferInsert>,
  options: { bumpSequence: boolean },
) {
  edits++;
  await ctx.deps.db
    .update(events)
    .set({
      ...values,
      updatedAt: new Date(ctx.clock.now().getTime() - 3_600_000 + edits * 1000),
      ...(options.bumpSequence ? { sequence: sql`${events.sequence} + 1` } : {}),
    })
    .where(eq(events.id, id));
}

async function get(path: string, headers: Record<string, string> = {}) {
  return ctx.app.request(path, { headers });
}

/** Parses a feed with ical.js (throws on malformed input) and registers its VTIMEZONEs. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  }
  return root;
}

function vevent(root: ICAL.Component, uidPart: string | number): ICAL.Component | undefined {
  return root
    .getAllSubcomponents('vevent')
    .find(
      (component) =>
        String(component.getFirstPropertyValue('uid')) === `event-${uidPart}@koda.test`,
    );
}

async function feed(path: string) {
  const res = await get(path);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, text, root: parse(text) };
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  // 16:00 Tallinn in summer (UTC+3) and in winter (UTC+2), upcoming relative to the test clock.
  await addEvent(
    'summer',
    {
      title: LONG_TITLE,
      summary:
        'Arutame, kuidas õpilased, eakad ja külaliikumine saaksid öösiti turvaliselt koju: ülevaade ühistranspordist, mõõdikud ja ettepanekud volikogule.',
      startsAt: tallinn('2027-07-15T16:00'),
      endsAt: tallinn('2027-07-15T19:00'),
      venueName: 'Järva-Jaani rahvamaja',
      venueAddress: 'Lõuna 4, Järva-Jaani',
      venueLat: 59.0389,
      venueLon: 25.8836,
      onlineUrl: 'https://stream.example/jj',
    },
    ['keila'],
  );
  await addEvent(
    'winter',
    {
      kind: 'forum',
      startsAt: tallinn('2027-01-20T16:00'),
      endsAt: tallinn('2027-01-20T18:00'),
    },
    ['rouge'],
  );
  const summer = fixtures.summer;
  if (!summer) throw new Error('fixture');
  await ctx.deps.db.insert(agendaItems).values({
    eventId: summer.id,
    position: 0,
    startsAt: tallinn('2027-07-15T16:00'),
    endsAt: tallinn('2027-07-15T16:30'),
    title: 'Avasõnad',
    kind: 'talk',
  });
  await addEvent(
    'draft',
    { status: 'draft', startsAt: tallinn('2027-02-01T10:00'), endsAt: tallinn('2027-02-01T12:00') },
    ['keila'],
  );
  await addEvent(
    'oldCancelled',
    {
      status: 'cancelled',
      startsAt: tallinn('2026-10-10T10:00'),
      endsAt: tallinn('2026-10-10T12:00'),
    },
    ['keila'],
  );
  await addEvent(
    'recentCancelled',
    {
      status: 'cancelled',
      cancelReason: 'Saal on remondis',
      sequence: 1,
      startsAt: tallinn('2026-11-16T10:00'),
      endsAt: tallinn('2026-11-16T12:00'),
    },
    ['keila'],
  );
  await addEvent(
    'ancient',
    { startsAt: tallinn('2023-05-05T10:00'), endsAt: tallinn('2023-05-05T12:00') },
    ['keila'],
  );
  await addEvent(
    'recorded',
    {
      startsAt: tallinn('2026-11-26T10:00'),
      endsAt: tallinn('2026-11-26T15:00'),
      onlineUrl: 'https://stream.example/live',
    },
    ['tartu'],
  );
  const recorded = fixtures.recorded;
  if (!recorded) throw new Error('fixture');
  await ctx.deps.db.insert(recordings).values({
    eventId: recorded.id,
    title: 'Salvestis',
    sourceUrl: 'https://www.youtube.com/watch?v=abc',
    provider: 'youtube',
    published: true,
    updatedAt: new Date('2026-11-26T09:00:00Z'),
  });
});
afterAll(() => ctx.close());

describe('/calendar.ics', () => {
  it('is text/calendar that ical.js parses, with the calendar properties', async () => {
    const { res, text, root } = await feed('/calendar.ics');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('prodid')).toMatch(/Koda/);
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('name')).toBeTruthy();
    expect(root.getFirstPropertyValue('x-wr-calname')).toBeTruthy();
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe(ZONE);
    expect(String(root.getFirstPropertyValue('refresh-interval'))).toMatch(/^PT\dH$/);
    expect(root.getFirstPropertyValue('x-published-ttl')).toMatch(/^PT\dH$/);
    expect(text).not.toMatch(/METHOD:(REQUEST|CANCEL)/);
    const tzids = root
      .getAllSubcomponents('vtimezone')
      .map((tz) => tz.getFirstPropertyValue('tzid'));
    expect(tzids).toEqual([ZONE]);
  });

  it('keeps 16:00 Tallinn as 16:00 Tallinn in summer and in winter', async () => {
    const { root } = await feed('/calendar.ics');
    for (const [key, utcHour] of [
      ['summer', 13],
      ['winter', 14],
    ] as const) {
      const component = vevent(root, fixtures[key]?.id ?? 0);
      expect(component, key).toBeDefined();
      const start = component?.getFirstProperty('dtstart');
      expect(start?.getParameter('tzid')).toBe(ZONE);
      const time = start?.getFirstValue() as ICAL.Time;
      expect([time.hour, time.minute]).toEqual([16, 0]);
      expect(time.toJSDate().getUTCHours()).toBe(utcHour);
      const end = component?.getFirstProperty('dtend');
      expect(end?.getParameter('tzid')).toBe(ZONE);
    }
  });

  it('writes every VEVENT property: UID, UTC DTSTAMP, SEQUENCE, STATUS, text, place, links, categories', async () => {
    const { root } = await feed('/calendar.ics');
    const summer = vevent(root, fixtures.summer?.id ?? 0);
    expect(summer).toBeDefined();
    const stamp = summer?.getFirstProperty('dtstamp');
    expect(stamp?.toICALString()).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(stamp?.toICALString()).toBe('DTSTAMP:20261101T100000Z');
    expect(summer?.getFirstProperty('last-modified')?.toICALString()).toBe(
      'LAST-MODIFIED:20261101T100000Z',
    );
    expect(summer?.getFirstPropertyValue('sequence')).toBe(0);
    expect(summer?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(summer?.getFirstPropertyValue('summary')).toBe(LONG_TITLE);
    const description = String(summer?.getFirstPropertyValue('description'));
    expect(description).toContain('õpilased, eakad');
    expect(description).toContain('16:00–16:30 Avasõnad');
    expect(description).toContain('https://stream.example/jj');
    expect(description).toContain(`https://koda.test/events/${fixtures.summer?.slug}`);
    expect(summer?.getFirstPropertyValue('location')).toBe(
      'Järva-Jaani rahvamaja, Lõuna 4, Järva-Jaani',
    );
    expect(summer?.getFirstPropertyValue('geo')).toEqual([59.0389, 25.8836]);
    expect(summer?.getFirstPropertyValue('url')).toBe(
      `https://koda.test/events/${fixtures.summer?.slug}`,
    );
    const categories = summer?.getAllProperties('categories').flatMap((p) => p.getValues());
    expect(categories).toEqual(['Mõttekoda', 'Keila linn']);
  });

  it('uses CRLF and folds lines at 75 octets without splitting a UTF-8 character', async () => {
    const res = await get('/calendar.ics');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lines.push(bytes.subarray(start, i));
        start = i + 2;
      }
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      if (line[0] === 32) folded++;
    }
    expect(folded).toBeGreaterThan(0);
    // The long Estonian title survives folding intact.
    expect(text.replace(/\r\n /g, '')).toContain(`SUMMARY:${LONG_TITLE.replace(/,/g, '\\,')}`);
  });

  it('never shows drafts, old cancellations or events older than two years', async () => {
    const { root } = await feed('/calendar.ics');
    expect(vevent(root, fixtures.draft?.id ?? 0)).toBeUndefined();
    expect(vevent(root, fixtures.oldCancelled?.id ?? 0)).toBeUndefined();
    expect(vevent(root, fixtures.ancient?.id ?? 0)).toBeUndefined();
    const cancelled = vevent(root, fixtures.recentCancelled?.id ?? 0);
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(cancelled?.getFirstPropertyValue('description'))).toContain('Saal on remondis');
  });

  it('filters by municipality and kind, and refuses unknown values without a 500', async () => {
    const { root } = await feed('/calendar.ics?municipality=rouge');
    const ids = root
      .getAllSubcomponents('vevent')
      .map((component) => String(component.getFirstPropertyValue('uid')));
    expect(ids).toContain(`event-${fixtures.winter?.id}@koda.test`);
    expect(ids).not.toContain(`event-${fixtures.summer?.id}@koda.test`);
    expect(String(root.getFirstPropertyValue('x-wr-calname'))).toContain('Rõuge');

    const both = await feed('/calendar.ics?municipality=rouge,keila&kind=think_tank');
    const bothIds = both.root
      .getAllSubcomponents('vevent')
      .map((component) => String(component.getFirstPropertyValue('uid')));
    expect(bothIds).toContain(`event-${fixtures.summer?.id}@koda.test`);
    expect(bothIds).not.toContain(`event-${fixtures.winter?.id}@koda.test`);

    const forums = await feed('/calendar.ics?kind=forum');
    for (const component of forums.root.getAllSubcomponents('vevent')) {
      const categories = component.getAllProperties('categories').flatMap((p) => p.getValues());
      expect(categories).toContain('Foorum');
    }

    expect((await get('/calendar.ics?municipality=atlantis')).status).toBe(422);
    expect((await get('/calendar.ics?kind=party')).status).toBe(422);
  });

  it('is offered on the home page with its webcal form', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('href="webcal://koda.test/calendar.ics"');
  });

  it('speaks English on request', async () => {
    const { root } = await feed('/calendar.ics?lang=en');
    const summer = vevent(root, fixtures.summer?.id ?? 0);
    expect(String(summer?.getFirstPropertyValue('description'))).toContain('Agenda:');
    const categories = summer?.getAllProperties('categories').flatMap((p) => p.getValues());
    expect(categories).toContain('Think tank');
  });
});

describe('the other feeds', () => {
  it('serves a municipality feed and 404 for an unknown one', async () => {
    const { root } = await feed('/municipalities/keila/calendar.ics');
    expect(vevent(root, fixtures.summer?.id ?? 0)).toBeDefined();
    expect(vevent(root, fixtures.winter?.id ?? 0)).toBeUndefined();
    expect((await get('/municipalities/atlantis/calendar.ics')).status).toBe(404);
  });

  it('serves a single event (even an old one) and 404 for drafts and unknown slugs', async () => {
    const { root } = await feed(`/events/${fixtures.ancient?.slug}/calendar.ics`);
    expect(root.getAllSubcomponents('vevent')).toHaveLength(1);
    expect((await get(`/events/${fixtures.draft?.slug}/calendar.ics`)).status).toBe(404);
    expect((await get('/events/no-such-event/calendar.ics')).status).toBe(404);
  });

  it('builds the email attachment with the same builder', async () => {
    const text = await eventIcs(ctx.deps.db, 'https://koda.test', fixtures.summer?.slug ?? '');
    expect(text).not.toBeNull();
    const root = parse(text ?? '');
    expect(vevent(root, fixtures.summer?.id ?? 0)).toBeDefined();
    expect(await eventIcs(ctx.deps.db, 'https://koda.test', fixtures.draft?.slug ?? '')).toBeNull();
    expect(await eventIcs(ctx.deps.db, 'https://koda.test', 'no-such-event')).toBeNull();
  });

  it('never contains an email address or a participant name', async () => {
    const people = await ctx.deps.db
      .select({ email: registrations.email, name: registrations.name })
      .from(registrations);
    expect(people.length).toBeGreaterThan(0);
    const slugs = await ctx.deps.db.select({ slug: events.slug }).from(events);
    const places = await ctx.deps.db.select({ slug: municipalities.slug }).from(municipalities);
    const registered = people[0]?.email ?? '';
    const token = await createFeedToken(ctx.deps.db, registered);
    const paths = [
      '/calendar.ics',
      '/calendar.ics?lang=en',
      `/feeds/${token}/calendar.ics`,
      ...places.map((row) => `/municipalities/${row.slug}/calendar.ics`),
      ...slugs.map((row) => `/events/${row.slug}/calendar.ics`),
    ];
    for (const path of paths) {
      const res = await get(path);
      if (res.status === 404) continue;
      expect(res.status, path).toBe(200);
      const text = (await res.text()).replace(/\r\n /g, '');
      // The only @ allowed is in the UIDs (event-<id>@host) and the ORGANIZER's no-reply address.
      const withoutUids = text
        .replace(/^UID:event-\d+@koda\.test\r\n/gm, '')
        .replace(/^ORGANIZER;CN="[^"]*":mailto:no-reply@localhost\r\n/gm, '');
      expect(withoutUids, path).not.toContain('@');
      for (const person of people) {
        if (person.email)
          expect(text.toLowerCase(), path).not.toContain(person.email.toLowerCase());
      }
      for (const person of people) {
        if (person.name) expect(text, path).not.toContain(person.name);
      }
    }
  });
});

describe('keeping calendars in sync', () => {
  it('keeps the UID across fetches and edits; raises SEQUENCE on time change and cancellation', async () => {
    const id = fixtures.winter?.id ?? 0;
    const path = `/events/${fixtures.winter?.slug}/calendar.ics`;
    const first = vevent((await feed(path)).root, id);
    const again = vevent((await feed(path)).root, id);
    expect(again?.getFirstPropertyValue('uid')).toBe(first?.getFirstPropertyValue('uid'));
    expect(first?.getFirstPropertyValue('sequence')).toBe(0);

    await editEvent(id, { title: 'Renamed forum' }, { bumpSequence: false });
    const renamed = vevent((await feed(path)).root, id);
    expect(renamed?.getFirstPropertyValue('summary')).toBe('Renamed forum');
    expect(renamed?.getFirstPropertyValue('uid')).toBe(first?.getFirstPropertyValue('uid'));

    await editEvent(
      id,
      { startsAt: tallinn('2027-01-21T16:00'), endsAt: tallinn('2027-01-21T18:00') },
      { bumpSequence: true },
    );
    const moved = vevent((await feed(path)).root, id);
    expect(moved?.getFirstPropertyValue('sequence')).toBe(1);
    expect((moved?.getFirstPropertyValue('dtstart') as ICAL.Time).day).toBe(21);
    expect(moved?.getFirstPropertyValue('uid')).toBe(first?.getFirstPropertyValue('uid'));

    await editEvent(
      id,
      { status: 'cancelled', cancelReason: 'Tormihoiatus' },
      { bumpSequence: true },
    );
    const cancelled = vevent((await feed('/calendar.ics')).root, id);
    expect(cancelled?.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled?.getFirstPropertyValue('uid')).toBe(first?.getFirstPropertyValue('uid'));
  });

  it('answers 304 to a current ETag or date, and changes the ETag when the feed changes', async () => {
    const path = '/municipalities/keila/calendar.ics';
    const res = await get(path);
    const etag = res.headers.get('etag') ?? '';
    const lastModified = res.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
    expect((await get(path)).headers.get('etag')).toBe(etag);

    const notModified = await get(path, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    expect((await get(path, { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get(path, { 'If-None-Match': '"stale"' })).status).toBe(200);
    expect((await get(path, { 'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).status).toBe(
      200,
    );

    await editEvent(
      fixtures.summer?.id ?? 0,
      { summary: 'Uus kokkuvõte' },
      { bumpSequence: false },
    );
    const changed = await get(path, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(changed.headers.get('last-modified') ?? '')).toBeGreaterThan(
      Date.parse(lastModified),
    );
    expect(await changed.text()).toContain('Uus kokkuvõte');

    // An agenda change shows in the feed, so it changes the ETag too.
    const etag2 = changed.headers.get('etag') ?? '';
    await ctx.deps.db
      .update(agendaItems)
      .set({ title: 'Tervitus' })
      .where(eq(agendaItems.eventId, fixtures.summer?.id ?? 0));
    const agendaChanged = await get(path, { 'If-None-Match': etag2 });
    expect(agendaChanged.status).toBe(200);
    expect((await agendaChanged.text()).replace(/\r\n /g, '')).toContain('Tervitus');
  });

  it('changes the ETag for every change a VEVENT shows, whoever writes it, and only for those', async () => {
    const summer = fixtures.summer?.id ?? 0;
    const path = `/events/${fixtures.summer?.slug}/calendar.ics`;
    let etag = (await get(path)).headers.get('etag') ?? '';
    /** Runs a write straight on the database and tells whether the feed's ETag moved. */
    const moves = async (write: () => Promise<unknown>): Promise<boolean> => {
      await write();
      const res = await get(path, { 'If-None-Match': etag });
      if (res.status === 304) return false;
      expect(res.status).toBe(200);
      parse(await res.text());
      etag = res.headers.get('etag') ?? '';
      return true;
    };
    const recordingValues = {
      eventId: summer,
      title: 'Salvestis',
      sourceUrl: 'https://www.youtube.com/watch?v=abc',
      provider: 'youtube',
      updatedAt: new Date('2026-11-26T11:00:00Z'),
    };

    expect(
      await moves(() =>
        ctx.deps.db.update(events).set({ capacity: 77 }).where(eq(events.id, summer)),
      ),
    ).toBe(false);
    const [hidden] = await ctx.deps.db
      .insert(recordings)
      .values({ ...recordingValues, published: false })
      .returning({ id: recordings.id });
    expect(hidden).toBeDefined();
    expect(await moves(async () => undefined)).toBe(false);
    const publishedAt = new Date('2026-11-26T11:30:00Z');
    expect(
      await moves(() =>
        ctx.deps.db
          .update(recordings)
          .set({ published: true, updatedAt: publishedAt })
          .where(eq(recordings.id, hidden?.id ?? 0)),
      ),
    ).toBe(true);
    // The recording's change time is the feed's Last-Modified (the event row did not move).
    expect(Date.parse((await get(path)).headers.get('last-modified') ?? '')).toBe(
      publishedAt.getTime(),
    );
    expect(
      await moves(() => ctx.deps.db.delete(recordings).where(eq(recordings.id, hidden?.id ?? 0))),
    ).toBe(true);
    expect(
      await moves(() =>
        ctx.deps.db.insert(agendaItems).values({
          eventId: summer,
          position: 9,
          startsAt: tallinn('2027-07-14T18:00'),
          endsAt: tallinn('2027-07-14T18:30'),
          title: 'Lisapunkt',
          kind: 'discussion',
        }),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        ctx.deps.db
          .update(agendaItems)
          .set({ room: 'Saal B' })
          .where(eq(agendaItems.eventId, summer)),
      ),
    ).toBe(false);
    expect(
      await moves(() =>
        ctx.deps.db
          .delete(agendaItems)
          .where(sql`${agendaItems.eventId} = ${summer} and ${agendaItems.position} = 9`),
      ),
    ).toBe(true);
    const rougeId = await municipalityId('rouge');
    expect(
      await moves(() =>
        ctx.deps.db
          .insert(eventHosts)
          .values({ eventId: summer, municipalityId: rougeId, position: 5 }),
      ),
    ).toBe(true);
    const [host] = await ctx.deps.db
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.id, rougeId));
    expect(
      await moves(() =>
        ctx.deps.db
          .update(municipalities)
          .set({ name: 'Rõuge (uus nimi)' })
          .where(eq(municipalities.id, rougeId)),
      ),
    ).toBe(true);
    expect((await (await get(path)).text()).replace(/\r\n /g, '')).toContain('Rõuge (uus nimi)');
    expect(
      await moves(() =>
        ctx.deps.db
          .update(municipalities)
          .set({ name: host?.name ?? '' })
          .where(eq(municipalities.id, rougeId)),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        ctx.deps.db
          .delete(eventHosts)
          .where(
            sql`${eventHosts.eventId} = ${summer} and ${eventHosts.municipalityId} = ${rougeId}`,
          ),
      ),
    ).toBe(true);
  });

  it('adds the recording link once the event has ended', async () => {
    const path = `/events/${fixtures.recorded?.slug}/calendar.ics`;
    const during = await get(path);
    const duringText = (await during.text()).replace(/\r\n /g, '');
    expect(duringText).not.toContain('https://koda.test/recordings/');
    expect(duringText).toContain('https://stream.example/live');
    ctx.clock.set('2026-11-26T16:00:00Z');
    try {
      const after = await get(path, { 'If-None-Match': during.headers.get('etag') ?? '' });
      expect(after.status).toBe(200);
      expect((await after.text()).replace(/\r\n /g, '')).toMatch(
        /https:\/\/koda\.test\/recordings\/\d+/,
      );
    } finally {
      ctx.clock.set('2026-11-26T12:00:00Z');
    }
  });

  it('logs and skips a broken event instead of failing the feed', async () => {
    const broken = await addEvent(
      'broken',
      {
        timezone: 'Mars/Olympus_Mons',
        startsAt: tallinn('2027-03-03T10:00'),
        endsAt: tallinn('2027-03-03T12:00'),
      },
      ['keila'],
    );
    const { root } = await feed('/calendar.ics');
    expect(vevent(root, broken.id)).toBeUndefined();
    expect(vevent(root, fixtures.summer?.id ?? 0)).toBeDefined();
    expect(ctx.log.lines.some((line) => line.includes(`"eventId":${broken.id}`))).toBe(true);
    await ctx.deps.db.delete(events).where(eq(events.id, broken.id));
  });
});

describe('the personal feed', () => {
  it('lists the events the address is registered for, and answers 410 once revoked', async () => {
    const [registration] = await ctx.deps.db
      .select({ email: registrations.email, eventId: registrations.eventId })
      .from(registrations)
      .where(eq(registrations.status, 'confirmed'))
      .limit(1);
    const email = registration?.email ?? '';
    const token = await createFeedToken(ctx.deps.db, email.toUpperCase());
    expect(token.length).toBeGreaterThanOrEqual(22);
    const path = `/feeds/${token}/calendar.ics`;
    const { res, root, text } = await feed(path);
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    const uids = root
      .getAllSubcomponents('vevent')
      .map((component) => String(component.getFirstPropertyValue('uid')));
    expect(uids).toEqual([`event-${registration?.eventId}@koda.test`]);
    expect(text).not.toContain(email);

    expect(await revokeFeedToken(ctx.deps.db, token, ctx.clock.now())).toBe(true);
    expect((await get(path)).status).toBe(410);
    expect(await revokeFeedToken(ctx.deps.db, token)).toBe(false);
    expect((await get('/feeds/not-a-real-token-at-all-xxxxxxxx/calendar.ics')).status).toBe(410);
  });
});
