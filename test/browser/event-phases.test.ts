import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { translator } from '@/messages';
import { formatDayTime } from '@/platform/time';
import { createTestContext, type TestContext } from '../helpers/app';
import {
  cspViolations,
  launchChromium,
  openPage,
  serveForBrowser,
  VIEWPORTS,
} from '../helpers/browser';
import { seedPageTypes, type PageType } from './page-types';

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let pageTypes: PageType[];

beforeAll(async () => {
  ctx = await createTestContext();
  pageTypes = await seedPageTypes(ctx);
  server = await serveForBrowser(ctx);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

const top = async (page: Page, selector: string) =>
  (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;

describe('the event page follows the event’s phase, under the real CSP', () => {
  for (const { name: device, viewport } of VIEWPORTS) {
    for (const lang of ['et', 'en'] as const) {
      it(`on a ${device} in ${lang}`, { timeout: 300_000 }, async () => {
        const t = translator(lang);
        const page = await openPage(browser, { viewport, lang });
        const open = async (slug: string) => {
          const response = await page.goto(`${server.url}/events/${slug}?lang=${lang}`);
          expect(response?.status(), slug).toBe(200);
        };

        // Before: date badge, place, seats left, one Register action, one calendar menu.
        await open('pikk-tulevane');
        expect(await page.locator('.event-head .date-badge').count()).toBe(1);
        expect(await page.locator('.event-head .seats-left').innerText()).toContain(
          t('event.seatsLeft', { count: 9 }),
        );
        expect(await page.locator('a.button[href="#registration"]').count()).toBe(1);
        expect(await page.locator('.calendar-menu').count()).toBe(1);
        expect(await page.locator('a[href^="https://calendar.google.com/"]').count()).toBe(1);
        expect(await page.locator('a[href^="webcal://"]').count()).toBe(1);
        // The agenda in time order, whatever order the rows were entered in.
        const rows = await page.locator('table.agenda tbody tr strong').allInnerTexts();
        expect(rows[0]).toBe('Esimene punkt');
        expect(rows[1]).toMatch(/^Teine punkt/);
        // The calendar menu opens without JavaScript's help, and Register leads to the form.
        await page.locator('.calendar-menu summary').click();
        expect(await page.locator('.calendar-menu a[href^="/events/"]').isVisible()).toBe(true);
        await page.locator('a.button[href="#registration"]').click();
        await expect.poll(() => top(page, '#registration-title')).toBeLessThan(viewport.height);

        // Live: the player first, then the agenda item on now; on a desktop the item sits
        // beside the player, in the first screen (issue 14).
        await open('naidis-tartu-mottekoda-otseulekanne-kaib');
        expect(await page.locator('.event-head .badge.live').innerText()).toBe(t('event.liveNow'));
        const player = await page.locator('.live-panel .player').boundingBox();
        const nowOn = await page.locator('.now-on').boundingBox();
        if (!player || !nowOn) throw new Error('no player or no item on now');
        if (device === 'phone') expect(player.y).toBeLessThan(nowOn.y);
        else {
          expect(nowOn.x).toBeGreaterThanOrEqual(player.x + player.width);
          expect(nowOn.y + nowOn.height).toBeLessThan(viewport.height);
        }
        expect(await top(page, '.now-on')).toBeLessThan(await top(page, '#agenda'));
        const now = await page.locator('.now-on a').innerText();
        expect(await page.locator('table.agenda tr.current strong').innerText()).toBe(now);
        expect(await page.locator('a.button[href="#registration"]').count()).toBe(0);
        expect(await page.locator('.calendar-menu').count()).toBe(0);

        // After: what came of it first, then the recording with chapters, then the agenda.
        await open('pikk-toimunud');
        const cameOfIt = await top(page, '#event-came-of-it');
        expect(cameOfIt).toBeLessThan(await top(page, '.live-panel'));
        expect(await top(page, '.live-panel')).toBeLessThan(await top(page, '#agenda'));
        const section = page.locator('.came-of-it');
        expect(await section.locator('.progress[aria-valuenow="37"]').count()).toBe(1);
        expect(await section.innerText()).toContain(t('event.progress', { percent: 37 }));
        expect(await section.innerText()).toContain(
          t('event.lastUpdate', { date: lang === 'et' ? '1. oktoober 2026' : '1 October 2026' }),
        );
        expect(await section.locator('a[href$="/feed.xml"]').count()).toBe(1);
        expect(await page.locator('.live-panel ol.chapters li').count()).toBe(2);
        expect(await page.locator('a.button[href="#registration"], .calendar-menu').count()).toBe(
          0,
        );

        // Cancelled: a banner with the reason; no registration, calendar, join link or seats.
        await open('pikk-ara-jaanud');
        const banner = await page.locator('.banner.danger').innerText();
        expect(banner).toContain(t('event.cancelled'));
        expect(banner).toContain('Saal on remondis');
        for (const selector of [
          '#registration',
          '.calendar-menu',
          'a[href^="https://calendar.google.com/"]',
          'a[href^="webcal://"]',
          'a[href="https://www.youtube.com/watch?v=kodalivedem"]',
          '.seats-left',
          '.live-panel',
        ]) {
          expect(await page.locator(selector).count(), selector).toBe(0);
        }

        // Postponed: the new time in the head and the old one in a banner.
        await open('pikk-edasi-lukatud');
        const old = new Date(ctx.clock.now().getTime() + 2 * 24 * 60 * 60 * 1000);
        expect(await page.locator('.banner.warn').innerText()).toContain(
          formatDayTime(old, 'Europe/Tallinn', lang, { now: ctx.clock.now() }),
        );

        expect(await cspViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  it('prints an agenda without the site, the actions or the player', async () => {
    const page = await openPage(browser, {});
    await page.goto(`${server.url}/events/pikk-tulevane`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.event-actions', '#registration', '.calendar-menu']) {
      expect(await page.isVisible(selector), selector).toBe(false);
    }
    expect(await page.isVisible('table.agenda')).toBe(true);
    await page.close();
    expect(pageTypes.length).toBeGreaterThan(0);
  });
});
