import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed';
import { catalogues } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { outboxFor, register } from './registrations-fixtures';

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now());
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(async () => {
  await ctx?.close();
});

const api = (method: string, path: string, body: unknown, lang = 'et') =>
  ctx.app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: keila,
      'content-type': 'application/json',
      'accept-language': lang,
    },
    body: JSON.stringify(body),
  });

const translated = {
  kind: 'forum',
  title: { et: 'Eelarve foorum', ru: 'Форум о бюджете', en: 'Budget forum' },
  summary: { et: 'Räägime eelarvest.', ru: 'Поговорим о бюджете.' },
  startsAt: '2027-03-25T16:00',
  endsAt: '2027-03-25T19:00',
  hosts: ['keila'],
  venue: { name: { et: 'Kultuurimaja', ru: 'Дом культуры', en: 'Culture house' } },
  status: 'published',
};

const page = async (path: string) => (await ctx.app.request(path)).text();
const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[0] ?? '';

describe('an event in three languages', () => {
  let slug: string;

  beforeAll(async () => {
    const created = await api('POST', '/events', translated, 'ru');
    expect(created.status).toBe(201);
    const body = await created.json();
    slug = body.slug;
    expect(body.title).toBe('Форум о бюджете');
    expect(body.originalLang).toBe('et');
    expect(body.translations.title).toEqual(translated.title);
    expect(body.venue.name).toBe('Дом культуры');
  });

  it('shows each language on its page, the hreflang alternates in the head', async () => {
    expect(h1(await page(`/events/${slug}?lang=ru`))).toBe('<h1>Форум о бюджете</h1>');
    expect(h1(await page(`/events/${slug}?lang=en`))).toBe('<h1>Budget forum</h1>');
    const et = await page(`/events/${slug}?lang=et`);
    expect(h1(et)).toBe('<h1>Eelarve foorum</h1>');
    for (const lang of ['et', 'ru', 'en']) {
      expect(et).toContain(
        `hreflang="${lang}" href="https://koda.test/events/${slug}?lang=${lang}"`,
      );
    }
    expect(await page('/events?lang=ru')).toContain('>Форум о бюджете</a>');
    const ru = await page(`/events/${slug}?lang=ru`);
    expect(ru).not.toContain('original-note');
    expect(ru).toContain('"inLanguage":"ru"');
  });

  it('gives each language in the calendar feed, the UID the same', async () => {
    const ru = await page(`/events/${slug}/calendar.ics?lang=ru`);
    const et = await page(`/events/${slug}/calendar.ics?lang=et`);
    expect(ru).toContain('SUMMARY:Форум о бюджете');
    expect(et).toContain('SUMMARY:Eelarve foorum');
    expect(/UID:.*/.exec(ru)?.[0]).toBe(/UID:.*/.exec(et)?.[0]);
  });

  it('writes to whoever registered in Russian in Russian', async () => {
    const email = 'ru.reader@example.ee';
    const response = await register(
      ctx,
      slug,
      { name: 'Анна', email, attendance: 'online', consent: true },
      { 'accept-language': 'ru' },
    );
    expect(response.status).toBe(201);
    const [message] = await outboxFor(ctx.deps.db, email);
    expect(message?.subject).toBe('Регистрация подтверждена: Форум о бюджете');
  });

  it('a new translation reaches the public page at once, the other languages kept', async () => {
    await page(`/events/${slug}?lang=en`);
    const patched = await api('PATCH', `/events/${slug}`, { title: { en: 'The budget forum' } });
    expect(patched.status).toBe(200);
    const body = await patched.json();
    expect(body.title).toBe('Eelarve foorum');
    expect(body.translations.title).toEqual({ ...translated.title, en: 'The budget forum' });
    expect(h1(await page(`/events/${slug}?lang=en`))).toBe('<h1>The budget forum</h1>');
  });

  it('lists every language version in /sitemap.xml', async () => {
    const response = await ctx.app.request('/sitemap.xml');
    expect(response.headers.get('content-type')).toContain('xml');
    const xml = await response.text();
    expect(xml).toContain(`<loc>https://koda.test/events/${slug}?lang=ru</loc>`);
    expect(xml).toContain(
      `<xhtml:link rel="alternate" hreflang="ru" href="https://koda.test/events/${slug}?lang=ru"/>`,
    );
  });
});

describe('an event in one language', () => {
  it('falls back to the original, marked as such, in another language', async () => {
    const created = await api('POST', '/events', {
      ...translated,
      title: 'Ainult eesti keeles',
      summary: null,
      venue: null,
    });
    const { slug } = await created.json();
    const html = await page(`/events/${slug}?lang=ru`);
    expect(h1(html)).toBe('<h1 lang="et">Ainult eesti keeles</h1>');
    expect(html).toContain(
      catalogues.ru['content.originalIn'].replace('{language}', 'на эстонском'),
    );
    expect(await page(`/events/${slug}?lang=et`)).not.toContain('original-note');
  });

  it('refuses a body whose text lacks the original language, naming the field', async () => {
    const response = await api('POST', '/events', {
      ...translated,
      originalLang: 'et',
      title: { ru: 'Только по-русски' },
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.details.map((d: { path: string }) => d.path)).toContain('title.et');
  });
});
