import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { seedDemo } from '../helpers/demo';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { launchChromium, PHONE } from '../helpers/browser';
import { formatWhen } from '@/platform/time';
import { catalogues } from '@/messages';

/**
 * A municipality's website on another origin (a second loopback port) embeds Koda, every kind
 * (events list, one event, plan, recording) every way there is: a plain iframe, the html of
 * an oEmbed answer (fetched as a CMS does and pasted into the page: the frame and /embed.js),
 * and the web component where one exists (<koda-events>, <koda-event>, <koda-plan>); /embed.js
 * is included many times. A second host page, on a phone, has nothing but the oEmbed answers.
 * Koda's own pages keep their real CSP; the host pages have a strict one of their own.
 */

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const EVENT = 'naidis-keila-linna-foorum-kaasav-eelarve';

/** Each kind: the Koda page an editor pastes (oEmbed), the iframe's src, what shows it rendered. */
const KINDS = [
  {
    name: 'events',
    page: '/municipalities/keila',
    iframe: '/embed/events?municipality=keila&lang=en',
    rendered: 'ul.events li h2 a',
  },
  {
    name: 'event',
    page: `/events/${EVENT}`,
    iframe: `/embed/events/${EVENT}?lang=en`,
    rendered: 'a.button[href$="#registration"]',
  },
  {
    name: 'plan',
    page: '/plans/1',
    iframe: '/embed/plans/1?lang=en&theme=dark&accent=ffcc00',
    rendered: 'progress',
  },
  {
    name: 'recording',
    page: '/recordings/1',
    iframe: '/embed/recordings/1?lang=en',
    rendered: 'a.button[href*="/recordings/1"]',
  },
] as const;

/** Every framed embed on the host page: each kind by iframe and by oEmbed. */
const FRAMES = KINDS.flatMap((kind) => [
  { ...kind, id: `${kind.name}-iframe`, lang: 'en' },
  { ...kind, id: `${kind.name}-oembed`, lang: 'et' },
]);

let ctx: TestContext;
let koda: ServerType;
let kodaUrl: string;
let host: Server;
let hostUrl: string;
let browser: Browser;
const oembedHtml = new Map<string, string>();
/** The plan's oEmbed answer for maxheight=200: the frame may not grow past it. */
let cappedPlanHtml = '';

function hostPage(): string {
  const frames = KINDS.map(
    (kind) => `<h2>${kind.name}</h2>
<iframe id="${kind.name}-iframe" src="${kodaUrl}${kind.iframe.replace(/&/g, '&amp;')}" title="${kind.name}" width="100%" height="100"></iframe>
<div id="${kind.name}-oembed">${oembedHtml.get(kind.name)}</div>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="et">
<head>
<meta charset="utf-8">
<title>Keila linn</title>
<script src="${kodaUrl}/embed.js" async></script>
<script src="${kodaUrl}/embed.js" defer></script>
</head>
<body>
<h1>Keila linna koduleht</h1>
<h2>Sündmused</h2>
<koda-events municipality="keila" lang="en" limit="5">
  <a id="fallback" href="${kodaUrl}/municipalities/keila">Keila events on Koda</a>
</koda-events>
<h2>Tegevuskava</h2>
<koda-plan plan="1" lang="en"><a href="${kodaUrl}/plans/1">The plan on Koda</a></koda-plan>
<div id="dark-band">
<koda-event slug="${EVENT}" lang="en" theme="dark" accent="ffcc00"><a href="${kodaUrl}/events/${EVENT}">The forum on Koda</a></koda-event>
</div>
<div style="background:#222;color:#eee;padding:8px">
<koda-events id="dark-host" municipality="keila" lang="ru" limit="2"><a href="${kodaUrl}/municipalities/keila">Keila on Koda</a></koda-events>
</div>
<koda-events id="misspelled" municipality="Keilaa" lang="ru"><a href="${kodaUrl}/events">Koda</a></koda-events>
${frames}
</body>
</html>`;
}

/**
 * What WordPress makes of another site's oEmbed html (wp_filter_oembed_result): the iframe
 * alone, sandboxed, with a secret in its address and on the element.
 */
function asWordPress(html: string): string {
  return html
    .split('\n')[0]!
    .replace(
      / src="([^"]*)"/,
      ' src="$1#?secret=Wp7secret" data-secret="Wp7secret" sandbox="allow-scripts" security="restricted" class="wp-embedded-content"',
    );
}

/** What wp-embed.js (WordPress's host script) does with a frame's messages, in its own terms. */
const WP_EMBED = `window.addEventListener('message', function (e) {
  var d = e.data;
  if (!d || !d.secret || !d.message || !d.value || /[^a-zA-Z0-9]/.test(d.secret)) return;
  var frames = document.querySelectorAll('iframe[data-secret="' + d.secret + '"]');
  for (var i = 0; i < frames.length; i++) {
    var r = frames[i];
    if (e.source !== r.contentWindow) continue;
    r.removeAttribute('style');
    if (d.message === 'height') {
      var s = parseInt(d.value, 10);
      if (s > 1000) s = 1000; else if (~~s < 200) s = 200;
      r.height = s;
    }
    if (d.message === 'link') document.body.setAttribute('data-wp-link', d.value);
  }
});`;

/**
 * A CMS page that pastes only what oEmbed answered (each answer brings its own /embed.js), as
 * an editor sees it on a phone: each kind, the plan once more with maxheight=200, and the event
 * as WordPress pastes it (with WordPress's host script instead of /embed.js).
 */
function oembedOnlyPage(): string {
  const frames = KINDS.map(
    (kind) =>
      `<h2>${kind.name}</h2>\n<div id="${kind.name}-only">${oembedHtml.get(kind.name)}</div>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="et"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Keila</title></head>
<body><h1>Keila linna uudised</h1>
${frames}
<h2>capped</h2><div id="capped-only">${cappedPlanHtml}</div>
<h2>WordPress</h2><div id="wordpress">${asWordPress(oembedHtml.get('event')!)}</div>
<script src="/wp-embed.js"></script>
</body></html>`;
}

/** A page whose frame loads before /embed.js: the test adds the script afterwards. */
function latePage(): string {
  return `<!DOCTYPE html>
<html lang="et"><head><meta charset="utf-8"><title>Hiljem</title></head>
<body><iframe id="late" src="${kodaUrl}/embed/plans/1?lang=en" title="Plan" width="100%" height="100"></iframe></body>
</html>`;
}

beforeAll(async () => {
  // Koda first, on its own port, so its PUBLIC_URL is the address the browser uses.
  const late: { app?: TestContext['app'] } = {};
  koda = await new Promise<ServerType>((resolve) => {
    const server = serve(
      { fetch: (request) => late.app!.fetch(request), port: 0, hostname: '127.0.0.1' },
      () => resolve(server),
    );
  });
  kodaUrl = `http://127.0.0.1:${(koda.address() as AddressInfo).port}`;
  ctx = await createTestContext({ config: { PUBLIC_URL: kodaUrl } });
  late.app = ctx.app;
  await seedDemo(ctx.deps.db, ctx.clock.now());
  // What a CMS does with a pasted address: ask /oembed and put its html into the page.
  for (const kind of KINDS) {
    const answer = await ctx.app.request(
      `/oembed?url=${encodeURIComponent(kodaUrl + kind.page)}&format=json`,
    );
    oembedHtml.set(kind.name, ((await answer.json()) as { html: string }).html);
  }
  const capped = await ctx.app.request(
    `/oembed?url=${encodeURIComponent(`${kodaUrl}/plans/1`)}&format=json&maxheight=200`,
  );
  cappedPlanHtml = ((await capped.json()) as { html: string }).html;

  host = createServer((request, response) => {
    if (request.url === '/wp-embed.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(WP_EMBED);
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      // The host's own strict policy: scripts, data and frames from Koda only, nothing inline
      // but the styles a CMS writes into its pages.
      'Content-Security-Policy': `default-src 'none'; script-src 'self' ${kodaUrl}; connect-src ${kodaUrl}; frame-src ${kodaUrl}; style-src 'unsafe-inline'`,
    });
    const pages: Record<string, () => string> = {
      '/late': latePage,
      '/oembed-only': oembedOnlyPage,
    };
    response.end((pages[request.url ?? ''] ?? hostPage)());
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (koda ? koda.close(() => resolve()) : resolve()));
  await ctx?.close();
});

type Problems = { console: string[]; csp: string[] };

async function openHost(
  javaScriptEnabled = true,
  path = '',
  viewport?: { width: number; height: number },
): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.newPage({ locale: 'et-EE', javaScriptEnabled, viewport });
  // The browser's clock is Koda's (the components say "past" and leave out this year by it).
  await page.clock.setFixedTime(new Date(TEST_NOW));
  const problems: Problems = { console: [], csp: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(String(error)));
  await page.exposeFunction('__reportCsp', (text: string) => problems.csp.push(text));
  // In every frame, the host page and Koda's: any blocked script, style or frame is reported.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCsp(text: string): void }).__reportCsp(
        `${location.origin}: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  await page.goto(hostUrl + path);
  return { page, problems };
}

/**
 * The serious and critical WCAG 2.1 A/AA violations axe finds in a frame, or only in the
 * elements `include` selects (the components, shadow roots and all).
 */
async function seriousAxeViolations(frame: Frame | Page, include?: string[]): Promise<string[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; impact: string | null }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(include ? { include: include.map((s) => [s]) } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  }, include);
}

/** How far a frame's box is from its content's height, in pixels. */
async function frameGap(page: Page, selector: string): Promise<number> {
  const element = page.locator(selector);
  const framed = (await (await element.elementHandle())!.contentFrame())!;
  const content = await framed.evaluate(() =>
    Math.ceil(document.documentElement.getBoundingClientRect().height),
  );
  return Math.abs((await element.evaluate((iframe) => iframe.clientHeight)) - content);
}

describe('embedding Koda on another site', () => {
  it('renders every kind by iframe, oEmbed and component; fits the frames; no cookie, console or CSP error; axe clean', async () => {
    const { page, problems } = await openHost();

    // <koda-events>: a heading and a list of real links from /api/v1/events, in a shadow root.
    await page.waitForFunction(
      () => document.querySelector('koda-events')?.shadowRoot?.querySelector('li') !== null,
      undefined,
      { timeout: 15_000 },
    );
    const events = await page.evaluate(() => {
      const root = document.querySelector('koda-events')!.shadowRoot!;
      return {
        heading: root.querySelector('h2')?.textContent,
        links: [...root.querySelectorAll('li a')].map((a) => ({
          text: a.textContent,
          href: a.getAttribute('href'),
        })),
      };
    });
    expect(events.heading).toBe('Upcoming events');
    expect(events.links[0]).toMatchObject({ href: `${kodaUrl}/events/${EVENT}?lang=en` });
    expect(events.links[0]!.text).toContain('Keila linna foorum');
    // The light-DOM fallback link is not drawn once the component has rendered.
    expect(await page.locator('#fallback').isVisible()).toBe(false);

    // <koda-plan>: the plan's numbers and its items from /api/v1/plans/1.
    await page.waitForFunction(
      () => document.querySelector('koda-plan')?.shadowRoot?.querySelector('progress') !== null,
      undefined,
      { timeout: 15_000 },
    );
    const plan = await page.evaluate(() => {
      const root = document.querySelector('koda-plan')!.shadowRoot!;
      return {
        title: root.querySelector('h2')?.textContent,
        items: root.querySelectorAll('li').length,
        progress: root.querySelector('p:nth-of-type(2)')?.textContent,
      };
    });
    expect(plan.title).toContain('tegevuskava');
    expect(plan.items).toBeGreaterThan(0);
    expect(plan.progress).toMatch(/^\d+ of \d+ actions done/);

    // Every link the components draw opens Koda in a new tab.
    const componentLinks = await page.evaluate(() =>
      ['koda-events', 'koda-plan'].flatMap((tag) =>
        [...document.querySelector(tag)!.shadowRoot!.querySelectorAll('a')].map(
          (a) => `${a.target} ${a.rel}`,
        ),
      ),
    );
    expect(componentLinks.length).toBeGreaterThan(1);
    expect(new Set(componentLinks)).toEqual(new Set(['_blank noopener']));

    // <koda-event>: one event as a card, its date said as the pages say it, its Register
    // action; dark, with the host's accent.
    await page.waitForFunction(
      () => document.querySelector('koda-event')?.shadowRoot?.querySelector('article') !== null,
      undefined,
      { timeout: 15_000 },
    );
    const api = (await (await ctx.app.request(`/api/v1/events/${EVENT}?lang=en`)).json()) as {
      title: string;
      startsAt: string;
      endsAt: string;
      timezone: string;
    };
    const card = await page.evaluate(() => {
      const root = document.querySelector('koda-event')!.shadowRoot!;
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        title: root.querySelector('h2 a')?.firstChild?.textContent,
        time: root.querySelector('time')?.textContent,
        register: root.querySelector('a.button')?.getAttribute('href'),
        link: style('h2 a').color,
        background: getComputedStyle(document.querySelector('koda-event')!).backgroundColor,
        button: [style('a.button').backgroundColor, style('a.button').color],
      };
    });
    expect(card).toEqual({
      title: api.title,
      time: formatWhen(new Date(api.startsAt), new Date(api.endsAt), api.timezone, 'en', {
        now: new Date(TEST_NOW),
      }),
      register: `${kodaUrl}/events/${EVENT}?lang=en#registration`,
      link: 'rgb(140, 196, 255)',
      background: 'rgb(18, 26, 34)',
      button: ['rgb(255, 204, 0)', 'rgb(0, 0, 0)'],
    });
    // Without a theme on a dark host page, links take the host's light text colour (LinkText,
    // a dark blue, was unreadable there); axe below checks their contrast too.
    await page.waitForFunction(
      () => document.querySelector('#dark-host')?.shadowRoot?.querySelector('li') !== null,
      undefined,
      { timeout: 15_000 },
    );
    const darkLinks = await page.evaluate(() =>
      [...document.querySelector('#dark-host')!.shadowRoot!.querySelectorAll('a')].map(
        (a) => getComputedStyle(a).color,
      ),
    );
    expect(darkLinks.length).toBeGreaterThan(1);
    expect(new Set(darkLinks)).toEqual(new Set(['rgb(238, 238, 238)']));
    // A misspelt municipality is said in the component's language, as the frame says it.
    await page.waitForFunction(
      () => document.querySelector('#misspelled')?.shadowRoot?.querySelector('h2') != null,
      undefined,
      { timeout: 15_000 },
    );
    const misspelled = await page.evaluate(() => {
      const root = document.querySelector('#misspelled')!.shadowRoot!;
      return {
        paragraphs: [...root.querySelectorAll('p')].map((p) => p.textContent),
        more: root.querySelector('a')?.getAttribute('href'),
      };
    });
    expect(misspelled).toEqual({
      paragraphs: [
        catalogues.ru['embeds.events.unknownMunicipality'].replace('{name}', 'Keilaa'),
        expect.stringContaining(catalogues.ru['embeds.events.all']),
      ],
      more: `${kodaUrl}/events?lang=ru`,
    });
    // The components' content, shadow roots and all, and the dark card's contrast.
    expect(await seriousAxeViolations(page, ['koda-events', 'koda-event', 'koda-plan'])).toEqual(
      [],
    );

    // Every kind, framed both ways: rendered in its language, fitted to its content (the
    // iframes start 100 px high, oEmbed's at its default size), links in a new tab, axe clean.
    for (const frame of FRAMES) {
      const element = page.locator(`iframe#${frame.id}, #${frame.id} > iframe`);
      // In view: Chrome loads a lazy frame, and runs a cross-origin frame's resize observer,
      // only near the viewport.
      await element.scrollIntoViewIfNeeded();
      const framed = (await (await element.elementHandle())!.contentFrame())!;
      await framed.waitForSelector(frame.rendered, { state: 'attached', timeout: 10_000 });
      const contentHeight = () =>
        framed.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const gap = async () =>
        Math.abs(
          (await element.evaluate((iframe) => iframe.clientHeight)) - (await contentHeight()),
        );
      await expect.poll(gap, { timeout: 10_000, message: frame.id }).toBeLessThanOrEqual(1);
      const inside = await framed.evaluate(() => ({
        lang: document.documentElement.lang,
        links: [...document.querySelectorAll('a')].map((a) => `${a.target} ${a.rel}`),
      }));
      expect(inside.lang, frame.id).toBe(frame.lang);
      expect(new Set(inside.links), frame.id).toEqual(new Set(['_blank noopener']));
      expect(await seriousAxeViolations(framed), frame.id).toEqual([]);
    }

    // The plan's frame follows its content when it grows…
    const planFrame = page.locator('#plan-iframe');
    const planDocument = (await (await planFrame.elementHandle())!.contentFrame())!;
    await planFrame.scrollIntoViewIfNeeded();
    const frameHeight = () => planFrame.evaluate((iframe) => iframe.clientHeight);
    const before = await frameHeight();
    await planDocument.evaluate(() => {
      const extra = document.createElement('p');
      extra.textContent = 'x';
      extra.className = 'meta';
      document.querySelector('main')!.append(extra, extra.cloneNode(true), extra.cloneNode(true));
    });
    await expect.poll(frameHeight, { timeout: 10_000 }).toBeGreaterThan(before + 20);
    // …and shows the dark theme with the host's accent, through the stylesheet.
    const look = await planDocument.evaluate(() => ({
      accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(look).toEqual({ accent: '#ffcc00', background: 'rgb(18, 26, 34)' });

    // No cookie from Koda (every frame asked ?lang=), no console error (the script twice is
    // fine), no CSP violation in any frame.
    expect(await page.context().cookies()).toEqual([]);
    expect(problems.console).toEqual([]);
    expect(problems.csp).toEqual([]);
    await page.close();
  });

  it('the oEmbed html alone fits its frames on a phone, within maxheight, in WordPress too; no cookie, console or CSP error', async () => {
    const { page, problems } = await openHost(true, 'oembed-only', PHONE);
    for (const kind of KINDS) {
      const selector = `#${kind.name}-only > iframe`;
      await page.locator(selector).scrollIntoViewIfNeeded();
      const framed = (await (await page.locator(selector).elementHandle())!.contentFrame())!;
      await framed.waitForSelector(kind.rendered, { state: 'attached', timeout: 10_000 });
      await expect
        .poll(() => frameGap(page, selector), { timeout: 10_000, message: kind.name })
        .toBeLessThanOrEqual(1);
    }
    // The event card's Register button shows whole inside its frame ("Registreeru", et).
    const eventFrame = page.locator('#event-only > iframe');
    const register = await (await eventFrame.elementHandle())!
      .contentFrame()
      .then((frame) => frame!.locator('a.button[href$="#registration"]'));
    expect(await register.textContent()).toContain('Registreeru');
    const box = (await register.boundingBox())!;
    const frameBox = (await eventFrame.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
    // maxheight=200: the taller plan is not grown past it (it scrolls inside).
    const capped = page.locator('#capped-only > iframe');
    await capped.scrollIntoViewIfNeeded();
    await expect
      .poll(() => capped.evaluate((f) => f.style.height), { timeout: 10_000 })
      .toBe('200px');
    expect(await capped.evaluate((f) => f.clientHeight)).toBe(200);
    // As WordPress pastes it (sandboxed, no /embed.js): fitted by WordPress's own script, and a
    // link opens through it (the sandbox opens no new tab).
    const wordpress = '#wordpress > iframe';
    await page.locator(wordpress).scrollIntoViewIfNeeded();
    await expect
      .poll(() => frameGap(page, wordpress), { timeout: 10_000, message: 'wordpress' })
      .toBeLessThanOrEqual(1);
    const wpFrame = (await (await page.locator(wordpress).elementHandle())!.contentFrame())!;
    await wpFrame.locator('a.button').click();
    expect(await page.locator('body').getAttribute('data-wp-link')).toBe(
      `${kodaUrl}/events/${EVENT}?lang=et#registration`,
    );
    expect(await page.context().cookies()).toEqual([]);
    expect(problems.console).toEqual([]);
    expect(problems.csp).toEqual([]);
    await page.close();
  });

  it.each([
    ['ru', PHONE, `/events/${EVENT}?lang=ru`],
    ['et', { width: 1280, height: 800 }, '/municipalities/keila'],
  ] as const)('the snippets show whole on Koda (%s, %o)', async (_lang, viewport, path) => {
    const page = await browser.newPage({ viewport });
    await page.goto(kodaUrl + path);
    await page.locator('details.embed-snippets > summary').click();
    const fields = await page.locator('details.embed-snippets textarea').evaluateAll((areas) =>
      areas.map((area) => ({
        hidden: area.scrollHeight - area.clientHeight,
        script: (area as HTMLTextAreaElement).value.includes('<script'),
      })),
    );
    expect(fields).toHaveLength(2);
    for (const field of fields) expect(field).toEqual({ hidden: 0, script: true });
    await page.close();
  });

  it('/embed.js that starts after a frame reported its height still fits the frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}late`);
    const frame = page.locator('#late');
    const framed = (await (await frame.elementHandle())!.contentFrame())!;
    // The frame has loaded and reported its height, to no one.
    await framed.waitForLoadState('load');
    await framed.waitForFunction(() => 'kodaHeight' in document);
    await page.addScriptTag({ url: `${kodaUrl}/embed.js` });
    await expect
      .poll(() => frame.evaluate((iframe) => iframe.clientHeight), { timeout: 10_000 })
      .toBeGreaterThan(150);
    await page.close();
  });

  it('without JavaScript the component is its plain link', async () => {
    const { page } = await openHost(false);
    const fallback = page.locator('#fallback');
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.getAttribute('href')).toBe(`${kodaUrl}/municipalities/keila`);
    await page.close();
  });

  it('/embed.js stays small', async () => {
    const script = await (await ctx.app.request('/embed.js')).text();
    const frame = await (await ctx.app.request('/embed/frame.js')).text();
    expect(gzipSync(script).length).toBeLessThan(10 * 1024);
    expect(gzipSync(frame).length).toBeLessThan(1024);
  });
});
