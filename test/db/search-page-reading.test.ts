/** How the search page reads a query and shows what it found (issue 19's new-user review). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { visibleText } from '../helpers/form-language';

let ctx: TestContext;

async function page(params: Record<string, string>): Promise<string> {
  const res = await ctx.app.request(`/search?${new URLSearchParams(params)}`);
  expect(res.status).toBe(200);
  return res.text();
}

const count = (html: string) => Number(/class="result-count"[^>]*>(\d+)/.exec(html)?.[1]);
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(() => ctx.close());

describe('/search', () => {
  it('finds as much with the place named in full ("Keila linn") as with its name', async () => {
    const short = count(await page({ q: 'Keila 2014' }));
    expect(short).toBeGreaterThan(1);
    expect(count(await page({ q: 'Keila linn 2014' }))).toBe(short);
    expect(count(await page({ q: 'Кейла 2014', lang: 'ru' }))).toBe(short);
  });

  it('says where the results end on a page past the last one', async () => {
    const first = await page({ q: '2014', lang: 'en' });
    const total = count(first);
    const pages = Math.ceil(total / 20);
    expect(pages).toBeGreaterThan(1);
    for (const past of [String(pages + 1), '999']) {
      const html = await page({ q: '2014', page: past, lang: 'en' });
      expect(count(html)).toBe(total);
      expect(visibleText(html)).toContain(
        `There are no results on this page: the results fill ${pages} pages.`,
      );
      expect(html).toContain(`href="/search?q=2014&amp;page=${pages}"`);
      expect(visibleText(html)).not.toContain('Nothing was found');
    }
  });

  it('names the search in the title and quotes the words as each language does', async () => {
    expect(title(await page({ q: 'kaasav Keila' }))).toBe('Otsing: „kaasav“, Keila linn · Koda');
    expect(title(await page({ q: 'kaasav', lang: 'ru' }))).toBe('Поиск: «kaasav» · Koda');
    expect(title(await page({ q: 'kaasav', lang: 'en' }))).toBe('Search: “kaasav” · Koda');
    expect(title(await page({}))).toBe('Otsing · Koda');
  });

  it('leaves out what a result does not have instead of an empty part', async () => {
    const html = await page({ q: 'kaasav', kind: 'plan_item', lang: 'en' });
    expect(count(html)).toBeGreaterThan(0);
    const metas = [...html.matchAll(/<p class="meta">([\s\S]*?)<\/p>/g)].map((m) =>
      visibleText(m[1]!),
    );
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).not.toMatch(/·\s*·|^\s*·|·\s*$/);
  });
});

describe('GET /api/v1/search', () => {
  it('asks for a number where one was expected, in the reader’s language', async () => {
    const res = await ctx.app.request('/api/v1/search?q=kaasav&year=abc', {
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details).toEqual([{ path: 'year', message: 'Enter a number.' }]);
  });
});
