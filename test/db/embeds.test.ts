import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actionPlans, events, recordings } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
let draftSlug: string;
let draftPlanId: number;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const [event] = await ctx.deps.db.select().from(events).where(eq(events.status, 'published'));
  draftSlug = `${event!.slug}-mustand`;
  const { id: _eventId, ...eventColumns } = event!;
  await ctx.deps.db.insert(events).values({
    ...eventColumns,
    slug: draftSlug,
    status: 'draft',
    title: 'Salajane mustand',
  });
  // Two full copies of the example event (no seat in person): one with a waitlist, one without.
  const [example] = await ctx.deps.db.select().from(events).where(eq(events.slug, EVENT));
  const { id: _exampleId, ...exampleColumns } = example!;
  for (const waitlist of [true, false]) {
    await ctx.deps.db.insert(events).values({
      ...exampleColumns,
      slug: `${EVENT}-${waitlist ? 'ootel' : 'tais'}`,
      capacity: 0,
      waitlist,
    });
  }
  const [plan] = await ctx.deps.db.select().from(actionPlans).limit(1);
  const { id: _planId, ...planColumns } = plan!;
  const [draft] = await ctx.deps.db
    .insert(actionPlans)
    .values({ ...planColumns, status: 'draft', title: 'Mustandkava' })
    .returning({ id: actionPlans.id });
  draftPlanId = draft!.id;
});
afterAll(async () => ctx?.close());

const EVENT = 'naidis-keila-linna-foorum-kaasav-eelarve';
const embedPaths = [
  '/embed/events',
  '/embed/events?municipality=keila,tartu&kind=forum&limit=3&theme=dark&accent=0a7',
  `/embed/events/${EVENT}`,
  '/embed/plans/1',
  '/embed/recordings/1',
  '/embed/style.css',
  '/embed/frame.js',
  '/embed.js',
  `/oembed?url=${encodeURIComponent(`https://koda.test/events/${EVENT}`)}`,
];
const otherPaths = ['/', `/events/${EVENT}`, '/plans/1', '/municipalities/keila', '/embedded'];

describe('embed headers', () => {
  it.each(embedPaths)('%s may be framed and loaded from any origin', async (path) => {
    const res = await ctx.app.request(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors \*(;|$)/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it.each(otherPaths)('%s keeps its frame-ancestors and X-Frame-Options', async (path) => {
    const res = await ctx.app.request(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('sets no cookie, even with ?lang= (a page elsewhere does)', async () => {
    const page = await ctx.app.request('/events?lang=en');
    expect(page.headers.get('set-cookie')).toMatch(/^lang=en/);
    for (const path of embedPaths) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await ctx.app.request(`${path}${sep}lang=en`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
    const missing = await ctx.app.request('/embed/events/no-such-event?lang=en');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('set-cookie')).toBeNull();
  });

  it('answers in ?lang=, else Accept-Language, never the lang cookie', async () => {
    const en = await (await ctx.app.request('/embed/events?lang=en')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Upcoming events');
    const cookie = await ctx.app.request('/embed/events', { headers: { cookie: 'lang=en' } });
    expect(await cookie.text()).toContain('<html lang="et">');
    const accept = await ctx.app.request('/embed/events', {
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
    });
    expect(await accept.text()).toContain('<html lang="en">');
    expect(accept.headers.get('vary')).toContain('Accept-Language');
  });
});

describe('embed pages', () => {
  it('lists upcoming events with links that open Koda in a new tab', async () => {
    const html = await (await ctx.app.request('/embed/events?municipality=keila&limit=2')).text();
    expect(html).toContain(`href="https://koda.test/events/${EVENT}?lang=et"`);
    const links = [...html.matchAll(/<a [^>]*>/g)].map((match) => match[0]);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      expect(link).toContain('target="_blank"');
      expect(link).toContain('rel="noopener"');
    }
    expect(html).toContain('<script src="/embed/frame.js" defer=""></script>');
    expect(html).not.toMatch(/<script>|<style|style="/);
  });

  it('shows one event as a card with its Register action', async () => {
    const html = await (await ctx.app.request(`/embed/events/${EVENT}?lang=en`)).text();
    expect(html).toContain(`href="https://koda.test/events/${EVENT}?lang=en#registration"`);
    expect(html).toContain('Register');
  });

  it('a full event offers its waitlist, or no Register at all without one (frame and component)', async () => {
    const waitlist = await (await ctx.app.request(`/embed/events/${EVENT}-ootel?lang=en`)).text();
    expect(waitlist).toContain('All seats are taken; you can join the waitlist');
    expect(waitlist).toMatch(/class="button">Join the waitlist</);
    expect(waitlist).not.toMatch(/>Register</);
    const none = await (await ctx.app.request(`/embed/events/${EVENT}-tais?lang=ru`)).text();
    expect(none).toContain('Мест нет');
    expect(none).not.toContain('class="button"');
    expect(none).not.toContain('Зарегистрироваться');
    // The component says the same from the API's seats and waitlist.
    const script = await (await ctx.app.request('/embed.js')).text();
    expect(script).toContain("event.waitlist ? 'event.fullWaitlist' : 'event.full'");
    expect(script).toContain('"event.joinWaitlist":"Записаться в лист ожидания"');
  });

  it.each([
    ['et', 'Ei leitud'],
    ['en', 'Not found'],
    ['ru', 'Не найдено'],
  ])(
    'a missing embed is a small framable note in %s, without the site header',
    async (lang, title) => {
      for (const path of ['/embed/plans/999', `/embed/events/no-such-event`, '/embed/nothing']) {
        const res = await ctx.app.request(`${path}?lang=${lang}&theme=dark`);
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors \*(;|$)/);
        expect(res.headers.get('x-frame-options'), path).toBeNull();
        expect(res.headers.get('set-cookie'), path).toBeNull();
        const html = await res.text();
        expect(html, path).toContain(`<h1>${title}</h1>`);
        expect(html, path).toContain('/embed/style.css?theme=dark');
        expect(html, path).not.toMatch(/<header|<nav/);
      }
    },
  );

  it.each([
    ['et', 'Kodas ei ole omavalitsust „nonexistent“'],
    ['en', 'Koda has no municipality “nonexistent”'],
    ['ru', 'В Koda нет муниципалитета «nonexistent»'],
  ])('an unknown municipality is said in %s, not "no upcoming events"', async (lang, said) => {
    const res = await ctx.app.request(`/embed/events?municipality=nonexistent&lang=${lang}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors \*(;|$)/);
    const html = await res.text();
    expect(html).toContain(said);
    expect(html).not.toMatch(/Praegu ei ole|No upcoming|Сейчас мероприятий/);
    // With a known one beside it, its events are listed and the typo still said.
    const mixed = await ctx.app.request('/embed/events?municipality=keila,kiela&lang=en');
    expect(mixed.status).toBe(200);
    const both = await mixed.text();
    expect(both).toContain('Koda has no municipality “kiela”');
    expect(both).toContain(`/events/${EVENT}?lang=en`);
  });

  it('shows a plan in numbers and items', async () => {
    const html = await (await ctx.app.request('/embed/plans/1?lang=en')).text();
    expect(html).toMatch(/<progress max="100" value="\d+"/);
    expect(html).toContain('<ul class="items">');
  });

  it.each([
    `/embed/events/DRAFT`,
    `/embed/plans/DRAFT`,
    '/embed/plans/0',
    '/embed/plans/abc',
    '/embed/plans/99999999999',
    '/embed/recordings/999999',
  ])('%s is 404', async (template) => {
    const path = template.replace(
      'DRAFT',
      template.includes('plans') ? String(draftPlanId) : draftSlug,
    );
    const res = await ctx.app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/Salajane|Mustandkava/);
  });
});

describe('theme and accent', () => {
  it('writes a valid accent into the stylesheet, with readable text on it', async () => {
    const html = await (await ctx.app.request('/embed/events?accent=0A7&theme=dark')).text();
    expect(html).toContain('href="/embed/style.css?theme=dark&amp;accent=00aa77"');
    const css = await (await ctx.app.request('/embed/style.css?theme=dark&accent=00aa77')).text();
    expect(css).toContain('--accent:#00aa77;--accent-ink:#000000;');
    expect(css).toContain('--bg:#121a22');
    const yellow = await (await ctx.app.request('/embed/style.css?accent=%23ffff00')).text();
    expect(yellow).toContain('--accent:#ffff00;--accent-ink:#000000;');
    const navy = await (await ctx.app.request('/embed/style.css?accent=000080')).text();
    expect(navy).toContain('--accent:#000080;--accent-ink:#ffffff;');
  });

  it.each([
    'red',
    '12345',
    'ff0000;}body{display:none',
    '</style><script>alert(1)</script>',
    'ff0000" onload="x',
    'url(https://evil.example/x)',
    '1234567',
  ])(
    'refuses accent %j: the default colours, nothing of it in the page or stylesheet',
    async (accent) => {
      const query = `accent=${encodeURIComponent(accent)}`;
      const html = await (await ctx.app.request(`/embed/events?${query}`)).text();
      expect(html).toContain('href="/embed/style.css"');
      expect(html).not.toContain(accent.slice(0, 6));
      const css = await (await ctx.app.request(`/embed/style.css?${query}`)).text();
      expect(css).toBe(await (await ctx.app.request('/embed/style.css')).text());
    },
  );
});

describe('caching', () => {
  const cached = [
    '/embed/events?municipality=keila',
    `/embed/events/${EVENT}`,
    '/embed/plans/1',
    '/embed.js',
    `/oembed?url=${encodeURIComponent('https://koda.test/plans/1')}`,
    '/api/v1/events?when=upcoming&municipality=keila&perPage=5',
    `/api/v1/events/${EVENT}`,
    '/api/v1/plans/1',
  ];
  it.each(cached)('%s has an ETag, short public caching and answers 304', async (path) => {
    const first = await ctx.app.request(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const again = await ctx.app.request(path, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await ctx.app.request(path, { headers: { 'if-none-match': '"0"' } });
    expect(other.status).toBe(200);
  });

  it('the API answers CORS and CORP for the components on other sites', async () => {
    const res = await ctx.app.request('/api/v1/plans/1', {
      headers: { origin: 'https://keila.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

type OEmbed = Record<string, unknown> & { html: string; title: string };

async function oembed(url: string, extra = ''): Promise<Response> {
  return ctx.app.request(`/oembed?url=${encodeURIComponent(url)}&format=json${extra}`);
}

describe('oEmbed', () => {
  it.each([
    [`https://koda.test/events/${EVENT}`, `https://koda.test/embed/events/${EVENT}?lang=et`],
    ['https://koda.test/recordings/1?t=60', 'https://koda.test/embed/recordings/1?lang=et'],
    ['https://koda.test/plans/1?lang=en', 'https://koda.test/embed/plans/1?lang=en'],
    ['http://koda.test/plans/1/', 'https://koda.test/embed/plans/1?lang=et'],
    [
      'https://koda.test/municipalities/keila?lang=en',
      'https://koda.test/embed/events?municipality=keila&lang=en',
    ],
  ])('%s → a rich oEmbed 1.0 answer framing %s', async (url, src) => {
    const res = await oembed(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as OEmbed;
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'Koda',
      provider_url: 'https://koda.test',
    });
    expect(typeof body.title).toBe('string');
    expect(body.width).toEqual(expect.any(Number));
    expect(body.height).toEqual(expect.any(Number));
    // The html is the iframe and /embed.js, which fits the frame to its content (a CMS may
    // paste nothing else; the browser test frames it for real).
    const [frame, script, ...rest] = body.html.split('\n');
    expect(frame).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    expect(script).toBe('<script src="https://koda.test/embed.js" async></script>');
    expect(rest).toEqual([]);
    expect(body.cache_age).toBe(60);
    const attrs = Object.fromEntries(
      [...frame!.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [
        m[1],
        m[2]!
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      ]),
    );
    expect(attrs.src).toBe(src);
    expect(attrs.title).toBe(body.title);
    expect(Number(attrs.width)).toBe(body.width);
    expect(Number(attrs.height)).toBe(body.height);
    const framed = await ctx.app.request(new URL(src).pathname + new URL(src).search);
    expect(framed.status).toBe(200);
  });

  it('keeps to maxwidth and maxheight', async () => {
    const body = (await (
      await oembed('https://koda.test/plans/1', '&maxwidth=320&maxheight=200')
    ).json()) as OEmbed;
    expect(body.width).toBe(320);
    expect(body.height).toBe(200);
    // /embed.js fits the frame to its content, but no taller than maxheight.
    expect(body.html).toContain(' width="320" height="200" data-koda-max-height="200" ');
    // A small maxheight is kept, not raised (the reviewer's maxheight=50 answered 100).
    const small = (await (
      await oembed(`https://koda.test/events/${EVENT}`, '&maxwidth=80&maxheight=50')
    ).json()) as OEmbed;
    expect([small.width, small.height]).toEqual([80, 50]);
    expect(small.html).toContain(' width="80" height="50" data-koda-max-height="50" ');
    const free = (await (await oembed('https://koda.test/plans/1')).json()) as OEmbed;
    expect(free.html).not.toContain('data-koda-max-height');
  });

  it("names a recording by its event, not only by its own title ('Veebiülekanne')", async () => {
    const body = (await (await oembed('https://koda.test/recordings/1')).json()) as OEmbed;
    const [row] = await ctx.deps.db
      .select({ event: events.title, recording: recordings.title })
      .from(recordings)
      .innerJoin(events, eq(events.id, recordings.eventId))
      .where(eq(recordings.id, 1));
    expect(body.title).toBe(`${row!.event}: ${row!.recording}`);
    const framed = await (await ctx.app.request('/embed/recordings/1')).text();
    expect(framed).toContain(`<title>${body.title} · `);
    expect(body.html).toContain(`title="${body.title}"`);
  });

  it('says an event in the language asked when it has it', async () => {
    const body = (await (
      await oembed(`https://koda.test/events/${EVENT}?lang=en`)
    ).json()) as OEmbed;
    const api = (await (await ctx.app.request(`/api/v1/events/${EVENT}?lang=en`)).json()) as {
      title: string;
    };
    expect(body.title).toBe(api.title);
  });

  it('escapes the title inside the html', async () => {
    await ctx.deps.db
      .update(actionPlans)
      .set({ title: 'Kava "x" <b>&' })
      .where(eq(actionPlans.id, 1));
    try {
      const body = (await (await oembed('https://koda.test/plans/1')).json()) as OEmbed;
      expect(body.title).toBe('Kava "x" <b>&');
      expect(body.html).toContain('title="Kava &quot;x&quot; &lt;b&gt;&amp;"');
      expect(body.html).not.toContain('<b>');
    } finally {
      await ctx.deps.db
        .update(actionPlans)
        .set({ title: 'Rõuge valla avatud valitsemise partnerluse tegevuskava' })
        .where(eq(actionPlans.id, 1));
    }
  });

  it.each([
    'https://evil.example/events/' + EVENT,
    'https://koda.test.evil.example/plans/1',
    'https://user@koda.test/plans/1',
    'https://koda.test/admin/events/' + EVENT,
    'https://koda.test/events',
    'https://koda.test/events/no-such-event',
    'https://koda.test/plans/999999',
    'https://koda.test/municipalities/no-such-town',
    'https://koda.test/plans/0',
    'https://koda.test/recordings/999999',
    'javascript:alert(1)',
    'not a url',
  ])('%s is 404', async (url) => {
    expect((await oembed(url)).status).toBe(404);
  });

  it('a draft event or plan is 404', async () => {
    expect((await oembed(`https://koda.test/events/${draftSlug}`)).status).toBe(404);
    expect((await oembed(`https://koda.test/plans/${draftPlanId}`)).status).toBe(404);
  });

  it('format=xml is 501; no url is 400', async () => {
    const xml = await ctx.app.request(
      `/oembed?url=${encodeURIComponent('https://koda.test/plans/1')}&format=xml`,
    );
    expect(xml.status).toBe(501);
    expect((await ctx.app.request('/oembed?format=json')).status).toBe(400);
  });

  it.each([`/events/${EVENT}`, '/recordings/1', '/plans/1', '/municipalities/keila'])(
    '%s names its oEmbed answer in its head',
    async (path) => {
      const html = await (await ctx.app.request(path)).text();
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(
        html,
      );
      expect(link).not.toBeNull();
      const href = new URL(link![1]!.replace(/&amp;/g, '&'));
      expect(href.origin + href.pathname).toBe('https://koda.test/oembed');
      expect(href.searchParams.get('url')).toBe(`https://koda.test${path}`);
      const res = await ctx.app.request(href.pathname + href.search);
      expect(res.status).toBe(200);
    },
  );
});

describe('snippets on Koda pages', () => {
  const decode = (html: string) =>
    html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  it.each([
    [
      '/municipalities/keila',
      '/embed/events?municipality=keila&lang=et',
      '<koda-events municipality="keila"',
    ],
    [
      `/events/${EVENT}`,
      `/embed/events/${EVENT}?lang=et`,
      `<koda-event slug="${EVENT}" lang="et">`,
    ],
    ['/plans/1?lang=en', '/embed/plans/1?lang=en', '<koda-plan plan="1"'],
  ])('%s offers the iframe and the component, with a live preview', async (path, src, tag) => {
    const res = await ctx.app.request(path);
    const html = await res.text();
    expect(html).toMatch(/<details class="embed-snippets">/);
    const fields = [...html.matchAll(/<textarea [^>]*readonly[^>]*>([^<]*)<\/textarea>/g)];
    const areas = fields.map((match) => decode(match[1]!));
    expect(areas).toHaveLength(2);
    // Each field has a row for every line of its snippet (the browser test measures it).
    for (const [index, field] of fields.entries()) {
      const rows = Number(/ rows="(\d+)"/.exec(field[0])![1]);
      expect(rows).toBeGreaterThan(areas[index]!.split('\n').length);
    }
    expect(html).toMatch(/theme=dark/);
    // What a person copies is HTML: the address in it is escaped once.
    const escapedSrc = src.replace(/&/g, '&amp;');
    expect(areas[0]).toContain(`<iframe src="https://koda.test${escapedSrc}"`);
    expect(areas[0]).toContain('<script src="https://koda.test/embed.js" async></script>');
    expect(areas[1]).toContain('<script src="https://koda.test/embed.js" async></script>');
    expect(areas[1]).toContain(tag);
    expect(areas[1]).toMatch(/<a href="https:\/\/koda\.test\/[^"]+">[^<]+<\/a>/);
    expect(html).toContain(`<iframe src="${escapedSrc}"`);
    // The page may frame its own preview; players and nothing else besides.
    expect(res.headers.get('content-security-policy')).toMatch(/frame-src 'self' https:/);
  });

  it('a draft plan offers nothing to embed', async () => {
    const html = await (await ctx.app.request(`/plans/${draftPlanId}`)).text();
    expect(html).not.toContain('embed-snippets');
    expect(html).not.toContain('json+oembed');
  });
});
