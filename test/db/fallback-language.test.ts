import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed';
import { createTestContext, type TestContext } from '../helpers/app';
import { body, makeEvent, outboxFor, register } from './registrations-fixtures';

/**
 * Reviewer items 2, 6, 7: text shown in another language than the page's is marked with its
 * lang, and emailed links open in the email's language.
 */

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now());
});
afterAll(() => ctx.close());

describe('emailed links', () => {
  it('open the manage page and the event page in the registration’s language, privately', async () => {
    const event = await makeEvent(ctx, { title: 'Keila foorum' });
    const person = body();
    const res = await register(ctx, event.slug, person, { 'accept-language': 'ru' });
    expect([201, 202]).toContain(res.status);
    const [mail] = await outboxFor(ctx.deps.db, person.email);
    expect(mail?.text).toContain('Keila foorum');
    const links = [...(mail?.text ?? '').matchAll(/https:\/\/koda\.test\/\S+/g)].map((m) => m[0]);
    const manage = links.find((url) => url.includes('/registrations/'));
    const eventPage = links.find((url) => url.includes(`/events/${event.slug}`));
    expect(manage).toMatch(/\?lang=ru$/);
    expect(eventPage).toMatch(/\?lang=ru$/);

    // The browser asks for English; the link's language wins.
    const page = await ctx.app.request(
      new URL(manage as string).pathname + new URL(manage as string).search,
      {
        headers: { 'accept-language': 'en-US' },
      },
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    const html = await page.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Mari Maasikas');
  });
});
