import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';

let ctx: TestContext;
let rouge: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  rouge = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
});
afterAll(() => ctx.close());

const page = async (path: string) =>
  (await ctx.app.request(path, { headers: { cookie: rouge } })).text();

describe.each(['et', 'en'])('the event form, in %s', (lang) => {
  it('chooses the time zone from a list, Europe/Tallinn by default', async () => {
    const html = await page(`/admin/events/new?lang=${lang}`);
    const select = /<select[^>]*name="timezone"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    // Named as residents say them, in the page's language: never the raw zone id.
    expect(select).toContain(
      `<option value="Europe/Tallinn" selected="">${lang === 'et' ? 'Eesti aeg' : 'Estonian time'}</option>`,
    );
    expect(select).toContain(
      `<option value="Europe/Helsinki">Helsinki (${lang === 'et' ? 'Ida-Euroopa aeg' : 'Eastern European Time'})</option>`,
    );
    expect(select).not.toMatch(/>[A-Za-z]+\/[A-Za-z_]+</);
    expect(html).not.toMatch(/<input[^>]*name="timezone"/);
  });

  it('offers the places used before, and folds the map position away', async () => {
    const html = await page(`/admin/events/new?lang=${lang}`);
    // Rõuge's own places (from the demo), each with its address, and none of another municipality.
    const datalist = /<datalist id="known-venues">([\s\S]*?)<\/datalist>/.exec(html)?.[1] ?? '';
    expect(html).toMatch(/<input[^>]*name="venueName"[^>]*list="known-venues"/);
    expect(datalist).toContain('value="Rõuge rahvamaja"');
    expect(datalist).not.toContain('Keila');
    // Latitude and longitude live in a closed fold, not in the primary view.
    const fold = /<details>\s*<summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/.exec(html);
    expect(fold?.[1]).toBe(
      lang === 'et' ? 'Asukoht kaardil (valikuline)' : 'Map position (optional)',
    );
    expect(fold?.[2]).toContain('name="venueLat"');
    expect(fold?.[2]).toContain('name="venueLon"');
  });
});
