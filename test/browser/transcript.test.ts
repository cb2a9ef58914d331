import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import {
  checkHtml,
  cspViolations,
  DESKTOP,
  launchChromium,
  openPage,
  PHONE,
  serveForBrowser,
} from '../helpers/browser';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
Tere tulemast Keila mõttekotta.

00:21:05.900 --> 00:21:09.000
<v Linnapea>Kaasav eelarve on meie tähtsaim teema, ja selle üle arutame täna pikalt ja põhjalikult.
`;

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let fileRecording: number;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const created = await ctx.app.request('/api/v1/events/mottekoda-keilas/recordings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: keila },
    body: JSON.stringify({ url: 'https://media.example.org/keila.mp4', title: 'Saalist' }),
  });
  fileRecording = ((await created.json()) as { id: number }).id;
  for (const id of [1, fileRecording]) {
    for (const lang of ['et', 'ru']) {
      const res = await ctx.app.request(`/api/v1/recordings/${id}/captions/${lang}`, {
        method: 'PUT',
        headers: { 'content-type': 'text/vtt', authorization: keila },
        body: VTT,
      });
      expect(res.status).toBe(201);
    }
  }
  server = await serveForBrowser(ctx);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
};

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (
      await axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      })
    ).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('transcript, search and captions pages', () => {
  it('pass axe on a phone under the real CSP, without sideways scrolling, and the Nu checker', async () => {
    const cookie = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const paths = [
      { path: '/recordings/1/transcript' },
      { path: `/recordings/${fileRecording}/transcript?captions=ru&lang=ru&t=1265` },
      { path: '/search?q=Keila+2014+kaasav' },
      { path: `/admin/events/mottekoda-keilas/recordings/${fileRecording}/captions`, cookie },
    ];
    const documents: { name: string; html: string }[] = [];
    for (const { path, cookie: session } of paths) {
      const page = await openPage(browser, {
        viewport: session ? DESKTOP : PHONE,
        headers: session ? { cookie: session } : undefined,
      });
      const response = await page.goto(server.url + path);
      expect(response?.status(), path).toBe(200);
      expect(await seriousViolations(page), path).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        `${path}: no sideways scrolling`,
      ).toBeLessThanOrEqual(1);
      expect(await cspViolations(page), path).toEqual([]);
      documents.push({ name: path, html: (await response?.text()) ?? '' });
      await page.close();
    }
    expect(checkHtml(documents)).toEqual([]);
  });

  it('marks the cue being said while an embedded YouTube player plays (its postMessage time, no player script)', async () => {
    const page = await openPage(browser, { viewport: DESKTOP });
    // A stand-in for the YouTube player in its frame, from its own origin: it answers the
    // page's "listening" message as the IFrame API does, with the current time.
    const asked: string[] = [];
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>player</title><script>
          addEventListener('message', function (event) {
            var data = JSON.parse(event.data);
            if (data.event !== 'listening') return;
            event.source.postMessage(JSON.stringify({ event: 'infoDelivery', info: { currentTime: 1266.5 } }), '*');
          });
        </script>`,
      }),
    );
    page.on('request', (request) => {
      if (request.url().includes('youtube')) asked.push(request.url());
    });
    await page.goto(`${server.url}/recordings/1/transcript`);
    const current = page.locator('li[data-cue][aria-current="true"]');
    await current.waitFor({ timeout: 15_000 });
    expect(await current.textContent()).toContain('Kaasav eelarve on meie tähtsaim teema');
    expect(await page.locator('li[data-cue][aria-current="true"]').count()).toBe(1);
    expect(asked.every((url) => url.startsWith('https://www.youtube-nocookie.com/embed/'))).toBe(
      true,
    );
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('marks the cue being said while an embedded Vimeo player plays (its timeupdate message)', async () => {
    const keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const created = await ctx.app.request('/api/v1/events/mottekoda-keilas/recordings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: keila },
      body: JSON.stringify({ url: 'https://vimeo.com/76979871', title: 'Vimeos' }),
    });
    expect(created.status).toBe(201);
    const vimeo = ((await created.json()) as { id: number }).id;
    const captions = await ctx.app.request(`/api/v1/recordings/${vimeo}/captions/et`, {
      method: 'PUT',
      headers: { 'content-type': 'text/vtt', authorization: keila },
      body: VTT,
    });
    expect(captions.status).toBe(201);
    const page = await openPage(browser, { viewport: DESKTOP });
    // A stand-in for the Vimeo player in its frame, from its own origin: it says it is ready, and
    // answers "addEventListener timeupdate" as player.vimeo.com does, with the seconds played.
    const asked: string[] = [];
    await page.route('https://player.vimeo.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>player</title><script>
          parent.postMessage(JSON.stringify({ event: 'ready', player_id: 'player' }), '*');
          addEventListener('message', function (event) {
            var data = JSON.parse(event.data);
            if (data.method !== 'addEventListener' || data.value !== 'timeupdate') return;
            event.source.postMessage(JSON.stringify({ event: 'timeupdate', data: { seconds: 1266.5, percent: 0.5, duration: 2533 } }), '*');
          });
        </script>`,
      }),
    );
    page.on('request', (request) => {
      if (request.url().includes('vimeo')) asked.push(request.url());
    });
    await page.goto(`${server.url}/recordings/${vimeo}/transcript`);
    const current = page.locator('li[data-cue][aria-current="true"]');
    await current.waitFor({ timeout: 15_000 });
    expect(await current.textContent()).toContain('Kaasav eelarve on meie tähtsaim teema');
    expect(await page.locator('li[data-cue][aria-current="true"]').count()).toBe(1);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((url) => url.startsWith('https://player.vimeo.com/video/76979871'))).toBe(
      true,
    );
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('reads without JavaScript: each cue a link that starts the player at its second', async () => {
    const page = await openPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await page.goto(`${server.url}/recordings/${fileRecording}/transcript`);
    await page.getByRole('link', { name: '21:05' }).click();
    expect(new URL(page.url()).searchParams.get('t')).toBe('1265');
    const track = page.locator('video track[kind="captions"][srclang="et"]');
    expect(await track.getAttribute('src')).toBe(`/recordings/${fileRecording}/captions/et.vtt`);
    await page.close();
  });

  it('plays the speakers as WebVTT voices in Chromium, a name with <, & and > included', async () => {
    const keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const put = await ctx.app.request(`/api/v1/recordings/${fileRecording}/captions/en`, {
      method: 'PUT',
      headers: { 'content-type': 'text/vtt', authorization: keila },
      body: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A &lt;b&gt; &amp; C>Hello <v Mari>Tere\n',
    });
    expect(put.status).toBe(201);
    const page = await openPage(browser, { viewport: DESKTOP });
    await page.goto(`${server.url}/recordings/${fileRecording}?lang=en`);
    const voices = await page.evaluate(async (src) => {
      const video = document.createElement('video');
      const track = document.createElement('track');
      track.kind = 'captions';
      track.src = src;
      video.append(track);
      document.body.append(video);
      track.track.mode = 'hidden';
      await new Promise((resolve, reject) => {
        track.addEventListener('load', resolve);
        track.addEventListener('error', reject);
      });
      return [...(track.track.cues ?? [])].map((cue) =>
        [...(cue as VTTCue).getCueAsHTML().querySelectorAll('span[title]')].map((span) => [
          span.getAttribute('title'),
          span.textContent?.trim(),
        ]),
      );
    }, `/recordings/${fileRecording}/captions/en.vtt`);
    expect(voices).toEqual([
      [
        ['A <b> & C', 'Hello'],
        ['Mari', 'Tere'],
      ],
    ]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
