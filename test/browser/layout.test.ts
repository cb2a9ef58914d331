import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import {
  checkHtml,
  DESKTOP,
  javaProblem,
  launchChromium,
  layoutProblems,
  openPage,
  PHONE,
  serveForBrowser,
  seriousAxeViolations,
} from '../helpers/browser';
import { seedPageTypes, type PageType } from './page-types';
import { languages, type Lang } from '@/platform/i18n';

/**
 * Every page type (public, registration and organizer pages; events in every phase; very long
 * words and addresses) as people see it, under its real CSP, in one seeded app and one Chromium:
 * the layout on a 360 px phone and a 1280 px desktop in every language, axe-core on a phone in
 * every language and on a desktop in Estonian (its rules read the page, which the width changes
 * little), and the Nu HTML checker over every page in every language in one Java run.
 */

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let pageTypes: PageType[];
let cookie: string;

beforeAll(async () => {
  // Without Java the Nu checker cannot run: one line says what to install, before any work.
  const missing = javaProblem();
  if (missing) throw new Error(missing);
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

describe('every page type as people see it, under the real CSP', () => {
  for (const lang of languages) {
    it(`on a phone in ${lang}: nothing blocked by the CSP, no sideways scrolling even with very long words and addresses, the main action in the first screen, no serious axe violation`, async () => {
      const problems = await sweep({ viewport: PHONE, lang }, async (page, type) => [
        ...(await layoutProblems(page, type.main)),
        ...(await seriousAxeViolations(page)),
      ]);
      expect(problems).toEqual([]);
    }, 600_000);
  }
  it('on a desktop in et: nothing blocked by the CSP, no sideways scrolling, no serious axe violation', async () => {
    const problems = await sweep({ viewport: DESKTOP, lang: 'et' }, async (page) => [
      ...(await layoutProblems(page)),
      ...(await seriousAxeViolations(page)),
    ]);
    expect(problems).toEqual([]);
  }, 600_000);
  for (const lang of languages.filter((other) => other !== 'et')) {
    it(`on a desktop in ${lang}: nothing blocked by the CSP, no sideways scrolling`, async () => {
      expect(await sweep({ viewport: DESKTOP, lang }, (page) => layoutProblems(page))).toEqual([]);
    }, 600_000);
  }

  it('the Nu HTML checker finds no error on any page type, in any language', async () => {
    const documents: { name: string; html: string }[] = [];
    for (const lang of languages) {
      for (const type of pageTypes) {
        const path = withLang(type.path, lang);
        const response = await ctx.app.request(path, { headers: type.admin ? { cookie } : {} });
        expect(response.status, path).toBe(200);
        documents.push({ name: `${type.name} (${lang})`, html: await response.text() });
      }
    }
    const errors = checkHtml(documents).map(
      (problem) =>
        `${problem.file}, line ${problem.line}: ${problem.message} [${problem.extract ?? ''}]`,
    );
    expect(errors).toEqual([]);
  }, 300_000);

  it('the Nu HTML checker is able to fail: it reports an error in a broken page', () => {
    const problems = checkHtml([
      {
        name: 'broken',
        html: '<!DOCTYPE html><html lang="et"><head><title>x</title></head><body><main><main></main></main><a href="a b">x</a></body></html>',
      },
    ]);
    expect(problems.map((problem) => problem.file)).toContain('broken');
    expect(problems.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

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

describe('the demo programme without JavaScript and in print', () => {
  it('works without JavaScript: filters submit and the event page shows the agenda', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/events`);
    await page.selectOption('select[name="when"]', 'past');
    await page.selectOption('select[name="municipality"]', 'rouge');
    await Promise.all([
      page.waitForURL(/when=past/),
      page.click('form.filters button[type="submit"]'),
    ]);
    await page.click('text=Mõttekoda Rõuges');
    await expect.poll(() => page.url()).toContain('/events/mottekoda-rouges');
    expect(await page.textContent('h1')).toBe('Mõttekoda Rõuges');
    expect(await page.locator('table.agenda tbody tr').count()).toBe(5);
    await page.close();
  });

  it('works without JavaScript: the plan list filters by municipality and leads to the plan', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/plans`);
    await page.selectOption('form.filters select[name="municipality"]', 'tartu');
    await Promise.all([
      page.waitForURL(/municipality=tartu/),
      page.click('form.filters button[type="submit"]'),
    ]);
    const links = await page.locator('main a[href^="/plans/"]').allTextContents();
    expect(links).toEqual(['Tartu linna avatud valitsemise tegevuskava']);
    await page.click('text=Tartu linna avatud valitsemise tegevuskava');
    await expect.poll(() => page.url()).toMatch(/\/plans\/\d+$/);
    expect(await page.textContent('h1')).toBe('Tartu linna avatud valitsemise tegevuskava');
    await page.close();
  });

  it('prints the event page as a clean agenda without navigation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/events/mottekoda-keilas`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.isVisible('table.agenda')).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBe(1);
    await page.close();
  });
});
