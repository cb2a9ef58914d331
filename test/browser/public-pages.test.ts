import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../demo/seed';
import { passwordResets, users } from '@/platform/db/schema';
import { hashToken, newToken } from '@/platform/tokens';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import {
  cspViolations,
  DESKTOP,
  launchChromium,
  openPage,
  PHONE,
  serveForBrowser,
} from '../helpers/browser';
import { createFeedToken } from '@/calendar/tokens';
import { eq } from 'drizzle-orm';
import { actionItems, actionPlans } from '@/platform/db/schema';
import { makeEvent } from '../db/registrations-fixtures';
import { seedParticipation } from './page-types';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now());
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

/** Runs axe-core (WCAG 2.1 A/AA rules) in the page and returns serious and critical violations. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an inline script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const pages = [
  '/',
  '/events',
  '/events?when=past',
  '/events/mottekoda-keilas',
  '/events/naidis-keila-linna-foorum-kaasav-eelarve',
  '/municipalities',
  '/municipalities/tartu',
  '/events/mottekoda-keilas?lang=en',
  '/archive',
  '/archive?q=eelarve&lang=en',
  '/recordings/1',
  '/plans',
  '/plans?municipality=keila&status=adopted&lang=en',
  '/plans/1',
  '/plans/1?lang=en',
  '/privacy',
  '/admin/login',
  '/admin/password-reset',
  // Russian on the narrowest phone: its longer words and the three-language switch.
  '/?lang=ru',
  '/events/mottekoda-keilas?lang=ru',
  '/archive?lang=ru',
  '/plans/1?lang=ru',
  '/admin/login?lang=ru',
];

describe('public pages in a real browser', () => {
  it.each(pages)('%s has no serious accessibility violations on a phone', async (path) => {
    const page = await openPage(browser, { viewport: PHONE });
    const response = await page.goto(server.url + path);
    expect(response?.status()).toBe(200);
    const violations = await seriousViolations(page);
    expect(
      violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      ),
    ).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(1);
    expect(await cspViolations(page), 'nothing blocked by the CSP').toEqual([]);
    await page.close();
  });

  it('organizer pages have no serious accessibility violations either', async () => {
    // Signed in with a session: a token opens no page.
    const cookie = await sessionFor(ctx, { role: 'admin' });
    const adminPages = [
      '/admin',
      '/admin/events',
      '/admin/events/new',
      '/admin/events/mottekoda-rouges',
      '/admin/events/mottekoda-rouges/agenda',
      '/admin/events/naidis-keila-linna-foorum-kaasav-eelarve/registrations',
      '/admin/events/naidis-keila-linna-foorum-kaasav-eelarve/check-in',
      '/admin/events/mottekoda-rouges/recordings',
      '/admin/events/mottekoda-rouges/outcomes',
      '/admin/plans',
      '/admin/plans/1',
      '/admin/users',
      '/admin/outbox',
      '/admin/audit',
      '/admin/account',
    ];
    const page = await openPage(browser, { headers: { cookie }, viewport: DESKTOP });
    for (const path of adminPages) {
      const response = await page.goto(server.url + path);
      expect(response?.status(), path).toBe(200);
      const violations = await seriousViolations(page);
      expect(violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    }
    await page.close();
  });

  it('the page a password reset link opens has no serious accessibility violations', async () => {
    const [user] = await ctx.deps.db.select({ id: users.id }).from(users).limit(1);
    const token = newToken();
    await ctx.deps.db.insert(passwordResets).values({
      userId: user?.id ?? 0,
      tokenHash: await hashToken(token),
      expiresAt: new Date(ctx.clock.now().getTime() + 60 * 60 * 1000),
    });
    const page = await openPage(browser, { viewport: { width: 375, height: 740 } });
    const response = await page.goto(`${server.url}/admin/password-reset/${token}`);
    expect(response?.status()).toBe(200);
    expect((await seriousViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('the page that stops a personal calendar feed has no serious accessibility violations', async () => {
    const token = await createFeedToken(ctx.deps.db, 'lugeja@example.ee');
    const page = await openPage(browser, { viewport: { width: 375, height: 740 } });
    const response = await page.goto(`${server.url}/feeds/${token}/revoke`);
    expect(response?.status()).toBe(200);
    expect((await seriousViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('the participation pages (questions, feedback, follows) have no serious accessibility violations', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = ctx.clock.now().getTime();
    const upcoming = await makeEvent(ctx, { slug: 'osalus-tulevane' });
    const past = await makeEvent(ctx, {
      slug: 'osalus-toimunud',
      startsAt: new Date(now - 20 * day),
      endsAt: new Date(now - 20 * day + 3 * 60 * 60 * 1000),
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
    const [item] = await ctx.deps.db
      .select({ id: actionItems.id })
      .from(actionItems)
      .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
      .where(eq(actionPlans.status, 'adopted'))
      .limit(1);
    const types = await seedParticipation(ctx, { upcoming, past, planItemId: item?.id ?? 0 });
    const problems: string[] = [];
    const check = async (page: Page, path: string) => {
      const response = await page.goto(server.url + path);
      if (response?.status() !== 200) problems.push(`${path} answered ${response?.status()}`);
      for (const v of await seriousViolations(page)) problems.push(`${path} ${v.id}: ${v.help}`);
    };
    // The public ones on a phone in each language: the registration form with its questions,
    // the published feedback summary, the feedback form and the follow pages.
    for (const lang of ['et', 'en', 'ru'] as const) {
      const page = await openPage(browser, { viewport: PHONE, lang });
      for (const path of [
        `/events/${upcoming.slug}`,
        `/events/${past.slug}`,
        ...types.filter((type) => !type.admin).map((type) => type.path),
      ]) {
        await check(page, `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      }
      await page.close();
    }
    // The organizers' question editor and feedback summary.
    const [name, value] = (await sessionFor(ctx, { role: 'admin' })).split('=') as [string, string];
    const page = await openPage(browser, { viewport: DESKTOP });
    await page.context().addCookies([{ name, value, url: server.url }]);
    for (const type of types.filter((candidate) => candidate.admin)) await check(page, type.path);
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

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
