import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { postUpload } from '../helpers/files';

/**
 * An outcome, its event and an action item written in Russian only, in the archive's Atom feed
 * and the plan page's follow form of another language: the untranslated titles are marked
 * `lang="ru"` (a feed title is then HTML); in Russian nothing is marked.
 */

type Text = { '#text': string; '@_type': string; '@_xml:lang'?: string };
type Entry = { id: { '#text': string }; title: Text; summary?: Text; content?: Text };

let ctx: TestContext;
let keila: string;
let outcomeId: number;
let planId: number;
let itemId: number;
let documentId: number;

const EVENT = 'Форум Кейлы о дорогах';
const OUTCOME = 'Безопасная дорога к школе';
const ITEM = 'Ремонт дороги к школе';
const DOCUMENT = 'Протокол форума';

const send = (method: string, path: string, body?: unknown) =>
  apiRequest(ctx, method, path, body, keila);
const page = async (path: string) => {
  const res = await ctx.app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const event = await created(
    await send('POST', '/events', {
      kind: 'think_tank',
      title: { ru: EVENT },
      startsAt: '2026-10-01T17:00',
      endsAt: '2026-10-01T19:00',
      hosts: ['keila'],
      status: 'published',
    }),
  );
  outcomeId = (
    await created(
      await send('POST', `/events/${String(event.slug)}/outcomes`, {
        kind: 'proposal',
        title: { ru: OUTCOME },
        body: 'Жители предложили.',
        published: true,
      }),
    )
  ).id;
  planId = (
    await created(
      await send('POST', '/municipalities/keila/plans', {
        title: { et: 'Keila kava', ru: 'План Кейлы' },
        periodStart: '2026-01-01',
        periodEnd: '2027-12-31',
      }),
    )
  ).id;
  itemId = (await created(await send('POST', `/plans/${planId}/items`, { title: { ru: ITEM } })))
    .id;
  const document = await postUpload(
    ctx,
    `/api/v1/events/${String(event.slug)}/attachments`,
    { fields: { title: DOCUMENT, originalLang: 'ru', url: 'https://example.ee/protokoll.pdf' } },
    { authorization: keila },
  );
  expect(document.status, await document.clone().text()).toBe(201);
  documentId = ((await document.json()) as { id: number }).id;
  expect((await send('PATCH', `/plans/${planId}`, { status: 'adopted' })).status).toBe(200);
});
afterAll(() => ctx.close());

function entryOf(xml: string, idEnd: string): Entry | undefined {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    alwaysCreateTextNode: true,
    isArray: (name) => name === 'entry',
  }).parse(xml) as { feed: { entry?: Entry[] } };
  return (parsed.feed.entry ?? []).find((entry) => entry.id['#text'].endsWith(idEnd));
}

function outcomeTitle(xml: string): Text | undefined {
  return entryOf(xml, `#outcome-${outcomeId}`)?.title;
}

describe('an untranslated title in another language than the page’s', () => {
  it('is marked in the archive’s Atom feed, whose entry title is then HTML', async () => {
    expect(outcomeTitle(await page('/archive/feed.xml?lang=et'))).toEqual({
      '@_type': 'html',
      '#text': `Ettepanek: <span lang="ru">${OUTCOME}</span> (<span lang="ru">${EVENT}</span>)`,
    });
    expect(outcomeTitle(await page('/archive/feed.xml?lang=ru'))).toEqual({
      '@_type': 'text',
      '#text': `Предложение: ${OUTCOME} (${EVENT})`,
    });
  });

  it("marks an untranslated note's text and a document's title in the archive's feed", async () => {
    const et = await page('/archive/feed.xml?lang=et');
    const note = entryOf(et, `#outcome-${outcomeId}`);
    expect(note?.content?.['@_xml:lang']).toBe('ru');
    expect(note?.summary).toMatchObject({ '@_xml:lang': 'ru', '#text': 'Жители предложили.' });
    expect(entryOf(et, `/files/${documentId}`)?.title).toEqual({
      '@_type': 'html',
      '#text': `Materjal: <span lang="ru">${DOCUMENT}</span>`,
    });
    const ru = await page('/archive/feed.xml?lang=ru');
    expect(entryOf(ru, `#outcome-${outcomeId}`)?.content?.['@_xml:lang']).toBeUndefined();
    expect(entryOf(ru, `/files/${documentId}`)?.title).toEqual({
      '@_type': 'text',
      '#text': `Материал: ${DOCUMENT}`,
    });
  });

  it('is shown translated and unmarked in the feed once translated', async () => {
    const patched = await send('PATCH', `/outcomes/${outcomeId}`, {
      title: { ru: OUTCOME, et: 'Ohutu koolitee' },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(outcomeTitle(await page('/archive/feed.xml?lang=et'))).toEqual({
      '@_type': 'html',
      '#text': `Ettepanek: Ohutu koolitee (<span lang="ru">${EVENT}</span>)`,
    });
  });

  it('is marked in the plan page’s follow form', async () => {
    const et = await page(`/plans/${planId}?lang=et`);
    expect(et).toMatch(new RegExp(`<option value="${itemId}" lang="ru">\\s*${ITEM}\\s*</option>`));
    const ru = await page(`/plans/${planId}?lang=ru`);
    expect(ru).toMatch(new RegExp(`<option value="${itemId}">\\s*${ITEM}\\s*</option>`));
  });
});
