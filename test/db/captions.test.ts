import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { events, outcomes, recordings, searchDocuments } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor, pageAuthorizationCases, sessionFor } from '../helpers/auth';
import { ORIGIN } from '../helpers/session';
import { visibleText } from '../helpers/form-language';

let ctx: TestContext;
let keila: string;
let recordingId: number;
let fileRecordingId: number;

const KEILA = 'mottekoda-keilas';

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
Tere tulemast Keila mõttekotta.

00:01:05.900 --> 00:01:09.000
<v Linnapea>Kaasav eelarve on meie tähtsaim teema.

00:02:00.000 --> 00:02:03.000
Küsimused &amp; <b>vastused</b> &lt;script&gt;
`;

const SRT = `1
00:00:02,500 --> 00:00:05,000
Welcome to the Keila think tank.

2
00:01:10,000 --> 00:01:12,000
The participatory budget comes first.
`;

function putCaptions(id: number, lang: string, body: string, type: string, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': type };
  if (authorization) headers.authorization = authorization;
  return ctx.app.request(`/api/v1/recordings/${id}/captions/${lang}`, {
    method: 'PUT',
    headers,
    body,
  });
}

type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, KEILA));
  const [recording] = await ctx.deps.db
    .select({ id: recordings.id })
    .from(recordings)
    .where(eq(recordings.eventId, event!.id));
  recordingId = recording!.id;
  const res = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: keila },
    body: JSON.stringify({ url: 'https://media.example.org/keila.mp4', title: 'Saalist' }),
  });
  expect(res.status).toBe(201);
  fileRecordingId = ((await res.json()) as { id: number }).id;
});
afterAll(() => ctx.close());

describe('PUT /api/v1/recordings/:id/captions/:lang', () => {
  it('stores WebVTT as cues (201, then 200 replacing them) and serves them as WebVTT', async () => {
    const first = await putCaptions(recordingId, 'et', VTT, 'text/vtt', keila);
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toMatchObject({ recordingId, language: 'et', cues: 3 });
    const again = await putCaptions(recordingId, 'et', VTT, 'text/vtt; charset=utf-8', keila);
    expect(again.status).toBe(200);

    const vtt = await ctx.app.request(`/recordings/${recordingId}/captions/et.vtt`);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const text = await vtt.text();
    expect(text.startsWith('WEBVTT')).toBe(true);
    // The speaker as a WebVTT voice span, as the file had it.
    expect(text).toContain(
      '00:01:05.900 --> 00:01:09.000\n<v Linnapea>Kaasav eelarve on meie tähtsaim teema.',
    );
    // Tags are dropped, text is escaped: no markup reaches a player.
    expect(text).toContain('Küsimused &amp; vastused &lt;script&gt;');
    expect(text).not.toContain('<b>');
    const { default: webvtt } = await import('webvtt-parser');
    expect(new webvtt.WebVTTParser().parse(text).errors).toEqual([]);
  });

  it('writes a speaker whose name holds <, & and > as a voice span a WebVTT parser reads back', async () => {
    const speakers = `WEBVTT

00:00:01.000 --> 00:00:02.000
<v Mari &lt;Maasikas&gt; &amp; Co>Tere!

00:00:03.000 --> 00:00:05.000
<v.loud Jaan --&gt;>Hei</v> <v Mari>Tere ka
`;
    const created = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ url: 'https://media.example.org/haaled.mp4', title: 'Hääled' }),
    });
    const { id } = (await created.json()) as { id: number };
    expect((await putCaptions(id, 'et', speakers, 'text/vtt', keila)).status).toBe(201);
    const text = await (await ctx.app.request(`/recordings/${id}/captions/et.vtt`)).text();
    expect(text).toContain('\n<v Mari &lt;Maasikas&gt; &amp; Co>Tere!\n');
    expect(text).toContain('\n<v Jaan --&gt;>Hei</v>\n<v Mari>Tere ka\n');
    const { default: webvtt } = await import('webvtt-parser');
    type Node = { type: string; name?: string; value?: string; children?: Node[] };
    const parsed = new webvtt.WebVTTParser().parse(text) as unknown as {
      cues: { tree: Node }[];
      errors: unknown[];
    };
    expect(parsed.errors).toEqual([]);
    // The parser leaves character references in an annotation as written; browsers read them.
    const read = (value = '') =>
      value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const voices = parsed.cues.map((cue) =>
      (cue.tree.children ?? []).flatMap((node) =>
        node.type === 'object' && node.name === 'v'
          ? [
              [
                read(node.value),
                (node.children ?? [])
                  .map((child) => child.value)
                  .join('')
                  .trim(),
              ],
            ]
          : [],
      ),
    );
    expect(voices).toEqual([
      [['Mari <Maasikas> & Co', 'Tere!']],
      [
        ['Jaan -->', 'Hei'],
        ['Mari', 'Tere ka'],
      ],
    ]);
  });

  it('stores SubRip in another language', async () => {
    const res = await putCaptions(recordingId, 'en', SRT, 'application/x-subrip', keila);
    expect(res.status).toBe(201);
    const vtt = await (await ctx.app.request(`/recordings/${recordingId}/captions/en.vtt`)).text();
    expect(vtt).toContain('00:00:02.500 --> 00:00:05.000\nWelcome to the Keila think tank.');
  });

  it.each([
    [
      'no signature',
      'vtt',
      'Hello\n\n00:00:01.000 --> 00:00:02.000\nx\n',
      'body:1',
      /^Line 1: No valid signature/,
    ],
    [
      'a cue ending before it starts',
      'vtt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\n00:00:09.000 --> 00:00:03.000\nbackwards\n',
      'body:6',
      /^Line 6: End timestamp is not greater than start timestamp/,
    ],
    [
      'a NUL character',
      'vtt',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nab\0c\n',
      'body:4',
      /^Line 4: The file holds a NUL/,
    ],
    ['no cues', 'vtt', 'WEBVTT\n', 'body:1', /^Line 1: The file holds no cues/],
    [
      'an SRT block that is no cue',
      'srt',
      '1\n00:00:01,000 --> 00:00:02,000\nfine\n\n<html><script>alert(1)</script>\n',
      'body:5',
      /^Line 5: Expected a cue/,
    ],
    [
      'an SRT cue ending before it starts',
      'srt',
      '1\n00:00:05,000 --> 00:00:02,000\nbackwards\n',
      'body:2',
      /^Line 2: The cue ends before it starts/,
    ],
  ])(
    'refuses %s with 422 naming the line, changing nothing',
    async (_name, format, body, path, message) => {
      const type = format === 'vtt' ? 'text/vtt' : 'application/x-subrip';
      const res = await putCaptions(recordingId, 'et', body, type, keila);
      expect(res.status).toBe(422);
      const error = ((await res.json()) as ErrorBody).error;
      expect(error.details?.[0]?.path).toBe(path);
      expect(error.details?.[0]?.message).toMatch(message);
      const vtt = await (
        await ctx.app.request(`/recordings/${recordingId}/captions/et.vtt`)
      ).text();
      expect(vtt).toContain('Kaasav eelarve');
    },
  );

  it('refuses another type (415) and a language that is no code (422 naming lang)', async () => {
    expect((await putCaptions(recordingId, 'et', VTT, 'text/plain', keila)).status).toBe(415);
    expect((await putCaptions(recordingId, 'et', '{}', 'application/json', keila)).status).toBe(
      415,
    );
    const res = await putCaptions(recordingId, 'Eesti', VTT, 'text/vtt', keila);
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.details?.[0]?.path).toBe('lang');
  });

  it("takes a two-hour meeting's captions past the app's 256 KiB limit, refuses more than 5 MB (413 saying so, in the reader's language)", async () => {
    const cue = (n: number) =>
      `${new Date(n * 4000).toISOString().slice(11, 23)} --> ${new Date(n * 4000 + 3800).toISOString().slice(11, 23)}\n` +
      `Lõik ${n}: volikogu arutas kaasava eelarve ettepanekuid, bussiliine, tänavavalgustust, lasteaedade remonti ja raamatukogu lahtiolekuaegu.\n`;
    const twoHours = `WEBVTT\n\n${Array.from({ length: 1800 }, (_, n) => cue(n)).join('\n')}`;
    expect(Buffer.byteLength(twoHours)).toBeGreaterThan(256 * 1024);
    const stored = await putCaptions(fileRecordingId, 'en', twoHours, 'text/vtt', keila);
    expect(stored.status, await stored.clone().text()).toBe(201);
    expect(((await stored.json()) as { cues: number }).cues).toBe(1800);

    const huge = `WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\nx\n\n'.repeat(160_000)}`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(5 * 1024 * 1024);
    const withLength: Record<string, string>[] = [
      {},
      { 'content-length': String(Buffer.byteLength(huge)) },
    ];
    for (const headers of withLength) {
      const refused = await ctx.app.request(
        `/api/v1/recordings/${fileRecordingId}/captions/en?lang=ru`,
        {
          method: 'PUT',
          headers: { 'content-type': 'text/vtt', authorization: keila, ...headers },
          body: huge,
        },
      );
      expect(refused.status).toBe(413);
      const { error } = (await refused.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('payload_too_large');
      expect(error.message).toBe(
        'Файл субтитров может быть не больше 5 MB. Этот файл больше: разделите его на части или удалите лишнее форматирование.',
      );
    }
    // Other JSON writes keep the 256 KiB limit.
    const big = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ title: 'x'.repeat(300 * 1024) }),
    });
    expect(big.status).toBe(413);
    const removed = await ctx.app.request(`/api/v1/recordings/${fileRecordingId}/captions/en`, {
      method: 'DELETE',
      headers: { authorization: keila },
    });
    expect(removed.status).toBe(204);
  });

  it('answers the authorization matrix', async () => {
    for (const c of await authorizationCases(ctx, 'keila', 'rouge', [200, 201], 'events')) {
      const res = await putCaptions(fileRecordingId, 'ru', VTT, 'text/vtt', c.authorization);
      expect(res.status, c.who).toSatisfy((status: number) => c.expected.includes(status));
    }
    for (const c of await authorizationCases(ctx, 'keila', 'rouge', [204, 404], 'events')) {
      const res = await ctx.app.request(`/api/v1/recordings/${fileRecordingId}/captions/ru`, {
        method: 'DELETE',
        headers: c.authorization ? { authorization: c.authorization } : {},
      });
      expect(res.status, c.who).toSatisfy((status: number) => c.expected.includes(status));
    }
  });
});

describe('the transcript, the player and the search table', () => {
  it('links each cue to its whole second, under its chapter, with the player', async () => {
    const res = await ctx.app.request(`/recordings/${recordingId}/transcript`);
    expect(res.status).toBe(200);
    const html = await res.text();
    // 65.9 s → ?t=65 (rounded down), YouTube's own start in the player.
    expect(html).toMatch(
      /href="\/recordings\/\d+\/transcript\?captions=et&amp;t=65#player" data-seek="65"/,
    );
    expect(html).toContain('Linnapea: Kaasav eelarve on meie tähtsaim teema.');
    expect(html).toContain('Küsimused &amp; vastused &lt;script&gt;');
    expect(html).toContain('youtube-nocookie.com');
    const en = await (
      await ctx.app.request(`/recordings/${recordingId}/transcript?captions=en`)
    ).text();
    expect(visibleText(en)).toContain('The participatory budget comes first.');
    const recordingPage = await (await ctx.app.request(`/recordings/${recordingId}`)).text();
    expect(recordingPage).toContain(`href="/recordings/${recordingId}/transcript"`);
  });

  it('gives a file recording a <track kind="captions"> per language', async () => {
    expect((await putCaptions(fileRecordingId, 'et', VTT, 'text/vtt', keila)).status).toBe(201);
    const html = await (await ctx.app.request(`/recordings/${fileRecordingId}`)).text();
    expect(html).toMatch(
      new RegExp(
        `<track kind="captions" src="/recordings/${fileRecordingId}/captions/et.vtt" srclang="et"`,
      ),
    );
  });

  it('keeps caption cues in the search table, and removes them with the captions', async () => {
    const rows = await ctx.deps.db
      .select()
      .from(searchDocuments)
      .where(eq(searchDocuments.recordingId, fileRecordingId));
    const cue = rows.find(
      (row) => row.kind === 'caption' && row.body.startsWith('Linnapea: Kaasav'),
    );
    expect(cue).toMatchObject({ offsetSeconds: 65, language: 'et', published: true });
    const res = await ctx.app.request(`/api/v1/recordings/${fileRecordingId}/captions/et`, {
      method: 'DELETE',
      headers: { authorization: keila },
    });
    expect(res.status).toBe(204);
    const after = await ctx.deps.db
      .select()
      .from(searchDocuments)
      .where(eq(searchDocuments.recordingId, fileRecordingId));
    expect(after.filter((row) => row.kind === 'caption')).toEqual([]);
    expect((await ctx.app.request(`/recordings/${fileRecordingId}/captions/et.vtt`)).status).toBe(
      404,
    );
  });
});

describe('an outcome note quoting a cue', () => {
  it('takes the words, the recording and the whole second from the cue, and shows a quote that plays from there', async () => {
    const cues = await ctx.app.request(`/recordings/${recordingId}/transcript?captions=et`);
    const cueId = Number(/id="cue-(\d+)"[^>]*data-start="65.9"/.exec(await cues.text())?.[1]);
    const res = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({
        kind: 'proposal',
        title: 'Kaasav eelarve',
        body: 'Linnapea ettepanek.',
        captionCueId: cueId,
        published: true,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({
      recordingId,
      offsetSeconds: 65,
      quote: 'Linnapea: Kaasav eelarve on meie tähtsaim teema.',
    });
    const page = await (await ctx.app.request(`/recordings/${recordingId}`)).text();
    expect(page).toMatch(
      /<blockquote class="cited-cue"><p><a href="\/recordings\/\d+\?t=65#player" data-seek="65">Linnapea: Kaasav eelarve on meie tähtsaim teema.<\/a>/,
    );
    const other = await ctx.app.request(`/api/v1/events/mottekoda-rouges/outcomes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: await bearerFor(ctx, { role: 'admin' }),
      },
      body: JSON.stringify({ kind: 'proposal', title: 'x', body: 'y', captionCueId: cueId }),
    });
    expect(other.status).toBe(422);
  });
});

describe('picking the quote with a form', () => {
  it("finds the words said in the event's recordings and quotes the chosen cue; no ids typed, no JavaScript", async () => {
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const created = await ctx.app.request(`/api/v1/events/${KEILA}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ kind: 'decision', title: 'Eelarve otsus', body: 'Otsustati.' }),
    });
    const { id } = (await created.json()) as { id: number };
    const quotePath = `/admin/events/${KEILA}/outcomes/${id}/quote`;
    const list = await ctx.app.request(`/admin/events/${KEILA}/outcomes`, { headers: { cookie } });
    expect(await list.text()).toContain(`href="${quotePath}"`);

    const found = await ctx.app.request(`${quotePath}?q=T%C3%84HTSAIM+teem`, {
      headers: { cookie },
    });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(visibleText(html)).toContain(
      '1:05 · Veebiülekanne · Linnapea: Kaasav eelarve on meie tähtsaim teema',
    );
    const cueId = /type="radio" id="cue-\d+" name="captionCueId" value="(\d+)"/.exec(html)?.[1];
    expect(cueId).toBeDefined();
    const post = (body: string) =>
      ctx.app.request(quotePath, {
        method: 'POST',
        headers: {
          cookie,
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
    expect((await post(`captionCueId=${cueId}`)).status).toBe(303);
    const note = async () =>
      (await ctx.deps.db.select().from(outcomes).where(eq(outcomes.id, id)))[0];
    expect(await note()).toMatchObject({
      recordingId,
      offsetSeconds: 65,
      quote: 'Linnapea: Kaasav eelarve on meie tähtsaim teema.',
    });

    const none = await ctx.app.request(`${quotePath}?q=kartulipuder`, { headers: { cookie } });
    expect(visibleText(await none.text())).toContain('Ükski repliik ei sisalda neid sõnu.');
    const refused = await post('captionCueId=99999999');
    expect(refused.status).toBe(422);
    expect(visibleText(await refused.text())).toContain(
      'See repliik ei ole selle sündmuse salvestisest.',
    );
    expect((await post('captionCueId=')).status).toBe(303);
    expect((await note())?.quote).toBeNull();
    const stranger = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
    const foreign = await ctx.app.request(quotePath, { headers: { cookie: stranger } });
    expect(foreign.status).toBe(403);
  });
});

describe('the organizer page', () => {
  const page = () => `/admin/events/${KEILA}/recordings/${fileRecordingId}/captions`;
  function upload(cookie: string, language: string, name: string, content: string) {
    const form = new FormData();
    form.set('language', language);
    form.set('file', new File([content], name, { type: '' }));
    return ctx.app.request(page(), {
      method: 'POST',
      headers: { cookie, origin: ORIGIN },
      body: form,
    });
  }

  it('refuses a file over 5 MB with the form again, naming the limit (413)', async () => {
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const huge = `WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\nx\n\n'.repeat(160_000)}`;
    const res = await upload(cookie, 'et', 'pikk.vtt', huge);
    expect(res.status).toBe(413);
    const text = visibleText(await res.text());
    expect(text).toContain('Subtiitrifail võib olla kuni 5 MB.');
    expect(text).toContain('Laadi üles');
  });

  it('opens for the organizers of the event and admins only', async () => {
    for (const c of await pageAuthorizationCases(ctx, 'keila', 'rouge', [200])) {
      const res = await ctx.app.request(page(), { headers: c.cookie ? { cookie: c.cookie } : {} });
      expect(res.status, c.who).toSatisfy((status: number) => c.expected.includes(status));
    }
  });

  it('uploads a file (303 to the page saying so), refuses a bad one naming its line, removes after a confirm step', async () => {
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const edit = await ctx.app.request(`/admin/events/${KEILA}/recordings/${fileRecordingId}`, {
      headers: { cookie },
    });
    expect(await edit.text()).toContain(`href="${page()}"`);
    const saved = await upload(cookie, 'et', 'keila.srt', SRT);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${page()}?done=saved`);

    const refused = await upload(
      cookie,
      'et',
      'keila.vtt',
      'WEBVTT\n\n00:00:09.000 --> 00:00:03.000\nx\n',
    );
    expect(refused.status).toBe(422);
    expect(visibleText(await refused.text())).toContain('Rida 3: repliik lõpeb enne, kui algab.');

    const other = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
    expect((await upload(other, 'et', 'keila.srt', SRT)).status).toBe(403);

    const ask = await ctx.app.request(`${page()}/et/delete`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('data-confirm-step');
    expect((await ctx.app.request(`/recordings/${fileRecordingId}/captions/et.vtt`)).status).toBe(
      200,
    );
    const done = await ctx.app.request(`${page()}/et/delete`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'confirm=yes',
    });
    expect(done.status).toBe(303);
    expect((await ctx.app.request(`/recordings/${fileRecordingId}/captions/et.vtt`)).status).toBe(
      404,
    );
  });
});
