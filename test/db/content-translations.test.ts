import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { postUpload } from '../helpers/files';
import { postForm } from '../helpers/session';
import { eq } from 'drizzle-orm';
import { outcomes } from '@/platform/db/schema';
import { outboxFor, register } from './registrations-fixtures';

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
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

describe('outcomes, plans, recordings and documents in three languages', () => {
  const past = 'mottekoda-keilas';
  const json = async (response: Response) => {
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  };

  it('an outcome note: the API and the event page in each language, the fallback marked', async () => {
    const outcome = await json(
      await api(
        'POST',
        `/events/${past}/outcomes`,
        {
          kind: 'decision',
          title: { et: 'Rattateed tulevad', ru: 'Велодорожки будут' },
          body: { et: 'Vallavalitsus ehitab rattateed.', ru: 'Волость построит велодорожки.' },
          published: true,
        },
        'ru',
      ),
    );
    expect(outcome).toMatchObject({
      title: 'Велодорожки будут',
      body: 'Волость построит велодорожки.',
      originalLang: 'et',
      translations: { title: { et: 'Rattateed tulevad', ru: 'Велодорожки будут' } },
    });
    const event = await json(
      await ctx.app.request(`/api/v1/events/${past}`, { headers: { 'accept-language': 'ru' } }),
    );
    expect(event.outcomes.map((o: { title: string }) => o.title)).toContain('Велодорожки будут');
    expect(await page(`/events/${past}?lang=ru`)).toContain('>Велодорожки будут</h3>');
    const en = await page(`/events/${past}?lang=en`);
    expect(en).toContain('<h3 lang="et">Rattateed tulevad</h3>');
    expect(en).toContain(catalogues.en['content.originalIn'].replace('{language}', 'in Estonian'));
  });

  it('a plan and its item: API and page in the reader’s language; an emptied translation goes', async () => {
    const plan = await json(
      await api('POST', '/municipalities/keila/plans', {
        title: { et: 'Keila rattaplaan', ru: 'Велоплан Кейлы' },
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        status: 'adopted',
      }),
    );
    expect(plan.title).toBe('Keila rattaplaan');
    const shown = await json(await ctx.app.request(`/api/v1/events/${past}`));
    const cited = shown.outcomes.find((o: { title: string }) => o.title === 'Rattateed tulevad');
    const item = await json(
      await api(
        'POST',
        `/plans/${plan.id}/items`,
        {
          title: { et: 'Ehita rattatee', ru: 'Построить велодорожку', en: 'Build a cycle path' },
          sourceOutcomeIds: [cited.id],
        },
        'en',
      ),
    );
    expect(item.title).toBe('Build a cycle path');
    const listed = await json(
      await ctx.app.request(`/api/v1/plans/${plan.id}`, { headers: { 'accept-language': 'ru' } }),
    );
    expect(listed.title).toBe('Велоплан Кейлы');
    expect(listed.items[0].title).toBe('Построить велодорожку');
    expect(listed.items[0].sources[0].title).toBe('Велодорожки будут');
    const ru = await page(`/plans/${plan.id}?lang=ru`);
    expect(h1(ru)).toBe('<h1>Велоплан Кейлы</h1>');
    expect(ru).toContain('>Построить велодорожку</h3>');
    expect(ru).toContain('<span>Велодорожки будут</span>');
    const en = await page(`/plans/${plan.id}?lang=en`);
    expect(h1(en)).toBe('<h1 lang="et">Keila rattaplaan</h1>');
    expect(en).toContain('original-note');
    expect(await page('/?lang=ru')).toContain('Велоплан Кейлы');
    expect(await page(`/plans/${plan.id}/feed.xml?lang=ru`)).toContain('Велоплан Кейлы');
    expect(await page('/plans?lang=ru')).toContain('>Велоплан Кейлы</span>');
    const emptied = await json(
      await api('PATCH', `/plan-items/${item.id}`, { title: { et: 'Ehita rattatee', en: '' } }),
    );
    expect(emptied.translations.title).toEqual({
      et: 'Ehita rattatee',
      ru: 'Построить велодорожку',
    });
  });

  it('a recording: its page in English, in Russian the original marked', async () => {
    const recording = await json(
      await api('POST', `/events/${past}/recordings`, {
        url: 'https://vimeo.com/76979871',
        title: { et: 'Arutelu salvestis', en: 'Recording of the debate' },
      }),
    );
    expect(recording.translations.title).toEqual({
      et: 'Arutelu salvestis',
      en: 'Recording of the debate',
    });
    expect(h1(await page(`/recordings/${recording.id}?lang=en`))).toBe(
      '<h1>Recording of the debate</h1>',
    );
    const ru = await page(`/recordings/${recording.id}?lang=ru`);
    expect(h1(ru)).toBe('<h1 lang="et">Arutelu salvestis</h1>');
    expect(ru).toContain('original-note');
  });

  it('a document: its title in each language on the event page, found by a Russian word', async () => {
    const response = await postUpload(
      ctx,
      `/api/v1/events/${past}/attachments`,
      {
        fields: {
          url: 'https://keila.ee/eelarve.pdf',
          title: 'Eelarve kava',
          'title.ru': 'План бюджета',
          kind: 'document',
        },
      },
      { authorization: keila },
    );
    const document = await json(response);
    expect(document.translations.title).toEqual({ et: 'Eelarve kava', ru: 'План бюджета' });
    expect(await page(`/events/${past}?lang=ru`)).toContain('>План бюджета</a>');
    const en = await page(`/events/${past}?lang=en`);
    expect(en).toContain(
      '<a href="https://keila.ee/eelarve.pdf" rel="noopener nofollow" lang="et">',
    );
    const found = await json(await ctx.app.request('/api/v1/search?q=бюджета'));
    expect(found.results.map((r: { kind: string; title: string }) => r.title)).toContain(
      'Eelarve kava',
    );
  });

  it('the events list API answers in the request’s language', async () => {
    const list = await json(
      await ctx.app.request('/api/v1/events?limit=100', { headers: { 'accept-language': 'ru' } }),
    );
    expect(list.items.map((e: { title: string }) => e.title)).toContain('Форум о бюджете');
  });

  it('each language version of a page is canonical to itself', async () => {
    const ru = await page(`/events/${past}?lang=ru`);
    expect(ru).toContain(`<link rel="canonical" href="https://koda.test/events/${past}?lang=ru"/>`);
    expect(ru).toContain(
      `<link rel="alternate" hreflang="x-default" href="https://koda.test/events/${past}"/>`,
    );
  });
});

describe('organizer forms: a section per language', () => {
  it('the outcome form saves the translations typed, and the event form marks the missing ones', async () => {
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const form = await ctx.app.request('/admin/events/mottekoda-keilas/outcomes', {
      headers: { cookie, 'accept-language': 'ru' },
    });
    const html = await form.text();
    expect(html).toContain('name="title.ru"');
    expect(html).toContain('name="body.en"');
    expect(html).toContain(catalogues.ru['content.form.missing']);
    const saved = await postForm(
      ctx,
      '/admin/events/mottekoda-keilas/outcomes',
      {
        originalLang: 'et',
        kind: 'proposal',
        title: 'Pargipingid',
        'title.ru': 'Скамейки в парке',
        'title.en': '',
        body: 'Pinke on vaja.',
        'body.ru': '',
        'body.en': 'Benches are needed.',
        published: '1',
      },
      { cookie },
    );
    expect(saved.status).toBe(303);
    const [row] = await ctx.deps.db
      .select()
      .from(outcomes)
      .where(eq(outcomes.title, 'Pargipingid'));
    expect(row?.translations).toEqual({
      title: { ru: 'Скамейки в парке' },
      body: { en: 'Benches are needed.' },
    });
    const eventForm = await (
      await ctx.app.request('/admin/events/mottekoda-keilas', {
        headers: { cookie, 'accept-language': 'et' },
      })
    ).text();
    for (const name of ['title.ru', 'title.en', 'summary.ru', 'description.en', 'venueName.ru']) {
      expect(eventForm).toContain(`name="${name}"`);
    }
    expect(eventForm).toContain(catalogues.et['content.form.missing']);
  });
});
