import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { translator } from '@/messages';
import { attachments, searchDocuments } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor, pageAuthorizationCases, sessionFor } from '../helpers/auth';
import { expectRefusedFormIn } from '../helpers/form-language';
import { postUpload } from '../helpers/files';
import { postForm } from '../helpers/session';
import { makeEvent } from './registrations-fixtures';
import { seedMunicipalitiesOnly } from './documents-fixtures';

/**
 * A document's title after its upload (issue 18): the organizer form and
 * `PATCH /api/v1/attachments/:id` change its title in every language, its kind, publication
 * and place; the upload says which language the title is in; the search follows the new title.
 */

let ctx: TestContext;
let token: string;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedMunicipalitiesOnly(ctx);
  token = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

type Answer = {
  id: number;
  title: string;
  originalLang: string;
  translations: Record<string, Record<string, string>>;
  kind: string;
  published: boolean;
};

async function link(slug: string, fields: Record<string, string>): Promise<Answer> {
  const res = await postUpload(
    ctx,
    `/api/v1/events/${slug}/attachments`,
    { fields: { url: 'https://example.ee/kava.pdf', ...fields } },
    { authorization: token },
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Answer;
}

function patch(id: number, body: unknown, headers: Record<string, string> = {}) {
  return ctx.app.request(`/api/v1/attachments/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function searchRow(id: number) {
  const [row] = await ctx.deps.db
    .select()
    .from(searchDocuments)
    .where(and(eq(searchDocuments.kind, 'document'), eq(searchDocuments.sourceId, id)));
  return row;
}

async function order(eventId: number): Promise<string[]> {
  const rows = await ctx.deps.db
    .select({ title: attachments.title, position: attachments.position, id: attachments.id })
    .from(attachments)
    .where(eq(attachments.eventId, eventId));
  return rows.sort((a, b) => a.position - b.position || a.id - b.id).map((row) => row.title);
}

describe('PATCH /api/v1/attachments/:id', () => {
  it('changes the title in every language, the kind, publication and place; the answer and the search follow', async () => {
    const event = await makeEvent(ctx);
    const first = await link(event.slug, { title: 'Esimene' });
    const second = await link(event.slug, { title: 'Teine' });
    const doc = await link(event.slug, { title: 'Vana pealkiri', 'title.ru': 'Старое название' });

    const res = await patch(
      doc.id,
      {
        title: { et: 'Kohtumise protokoll', ru: 'Протокол встречи', en: 'Minutes of the meeting' },
        kind: 'minutes',
        published: false,
        position: 1,
      },
      { authorization: token, 'accept-language': 'ru' },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer).toMatchObject({
      id: doc.id,
      title: 'Протокол встречи',
      originalLang: 'et',
      kind: 'minutes',
      published: false,
      translations: {
        title: { et: 'Kohtumise protokoll', ru: 'Протокол встречи', en: 'Minutes of the meeting' },
      },
    });
    expect(await order(event.id)).toEqual(['Kohtumise protokoll', 'Esimene', 'Teine']);

    // A plain string is the original; the translations stay; '' removes one.
    const plain = await patch(doc.id, { title: 'Koosoleku protokoll' }, { authorization: token });
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as Answer).translations.title).toEqual({
      et: 'Koosoleku protokoll',
      ru: 'Протокол встречи',
      en: 'Minutes of the meeting',
    });
    const removed = await patch(
      doc.id,
      { title: { et: 'Koosoleku protokoll', en: '' }, published: true, position: 99 },
      { authorization: token },
    );
    expect(((await removed.json()) as Answer).translations.title).toEqual({
      et: 'Koosoleku protokoll',
      ru: 'Протокол встречи',
    });
    expect(await order(event.id)).toEqual(['Esimene', 'Teine', 'Koosoleku protokoll']);

    // Another original language: the old original stays as its language's translation, and
    // the new original's language keeps no translation beside the title itself.
    const switched = await patch(
      doc.id,
      { originalLang: 'ru', title: { ru: 'Протокол собрания' } },
      { authorization: token },
    );
    expect(switched.status).toBe(200);
    expect((await switched.json()) as Answer).toMatchObject({
      originalLang: 'ru',
      translations: { title: { ru: 'Протокол собрания', et: 'Koosoleku protokoll' } },
    });
    const [relabelled] = await ctx.deps.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, doc.id));
    expect(relabelled?.translations).toEqual({ title: { et: 'Koosoleku protokoll' } });
    const back = await patch(
      doc.id,
      { originalLang: 'et', title: 'Koosoleku protokoll' },
      { authorization: token },
    );
    expect(((await back.json()) as Answer).translations.title).toEqual({
      et: 'Koosoleku protokoll',
      ru: 'Протокол собрания',
    });

    // The search row follows the new title (koda_search_attachment, by trigger).
    const row = await searchRow(doc.id);
    expect(row?.title).toBe('Koosoleku protokoll');
    expect(row?.body).toContain('Протокол собрания');
    expect(row?.body).not.toContain('Старое название');
    const found = (await (await ctx.app.request('/api/v1/search?q=koosoleku')).json()) as {
      results: { kind: string; title: string }[];
    };
    expect(found.results).toContainEqual(
      expect.objectContaining({ kind: 'document', title: 'Koosoleku protokoll' }),
    );
    const russian = (await (
      await ctx.app.request(`/api/v1/search?q=${encodeURIComponent('протокол')}`)
    ).json()) as { results: { kind: string }[] };
    expect(russian.results.some((result) => result.kind === 'document')).toBe(true);
    const old = (await (await ctx.app.request('/api/v1/search?q=pealkiri')).json()) as {
      results: { kind: string; title: string }[];
    };
    expect(old.results.filter((result) => result.kind === 'document')).toEqual([]);
    expect(first.id).not.toBe(second.id);
  });

  it('its organizers and admins only, with the events scope; anonymous 401 whatever the body', async () => {
    const event = await makeEvent(ctx);
    const doc = await link(event.slug, { title: 'Kava' });
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [200], 'events')) {
      const headers: Record<string, string> = c.authorization
        ? { authorization: c.authorization }
        : {};
      const res = await patch(doc.id, { title: `Kava (${c.who})` }, headers);
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    // Refused before the body is read: no 422 or 400 for an anonymous caller.
    expect((await patch(doc.id, '{not json')).status).toBe(401);
    expect((await patch(doc.id, { title: 5 })).status).toBe(401);
    expect((await patch(999_999, { title: 'x' }, { authorization: token })).status).toBe(404);
  });

  it('a bad body is 422 naming the field, in the reader’s language', async () => {
    const event = await makeEvent(ctx);
    const doc = await link(event.slug, { title: 'Kava' });
    const cases: [unknown, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: { ru: 'Только по-русски' } }, 'title.et'],
      [{ kind: 'poster' }, 'kind'],
      [{ position: 0 }, 'position'],
      [{ published: 'yes' }, 'published'],
      [{ colour: 'red' }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await patch(doc.id, body, { authorization: token, 'accept-language': 'ru' });
      expect(res.status, JSON.stringify(body)).toBe(422);
      const error = (await res.json()) as {
        error: { message: string; details: { path: string; message: string }[] };
      };
      if (path) {
        expect(
          error.error.details.map((detail) => detail.path),
          JSON.stringify(body),
        ).toContain(path);
      }
      // In Russian: Cyrillic in every message.
      for (const detail of error.error.details) {
        expect(detail.message, JSON.stringify(body)).toMatch(/[а-яё]/i);
      }
    }
    const [row] = await ctx.deps.db.select().from(attachments).where(eq(attachments.id, doc.id));
    expect(row?.title).toBe('Kava');
  });
});

describe('the upload says which language its title is in', () => {
  it('originalLang (API and form), default Estonian; an unknown language is 422 on the field', async () => {
    const event = await makeEvent(ctx);
    const russian = await link(event.slug, {
      title: 'Программа встречи',
      originalLang: 'ru',
      'title.et': 'Kohtumise kava',
    });
    expect(russian).toMatchObject({
      originalLang: 'ru',
      translations: { title: { ru: 'Программа встречи', et: 'Kohtumise kava' } },
    });
    const plain = await link(event.slug, { title: 'Kava' });
    expect(plain.originalLang).toBe('et');
    const refused = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      { fields: { title: 'Kava', url: 'https://example.ee/k.pdf', originalLang: 'fi' } },
      { authorization: token },
    );
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('"path":"originalLang"');

    // The organizer form offers the choice, Estonian first, and keeps what it says.
    const admin = `/admin/events/${event.slug}/attachments`;
    const html = await (await ctx.app.request(admin, { headers: { cookie } })).text();
    expect(html).toMatch(/<select name="originalLang"[^>]*>\s*<option value="et" selected/);
    const posted = await postUpload(
      ctx,
      admin,
      {
        fields: {
          title: 'English agenda',
          originalLang: 'en',
          'title.et': 'Inglise kava',
          url: 'https://example.ee/en.pdf',
        },
      },
      { cookie },
    );
    expect(posted.status).toBe(303);
    const [row] = await ctx.deps.db
      .select()
      .from(attachments)
      .where(eq(attachments.title, 'English agenda'));
    expect(row).toMatchObject({
      originalLang: 'en',
      translations: { title: { et: 'Inglise kava' } },
    });
  });
});

describe('the organizer form of a document', () => {
  it('opens for its organizers and admins only, and is reached from the materials page', async () => {
    const event = await makeEvent(ctx);
    const doc = await link(event.slug, { title: 'Kava' });
    for (const c of await pageAuthorizationCases(ctx, 'keila', 'tartu', [200])) {
      const res = await ctx.app.request(`/admin/attachments/${doc.id}/edit`, {
        headers: c.cookie ? { cookie: c.cookie } : {},
      });
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    const other = await sessionFor(ctx, { role: 'organizer', municipalities: ['tartu'] });
    const refused = await postForm(
      ctx,
      `/admin/attachments/${doc.id}/edit`,
      { title: 'Võõras', kind: 'document' },
      { cookie: other },
    );
    expect(refused.status).toBe(403);
    const list = await (
      await ctx.app.request(`/admin/events/${event.slug}/attachments`, { headers: { cookie } })
    ).text();
    expect(list).toContain(`href="/admin/attachments/${doc.id}/edit"`);
  });

  it.each(['et', 'ru'] as const)(
    'shows each language, saves the translations, kind, place and publication; a refusal in the reader’s language (%s)',
    async (lang) => {
      const t = translator(lang);
      const event = await makeEvent(ctx);
      await link(event.slug, { title: 'Esimene' });
      const doc = await link(event.slug, { title: 'Päevakava', 'title.ru': 'Программа' });
      const path = `/admin/attachments/${doc.id}/edit?lang=${lang}`;

      const form = await (await ctx.app.request(path, { headers: { cookie } })).text();
      expect(form).toContain('value="Päevakava"');
      expect(form).toContain('name="title.ru"');
      expect(form).toContain('value="Программа"');
      expect(form).toContain('name="title.en"');
      expect(form).toContain(t('content.form.missing'));
      expect(form).not.toContain('name="title.et"');
      expect(form).toMatch(/name="position"[^>]*value="2"|value="2"[^>]*name="position"/);

      const saved = await postForm(
        ctx,
        path,
        {
          title: 'Kohtumise päevakava',
          'title.ru': 'Программа встречи',
          'title.en': 'Agenda of the meeting',
          kind: 'agenda',
          position: '1',
        },
        { cookie },
      );
      expect(saved.status, await saved.clone().text()).toBe(303);
      expect(saved.headers.get('location')).toBe(`/admin/events/${event.slug}/attachments?saved`);
      const [row] = await ctx.deps.db.select().from(attachments).where(eq(attachments.id, doc.id));
      expect(row).toMatchObject({
        title: 'Kohtumise päevakava',
        originalLang: 'et',
        kind: 'agenda',
        // The box was not ticked: hidden.
        published: false,
        translations: { title: { ru: 'Программа встречи', en: 'Agenda of the meeting' } },
      });
      expect(await order(event.id)).toEqual(['Kohtumise päevakava', 'Esimene']);
      expect((await searchRow(doc.id))?.body).toContain('Программа встречи');

      // Emptied translation goes; an empty original is refused on its field, in the reader's
      // language, the typed values kept.
      const refused = await postForm(
        ctx,
        path,
        { title: '  ', 'title.ru': 'Новое название', kind: 'agenda', published: 'true' },
        { cookie },
      );
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expectRefusedFormIn(html, lang, ['validation.required']);
      expect(html).toContain('href="#f-title"');
      expect(html).toContain('value="Новое название"');
      const badPlace = await postForm(
        ctx,
        path,
        { title: 'Kava', kind: 'agenda', position: 'esimene' },
        { cookie },
      );
      expect(badPlace.status).toBe(422);
      expect(await badPlace.text()).toContain('href="#f-position"');

      const emptied = await postForm(
        ctx,
        path,
        { title: 'Kava', 'title.ru': '', 'title.en': 'Agenda', kind: 'agenda', published: 'true' },
        { cookie },
      );
      expect(emptied.status).toBe(303);
      const [after] = await ctx.deps.db
        .select()
        .from(attachments)
        .where(eq(attachments.id, doc.id));
      expect(after).toMatchObject({
        title: 'Kava',
        published: true,
        translations: { title: { en: 'Agenda' } },
      });
    },
  );
});
