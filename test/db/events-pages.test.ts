import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { events, registrations } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';

let ctx: TestContext;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  admin = await bearerFor(ctx, { role: 'admin' });
});
afterAll(() => ctx.close());

const page = async (path: string, init?: RequestInit) => {
  const res = await ctx.app.request(path, init);
  return { status: res.status, html: await res.text() };
};

function jsonLdOf(html: string) {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no JSON-LD');
  return JSON.parse(match[1]);
}

async function createEvent(body: Record<string, unknown>) {
  const res = await ctx.app.request('/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: admin },
    body: JSON.stringify({
      kind: 'think_tank',
      startsAt: '2027-05-05T16:00',
      endsAt: '2027-05-05T18:00',
      hosts: ['rouge'],
      status: 'published',
      ...body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { slug: string; id: number };
}

describe('/events', () => {
  it('shows upcoming events by default and past ones on request', async () => {
    const upcoming = await page('/events');
    expect(upcoming.status).toBe(200);
    expect(upcoming.html).toContain('Näidis: Keila linna foorum');
    expect(upcoming.html).not.toContain('Mõttekoda Keilas');
    const past = await page('/events?when=past');
    expect(past.html).toContain('Mõttekoda Keilas');
    expect(past.html).not.toContain('Näidis: Keila linna foorum');
  });

  it('filters by municipality, kind and year and paginates', async () => {
    const tartu = await page('/events?when=past&municipality=viljandi');
    expect(tartu.html).toContain('Tartu ja Viljandi mõttekoda Viljandis');
    expect(tartu.html).not.toContain('Mõttekoda Rõuges');
    const forum = await page('/events?when=all&kind=forum');
    expect(forum.html).toContain('Teeme omavalitsuse OMA valitsuseks!');
    expect(forum.html).not.toContain('Mõttekoda Haljalas');
    const y2015 = await page('/events?when=past&year=2015');
    expect(y2015.html).toContain('Mõttekoda Saue vallas');
    expect(y2015.html).not.toContain('Mõttekoda Rõuges');
    const paged = await page('/events?when=past&page=1&perPage=4');
    expect(paged.html).toContain('href="/events?when=past&amp;page=2"');
  });

  it('ignores nonsense filters instead of failing', async () => {
    const res = await page('/events?year=abc&kind=party&page=-3&municipality=');
    expect(res.status).toBe(200);
    expect(res.html).toContain('Näidis: Keila linna foorum');
  });
});

describe('/events/:slug', () => {
  it('shows the time in the event’s zone with the weekday, in Estonian and English', async () => {
    const et = await page('/events/mottekoda-keilas');
    expect(et.status).toBe(200);
    expect(et.html).toContain('neljapäeval, 2. oktoobril 2014 kell 16.00–19.00');
    expect(et.html).toContain('(Eesti aeg)');
    expect(et.html).toContain('Avasõnad ja avatud valitsemise põhimõtted');
    const en = await page('/events/mottekoda-keilas?lang=en');
    expect(en.html).toContain('Thursday 2 October 2014, 16:00–19:00');
    expect(en.html).toContain('(Estonian time)');
    expect(en.html).toContain('<html lang="en">');
  });

  it('shows winter and summer events at the time they were entered', async () => {
    const winter = await createEvent({
      title: 'Talvine mõttekoda',
      startsAt: '2027-01-14T16:00',
      endsAt: '2027-01-14T18:00',
    });
    const summer = await createEvent({
      title: 'Suvine mõttekoda',
      startsAt: '2027-07-14T16:00',
      endsAt: '2027-07-14T18:00',
    });
    expect((await page(`/events/${winter.slug}`)).html).toContain(
      'neljapäeval, 14. jaanuaril 2027 kell 16.00–18.00',
    );
    expect((await page(`/events/${summer.slug}`)).html).toContain(
      'kolmapäeval, 14. juulil 2027 kell 16.00–18.00',
    );
    expect(jsonLdOf((await page(`/events/${winter.slug}`)).html).startDate).toBe(
      '2027-01-14T16:00:00+02:00',
    );
    expect(jsonLdOf((await page(`/events/${summer.slug}`)).html).startDate).toBe(
      '2027-07-14T16:00:00+03:00',
    );
  });

  it('describes the event in schema.org JSON-LD with Open Graph tags and a canonical URL', async () => {
    const { html } = await page('/events/naidis-rouge-valla-mottekoda-kula-arengukava');
    const ld = jsonLdOf(html);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Event');
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(ld.location.map((l: { '@type': string }) => l['@type'])).toEqual([
      'Place',
      'VirtualLocation',
    ]);
    expect(ld.location[0].geo.latitude).toBeCloseTo(57.73, 1);
    expect(ld.organizer[0]).toMatchObject({
      '@type': 'GovernmentOrganization',
      name: 'Rõuge vald',
    });
    expect(html).toContain(
      '<meta property="og:title" content="Näidis: Rõuge valla mõttekoda — küla arengukava"/>',
    );
    expect(html).toContain(
      '<link rel="canonical" href="https://koda.test/events/naidis-rouge-valla-mottekoda-kula-arengukava?lang=et"/>',
    );
    expect(html).toContain('https://www.openstreetmap.org/?mlat=57.7297');
  });

  it('shows a cancelled event as cancelled, with its reason', async () => {
    const event = await createEvent({ title: 'Ärajääv koosolek' });
    await ctx.app.request(`/api/v1/events/${event.slug}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: admin },
      body: JSON.stringify({ status: 'cancelled', cancelReason: 'Lumetorm' }),
    });
    const { html } = await page(`/events/${event.slug}`);
    expect(html).toContain('See sündmus jäi ära.');
    expect(html).toContain('Põhjus: Lumetorm');
    expect(jsonLdOf(html).eventStatus).toBe('https://schema.org/EventCancelled');
    expect((await page('/events?when=all&municipality=rouge')).html).toContain('Ärajääv koosolek');
  });

  it('hides drafts and escapes what organizers wrote', async () => {
    const draft = await createEvent({ title: 'Salajane mustand', status: 'draft' });
    expect((await page(`/events/${draft.slug}`)).status).toBe(404);
    expect((await page('/events?when=all')).html).not.toContain('Salajane mustand');
    const xss = await createEvent({
      title: '<script>alert(1)</script> Mõttekoda',
      summary: '</script><script>alert(2)</script>',
      description: '[klikk](javascript:alert(3)) <img src=x onerror=alert(4)>',
    });
    const { html } = await page(`/events/${xss.slug}`);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/href="javascript:|<img /);
    expect(jsonLdOf(html).description).toBe('</script><script>alert(2)</script>');
  });

  it('never shows participants', async () => {
    const [event] = await ctx.deps.db
      .select()
      .from(events)
      .where(eq(events.slug, 'naidis-keila-linna-foorum-kaasav-eelarve'));
    const people = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event?.id ?? 0));
    expect(people.length).toBeGreaterThan(0);
    const { html } = await page('/events/naidis-keila-linna-foorum-kaasav-eelarve');
    for (const person of people) {
      expect(html).not.toContain(person.email ?? '@');
      expect(html).not.toContain(person.name ?? '');
    }
  });
});

describe('/municipalities', () => {
  it('lists the network and shows each municipality’s events, including joint ones', async () => {
    expect((await page('/municipalities')).html).toContain('Järva-Jaani vald');
    const viljandi = await page('/municipalities/viljandi');
    expect(viljandi.html).toContain('Tartu ja Viljandi mõttekoda Viljandis');
    expect((await page('/municipalities/atlantis')).status).toBe(404);
  });
});

describe('what the event page gathers from the other features', () => {
  it('offers registration for an open event, with the seats left', async () => {
    const { html } = await page('/events/naidis-keila-linna-foorum-kaasav-eelarve');
    expect(html).toContain('action="/events/naidis-keila-linna-foorum-kaasav-eelarve/register"');
    expect(html).toMatch(/1\D+12/);
  });

  it('offers the event’s calendar: subscribe, copy, Google and Outlook', async () => {
    const { html } = await page('/events/naidis-rouge-valla-mottekoda-kula-arengukava');
    expect(html).toContain(
      'webcal://koda.test/events/naidis-rouge-valla-mottekoda-kula-arengukava/calendar.ics',
    );
    expect(html).toContain('https://calendar.google.com/');
    expect(html).toContain('outlook');
    // A meeting that is over offers no calendar (its .ics stays reachable for old links).
    const past = (await page('/events/mottekoda-rouges')).html;
    expect(past).not.toContain('webcal://koda.test/events/mottekoda-rouges/calendar.ics');
    expect(past).not.toContain('https://calendar.google.com/');
    expect((await page('/events?municipality=keila')).html).toContain(
      'webcal://koda.test/calendar.ics?municipality=keila',
    );
    expect((await page('/municipalities/rouge')).html).toContain(
      'webcal://koda.test/municipalities/rouge/calendar.ics',
    );
  });

  it('shows the live player while the example event is on, and recordings after a past one', async () => {
    const live = await page('/events/naidis-tartu-mottekoda-otseulekanne-kaib');
    expect(live.html).toContain('youtube-nocookie.com/embed/');
    const past = await page('/events/tartu-ja-viljandi-mottekoda-viljandis');
    expect(past.html).toContain('Veebiülekanne: Tartu');
    expect(past.html).toContain('Veebiülekanne: Viljandi');
    expect(past.html).not.toContain(
      'action="/events/tartu-ja-viljandi-mottekoda-viljandis/register"',
    );
  });
});
