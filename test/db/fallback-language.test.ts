import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItemSources,
  actionItems,
  actionPlans,
  events,
  outcomes,
} from '@/platform/db/schema';
import { catalogues } from '@/messages';
import { bearerFor } from '../helpers/auth';
import { createTestContext, type TestContext } from '../helpers/app';
import { body, outboxFor, register } from './registrations-fixtures';

/**
 * Reviewer items 2, 6, 7: text shown in another language than the page's is marked with its
 * lang, and emailed links open in the email's language.
 */

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});

const api = (method: string, path: string, body: unknown) =>
  ctx.app.request(`/api/v1${path}`, {
    method,
    headers: { authorization: keila, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** The start tag of the element whose text is exactly `text`. */
const tagAround = (html: string, text: string) =>
  new RegExp(`<([a-z0-9]+)([^>]*)>\\s*${text}\\s*<`).exec(html)?.[0] ?? `(no ${text})`;

describe('an event translated only in part', () => {
  it('marks each text still in the original with its language, and says the page is partly original', async () => {
    const created = await api('POST', '/events', {
      kind: 'forum',
      title: { et: 'Küla arengukava', ru: 'План развития деревни' },
      summary: { et: 'Arutame kava.', ru: 'Обсуждаем план.' },
      description: 'Päevakava ja salvestised.',
      startsAt: '2027-03-25T16:00',
      endsAt: '2027-03-25T19:00',
      hosts: ['keila'],
      venue: { name: 'Külamaja' },
      capacity: 40,
      status: 'published',
      questions: [
        {
          kind: 'choices',
          label: 'Toiduallergiad',
          help: 'Ainult korraldajad näevad',
          options: ['gluteen', 'laktoos'],
        },
        { kind: 'text', label: { et: 'Kust te tulete?', ru: 'Откуда вы?' } },
      ],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { slug } = await created.json();
    const agenda = await api('PUT', `/events/${slug}/agenda`, [
      {
        startsAt: '2027-03-25T16:00',
        endsAt: '2027-03-25T17:00',
        title: 'Tervitus',
        description: 'Vallavanema sõnavõtt.',
        kind: 'talk',
      },
    ]);
    expect(agenda.status, await agenda.clone().text()).toBe(200);

    const ru = await (await ctx.app.request(`/events/${slug}?lang=ru`)).text();
    expect(ru).toContain('<h1>План развития деревни</h1>');
    expect(tagAround(ru, 'Обсуждаем план.')).not.toContain('lang=');
    expect(tagAround(ru, 'Külamaja')).toContain('lang="et"');
    expect(tagAround(ru, 'Tervitus')).toContain('lang="et"');
    expect(ru).toMatch(/<div lang="et">\s*<p>Päevakava ja salvestised.<\/p>/);
    expect(ru).toMatch(/<div lang="et">\s*<p>Vallavanema sõnavõtt.<\/p>/);
    expect(ru).toContain(
      catalogues.ru['content.partlyOriginal'].replace('{language}', 'на эстонском'),
    );

    // An untranslated question (review item 6): marked, with the note the documents get.
    expect(tagAround(ru, 'Toiduallergiad')).toContain('lang="et"');
    expect(ru).toContain(
      `(${catalogues.ru['content.originalShort'].replace('{language}', 'на эстонском')})`,
    );
    expect(tagAround(ru, 'Ainult korraldajad näevad')).toContain('lang="et"');
    expect(tagAround(ru, 'gluteen')).toContain('lang="et"');
    expect(tagAround(ru, 'Откуда вы\\?')).not.toContain('lang=');

    // In Estonian nothing is marked and nothing is said.
    const et = await (await ctx.app.request(`/events/${slug}?lang=et`)).text();
    expect(tagAround(et, 'Toiduallergiad')).not.toContain('lang=');
    expect(tagAround(et, 'Külamaja')).not.toContain('lang=');
    expect(tagAround(et, 'Tervitus')).not.toContain('lang=');
    expect(et).not.toContain('original-note');
  });
});
afterAll(() => ctx.close());

describe('emailed links', () => {
  it('open the manage page and the event page in the registration’s language, privately', async () => {
    const made = await api('POST', '/events', {
      kind: 'forum',
      title: 'Keila foorum',
      startsAt: '2027-03-25T16:00',
      endsAt: '2027-03-25T19:00',
      hosts: ['keila'],
      capacity: 40,
      status: 'published',
      questions: [{ kind: 'text', label: 'Toiduallergiad', sensitive: true }],
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const event = (await made.json()) as { slug: string; questions: { id: number }[] };
    const person = body({ answers: { [String(event.questions[0]?.id)]: 'pähklid' } });
    const res = await register(ctx, event.slug, person, { 'accept-language': 'ru' });
    expect([201, 202]).toContain(res.status);
    const [mail] = await outboxFor(ctx.deps.db, person.email);
    expect(mail?.text).toContain('Keila foorum');
    const links = [...(mail?.text ?? '').matchAll(/https:\/\/koda\.test\/\S+/g)].map((m) => m[0]);
    const manage = links.find((url) => url.includes('/registrations/'));
    const eventPage = links.find((url) => url.includes(`/events/${event.slug}`));
    expect(manage).toMatch(/\?lang=ru$/);
    expect(eventPage).toMatch(/\?lang=ru$/);

    // The browser asks for English; the link's language wins.
    const page = await ctx.app.request(
      new URL(manage as string).pathname + new URL(manage as string).search,
      {
        headers: { 'accept-language': 'en-US' },
      },
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Mari Maasikas');
    // Their own answers, the sensitive one too; the untranslated label marked.
    expect(html).toMatch(/<dt lang="et">Toiduallergiad<\/dt>\s*<dd>pähklid<\/dd>/);
  });
});

describe('what came of an event, and the item on now', () => {
  it('marks outcome notes, each field by its language, and action items shown in the original', async () => {
    const db = ctx.deps.db;
    const [cited] = await db
      .select({
        outcomeId: outcomes.id,
        itemId: actionItems.id,
        planId: actionPlans.id,
        slug: events.slug,
      })
      .from(outcomes)
      .innerJoin(events, eq(events.id, outcomes.eventId))
      .innerJoin(actionItemSources, eq(actionItemSources.outcomeId, outcomes.id))
      .innerJoin(actionItems, eq(actionItems.id, actionItemSources.actionItemId))
      .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
      .where(and(eq(outcomes.published, true), ne(actionPlans.status, 'draft')))
      .limit(1);
    if (!cited) throw new Error('no demo outcome that led to an action item');
    // The note's title translated, its body not; the item and its plan untranslated.
    await db
      .update(outcomes)
      .set({ originalLang: 'et', translations: { title: { ru: 'Предложение жителей' } } })
      .where(eq(outcomes.id, cited.outcomeId));
    await db
      .update(actionItems)
      .set({ originalLang: 'et', translations: {} })
      .where(eq(actionItems.id, cited.itemId));
    await db
      .update(actionPlans)
      .set({ originalLang: 'et', translations: {} })
      .where(eq(actionPlans.id, cited.planId));

    const ru = await (await ctx.app.request(`/events/${cited.slug}?lang=ru`)).text();
    // The first block after the note's title is its body, still in Estonian.
    expect(ru).toMatch(/<h3>Предложение жителей<\/h3>(?:(?!<div)[\s\S])*<div lang="et">\s*<p>/);
    expect(ru).toMatch(
      new RegExp(
        `<a class="item-title" href="/plans/${cited.planId}#item-${cited.itemId}" lang="et">`,
      ),
    );
    expect(ru).toMatch(/<span lang="et">[^<]+<\/span>, [^<]+ · /);
    const et = await (await ctx.app.request(`/events/${cited.slug}?lang=et`)).text();
    expect(et).not.toMatch(/class="item-title"[^>]* lang=/);
  });

  it('marks the item on now when its title is in the original', async () => {
    const created = await api('POST', '/events', {
      kind: 'forum',
      title: { et: 'Otseülekanne', ru: 'Прямая трансляция' },
      startsAt: '2027-04-20T16:00',
      endsAt: '2027-04-20T19:00',
      hosts: ['keila'],
      onlineUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      status: 'published',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { slug } = await created.json();
    const agenda = await api('PUT', `/events/${slug}/agenda`, [
      { startsAt: '2027-04-20T16:00', endsAt: '2027-04-20T17:00', title: 'Tervitus', kind: 'talk' },
    ]);
    expect(agenda.status, await agenda.clone().text()).toBe(200);
    const before = ctx.clock.now();
    ctx.clock.set(new Date('2027-04-20T13:30:00Z')); // 16:30 in Tallinn
    try {
      const ru = await (await ctx.app.request(`/events/${slug}?lang=ru`)).text();
      expect(ru).toMatch(
        /<section class="now-on"[\s\S]*?<a href="#agenda-\d+" lang="et">\s*Tervitus/,
      );
      const et = await (await ctx.app.request(`/events/${slug}?lang=et`)).text();
      expect(et).toMatch(/<section class="now-on"[\s\S]*?<a href="#agenda-\d+">\s*Tervitus/);
    } finally {
      ctx.clock.set(before);
    }
  });
});

describe('a registration question written in English only', () => {
  it('is marked English on the Estonian page: its language is stored, not guessed', async () => {
    const created = await api('POST', '/events', {
      kind: 'forum',
      title: 'Keila noortefoorum',
      startsAt: '2027-05-20T16:00',
      endsAt: '2027-05-20T18:00',
      hosts: ['keila'],
      capacity: 30,
      status: 'published',
      questions: [{ kind: 'text', label: { en: 'Where are you from?' } }],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { slug } = await created.json();
    const et = await (await ctx.app.request(`/events/${slug}?lang=et`)).text();
    expect(tagAround(et, 'Where are you from\\?')).toContain('lang="en"');
    const en = await (await ctx.app.request(`/events/${slug}?lang=en`)).text();
    expect(tagAround(en, 'Where are you from\\?')).not.toContain('lang=');
  });
});
