import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { seedDemo } from '../../demo/seed';
import { createTestContext, type TestContext } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

/**
 * A municipality's website on another origin (a second loopback port) embeds Koda: /embed.js
 * twice, <koda-events> and <koda-plan>, a plain iframe and the iframe of an oEmbed answer. Koda's
 * own pages keep their real CSP; the host page has a strict one of its own.
 */

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let ctx: TestContext;
let koda: ServerType;
let kodaUrl: string;
let host: Server;
let hostUrl: string;
let browser: Browser;
let oembedHtml: string;

function hostPage(): string {
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
<h2>Raam</h2>
<iframe id="plan-frame" src="${kodaUrl}/embed/plans/1?lang=en&theme=dark&accent=ffcc00" title="Action plan" width="100%" height="100"></iframe>
<h2>oEmbed</h2>
<div id="oembed">${oembedHtml}</div>
</body>
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
  const answer = await ctx.app.request(
    `/oembed?url=${encodeURIComponent(`${kodaUrl}/events/naidis-keila-linna-foorum-kaasav-eelarve`)}&format=json`,
  );
  oembedHtml = ((await answer.json()) as { html: string }).html;

  host = createServer((_request, response) => {
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      // The host's own strict policy: scripts, data and frames from Koda only, nothing inline
      // but the styles a CMS writes into its pages.
      'Content-Security-Policy': `default-src 'none'; script-src ${kodaUrl}; connect-src ${kodaUrl}; frame-src ${kodaUrl}; style-src 'unsafe-inline'`,
    });
    response.end(hostPage());
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

async function openHost(javaScriptEnabled = true): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.newPage({ locale: 'et-EE', javaScriptEnabled });
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
  await page.goto(hostUrl);
  return { page, problems };
}

function frameOf(page: Page, id: string): Promise<Frame> {
  return page
    .locator(`#${id}`)
    .elementHandle()
    .then(async (handle) => (await handle!.contentFrame())!);
}

describe('embedding Koda on another site', () => {
  it('renders the components from the API, fits the frames, sets no cookie, breaks no CSP', async () => {
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
          target: a.getAttribute('target'),
          rel: a.getAttribute('rel'),
        })),
      };
    });
    expect(events.heading).toBe('Upcoming events');
    expect(events.links[0]).toMatchObject({
      href: `${kodaUrl}/events/naidis-keila-linna-foorum-kaasav-eelarve`,
      target: '_blank',
      rel: 'noopener',
    });
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

    // The iframe starts 100 px high; /embed.js fits it to what the framed page reports.
    const planFrame = await frameOf(page, 'plan-frame');
    const contentHeight = () =>
      planFrame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const frameHeight = () =>
      page.evaluate(() => document.getElementById('plan-frame')!.clientHeight);
    await expect.poll(frameHeight, { timeout: 10_000 }).toBeGreaterThan(150);
    expect(Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
    // …and follows it when the content grows (in view: Chrome pauses the rendering, and so the
    // resize observer, of a cross-origin frame out of view until it is scrolled to).
    await page.locator('#plan-frame').scrollIntoViewIfNeeded();
    const before = await frameHeight();
    await planFrame.evaluate(() => {
      const extra = document.createElement('p');
      extra.textContent = 'x';
      extra.className = 'meta';
      document.querySelector('main')!.append(extra, extra.cloneNode(true), extra.cloneNode(true));
    });
    await expect.poll(frameHeight, { timeout: 10_000 }).toBeGreaterThan(before + 20);
    expect(Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);

    // The oEmbed answer's iframe shows the event card with its Register action.
    const oembedFrame = page.frameLocator('#oembed iframe');
    await expect
      .poll(() => oembedFrame.locator('a.button').getAttribute('href'), { timeout: 10_000 })
      .toBe(`${kodaUrl}/events/naidis-keila-linna-foorum-kaasav-eelarve?lang=et#registration`);

    // The dark theme and the host's accent reached the frame through the stylesheet.
    const accent = await planFrame.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    expect(accent).toBe('#ffcc00');

    // No cookie from Koda, no console error (the script twice is fine), no CSP violation.
    expect(await page.context().cookies()).toEqual([]);
    expect(problems.console).toEqual([]);
    expect(problems.csp).toEqual([]);

    // axe finds nothing serious inside the embed.
    await planFrame.evaluate(axeSource);
    const violations = await planFrame.evaluate(async () => {
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
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
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
