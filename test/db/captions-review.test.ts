import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { replaceCaptions } from '@/captions/queries';
import { captions, events, outcomes, recordings, searchDocuments } from '@/platform/db/schema';
import { FOLD_FROM, foldText } from '@/search/fold';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { ORIGIN } from '../helpers/session';
import { visibleText } from '../helpers/form-language';

/** What a new-user review of captions, transcripts and quotes found (issue 19). */
let ctx: TestContext;
let keila: string;
let cookie: string;

const KEILA = 'mottekoda-keilas';

function put(id: number, lang: string, body: string, type = 'text/vtt') {
  return ctx.app.request(`/api/v1/recordings/${id}/captions/${lang}`, {
    method: 'PUT',
    headers: { 'content-type': type, authorization: keila },
    body,
  });
}

function vttOf(count: number, text: (i: number) => string): string {
  const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);
  const cues = Array.from(
    { length: count },
    (_, i) => `${time(i * 4000)} --> ${time(i * 4000 + 3900)}\n${text(i)}`,
  );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

async function newRecording(title: string, published = true): Promise<number> {
  const res = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: keila },
    body: JSON.stringify({ url: `https://media.example.org/${title}.mp4`, title, published }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

describe('storing a long file', () => {
  it("stores a three-hour meeting's 2 700 cues in well under a second of PGlite's CPU", async () => {
    const id = await newRecording('kolm-tundi');
    const [caption] = await ctx.deps.db
      .insert(captions)
      .values({ recordingId: id, language: 'et' })
      .returning({ id: captions.id });
    const cues = Array.from({ length: 2700 }, (_, i) => ({
      startMs: i * 4000,
      endMs: i * 4000 + 3900,
      text: `Koolibuss number ${i} sõitis mööda Keila tänavaid ja õpilased ootasid peatuses kaua aega.`,
    }));
    // PGlite runs in this process: its work is this process's CPU time, which the machine's load
    // barely moves (before drizzle/0026: 1.4 s). Postgres's is another process's, and a wall time
    // is no measure under load: there the rows are checked only (speed belongs to the bench).
    const pglite = inject('dbKind') === 'pglite';
    const cpuMs: number[] = [];
    for (let round = 0; round < 2; round++) {
      const cpu = process.cpuUsage();
      await ctx.deps.db.transaction((tx) => replaceCaptions(tx, id, 'et', cues, ctx.clock.now()));
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
    }
    if (pglite) expect(Math.min(...cpuMs)).toBeLessThan(800);
    const rows = await ctx.deps.db
      .select({ visible: searchDocuments.visible })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, 'caption'), eq(searchDocuments.recordingId, id)));
    expect(rows).toHaveLength(2700);
    expect(rows.every((row) => row.visible)).toBe(true);
    expect(caption).toBeDefined();
  });

  it('folds text in the database exactly as in JavaScript (the faster table is the same table)', async () => {
    const sample = `${FOLD_FROM} plain words 0123 õun Ёлка «Бюджет» Järva-Jaani`;
    const [row] = await ctx.deps.db
      .select({ folded: sql<string>`koda_search_fold(${sample})` })
      .from(events)
      .limit(1);
    const folded = row?.folded;
    expect(folded).toBe(foldText(sample));
  });
});

describe('the organizer page', () => {
  it('counts each language its own cues', async () => {
    const id = await newRecording('kolm-keelt');
    const text = (i: number) => `Lause ${i}.`;
    expect((await put(id, 'et', vttOf(4, text))).status).toBe(201);
    expect((await put(id, 'ru', vttOf(3, text))).status).toBe(201);
    expect((await put(id, 'en', vttOf(2, text))).status).toBe(201);
    const page = await ctx.app.request(`/admin/events/${KEILA}/recordings/${id}/captions`, {
      headers: { cookie },
    });
    const shown = visibleText(await page.text());
    expect(shown).toMatch(/\(en\) · 2 repliiki/);
    expect(shown).toMatch(/\(et\) · 4 repliiki/);
    expect(shown).toMatch(/\(ru\) · 3 repliiki/);
  });
});

describe('a quote of a recording that is not public', () => {
  const QUOTED = 'Salajane lause koosolekult';

  async function quoteNote(title: string) {
    const res = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ kind: 'decision', title, body: 'Otsustati.', published: true }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }
  const post = (path: string, body: string) =>
    ctx.app.request(path, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  async function setPublished(id: number, published: boolean) {
    const res = await ctx.app.request(`/api/v1/recordings/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ published }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  const eventPage = async () => (await ctx.app.request(`/events/${KEILA}`)).text();
  const outcomeRow = async (id: number) =>
    (
      await ctx.deps.db
        .select({ body: searchDocuments.body })
        .from(searchDocuments)
        .where(and(eq(searchDocuments.kind, 'outcome'), eq(searchDocuments.sourceId, id)))
    )[0]?.body;

  it("is not offered by the picker, and a quote's words and link leave the public page and the search when its recording is hidden or deleted", async () => {
    const hidden = await newRecording('peidus', false);
    expect(
      (
        await put(
          hidden,
          'et',
          vttOf(1, () => `${QUOTED} peidus.`),
        )
      ).status,
    ).toBe(201);
    const shown = await newRecording('avalik');
    expect(
      (
        await put(
          shown,
          'et',
          vttOf(1, () => `${QUOTED} avalik.`),
        )
      ).status,
    ).toBe(201);
    const note = await quoteNote('Tsitaadiga otsus');
    const quotePath = `/admin/events/${KEILA}/outcomes/${note}/quote`;

    const found = await (
      await ctx.app.request(`${quotePath}?q=salajane`, { headers: { cookie } })
    ).text();
    expect(visibleText(found)).toContain(`${QUOTED} avalik.`);
    expect(visibleText(found)).not.toContain(`${QUOTED} peidus.`);
    const [hiddenCue] = await ctx.deps.db
      .select({ id: searchDocuments.sourceId })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, 'caption'), eq(searchDocuments.recordingId, hidden)));
    expect((await post(quotePath, `captionCueId=${hiddenCue!.id}`)).status).toBe(422);

    const shownCue = /name="captionCueId" value="(\d+)"/.exec(found)?.[1];
    expect((await post(quotePath, `captionCueId=${shownCue}`)).status).toBe(303);
    expect(await eventPage()).toContain(`${QUOTED} avalik.`);
    expect(await outcomeRow(note)).toContain(QUOTED);

    await setPublished(shown, false);
    const page = await eventPage();
    expect(page).toContain('Tsitaadiga otsus');
    expect(page).not.toContain(QUOTED);
    expect(page).not.toContain(`/recordings/${shown}`);
    expect(await outcomeRow(note)).not.toContain(QUOTED);
    const api = await (await ctx.app.request(`/api/v1/events/${KEILA}`)).json();
    expect(JSON.stringify(api)).not.toContain(QUOTED);

    await setPublished(shown, true);
    expect(await eventPage()).toContain(`${QUOTED} avalik.`);
    expect(await outcomeRow(note)).toContain(QUOTED);

    await ctx.deps.db.delete(recordings).where(eq(recordings.id, shown));
    expect(await eventPage()).not.toContain(QUOTED);
    expect(await outcomeRow(note)).not.toContain(QUOTED);
  });

  it('is refused through the API, naming the field and why in the reader’s language, changing nothing', async () => {
    const hidden = await newRecording('peidus-api', false);
    expect(
      (
        await put(
          hidden,
          'et',
          vttOf(1, () => 'Avaldamata sõnad.'),
        )
      ).status,
    ).toBe(201);
    const [cue] = await ctx.deps.db
      .select({ id: searchDocuments.sourceId })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, 'caption'), eq(searchDocuments.recordingId, hidden)));
    const note = await quoteNote('Tsiteerimata otsus');
    const row = async () =>
      JSON.stringify(await ctx.deps.db.select().from(outcomes).where(eq(outcomes.id, note)));
    const noteBefore = await row();
    const send = (method: string, path: string, lang: string, body: object) =>
      ctx.app.request(`${path}?lang=${lang}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: keila },
        body: JSON.stringify(body),
      });
    const said: Record<string, string> = {
      et: 'Selle repliigi salvestis ei ole avaldatud',
      en: 'The recording of this cue is not published',
      ru: 'Запись этой реплики не опубликована',
    };
    const count = async () => (await ctx.deps.db.select({ id: outcomes.id }).from(outcomes)).length;
    const notes = await count();
    for (const [lang, start] of Object.entries(said)) {
      for (const res of [
        await send('PATCH', `/api/v1/outcomes/${note}`, lang, { captionCueId: cue!.id }),
        await send('POST', `/api/v1/events/${KEILA}/outcomes`, lang, {
          kind: 'decision',
          title: 'Uus',
          body: 'Otsustati.',
          captionCueId: cue!.id,
        }),
      ]) {
        expect(res.status, lang).toBe(422);
        const { error } = (await res.json()) as {
          error: { code: string; details: { path: string; message: string }[] };
        };
        expect(error.code).toBe('invalid_fields');
        expect(error.details).toHaveLength(1);
        expect(error.details[0]?.path).toBe('captionCueId');
        expect(error.details[0]?.message.startsWith(start), error.details[0]?.message).toBe(true);
      }
    }
    expect(await count()).toBe(notes);
    expect(await row()).toBe(noteBefore);
  });
});

describe('uploading through the form', () => {
  function upload(id: number, language: string, name: string, content: BlobPart, lang = 'et') {
    const form = new FormData();
    form.set('language', language);
    form.set('file', new File([content], name, { type: '' }));
    return ctx.app.request(`/admin/events/${KEILA}/recordings/${id}/captions`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'accept-language': lang },
      body: form,
    });
  }

  it("says what is wrong in the page's language, naming the line and what to fix", async () => {
    const id = await newRecording('vigane');
    const bad = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhea\n\n00:00:5.000 --> 00:00:06.000\nx\n';
    const ru = visibleText(await (await upload(id, 'ru', 'vigane.vtt', bad, 'ru')).text());
    expect(ru).toContain('Строка 6: время не читается. Запишите его в виде 00:01:02.500');
    expect(ru).not.toMatch(/Must be exactly two digits/);
    const et = visibleText(await (await upload(id, 'et', 'vigane.vtt', bad)).text());
    expect(et).toContain('Rida 6: aega ei saa lugeda.');
  });

  it('reads a Windows-1257 SubRip file of Estonian captions as the letters it holds', async () => {
    const id = await newRecording('vana-kodeering');
    // "Õpilased ütlesid: Tõnu ja Ülle räägivad." in Windows-1257.
    const text =
      '1\r\n00:00:01,000 --> 00:00:03,000\r\nÕpilased ütlesid: Tõnu ja Ülle räägivad.\r\n';
    const cp1257 = new Map([
      ['Õ', 0xd5],
      ['ü', 0xfc],
      ['õ', 0xf5],
      ['Ü', 0xdc],
      ['ä', 0xe4],
    ]);
    const bytes = new Uint8Array([...text].map((char) => cp1257.get(char) ?? char.charCodeAt(0)));
    expect((await upload(id, 'et', 'vana.srt', bytes)).status).toBe(303);
    const vtt = await (await ctx.app.request(`/recordings/${id}/captions/et.vtt`)).text();
    expect(vtt).toContain('Õpilased ütlesid: Tõnu ja Ülle räägivad.');
  });
});

describe('what the pages say', () => {
  it('says a recording without captions has no transcript (404), in the reader’s language', async () => {
    const id = await newRecording('ilma-tekstita');
    const et = await ctx.app.request(`/recordings/${id}/transcript`);
    expect(et.status).toBe(404);
    expect(visibleText(await et.text())).toContain('Sellel salvestisel pole subtiitreid');
    const ru = await ctx.app.request(`/recordings/${id}/transcript`, {
      headers: { 'accept-language': 'ru' },
    });
    expect(ru.status).toBe(404);
    expect(visibleText(await ru.text())).toContain('У этой записи нет субтитров');
  });

  it('marks the untranslated title and the chapters with their language on a transcript in another', async () => {
    const res = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({
        url: 'https://media.example.org/koosolek.mp4',
        title: 'Koosoleku salvestis',
        chapters: [{ offsetSeconds: 0, title: 'Avasõnad' }],
        published: true,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect(
      (
        await put(
          id,
          'et',
          vttOf(2, (i) => `Lause ${i}`),
        )
      ).status,
    ).toBe(201);
    const en = await (await ctx.app.request(`/recordings/${id}/transcript?lang=en`)).text();
    expect(en).toMatch(/<h1>Transcript: <span lang="et">Koosoleku salvestis<\/span><\/h1>/);
    expect(en).toContain('<span lang="et">Avasõnad</span>');
    const et = await (await ctx.app.request(`/recordings/${id}/transcript`)).text();
    expect(et).toContain('<h1>Transkriptsioon: Koosoleku salvestis</h1>');
    expect(et).toContain('<span>Avasõnad</span>');
  });

  it('says where captions appear (not in YouTube or Vimeo players) and that the archive searches them', async () => {
    const admin = await ctx.app.request(
      `/admin/events/${KEILA}/recordings/${await newRecording('kus-naha')}/captions`,
      { headers: { cookie, 'accept-language': 'en' } },
    );
    expect(visibleText(await admin.text())).toContain('YouTube and Vimeo players do not show them');
    for (const [lang, words] of [
      ['et', 'subtiitreid'],
      ['en', 'captions'],
      ['ru', 'субтитрам'],
    ] as const) {
      const archive = await ctx.app.request('/archive', { headers: { 'accept-language': lang } });
      expect(visibleText(await archive.text())).toContain(words);
    }
  });
});

describe('the upload form', () => {
  it('offers the language as a choice named in the page’s language, and states both limits', async () => {
    const id = await newRecording('keele-valik');
    const page = async (lang: string) =>
      (
        await ctx.app.request(`/admin/events/${KEILA}/recordings/${id}/captions`, {
          headers: { cookie, 'accept-language': lang },
        })
      ).text();
    const et = await page('et');
    expect(et).toMatch(/<select id="[^"]*language[^"]*" name="language"/);
    expect(et).toMatch(/<option value="ru"[^>]*>vene<\/option>/);
    expect(visibleText(et)).toMatch(/kuni 5 MB ja 20\s000 repliiki/);
    const ru = await page('ru');
    expect(ru).toMatch(/<option value="et"[^>]*>эстонский<\/option>/);
    expect(visibleText(ru)).toMatch(/20\s000 реплик/);
  });
});

describe('the quote picker', () => {
  it('preselects no cue, and says to choose one when the list is sent without a choice', async () => {
    const id = await newRecording('valikuta');
    expect(
      (
        await put(
          id,
          'et',
          vttOf(2, (i) => `Valikuta lause ${i}.`),
        )
      ).status,
    ).toBe(201);
    const created = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ kind: 'decision', title: 'Valikuta', body: 'x' }),
    });
    const { id: note } = (await created.json()) as { id: number };
    const path = `/admin/events/${KEILA}/outcomes/${note}/quote`;
    const found = await (
      await ctx.app.request(`${path}?q=valikuta`, { headers: { cookie } })
    ).text();
    expect(found).toContain('name="captionCueId"');
    expect(found).not.toMatch(/type="radio"[^>]*checked/);
    const refused = await ctx.app.request(path, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(refused.status).toBe(422);
    expect(visibleText(await refused.text())).toContain(
      'Valige loetelust repliik, mida tsiteerida.',
    );
  });

  it('names each cue’s language when the words are found in captions of more than one', async () => {
    const id = await newRecording('kaks-keelt');
    expect(
      (
        await put(
          id,
          'et',
          vttOf(1, () => 'Keskraamatukogu avatakse.'),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await put(
          id,
          'ru',
          vttOf(1, () => 'Keskraamatukogu откроется.'),
        )
      ).status,
    ).toBe(201);
    const created = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ kind: 'decision', title: 'Kaks keelt', body: 'x' }),
    });
    const { id: note } = (await created.json()) as { id: number };
    const path = `/admin/events/${KEILA}/outcomes/${note}/quote?q=keskraamatukogu`;
    const both = visibleText(await (await ctx.app.request(path, { headers: { cookie } })).text());
    expect(both).toContain('· eesti ·');
    expect(both).toContain('· vene ·');
    const one = visibleText(
      await (
        await ctx.app.request(path.replace('keskraamatukogu', 'avatakse'), { headers: { cookie } })
      ).text(),
    );
    expect(one).toContain('Leitud 1 repliik');
    expect(one).not.toContain('· eesti ·');
  });
});

describe('a quote in another language than the page', () => {
  it('keeps its captions’ language, in the API and marked on the event page and the picker', async () => {
    const id = await newRecording('vene-keeles');
    expect(
      (
        await put(
          id,
          'ru',
          vttOf(1, () => 'Библиотеку откроют весной.'),
        )
      ).status,
    ).toBe(201);
    const [cue] = await ctx.deps.db
      .select({ id: searchDocuments.sourceId })
      .from(searchDocuments)
      .where(and(eq(searchDocuments.kind, 'caption'), eq(searchDocuments.recordingId, id)));
    const created = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({
        kind: 'decision',
        title: 'Raamatukogu',
        body: 'Avatakse kevadel.',
        captionCueId: cue!.id,
        published: true,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const note = (await created.json()) as { id: number; quote: string; quoteLang: string };
    expect(note).toMatchObject({ quote: 'Библиотеку откроют весной.', quoteLang: 'ru' });

    const quote = /<blockquote class="cited-cue"[^>]*>/;
    const et = await (await ctx.app.request(`/events/${KEILA}`)).text();
    expect(et.slice(et.indexOf(`id="outcome-${note.id}"`)).match(quote)?.[0]).toBe(
      '<blockquote class="cited-cue" lang="ru">',
    );
    const ru = await (await ctx.app.request(`/events/${KEILA}?lang=ru`)).text();
    expect(ru.slice(ru.indexOf(`id="outcome-${note.id}"`)).match(quote)?.[0]).toBe(
      '<blockquote class="cited-cue">',
    );
    const picker = await (
      await ctx.app.request(`/admin/events/${KEILA}/outcomes/${note.id}/quote`, {
        headers: { cookie },
      })
    ).text();
    expect(picker).toContain('<span lang="ru">Библиотеку откроют весной.</span>');

    // The recording's page shows the note too: the quote, the title and the body each marked.
    const onRecording = async (query: string) => {
      const page = await (await ctx.app.request(`/recordings/${id}${query}`)).text();
      return page.slice(page.indexOf(`id="outcome-${note.id}"`));
    };
    const recordingEt = await onRecording('');
    expect(recordingEt.match(quote)?.[0]).toBe('<blockquote class="cited-cue" lang="ru">');
    expect(recordingEt).toContain('<strong>Raamatukogu</strong>');
    const recordingRu = await onRecording('?lang=ru');
    expect(recordingRu.match(quote)?.[0]).toBe('<blockquote class="cited-cue">');
    expect(recordingRu).toContain('<strong lang="et">Raamatukogu</strong>');
    expect(recordingRu).toContain('<p lang="et">Avatakse kevadel.</p>');

    // Removing the quote removes its language.
    const removed = await ctx.app.request(`/api/v1/outcomes/${note.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ captionCueId: null }),
    });
    expect(await removed.json()).toMatchObject({ quote: null, quoteLang: null });
  });
});
