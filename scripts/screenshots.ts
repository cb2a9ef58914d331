/**
 * `npm run screenshots`: regenerates docs/screenshots/ — the main pages of the demo on a phone
 * (390×844) and a desktop (1280×800), the first screen each, as a resident sees it. Runs the app
 * on an in-memory PGlite with the demo programme and a fixed clock, and drives Debian's Chromium
 * (/usr/bin/chromium, the one the browser tests use) under the page's real CSP.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config';
import { fixedClock } from '../src/platform/clock';
import { fromPglite } from '../src/platform/db/pglite';
import { migrateDatabase } from '../src/platform/db/migrate';
import { memoryLog } from '../src/platform/log';
import { noMailer } from '../src/platform/mail/mailer';
import { localFileStore } from '../src/platform/files/local';
import { seedDemo } from '../demo/seed';

/** A Thursday in late November: the demo has an event on now, two ahead and ten years behind. */
const NOW = '2026-11-26T12:00:00Z';
const OUT = new URL('../docs/screenshots/', import.meta.url);

export const SCREENSHOT_PAGES = [
  { name: 'home', path: '/' },
  { name: 'events', path: '/events' },
  { name: 'event-before', path: '/events/naidis-keila-linna-foorum-kaasav-eelarve' },
  { name: 'event-live', path: '/events/naidis-tartu-mottekoda-otseulekanne-kaib' },
  { name: 'event-after', path: '/events/mottekoda-keilas' },
  { name: 'plan', path: '/plans/1' },
  { name: 'municipality', path: '/municipalities/keila' },
  { name: 'archive', path: '/archive' },
] as const;

/** What an embedded player shows before it plays, drawn here (the screenshots stay offline). */
const PLAYER_AT_REST = `<!doctype html><html><body style="margin:0;height:100vh;display:grid;place-items:center;background:#111">
<svg width="68" height="48" viewBox="0 0 68 48" aria-hidden="true"><rect width="68" height="48" rx="12" fill="#fff" fill-opacity=".2"/><path d="M27 14v20l18-10z" fill="#fff"/></svg>
</body></html>`;

const DEVICES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 1 },
  {
    name: 'desktop',
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    deviceScaleFactor: 1,
  },
] as const;

const database = fromPglite(await PGlite.create());
await migrateDatabase(database);
const clock = fixedClock(NOW);
const files = localFileStore(mkdtempSync(join(tmpdir(), 'koda-screenshots-')));
await seedDemo(database.db, clock.now(), files);
const app = createApp({
  db: database.db,
  config: parseConfig({ PUBLIC_URL: 'https://koda.example', LOG_LEVEL: 'silent' }),
  clock,
  mailer: noMailer,
  log: memoryLog(),
  files,
});
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
mkdirSync(OUT, { recursive: true });
try {
  for (const device of DEVICES) {
    const context = await browser.newContext({
      viewport: device.viewport,
      isMobile: device.isMobile,
      deviceScaleFactor: device.deviceScaleFactor,
      locale: 'et-EE',
    });
    // Embedded players come from other sites, which this machine may not reach: their frame
    // shows a player at rest (a play button on black) instead of an empty box; anything else, nothing.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html', body: PLAYER_AT_REST })
        : route.fulfill({ status: 204 }),
    );
    const page = await context.newPage();
    for (const { name, path } of SCREENSHOT_PAGES) {
      const response = await page.goto(base + path);
      if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
      const file = new URL(`${name}-${device.name}.png`, OUT);
      await page.screenshot({ path: file.pathname });
      console.log(`docs/screenshots/${name}-${device.name}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  await database.close();
}
