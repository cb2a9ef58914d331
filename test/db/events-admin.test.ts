import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agendaItems, events } from '@/platform/db/schema';
import { findEventBySlug } from '@/events/reads';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';

let ctx: TestContext;
let rouge: string;
let tartu: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  rouge = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
  tartu = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
});
afterAll(() => ctx.close());

function post(path: string, form: Record<string, string | string[]>, cookie = rouge) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return ctx.app.request(path, {
    method: 'POST',
    headers: {
      cookie,
      origin: 'https://koda.test',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  });
}

const get = (path: string, cookie = rouge) => ctx.app.request(path, { headers: { cookie } });

const newEvent = {
  kind: 'think_tank',
  title: 'Rõuge noorte mõttekoda',
  summary: 'Mida noored vajavad?',
  hosts: 'rouge',
  startsAt: '2027-02-10T17:00',
  endsAt: '2027-02-10T19:30',
  venueName: 'Rõuge rahvamaja',
  venueAddress: 'Haanja mnt 1',
  capacity: '25',
  waitlist: 'on',
};

describe('organizer event pages', () => {
  it('sends anonymous visitors to the login page', async () => {
    const res = await ctx.app.request('/admin/events');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/admin/login');
  });

  it('creates a draft from the form, stored in UTC from the event’s zone', async () => {
    const res = await post('/admin/events/new', newEvent);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/events/rouge-noorte-mottekoda?saved=1');
    const [row] = await ctx.deps.db
      .select()
      .from(events)
      .where(eq(events.slug, 'rouge-noorte-mottekoda'));
    expect(row?.status).toBe('draft');
    expect(row?.startsAt.toISOString()).toBe('2027-02-10T15:00:00.000Z');
    expect(row?.capacity).toBe(25);
    const list = await (await get('/admin/events')).text();
    expect(list).toContain('Rõuge noorte mõttekoda');
    const edit = await (await get('/admin/events/rouge-noorte-mottekoda')).text();
    expect(edit).toContain('value="2027-02-10T17:00"');
  });

  it('shows errors beside the fields and saves nothing', async () => {
    const before = (await ctx.deps.db.select({ id: events.id }).from(events)).length;
    const res = await post('/admin/events/new', {
      ...newEvent,
      title: '',
      endsAt: '2027-02-10T16:00',
      capacity: '-1',
      onlineUrl: 'ftp://example.org/x',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ['title', 'capacity', 'onlineUrl']) {
      expect(html).toContain(`id="f-${field}-error"`);
      expect(html).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
    }
    expect(html).toContain('value="ftp://example.org/x"');
    const order = await post('/admin/events/new', { ...newEvent, endsAt: '2027-02-10T16:00' });
    expect(await order.text()).toContain('id="f-endsAt-error"');
    expect((await ctx.deps.db.select({ id: events.id }).from(events)).length).toBe(before);
  });

  it('publishes, postpones and cancels with a public reason', async () => {
    const slug = 'rouge-noorte-mottekoda';
    expect((await post(`/admin/events/${slug}/status`, { status: 'published' })).status).toBe(303);
    expect((await ctx.app.request(`/events/${slug}`)).status).toBe(200);
    const moved = await post(`/admin/events/${slug}`, {
      ...newEvent,
      startsAt: '2027-02-17T17:00',
      endsAt: '2027-02-17T19:30',
    });
    expect(moved.status).toBe(303);
    const [row] = await ctx.deps.db.select().from(events).where(eq(events.slug, slug));
    expect(row?.status).toBe('published');
    expect(row?.sequence).toBe(2);
    const noReason = await post(`/admin/events/${slug}/status`, {
      status: 'cancelled',
      cancelReason: '',
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('id="f-cancelReason-error"');
    await post(`/admin/events/${slug}/status`, {
      status: 'cancelled',
      cancelReason: 'Saal on kinni',
      confirm: 'yes',
    });
    expect(await (await ctx.app.request(`/events/${slug}`)).text()).toContain('Saal on kinni');
  });

  it('edits the agenda: add, reorder, remove, with row-level errors', async () => {
    const slug = 'mottekoda-rouges';
    const page = await (await get(`/admin/events/${slug}/agenda`)).text();
    expect(page).toContain('Avasõnad ja avatud valitsemise põhimõtted');
    const rows = {
      'items.0.position': '2',
      'items.0.startsAt': '2014-11-06T16:30',
      'items.0.endsAt': '2014-11-06T17:00',
      'items.0.title': 'Teine',
      'items.0.kind': 'discussion',
      'items.1.position': '1',
      'items.1.startsAt': '2014-11-06T16:00',
      'items.1.endsAt': '2014-11-06T16:30',
      'items.1.title': 'Esimene',
      'items.1.kind': 'talk',
      'items.1.speakers': 'Mari Maasikas, Jüri Juurikas',
      'items.2.position': '3',
      'items.2.startsAt': '2014-11-06T17:00',
      'items.2.endsAt': '2014-11-06T17:10',
      'items.2.title': 'Kustutatav',
      'items.2.kind': 'break',
      'items.2.remove': 'on',
      'items.3.title': '',
      'items.3.kind': 'talk',
    };
    const saved = await post(`/admin/events/${slug}/agenda`, rows);
    expect(saved.status).toBe(303);
    const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, slug));
    const items = await ctx.deps.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.eventId, event?.id ?? 0))
      .orderBy(agendaItems.position);
    expect(items.map((item) => item.title)).toEqual(['Esimene', 'Teine']);
    expect(items[0]?.speakers).toEqual(['Mari Maasikas', 'Jüri Juurikas']);

    const outside = await post(`/admin/events/${slug}/agenda`, {
      ...rows,
      'items.2.remove': '',
      'items.2.startsAt': '2014-11-06T21:00',
      'items.2.endsAt': '2014-11-06T21:30',
    });
    expect(outside.status).toBe(422);
    const html = await outside.text();
    expect(html).toContain('Päevakava punkt peab jääma sündmuse aja sisse.');
    expect(html).toMatch(/id="f-items-2-startsAt"[^>]*aria-invalid="true"/);
  });

  it('offers an organizer only their own municipalities as hosts, and keeps the other hosts of a joint event', async () => {
    const form = await (await get('/admin/events/new')).text();
    expect(form).toContain('name="hosts" value="rouge"');
    expect(form).not.toContain('value="tartu"');

    const admin = await sessionFor(ctx, { role: 'admin' });
    const joint = await post(
      '/admin/events/new',
      { ...newEvent, title: 'Rõuge ja Tartu ühine foorum', hosts: ['rouge', 'tartu'] },
      admin,
    );
    expect(joint.status).toBe(303);
    const slug = 'rouge-ja-tartu-uhine-foorum';
    const edit = await (await get(`/admin/events/${slug}`)).text();
    // Tartu shows as a host the Rõuge organizer cannot untick; the form sends it back as it is.
    expect(edit).toMatch(/<input type="checkbox" checked="" disabled=""\/> Tartu/);
    expect(edit).toContain('<input type="hidden" name="hosts" value="tartu"/>');
    const saved = await post(`/admin/events/${slug}`, {
      ...newEvent,
      title: 'Rõuge ja Tartu ühine foorum',
      hosts: ['rouge', 'tartu'],
      summary: 'Uus kokkuvõte',
    });
    expect(saved.status).toBe(303);
    const stored = await findEventBySlug(ctx.deps.db, slug);
    expect(stored?.hosts.map((host) => host.slug).sort()).toEqual(['rouge', 'tartu']);
    expect(stored?.summary).toBe('Uus kokkuvõte');
  });

  it('refuses organizers of other municipalities and cross-site posts', async () => {
    expect((await get('/admin/events/mottekoda-rouges', tartu)).status).toBe(403);
    expect(
      (await post('/admin/events/mottekoda-rouges/status', { status: 'draft' }, tartu)).status,
    ).toBe(403);
    const crossSite = await ctx.app.request('/admin/events/mottekoda-rouges/status', {
      method: 'POST',
      headers: {
        cookie: rouge,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'status=draft',
    });
    expect(crossSite.status).toBe(403);
    const [row] = await ctx.deps.db
      .select()
      .from(events)
      .where(eq(events.slug, 'mottekoda-rouges'));
    expect(row?.status).toBe('published');
  });
});
