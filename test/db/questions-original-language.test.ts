import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, registrationQuestions } from '@/platform/db/schema';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { postForm } from '../helpers/session';

/**
 * A registration question is written in its event's original language: a plain string on a
 * Russian event is Russian (it was stored as Estonian, and the Estonian page then showed it
 * unmarked), through the API and through the organizers' editor alike.
 */

let ctx: TestContext;
let keila: string;
let keilaPage: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const send = (method: string, path: string, body?: unknown) =>
  apiRequest(ctx, method, path, body, keila);

async function russianEvent(questions?: unknown[]): Promise<string> {
  const event = await created(
    await send('POST', '/events', {
      kind: 'forum',
      title: 'Форум жителей Кейлы',
      originalLang: 'ru',
      startsAt: '2026-12-15T16:00',
      endsAt: '2026-12-15T19:00',
      hosts: ['keila'],
      capacity: 40,
      status: 'published',
      ...(questions ? { questions } : {}),
    }),
  );
  return String(event.slug);
}

async function storedQuestions(slug: string) {
  const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, slug));
  if (!event) throw new Error('no event');
  return ctx.deps.db
    .select({
      label: registrationQuestions.label,
      help: registrationQuestions.help,
      options: registrationQuestions.options,
      originalLang: registrationQuestions.originalLang,
      translations: registrationQuestions.translations,
    })
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, event.id))
    .orderBy(registrationQuestions.position);
}

/** The start tag of the element whose text is exactly `text`. */
const tagAround = (html: string, text: string) =>
  new RegExp(`<([a-z0-9]+)([^>]*)>\\s*${text}\\s*<`).exec(html)?.[0] ?? `(no ${text})`;

describe('a question on a Russian event', () => {
  it('given as a plain string through the API is Russian, and marked so on the Estonian page', async () => {
    const slug = await russianEvent([
      { kind: 'text', label: 'Откуда вы?', help: 'Район или деревня' },
      {
        kind: 'choice',
        label: { et: 'Toit', ru: 'Питание' },
        options: { et: ['tavaline', 'taimetoit'], ru: ['обычное', 'вегетарианское'] },
      },
      { kind: 'yesno', label: { en: 'Do you need childcare?' } },
    ]);
    expect(await storedQuestions(slug)).toEqual([
      {
        label: 'Откуда вы?',
        help: 'Район или деревня',
        options: [],
        originalLang: 'ru',
        translations: {},
      },
      // The event's language is the original where given, whatever the order of the object.
      {
        label: 'Питание',
        help: null,
        options: ['обычное', 'вегетарианское'],
        originalLang: 'ru',
        translations: { label: { et: 'Toit' }, options: { et: ['tavaline', 'taimetoit'] } },
      },
      // Given only in another language, it is in that one.
      {
        label: 'Do you need childcare?',
        help: null,
        options: [],
        originalLang: 'en',
        translations: {},
      },
    ]);
    const et = await (await ctx.app.request(`/events/${slug}?lang=et`)).text();
    expect(tagAround(et, 'Откуда вы\\?')).toContain('lang="ru"');
    const ru = await (await ctx.app.request(`/events/${slug}?lang=ru`)).text();
    expect(tagAround(ru, 'Откуда вы\\?')).not.toContain('lang=');

    // A later PATCH of plain strings keeps the event's language.
    const patched = await send('PATCH', `/events/${slug}`, {
      questions: [{ kind: 'longtext', label: 'Что обсудить?' }],
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await storedQuestions(slug)).map((q) => q.originalLang)).toEqual(['ru']);
  });

  it('is refused when its help is not given in the question’s language', async () => {
    const slug = await russianEvent();
    const res = await send('PATCH', `/events/${slug}`, {
      questions: [{ kind: 'text', label: 'Откуда вы?', help: { et: 'Küla või linnaosa' } }],
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toEqual([
      'questions.0.help.ru',
    ]);
  });

  it('is written in the organizers’ editor with the Russian fields first, and stored Russian', async () => {
    const slug = await russianEvent();
    const editor = await (
      await ctx.app.request(`/admin/events/${slug}/questions?lang=et`, {
        headers: { cookie: keilaPage },
      })
    ).text();
    // The first (unfolded) fields are the original's: Russian here.
    expect(editor).toContain('id="f-questions-0-label" name="questions.0.label.ru"');
    expect(editor).toContain('name="questions.0.label.et"');
    const saved = await postForm(
      ctx,
      `/admin/events/${slug}/questions`,
      {
        'questions.0.kind': 'text',
        'questions.0.label.ru': 'Откуда вы?',
        'questions.0.label.et': 'Kust te tulete?',
      },
      { cookie: keilaPage },
    );
    expect(saved.status, await saved.clone().text()).toBe(303);
    expect(await storedQuestions(slug)).toEqual([
      {
        label: 'Откуда вы?',
        help: null,
        options: [],
        originalLang: 'ru',
        translations: { label: { et: 'Kust te tulete?' } },
      },
    ]);
  });

  it('is described so in the OpenAPI document', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).text();
    expect(doc).toContain("A plain string is in the event's original language (`originalLang`)");
  });
});
