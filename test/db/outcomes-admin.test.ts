import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { translator } from '@/messages';
import { outcomes } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { expectOnlyIn, expectRefusedFormIn, visibleText } from '../helpers/form-language';
import { postForm } from '../helpers/session';
import { makeEvent } from './registrations-fixtures';

/**
 * Outcome notes on their admin page: each note has its own edit form (folded in <details>), its
 * "said at" typed as h:mm:ss, m:ss or seconds and shown as h:mm:ss; deleting takes the confirm
 * step, and a note an action item cites is refused in the reader's language.
 */

let ctx: TestContext;
let keila: string;
let keilaApi: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaApi = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

async function eventWithNote(lang: string) {
  const event = await makeEvent(ctx);
  const recording = await created(
    await apiRequest(
      ctx,
      'POST',
      `/events/${event.slug}/recordings`,
      { url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Salvestis', durationSeconds: 3 * 3600 },
      keilaApi,
    ),
  );
  const note = await created(
    await apiRequest(
      ctx,
      'POST',
      `/events/${event.slug}/outcomes`,
      { kind: 'proposal', title: `Pingid parki ${lang}`, body: 'Kaks pinki.', published: false },
      keilaApi,
    ),
  );
  return { event, recording, note, page: `/admin/events/${event.slug}/outcomes` };
}

const noteOf = async (id: number) =>
  (await ctx.deps.db.select().from(outcomes).where(eq(outcomes.id, id)))[0];

const get = (path: string, lang: string) =>
  ctx.app.request(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, {
    headers: { cookie: keila },
  });

describe.each(['et', 'en'] as const)('outcome notes on their admin page, in %s', (lang) => {
  const t = translator(lang);

  it('each note has its own folded edit form; a change is saved and the page comes back', async () => {
    const { note, recording, page } = await eventWithNote(lang);
    const html = await (await get(page, lang)).text();
    expect(html).toMatch(
      new RegExp(
        `<details>\\s*<summary>[^<]*Pingid parki ${lang}[\\s\\S]*?action="${page}/${note.id}"`,
      ),
    );
    const res = await postForm(
      ctx,
      `${page}/${note.id}?lang=${lang}`,
      {
        kind: 'decision',
        title: 'Pingid parki ja raamatukokku',
        body: 'Neli pinki.',
        agendaItemId: '',
        recordingId: String(recording.id),
        offsetSeconds: '1:02:03',
        published: '1',
      },
      { cookie: keila },
    );
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`${page}?saved`);
    const saved = await noteOf(note.id);
    expect(saved).toMatchObject({
      kind: 'decision',
      title: 'Pingid parki ja raamatukokku',
      body: 'Neli pinki.',
      recordingId: recording.id,
      offsetSeconds: 3723,
      published: true,
    });
    const after = visibleText(await (await get(`${page}?saved`, lang)).text());
    expect(after).toContain('Pingid parki ja raamatukokku (1:02:03)');
    expect(after).toContain(t('outcomes.admin.saved'));
  });

  it('"said at" reads m:ss and seconds too; blank clears the recording and the time', async () => {
    const { note, recording, page } = await eventWithNote(lang);
    const fields = { kind: 'proposal', title: 'T', body: '', recordingId: String(recording.id) };
    for (const [typed, seconds] of [
      ['42:10', 2530],
      ['95', 95],
      [' 2:00:00 ', 7200],
    ] as const) {
      const res = await postForm(
        ctx,
        `${page}/${note.id}`,
        { ...fields, offsetSeconds: typed },
        { cookie: keila },
      );
      expect(res.status).toBe(303);
      expect((await noteOf(note.id))?.offsetSeconds).toBe(seconds);
    }
    const html = await (await get(page, lang)).text();
    expect(html).toContain('value="2:00:00"');
    await postForm(
      ctx,
      `${page}/${note.id}`,
      { ...fields, recordingId: '', offsetSeconds: '' },
      { cookie: keila },
    );
    expect(await noteOf(note.id)).toMatchObject({ recordingId: null, offsetSeconds: null });
  });

  it('a time it cannot read is refused beside the field, that note’s form open', async () => {
    const { note, recording, page } = await eventWithNote(lang);
    const res = await postForm(
      ctx,
      `${page}/${note.id}?lang=${lang}`,
      {
        kind: 'proposal',
        title: 'Uus pealkiri',
        body: '',
        recordingId: String(recording.id),
        offsetSeconds: '1:75',
      },
      { cookie: keila },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expectRefusedFormIn(html, lang, ['outcomes.field.offsetInvalid']);
    expect(html).toContain(`id="f-o${note.id}-offsetSeconds"`);
    expect(html).toMatch(/<details open="">[\s\S]*value="Uus pealkiri"/);
    expect((await noteOf(note.id))?.title).toBe(`Pingid parki ${lang}`);
  });

  it('deleting asks first, then deletes', async () => {
    const { note, page } = await eventWithNote(lang);
    const path = `${page}/${note.id}/delete`;
    const first = await postForm(ctx, `${path}?lang=${lang}`, {}, { cookie: keila });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('data-confirm-step');
    expect(html).toContain(`action="${path}"`);
    expectOnlyIn(html, lang, [['outcomes.admin.deleteConfirm', { title: `Pingid parki ${lang}` }]]);
    expect(await noteOf(note.id)).toBeDefined();
    const second = await postForm(ctx, path, { confirm: 'yes' }, { cookie: keila });
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(`${page}?deleted`);
    expect(await noteOf(note.id)).toBeUndefined();
  });

  it('a note an action item cites is not deleted: the page says why in the reader’s language', async () => {
    const { event, note, page } = await eventWithNote(lang);
    await apiRequest(ctx, 'PATCH', `/outcomes/${note.id}`, { published: true }, keilaApi);
    const plan = await created(
      await apiRequest(
        ctx,
        'POST',
        '/municipalities/keila/plans',
        { title: `Kava ${lang} ${event.id}`, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        keilaApi,
      ),
    );
    await created(
      await apiRequest(
        ctx,
        'POST',
        `/plans/${plan.id}/items`,
        { title: 'Pingid', sourceOutcomeIds: [note.id] },
        keilaApi,
      ),
    );
    const res = await postForm(
      ctx,
      `${page}/${note.id}/delete?lang=${lang}`,
      { confirm: 'yes' },
      { cookie: keila },
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    expectRefusedFormIn(html, lang, ['errors.outcome_cited']);
    expect(html).toMatch(/<details open="">/);
    expect(await noteOf(note.id)).toBeDefined();
  });

  it('another municipality’s organizer cannot edit or delete the note', async () => {
    const { note, page } = await eventWithNote(lang);
    const other = await sessionFor(ctx, { role: 'organizer', municipalities: ['saue'] });
    for (const path of [`${page}/${note.id}`, `${page}/${note.id}/delete`]) {
      const res = await postForm(
        ctx,
        path,
        { kind: 'proposal', title: 'X', body: '', confirm: 'yes' },
        { cookie: other },
      );
      expect(res.status).toBe(403);
    }
    expect((await noteOf(note.id))?.title).toBe(`Pingid parki ${lang}`);
  });
});
