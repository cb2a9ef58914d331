import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';

let ctx: TestContext;
let rouge: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now());
  rouge = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
});
afterAll(() => ctx.close());

const page = async (path: string) =>
  (await ctx.app.request(path, { headers: { cookie: rouge } })).text();

describe.each(['et', 'en'])('the event form, in %s', (lang) => {
  it('chooses the time zone from a list, Europe/Tallinn by default', async () => {
    const html = await page(`/admin/events/new?lang=${lang}`);
    const select = /<select[^>]*name="timezone"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    expect(select).toContain('<option value="Europe/Tallinn" selected="">');
    expect(select).toContain('<option value="Europe/Helsinki">Europe/Helsinki</option>');
    expect(select).toContain('<option value="America/New_York">America/New York</option>');
    expect(html).not.toMatch(/<input[^>]*name="timezone"/);
  });
});
