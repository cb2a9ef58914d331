import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { attachments } from '@/platform/db/schema';
import { translator } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, pageAuthorizationCases, sessionFor } from '../helpers/auth';
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
    // The English feed shows the Estonian title untranslated, marked with its language.
    const entry = feed.feed.entry.find(
      (item) => item.title['#text'] === 'Material: <span lang="et">Koosoleku protokoll</span>',
    );
    expect(entry?.link['@_href']).toMatch(/^https:\/\/koda\.test\/files\/\d+\/protokoll\.pdf$/);
    expect(entry?.category?.['@_term']).toBe('document:minutes');
    expect(xml).not.toContain('Sisemine märkmik');
  });
});

describe('the pages as HTML', () => {
  it('the materials page (with a refused form), an event page with materials and a picture, and a list with its card pass the Nu checker', async () => {
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
    // A photo: the page's picture and its card's (srcset, sizes, lazy loading are valid markup).
    const photo = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    await postUpload(
      ctx,
      admin,
      {
        file: { bytes: new Uint8Array(photo), name: 'saal.png' },
        fields: { title: 'Saal', kind: 'photo', published: 'true' },
      },
      { cookie: keila },
    );
    const refused = await postUpload(ctx, admin, { fields: { title: '' } }, { cookie: keila });
    const [kava] = await ctx.deps.db
      .select()
      .from(attachments)
      .where(eq(attachments.title, 'Kava'));
    const edit = `/admin/attachments/${kava?.id}/edit`;
    const refusedEdit = await postForm(
      ctx,
      edit,
      { title: '', kind: 'document' },
      { cookie: keila },
    );
    const list = await (await page('/events')).text();
    expect(list).toContain('event-card-image');
    const documents = [
      { name: 'event list with a picture', html: list },
      { name: 'materials page', html: await (await page(admin, keila)).text() },
      { name: 'refused form', html: await refused.text() },
      { name: 'a document’s form', html: await (await page(edit, keila)).text() },
      { name: 'a document’s refused form', html: await refusedEdit.text() },
      { name: 'event page', html: await (await page(`/events/${event.slug}`)).text() },
    ];
    expect(checkHtml(documents)).toEqual([]);
  });
});

/** The page's elements matching a test, parsed as a browser would read the markup. */
async function elements(
  path: string,
  test: (element: { name: string; attribs: Record<string, string> }) => boolean,
) {
  const res = await page(path);
  expect(res.status, path).toBe(200);
  const document = parseDocument(await res.text());
  return DomUtils.findAll((element) => test(element), document.children);
}

const withClass = (name: string) => (element: { attribs: Record<string, string> }) =>
  (element.attribs.class ?? '').split(/\s+/).includes(name);

describe('an event’s picture', () => {
  it('its first published photo that is an image is on its page and its cards, its title the alt text; else none', async () => {
    const api = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    // The soonest two, so the home page's few upcoming events are these.
    const soon = (days: number) => {
      const startsAt = new Date(ctx.clock.now().getTime() + days * 24 * 60 * 60 * 1000);
      return {
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
        registrationClosesAt: new Date(startsAt.getTime() - 60 * 60 * 1000),
      };
    };
    const event = await makeEvent(ctx, { title: 'Pildiga mõttekoda', ...soon(1) });
    const plain = await makeEvent(ctx, { title: 'Pildita mõttekoda', ...soon(1.5) });
    const png = new Uint8Array(
      await sharp({ create: { width: 800, height: 450, channels: 3, background: '#c05a2b' } })
        .png()
        .toBuffer(),
    );
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';
    const ids: Record<string, number> = {};
    for (const [title, bytes, name, fields] of [
      ['Peidetud foto', png, 'peidetud.png', { published: 'false' }],
      ['Joonis', svg, 'joonis.svg', {}],
      ['Saal enne algust', png, 'saal.png', {}],
      ['Teine foto', png, 'teine.png', {}],
      ['Päevakava pildina', png, 'kava.png', { kind: 'agenda' }],
    ] as const) {
      const res = await postUpload(
        ctx,
        `/api/v1/events/${event.slug}/attachments`,
        { file: { bytes, name }, fields: { title, kind: 'photo', ...fields } },
        { authorization: api },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      ids[title] = ((await res.json()) as { id: number }).id;
    }
    const shown = ids['Saal enne algust']!;

    const [head, ...more] = await elements(`/events/${event.slug}`, withClass('event-image'));
    expect(more).toEqual([]);
    expect(head?.name).toBe('img');
    expect(head?.attribs).toMatchObject({
      alt: 'Saal enne algust',
      src: `/files/${shown}/preview?w=640`,
      srcset: `/files/${shown}/preview?w=640 640w, /files/${shown}/preview?w=1280 1280w`,
    });
    // Search engines get the largest preview as the event's image (schema.org Event).
    const [ld] = await elements(
      `/events/${event.slug}`,
      (element) => element.attribs.type === 'application/ld+json',
    );
    expect(JSON.parse(DomUtils.textContent(ld!)).image).toEqual([
      `https://koda.test/files/${shown}/preview?w=1280`,
    ]);
    const preview = await page(head!.attribs.src!);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/webp');
    expect(await (await page(`/events/${plain.slug}`)).text()).not.toContain('event-image');

    for (const path of ['/', '/events', '/municipalities/keila']) {
      const cards = await elements(path, withClass('event-card'));
      const card = (slug: string) =>
        cards.find((element) =>
          DomUtils.findOne((a) => a.attribs.href === `/events/${slug}`, element.children),
        );
      expect(card(event.slug), path).toBeDefined();
      const images = DomUtils.findAll(withClass('event-card-image'), card(event.slug)!.children);
      expect(
        images.map((image) => image.attribs.alt),
        path,
      ).toEqual(['Saal enne algust']);
      expect(images[0]!.attribs.src).toBe(`/files/${shown}/preview?w=320`);
      expect(images[0]!.attribs.loading).toBe('lazy');
      // Without a photo, the card is as it was: the kind's icon, no picture.
      expect(card(plain.slug), path).toBeDefined();
      expect(DomUtils.findAll(withClass('event-card-image'), card(plain.slug)!.children)).toEqual(
        [],
      );
    }
  });
});

describe('the documents of outcome notes and plan items', () => {
  it('are listed under their note on a past event’s page and under their item on the plan page, published ones only', async () => {
    const api = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const json = (method: string, body: unknown) => ({
      method,
      headers: { authorization: api, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const day = 24 * 60 * 60 * 1000;
    const now = ctx.clock.now().getTime();
    const event = await makeEvent(ctx, {
      startsAt: new Date(now - 10 * day),
      endsAt: new Date(now - 10 * day + 3 * 60 * 60 * 1000),
      registrationOpensAt: new Date(now - 20 * day),
      registrationClosesAt: new Date(now - 11 * day),
    });
    const outcome = await ctx.app.request(
      `/api/v1/events/${event.slug}/outcomes`,
      json('POST', { kind: 'minutes', title: 'Protokoll', body: 'Arutati.', published: true }),
    );
    expect(outcome.status, await outcome.clone().text()).toBe(201);
    const outcomeId = ((await outcome.json()) as { id: number }).id;
    const plan = await ctx.app.request(
      '/api/v1/municipalities/keila/plans',
      json('POST', { title: 'Tegevuskava', periodStart: '2027-01-01', periodEnd: '2028-12-31' }),
    );
    const planId = ((await plan.json()) as { id: number }).id;
    const item = await ctx.app.request(
      `/api/v1/plans/${planId}/items`,
      json('POST', { title: 'Rattateed' }),
    );
    const itemId = ((await item.json()) as { id: number }).id;
    expect(
      (await ctx.app.request(`/api/v1/plans/${planId}`, json('PATCH', { status: 'adopted' })))
        .status,
    ).toBe(200);
    const upload = async (path: string, title: string, published: string) => {
      const res = await postUpload(
        ctx,
        `/api/v1${path}/attachments`,
        { file: { bytes: `${title}\n`, name: 'fail.txt' }, fields: { title, published } },
        { authorization: api },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return new URL(((await res.json()) as { url: string }).url).pathname;
    };
    const minutes = await upload(`/outcomes/${outcomeId}`, 'Protokolli lisa', 'true');
    const hiddenMinutes = await upload(`/outcomes/${outcomeId}`, 'Mustand', 'false');
    const map = await upload(`/plan-items/${itemId}`, 'Rattateede kaart', 'true');
    const hiddenMap = await upload(`/plan-items/${itemId}`, 'Vana kaart', 'false');

    const links = async (path: string, id: string) => {
      const [part] = await elements(path, (element) => element.attribs.id === id);
      expect(part, `${path}#${id}`).toBeDefined();
      return DomUtils.findAll((element) => element.name === 'a', part!.children).map(
        (a) => `${a.attribs.href} ${DomUtils.textContent(a)}`,
      );
    };
    const noteLinks = await links(`/events/${event.slug}`, `outcome-${outcomeId}`);
    expect(noteLinks).toContain(`${minutes} Protokolli lisa`);
    expect(noteLinks.join('\n')).not.toContain(hiddenMinutes);
    const itemLinks = await links(`/plans/${planId}`, `item-${itemId}`);
    expect(itemLinks).toContain(`${map} Rattateede kaart`);
    expect(itemLinks.join('\n')).not.toContain(hiddenMap);
  });
});
