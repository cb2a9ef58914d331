import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiRequest, created } from '../helpers/api';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { launchChromium } from '../helpers/browser';

/**
 * An event and a plan item written in Russian only, shown by <koda-events>, <koda-event> and
 * <koda-plan> on an Estonian host page (another origin, a strict CSP): each untranslated text is
 * marked lang="ru" inside the element's shadow root; a Russian element marks nothing, and an
 * English one shows the plan's English title unmarked.
 */

const EVENT = 'Форум Кейлы о дорогах';
const SUMMARY = 'Обсуждаем дорогу к школе.';
const VENUE = 'Дом культуры Кейлы';
const PLAN = 'План Кейлы';
const ITEM = 'Ремонт дороги к школе';

let ctx: TestContext;
let koda: ServerType;
let kodaUrl: string;
let host: Server;
let hostUrl: string;
let browser: Browser;
let slug: string;
let planId: number;

beforeAll(async () => {
  const late: { app?: TestContext['app'] } = {};
  koda = await new Promise<ServerType>((resolve) => {
    const server = serve(
      { fetch: (request) => late.app!.fetch(request), port: 0, hostname: '127.0.0.1' },
      () => resolve(server),
    );
  });
  kodaUrl = `http://127.0.0.1:${(koda.address() as AddressInfo).port}`;
  ctx = await createTestContext({ demo: true, config: { PUBLIC_URL: kodaUrl } });
  late.app = ctx.app;
  const keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const send = (method: string, path: string, body?: unknown) =>
    apiRequest(ctx, method, path, body, keila);
  slug = String(
    (
      await created(
        await send('POST', '/events', {
          kind: 'think_tank',
          title: { ru: EVENT },
          summary: { ru: SUMMARY },
          venue: { name: { ru: VENUE } },
          startsAt: '2026-11-27T09:00',
          endsAt: '2026-11-27T10:00',
          hosts: ['keila'],
          status: 'published',
        }),
      )
    ).slug,
  );
  planId = (
    await created(
      await send('POST', '/municipalities/keila/plans', {
        title: { ru: PLAN, en: 'Keila plan' },
        periodStart: '2026-01-01',
        periodEnd: '2027-12-31',
      }),
    )
  ).id;
  await created(await send('POST', `/plans/${planId}/items`, { title: { ru: ITEM } }));
  expect((await send('PATCH', `/plans/${planId}`, { status: 'adopted' })).status).toBe(200);

  host = createServer((_request, response) => {
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src ${kodaUrl}; connect-src ${kodaUrl}; style-src 'unsafe-inline'`,
    });
    response.end(`<!DOCTYPE html>
<html lang="et"><head><meta charset="utf-8"><title>Keila</title>
<script src="${kodaUrl}/embed.js" defer></script></head>
<body><h1>Keila</h1>
<koda-events id="events-et" municipality="keila" kind="think_tank" limit="20"><a href="${kodaUrl}/events">Koda</a></koda-events>
<koda-event id="event-et" slug="${slug}"><a href="${kodaUrl}/events/${slug}">Koda</a></koda-event>
<koda-event id="event-ru" slug="${slug}" lang="ru"><a href="${kodaUrl}/events/${slug}">Koda</a></koda-event>
<koda-plan id="plan-et" plan="${planId}"><a href="${kodaUrl}/plans/${planId}">Koda</a></koda-plan>
<koda-plan id="plan-ru" plan="${planId}" lang="ru"><a href="${kodaUrl}/plans/${planId}">Koda</a></koda-plan>
<koda-plan id="plan-en" plan="${planId}" lang="en"><a href="${kodaUrl}/plans/${planId}">Koda</a></koda-plan>
</body></html>`);
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

describe('web components on another language’s page', () => {
  it('mark the untranslated titles, summary and venue with their language', async () => {
    const page = await browser.newPage();
    await page.clock.setFixedTime(new Date(TEST_NOW));
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(hostUrl);
    const ids = ['events-et', 'event-et', 'event-ru', 'plan-et', 'plan-ru', 'plan-en'];
    await page.waitForFunction(
      (ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('h2')),
      ids,
      { timeout: 15_000 },
    );
    // Each element's marked texts: [the marked element's parent, its lang, its text].
    const marked = await page.evaluate((ids) => {
      const out: Record<string, string[][]> = {};
      for (const id of ids) {
        const root = document.getElementById(id)!.shadowRoot!;
        out[id] = [...root.querySelectorAll('[lang]')].map((node) => [
          node.parentElement!.tagName.toLowerCase(),
          node.getAttribute('lang')!,
          node.textContent!,
        ]);
      }
      return out;
    }, ids);
    expect(marked['events-et']).toContainEqual(['a', 'ru', EVENT]);
    expect(marked['events-et']).toContainEqual(['p', 'ru', VENUE]);
    expect(marked['event-et']).toEqual([
      ['a', 'ru', EVENT],
      ['p', 'ru', VENUE],
      ['p', 'ru', SUMMARY],
    ]);
    expect(marked['event-ru']).toEqual([]);
    expect(marked['plan-et']).toEqual([
      ['a', 'ru', PLAN],
      ['h3', 'ru', ITEM],
    ]);
    expect(marked['plan-ru']).toEqual([]);
    expect(marked['plan-en']).toEqual([['h3', 'ru', ITEM]]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
