import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { translator } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { pageAuthorizationCases, sessionFor } from '../helpers/auth';
import { expectRefusedFormIn, visibleText } from '../helpers/form-language';
import { pdfSaying, postUpload } from '../helpers/files';
import { postForm } from '../helpers/session';
import { checkHtml } from '../helpers/browser';
import { makeEvent } from './registrations-fixtures';
import { seedMunicipalitiesOnly } from './documents-fixtures';

/**
 * The organizer page of an event's materials (upload, order, publish, delete after a confirm
 * step) and the event page's "Materjalid" section, in Estonian and English.
 */

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ config: { MAX_UPLOAD_BYTES: '20000' } });
  await seedMunicipalitiesOnly(ctx);
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const page = (path: string, cookie?: string) =>
  ctx.app.request(path, { headers: cookie ? { cookie } : {} });

describe('the materials of an event', () => {
  it('its page opens for its organizers and admins only', async () => {
    const event = await makeEvent(ctx);
    for (const c of await pageAuthorizationCases(ctx, 'keila', 'tartu', [200])) {
      const res = await page(`/admin/events/${event.slug}/attachments`, c.cookie);
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    // The event's organizer pages lead to it.
    expect(await (await page(`/admin/events/${event.slug}/agenda`, keila)).text()).toContain(
      `href="/admin/events/${event.slug}/attachments"`,
    );
    const other = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
    const refused = await postUpload(
      ctx,
      `/admin/events/${event.slug}/attachments`,
      { fields: { title: 'Võõras', url: 'https://example.ee/a.pdf' } },
      { cookie: other },
    );
    expect(refused.status).toBe(403);
  });

  it.each(['et', 'en'] as const)(
    'uploaded, ordered, hidden and deleted on the organizer page; shown on the event page (%s)',
    async (lang) => {
      const t = translator(lang);
      const event = await makeEvent(ctx);
      const admin = `/admin/events/${event.slug}/attachments`;
      const pdf = await pdfSaying('Päevakava');
      const first = await postUpload(
        ctx,
        `${admin}?lang=${lang}`,
        {
          file: { bytes: pdf, name: 'päevakava.pdf' },
          fields: { title: 'Kava 2027', kind: 'agenda', published: 'true' },
        },
        { cookie: keila },
      );
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe(`${admin}?added`);
      await postUpload(
        ctx,
        admin,
        {
          fields: {
            title: 'Linna ettekanne',
            kind: 'slides',
            url: 'https://example.ee/slaidid',
            published: 'true',
          },
        },
        { cookie: keila },
      );
      const listed = await (await page(`${admin}?added&lang=${lang}`, keila)).text();
      expect(visibleText(listed)).toContain(t('documents.admin.added'));
      expect(listed.indexOf('Kava 2027')).toBeLessThan(listed.indexOf('Linna ettekanne'));

      const eventPage = await (await page(`/events/${event.slug}?lang=${lang}`)).text();
      expect(visibleText(eventPage)).toContain(t('documents.section.heading'));
      expect(eventPage).toMatch(/href="\/files\/\d+\/p%C3%A4evakava\.pdf"/);
      expect(visibleText(eventPage)).toContain(`(${t('documents.kind.agenda')}, PDF,`);

      // Move the link up, then hide it: the event page no longer shows it.
      const linkId = Number(
        [...listed.matchAll(/action="\/admin\/attachments\/(\d+)"/g)].map((m) => m[1])[1],
      );
      expect(
        (await postForm(ctx, `/admin/attachments/${linkId}`, { move: 'up' }, { cookie: keila }))
          .status,
      ).toBe(303);
      const reordered = await (await page(admin, keila)).text();
      expect(reordered.indexOf('Linna ettekanne')).toBeLessThan(reordered.indexOf('Kava 2027'));
      await postForm(
        ctx,
        `/admin/attachments/${linkId}`,
        { published: 'false' },
        { cookie: keila },
      );
      const hidden = await (await page(`/events/${event.slug}?lang=${lang}`)).text();
      expect(hidden).not.toContain('Linna ettekanne');
      expect(hidden).toContain('Kava 2027');

      // Deleting asks first; only the confirmed post deletes.
      const ask = await postForm(
        ctx,
        `/admin/attachments/${linkId}/delete?lang=${lang}`,
        {},
        { cookie: keila },
      );
      expect(ask.status).toBe(200);
      expect(visibleText(await ask.text())).toContain(
        t('documents.admin.confirmDelete', { title: 'Linna ettekanne' }),
      );
      expect(await (await page(admin, keila)).text()).toContain('Linna ettekanne');
      const done = await postForm(
        ctx,
        `/admin/attachments/${linkId}/delete`,
        { confirm: 'yes' },
        { cookie: keila },
      );
      expect(done.status).toBe(303);
      expect(await (await page(admin, keila)).text()).not.toContain('Linna ettekanne');
    },
  );

  it.each(['et', 'en'] as const)(
    'a file too large or of a refused type is named on the form (%s)',
    async (lang) => {
      const event = await makeEvent(ctx);
      const admin = `/admin/events/${event.slug}/attachments?lang=${lang}`;
      const large = await postUpload(
        ctx,
        admin,
        { file: { bytes: 'a'.repeat(30_000), name: 'suur.txt' }, fields: { title: 'Suur' } },
        { cookie: keila },
      );
      expect(large.status).toBe(422);
      expectRefusedFormIn(await large.text(), lang, [
        ['documents.error.tooLarge', { max: '20 kB' }],
      ]);
      const program = await postUpload(
        ctx,
        admin,
        {
          file: { bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]), name: 'kava.pdf' },
          fields: { title: 'Kava' },
        },
        { cookie: keila },
      );
      expect(program.status).toBe(422);
      expectRefusedFormIn(await program.text(), lang, ['documents.error.type']);
    },
  );
});

describe('documents in the archive feed', () => {
  it('a published document of a public event is an Atom entry linking its download; a hidden one is not', async () => {
    const event = await makeEvent(ctx);
    const admin = `/admin/events/${event.slug}/attachments`;
    await postUpload(
      ctx,
      admin,
      {
        file: { bytes: await pdfSaying('Protokoll'), name: 'protokoll.pdf' },
        fields: { title: 'Koosoleku protokoll', kind: 'minutes', published: 'true' },
      },
      { cookie: keila },
    );
    await postUpload(
      ctx,
      admin,
      { fields: { title: 'Sisemine märkmik', url: 'https://example.ee/sisemine' } },
      { cookie: keila },
    );
    const xml = await (await ctx.app.request('/archive/feed.xml?lang=en')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry',
    }).parse(xml) as {
      feed: {
        entry: {
          title: { '#text': string };
          link: { '@_href': string };
          category?: { '@_term': string };
        }[];
      };
    };
    const entry = feed.feed.entry.find(
      (item) => item.title['#text'] === 'Material: Koosoleku protokoll',
    );
    expect(entry?.link['@_href']).toMatch(/^https:\/\/koda\.test\/files\/\d+\/protokoll\.pdf$/);
    expect(entry?.category?.['@_term']).toBe('document:minutes');
    expect(xml).not.toContain('Sisemine märkmik');
  });
});

describe('the pages as HTML', () => {
  it('the materials page (with a refused form) and an event page with materials pass the Nu checker', async () => {
    const event = await makeEvent(ctx);
    const admin = `/admin/events/${event.slug}/attachments`;
    await postUpload(
      ctx,
      admin,
      {
        file: { bytes: await pdfSaying('Kava'), name: 'kava.pdf' },
        fields: { title: 'Kava', published: 'true' },
      },
      { cookie: keila },
    );
    const refused = await postUpload(ctx, admin, { fields: { title: '' } }, { cookie: keila });
    const documents = [
      { name: 'materials page', html: await (await page(admin, keila)).text() },
      { name: 'refused form', html: await refused.text() },
      { name: 'event page', html: await (await page(`/events/${event.slug}`)).text() },
    ];
    expect(checkHtml(documents)).toEqual([]);
  });
});
