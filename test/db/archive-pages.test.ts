import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { events, outcomes, recordings, registrations } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
let keilaRecording: number;
let tartuViljandi: { id: number; title: string }[];

async function recordingsOf(slug: string) {
  return ctx.deps.db
    .select({ id: recordings.id, title: recordings.title })
    .from(recordings)
    .innerJoin(events, eq(events.id, recordings.eventId))
    .where(eq(events.slug, slug))
    .orderBy(recordings.position);
}

async function insertRecording(slug: string, values: Partial<typeof recordings.$inferInsert>) {
  const [event] = await ctx.deps.db.select().from(events).where(eq(events.slug, slug));
  const [row] = await ctx.deps.db
    .insert(recordings)
    .values({
      eventId: event!.id,
      title: 'Lisasalvestis',
      sourceUrl: 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      provider: 'link',
      ...values,
    })
    .returning({ id: recordings.id });
  return row!.id;
}

type ApiList = { items: { id: number; title: string; event: { slug: string } }[]; total: number };

async function apiSearch(query: string): Promise<ApiList> {
  const res = await ctx.app.request(`/api/v1/recordings?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ApiList;
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keilaRecording = (await recordingsOf('mottekoda-keilas'))[0]!.id;
  tartuViljandi = await recordingsOf('tartu-ja-viljandi-mottekoda-viljandis');
});
afterAll(() => ctx.close());

describe('/recordings/:id', () => {
  it('shows the privacy-enhanced player, chapters that seek, agenda and outcomes at their offsets', async () => {
    const res = await ctx.app.request(`/recordings/${keilaRecording}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(
      'src="https://www.youtube-nocookie.com/embed/koda00demo0?rel=0&amp;enablejsapi=1"',
    );
    expect(html).not.toContain('www.youtube.com/embed');
    expect(html).toContain(`href="/recordings/${keilaRecording}?t=1200#player" data-seek="1200"`);
    expect(html).toContain('Kuidas kaasame täna? Omavalitsuse ülevaade');
    // The first demo outcome was said at 42:10.
    expect(html).toContain(`href="/recordings/${keilaRecording}?t=2530#player" data-seek="2530"`);
    expect(html).toContain('öeldud 42:10');
    expect(html).toContain('<script src="/assets/recordings.js" defer="">');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com(;|$)/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('starts the player at ?t= and ignores a ?t= that is not a number', async () => {
    const at = await (await ctx.app.request(`/recordings/${keilaRecording}?t=2530`)).text();
    expect(at).toContain('embed/koda00demo0?rel=0&amp;enablejsapi=1&amp;start=2530');
    for (const t of ['abc', '-5', '1e9', '%3Cscript%3E', '99999999']) {
      const res = await ctx.app.request(`/recordings/${keilaRecording}?t=${t}`);
      expect(res.status, t).toBe(200);
      expect(await res.text(), t).toContain('embed/koda00demo0?rel=0&amp;enablejsapi=1"');
    }
  });

  it('serves the seek script as a static asset', async () => {
    const res = await ctx.app.request('/assets/recordings.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const script = await res.text();
    expect(script).toContain('data-seek');
    expect(() => new Function(script)).not.toThrow();
  });

  it('links the Tartu–Viljandi session’s other stream', async () => {
    expect(tartuViljandi.map((r) => r.title)).toEqual([
      'Veebiülekanne: Tartu',
      'Veebiülekanne: Viljandi',
    ]);
    const html = await (await ctx.app.request(`/recordings/${tartuViljandi[0]!.id}`)).text();
    expect(html).toContain(
      `<a href="/recordings/${tartuViljandi[1]!.id}">Veebiülekanne: Viljandi</a>`,
    );
  });

  it('gives an unknown host a plain link and no frames at all', async () => {
    const id = await insertRecording('mottekoda-keilas', { title: 'Võõras leht' });
    const res = await ctx.app.request(`/recordings/${id}`);
    const html = await res.text();
    expect(html).not.toContain('<iframe');
    expect(html).toContain('href="https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ"');
    expect(res.headers.get('content-security-policy')).toContain("frame-src 'none'");
  });

  it('answers 404 for unpublished recordings, draft events, unknown and malformed ids', async () => {
    const hidden = await insertRecording('mottekoda-keilas', { published: false });
    expect((await ctx.app.request(`/recordings/${hidden}`)).status).toBe(404);
    expect((await ctx.app.request(`/recordings/${hidden}/chapters.vtt`)).status).toBe(404);
    const [draft] = await ctx.deps.db
      .insert(events)
      .values({
        slug: 'mustand',
        kind: 'meeting',
        title: 'Mustand',
        startsAt: new Date('2014-01-01T10:00:00Z'),
        endsAt: new Date('2014-01-01T11:00:00Z'),
      })
      .returning({ id: events.id });
    const [inDraft] = await ctx.deps.db
      .insert(recordings)
      .values({
        eventId: draft!.id,
        title: 'Mustandi ksülofonisalvestis',
        sourceUrl: 'https://youtu.be/dQw4w9WgXcQ',
        provider: 'youtube',
      })
      .returning({ id: recordings.id });
    expect((await ctx.app.request(`/recordings/${inDraft!.id}`)).status).toBe(404);
    // A word no public text has (the search matches inflections: 'mustandi' finds 'mustand').
    const list = await apiSearch('q=ksülofonisalvestis');
    expect(list.total).toBe(0);
    for (const path of [
      '/recordings/999999',
      '/recordings/abc',
      '/recordings/1.5',
      '/recordings/-1',
    ]) {
      expect((await ctx.app.request(path)).status, path).toBe(404);
    }
  });
});

describe('/recordings/:id/chapters.vtt', () => {
  it('is WebVTT with one cue per chapter', async () => {
    const res = await ctx.app.request(`/recordings/${keilaRecording}/chapters.vtt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const text = await res.text();
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('WEBVTT');
    const cues = blocks.slice(1).map((block) => block.split('\n'));
    expect(cues).toHaveLength(5);
    for (const [index, cue] of cues.entries()) {
      expect(cue[0]).toBe(String(index + 1));
      const times = /^(\d{2}):(\d{2}):(\d{2})\.000 --> (\d{2}):(\d{2}):(\d{2})\.000$/.exec(cue[1]!);
      expect(times, cue[1]).not.toBeNull();
      const [, h1, m1, s1, h2, m2, s2] = times!.map(Number);
      expect(h2! * 3600 + m2! * 60 + s2!).toBeGreaterThan(h1! * 3600 + m1! * 60 + s1!);
      expect(cue[2]).toBeTruthy();
    }
    expect(cues[1]).toEqual([
      '2',
      '00:20:00.000 --> 01:00:00.000',
      'Kuidas kaasame täna? Omavalitsuse ülevaade',
    ]);
    expect(cues[4]![1]).toBe('02:15:00.000 --> 03:00:00.000');
  });
});

describe('/archive and GET /api/v1/recordings', () => {
  it('lists published recordings newest event first, with pages', async () => {
    const page1 = await ctx.app.request('/archive');
    expect(page1.status).toBe(200);
    const html = await page1.text();
    expect(html).toContain('href="/archive/feed.xml"');
    const all = await apiSearch('');
    // Seven demo webcasts (the joint session has two) plus the published one inserted above.
    expect(all.total).toBe(8);
    expect(all.items[0]!.event.slug).toBe('mottekoda-haljalas');
    expect(all.items[1]!.event.slug).toBe('tartu-ja-viljandi-mottekoda-viljandis');
    const haljala = all.items.findIndex((item) => item.event.slug === 'mottekoda-haljalas');
    const keila = all.items.findIndex((item) => item.event.slug === 'mottekoda-keilas');
    expect(haljala).toBeLessThan(keila);
  });

  it('finds a recording by a word from an outcome note', async () => {
    await ctx.deps.db.insert(outcomes).values({
      eventId: (
        await ctx.deps.db.select().from(events).where(eq(events.slug, 'mottekoda-maksal'))
      )[0]!.id,
      kind: 'proposal',
      title: 'Noortevolikogu',
      body: 'Ettepanek: Mäksale noortekogu ja rattaparkla raamatukogu juurde.',
      published: true,
    });
    const found = await apiSearch('q=rattaparkla');
    expect(found.items.map((item) => item.event.slug)).toEqual(['mottekoda-maksal']);
    // Unpublished notes are not searched.
    await ctx.deps.db.insert(outcomes).values({
      eventId: (
        await ctx.deps.db.select().from(events).where(eq(events.slug, 'mottekoda-haljalas'))
      )[0]!.id,
      kind: 'minutes',
      title: 'Salajane',
      body: 'kodukootudsõna',
      published: false,
    });
    expect((await apiSearch('q=kodukootudsõna')).total).toBe(0);
    const html = await (await ctx.app.request('/archive?q=rattaparkla')).text();
    expect(html).toContain('Mõttekoda Mäksal');
    expect(html).not.toContain('Mõttekoda Keilas');
  });

  it('searches case- and diacritics-insensitively, every word must match', async () => {
    for (const q of ['Rõuges', 'ROUGES', 'rouges', 'RÕUGES']) {
      const result = await apiSearch(`q=${encodeURIComponent(q)}`);
      expect(
        result.items.map((item) => item.event.slug),
        q,
      ).toEqual(['mottekoda-rouges']);
    }
    // An agenda title word plus a town: only that town's recording.
    const both = await apiSearch(`q=${encodeURIComponent('kohvipaus jarva-jaanis')}`);
    expect(both.items.map((item) => item.event.slug)).toEqual(['mottekoda-jarva-jaanis']);
    expect((await apiSearch('q=olematusõnake')).total).toBe(0);
    // LIKE wildcards are not wildcards.
    expect((await apiSearch('q=%25')).total).toBe(8);
  });

  it('filters by municipality, year and kind; bad filters are ignored on the page', async () => {
    const tartu = await apiSearch('municipality=tartu');
    expect(tartu.items.map((item) => item.title).sort()).toEqual([
      'Veebiülekanne: Tartu',
      'Veebiülekanne: Viljandi',
    ]);
    expect((await apiSearch('year=2015')).total).toBe(0);
    expect((await apiSearch('year=2014')).total).toBe(8);
    expect((await apiSearch('kind=live')).total).toBe(0);
    const bad = await ctx.app.request('/api/v1/recordings?year=soon');
    expect(bad.status).toBe(422);
    const page = await ctx.app.request(
      '/archive?year=soon&kind=podcast&page=-2&municipality=%3Cx%3E',
    );
    expect(page.status).toBe(200);
    const filtered = await (await ctx.app.request('/archive?municipality=viljandi')).text();
    expect(filtered).toContain('Veebiülekanne: Viljandi');
    expect(filtered).not.toContain('Mõttekoda Keilas');
  });

  it('never shows participants', async () => {
    const emails = await ctx.deps.db.select({ email: registrations.email }).from(registrations);
    const html = await (await ctx.app.request('/archive')).text();
    const json = JSON.stringify(await apiSearch(''));
    const feed = await (await ctx.app.request('/archive/feed.xml')).text();
    for (const { email } of emails) {
      for (const text of [html, json, feed]) expect(text).not.toContain(email ?? '');
    }
  });
});

describe('/archive/feed.xml', () => {
  it('is well-formed Atom with recordings and published outcomes', async () => {
    const res = await ctx.app.request('/archive/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry',
    }).parse(xml) as {
      feed: {
        '@_xmlns': string;
        id: string;
        updated: string;
        entry: {
          id: string;
          title: { '#text': string };
          link: { '@_href': string };
          updated: string;
        }[];
      };
    };
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = parsed.feed.entry;
    expect(entries.length).toBeGreaterThan(10);
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) {
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link['@_href']).toMatch(/^https:\/\/koda\.test\//);
    }
    const titles = entries.map((entry) => entry.title['#text']);
    expect(titles.some((title) => title.startsWith('Salvestis: Veebiülekanne: Tartu'))).toBe(true);
    expect(titles.some((title) => title.startsWith('Ettepanek: Noortevolikogu'))).toBe(true);
    expect(titles.some((title) => title.includes('Salajane'))).toBe(false);
    expect(entries.map((entry) => entry.link['@_href'])).toContain(
      `https://koda.test/recordings/${keilaRecording}?t=2530`,
    );
    const english = await (await ctx.app.request('/archive/feed.xml?lang=en')).text();
    expect(english).toContain('xml:lang="en"');
  });

  it('answers 304 to a current ETag or date, and a new ETag once an entry changes', async () => {
    const first = await ctx.app.request('/archive/feed.xml');
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await ctx.app.request('/archive/feed.xml', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const since = await ctx.app.request('/archive/feed.xml', {
      headers: { 'If-Modified-Since': lastModified },
    });
    expect(since.status).toBe(304);
    const english = await ctx.app.request('/archive/feed.xml?lang=en', {
      headers: { 'If-None-Match': etag },
    });
    expect(english.status).toBe(200);

    const added = await insertRecording('mottekoda-haljalas', {
      title: 'Uus salvestis ETagi jaoks',
      createdAt: new Date('2031-01-01T00:00:00Z'),
      updatedAt: new Date('2031-01-01T00:00:00Z'),
    });
    const changed = await ctx.app.request('/archive/feed.xml', {
      headers: { 'If-None-Match': etag, 'If-Modified-Since': lastModified },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Uus salvestis ETagi jaoks');
    await ctx.deps.db.delete(recordings).where(eq(recordings.id, added));
  });

  it('links an outcome into its recording only when the recording is public', async () => {
    const hidden = await insertRecording('mottekoda-haljalas', { published: false });
    const [event] = await ctx.deps.db
      .select()
      .from(events)
      .where(eq(events.slug, 'mottekoda-haljalas'));
    await ctx.deps.db.insert(outcomes).values({
      eventId: event!.id,
      kind: 'decision',
      title: 'Peidetud salvestise otsus',
      body: 'Otsus.',
      recordingId: hidden,
      offsetSeconds: 60,
      published: true,
      createdAt: new Date('2030-01-01T00:00:00Z'),
    });
    const xml = await (await ctx.app.request('/archive/feed.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain(`/recordings/${hidden}`);
    expect(xml).toMatch(/href="https:\/\/koda\.test\/events\/mottekoda-haljalas#outcome-\d+"/);
    const english = await (await ctx.app.request('/archive/feed.xml?lang=en')).text();
    expect(english).toContain('xml:lang="en"');
    // The recording's Estonian title, untranslated, is marked in the English feed's HTML title.
    expect(english).toContain('Recording: &lt;span lang=&quot;et&quot;&gt;Veebiülekanne');
  });
});
