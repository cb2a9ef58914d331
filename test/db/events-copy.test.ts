import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations } from '@/platform/db/schema';
import { findEventBySlug, loadAgenda } from '@/events/reads';
import { toZonedIso } from '@/platform/time';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

let ctx: TestContext;
let keila: string;
let admin: string;
const ZONE = 'Europe/Tallinn';

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  admin = await bearerFor(ctx, { role: 'admin' });
});
afterAll(() => ctx.close());

const send = (method: string, path: string, body?: unknown, authorization = keila) =>
  apiRequest(ctx, method, path, body, authorization);

/** A published summer think tank at 16:00 Tallinn time with a two-item agenda and one registration. */
async function summerEvent(hosts = ['keila'], authorization = keila): Promise<string> {
  const event = await created(
    await send(
      'POST',
      '/events',
      {
        kind: 'think_tank',
        title: 'Suvine mõttekoda',
        startsAt: '2027-07-14T16:00',
        endsAt: '2027-07-14T19:00',
        hosts,
        venue: { name: 'Keila Kultuurikeskus' },
        capacity: 40,
        registrationOpensAt: '2027-06-14T09:00',
        registrationClosesAt: '2027-07-13T23:59',
        status: 'published',
      },
      authorization,
    ),
  );
  const slug = String(event.slug);
  const agenda = await send(
    'PUT',
    `/events/${slug}/agenda`,
    [
      { startsAt: '2027-07-14T16:00', endsAt: '2027-07-14T16:30', title: 'Avasõnad', kind: 'talk' },
      {
        startsAt: '2027-07-14T16:30',
        endsAt: '2027-07-14T18:45',
        title: 'Töörühmad',
        kind: 'workshop',
      },
    ],
    authorization,
  );
  expect(agenda.status).toBe(200);
  return slug;
}

describe('copying an event to another day', () => {
  it('makes a draft with the agenda at the same wall-clock times, across the clock change', async () => {
    const slug = await summerEvent();
    const source = await findEventBySlug(ctx.deps.db, slug);
    await ctx.deps.db.insert(registrations).values({
      eventId: source?.id ?? 0,
      name: 'Mari',
      email: 'mari@example.ee',
      attendance: 'in_person',
      status: 'confirmed',
      manageTokenHash: 'copy-test-token-hash',
      consentAt: ctx.clock.now(),
    });

    const copy = await created(
      await send('POST', `/events/${slug}/copy`, { startsAt: '2027-11-10T16:00' }),
    );
    expect(copy.slug).toBe(`${slug}-2`);
    expect(copy).toMatchObject({
      status: 'draft',
      startsAt: '2027-11-10T16:00:00+02:00',
      endsAt: '2027-11-10T19:00:00+02:00',
    });

    const stored = await findEventBySlug(ctx.deps.db, String(copy.slug));
    expect(stored?.title).toBe('Suvine mõttekoda');
    expect(stored?.venueName).toBe('Keila Kultuurikeskus');
    expect(stored?.capacity).toBe(40);
    expect(stored?.hosts.map((host) => host.slug)).toEqual(['keila']);
    expect(toZonedIso(stored?.registrationOpensAt ?? new Date(0), ZONE)).toBe(
      '2027-10-11T09:00:00+03:00',
    );
    expect(toZonedIso(stored?.registrationClosesAt ?? new Date(0), ZONE)).toBe(
      '2027-11-09T23:59:00+02:00',
    );
    const agenda = await loadAgenda(ctx.deps.db, stored?.id ?? 0);
    expect(agenda.map((item) => [toZonedIso(item.startsAt, ZONE), item.title])).toEqual([
      ['2027-11-10T16:00:00+02:00', 'Avasõnad'],
      ['2027-11-10T16:30:00+02:00', 'Töörühmad'],
    ]);
    // Registrations stay with the original, which is unchanged.
    expect(
      await ctx.deps.db
        .select()
        .from(registrations)
        .where(eq(registrations.eventId, stored?.id ?? 0)),
    ).toHaveLength(0);
    expect((await findEventBySlug(ctx.deps.db, slug))?.startsAt.toISOString()).toBe(
      '2027-07-14T13:00:00.000Z',
    );
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'copy'));
    expect(audit.some((row) => row.entityId === String(stored?.id))).toBe(true);
  });

  it('refuses a start that does not exist, names the field, and copies nothing', async () => {
    const slug = await summerEvent();
    for (const startsAt of ['2027-03-28T03:30', 'homme', '']) {
      const res = await send('POST', `/events/${slug}/copy`, { startsAt });
      expect(res.status, startsAt).toBe(422);
      expect((await res.json()).error.details[0].path).toBe('startsAt');
    }
    expect(
      (await send('POST', '/events/no-such-event/copy', { startsAt: '2027-11-10T16:00' })).status,
    ).toBe(404);
    expect(await findEventBySlug(ctx.deps.db, `${slug}-2`)).toBeNull();
  });

  it('is for the event’s organizers and admins, and leaves out hosts the copier does not organize for', async () => {
    const slug = await summerEvent();
    for (const who of await authorizationCases(ctx, 'keila', 'tartu', [201])) {
      const res = await apiRequest(
        ctx,
        'POST',
        `/events/${slug}/copy`,
        { startsAt: '2027-12-01T16:00' },
        who.authorization,
      );
      expect(who.expected, who.who).toContain(res.status);
    }
    const joint = await summerEvent(['keila', 'tartu'], admin);
    const byKeila = await created(
      await send('POST', `/events/${joint}/copy`, { startsAt: '2027-12-08T16:00' }),
    );
    expect(
      (await findEventBySlug(ctx.deps.db, String(byKeila.slug)))?.hosts.map((h) => h.slug),
    ).toEqual(['keila']);
    const byAdmin = await created(
      await send('POST', `/events/${joint}/copy`, { startsAt: '2027-12-15T16:00' }, admin),
    );
    expect(
      (await findEventBySlug(ctx.deps.db, String(byAdmin.slug)))?.hosts.map((h) => h.slug),
    ).toEqual(['keila', 'tartu']);
  });

  it('works from the organizer page, with the error beside the new start', async () => {
    // Pages take a session: API tokens open no HTML page.
    const keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const slug = await summerEvent();
    const page = await (
      await ctx.app.request(`/admin/events/${slug}`, { headers: { cookie: keilaPage } })
    ).text();
    expect(page).toContain(`action="/admin/events/${slug}/copy"`);
    const done = await postForm(
      ctx,
      `/admin/events/${slug}/copy`,
      { startsAt: '2027-11-10T16:00' },
      { cookie: keilaPage },
    );
    expect(done.status).toBe(303);
    const location = done.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/events\/suvine-mottekoda-\d+\?copied=1$/);
    expect(location).not.toContain(`/${slug}?`);
    const copyPage = await (
      await ctx.app.request(location, { headers: { cookie: keilaPage } })
    ).text();
    expect(copyPage).toContain('See on koopia');
    const refused = await postForm(
      ctx,
      `/admin/events/${slug}/copy`,
      { startsAt: '2027-03-28T03:30' },
      { cookie: keilaPage },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(
      /id="f-copyStartsAt-error">Sellist kellaaega ei ole \(kevadisel kellakeeramise ööl/,
    );
  });
});
