import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditLog, chapters, events, recordings } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { pageAuthorizationCases, sessionFor } from '../helpers/auth';

let ctx: TestContext;
let rouge: string;
const SLUG = 'mottekoda-rouges';
const BASE = `/admin/events/${SLUG}/recordings`;

function post(path: string, fields: Record<string, string>, cookie?: string) {
  const headers: Record<string, string> = {
    origin: 'https://koda.test',
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (cookie) headers.cookie = cookie;
  return ctx.app.request(path, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

async function recordingsOfEvent() {
  const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, SLUG));
  return ctx.deps.db
    .select()
    .from(recordings)
    .where(eq(recordings.eventId, event!.id))
    .orderBy(asc(recordings.position), asc(recordings.id));
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  rouge = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
});
afterAll(() => ctx.close());

describe('organizer pages for recordings', () => {
  it('lists the recordings with the add form, in both languages', async () => {
    const res = await ctx.app.request(BASE, { headers: { cookie: rouge } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Salvestised: Mõttekoda Rõuges');
    expect(html).toContain('Veebiülekanne');
    expect(html).toContain(`action="${BASE}"`);
    const en = await (
      await ctx.app.request(`${BASE}?lang=en`, { headers: { cookie: rouge } })
    ).text();
    expect(en).toContain('Recordings: Mõttekoda Rõuges');
  });

  it('adds a recording with chapters typed one a line', async () => {
    const res = await post(
      BASE,
      {
        url: 'https://vimeo.com/76979871',
        title: 'Rõuge töörühmad',
        kind: 'recording',
        language: 'et',
        duration: '1:30:00',
        captionsUrl: '',
        chapters: '0:00 Algus\n45:10 Töörühmad',
        published: 'on',
      },
      rouge,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(BASE);
    const list = await recordingsOfEvent();
    const created = list.find((row) => row.title === 'Rõuge töörühmad');
    expect(created).toMatchObject({ provider: 'vimeo', durationSeconds: 5400, published: true });
    const rows = await ctx.deps.db
      .select({ offsetSeconds: chapters.offsetSeconds, title: chapters.title })
      .from(chapters)
      .where(eq(chapters.recordingId, created!.id))
      .orderBy(chapters.offsetSeconds);
    expect(rows).toEqual([
      { offsetSeconds: 0, title: 'Algus' },
      { offsetSeconds: 2710, title: 'Töörühmad' },
    ]);
  });

  it('re-shows the form with the errors named and the values kept', async () => {
    const res = await post(
      BASE,
      {
        url: 'javascript:alert(1)',
        title: 'Vigane',
        duration: '10:00',
        captionsUrl: 'pole url',
        chapters: '0:00 Algus\nvale rida\n20:00 Pärast lõppu',
      },
      rouge,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-url-error"');
    expect(html).toContain('id="f-captionsUrl-error"');
    expect(html).toContain('id="f-chapters-error"');
    expect(html).toContain('Peatükkide read 2 ei ole kujul');
    expect(html).toContain('value="Vigane"');
    expect(html).not.toContain('href="javascript:');
    const none = (await recordingsOfEvent()).filter((row) => row.title === 'Vigane');
    expect(none).toHaveLength(0);
  });

  it('edits, moves, sets chapters from the agenda and removes', async () => {
    const before = await recordingsOfEvent();
    const last = before[before.length - 1]!;
    const edit = await ctx.app.request(`${BASE}/${last.id}`, { headers: { cookie: rouge } });
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('type="datetime-local" value="2014-11-06T16:00"');

    const saved = await post(
      `${BASE}/${last.id}`,
      { url: 'https://youtu.be/dQw4w9WgXcQ', title: '', kind: 'live', duration: '', chapters: '' },
      rouge,
    );
    expect(saved.status).toBe(303);
    const [changed] = await ctx.deps.db.select().from(recordings).where(eq(recordings.id, last.id));
    expect(changed).toMatchObject({
      provider: 'youtube',
      kind: 'live',
      title: 'Mõttekoda Rõuges',
      published: false,
    });

    const moved = await post(`${BASE}/${last.id}/move`, { direction: 'up' }, rouge);
    expect(moved.status).toBe(303);
    const order = (await recordingsOfEvent()).map((row) => row.id);
    expect(order.indexOf(last.id)).toBe(before.length - 2);

    const fromAgenda = await post(
      `${BASE}/${last.id}/chapters-from-agenda`,
      { startsAt: '2014-11-06T16:20' },
      rouge,
    );
    expect(fromAgenda.status).toBe(303);
    const made = await ctx.deps.db
      .select({ offsetSeconds: chapters.offsetSeconds })
      .from(chapters)
      .where(eq(chapters.recordingId, last.id))
      .orderBy(chapters.offsetSeconds);
    expect(made.map((row) => row.offsetSeconds)).toEqual([0, 2400, 3300, 6900]);

    const removed = await post(`${BASE}/${last.id}/delete`, { confirm: 'yes' }, rouge);
    expect(removed.status).toBe(303);
    expect((await recordingsOfEvent()).map((row) => row.id)).not.toContain(last.id);
    const audit = await ctx.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(last.id)));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['recording.update', 'recording.delete']),
    );
  });

  it('keeps others out: login redirect, 403 for another municipality, CSRF', async () => {
    const anonymous = await ctx.app.request(BASE);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/admin/login');
    const cases = await pageAuthorizationCases(ctx, 'rouge', 'keila', [303]);
    for (const who of cases.slice(1)) {
      const res = await post(BASE, { url: 'https://youtu.be/dQw4w9WgXcQ' }, who.cookie);
      expect(who.expected, who.who).toContain(res.status);
    }
    const crossSite = await ctx.app.request(BASE, {
      method: 'POST',
      headers: {
        cookie: rouge,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'url=https://youtu.be/dQw4w9WgXcQ',
    });
    expect(crossSite.status).toBe(403);
    const [keilaEvent] = await ctx.deps.db
      .select()
      .from(events)
      .where(eq(events.slug, 'mottekoda-keilas'));
    const [keilaRecording] = await ctx.deps.db
      .select()
      .from(recordings)
      .where(eq(recordings.eventId, keilaEvent!.id));
    // A recording of another event under this event's path is not found.
    const wrongPath = await ctx.app.request(`${BASE}/${keilaRecording!.id}`, {
      headers: { cookie: await sessionFor(ctx, { role: 'admin' }) },
    });
    expect(wrongPath.status).toBe(404);
  });
});
