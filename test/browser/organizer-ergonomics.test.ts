import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import {
  PHONE,
  cspViolations,
  horizontalOverflow,
  launchChromium,
  openPage,
  serveForBrowser,
} from '../helpers/browser';
import { makeEvent } from '../db/registrations-fixtures';

/**
 * The organizer pages this work changed, as an organizer gets them on a 360 px phone under the
 * page's real CSP: outcome notes folded (one opened to edit, saved), the plan admin page folded,
 * the audit log's before → after list; no sideways scrolling, no CSP violation.
 */

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let organizer: string;
let adminCookie: string;
let api: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  server = await serveForBrowser(ctx);
  browser = await launchChromium();
  organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  adminCookie = await sessionFor(ctx, { role: 'admin' });
  api = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
/** A phone page logged in with the session cookie (as the browser keeps it, so posts carry it too). */
async function loggedIn(cookie: string, lang: 'et' | 'en') {
  const page = await openPage(browser, { viewport: PHONE, lang });
  const [name, value] = cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: server.url }]);
  return page;
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

describe.each(['et', 'en'] as const)('organizer pages on a phone, in %s', (lang) => {
  it('outcome notes: folded, one opened and saved with a h:mm:ss time; the page fits 360 px', async () => {
    const event = await makeEvent(ctx);
    const recording = await created(
      await apiRequest(
        ctx,
        'POST',
        `/events/${event.slug}/recordings`,
        { url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Salvestis', durationSeconds: 7200 },
        api,
      ),
    );
    const notes = [];
    for (const title of ['Pingid', `Väga-pikk-sõna-${'x'.repeat(80)}`, 'Valgustus']) {
      notes.push(
        await created(
          await apiRequest(
            ctx,
            'POST',
            `/events/${event.slug}/outcomes`,
            { kind: 'proposal', title, body: 'https://example.ee/' + 'a'.repeat(120) },
            api,
          ),
        ),
      );
    }
    const page = await loggedIn(organizer, lang);
    await page.goto(`${server.url}/admin/events/${event.slug}/outcomes?lang=${lang}`);
    // Folded: no note's form is shown until its summary is opened.
    for (const note of notes) {
      expect(await page.locator(`#outcome-${note.id} form.form`).isVisible()).toBe(false);
    }
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    const first = notes[0]!;
    await page.click(`#outcome-${first.id} > details > summary`);
    const form = page.locator(`#outcome-${first.id} form.form`);
    expect(await form.isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    await form.locator('select[name="recordingId"]').selectOption(String(recording.id));
    await form.locator('input[name="offsetSeconds"]').fill('1:02:03');
    await Promise.all([
      page.waitForURL(/outcomes\?saved/),
      form.locator('button[type="submit"]').click(),
    ]);
    expect(await page.locator(`#outcome-${first.id} > details > summary`).innerText()).toContain(
      '(1:02:03)',
    );
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('the plan admin page is a folded list and the audit log a before → after list, both fitting 360 px', async () => {
    const plan = await created(
      await apiRequest(
        ctx,
        'POST',
        '/municipalities/keila/plans',
        { title: `Telefon ${lang}`, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        api,
      ),
    );
    const items = [];
    for (let n = 1; n <= 6; n++) {
      items.push(
        await created(
          await apiRequest(ctx, 'POST', `/plans/${plan.id}/items`, { title: `Tegevus ${n}` }, api),
        ),
      );
    }
    await apiRequest(
      ctx,
      'PATCH',
      `/plan-items/${items[0]!.id}`,
      { title: `Tegevus üks ${'pikk '.repeat(40)}` },
      api,
    );
    const page = await loggedIn(organizer, lang);
    await page.goto(`${server.url}/admin/plans/${plan.id}?lang=${lang}`);
    const open = await page.locator('li[data-plan-item] details[open]').count();
    expect(open).toBe(0);
    const last = page.locator(`#item-${items[5]!.id}`);
    // Six folded items: the last one is within two screens of the top, not thousands of pixels.
    const box = await last.boundingBox();
    expect(box!.y).toBeLessThan(PHONE.height * 2);
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    expect(await cspViolations(page)).toEqual([]);
    await page.close();

    const audit = await loggedIn(adminCookie, lang);
    await audit.goto(
      `${server.url}/admin/audit?entity=action_item&entityId=${items[0]!.id}&lang=${lang}`,
    );
    const changes = await audit.locator('ul.audit-changes').first().innerText();
    expect(changes).toMatch(/Tegevus 1 → Tegevus üks pikk/);
    expect(await audit.locator('pre').count()).toBe(0);
    expect(await horizontalOverflow(audit)).toEqual({ px: 0, culprits: [] });
    expect(await cspViolations(audit)).toEqual([]);
    await audit.close();
  });
});

describe('the organizer forms with /assets/forms.js, on a phone', () => {
  it('the event form creates a draft and saves it unchanged, its language sections sent empty', async () => {
    const page = await loggedIn(organizer, 'et');
    await page.goto(`${server.url}/admin/events/new`);
    await page.locator('input[name="title"]').fill('Mõttekoda vormist');
    await page.locator('input[name="startsAt"]').fill('2027-03-02T18:00');
    await page.locator('input[name="endsAt"]').fill('2027-03-02T20:00');
    await Promise.all([
      page.waitForURL(/\/admin\/events\/[^/]+\?saved=1$/),
      page.getByRole('button', { name: 'Loo mustand' }).click(),
    ]);
    // Saving the edit form as it is rendered (every translation section included) changes nothing and is accepted.
    await page.goto(page.url().replace('?saved=1', ''));
    await Promise.all([
      page.waitForURL(/\?saved=1$/),
      page.getByRole('button', { name: 'Salvesta', exact: true }).click(),
    ]);
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Mõttekoda vormist');
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('the agenda editor adds and removes rows in place and saves them in time order', async () => {
    const event = await makeEvent(ctx, {
      startsAt: new Date('2026-12-05T12:00:00Z'),
      endsAt: new Date('2026-12-05T15:00:00Z'),
    });
    const page = await loggedIn(organizer, 'et');
    await page.goto(`${server.url}/admin/events/${event.slug}/agenda`);
    const rows = page.locator('[data-rows] > fieldset');
    expect(await rows.count()).toBe(1);
    const fill = async (index: number, start: string, end: string, title: string) => {
      const row = rows.nth(index);
      await row.locator('input[type="time"]').nth(0).fill(start);
      await row.locator('input[type="time"]').nth(1).fill(end);
      await row.locator('input[name$=".title"]').fill(title);
    };
    await fill(0, '15:00', '16:00', 'Kokkuvõte');
    // Added in place, no reload: the page keeps what was typed.
    await page.click('[data-add-row]');
    await page.click('[data-add-row]');
    expect(await rows.count()).toBe(3);
    await fill(1, '14:00', '15:00', 'Avamine');
    await fill(2, '16:00', '16:30', 'Eemaldatav');
    await rows.nth(2).getByRole('button', { name: 'Eemalda' }).click();
    expect(await rows.count()).toBe(2);
    expect(await horizontalOverflow(page)).toEqual({ px: 0, culprits: [] });
    await Promise.all([
      page.waitForURL(/agenda\?saved=1/),
      page.getByRole('button', { name: 'Salvesta päevakava' }).click(),
    ]);
    const titles = await page
      .locator('[data-rows] input[name$=".title"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(titles).toEqual(['Avamine', 'Kokkuvõte', '']);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('a chapter and an outcome note take the player’s current time as h:mm:ss', async () => {
    const event = await makeEvent(ctx);
    const recording = await created(
      await apiRequest(
        ctx,
        'POST',
        `/events/${event.slug}/recordings`,
        { url: 'https://media.example.ee/koosolek.mp4', title: 'Salvestis' },
        api,
      ),
    );
    const page = await loggedIn(organizer, 'et');
    await page.goto(`${server.url}/admin/events/${event.slug}/recordings/${recording.id}`);
    const chapters = page.locator('textarea[name="chapters"]');
    await chapters.fill('0:00 Algus');
    // Where the organizer has played to (a <video> reports its own time).
    await page.locator('#player video').evaluate((video) => {
      (video as HTMLVideoElement).currentTime = 3723;
    });
    await page.getByRole('button', { name: 'Lisa mängija praegune aeg' }).click();
    expect(await chapters.inputValue()).toBe('0:00 Algus\n1:02:03 ');
    expect(await cspViolations(page)).toEqual([]);

    // An outcome note's "said at" takes it too, in the same format, and the note gets the
    // recording the player plays (none was chosen).
    await page.goto(`${server.url}/admin/events/${event.slug}/outcomes`);
    await page.locator('#player video').evaluate((video) => {
      (video as HTMLVideoElement).currentTime = 95;
    });
    const note = page.locator('form.form').last();
    await note.getByRole('button', { name: 'Lisa mängija praegune aeg' }).click();
    expect(await note.locator('input[name="offsetSeconds"]').inputValue()).toBe('1:35');
    expect(await note.locator('select[name="recordingId"]').inputValue()).toBe(
      String(recording.id),
    );
    await note.locator('input[name="title"]').fill('Valgustus saali');
    await Promise.all([
      page.waitForURL(/outcomes\?saved/),
      note.locator('button[type="submit"]').last().click(),
    ]);
    const saved = await page.locator('.fold-list > li > details > summary').allInnerTexts();
    expect(saved.find((summary) => summary.includes('Valgustus saali'))).toContain('(1:35)');
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the document upload form', () => {
  it('offers a title translation for every language but the original chosen, without JavaScript', async () => {
    const event = await makeEvent(ctx);
    const page = await loggedIn(organizer, 'en');
    await page.context().route('**/*.js', (route) => route.abort());
    await page.goto(`${server.url}/admin/events/${event.slug}/attachments?lang=en`);
    const shown = () =>
      page.$$eval('form details.translation', (sections) =>
        sections
          .filter((section) => getComputedStyle(section).display !== 'none')
          .map((section) => section.getAttribute('data-lang')),
      );
    expect(await shown()).toEqual(['ru', 'en']);
    await page.selectOption('select[name="originalLang"]', 'ru');
    expect(await shown()).toEqual(['et', 'en']);
    await page.selectOption('select[name="originalLang"]', 'en');
    expect(await shown()).toEqual(['et', 'ru']);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
