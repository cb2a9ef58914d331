import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import {
  cspViolations,
  DESKTOP,
  horizontalOverflow,
  inFirstScreen,
  launchChromium,
  openPage,
  PHONE,
  serveForBrowser,
} from '../helpers/browser';
import { seedPageTypes, type PageType } from './page-types';
import { languages, type Lang } from '@/platform/i18n';

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let pageTypes: PageType[];
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  pageTypes = await seedPageTypes(ctx);
  cookie = await sessionFor(ctx, { role: 'admin' });
  server = await serveForBrowser(ctx);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

/** Russian is checked on a phone only: its longer words test the narrow screen, and CI time counts. */
const DESKTOP_LANGS = ['et', 'en'] as const;

function withLang(path: string, lang: Lang): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/**
 * Opens every page type in one viewport and language (one browser page for the public, one
 * with an organizer's session for the admin pages) and collects what `check` finds wrong.
 */
async function sweep(
  options: { viewport: { width: number; height: number }; lang: Lang },
  check: (page: Page, type: PageType) => Promise<string[]>,
): Promise<string[]> {
  const publicPage = await openPage(browser, options);
  // The session as the browser keeps it: a Cookie header of our own would be merged with the
  // lang cookie the first page sets into one the server cannot read (every admin page after the
  // first was the login page).
  const adminPage = await openPage(browser, options);
  const [name, value] = cookie.split('=') as [string, string];
  await adminPage.context().addCookies([{ name, value, url: server.url }]);
  const problems: string[] = [];
  try {
    for (const type of pageTypes) {
      const page = type.admin ? adminPage : publicPage;
      const response = await page.goto(server.url + withLang(type.path, options.lang));
      if (response?.status() !== 200) {
        problems.push(`${type.name}: ${type.path} answered ${response?.status()}`);
        continue;
      }
      if (type.admin && new URL(page.url()).pathname === '/admin/login') {
        problems.push(`${type.name}: ${type.path} led to the login page`);
        continue;
      }
      problems.push(...(await check(page, type)).map((problem) => `${type.name}: ${problem}`));
    }
  } finally {
    await publicPage.close();
    await adminPage.close();
  }
  return problems;
}

/** What the CSP blocked and how far the page scrolls sideways. */
async function layoutProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const blocked = await cspViolations(page);
  if (blocked.length > 0) problems.push(`CSP ${blocked.join(', ')}`);
  const overflow = await horizontalOverflow(page);
  if (overflow.px > 0) {
    problems.push(`${overflow.px} px too wide (${overflow.culprits.join('; ')})`);
  }
  return problems;
}

describe('every page type as people see it, under the real CSP', () => {
  for (const lang of languages) {
    it(`on a phone in ${lang}: nothing blocked by the CSP, no sideways scrolling even with very long words and addresses, the main action in the first screen`, async () => {
      const problems = await sweep({ viewport: PHONE, lang }, async (page, type) => [
        ...(await layoutProblems(page)),
        ...((await inFirstScreen(page, type.main))
          ? []
          : [`${type.main} is not in the first screen`]),
      ]);
      expect(problems).toEqual([]);
    }, 600_000);
  }
  for (const lang of DESKTOP_LANGS) {
    it(`on a desktop in ${lang}: nothing blocked by the CSP, no sideways scrolling`, async () => {
      expect(await sweep({ viewport: DESKTOP, lang }, layoutProblems)).toEqual([]);
    }, 600_000);
  }

  it('the phone header takes at most two rows and shows every link whole', async () => {
    for (const lang of languages) {
      const page = await openPage(browser, { viewport: PHONE, lang });
      await page.goto(`${server.url}/?lang=${lang}`);
      const header = await page.evaluate(() => {
        // Rows: boxes that overlap vertically share a row.
        const boxes = Array.from(document.querySelectorAll('.site-header .brand, .site-header a'))
          .map((element) => element.getBoundingClientRect())
          .sort((a, b) => a.top - b.top);
        let rows = 0;
        let bottom = -Infinity;
        for (const box of boxes) {
          if (box.top >= bottom) rows++;
          bottom = Math.max(bottom, box.bottom);
        }
        const list = document.querySelector('.site-header nav ul') as HTMLElement;
        const search = document.querySelector('.site-header a[href="/search"]');
        const logo = (
          document.querySelector('.site-header .brand svg') as Element
        ).getBoundingClientRect();
        return {
          logo: { width: Math.round(logo.width), height: Math.round(logo.height) },
          wide: document.documentElement.scrollWidth - window.innerWidth,
          rows,
          hidden: list.scrollWidth - list.clientWidth,
          search: search ? search.getBoundingClientRect().width > 0 && search.textContent : null,
        };
      });
      expect(header.search, `${lang}: the search link`).toBeTruthy();
      expect(header.rows, `${lang}: rows of the header`).toBeLessThanOrEqual(2);
      expect(header.hidden, `${lang}: pixels of the menu cut off`).toBeLessThanOrEqual(0);
      // The house icon keeps its shape (it was squeezed to 9 px wide by the English labels).
      expect(header.logo, `${lang}: the logo's size`).toEqual({ width: 28, height: 28 });
      expect(header.wide, `${lang}: pixels of sideways scrolling`).toBeLessThanOrEqual(0);
      if (lang === 'ru') {
        // "Конфиденциальность" broke as "Конфиденциальнос / ть" without a hyphen.
        await page.goto(`${server.url}/privacy?lang=ru`);
        const lines = await page.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('h1') as Element);
          return range.getClientRects().length;
        });
        expect(lines, 'ru: lines of the privacy heading').toBe(1);
      }
      await page.close();
    }
  });

  it(
    'draws each progress bar as wide as its value, on a phone and a desktop',
    { timeout: 300_000 },
    async () => {
      const plan = pageTypes.find((type) => type.name === 'plan') as PageType;
      for (const viewport of [PHONE, DESKTOP]) {
        for (const path of [plan.path, '/plans', '/plans/1', '/events/pikk-toimunud']) {
          const page = await openPage(browser, { viewport });
          await page.goto(server.url + path);
          const bars = await page.$$eval('.progress[aria-valuenow]', (elements) =>
            elements.map((bar) => {
              const fill = bar.firstElementChild as HTMLElement;
              const inner = bar.clientWidth;
              return {
                value: Number(bar.getAttribute('aria-valuenow')),
                drawn: (fill.getBoundingClientRect().width / inner) * 100,
              };
            }),
          );
          expect(bars.length, `${path} has progress bars`).toBeGreaterThan(0);
          expect(
            new Set(bars.map((bar) => bar.value)).size,
            `${path}: values differ`,
          ).toBeGreaterThan(path === plan.path || path.startsWith('/events') ? 0 : 1);
          for (const bar of bars) {
            expect(
              Math.abs(bar.drawn - bar.value),
              `${path}: ${bar.value}% drawn as ${bar.drawn}%`,
            ).toBeLessThan(1.5);
          }
          await page.close();
        }
      }
    },
  );
});
