import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/app';
import { launchChromium, serveForBrowser } from '../helpers/browser';
import { makeEvent } from '../db/registrations-fixtures';

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  server = await serveForBrowser(ctx);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

describe('a refused form in the browser', () => {
  it('focuses the error summary on a phone, under the page’s own CSP, and its link leads to the field', async () => {
    const event = await makeEvent(ctx);
    // The page's real Content-Security-Policy: /assets/forms.js must run under it.
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'et-EE' });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${server.url}/events/${event.slug}`);
    // What the browser's own checks let through but Koda refuses: a blank name, an address
    // without a domain.
    await page.fill('#f-name', ' ');
    await page.fill('#f-email', 'mari@kodu');
    await page.check('#f-consent');
    await Promise.all([
      page.waitForURL(`**/events/${event.slug}/register`),
      page.click('.registration-form button[type="submit"]'),
    ]);
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-error-summary'));
    const summary = page.locator('[data-error-summary]');
    expect(await summary.innerText()).toContain('Palun paranda need vead:');
    expect(await summary.innerText()).toContain('See väli on kohustuslik.');
    expect(blocked).toEqual([]);

    await summary.locator('a[href="#f-email"]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'f-email');
    expect(page.url()).toMatch(/#f-email$/);
    const field = await page.locator('#f-email').boundingBox();
    expect(field).not.toBeNull();
    expect(field!.y).toBeGreaterThanOrEqual(0);
    expect(field!.y + field!.height).toBeLessThanOrEqual(740);
    expect(await page.inputValue('#f-email')).toBe('mari@kodu');
    await page.close();
  });
});
