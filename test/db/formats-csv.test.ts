import { parse } from 'csv-parse/sync';
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed';
import { actionItems } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest, created, type Json } from '../helpers/api';
import { bearerFor } from '../helpers/auth';
import { hostileText } from '../helpers/text';
import { body, makeEvent, register } from './registrations-fixtures';

/** The CSV files as a spreadsheet or Python's csv reads them (see test/unit/csv-format.test.ts). */

let ctx: TestContext;
let keila: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.deps.db, ctx.clock.now());
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

/** Any line break outside quotes ends a record; a record of another width throws. */
function strictRecords(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}

async function download(path: string, authorization?: string) {
  const res = await ctx.app.request(path, {
    headers: authorization ? { authorization } : {},
  });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function newPlan(status: 'draft' | 'adopted'): Promise<Json> {
  return created(
    await apiRequest(
      ctx,
      'POST',
      '/municipalities/keila/plans',
      { title: 'Keila kava', periodStart: '2027-01-01', periodEnd: '2028-12-31', status },
      keila,
    ),
  );
}

async function itemsOf(planId: number) {
  const rows = await ctx.deps.db
    .select()
    .from(actionItems)
    .where(eq(actionItems.planId, planId))
    .orderBy(asc(actionItems.position));
  return rows.map((row) => ({
    title: row.title,
    description: row.description,
    responsible: row.responsible,
    dueDate: row.dueDate,
  }));
}

const itemText = fc.record({
  title: hostileText({ minLength: 1, maxLength: 30 })
    .map((title) => title.trim())
    .filter((title) => title.length > 0),
  description: fc.option(hostileText({ minLength: 1, maxLength: 60 }), { nil: null }),
  responsible: fc.option(hostileText({ minLength: 1, maxLength: 20 }), { nil: null }),
  dueDate: fc.option(fc.constantFrom('2027-03-31', '2028-12-15'), { nil: null }),
});

describe('plan items CSV: export → import is exact for any text', () => {
  it('reads back into another plan exactly what the first one holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(itemText, { minLength: 1, maxLength: 4 }), async (items) => {
        const source = await newPlan('adopted');
        for (const item of items) {
          await created(await apiRequest(ctx, 'POST', `/plans/${source.id}/items`, item, keila));
        }
        // What the app stored (single-line fields normalised on the way in) is what must return.
        const expected = await itemsOf(source.id);
        expect(expected).toHaveLength(items.length);

        const page = await download(`/plans/${source.id}/items.csv`, keila);
        const api = await download(`/api/v1/plans/${source.id}/items.csv`, keila);
        expect(api).toBe(page);
        const records = strictRecords(page);
        expect(records).toHaveLength(items.length + 1);
        for (const record of records) expect(record).toHaveLength(7);

        const target = await newPlan('draft');
        const form = new FormData();
        form.append('file', new File([page], 'items.csv', { type: 'text/csv' }));
        const res = await ctx.app.request(`/admin/plans/${target.id}/import`, {
          method: 'POST',
          headers: { authorization: keila, origin: 'https://koda.test' },
          body: form,
        });
        expect(res.status, await res.clone().text()).toBe(303);
        expect(await itemsOf(target.id)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});

describe('registrations CSV', () => {
  it('keeps one row per person, however their text breaks lines or quotes', async () => {
    const event = await makeEvent(ctx);
    const people = [
      { name: 'Mari "Maasikas", noorem', organization: '=1+2\r\nSelts', needs: 'ratastool\nvegan' },
      { name: 'Jüri Õun', organization: 'Küla; "Selts"', needs: 'kurt\rviipekeel, 😀' },
      { name: '@Tõnu', needs: '-' },
    ];
    for (const person of people) {
      const res = await register(ctx, event.slug, body(person));
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const csv = await download(`/admin/events/${event.slug}/registrations.csv`, keila);
    const [header, ...records] = strictRecords(csv);
    expect(records).toHaveLength(people.length);
    for (const record of records) expect(record).toHaveLength(header?.length ?? 0);
    const rows = records.map((record) =>
      Object.fromEntries((header ?? []).map((name, index) => [name, record[index]])),
    );
    expect(rows.map((row) => [row.name, row.organization, row.needs])).toEqual([
      ['Mari "Maasikas", noorem', "'=1+2\r\nSelts", 'ratastool\nvegan'],
      ['Jüri Õun', 'Küla; "Selts"', 'kurt\rviipekeel, 😀'],
      ["'@Tõnu", '', "'-"],
    ]);
    expect(rows[0]?.registered_local).toBe('2026-11-26 14:00');
    expect(rows[0]?.registered_at).toBe('2026-11-26T14:00:00+02:00');
  });
});
