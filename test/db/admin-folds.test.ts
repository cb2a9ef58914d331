import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created } from '../helpers/api';
import { bearerFor, sessionFor } from '../helpers/auth';
import { expectRefusedFormIn } from '../helpers/form-language';
import { postForm } from '../helpers/session';

/**
 * Long admin pages fold: the plan admin page shows each item as a <details> (closed), so only
 * one item's forms are open at a time: the one whose form was refused.
 */

let ctx: TestContext;
let keila: string;
let keilaApi: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keila = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  keilaApi = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

/** Each item's <li>: its id and whether its <details> is open. */
function itemFolds(html: string): { id: string; open: boolean; forms: number }[] {
  return [...html.matchAll(/<li id="item-(\d+)"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => {
    const inner = match[2] ?? '';
    return {
      id: match[1] ?? '',
      open: /^<details open=""/.test(inner),
      forms: inner.startsWith('<details') ? (inner.match(/<form /g) ?? []).length : -1,
    };
  });
}

describe.each(['et', 'en'] as const)('the plan admin page folds, in %s', (lang) => {
  it('every item is folded; a refused report opens that item only', async () => {
    const plan = await created(
      await apiRequest(
        ctx,
        'POST',
        '/municipalities/keila/plans',
        { title: `Voldid ${lang}`, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        keilaApi,
      ),
    );
    const items = [];
    for (const title of ['Pingid parki', 'Valgustus', 'Rattateed']) {
      items.push(
        await created(
          await apiRequest(ctx, 'POST', `/plans/${plan.id}/items`, { title }, keilaApi),
        ),
      );
    }
    const page = await ctx.app.request(`/admin/plans/${plan.id}?lang=${lang}`, {
      headers: { cookie: keila },
    });
    expect(page.status).toBe(200);
    const folds = itemFolds(await page.text());
    expect(folds.map((fold) => fold.id)).toEqual(items.map((item) => String(item.id)));
    for (const fold of folds) {
      expect(fold.open).toBe(false);
      expect(fold.forms).toBeGreaterThan(0);
    }
    const second = items[1]?.id;
    const refused = await postForm(
      ctx,
      `/admin/plan-items/${second}/updates?lang=${lang}`,
      { date: '2027-02-01', progress: '150', note: 'Liiga palju' },
      { cookie: keila },
    );
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expectRefusedFormIn(html, lang, []);
    expect(itemFolds(html).map((fold) => [fold.id, fold.open])).toEqual([
      [String(items[0]?.id), false],
      [String(second), true],
      [String(items[2]?.id), false],
    ]);
    expect(html).toContain(translator(lang)('plans.field.progress'));
  });
});
