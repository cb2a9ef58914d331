import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actionPlans, events, municipalities, recordings } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { visibleText } from '../helpers/form-language';
import { CAPTION_CAP } from '@/search/limits';

let ctx: TestContext;
let keila: string;
let keilaRecording: number;

const KEILA = 'mottekoda-keilas';

type Result = {
  kind: string;
  title: string;
  snippet: string;
  url: string;
  municipalities: { slug: string }[];
  date: string | null;
};
type Answer = {
  results: Result[];
  total: number;
  understood: { municipality: string | null; year: number | null };
};

async function search(params: Record<string, string>): Promise<Answer> {
  const res = await ctx.app.request(`/api/v1/search?${new URLSearchParams(params)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Answer;
}

function put(id: number, lang: string, body: string) {
  return ctx.app.request(`/api/v1/recordings/${id}/captions/${lang}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/vtt', authorization: keila },
    body,
  });
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, KEILA));
  const [recording] = await ctx.deps.db
    .select({ id: recordings.id })
    .from(recordings)
    .where(eq(recordings.eventId, event!.id));
  keilaRecording = recording!.id;
  const et = `WEBVTT

00:00:01.000 --> 00:00:04.000
Tere tulemast!

00:01:05.900 --> 00:01:09.000
Kaasava eelarve jaoks kogusime Õunapuu tänaval ettepanekuid.
`;
  const ru = `WEBVTT

00:02:10.000 --> 00:02:14.000
Бюджет участия обсуждали с жителями.
`;
  expect((await put(keilaRecording, 'et', et)).status).toBe(201);
  expect((await put(keilaRecording, 'ru', ru)).status).toBe(201);
});
afterAll(() => ctx.close());

describe('GET /api/v1/search', () => {
  it('finds a caption phrase and links to its second, rounded down', async () => {
    const answer = await search({ q: 'kaasava eelarve', kind: 'caption' });
    expect(answer.total).toBe(1);
    expect(answer.results[0]).toMatchObject({
      kind: 'caption',
      title: 'Veebiülekanne',
      url: `https://koda.test/recordings/${keilaRecording}?t=65`,
      snippet: 'Kaasava eelarve jaoks kogusime Õunapuu tänaval ettepanekuid.',
    });
  });

  it('matches regardless of diacritics and case, and by the start of a word', async () => {
    for (const q of ['OUNAPUU', 'õunapuu', 'Ounap', 'TANAVAL']) {
      const answer = await search({ q, kind: 'caption' });
      expect(
        answer.results.map((r) => r.url),
        q,
      ).toEqual([`https://koda.test/recordings/${keilaRecording}?t=65`]);
    }
    const events = await search({ q: 'MOTTEKODA', kind: 'event' });
    expect(events.total).toBeGreaterThan(3);
    expect(events.results.every((r) => /Mõttekoda/i.test(`${r.title} ${r.snippet}`))).toBe(true);
  });

  it('finds Russian text', async () => {
    const answer = await search({ q: 'бюджет', kind: 'caption' });
    expect(answer.results.map((r) => r.url)).toEqual([
      `https://koda.test/recordings/${keilaRecording}?t=130`,
    ]);
  });

  it('finds an event by its translation', async () => {
    expect((await search({ q: 'мозговой' })).total).toBe(0);
    await ctx.deps.db
      .update(events)
      .set({ translations: { title: { ru: 'Мозговой центр в Кейле' } } })
      .where(eq(events.slug, KEILA));
    const answer = await search({ q: 'МОЗГОВОЙ центр' });
    expect(answer.results.map((r) => r.url)).toEqual([`https://koda.test/events/${KEILA}`]);
  });

  it('reads "Keila 2014" as the place and the year, and filters by them', async () => {
    const answer = await search({ q: 'Keila 2014' });
    expect(answer.understood).toEqual({ municipality: 'keila', year: 2014 });
    expect(answer.total).toBeGreaterThan(0);
    for (const result of answer.results) {
      expect(
        result.municipalities.map((m) => m.slug),
        result.url,
      ).toContain('keila');
      expect(result.date?.slice(0, 4), result.url).toBe('2014');
    }
    const words = await search({ q: 'Keila 2014 kaasava' });
    expect(words.results.map((r) => r.kind)).toContain('caption');
    expect((await search({ q: 'Keila 2015 kaasava', kind: 'caption' })).total).toBe(0);
    expect((await search({ q: 'kaasava', kind: 'caption', municipality: 'rouge' })).total).toBe(0);
    expect((await search({ q: 'kaasava', kind: 'caption', year: '2014' })).total).toBe(1);
    expect((await search({ q: 'kaasava', kind: 'caption', year: '2015' })).total).toBe(0);
  });

  it('finds nothing of a draft event, nor the captions of an unpublished recording', async () => {
    await ctx.deps.db
      .update(recordings)
      .set({ published: false })
      .where(eq(recordings.id, keilaRecording));
    expect((await search({ q: 'kaasava eelarve', kind: 'caption' })).total).toBe(0);
    await ctx.deps.db
      .update(recordings)
      .set({ published: true })
      .where(eq(recordings.id, keilaRecording));
    await ctx.deps.db.update(events).set({ status: 'draft' }).where(eq(events.slug, KEILA));
    expect((await search({ q: 'kaasava eelarve', kind: 'caption' })).total).toBe(0);
    expect((await search({ q: 'Keila', kind: 'event' })).results.map((r) => r.url)).not.toContain(
      `https://koda.test/events/${KEILA}`,
    );
    await ctx.deps.db.update(events).set({ status: 'published' }).where(eq(events.slug, KEILA));
    expect((await search({ q: 'kaasava eelarve', kind: 'caption' })).total).toBe(1);
    // A plan's items and reports go with its status, both ways.
    const [plan] = await ctx.deps.db
      .select({ status: actionPlans.status })
      .from(actionPlans)
      .where(eq(actionPlans.id, 1));
    const planItems = async () =>
      (await search({ q: 'tegevuskava hindamine', kind: 'plan_item' })).results.map((r) => r.url);
    expect(await planItems()).toContain('https://koda.test/plans/1#item-3');
    await ctx.deps.db.update(actionPlans).set({ status: 'draft' }).where(eq(actionPlans.id, 1));
    expect(await planItems()).not.toContain('https://koda.test/plans/1#item-3');
    await ctx.deps.db
      .update(actionPlans)
      .set({ status: plan!.status })
      .where(eq(actionPlans.id, 1));
    expect(await planItems()).toContain('https://koda.test/plans/1#item-3');
  });

  it('gives the same answers on PGlite and Postgres (one snapshot for both)', async () => {
    const answers: Record<string, unknown> = {};
    for (const q of [
      'kaasav',
      'avatud valitsemine',
      'Keila 2014',
      'Rõuge tegevuskava',
      'plaan',
      'бюджет',
    ]) {
      const answer = await search({ q, limit: '8' });
      answers[q] = [
        answer.total,
        answer.results.map((r) => `${r.kind} ${r.url.replace('https://koda.test', '')} ${r.title}`),
      ];
    }
    expect(answers).toMatchInlineSnapshot(`
      {
        "Keila 2014": [
          6,
          [
            "outcome /events/mottekoda-keilas#outcome-4 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-keilas#outcome-3 Kuidas saavad küla- ja asumiseltsid arengukava koostamisel kaasa rääkida?",
            "outcome /events/mottekoda-keilas#outcome-2 Kaasava eelarve katsetamine",
            "outcome /events/mottekoda-keilas#outcome-1 Volikogu istungite veebiülekanded ja salvestiste arhiiv",
            "recording /recordings/1 Veebiülekanne",
            "event /events/mottekoda-keilas Mõttekoda Keilas",
          ],
        ],
        "Rõuge tegevuskava": [
          6,
          [
            "plan_item /plans/1#item-3 Kogukonnaga tegevuskava ühine hindamine",
            "outcome /events/mottekoda-rouges#outcome-16 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "plan_update /plans/1#item-4 Avaandmete avaldamine veebilehel",
            "plan_update /plans/1#item-3 Kogukonnaga tegevuskava ühine hindamine",
            "plan_update /plans/1#item-2 Kaasava eelarve pilootprojekt",
            "plan_update /plans/1#item-1 Volikogu istungite veebiülekanded",
          ],
        ],
        "avatud valitsemine": [
          28,
          [
            "outcome /events/teeme-omavalitsuse-oma-valitsuseks#outcome-36 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-tartus-kuidas-parandada-tartu-linnavoimu-ja-kogukonna-koostood#outcome-32 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-saue-vallas#outcome-28 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-haljalas#outcome-24 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/tartu-ja-viljandi-mottekoda-viljandis#outcome-20 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-rouges#outcome-16 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-maksal#outcome-12 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
            "outcome /events/mottekoda-jarva-jaanis#outcome-8 Avatud valitsemise tegevuskava koostatakse koos kogukonnaga",
          ],
        ],
        "kaasav": [
          17,
          [
            "plan_item /plans/6#item-22 Kaasava eelarve pilootprojekt",
            "plan_item /plans/5#item-18 Kaasava eelarve pilootprojekt",
            "plan_item /plans/4#item-14 Kaasava eelarve pilootprojekt",
            "plan_item /plans/3#item-10 Kaasava eelarve pilootprojekt",
            "plan_item /plans/2#item-6 Kaasava eelarve pilootprojekt",
            "plan_item /plans/1#item-2 Kaasava eelarve pilootprojekt",
            "event /events/naidis-keila-linna-foorum-kaasav-eelarve Näidis: Keila linna foorum — kaasav eelarve",
            "outcome /events/teeme-omavalitsuse-oma-valitsuseks#outcome-34 Kaasava eelarve katsetamine",
          ],
        ],
        "plaan": [
          0,
          [],
        ],
        "бюджет": [
          1,
          [
            "caption /recordings/1?t=130 Veebiülekanne",
          ],
        ],
      }
    `);
  });
});

describe('/search', () => {
  it('groups results by kind with the words marked, and links a caption to its second', async () => {
    const res = await ctx.app.request('/search?q=kaasava+EELARVE');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/recordings/${keilaRecording}?t=65"`);
    expect(html).toContain('<mark>Kaasava</mark> <mark>eelarve</mark>');
    expect(html).toContain('id="results-caption"');
    expect(
      visibleText(await (await ctx.app.request('/search?q=Keila+2014&lang=en')).text()),
    ).toContain('Searching: Keila linn, 2014');
  });

  it('shows back the words as typed, gives examples that find something, and points ru/en readers to Estonian words', async () => {
    const page = async (query: string) =>
      visibleText(await (await ctx.app.request(`/search?${query}`)).text());
    // The line says what was typed, not the stems matched with ("participato", "участ").
    const en = await page('q=Keila+2014+participatory+budget&lang=en');
    expect(en).toContain('Searching: “participatory budget”, Keila linn, 2014');
    expect(en).toContain('try the Estonian word');
    const ru = await page('q=Keila+2014+Бюджет+города&lang=ru');
    expect(ru).toContain('Ищем: «Бюджет города», Keila linn, 2014');
    expect(ru).toContain('попробуйте эстонское слово');
    // Estonian readers are not told to search in Estonian.
    expect(await page('q=Keila+2014+olematusõna&lang=et')).not.toContain('eestikeelset');
    for (const lang of ['et', 'en', 'ru']) {
      const html = await (await ctx.app.request(`/search?lang=${lang}`)).text();
      // The header's search link lands on an empty /search: the words are focused.
      expect(html, lang).toMatch(/<input id="search-q"[^>]* autofocus/);
      const hint = /<span id="search-hint" class="hint">([^<]*)<\/span>/.exec(html)?.[1] ?? '';
      const example = /: (.+?)(\. |$)/.exec(hint)?.[1] ?? '';
      expect(example, `${lang}: ${hint}`).not.toBe('');
      const found = await search({ q: example });
      expect(found.total, `${lang}: the example "${example}"`).toBeGreaterThan(0);
    }
    expect(await (await ctx.app.request('/search?q=kaasav')).text()).not.toContain('autofocus');
  });

  it('offers the places and years the rows hold now, though the lists are kept in memory', async () => {
    const options = async (name: string) => {
      const html = await (await ctx.app.request('/search?q=kaasava')).text();
      const select = new RegExp(
        `<select id="[^"]*-${name}" name="${name}">([\\s\\S]*?)</select>`,
      ).exec(html);
      return [...(select?.[1] ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    };
    // Asked twice: the second answer comes from the lists kept for this revision.
    expect(await options('year')).not.toContain('2031');
    expect(await options('year')).not.toContain('2031');
    const [event] = await ctx.deps.db
      .select({ startsAt: events.startsAt, endsAt: events.endsAt })
      .from(events)
      .where(eq(events.slug, KEILA));
    const later = (date: Date) => {
      const moved = new Date(date);
      moved.setUTCFullYear(2031);
      return moved;
    };
    await ctx.deps.db
      .update(events)
      .set({ startsAt: later(event!.startsAt), endsAt: later(event!.endsAt) })
      .where(eq(events.slug, KEILA));
    await ctx.deps.db
      .insert(municipalities)
      .values({ slug: 'uus-vald', name: 'Uus vald', kind: 'parish' });
    try {
      expect(await options('year')).toContain('2031');
      expect(await options('municipality')).toContain('uus-vald');
    } finally {
      await ctx.deps.db.update(events).set(event!).where(eq(events.slug, KEILA));
      await ctx.deps.db.delete(municipalities).where(eq(municipalities.slug, 'uus-vald'));
    }
    expect(await options('year')).not.toContain('2031');
    expect(await options('municipality')).not.toContain('uus-vald');
  });

  it('keeps the archive search on the same index', async () => {
    const res = await ctx.app.request('/api/v1/recordings?q=ounapuu');
    const body = (await res.json()) as { items: { id: number }[] };
    expect(body.items.map((item) => item.id)).toEqual([keilaRecording]);
  });
});

describe('a word said more often than the search ranks', () => {
  // 1 005 lines hold the word, the first of them three times (the best rank), every hundredth
  // twice: past CAPTION_CAP the count stops and only the newest 1 000 are ranked, the same way
  // on PGlite and Postgres (never the first ones a scan happens to read).
  const CUES = 1_005;
  const line = (n: number) =>
    n === 0 ? 'vihmavari vihmavari vihmavari' : n % 100 === 0 ? 'vihmavari vihmavari' : 'vihmavari';
  const time = (seconds: number) =>
    `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;

  beforeAll(async () => {
    const vtt = Array.from(
      { length: CUES },
      (_, n) => `${time(n * 2)} --> ${time(n * 2 + 1)}\n${line(n)}`,
    ).join('\n\n');
    expect((await put(keilaRecording, 'en', `WEBVTT\n\n${vtt}\n`)).status).toBe(201);
  });

  it('counts to the cap, says there are more, and ranks the newest', async () => {
    const answer = (await search({ q: 'vihmavari', limit: '3' })) as Answer & {
      totalIsLowerBound: boolean;
    };
    expect(answer.total).toBe(CAPTION_CAP);
    expect(answer.totalIsLowerBound).toBe(true);
    // The line said first holds the word most often, but it is not among the newest 1 000.
    expect(answer.results.map((r) => r.url.replace(/.*\?t=/, ''))).toEqual([
      '2000',
      '1800',
      '1600',
    ]);
    const last = await search({ q: 'vihmavari', limit: '5', offset: String(CAPTION_CAP - 2) });
    expect(last.results.map((r) => r.url.replace(/.*\?t=/, ''))).toEqual(['12', '10']);
    const under = (await search({ q: 'kaasav' })) as Answer & { totalIsLowerBound: boolean };
    expect(under.totalIsLowerBound).toBe(false);
  });

  it('says so on the page, in the reader’s language', async () => {
    const page = async (lang: string) =>
      visibleText(await (await ctx.app.request(`/search?q=vihmavari&lang=${lang}`)).text());
    expect(await page('en')).toContain('More than 1,000 results');
    expect(await page('en')).toContain('only the newest 1,000 matches are ranked');
    const et = await page('et');
    expect(et).toContain('Üle 1000 tulemuse');
    expect(et).toContain('ainult uusimad 1000 vastet');
    const ru = await page('ru');
    expect(ru).toMatch(/Больше 1\s000 результатов/);
    expect(ru).toMatch(/только 1\s000 самых новых совпадений/);
  });
});

describe('each result says the language it is written in', () => {
  let noteId: number;
  let russianRecording: number;

  beforeAll(async () => {
    const note = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({
        kind: 'proposal',
        title: { et: 'Jalgrattateed kooli juurde', ru: 'Велодорожки к школе' },
        body: { et: 'Jalgrattateed kooli juurde.', ru: 'Велодорожки к школе от каждого района.' },
        published: true,
      }),
    });
    expect(note.status, await note.clone().text()).toBe(201);
    noteId = ((await note.json()) as { id: number }).id;
    const recording = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({
        url: 'https://media.example.org/sovet.mp4',
        title: 'Заседание совета',
        originalLang: 'ru',
        language: 'ru',
      }),
    });
    expect(recording.status, await recording.clone().text()).toBe(201);
    russianRecording = ((await recording.json()) as { id: number }).id;
  });

  type Marked = Result & { titleLang: string; snippetLang: string; contextLang: string | null };
  const only = async (params: Record<string, string>) => {
    const answer = await search(params);
    expect(answer.results).toHaveLength(1);
    return answer.results[0] as Marked;
  };

  it('in the API: the title, the snippet and the context each', async () => {
    expect(await only({ q: 'заседание', kind: 'recording' })).toMatchObject({
      title: 'Заседание совета',
      titleLang: 'ru',
      contextLang: 'et',
    });
    // Found in the Russian translation: an Estonian title, a Russian snippet.
    expect(await only({ q: 'района', kind: 'outcome' })).toMatchObject({
      title: 'Jalgrattateed kooli juurde',
      titleLang: 'et',
      // The Russian body, then the Russian title.
      snippet: 'Велодорожки к школе от каждого района. Велодорожки к школе',
      snippetLang: 'ru',
    });
    expect(await only({ q: 'jalgrattateed', kind: 'outcome' })).toMatchObject({
      snippet: 'Jalgrattateed kooli juurde.',
      snippetLang: 'et',
    });
    // A caption: the recording's title in Estonian, the words said in Russian.
    expect(await only({ q: 'бюджет', kind: 'caption' })).toMatchObject({
      title: 'Veebiülekanne',
      titleLang: 'et',
      snippetLang: 'ru',
      language: 'ru',
    });
  });

  it('on /search: marked with lang where it is not the page’s language', async () => {
    const et = await (await ctx.app.request('/search?q=заседание')).text();
    expect(et).toContain(
      `<a href="/recordings/${russianRecording}" lang="ru">Заседание совета</a>`,
    );
    const note = await (await ctx.app.request('/search?q=района')).text();
    expect(note).toContain(`<a href="/events/${KEILA}#outcome-${noteId}">Jalgrattateed`);
    expect(note).toMatch(
      /<p class="snippet" lang="ru">Велодорожки к школе от каждого <mark>района<\/mark>/,
    );
    const ru = await (await ctx.app.request('/search?q=района&lang=ru')).text();
    expect(ru).toContain(`<a href="/events/${KEILA}#outcome-${noteId}" lang="et">Jalgrattateed`);
    expect(ru).toMatch(/<p class="snippet">Велодорожки/);
    expect(ru).toContain('<span lang="et">Mõttekoda Keilas</span>');
  });

  it('follows a change of the original language', async () => {
    await ctx.deps.db
      .update(recordings)
      .set({ originalLang: 'en' })
      .where(eq(recordings.id, russianRecording));
    expect(await only({ q: 'заседание', kind: 'recording' })).toMatchObject({ titleLang: 'en' });
  });
});
