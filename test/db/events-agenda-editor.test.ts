import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agendaItems } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';
import { makeEvent } from './registrations-fixtures';

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

// 2026-12-05 14:00–17:00 Tallinn time.
const oneDay = {
  startsAt: new Date('2026-12-05T12:00:00Z'),
  endsAt: new Date('2026-12-05T15:00:00Z'),
};

const titles = async (eventId: number) =>
  (
    await ctx.deps.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.eventId, eventId))
      .orderBy(agendaItems.position)
  ).map((item) => `${item.startsAt.toISOString().slice(11, 16)} ${item.title}`);

describe('the agenda editor', () => {
  it('takes times on the event’s day in its zone and saves the rows in time order', async () => {
    const event = await makeEvent(ctx, oneDay);
    const page = await (
      await ctx.app.request(`/admin/events/${event.slug}/agenda?lang=et`, {
        headers: { cookie: keila },
      })
    ).text();
    // One event day: no day to choose, times only, the day and the zone said once in words.
    expect(page).toMatch(/<input id="f-items-0-startsAt" name="items\.0\.startsAt" type="time"/);
    expect(page).not.toContain('name="items.0.day"');
    expect(page).toContain('Päevakava on laupäeval, 5. detsembril (Eesti aeg).');
    expect(page).not.toContain('Europe/Tallinn');
    expect(page).toContain('<template data-row-template="true">');

    const res = await postForm(
      ctx,
      `/admin/events/${event.slug}/agenda`,
      {
        'items.0.startsAt': '15:30',
        'items.0.endsAt': '16:00',
        'items.0.title': 'Kokkuvõte',
        'items.0.kind': 'discussion',
        'items.1.startsAt': '14:00',
        'items.1.endsAt': '14:30',
        'items.1.title': 'Avamine',
        'items.1.kind': 'talk',
        // A row added in place gets the next free number; a removed one leaves a gap.
        'items.7.startsAt': '14:30',
        'items.7.endsAt': '15:30',
        'items.7.title': 'Töötoad',
        'items.7.kind': 'workshop',
      },
      { cookie: keila },
    );
    expect(res.status).toBe(303);
    expect(await titles(event.id)).toEqual(['12:00 Avamine', '12:30 Töötoad', '13:30 Kokkuvõte']);
    const public_ = await (await ctx.app.request(`/events/${event.slug}`)).text();
    expect(public_.indexOf('Avamine')).toBeLessThan(public_.indexOf('Töötoad'));
    expect(public_.indexOf('Töötoad')).toBeLessThan(public_.indexOf('Kokkuvõte'));
  });

  it('adds a row without JavaScript, saving nothing, and shows errors on the row they belong to', async () => {
    const event = await makeEvent(ctx, oneDay);
    const fields = {
      'items.0.startsAt': '14:00',
      'items.0.endsAt': '14:30',
      'items.0.title': 'Avamine',
      'items.0.kind': 'talk',
    };
    const more = await postForm(
      ctx,
      `/admin/events/${event.slug}/agenda`,
      { ...fields, addRow: '1' },
      { cookie: keila },
    );
    expect(more.status).toBe(200);
    const html = await more.text();
    expect(html).toContain('name="items.1.title"');
    expect(html).toMatch(/name="items\.0\.title" type="text" value="Avamine"/);
    expect(await titles(event.id)).toEqual([]);

    const wrong = await postForm(
      ctx,
      `/admin/events/${event.slug}/agenda?lang=en`,
      {
        ...fields,
        'items.1.startsAt': '13:00',
        'items.1.endsAt': '13:30',
        'items.1.title': 'Too early',
        'items.1.kind': 'talk',
      },
      { cookie: keila },
    );
    expect(wrong.status).toBe(422);
    const errors = await wrong.text();
    expect(errors).toMatch(/id="f-items-1-startsAt"[^>]*aria-invalid="true"/);
    expect(errors).not.toMatch(/id="f-items-0-startsAt"[^>]*aria-invalid="true"/);
    expect(errors).toContain('Row 2, Starts:');
    expect(await titles(event.id)).toEqual([]);
  });

  it('asks for each row’s day when the event spans several', async () => {
    const event = await makeEvent(ctx, {
      startsAt: new Date('2026-12-05T08:00:00Z'),
      endsAt: new Date('2026-12-06T14:00:00Z'),
    });
    const page = await (
      await ctx.app.request(`/admin/events/${event.slug}/agenda?lang=en`, {
        headers: { cookie: keila },
      })
    ).text();
    expect(page).toContain('<option value="2026-12-06">Sunday 6 December</option>');
    const res = await postForm(
      ctx,
      `/admin/events/${event.slug}/agenda`,
      {
        'items.0.day': '2026-12-06',
        'items.0.startsAt': '10:00',
        'items.0.endsAt': '11:00',
        'items.0.title': 'Teine päev',
        'items.0.kind': 'talk',
        'items.1.day': '2026-12-05',
        'items.1.startsAt': '10:00',
        'items.1.endsAt': '11:00',
        'items.1.title': 'Esimene päev',
        'items.1.kind': 'talk',
      },
      { cookie: keila },
    );
    expect(res.status).toBe(303);
    expect(await titles(event.id)).toEqual(['08:00 Esimene päev', '08:00 Teine päev']);
    const again = await (
      await ctx.app.request(`/admin/events/${event.slug}/agenda`, { headers: { cookie: keila } })
    ).text();
    expect(again).toMatch(/name="items\.1\.day">[\s\S]*?<option value="2026-12-06" selected=""/);
  });
});
