import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, events, outbox } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor } from '../helpers/auth';

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

function send(method: string, path: string, body: unknown, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return ctx.app.request(`/api/v1${path}`, {
    method,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const validEvent = {
  kind: 'think_tank',
  title: 'Mõttekoda Keilas: ühistransport ja üürikorterid',
  summary: 'Kuidas liigume?',
  startsAt: '2027-03-25T16:00',
  endsAt: '2027-03-25T19:00',
  hosts: ['keila'],
  venue: { name: 'Keila Kultuurikeskus', address: 'Keskväljak 11, Keila', lat: 59.3, lon: 24.41 },
  onlineUrl: 'https://www.youtube.com/watch?v=abc',
  capacity: 30,
  status: 'published',
};

describe('POST /api/v1/events', () => {
  it('creates an event with a transliterated slug and times in the event’s zone', async () => {
    const res = await send('POST', '/events', validEvent, keila);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.slug).toBe('mottekoda-keilas-uhistransport-ja-uurikorterid');
    expect(body.startsAt).toBe('2027-03-25T16:00:00+02:00');
    expect(body.hosts).toEqual([{ slug: 'keila', name: 'Keila linn' }]);
    const again = await send('POST', '/events', validEvent, keila);
    expect((await again.json()).slug).toBe('mottekoda-keilas-uhistransport-ja-uurikorterid-2');
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(body.id)));
    expect(audit.map((entry) => entry.action)).toContain('create');
  });

  it('keeps 16:00 Tallinn time on both sides of the spring and autumn clock changes', async () => {
    const cases = [
      ['2015-03-28T16:00', '2015-03-28T16:00:00+02:00'],
      ['2015-03-30T16:00', '2015-03-30T16:00:00+03:00'],
      ['2015-10-24T16:00', '2015-10-24T16:00:00+03:00'],
      ['2015-10-26T16:00', '2015-10-26T16:00:00+02:00'],
      ['2014-10-02T16:00', '2014-10-02T16:00:00+03:00'],
    ];
    for (const [input, expected] of cases) {
      const res = await send(
        'POST',
        '/events',
        {
          ...validEvent,
          title: `DST ${input}`,
          startsAt: input,
          endsAt: input?.replace('16:00', '19:00'),
        },
        keila,
      );
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body.startsAt).toBe(expected);
      const [row] = await ctx.deps.db.select().from(events).where(eq(events.id, body.id));
      const utcHour = input?.includes('-03-28') || input?.includes('-10-26') ? 14 : 13;
      expect(row?.startsAt.getUTCHours()).toBe(utcHour);
    }
  });

  it('refuses a wall-clock time that the spring clock change skips', async () => {
    const res = await send(
      'POST',
      '/events',
      { ...validEvent, startsAt: '2015-03-29T03:30', endsAt: '2015-03-29T05:00' },
      keila,
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.details).toEqual([{ path: 'startsAt', message: expect.any(String) }]);
  });

  it('names every offending field and saves nothing', async () => {
    const [before] = await ctx.deps.db.select({ n: events.id }).from(events).orderBy(events.id);
    const count = async () => (await ctx.deps.db.select({ id: events.id }).from(events)).length;
    const total = await count();
    const res = await send(
      'POST',
      '/events',
      {
        ...validEvent,
        title: 'x'.repeat(10_000),
        capacity: -1,
        hosts: ['keila', 'atlantis'],
        onlineUrl: 'javascript:alert(1)',
      },
      keila,
    );
    expect(res.status).toBe(422);
    const paths = (await res.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'capacity', 'onlineUrl']));
    const hosts = await send(
      'POST',
      '/events',
      { ...validEvent, hosts: ['keila', 'atlantis'] },
      keila,
    );
    expect(hosts.status).toBe(422);
    expect((await hosts.json()).error.details).toEqual([
      { path: 'hosts.1', message: 'Unknown municipality: atlantis' },
    ]);
    const order = await send(
      'POST',
      '/events',
      { ...validEvent, endsAt: '2027-03-25T15:00' },
      keila,
    );
    expect(order.status).toBe(422);
    expect((await order.json()).error.details[0].path).toBe('endsAt');
    expect(await count()).toBe(total);
    expect(before).toBeDefined();
  });

  it('answers 415 for a body that is not JSON and 400 for JSON that does not parse', async () => {
    const form = await ctx.app.request('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: keila },
      body: 'hello',
    });
    expect(form.status).toBe(415);
    const broken = await send('POST', '/events', '{"kind": ', keila);
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('malformed_json');
    const notObject = await send('POST', '/events', '[1,2]', keila);
    expect(notObject.status).toBe(422);
  });

  it('lets only organizers of a host and admins write', async () => {
    for (const who of await authorizationCases(ctx, 'keila', 'tartu', [201])) {
      const res = await send(
        'POST',
        '/events',
        { ...validEvent, title: `Authz ${who.who}` },
        who.authorization,
      );
      expect(res.status, who.who).toBeOneOf(who.expected);
    }
  });
});

describe('host municipalities', () => {
  it('may be added or removed only by their own organizers or an admin', async () => {
    const joint = { ...validEvent, hosts: ['keila', 'tartu'], title: 'Ühine foorum' };
    const refused = await send('POST', '/events', joint, keila);
    expect(refused.status).toBe(422);
    const details = (await refused.json()).error.details;
    expect(details).toEqual([
      { path: 'hosts.1', message: expect.stringContaining('You do not organize for tartu') },
    ]);

    const both = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila', 'tartu'] });
    const created = await send('POST', '/events', joint, both);
    expect(created.status).toBe(201);
    const { slug } = await created.json();

    // A Keila organizer may edit the joint event, but not add Rakvere or drop Tartu.
    expect(
      (await send('PATCH', `/events/${slug}`, { title: 'Ühine foorum 2' }, keila)).status,
    ).toBe(200);
    const adding = await send(
      'PATCH',
      `/events/${slug}`,
      { hosts: ['keila', 'tartu', 'rakvere'] },
      keila,
    );
    expect(adding.status).toBe(422);
    expect((await adding.json()).error.details[0].path).toBe('hosts.2');
    const dropping = await send('PATCH', `/events/${slug}`, { hosts: ['keila'] }, keila);
    expect(dropping.status).toBe(422);
    expect((await dropping.json()).error.details[0]).toMatchObject({ path: 'hosts' });
    const after = await (await send('GET', `/events/${slug}`, undefined)).json();
    expect(after.hosts.map((host: { slug: string }) => host.slug).sort()).toEqual([
      'keila',
      'tartu',
    ]);

    const admin = await bearerFor(ctx, { role: 'admin' });
    expect(
      (await send('PATCH', `/events/${slug}`, { hosts: ['keila', 'rakvere'] }, admin)).status,
    ).toBe(200);
  });
});

describe('PATCH /api/v1/events/:slug and the agenda', () => {
  let slug: string;
  beforeAll(async () => {
    const res = await send(
      'POST',
      '/events',
      { ...validEvent, title: 'Patch me', status: 'draft' },
      keila,
    );
    slug = (await res.json()).slug;
  });

  it('hides drafts from the public', async () => {
    expect((await ctx.app.request(`/api/v1/events/${slug}`)).status).toBe(404);
    expect((await ctx.app.request(`/events/${slug}`)).status).toBe(404);
    const list = await (await ctx.app.request('/api/v1/events?perPage=100')).json();
    expect(list.items.map((e: { slug: string }) => e.slug)).not.toContain(slug);
  });

  it('publishes, postpones (raising SEQUENCE) and cancels with a reason', async () => {
    const sequence = async () =>
      (
        await ctx.deps.db.select({ s: events.sequence }).from(events).where(eq(events.slug, slug))
      )[0]?.s;
    expect((await send('PATCH', `/events/${slug}`, { status: 'published' }, keila)).status).toBe(
      200,
    );
    const s1 = await sequence();
    const moved = await send(
      'PATCH',
      `/events/${slug}`,
      { startsAt: '2027-03-26T16:00', endsAt: '2027-03-26T19:00' },
      keila,
    );
    expect(moved.status).toBe(200);
    expect((await moved.json()).startsAt).toBe('2027-03-26T16:00:00+02:00');
    expect(await sequence()).toBe((s1 ?? 0) + 1);
    const title = await send('PATCH', `/events/${slug}`, { title: 'Patched title' }, keila);
    expect(title.status).toBe(200);
    expect(await sequence()).toBe((s1 ?? 0) + 1);
    const noReason = await send('PATCH', `/events/${slug}`, { status: 'cancelled' }, keila);
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error.details[0].path).toBe('cancelReason');
    const cancelled = await send(
      'PATCH',
      `/events/${slug}`,
      { status: 'cancelled', cancelReason: 'Saal on remondis' },
      keila,
    );
    expect(cancelled.status).toBe(200);
    expect(await sequence()).toBe((s1 ?? 0) + 2);
    const publicView = await (await ctx.app.request(`/api/v1/events/${slug}`)).json();
    expect(publicView.status).toBe('cancelled');
    expect(publicView.cancelReason).toBe('Saal on remondis');
  });

  it('replaces the agenda and refuses items outside the event or overlapping', async () => {
    const agenda = [
      {
        startsAt: '2027-03-26T16:00',
        endsAt: '2027-03-26T16:30',
        title: 'Avasõnad',
        kind: 'talk',
        speakers: ['Mari'],
      },
      {
        startsAt: '2027-03-26T16:30',
        endsAt: '2027-03-26T18:00',
        title: 'Töötoad A',
        kind: 'workshop',
        room: 'A',
      },
      {
        startsAt: '2027-03-26T16:30',
        endsAt: '2027-03-26T18:00',
        title: 'Töötoad B',
        kind: 'workshop',
        room: 'B',
      },
    ];
    const ok = await send('PUT', `/events/${slug}/agenda`, agenda, keila);
    expect(ok.status).toBe(200);
    const saved = await ok.json();
    expect(saved.map((item: { title: string }) => item.title)).toEqual([
      'Avasõnad',
      'Töötoad A',
      'Töötoad B',
    ]);
    expect(saved[0].startsAt).toBe('2027-03-26T16:00:00+02:00');

    const outside = await send(
      'PUT',
      `/events/${slug}/agenda`,
      [
        ...agenda,
        { startsAt: '2027-03-26T18:30', endsAt: '2027-03-26T20:00', title: 'Late', kind: 'talk' },
      ],
      keila,
    );
    expect(outside.status).toBe(422);
    expect((await outside.json()).error.details[0].path).toBe('3.startsAt');
    const overlap = await send(
      'PUT',
      `/events/${slug}/agenda`,
      [
        agenda[0],
        { startsAt: '2027-03-26T16:15', endsAt: '2027-03-26T16:45', title: 'Clash', kind: 'talk' },
      ],
      keila,
    );
    expect(overlap.status).toBe(422);
    expect((await overlap.json()).error.details[0].message).toContain('Overlaps item 1');
    const unchanged = await (await ctx.app.request(`/api/v1/events/${slug}`)).json();
    expect(unchanged.agenda).toHaveLength(3);
  });

  it('lets only organizers of a host and admins change it', async () => {
    for (const who of await authorizationCases(ctx, 'keila', 'tartu', [200])) {
      const patch = await send('PATCH', `/events/${slug}`, { summary: who.who }, who.authorization);
      expect(patch.status, `PATCH ${who.who}`).toBeOneOf(who.expected);
      const agenda = await send('PUT', `/events/${slug}/agenda`, [], who.authorization);
      expect(agenda.status, `PUT agenda ${who.who}`).toBeOneOf(who.expected);
    }
  });
});

describe('GET /api/v1/events', () => {
  it('filters by municipality, kind, time and year, and paginates', async () => {
    const get = async (query: string) => (await ctx.app.request(`/api/v1/events?${query}`)).json();
    const keilaEvents = await get('municipality=keila&perPage=100');
    expect(
      keilaEvents.items.every((e: { hosts: { slug: string }[] }) =>
        e.hosts.some((h) => h.slug === 'keila'),
      ),
    ).toBe(true);
    const forums = await get('kind=forum&when=past');
    expect(forums.items.map((e: { title: string }) => e.title)).toEqual([
      'Teeme omavalitsuse OMA valitsuseks!',
    ]);
    const notKeila = 'municipality=tartu,viljandi,rouge,haljala,jarva-jaani,maksa,saue';
    const year2014 = await get(`${notKeila}&year=2014&when=past&perPage=100`);
    expect(year2014.total).toBe(5);
    const page2 = await get(`${notKeila}&year=2014&when=past&perPage=4&page=2`);
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBe(5);
    const joint = await get('municipality=viljandi&when=past');
    expect(joint.items[0].hosts.map((h: { slug: string }) => h.slug)).toEqual([
      'tartu',
      'viljandi',
    ]);
    const bad = await ctx.app.request('/api/v1/events?kind=party');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details[0].path).toContain('kind');
  });

  it('lists municipalities and documents the API in OpenAPI 3.1', async () => {
    const municipalities = await (await ctx.app.request('/api/v1/municipalities')).json();
    expect(municipalities.map((m: { slug: string }) => m.slug)).toContain('rouge');
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/events',
        '/events/{slug}',
        '/events/{slug}/agenda',
        '/municipalities',
      ]),
    );
  });
});

describe('GET /api/v1/events/:slug', () => {
  it('gathers seats, registration state, recordings, outcomes and action items, without participants', async () => {
    const res = await ctx.app.request('/api/v1/events/naidis-keila-linna-foorum-kaasav-eelarve');
    const body = await res.json();
    expect(body.seats).toEqual({ capacity: 12, confirmed: 11, waitlisted: 0, available: 1 });
    expect(body.registration).toEqual({ state: 'open' });
    expect(JSON.stringify(body)).not.toMatch(/example\.ee|Osaleja/);
    const past = await (
      await ctx.app.request('/api/v1/events/tartu-ja-viljandi-mottekoda-viljandis')
    ).json();
    expect(past.registration.state).toBe('closed');
    expect(past.recordings.map((r: { title: string }) => r.title)).toEqual([
      'Veebiülekanne: Tartu',
      'Veebiülekanne: Viljandi',
    ]);
    expect(past.outcomes.length).toBeGreaterThan(0);
    const keila = await (await ctx.app.request('/api/v1/events/mottekoda-keilas')).json();
    expect(keila.actionItems.length).toBeGreaterThan(0);
    expect(keila.agenda[0].startsAt).toBe('2014-10-02T16:00:00+03:00');
  });
});

describe('when an event with registrations changes', () => {
  it('tells registered people of a new time and of the cancellation, through the outbox', async () => {
    const slug = 'naidis-keila-linna-foorum-kaasav-eelarve';
    const kinds = async () =>
      (await ctx.deps.db.select({ kind: outbox.kind, to: outbox.recipient }).from(outbox)).filter(
        (m) => m.to.includes('@example.ee'),
      );
    const before = (await kinds()).length;
    const moved = await send(
      'PATCH',
      `/events/${slug}`,
      { startsAt: '2026-12-06T18:00', endsAt: '2026-12-06T21:00' },
      keila,
    );
    expect(moved.status).toBe(200);
    const afterMove = await kinds();
    expect(afterMove.length - before).toBe(11);
    const title = await send('PATCH', `/events/${slug}`, { summary: 'Uus kokkuvõte' }, keila);
    expect(title.status).toBe(200);
    expect((await kinds()).length).toBe(afterMove.length);
    await send(
      'PATCH',
      `/events/${slug}`,
      { status: 'cancelled', cancelReason: 'Tuleohutus' },
      keila,
    );
    const afterCancel = await kinds();
    expect(afterCancel.length - afterMove.length).toBe(11);
    expect(new Set(afterCancel.slice(-11).map((m) => m.kind)).size).toBe(1);
  });
});
